"""The JSON account export ("format": "runlog.account", "version": 1): build it, validate it, import it.

Import is strict: the first wrong value rejects the whole file with its path
(`runs[12].distance_km: must be > 0`) and nothing of it is saved. Unknown fields are ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .. import bounds
from ..models import (
    Activity,
    CrossTraining,
    ImportBatch,
    Profile,
    Run,
    RunKind,
    Shoe,
    ShoeSupport,
    Units,
    fingerprint_for,
    timezone_names,
)
from .base import ImportRejected

FORMAT, VERSION = "runlog.account", 1
LOCATIONS = [
    "inner_knee",
    "outer_knee",
    "kneecap",
    "back_knee",
    "shin",
    "calf_achilles",
    "foot_heel",
    "hip",
    "lower_back",
    "other",
]
SIDES = ["left", "right", "both"]
SYMPTOMS = ["swelling", "warmth", "stiffness", "locking", "cannot_bear_weight"]


# Export -------------------------------------------------------------------------------------------


def _km(metres: float | None) -> float | None:
    return None if metres is None else round(metres / 1000.0, 3)


def _local(start: dt.datetime, tz: dt.tzinfo) -> str:
    return start.astimezone(tz).replace(microsecond=0).isoformat()


def _shoe_item(shoe: Shoe, key: str) -> dict:
    return {
        "key": key,
        "name": shoe.name,
        "brand": shoe.brand,
        "model": shoe.model,
        "support": shoe.support,
        "start_km": _km(shoe.start_m),
        "retire_at_km": _km(shoe.retire_at_m),
        "purchased_on": shoe.purchased_on.isoformat() if shoe.purchased_on else None,
        "retired_on": shoe.retired_on.isoformat() if shoe.retired_on else None,
    }


def _run_item(run: Run, tz, keys: dict) -> dict:
    return {
        "start": _local(run.start, tz),
        "distance_km": _km(run.distance_m),
        "duration_s": run.duration_s,
        "kind": run.kind,
        "rpe": run.rpe,
        "shoe": keys.get(run.shoe_id),
        "warm_up": run.warm_up,
        "avg_hr": run.avg_hr,
        "elevation_gain_m": None if run.elevation_gain_m is None else round(run.elevation_gain_m, 1),
        "notes": run.notes,
    }


def _cross_item(session: CrossTraining, tz) -> dict:
    return {
        "start": _local(session.start, tz),
        "activity": session.activity,
        "duration_s": session.duration_s,
        "rpe": session.rpe,
        "notes": session.notes,
    }


def _pain_item(report) -> dict:
    return {
        "date": report.date.isoformat(),
        "location": report.location,
        "side": report.side,
        "during": report.during,
        "after": report.after,
        "next_morning": report.next_morning,
        **{name: getattr(report, name) for name in SYMPTOMS},
        "notes": report.notes,
    }


def _sections(profile: Profile):
    """(name, iterator of items) for each list of the document, read in chunks from the database."""
    from injuries.models import PainReport

    user, tz = profile.user, profile.tz
    shoes = list(Shoe.objects.filter(user=user).order_by("pk"))
    keys = {shoe.pk: f"s{i}" for i, shoe in enumerate(shoes, start=1)}
    chunk = 2000
    return [
        ("shoes", (_shoe_item(shoe, keys[shoe.pk]) for shoe in shoes)),
        (
            "runs",
            (_run_item(r, tz, keys) for r in Run.objects.filter(user=user).order_by("start", "pk").iterator(chunk)),
        ),
        (
            "cross_training",
            (
                _cross_item(c, tz)
                for c in CrossTraining.objects.filter(user=user).order_by("start", "pk").iterator(chunk)
            ),
        ),
        (
            "pain_reports",
            (_pain_item(p) for p in PainReport.objects.filter(user=user).order_by("date", "pk").iterator(chunk)),
        ),
    ]


def _head(profile: Profile, now: dt.datetime | None) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or timezone.now()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "profile": {"units": profile.units, "timezone": profile.timezone, "digest": profile.digest_enabled},
    }


def export_document(profile: Profile, now: dt.datetime | None = None) -> dict:
    return {**_head(profile, now), **{name: list(items) for name, items in _sections(profile)}}


def iter_export(profile: Profile, now: dt.datetime | None = None):
    """The export as JSON text in chunks, so a decade of runs never sits in memory at once."""
    head = json.dumps(_head(profile, now), ensure_ascii=False)
    yield head[:-1]
    for name, items in _sections(profile):
        yield f', "{name}": ['
        first = True
        for item in items:
            yield ("" if first else ",\n ") + json.dumps(item, ensure_ascii=False)
            first = False
        yield "]"
    yield "}\n"


def export_json(profile: Profile) -> str:
    return "".join(iter_export(profile))


# Validation ---------------------------------------------------------------------------------------


class Invalid(ImportRejected):
    pass


def _fail(path: str, message: str):
    raise Invalid(f"{path}: {message}")


def _obj(value, path) -> dict:
    if not isinstance(value, dict):
        _fail(path, "must be an object")
    return value


def _list(doc, key) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        _fail(key, "must be a list")
    return value


def _bool(item, key, path, default=False) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        _fail(f"{path}.{key}", "must be true or false")
    return value


def _str(item, key, path, max_length=2000, required=False) -> str:
    value = item.get(key, "")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        _fail(f"{path}.{key}", "must be text")
    if required and not value.strip():
        _fail(f"{path}.{key}", "must not be empty")
    if len(value) > max_length:
        _fail(f"{path}.{key}", f"must be at most {max_length} characters")
    return value


def _choice(item, key, path, allowed) -> str:
    value = item.get(key)
    if value not in allowed:
        _fail(f"{path}.{key}", f"must be one of {', '.join(allowed)}")
    return value


def _number(item, key, path, *, required=True, low=None, high=None, integer=False, low_open=False):
    value = item.get(key)
    if value is None:
        if required:
            _fail(f"{path}.{key}", "is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        _fail(f"{path}.{key}", "must be a number")
    if integer and (not float(value).is_integer()):
        _fail(f"{path}.{key}", "must be a whole number")
    if low is not None and (value <= low if low_open else value < low):
        _fail(f"{path}.{key}", f"must be {'>' if low_open else '≥'} {low:g}")
    if high is not None and value > high:
        _fail(f"{path}.{key}", f"must be ≤ {high:g}")
    return int(value) if integer else float(value)


def _date(item, key, path, required=True) -> dt.date | None:
    value = item.get(key)
    if value is None and not required:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(f"{path}.{key}", "must be a date (YYYY-MM-DD)")


def _start(item, path) -> dt.datetime:
    value = item.get("start")
    try:
        start = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(f"{path}.start", "must be a date-time (YYYY-MM-DDTHH:MM:SS+01:00)")
    if start.tzinfo is None:
        _fail(f"{path}.start", "must include a UTC offset")
    return start


@dataclass
class AccountDocument:
    profile: dict
    shoes: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    cross_training: list[dict] = field(default_factory=list)
    pain_reports: list[dict] = field(default_factory=list)


def parse(data: bytes) -> AccountDocument:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected(f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRejected('not a Runlog account export (expected "format": "runlog.account")')
    if doc.get("version") != VERSION:
        raise ImportRejected(f"unsupported export version {doc.get('version')!r} (this Runlog reads version 1)")
    raw_profile = _obj(doc.get("profile", {}), "profile")
    profile = {}
    if "units" in raw_profile:
        profile["units"] = _choice(raw_profile, "units", "profile", Units.values)
    if "timezone" in raw_profile:
        profile["timezone"] = _choice(raw_profile, "timezone", "profile", timezone_names())
    if "digest" in raw_profile:
        profile["digest"] = _bool(raw_profile, "digest", "profile")
    tz = zoneinfo.ZoneInfo(profile.get("timezone", "UTC"))
    today = timezone.now().astimezone(tz).date()
    out = AccountDocument(profile=profile)

    keys = set()
    for i, raw in enumerate(_list(doc, "shoes")):
        path = f"shoes[{i}]"
        item = _obj(raw, path)
        key = _str(item, "key", path, 40, required=True)
        if key in keys:
            _fail(f"{path}.key", f"“{key}” is used twice")
        keys.add(key)
        out.shoes.append(
            {
                "key": key,
                "name": _str(item, "name", path, 80, required=True),
                "brand": _str(item, "brand", path, 60),
                "model": _str(item, "model", path, 60),
                "support": _choice(item, "support", path, ShoeSupport.values),
                "start_m": _number(item, "start_km", path, low=0, high=bounds.SHOE_START_MAX_KM) * 1000,
                "retire_at_m": _number(item, "retire_at_km", path, low=0, high=5000, low_open=True) * 1000,
                "purchased_on": _date(item, "purchased_on", path, required=False),
                "retired_on": _date(item, "retired_on", path, required=False),
            }
        )

    for i, raw in enumerate(_list(doc, "runs")):
        path = f"runs[{i}]"
        item = _obj(raw, path)
        start = _start(item, path)
        if start.astimezone(tz).date() > today:
            _fail(f"{path}.start", "is in the future")
        distance_km = _number(item, "distance_km", path, low=0, low_open=True)
        duration = _number(item, "duration_s", path, integer=True, low=0, low_open=True)
        for problem in bounds.run_problems(distance_km * 1000, duration, confirmed_long=True):
            if problem.blocking:
                _fail(f"{path}.{'distance_km' if problem.field == 'distance' else 'duration_s'}", problem.message)
        shoe = item.get("shoe")
        if shoe is not None and shoe not in keys:
            _fail(f"{path}.shoe", f"“{shoe}” is not the key of a shoe in this file")
        out.runs.append(
            {
                "start": start,
                "distance_m": distance_km * 1000,
                "duration_s": duration,
                "kind": _choice(item, "kind", path, RunKind.values),
                "rpe": _number(item, "rpe", path, required=False, low=0, high=10, integer=True),
                "shoe": shoe,
                "warm_up": _bool(item, "warm_up", path),
                "avg_hr": _number(
                    item, "avg_hr", path, required=False, low=bounds.HR_MIN, high=bounds.HR_MAX, integer=True
                ),
                "elevation_gain_m": _number(item, "elevation_gain_m", path, required=False, low=0, high=15000),
                "notes": _str(item, "notes", path),
            }
        )

    for i, raw in enumerate(_list(doc, "cross_training")):
        path = f"cross_training[{i}]"
        item = _obj(raw, path)
        start = _start(item, path)
        duration = _number(
            item, "duration_s", path, integer=True, low=bounds.DURATION_MIN_S, high=bounds.DURATION_MAX_S
        )
        out.cross_training.append(
            {
                "start": start,
                "activity": _choice(item, "activity", path, Activity.values),
                "duration_s": duration,
                "rpe": _number(item, "rpe", path, required=False, low=0, high=10, integer=True),
                "notes": _str(item, "notes", path),
            }
        )

    for i, raw in enumerate(_list(doc, "pain_reports")):
        path = f"pain_reports[{i}]"
        item = _obj(raw, path)
        day = _date(item, "date", path)
        if day > today:
            _fail(f"{path}.date", "is in the future")
        scores = {
            k: _number(item, k, path, required=False, low=0, high=10, integer=True)
            for k in ("during", "after", "next_morning")
        }
        if all(v is None for v in scores.values()):
            _fail(path, "needs at least one of during, after, next_morning")
        out.pain_reports.append(
            {
                "date": day,
                "location": _choice(item, "location", path, LOCATIONS),
                "side": _choice(item, "side", path, SIDES),
                **scores,
                **{name: _bool(item, name, path) for name in SYMPTOMS},
                "notes": _str(item, "notes", path),
            }
        )
    return out


# Import -------------------------------------------------------------------------------------------


def save(profile: Profile, doc: AccountDocument, report, batch: ImportBatch | None, dry_run: bool) -> None:
    """Everything in one transaction; duplicates of what the account already holds are skipped."""
    from injuries.models import PainReport

    from .save import DuplicateIndex

    user = profile.user
    with transaction.atomic():
        empty = not (Run.objects.filter(user=user).exists() or CrossTraining.objects.filter(user=user).exists())
        if doc.profile and empty:
            profile.units = doc.profile.get("units", profile.units)
            profile.timezone = doc.profile.get("timezone", profile.timezone)
            profile.digest_enabled = doc.profile.get("digest", profile.digest_enabled)
            if not dry_run:
                profile.save(update_fields=["units", "timezone", "digest_enabled"])
        elif doc.profile:
            report.remarks.append("the account already had a log, so its settings were kept")
        existing = {s.name.strip().lower(): s for s in Shoe.objects.filter(user=user)}
        shoes = {}
        for item in doc.shoes:
            shoe = existing.get(item["name"].strip().lower())
            if shoe is None:
                shoe = Shoe(user=user, import_batch=batch, **{k: v for k, v in item.items() if k != "key"})
                if not dry_run:
                    shoe.save()
                report.created += 1
            shoes[item["key"]] = shoe
        starts = [r["start"] for r in doc.runs + doc.cross_training]
        index = DuplicateIndex.for_user(user, min(starts), max(starts)) if starts else DuplicateIndex()
        runs, sessions = [], []
        for item in doc.runs:
            if index.seen("run", item["start"], item["distance_m"]):
                report.duplicates += 1
                continue
            index.add("run", item["start"], item["distance_m"])
            runs.append(
                Run(
                    user=user,
                    import_batch=batch,
                    **{**item, "shoe": shoes.get(item["shoe"])},
                    fingerprint=fingerprint_for(item["start"], item["distance_m"], "run"),
                )
            )
        for item in doc.cross_training:
            kind = f"xt:{item['activity']}"
            if index.seen(kind, item["start"], None):
                report.duplicates += 1
                continue
            index.add(kind, item["start"], None)
            sessions.append(
                CrossTraining(
                    user=user,
                    import_batch=batch,
                    **item,
                    fingerprint=fingerprint_for(item["start"], None, item["activity"]),
                )
            )
        seen_pain = set(PainReport.objects.filter(user=user).values_list("date", "location", "side"))
        pains = []
        for item in doc.pain_reports:
            key = (item["date"], item["location"], item["side"])
            if key in seen_pain:
                report.duplicates += 1
                continue
            seen_pain.add(key)
            pains.append(PainReport(user=user, import_batch=batch, **item))
        report.created += len(runs) + len(sessions) + len(pains)
        if dry_run:
            return
        Run.objects.bulk_create(runs, batch_size=500)
        CrossTraining.objects.bulk_create(sessions, batch_size=500)
        PainReport.objects.bulk_create(pains, batch_size=500)
