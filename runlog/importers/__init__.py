"""Importers: files in (GPX, TCX, FIT, .gz, Strava / Garmin CSV, zip archives, JSON account export), plain
records out, then saved through the same bounds as the forms. `import_files` is the one entry point."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from ..cache import bump_log_version
from ..models import ImportBatch, Profile
from . import account_json, csvfiles
from .base import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_ENTRIES,
    MAX_FILE_BYTES,
    MAX_RATIO,
    ActivityRecord,
    ImportRejected,
    maybe_gunzip,
)
from .fit import parse_fit
from .gpx import parse_gpx
from .save import FileReport, Saver, save_file
from .tcx import parse_tcx

__all__ = ["FileReport", "ImportRejected", "Upload", "finish_batch", "import_files", "parse_activity_file"]

log = logging.getLogger("runlog.security")
Rows = list[tuple[int | None, ActivityRecord | ImportRejected]]
PARSERS = {".gpx": parse_gpx, ".tcx": parse_tcx, ".fit": parse_fit}


@dataclass
class Upload:
    name: str
    data: bytes


def parse_activity_file(name: str, data: bytes) -> list[ActivityRecord]:
    """One GPX / TCX / FIT file (optionally gzipped) to records; ImportRejected otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected("file is larger than 25 MB")
    name, data = maybe_gunzip(name, data)
    if not data:
        raise ImportRejected("the file is empty")
    for suffix, parser in PARSERS.items():
        if name.lower().endswith(suffix):
            return parser(data)
    raise ImportRejected("not a file type Runlog reads (GPX, TCX, FIT, .gz of those, CSV, ZIP or JSON)")


def _rows_from_csv(data: bytes, profile: Profile) -> tuple[Rows, dict[int, str]]:
    text = csvfiles.decode_csv(data)
    if csvfiles.looks_like_strava(text):
        parsed = csvfiles.parse_strava_csv(text)
    elif csvfiles.looks_like_garmin(text):
        parsed = csvfiles.parse_garmin_csv(text, profile.tz, profile.units)
    else:
        raise ImportRejected("a CSV file that is neither a Strava activities.csv nor a Garmin Activities.csv")
    return [(number, item) for number, item, _ in parsed], {number: f for number, item, f in parsed if f}


def _open_zip(data: bytes) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    """Open an archive after checking entry count, total size and ratio — before inflating anything."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ImportRejected("archive is larger than 200 MB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRejected("not a valid ZIP archive") from None
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise ImportRejected(f"archive has {len(infos)} files; at most {MAX_ARCHIVE_ENTRIES} are accepted")
    total = sum(i.file_size for i in infos)
    if total > MAX_ARCHIVE_BYTES:
        raise ImportRejected("archive expands to more than 200 MB")
    compressed = sum(i.compress_size for i in infos)
    if total > MAX_RATIO * max(compressed, 1) and total > 1024 * 1024:
        raise ImportRejected("archive expands suspiciously (over 100:1): refused")
    # Entry names are only ever used as labels and lookup keys, never as paths on disk.
    return archive, {i.filename: i for i in infos}


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_FILE_BYTES:
        raise ImportRejected("file is larger than 25 MB")
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024 * 1024:
        raise ImportRejected("compressed entry expands suspiciously (over 100:1): refused")
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise ImportRejected("the archive entry cannot be read (damaged or encrypted)") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected("file is larger than 25 MB")
    return data


def _expand(upload: Upload, profile: Profile) -> Iterable[tuple[str, Rows | ImportRejected | dict]]:
    """(report name, rows | rejection | account document) for an upload; archives yield their entries."""
    name = upload.name
    lower = name.lower()
    try:
        if lower.endswith(".zip"):
            archive, entries = _open_zip(upload.data)
            csv_name = next((n for n in entries if n.lower().rsplit("/", 1)[-1] == "activities.csv"), None)
            if csv_name:
                yield from _strava_archive(name, archive, entries, csv_name, profile)
                return
            for entry_name, info in entries.items():
                label = f"{name}/{entry_name}"
                try:
                    data = _read_entry(archive, info)
                    yield from _expand(Upload(label, data), profile)
                except ImportRejected as exc:
                    yield label, exc
            return
        if lower.endswith(".json"):
            yield name, account_json.parse(upload.data)
            return
        if lower.endswith(".csv"):
            rows, _ = _rows_from_csv(upload.data, profile)
            yield name, rows
            return
        yield name, [(None, record) for record in parse_activity_file(name, upload.data)]
    except ImportRejected as exc:
        yield name, exc


def _strava_archive(name, archive, entries, csv_name, profile) -> Iterable[tuple[str, Rows | ImportRejected]]:
    """A Strava bulk export: activities.csv rows, completed from the activity files they name."""
    rows, files = _rows_from_csv(_read_entry(archive, entries[csv_name]), profile)
    by_row = dict(rows)
    for number, filename in files.items():
        record = by_row.get(number)
        info = entries.get(filename)
        if not isinstance(record, ActivityRecord) or info is None:
            continue
        if record.avg_hr is not None and record.elevation_gain_m is not None:
            continue
        try:
            detail = parse_activity_file(filename, _read_entry(archive, info))[0]
        except ImportRejected:
            continue  # the CSV row alone is enough
        record.avg_hr = record.avg_hr if record.avg_hr is not None else detail.avg_hr
        record.elevation_gain_m = (
            record.elevation_gain_m if record.elevation_gain_m is not None else detail.elevation_gain_m
        )
    yield f"{name}/{csv_name}", rows


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
        for label, parsed in _expand(upload, profile):
            report = FileReport(label)
            if isinstance(parsed, ImportRejected):
                report.reject_file(parsed.reason)
                log.info("import rejected user=%s file=%s reason=%s", profile.user_id, label, parsed.reason)
            elif isinstance(parsed, account_json.AccountDocument):
                account_json.save(profile, parsed, report, batch, dry_run)
            else:
                save_file(Saver(profile, batch, dry_run), report, parsed)
            reports.append(report)
            if progress:
                progress(report)
    if not dry_run and any(r.created for r in reports):
        bump_log_version(profile.user_id)  # bulk inserts send no signals
    return reports


def finish_batch(batch: ImportBatch, reports: list[FileReport]) -> None:
    batch.report = [r.as_dict() for r in reports]
    batch.status = ImportBatch.Status.DONE
    batch.finished_at = timezone.now()
    batch.done_files = batch.total_files
    batch.save(update_fields=["report", "status", "finished_at", "done_files"])
