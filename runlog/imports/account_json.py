"""The account export ("format": "runlog.account"): one import point for its writer, reader and restore."""

from __future__ import annotations

from runlog.imports.account_export import (
    ARCHIVE_DOCUMENT,
    ARCHIVE_FILES,
    FORMAT,
    VERSION,
    ArchiveFile,
    ExportCounts,
    export_document,
    export_json,
    iter_export,
    write_archive,
    write_json,
)
from runlog.imports.account_restore import save
from runlog.imports.account_schema import READABLE_VERSIONS, AccountDocument, Invalid, parse

__all__ = [
    "ARCHIVE_DOCUMENT",
    "ARCHIVE_FILES",
    "FORMAT",
    "READABLE_VERSIONS",
    "VERSION",
    "AccountDocument",
    "ArchiveFile",
    "ExportCounts",
    "Invalid",
    "export_document",
    "export_json",
    "iter_export",
    "parse",
    "save",
    "write_archive",
    "write_json",
]
