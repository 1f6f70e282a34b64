"""Saving parsed records: the forms' bounds, duplicate detection, shoes by name, atomic per file."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from runlog.activity.models import Recording
from runlog.activity.store import Recorded, RecordingWriter
from runlog.imports.models import ImportBatch
from runlog.imports.parsers.base import ActivityRecord, ImportRejected, start_problem
from runlog.log import bounds
from runlog.log.models import CrossTraining, Profile, Run, Shoe

DUPLICATE_SECONDS = 60
DUPLICATE_DISTANCE = 0.02


@dataclass
class FileReport:
    name: str
    created: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)  # "row 12: reason" or the file's reason
    remarks: list[str] = field(default_factory=list)
    file_rejected: bool = False

    def reject_file(self, reason: str) -> None:
        self.file_rejected = True
        self.rejected.append(reason)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "created": self.created,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "remarks": self.remarks,
            "file_rejected": self.file_rejected,
        }

    def summary(self) -> str:
        if self.file_rejected:
            return f"{self.name}: rejected — {self.rejected[0]}"
        text = f"{self.name}: {self.created} created, {self.duplicates} duplicates, {len(self.rejected)} rejected"
        details = self.rejected[:5] + self.remarks[:3]
        return text + ("".join(f"\n    {d}" for d in details))


class DuplicateIndex:
    """Existing (and just-imported) sessions by start minute, for the 60 s / 2 % duplicate rule."""

    def __init__(self):
        self.by_minute: dict[tuple[str, int], list[tuple[float, float | None]]] = defaultdict(list)
        self.source_ids: set[tuple[str, str]] = set()

    def add(self, kind: str, start: dt.datetime, distance_m: float | None, source: str = "", source_id: str = ""):
        ts = start.timestamp()
        self.by_minute[(kind, int(ts // 60))].append((ts, distance_m))
        if source_id:
            self.source_ids.add((source, source_id))

    def seen(self, kind: str, start: dt.datetime, distance_m: float | None, source="", source_id="") -> bool:
        if source_id and (source, source_id) in self.source_ids:
            return True
        ts = start.timestamp()
        minute = int(ts // 60)
        for bucket in (minute - 1, minute, minute + 1):
            for other_ts, other_distance in self.by_minute.get((kind, bucket), ()):
                if abs(other_ts - ts) > DUPLICATE_SECONDS:
                    continue
                if distance_m is None or other_distance is None:
                    return True
                if abs(other_distance - distance_m) <= DUPLICATE_DISTANCE * max(other_distance, distance_m):
                    return True
        return False

    @classmethod
    def for_user(cls, user, first: dt.datetime, last: dt.datetime) -> DuplicateIndex:
        index = cls()
        window = Q(start__gte=first - dt.timedelta(seconds=DUPLICATE_SECONDS)) & Q(
            start__lte=last + dt.timedelta(seconds=DUPLICATE_SECONDS)
        )
        for start, distance, source, source_id in Run.objects.filter(window, user=user).values_list(
            "start", "distance_m", "source", "source_id"
        ):
            index.add("run", start, distance, source, source_id)
        for start, activity, distance, source, source_id in CrossTraining.objects.filter(window, user=user).values_list(
            "start", "activity", "distance_m", "source", "source_id"
        ):
            index.add(f"xt:{activity}", start, distance, source, source_id)
        # Source ids outside the window (an activity re-exported with a changed date) still count.
        return index


def record_problems(record: ActivityRecord, profile: Profile) -> list[str]:
    """The forms' bounds on what an activity cannot do without: its date, time, distance and pace."""
    try:
        day = record.start.astimezone(profile.tz).date()
    except (OverflowError, ValueError):
        return [_("its start date is out of range")]
    problem = start_problem(day, profile.today())
    if problem:
        return [problem]
    if record.duration_s is None:
        return [_("no duration")]
    if record.is_run:
        if not record.distance_m:
            return [_("a run without a distance")]
        if not math.isfinite(record.distance_m):
            return [_("its distance is not a number")]
        problems = bounds.run_problems(record.distance_m, record.duration_s, confirmed_long=True)
    else:
        problems = bounds.duration_problems(record.duration_s)
    return [p.message for p in problems if p.blocking]


def _outside(value: float, low: float, high: float) -> bool:
    return not (math.isfinite(value) and low <= value <= high)


def drop_out_of_range(record: ActivityRecord) -> list[str]:
    """Optional device values outside the bounds are dropped, the activity kept: one remark per value."""
    remarks = []
    checks = [
        ("avg_hr", _("average heart rate"), _("bpm"), bounds.HR_MIN, bounds.HR_MAX),
        ("max_hr", _("maximum heart rate"), _("bpm"), bounds.HR_MIN, bounds.HR_MAX),
        ("avg_cadence_spm", _("average step rate"), _("steps/min"), bounds.STEP_RATE_MIN, bounds.STEP_RATE_MAX),
        ("elevation_gain_m", _("elevation gain"), "m", 0, bounds.CLIMB_MAX_M),
    ]
    if record.duration_s is not None:
        # Elapsed time includes the stops, so it is never shorter than the moving time (a second of rounding).
        checks.append(("elapsed_s", _("elapsed time"), "s", record.duration_s - 1, bounds.ELAPSED_MAX_S))
    for name, label, unit, low, high in checks:
        value = getattr(record, name)
        if value is not None and _outside(value, low, high):
            setattr(record, name, None)
            remarks.append(
                # Translators: e.g. "average heart rate 250 bpm dropped: outside 30–230", from an imported file.
                _("%(what)s %(value)s %(unit)s dropped: outside %(low)s–%(high)s")
                % {
                    "what": label,
                    "value": f"{value:g}",
                    "unit": unit,
                    "low": number_format(low, decimal_pos=0, force_grouping=True),
                    "high": number_format(high, decimal_pos=0, force_grouping=True),
                }
            )
    return remarks


def _at_row(number: int | None, text: str) -> str:
    """A problem of one row of a CSV file (a whole file's problem has no row)."""
    if number is None:
        return text
    # Translators: e.g. "row 12: no duration".
    return _("row %(number)s: %(problem)s") % {"number": number, "problem": text}


class Saver:
    """Saves the records of one file for one runner; nothing is written when `dry_run`."""

    def __init__(self, profile: Profile, batch: ImportBatch | None, dry_run: bool = False):
        self.profile = profile
        self.user = profile.user
        self.batch = batch
        self.dry_run = dry_run
        self.shoes = {s.name.strip().lower(): s for s in Shoe.objects.filter(user=self.user)}
        self.writer = RecordingWriter()

    def _shoe(self, name: str) -> Shoe | None:
        key = name.strip().lower()
        if not key:
            return None
        if key not in self.shoes:
            shoe = Shoe(user=self.user, name=name.strip()[:80], import_batch=self.batch)
            if not self.dry_run:
                shoe.save()
            self.shoes[key] = shoe
        return self.shoes[key]

    def save(self, report: FileReport, rows: list[tuple[int | None, ActivityRecord | ImportRejected]]) -> None:
        records = [r for _, r in rows if isinstance(r, ActivityRecord)]
        if not records and not rows:
            report.reject_file("no activities found")
            return
        index = (
            DuplicateIndex.for_user(self.user, min(r.start for r in records), max(r.start for r in records))
            if records
            else DuplicateIndex()
        )
        ids = [r.source_id for r in records if r.source_id]
        if ids:
            for model in (Run, CrossTraining):
                for source, source_id in model.objects.filter(user=self.user, source_id__in=ids).values_list(
                    "source", "source_id"
                ):
                    index.source_ids.add((source, source_id))
        runs, sessions, recorded_runs, recorded_sessions = [], [], [], []
        for number, item in rows:
            if isinstance(item, ImportRejected):
                report.rejected.append(_at_row(number, item.reason))
                continue
            record = item
            problems = record_problems(record, self.profile)
            if problems:
                report.rejected.append(_at_row(number, problems[0]))
                continue
            kind = "run" if record.is_run else f"xt:{record.activity}"
            if index.seen(kind, record.start, record.distance_m, record.source, record.source_id):
                report.duplicates += 1
                continue
            index.add(kind, record.start, record.distance_m, record.source, record.source_id)
            record.remarks.extend(_at_row(number, remark) for remark in drop_out_of_range(record))
            for remark in record.remarks:
                if remark not in report.remarks:
                    report.remarks.append(remark)
            notes = "\n".join(part for part in (record.name, record.notes) if part)
            if record.is_run:
                runs.append(
                    Run(
                        user=self.user,
                        start=record.start,
                        distance_m=float(record.distance_m),
                        duration_s=round(record.duration_s),
                        kind="easy",
                        rpe=record.rpe,
                        shoe=self._shoe(record.shoe_name),
                        avg_hr=round(record.avg_hr) if record.avg_hr else None,
                        max_hr=round(record.max_hr) if record.max_hr else None,
                        avg_cadence_spm=record.avg_cadence_spm,
                        elapsed_s=round(record.elapsed_s) if record.elapsed_s else None,
                        elevation_gain_m=record.elevation_gain_m,
                        notes=notes[:2000],
                        source=record.source,
                        source_id=record.source_id[:80],
                        import_batch=self.batch,
                    )
                )
                recorded_runs.append(record)
            else:
                sessions.append(
                    CrossTraining(
                        user=self.user,
                        start=record.start,
                        activity=record.activity,
                        duration_s=round(record.duration_s),
                        rpe=record.rpe,
                        distance_m=record.distance_m,
                        notes=notes[:2000],
                        source=record.source,
                        source_id=record.source_id[:80],
                        import_batch=self.batch,
                    )
                )
                recorded_sessions.append(record)
        report.created = len(runs) + len(sessions)
        if self.dry_run:
            return
        Run.objects.bulk_create(runs, batch_size=500)
        CrossTraining.objects.bulk_create(sessions, batch_size=500)
        self._keep_recordings(runs, recorded_runs, sessions, recorded_sessions)

    def _keep_recordings(self, runs, recorded_runs, sessions, recorded_sessions) -> None:
        """What each file recorded (samples, laps, device, the original), stored beside its activity."""
        recordings = []
        for activities, records, kind in (
            (runs, recorded_runs, "run"),
            (sessions, recorded_sessions, "cross_training"),
        ):
            for activity, record in zip(activities, records, strict=True):
                recorded = Recorded(record.samples, record.laps, record.device, record.original, record.original_name)
                if not recorded:
                    continue
                recording = self.writer.build(self.user.pk, recorded, kind == "run", record.elevation_loss_m)
                setattr(recording, kind, activity)
                recordings.append(recording)
        Recording.objects.bulk_create(recordings, batch_size=200)


def save_file(saver: Saver, report: FileReport, rows) -> None:
    """Everything from one file in one transaction: a failure leaves nothing of it behind."""
    try:
        with transaction.atomic():
            saver.save(report, rows)
    except ImportRejected as exc:
        saver.writer.discard()
        report.created = 0
        report.reject_file(exc.reason)
    except BaseException:
        saver.writer.discard()  # nothing of the file is saved, so none of its stored files stays either
        raise
    saver.writer.written = []
