"""The "runlog" app's admin, gathered from its feature packages."""

from runlog.log import admin as log_admin  # noqa: F401 — registers the log's models, imports and digests
