"""Writing the account export, version 2 (docs/account-export.md): as JSON text, `account.json`, or a ZIP.

The document is produced item by item from chunked queries, so a decade of runs never sits in memory
at once; `write_json` / `write_archive` put it into a file object the caller provides (the web views
use a spooled temporary file, so the download is complete before its first byte is sent).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils import timezone

from injuries.models import SYMPTOM_FIELDS, PainReport, ReturnPlan
from runlog.activity.models import Recording
from runlog.log.models import CrossTraining, Profile, Run, Shoe

FORMAT, VERSION = "runlog.account", 2
ARCHIVE_DOCUMENT = "account.json"  # the document's name at the root of the ZIP
ARCHIVE_FILES = "files/"  # original activity files live under this folder of the ZIP
FILE_PATH_MAX = 255  # the longest path of an original file in the ZIP
CHUNK = 2000
# Distances are stored in metres and written in km: six decimals keep them to the millimetre, and the
# rounding makes km → m → km give the same text again (a round trip is byte-stable).
KM_DECIMALS = 6


@dataclass
class ArchiveFile:
    """An original activity file to put into the ZIP at `path` (under files/), read through `open`."""

    path: str
    open: Callable[[], BinaryIO]


@dataclass
class ExportCounts:
    sections: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int:
        return self.sections.get(name, 0)


def _finite(value: float | None) -> float | None:
    """A stored value JSON can carry: a NaN or an infinity that got past the forms is written as null."""
    return None if value is None or not math.isfinite(value) else value


def _km(metres: float | None) -> float | None:
    metres = _finite(metres)
    return None if metres is None else round(metres / 1000.0, KM_DECIMALS)


def _local(start: dt.datetime, tz: dt.tzinfo) -> str:
    """The start in the runner's zone; a stored extreme that zone cannot express (year 1 west of UTC,
    year 9999 east of it) is written in UTC instead of failing the whole export."""
    try:
        return start.astimezone(tz).isoformat()
    except (OverflowError, ValueError):
        return start.astimezone(dt.UTC).isoformat()


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _shoe_item(shoe: Shoe, key: str) -> dict:
    return {
        "key": key,
        "name": shoe.name,
        "brand": shoe.brand,
        "model": shoe.model,
        "support": shoe.support,
        "start_km": _km(shoe.start_m),
        "retire_at_km": _km(shoe.retire_at_m),
        "purchased_on": _day(shoe.purchased_on),
        "retired_on": _day(shoe.retired_on),
    }


def file_path(key: str, original_name: str) -> str:
    """Where an activity's original file goes in the ZIP: files/<its key>/<its name as uploaded>."""
    name = original_name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "original"
    if name in (".", ".."):
        name = "original"
    return f"{ARCHIVE_FILES}{key}/{name}"[:FILE_PATH_MAX]


def _original(activity: Run | CrossTraining, key: str) -> str | None:
    try:
        recording = activity.recording
    except Recording.DoesNotExist:
        return None
    return file_path(key, recording.original_name) if recording.original.name else None


def _run_item(run: Run, key: str, tz: dt.tzinfo, shoe_keys: dict[int, str]) -> dict:
    return {
        "key": key,
        "start": _local(run.start, tz),
        "distance_km": _km(run.distance_m),
        "duration_s": run.duration_s,
        "elapsed_s": run.elapsed_s,
        "kind": run.kind,
        "rpe": run.rpe,
        "shoe": shoe_keys.get(run.shoe_id),
        "warm_up": run.warm_up,
        "surface": run.surface or None,
        "avg_hr": run.avg_hr,
        "max_hr": run.max_hr,
        "avg_cadence_spm": _finite(run.avg_cadence_spm),
        "elevation_gain_m": _finite(run.elevation_gain_m),
        "plan_session": run.plan_session,
        "notes": run.notes,
        "source": run.source,
        "source_id": run.source_id,
        "file": _original(run, key),
    }


def _cross_item(session: CrossTraining, tz: dt.tzinfo, index: int) -> dict:
    return {
        "start": _local(session.start, tz),
        "activity": session.activity,
        "duration_s": session.duration_s,
        "rpe": session.rpe,
        "distance_km": _km(session.distance_m),
        "notes": session.notes,
        "source": session.source,
        "source_id": session.source_id,
        "file": _original(session, f"x{index}"),
    }


def _pain_item(report: PainReport, run_keys: dict[int, str]) -> dict:
    return {
        "date": report.date.isoformat(),
        "location": report.location,
        "side": report.side,
        "during": report.during,
        "after": report.after,
        "next_morning": report.next_morning,
        **{name: getattr(report, name) for name in SYMPTOM_FIELDS},
        "run": run_keys.get(report.run_id),
        "notes": report.notes,
    }


def _plan_item(plan: ReturnPlan) -> dict:
    return {
        "location": plan.location,
        "started_on": plan.started_on.isoformat(),
        "baseline": plan.baseline,
        "cleared_on": _day(plan.cleared_on),
        "ended_on": _day(plan.ended_on),
        "paused_on": _day(plan.paused_on),
    }


def _shoe_keys(profile: Profile) -> tuple[list[Shoe], dict[int, str]]:
    shoes = list(Shoe.objects.filter(user=profile.user).order_by("pk"))
    return shoes, {shoe.pk: f"s{i}" for i, shoe in enumerate(shoes, start=1)}


def _sections(profile: Profile, shoes: list[Shoe], shoe_keys: dict[int, str]):
    """(name, iterator of items) for each list of the document, read in chunks from the database."""
    user, tz = profile.user, profile.tz
    # Filled while the runs are written; the pain reports, written after them, refer to these keys.
    run_keys: dict[int, str] = {}

    def runs() -> Iterator[dict]:
        own = Run.objects.filter(user=user).select_related("recording").order_by("start", "pk")
        for i, run in enumerate(own.iterator(CHUNK), start=1):
            run_keys[run.pk] = f"r{i}"
            yield _run_item(run, run_keys[run.pk], tz, shoe_keys)

    sessions = CrossTraining.objects.filter(user=user).select_related("recording").order_by("start", "pk")
    reports = PainReport.objects.filter(user=user).order_by("date", "pk").iterator(CHUNK)
    return [
        ("shoes", (_shoe_item(shoe, shoe_keys[shoe.pk]) for shoe in shoes)),
        ("runs", runs()),
        ("cross_training", (_cross_item(c, tz, i) for i, c in enumerate(sessions.iterator(CHUNK), start=1))),
        ("pain_reports", (_pain_item(p, run_keys) for p in reports)),
        ("plans", (_plan_item(p) for p in ReturnPlan.objects.filter(user=user).order_by("started_on", "pk"))),
    ]


def _head(profile: Profile, shoe_keys: dict[int, str], now: dt.datetime | None) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or timezone.now()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "profile": {
            "units": profile.units,
            "timezone": profile.timezone,
            "digest": profile.digest_enabled,
            "digest_weekday": profile.digest_weekday,
            "foot_type": profile.foot_type or None,
            "default_shoe": shoe_keys.get(profile.default_shoe_id),
            "language": profile.language,
        },
    }


def _dumps(value) -> str:
    # allow_nan=False: Python would otherwise write NaN, which is not JSON and no reader takes back.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def export_document(profile: Profile, now: dt.datetime | None = None) -> dict:
    """The whole document as a dict (tests and small accounts; the downloads stream `iter_export`)."""
    shoes, keys = _shoe_keys(profile)
    return {**_head(profile, keys, now), **{name: list(items) for name, items in _sections(profile, shoes, keys)}}


def iter_export(profile: Profile, now: dt.datetime | None = None, counts: ExportCounts | None = None):
    """The export as JSON text in chunks; `counts` (if given) receives the number of items per list."""
    shoes, keys = _shoe_keys(profile)
    head = _dumps(_head(profile, keys, now))
    yield head[:-1]
    for name, items in _sections(profile, shoes, keys):
        yield f', "{name}": ['
        n = 0
        for item in items:
            yield ("" if n == 0 else ",\n ") + _dumps(item)
            n += 1
        if counts is not None:
            counts.sections[name] = n
        yield "]"
    yield "}\n"


def export_json(profile: Profile) -> str:
    return "".join(iter_export(profile))


def write_json(profile: Profile, out: BinaryIO, now: dt.datetime | None = None) -> ExportCounts:
    """Write `account.json` into `out` (binary, UTF-8)."""
    counts = ExportCounts()
    for chunk in iter_export(profile, now, counts):
        out.write(chunk.encode("utf-8"))
    return counts


def original_files(profile: Profile) -> Iterator[ArchiveFile]:
    """The runner's original activity files, at the paths the document names (keys in the same order)."""
    user = profile.user
    kept = {
        (recording.run_id, recording.cross_training_id): recording
        for recording in Recording.objects.filter(user=user).exclude(original="")
    }
    if not kept:
        return
    for kind, model, prefix in ((0, Run, "r"), (1, CrossTraining, "x")):
        ids = model.objects.filter(user=user).order_by("start", "pk").values_list("pk", flat=True)
        for i, pk in enumerate(ids.iterator(CHUNK), start=1):
            recording = kept.get((pk, None) if kind == 0 else (None, pk))
            if recording is not None:
                yield ArchiveFile(file_path(f"{prefix}{i}", recording.original_name), recording.original.open)


def write_archive(
    profile: Profile, out: BinaryIO, now: dt.datetime | None = None, files: Iterable[ArchiveFile] | None = None
) -> ExportCounts:
    """Write the ZIP: `account.json` at its root and every original file under `files/` (the runner's own
    originals unless `files` says otherwise)."""
    files = original_files(profile) if files is None else files
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        with archive.open(ARCHIVE_DOCUMENT, "w", force_zip64=True) as entry:
            counts = write_json(profile, entry, now)
        archive.mkdir(ARCHIVE_FILES.rstrip("/"))
        for original in files:
            if not original.path.startswith(ARCHIVE_FILES):
                raise ValueError(f"an original file belongs under {ARCHIVE_FILES}: {original.path}")
            with original.open() as source, archive.open(original.path, "w", force_zip64=True) as entry:
                shutil.copyfileobj(source, entry)
    return counts
