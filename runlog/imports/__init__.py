"""Getting a log in and out: upload, background import, parsers, account export and restore, CSV exports, undo."""
