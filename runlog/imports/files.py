"""Importers: files in (GPX, TCX, FIT, .gz, Strava / Garmin CSV, zip archives, JSON account export), plain
records out, then saved through the same bounds as the forms. `import_files` is the one entry point; the
background pipeline (`runlog.imports.tasks`) drives the same steps, `expand` → `read_item` → `save_item`."""

from __future__ import annotations

import io
import logging
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from runlog.imports import account_json
from runlog.imports.models import ImportBatch
from runlog.imports.parsers import csv as csvfiles
from runlog.imports.parsers.base import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_ENTRIES,
    MAX_FILE_BYTES,
    MAX_RATIO,
    ActivityRecord,
    ImportRejected,
    maybe_gunzip,
)
from runlog.imports.parsers.fit import parse_fit
from runlog.imports.parsers.gpx import parse_gpx
from runlog.imports.parsers.tcx import parse_tcx
from runlog.imports.save import FileReport, Saver, save_file
from runlog.log.models import Profile
from runlog.log.versions import bump_log_version

__all__ = [
    "ACCEPTED",
    "MAX_FILES_PER_UPLOAD",
    "MAX_WAITING_IMPORTS",
    "UNREADABLE",
    "FileReport",
    "ImportRejected",
    "Upload",
    "expand",
    "finish_batch",
    "import_files",
    "parse_activity_file",
    "read_item",
    "save_item",
    "upload_limit",
]

log = logging.getLogger("runlog.security")
crash_log = logging.getLogger("runlog.imports")
Rows = list[tuple[int | None, ActivityRecord | ImportRejected]]
Parsed = Rows | account_json.AccountDocument
PARSERS = {".gpx": parse_gpx, ".tcx": parse_tcx, ".fit": parse_fit}

# The limits of one upload and of one runner's waiting imports (sizes are in base.py, the quota in settings).
ACCEPTED = (".gpx", ".tcx", ".fit", ".gz", ".csv", ".zip", ".json")
MAX_FILES_PER_UPLOAD = 100
MAX_WAITING_IMPORTS = 3
# What the runner reads for a file that made Runlog itself fail; the traceback goes to the log.
UNREADABLE = "could not be read (an unexpected error, reported to the administrator)"


def megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def upload_limit(name: str) -> int:
    """The largest upload accepted under this name: an archive, or one activity / CSV / JSON file."""
    return MAX_ARCHIVE_BYTES if name.lower().endswith(".zip") else MAX_FILE_BYTES


def upload_errors(files) -> list[str]:
    """Why the import page (or the API) refuses these uploads before storing anything; [] if it does not."""
    if not files:
        return ["Choose at least one file to import."]
    if len(files) > MAX_FILES_PER_UPLOAD:
        return [f"At most {MAX_FILES_PER_UPLOAD} files at once; put more into a ZIP archive."]
    errors = []
    for upload in files:
        name = upload.name or "unnamed"
        limit = upload_limit(name)
        if not name.lower().endswith(ACCEPTED):
            errors.append(
                _("%(name)s: not a file type Runlog reads (GPX, TCX, FIT, .gz, CSV, ZIP or JSON).") % {"name": name}
            )
        elif upload.size > limit:
            errors.append(_("%(name)s: larger than %(size)s.") % {"name": name, "size": megabytes(limit)})
        elif upload.size == 0:
            errors.append(_("%(name)s: the file is empty.") % {"name": name})
    return errors


@dataclass
class Upload:
    """A file to import: its bytes, or a binary file object (seekable for a ZIP) read only as needed."""

    name: str
    data: bytes | BinaryIO


def _read_upload(upload: Upload) -> bytes:
    if isinstance(upload.data, bytes | bytearray | memoryview):
        data = bytes(upload.data)
    else:
        upload.data.seek(0)
        data = upload.data.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected(_("file is larger than %(size)s") % {"size": megabytes(MAX_FILE_BYTES)})
    return data


def parse_activity_file(name: str, data: bytes) -> list[ActivityRecord]:
    """One GPX / TCX / FIT file (optionally gzipped) to records; ImportRejected otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected(_("file is larger than %(size)s") % {"size": megabytes(MAX_FILE_BYTES)})
    name, data = maybe_gunzip(name, data)
    if not data:
        raise ImportRejected(_("the file is empty"))
    for suffix, parser in PARSERS.items():
        if name.lower().endswith(suffix):
            return parser(data)
    raise ImportRejected(_("not a file type Runlog reads (GPX, TCX, FIT, .gz of those, CSV, ZIP or JSON)"))


def _rows_from_csv(data: bytes, profile: Profile) -> tuple[Rows, dict[int, str]]:
    text = csvfiles.decode_csv(data)
    if csvfiles.looks_like_strava(text):
        parsed = csvfiles.parse_strava_csv(text)
    elif csvfiles.looks_like_garmin(text):
        parsed = csvfiles.parse_garmin_csv(text, profile.tz, profile.units)
    else:
        raise ImportRejected(_("a CSV file that is neither a Strava activities.csv nor a Garmin Activities.csv"))
    return [(number, item) for number, item, _ in parsed], {number: f for number, item, f in parsed if f}


def _open_zip(data: bytes | BinaryIO) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    """Open an archive after checking entry count, total size and ratio — before inflating anything."""
    stream = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    size = stream.seek(0, os.SEEK_END)
    stream.seek(0)
    if size > MAX_ARCHIVE_BYTES:
        raise ImportRejected(_("archive is larger than %(size)s") % {"size": megabytes(MAX_ARCHIVE_BYTES)})
    try:
        archive = zipfile.ZipFile(stream)  # reads the central directory only
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRejected(_("not a valid ZIP archive")) from None
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise ImportRejected(
            _("archive has %(count)s files; at most %(max)s are accepted")
            % {"count": len(infos), "max": MAX_ARCHIVE_ENTRIES}
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_ARCHIVE_BYTES:
        raise ImportRejected(_("archive expands to more than %(size)s") % {"size": megabytes(MAX_ARCHIVE_BYTES)})
    compressed = sum(i.compress_size for i in infos)
    if total > MAX_RATIO * max(compressed, 1) and total > 1024 * 1024:
        raise ImportRejected(_("archive expands suspiciously (over %(ratio)s:1): refused") % {"ratio": MAX_RATIO})
    # Entry names are only ever used as labels and lookup keys, never as paths on disk.
    return archive, {i.filename: i for i in infos}


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_FILE_BYTES:
        raise ImportRejected(_("file is larger than %(size)s") % {"size": megabytes(MAX_FILE_BYTES)})
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024 * 1024:
        raise ImportRejected(
            _("compressed entry expands suspiciously (over %(ratio)s:1): refused") % {"ratio": MAX_RATIO}
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise ImportRejected(_("the archive entry cannot be read (damaged or encrypted)")) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected(_("file is larger than %(size)s") % {"size": megabytes(MAX_FILE_BYTES)})
    return data


def _parse_bytes(name: str, data: bytes, profile: Profile) -> Parsed:
    lower = name.lower()
    if lower.endswith(".json"):
        return account_json.parse(data)
    if lower.endswith(".csv"):
        rows, _ = _rows_from_csv(data, profile)
        return rows
    return [(None, record) for record in with_original(parse_activity_file(name, data), name, data)]


def with_original(records: list[ActivityRecord], name: str, data: bytes) -> list[ActivityRecord]:
    """Each record keeps the file it came from, as uploaded (compressed or not), to be stored with it."""
    for record in records:
        record.original, record.original_name = data, name.rsplit("/", 1)[-1]
    return records


def _failing(exc: BaseException) -> Callable[[], Parsed]:
    """A parse step that raises what opening its upload raised, so `read_item` reports it like any other."""

    def parse() -> Parsed:
        raise exc

    return parse


def expand(upload: Upload, profile: Profile) -> Iterator[tuple[str, Callable[[], Parsed]]]:
    """(report name, parse step) for each file of an upload, archive entries one by one, in a stable order.

    Nothing is parsed until a step is called, so a resumed import skips what it already imported."""
    name = upload.name
    if not name.lower().endswith(".zip"):
        yield name, lambda: _parse_bytes(name, _read_upload(upload), profile)
        return
    try:
        archive, entries = _open_zip(upload.data)
    except Exception as exc:  # ImportRejected, or anything unexpected: reported by read_item
        yield name, _failing(exc)
        return
    if account_json.ARCHIVE_DOCUMENT in entries:  # an account export (version 2) as a ZIP
        document = entries[account_json.ARCHIVE_DOCUMENT]
        yield f"{name}/{account_json.ARCHIVE_DOCUMENT}", lambda: _account_archive(archive, entries, document)
        return
    csv_name = next((n for n in entries if n.lower().rsplit("/", 1)[-1] == "activities.csv"), None)
    if csv_name:
        yield f"{name}/{csv_name}", lambda: _strava_archive(archive, entries, csv_name, profile)
        return
    for entry_name, info in entries.items():
        label = f"{name}/{entry_name}"
        if entry_name.lower().endswith(".zip"):
            try:
                inner = _read_entry(archive, info)
            except Exception as exc:
                yield label, _failing(exc)
                continue
            yield from expand(Upload(label, inner), profile)
            continue
        yield label, lambda label=label, info=info: _parse_bytes(label, _read_entry(archive, info), profile)


def _account_archive(archive: zipfile.ZipFile, entries: dict, document: zipfile.ZipInfo):
    """An account export as a ZIP: its document, able to read the original files it names."""
    parsed = account_json.parse(_read_entry(archive, document), archive_names=entries)
    parsed.read_file = lambda path: _read_entry(archive, entries[path])
    return parsed


def _strava_archive(archive, entries, csv_name, profile) -> Rows:
    """A Strava bulk export: activities.csv rows, completed from the activity files they name."""
    rows, files = _rows_from_csv(_read_entry(archive, entries[csv_name]), profile)
    by_row = dict(rows)
    for number, filename in files.items():
        record = by_row.get(number)
        info = entries.get(filename)
        if not isinstance(record, ActivityRecord) or info is None:
            continue
        try:
            data = _read_entry(archive, info)
            detail = parse_activity_file(filename, data)[0]
        except ImportRejected:
            continue  # the CSV row alone is enough
        except Exception:
            crash_log.exception("activity file %s of a Strava archive could not be read", filename)
            continue
        record.avg_hr = record.avg_hr if record.avg_hr is not None else detail.avg_hr
        record.elevation_gain_m = (
            record.elevation_gain_m if record.elevation_gain_m is not None else detail.elevation_gain_m
        )
        # The file says what the row cannot: its samples, laps, device, and the file itself.
        record.max_hr = record.max_hr if record.max_hr is not None else detail.max_hr
        record.avg_cadence_spm = (
            record.avg_cadence_spm if record.avg_cadence_spm is not None else detail.avg_cadence_spm
        )
        record.samples, record.laps, record.device = detail.samples, detail.laps, detail.device
        with_original([record], filename, data)
    return rows


def read_item(label: str, parse: Callable[[], Parsed]) -> Parsed | ImportRejected:
    """Run one parse step. Whatever it raises becomes a rejection of that file, never of the batch."""
    try:
        return parse()
    except ImportRejected as exc:
        return exc
    except Exception:
        crash_log.exception("import: %s could not be read", label)
        return ImportRejected(UNREADABLE)


def save_item(
    profile: Profile, label: str, parsed: Parsed | ImportRejected, batch: ImportBatch | None, dry_run: bool = False
) -> FileReport:
    """Save one parsed file atomically and report on it; a failure while saving rejects the file alone."""
    report = FileReport(label)
    if isinstance(parsed, ImportRejected):
        report.reject_file(parsed.reason)
        log.info("import rejected user=%s file=%s reason=%s", profile.user_id, label, parsed.reason)
        return report
    try:
        with transaction.atomic():
            if isinstance(parsed, account_json.AccountDocument):
                account_json.save(profile, parsed, report, batch, dry_run)
            else:
                save_file(Saver(profile, batch, dry_run), report, parsed)
    except Exception:
        crash_log.exception("import: %s could not be saved", label)
        report = FileReport(label)
        report.reject_file(UNREADABLE)
    return report


def import_files(
    profile: Profile,
    uploads: Iterable[Upload],
    batch: ImportBatch | None = None,
    dry_run: bool = False,
    progress: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Import uploads for a runner. Each file is saved atomically; a rejected file leaves nothing behind."""
    reports = []
    for upload in uploads:
        for label, parse in expand(upload, profile):
            report = save_item(profile, label, read_item(label, parse), batch, dry_run)
            reports.append(report)
            if progress:
                progress(report)
    if not dry_run and any(r.created for r in reports):
        bump_log_version(profile.user_id)  # bulk inserts send no signals
    return reports


def finish_batch(batch: ImportBatch, reports: list[FileReport]) -> None:
    """Close a batch imported in one go with its report (the background pipeline closes its own)."""
    batch.report = [r.as_dict() for r in reports]
    batch.status = ImportBatch.Status.DONE
    batch.finished_at = timezone.now()
    batch.done_files = batch.total_files
    batch.lease = ""
    batch.save(update_fields=["report", "status", "finished_at", "done_files", "lease"])
