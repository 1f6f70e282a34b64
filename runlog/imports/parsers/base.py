"""What every importer produces: plain activity records, or an ImportRejected with a runner's reason."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import math
import re
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from runlog.activity.samples import Lap, Samples
from runlog.log import bounds

MAX_FILE_BYTES = 25 * 1024 * 1024  # one activity file, after decompression
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # a whole archive, uncompressed
MAX_ARCHIVE_ENTRIES = 5000
MAX_RATIO = 100  # uncompressed ÷ compressed, per entry and overall
# A start before this is before 1970-01-01 in every time zone (the earliest is UTC+14); the exact day is
# checked later in the runner's own zone. Rejecting here keeps year-1 times out of any arithmetic.
EARLIEST_START = dt.datetime.combine(bounds.DATE_MIN, dt.time(), dt.UTC) - dt.timedelta(hours=14)
LATEST_START_AHEAD = dt.timedelta(days=2)  # past "today" in every zone, however far east
# No distance, time, rate or elevation in an activity file comes near this; a larger one is a broken file
# (and would overflow the sums and squares computed from it).
MAX_MEASUREMENT = 1e9

# Sports that are running; everything else becomes cross-training.
RUNNING = {
    "running",
    "run",
    "trail_running",
    "trail run",
    "treadmill_running",
    "virtualrun",
    "virtual run",
    "track_running",
    "street_running",
    "indoor_running",
    "9",
}
CROSS = {
    "cycling": "cycling",
    "biking": "cycling",
    "ride": "cycling",
    "virtualride": "cycling",
    "e-bike ride": "cycling",
    "ebikeride": "cycling",
    "mountain bike ride": "cycling",
    "gravel ride": "cycling",
    "road_biking": "cycling",
    "mountain_biking": "cycling",
    "indoor_cycling": "cycling",
    "1": "cycling",
    "swimming": "swimming",
    "swim": "swimming",
    "lap_swimming": "swimming",
    "open_water_swimming": "swimming",
    "pool swim": "swimming",
    "walking": "walking",
    "walk": "walking",
    "hiking": "walking",
    "hike": "walking",
    "10": "walking",
    "4": "walking",
    "yoga": "yoga",
    "pilates": "yoga",
    "strength": "strength",
    "strength_training": "strength",
    "weight training": "strength",
    "weighttraining": "strength",
    "crossfit": "strength",
    "training": "strength",
    "elliptical": "elliptical",
    "fitness_equipment": "elliptical",
    "stair stepper": "elliptical",
}


class ImportRejected(Exception):
    """A file (or one of its rows) that cannot be imported; the message is shown to the runner."""

    def __init__(self, reason: str):
        reason = str(reason)  # translated now, in the language of whom the import is for
        super().__init__(reason)
        self.reason = reason


@dataclass
class ActivityRecord:
    """One activity, parsed but not yet validated or saved. Distances in metres, times in seconds."""

    start: dt.datetime  # aware
    sport: str  # as the source names it
    distance_m: float | None = None
    duration_s: float | None = None  # moving (timer) time when known, else elapsed
    elapsed_s: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence_spm: float | None = None  # steps per minute (both feet), running only
    elevation_gain_m: float | None = None
    elevation_loss_m: float | None = None
    name: str = ""
    notes: str = ""
    rpe: int | None = None
    shoe_name: str = ""
    source: str = "file"  # file | strava | garmin
    source_id: str = ""
    remarks: list[str] = field(default_factory=list)  # said to the runner, e.g. "salvaged from the summary"
    samples: Samples | None = None  # what the file recorded moment by moment; None for summaries and CSV rows
    laps: list[Lap] = field(default_factory=list)  # the device's own laps
    device: str = ""  # the watch or app that recorded the file, as the file names it
    original: bytes | None = None  # the file as uploaded (set by the pipeline, not the parser)
    original_name: str = ""

    @property
    def is_run(self) -> bool:
        return classify(self.sport) == "run"

    @property
    def activity(self) -> str:
        kind = classify(self.sport)
        return "other" if kind == "run" else kind


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 24 else text[:20] + "…"


def number(text: str | None, what: str) -> float | None:
    """A number written in a file: None when absent or not a number at all; NaN, infinities and values too
    large for a float ("1e400", a 5,000-digit integer) reject the file (or the row) naming the field."""
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        raise ImportRejected(_("%(what)s “%(shown)s” is not a finite number") % {"what": what, "shown": _shown(text)})
    if abs(value) > MAX_MEASUREMENT:
        raise ImportRejected(
            _("%(what)s “%(shown)s” is too large to be a measurement") % {"what": what, "shown": _shown(text)}
        )
    return value


def reading(value: object) -> float | None:
    """One sample's or one lap's value (text or decoded): None unless it is a finite, plausible number. A
    single odd reading in a long recording loses that reading, never the activity."""
    kind = type(value)
    if kind is int or kind is float:  # the common case, millions of times in a long FIT file
        return float(value) if -MAX_MEASUREMENT <= value <= MAX_MEASUREMENT else None  # NaN fails both
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) and abs(number) <= MAX_MEASUREMENT else None


def finite(value: object, what: str) -> float | None:
    """A decoded numeric value (FIT fields): None when absent, ImportRejected when not a finite number."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ImportRejected(_("%(what)s is not a number") % {"what": what})
    try:
        number = float(value)
    except OverflowError:
        raise ImportRejected(_("%(what)s is too large to be a measurement") % {"what": what}) from None
    if not math.isfinite(number):
        raise ImportRejected(_("%(what)s is not a finite number") % {"what": what})
    if abs(number) > MAX_MEASUREMENT:
        raise ImportRejected(
            _("%(what)s (%(number)s) is too large to be a measurement") % {"what": what, "number": format(number, "g")}
        )
    return number


def in_utc(value: dt.datetime, what: str | None = None) -> dt.datetime:
    """An aware time converted to UTC; a time that cannot be (year 1 east of UTC, year 9999 west) rejects."""
    what = what or _("a time")
    try:
        return value.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        day = value.date().isoformat()
        if value.year < bounds.DATE_MIN.year:
            reason = _("%(what)s in the file (%(day)s) is before 1970") % {"what": what, "day": day}
        else:
            reason = _("%(what)s in the file (%(day)s) is in the future") % {"what": what, "day": day}
        raise ImportRejected(reason) from None


def start_problem(day: dt.date, today: dt.date) -> str | None:
    """The forms' date bound, worded for a file's report."""
    problems = bounds.date_problems(day, today)
    if not problems:
        return None
    return _("start date %(day)s: %(problem)s") % {"day": day.isoformat(), "problem": problems[0].message}


def check_start(start: dt.datetime) -> dt.datetime:
    """Reject a start that is out of the date bounds in every time zone (the runner's zone decides the rest)."""
    start = in_utc(start, _("the start time"))
    now = dt.datetime.now(dt.UTC)
    if start < EARLIEST_START or start > now + LATEST_START_AHEAD:
        # Out of range whatever the zone, so its UTC day is out of range too and names the problem.
        raise ImportRejected(start_problem(start.date(), now.date()) or _("its start date is out of range"))
    return start


def classify(sport: str) -> str:
    """'run', or the cross-training activity for a sport name."""
    key = (sport or "").strip().lower()
    if key in RUNNING or key.endswith("run") or key.startswith("running"):
        return "run"
    return CROSS.get(key, "other")


def read_limited(stream: io.BufferedIOBase, limit: int = MAX_FILE_BYTES) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(_("file is larger than %(limit)s MB") % {"limit": limit // (1024 * 1024)})
    return data


def maybe_gunzip(name: str, data: bytes) -> tuple[str, bytes]:
    """Strip a .gz suffix and decompress, refusing bombs (size and ratio caps) before they inflate."""
    if not name.lower().endswith(".gz"):
        return name, data
    if not data:
        raise ImportRejected(_("the file is empty"))
    try:
        stream = gzip.GzipFile(fileobj=io.BytesIO(data))
        out = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise ImportRejected(_("not a valid gzip file")) from None
    if len(out) > MAX_FILE_BYTES:
        raise ImportRejected(_("file is larger than 25 MB once decompressed"))
    if len(out) > MAX_RATIO * max(len(data), 1) and len(out) > 1024 * 1024:
        raise ImportRejected(_("compressed file expands suspiciously (over 100:1): refused"))
    return name[:-3], out


DEVICE_NAME_LENGTH = 80
# What follows a device's name in some files: a version ("Forerunner 410 Software Version 2.20"), a link.
_DEVICE_TAIL = re.compile(r"\s+(?:software version\b|version\b|v?\d+(?:\.\d+)+$|-+\s|https?://|\(https?://).*$", re.I)


def device_name(text: str | None) -> str:
    """The name of the device or app that wrote a file, without versions or links, at most 80 characters."""
    name = " ".join((text or "").split())
    name = _DEVICE_TAIL.sub("", name).strip(" -–")
    if name.lower().startswith(("http://", "https://")):
        return ""
    return name[:DEVICE_NAME_LENGTH]
