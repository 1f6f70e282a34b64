"""What every importer produces: plain activity records, or an ImportRejected with a runner's reason."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zlib
from dataclasses import dataclass, field

MAX_FILE_BYTES = 25 * 1024 * 1024  # one activity file, after decompression
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # a whole archive, uncompressed
MAX_ARCHIVE_ENTRIES = 5000
MAX_RATIO = 100  # uncompressed ÷ compressed, per entry and overall

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
    elevation_gain_m: float | None = None
    name: str = ""
    notes: str = ""
    rpe: int | None = None
    shoe_name: str = ""
    source: str = "file"  # file | strava | garmin
    source_id: str = ""
    remarks: list[str] = field(default_factory=list)  # said to the runner, e.g. "salvaged from the summary"

    @property
    def is_run(self) -> bool:
        return classify(self.sport) == "run"

    @property
    def activity(self) -> str:
        kind = classify(self.sport)
        return "other" if kind == "run" else kind


def classify(sport: str) -> str:
    """'run', or the cross-training activity for a sport name."""
    key = (sport or "").strip().lower()
    if key in RUNNING or key.endswith("run") or key.startswith("running"):
        return "run"
    return CROSS.get(key, "other")


def read_limited(stream: io.BufferedIOBase, limit: int = MAX_FILE_BYTES) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(f"file is larger than {limit // (1024 * 1024)} MB")
    return data


def maybe_gunzip(name: str, data: bytes) -> tuple[str, bytes]:
    """Strip a .gz suffix and decompress, refusing bombs (size and ratio caps) before they inflate."""
    if not name.lower().endswith(".gz"):
        return name, data
    if not data:
        raise ImportRejected("the file is empty")
    try:
        stream = gzip.GzipFile(fileobj=io.BytesIO(data))
        out = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise ImportRejected("not a valid gzip file") from None
    if len(out) > MAX_FILE_BYTES:
        raise ImportRejected("file is larger than 25 MB once decompressed")
    if len(out) > MAX_RATIO * max(len(data), 1) and len(out) > 1024 * 1024:
        raise ImportRejected("compressed file expands suspiciously (over 100:1): refused")
    return name[:-3], out
