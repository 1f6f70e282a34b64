"""The "runlog" app's admin, gathered from its feature packages (the log's first: the digest extends it)."""

from runlog.api import admin as api_admin
from runlog.digest import admin as digest_admin
from runlog.imports import admin as imports_admin
from runlog.log import admin as log_admin

__all__ = ["api_admin", "digest_admin", "imports_admin", "log_admin"]
