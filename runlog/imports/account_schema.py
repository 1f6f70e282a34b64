"""Reading an account export (version 1 or 2) into checked plain values, or rejecting it with the path.

Strict: the first wrong value rejects the whole file with its path (`runs[12].distance_km: must be > 0`)
and nothing of it is saved. Unknown fields are ignored. JSON numbers Python cannot hold as a finite
value (NaN, Infinity, 1e400, an integer of thousands of digits) become a rejection at their path.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import zoneinfo
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from injuries.models import NRS_FIELDS, SYMPTOM_FIELDS, Location, Side
from runlog.imports.account_export import ARCHIVE_FILES, FILE_PATH_MAX, FORMAT, VERSION
from runlog.imports.parsers.base import ImportRejected
from runlog.log import bounds
from runlog.log.models import (
    Activity,
    FootType,
    Language,
    RunKind,
    ShoeSupport,
    Source,
    Surface,
    Units,
    Weekday,
    timezone_names,
)

READABLE_VERSIONS = (1, VERSION)
# A whole number in the export is at most a duration in seconds; 18 digits is far beyond any of them and
# well below Python's limit on converting long digit strings (which raises instead of answering).
MAX_INTEGER_DIGITS = 18
CROSS_TRAINING_MAX_KM = bounds.CROSS_TRAINING_MAX_KM
RPE_MAX = NRS_MAX = bounds.RPE_MAX
KEY_MAX, NOTES_MAX, SOURCE_ID_MAX = 40, 2000, 80


class Invalid(ImportRejected):
    pass


@dataclass(frozen=True)
class BadNumber:
    """A JSON number that is not a finite value Python can hold; validation names it where it occurs."""

    text: str


def _parse_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(text[:24])


def _parse_int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        return BadNumber(f"a whole number of {len(text.lstrip('-'))} digits")
    return int(text)


def load_json(data: bytes):
    """The JSON value of `data`; NaN / infinities / huge numbers come back as BadNumber, not as floats."""
    try:
        return json.loads(
            data.decode("utf-8-sig"),
            parse_float=_parse_float,
            parse_int=_parse_int,
            parse_constant=BadNumber,
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected(_("not valid JSON (%(exc)s)") % {"exc": exc}) from None
    except RecursionError:
        raise ImportRejected(_("not valid JSON (nested too deeply)")) from None


def _fail(path: str, message: str):
    raise Invalid(f"{path}: {message}")


def _obj(value, path: str) -> dict:
    if not isinstance(value, dict):
        _fail(path, _("must be an object"))
    return value


def _list(doc: dict, key: str) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        _fail(key, _("must be a list"))
    return value


def _bool(item: dict, key: str, path: str, default: bool = False) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        _fail(f"{path}.{key}", _("must be true or false"))
    return value


def _check_text(value: str, where: str, max_length: int) -> str:
    if len(value) > max_length:
        _fail(where, _("must be at most %(max_length)s characters") % {"max_length": max_length})
    if "\x00" in value:
        _fail(where, _("must not contain a NUL character"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _fail(where, _("must be valid text (it holds a lone surrogate)"))
    return value


def _str(item: dict, key: str, path: str, max_length: int = NOTES_MAX, required: bool = False) -> str:
    value = item.get(key, "")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        _fail(f"{path}.{key}", _("must be text"))
    if required and not value.strip():
        _fail(f"{path}.{key}", _("must not be empty"))
    return _check_text(value, f"{path}.{key}", max_length)


def _choice(item: dict, key: str, path: str, allowed: Collection, default=None, blank: bool = False):
    """One of `allowed`; with `blank`, null and "" mean "not set" and give ""."""
    value = item.get(key, default)
    if blank and value in (None, ""):
        return ""
    if isinstance(value, bool) or value not in allowed:
        shown = [str(a) for a in allowed if a != ""]
        choices = ", ".join(shown)
        if blank:
            _fail(f"{path}.{key}", _("must be one of %(choices)s (or null)") % {"choices": choices})
        _fail(f"{path}.{key}", _("must be one of %(choices)s") % {"choices": choices})
    return value


def _number(item, key, path, *, required=True, low=None, high=None, integer=False, low_open=False):
    value = item.get(key)
    where = f"{path}.{key}"
    if value is None:
        if required:
            _fail(where, _("is required"))
        return None
    if isinstance(value, BadNumber):
        _fail(where, _("must be a finite number (not %(text)s)") % {"text": value.text})
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(where, _("must be a number"))
    if integer and not float(value).is_integer():
        _fail(where, _("must be a whole number"))
    if low is not None and (value <= low if low_open else value < low):
        _fail(where, _("must be %(else)s %(low)s") % {"else": ">" if low_open else "≥", "low": format(low, "g")})
    if high is not None and value > high:
        _fail(where, _("must be ≤ %(high)s") % {"high": format(high, "g")})
    return int(value) if integer else float(value)


def _before() -> str:
    return _("is before %(day)s") % {"day": bounds.DATE_MIN.isoformat()}


def _day_in_range(day: dt.date, today: dt.date, where: str) -> None:
    for _problem in bounds.date_problems(day, today):
        _fail(where, _("is in the future") if day > today else _before())


def _date(item, key, path, today: dt.date, required=True) -> dt.date | None:
    value = item.get(key)
    if value is None and not required:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(f"{path}.{key}", _("must be a date (YYYY-MM-DD)"))
    _day_in_range(day, today, f"{path}.{key}")
    return day


def _start(item: dict, path: str, tz: dt.tzinfo, today: dt.date) -> dt.datetime:
    value = item.get("start")
    where = f"{path}.start"
    try:
        start = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(where, _("must be a date-time (YYYY-MM-DDTHH:MM:SS+01:00)"))
    if start.tzinfo is None:
        _fail(where, _("must include a UTC offset"))
    try:
        utc = start.astimezone(dt.UTC)
    except OverflowError:  # year 1 with an offset east of UTC, year 9999 west of it
        _fail(where, _before() if start.year < dt.MAXYEAR // 2 else _("is in the future"))
    # Two days of margin settle the clear cases before a conversion that could overflow near year 1 or 9999.
    if utc.date() < bounds.DATE_MIN - dt.timedelta(days=2):
        _fail(where, _before())
    if utc.date() > today + dt.timedelta(days=2):
        _fail(where, _("is in the future"))
    _day_in_range(utc.astimezone(tz).date(), today, where)
    return utc


def _key(item: dict, path: str, seen: set[str], required: bool) -> str | None:
    if item.get("key") is None and not required:
        return None
    key = _str(item, "key", path, KEY_MAX, required=True)
    if key in seen:
        _fail(f"{path}.key", _("“%(key)s” is used twice") % {"key": key})
    seen.add(key)
    return key


def _reference(item: dict, name: str, path: str, keys: Collection[str], what: str) -> str | None:
    value = item.get(name)
    if value is not None and (not isinstance(value, str) or value not in keys):
        _fail(
            f"{path}.{name}",
            _("“%(value)s” is not the key of a %(what)s in this file") % {"value": value, "what": what},
        )
    return value


@dataclass
class AccountDocument:
    """A checked export: plain values in the models' own units (metres, seconds, aware UTC datetimes)."""

    profile: dict
    version: int = VERSION
    shoes: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    cross_training: list[dict] = field(default_factory=list)
    pain_reports: list[dict] = field(default_factory=list)
    plans: list[dict] = field(default_factory=list)
    original_files: int = 0  # how many items name an original file
    run_files: dict[int, str] = field(default_factory=dict)  # index in `runs` → its file's path in the ZIP
    session_files: dict[int, str] = field(default_factory=dict)  # index in `cross_training` → path
    # Reads a file of the ZIP the document came in by its path (None for a plain JSON document).
    read_file: Callable[[str], bytes] | None = None


class _Reader:
    """Checks one document; `archive_names` are the entries of the ZIP it came in (None for plain JSON)."""

    def __init__(self, doc: dict, archive_names: Collection[str] | None):
        self.doc = doc
        self.version = int(doc["version"])
        self.archive_names = archive_names
        self.out = AccountDocument(profile={}, version=self.version)
        self.v2 = self.version >= 2

    def profile(self) -> None:
        raw = _obj(self.doc.get("profile", {}), "profile")
        profile = self.out.profile
        if "units" in raw:
            profile["units"] = _choice(raw, "units", "profile", Units.values)
        if "timezone" in raw:
            profile["timezone"] = _choice(raw, "timezone", "profile", timezone_names())
        if "digest" in raw:
            profile["digest_enabled"] = _bool(raw, "digest", "profile")
        if self.v2:
            if "digest_weekday" in raw:
                profile["digest_weekday"] = _choice(raw, "digest_weekday", "profile", Weekday.values)
            if "foot_type" in raw:
                profile["foot_type"] = _choice(raw, "foot_type", "profile", FootType.values, blank=True)
            if "language" in raw:
                profile["language"] = _choice(raw, "language", "profile", Language.values)
        self.tz = zoneinfo.ZoneInfo(profile.get("timezone", "UTC"))
        self.today = timezone.now().astimezone(self.tz).date()

    def default_shoe(self, shoe_keys: set[str]) -> None:
        raw = self.doc.get("profile", {})
        if self.v2 and "default_shoe" in raw:
            self.out.profile["default_shoe"] = _reference(raw, "default_shoe", "profile", shoe_keys, "shoe")

    def file(self, item: dict, path: str) -> str | None:
        if not self.v2 or item.get("file") is None:
            return None
        name = _str(item, "file", path, FILE_PATH_MAX, required=True)
        if not name.startswith(ARCHIVE_FILES) or "/../" in f"/{name}/":
            _fail(f"{path}.file", _("must be a path under %(ARCHIVE_FILES)s") % {"ARCHIVE_FILES": ARCHIVE_FILES})
        if self.archive_names is not None and name not in self.archive_names:
            _fail(f"{path}.file", _("“%(name)s” is not in this archive") % {"name": name})
        self.out.original_files += 1
        return name

    def source(self, item: dict, path: str) -> dict:
        if not self.v2:
            return {}
        return {
            "source": _choice(item, "source", path, Source.values, default=Source.MANUAL),
            "source_id": _str(item, "source_id", path, SOURCE_ID_MAX),
        }

    def shoes(self) -> set[str]:
        keys: set[str] = set()
        for i, raw in enumerate(_list(self.doc, "shoes")):
            path = f"shoes[{i}]"
            item = _obj(raw, path)
            key = _key(item, path, keys, required=True)
            self.out.shoes.append(
                {
                    "key": key,
                    "name": _str(item, "name", path, 80, required=True),
                    "brand": _str(item, "brand", path, 60),
                    "model": _str(item, "model", path, 60),
                    "support": _choice(item, "support", path, ShoeSupport.values),
                    "start_m": _number(item, "start_km", path, low=0, high=bounds.SHOE_START_MAX_KM) * 1000,
                    "retire_at_m": _number(
                        item, "retire_at_km", path, low=0, high=bounds.SHOE_RETIRE_MAX_KM, low_open=True
                    )
                    * 1000,
                    "purchased_on": _date(item, "purchased_on", path, self.today, required=False),
                    "retired_on": _date(item, "retired_on", path, self.today, required=False),
                }
            )
        return keys

    def runs(self, shoe_keys: set[str]) -> set[str]:
        keys: set[str] = set()
        for i, raw in enumerate(_list(self.doc, "runs")):
            path = f"runs[{i}]"
            item = _obj(raw, path)
            key = _key(item, path, keys, required=False) if self.v2 else None
            start = _start(item, path, self.tz, self.today)
            distance_km = _number(item, "distance_km", path, low=0, low_open=True)
            duration = _number(item, "duration_s", path, integer=True, low=0, low_open=True)
            for problem in bounds.run_problems(distance_km * 1000, duration, confirmed_long=True):
                if problem.blocking:
                    _fail(f"{path}.{'distance_km' if problem.field == 'distance' else 'duration_s'}", problem.message)
            run = {
                "key": key,
                "start": start,
                "distance_m": distance_km * 1000,
                "duration_s": duration,
                "kind": _choice(item, "kind", path, RunKind.values),
                "rpe": _number(item, "rpe", path, required=False, low=0, high=RPE_MAX, integer=True),
                "shoe": _reference(item, "shoe", path, shoe_keys, "shoe"),
                "warm_up": _bool(item, "warm_up", path),
                "avg_hr": _number(
                    item, "avg_hr", path, required=False, low=bounds.HR_MIN, high=bounds.HR_MAX, integer=True
                ),
                "elevation_gain_m": _number(
                    item, "elevation_gain_m", path, required=False, low=0, high=bounds.CLIMB_MAX_M
                ),
                "notes": _str(item, "notes", path),
            }
            if self.v2:
                run |= {
                    "elapsed_s": _number(
                        item,
                        "elapsed_s",
                        path,
                        required=False,
                        low=0,
                        low_open=True,
                        high=bounds.ELAPSED_MAX_S,
                        integer=True,
                    ),
                    "surface": _choice(item, "surface", path, Surface.values, blank=True),
                    "max_hr": _number(
                        item, "max_hr", path, required=False, low=bounds.HR_MIN, high=bounds.HR_MAX, integer=True
                    ),
                    "avg_cadence_spm": _number(
                        item,
                        "avg_cadence_spm",
                        path,
                        required=False,
                        low=bounds.STEP_RATE_MIN,
                        high=bounds.STEP_RATE_MAX,
                    ),
                    "plan_session": _bool(item, "plan_session", path),
                    **self.source(item, path),
                }
                if name := self.file(item, path):
                    self.out.run_files[len(self.out.runs)] = name
            self.out.runs.append(run)
        return keys

    def cross_training(self) -> None:
        for i, raw in enumerate(_list(self.doc, "cross_training")):
            path = f"cross_training[{i}]"
            item = _obj(raw, path)
            start = _start(item, path, self.tz, self.today)
            duration = _number(
                item, "duration_s", path, integer=True, low=bounds.DURATION_MIN_S, high=bounds.DURATION_MAX_S
            )
            session = {
                "start": start,
                "activity": _choice(item, "activity", path, Activity.values),
                "duration_s": duration,
                "rpe": _number(item, "rpe", path, required=False, low=0, high=RPE_MAX, integer=True),
                "notes": _str(item, "notes", path),
            }
            if self.v2:
                km = _number(
                    item, "distance_km", path, required=False, low=0, low_open=True, high=CROSS_TRAINING_MAX_KM
                )
                session |= {"distance_m": None if km is None else km * 1000, **self.source(item, path)}
                if name := self.file(item, path):
                    self.out.session_files[len(self.out.cross_training)] = name
            self.out.cross_training.append(session)

    def pain_reports(self, run_keys: set[str]) -> None:
        for i, raw in enumerate(_list(self.doc, "pain_reports")):
            path = f"pain_reports[{i}]"
            item = _obj(raw, path)
            day = _date(item, "date", path, self.today)
            scores = {k: _number(item, k, path, required=False, low=0, high=NRS_MAX, integer=True) for k in NRS_FIELDS}
            if all(v is None for v in scores.values()):
                _fail(path, _("needs at least one of %(NRS_FIELDS)s") % {"NRS_FIELDS": ", ".join(NRS_FIELDS)})
            report = {
                "date": day,
                "location": _choice(item, "location", path, Location.values),
                "side": _choice(item, "side", path, Side.values),
                **scores,
                **{name: _bool(item, name, path) for name in SYMPTOM_FIELDS},
                "notes": _str(item, "notes", path),
            }
            if self.v2:
                report["run"] = _reference(item, "run", path, run_keys, "run")
            self.out.pain_reports.append(report)

    def plans(self) -> None:
        for i, raw in enumerate(_list(self.doc, "plans")):
            path = f"plans[{i}]"
            item = _obj(raw, path)
            started = _date(item, "started_on", path, self.today)
            ended = _date(item, "ended_on", path, self.today, required=False)
            if ended is not None and ended < started:
                _fail(f"{path}.ended_on", _("must not be before started_on"))
            # Optional: exports written before the runner could pause a plan do not carry it.
            paused = _date(item, "paused_on", path, self.today, required=False)
            if paused is not None and paused < started:
                _fail(f"{path}.paused_on", _("must not be before started_on"))
            self.out.plans.append(
                {
                    "location": _choice(item, "location", path, Location.values),
                    "started_on": started,
                    "baseline": _number(item, "baseline", path, required=False, low=0, high=NRS_MAX, integer=True) or 0,
                    "cleared_on": _date(item, "cleared_on", path, self.today, required=False),
                    "ended_on": ended,
                    "paused_on": paused,
                }
            )

    def read(self) -> AccountDocument:
        self.profile()
        shoe_keys = self.shoes()
        self.default_shoe(shoe_keys)
        run_keys = self.runs(shoe_keys)
        self.cross_training()
        self.pain_reports(run_keys)
        if self.v2:
            self.plans()
        return self.out


def parse(data: bytes, archive_names: Collection[str] | None = None) -> AccountDocument:
    """A checked AccountDocument from `account.json` bytes, or ImportRejected naming the first problem."""
    doc = load_json(data)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRejected(_('not a Runlog account export (expected "format": "%(format)s")') % {"format": FORMAT})
    version = doc.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        shown = version.text if isinstance(version, BadNumber) else repr(version)
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise ImportRejected(
            _("unsupported export version %(shown)s (this Runlog reads versions %(readable)s)")
            % {"shown": shown, "readable": readable}
        )
    return _Reader(doc, archive_names).read()
