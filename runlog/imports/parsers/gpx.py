"""GPX 1.0 / 1.1 tracks to an activity record, read as a stream (defusedxml SAX): nothing per point is kept.

Distance, moving time and climb follow gpxpy's definitions (its `geo` functions do the arithmetic), so
files import with the same figures as when the whole track was loaded into gpxpy objects.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from gpxpy import geo

from runlog.activity.samples import SampleRecorder
from runlog.imports.parsers import xmlsafe
from runlog.imports.parsers.base import (
    ActivityRecord,
    ImportRejected,
    check_start,
    device_name,
    in_utc,
    number,
    reading,
)

STOPPED_KMH = 1.0  # gpxpy's threshold: slower than this between two points is standing still
HR_TAGS = {"hr", "heartrate"}
CADENCE_TAGS = {"cad", "cadence"}
SPEED_TAGS = {"speed"}
POWER_TAGS = {"power", "watts"}


def parse_time(text: str) -> dt.datetime | None:
    """An ISO 8601 time in UTC; None when it is not one. A time that cannot be placed in UTC rejects."""
    text = text.strip()
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return None
    return in_utc(value) if value.tzinfo else value.replace(tzinfo=dt.UTC)


class _Segment:
    """Running sums over one track segment, point by point (gpxpy sums distance per segment)."""

    def __init__(self, track: _Track):
        self.track = track
        self.previous: tuple[float, float, float | None, dt.datetime | None, float | None] | None = None
        # The last two elevations, for gpxpy's 0.3 / 0.4 / 0.3 smoothing of the climb.
        self.elevations: list[float] = []
        self.smoothed_previous: float | None = None

    def add(self, lat: float, lon: float, ele: float | None, time: dt.datetime | None, cadence: float | None):
        track = self.track
        if self.previous is not None:
            lat0, lon0, ele0, time0, cadence0 = self.previous
            flat = geo.distance(lat0, lon0, None, lat, lon, None)
            track.distance += flat
            if time is not None and time0 is not None:
                seconds = (time - time0).total_seconds()
                # gpxpy measures the moving speed in 3-D when both points have a (non-zero) elevation.
                step = geo.distance(lat0, lon0, ele0, lat, lon, ele) if ele and ele0 else flat
                if seconds > 0 and step and step / 1000 / (seconds / 3600) > STOPPED_KMH:
                    track.moving_s += seconds
                    # A sample's cadence holds until the next sample: it weighs the interval it starts.
                    if cadence0 is not None:
                        track.cadence_weighted += cadence0 * seconds
                        track.cadence_s += seconds
        self.previous = (lat, lon, ele, time, cadence)
        if ele is not None:
            self._climb(ele)

    def _climb(self, ele: float) -> None:
        self.elevations.append(ele)
        if len(self.elevations) == 1:
            return
        if len(self.elevations) == 2:
            self.smoothed_previous = self.elevations[0]  # the first elevation is not smoothed
            return
        before, current, after = self.elevations
        self._up(before * 0.3 + current * 0.4 + after * 0.3)
        self.elevations.pop(0)

    def _up(self, smoothed: float) -> None:
        if self.smoothed_previous is not None and smoothed > self.smoothed_previous:
            self.track.climb += smoothed - self.smoothed_previous
        elif self.smoothed_previous is not None:
            self.track.descent += self.smoothed_previous - smoothed
        self.smoothed_previous = smoothed

    def close(self) -> None:
        if self.elevations and len(self.elevations) >= 2:
            self._up(self.elevations[-1])  # the last elevation is not smoothed either
        if self.elevations:
            self.track.has_elevation = True


class _Track(xmlsafe.Reader):
    ROOT = "gpx"
    WRONG_ROOT = gettext_lazy("not a GPX file")

    def __init__(self):
        super().__init__()
        self.points = 0
        self.timed = 0
        self.route_points = 0
        self.start: dt.datetime | None = None
        self.end: dt.datetime | None = None
        self.distance = 0.0
        self.moving_s = 0.0
        self.climb = 0.0
        self.descent = 0.0
        self.has_elevation = False
        self.hr_sum = 0.0
        self.hr_count = 0
        self.max_hr: float | None = None
        self.cadence_weighted = 0.0
        self.cadence_s = 0.0
        self.sport = ""
        self.name = ""
        self.file_name = ""
        self.segment: _Segment | None = None
        self.point: dict | None = None
        self.creator = ""
        # Times are kept as POSIX seconds until the start (the earliest time) is known.
        self.recorder = SampleRecorder()

    def opened(self, path, attrs):
        tag = path[-1]
        if len(path) == 1:
            self.creator = attrs.get("creator", "")
        if tag == "trkseg":
            self.segment = _Segment(self)
        elif tag == "trkpt" and self.segment is not None:
            lat = number(attrs.get("lat"), "a track point's latitude")
            lon = number(attrs.get("lon"), "a track point's longitude")
            if lat is None or lon is None or not -90 <= lat <= 90 or not -180 <= lon <= 180:
                shown = f"{attrs.get('lat', '')!s:.20}, {attrs.get('lon', '')!s:.20}"
                raise ImportRejected(
                    _("not a valid GPX file (a track point at “%(shown)s” is not a place on Earth)") % {"shown": shown}
                )
            self.point = {
                "lat": lat,
                "lon": lon,
                "ele": None,
                "time": None,
                "hr": None,
                "cad": None,
                "speed": None,
                "power": None,
            }

    def closed(self, path, text):
        tag = path[-1]
        point = self.point
        if point is not None and "trkpt" in path[:-1]:
            if tag == "ele" and path[-2] == "trkpt":
                point["ele"] = number(text, "an elevation")
            elif tag == "time" and path[-2] == "trkpt":
                point["time"] = parse_time(text)
            elif "extensions" in path and tag.lower() in HR_TAGS and point["hr"] is None:
                point["hr"] = number(text, "a heart rate")
            elif "extensions" in path and tag.lower() in CADENCE_TAGS and point["cad"] is None:
                point["cad"] = number(text, "a cadence")
            elif "extensions" in path and tag.lower() in SPEED_TAGS and point["speed"] is None:
                point["speed"] = reading(text)
            elif "extensions" in path and tag.lower() in POWER_TAGS and point["power"] is None:
                point["power"] = reading(text)
        elif tag == "trkpt" and point is not None:
            self._point(point)
            self.point = None
        elif tag == "trkseg" and self.segment is not None:
            self.segment.close()
            self.segment = None
        elif tag == "rtept":
            self.route_points += 1
        elif tag == "type" and path[-2] == "trk" and not self.sport:
            self.sport = text.strip()
        elif tag == "name" and path[-2] == "trk" and not self.name:
            self.name = text.strip()
        elif tag == "name" and path[-2] in ("gpx", "metadata") and len(path) <= 3 and not self.file_name:
            self.file_name = text.strip()

    def _point(self, point: dict) -> None:
        self.points += 1
        time = point["time"]
        if time is not None:
            self.timed += 1
            self.start = time if self.start is None or time < self.start else self.start
            self.end = time if self.end is None or time > self.end else self.end
            if point["hr"]:
                self.hr_sum += point["hr"]
                self.hr_count += 1
                self.max_hr = point["hr"] if self.max_hr is None else max(self.max_hr, point["hr"])
        self.segment.add(point["lat"], point["lon"], point["ele"], time, point["cad"])
        if time is not None:
            self.recorder.add(
                time.timestamp(),
                distance_m=self.distance,
                lat=point["lat"],
                lon=point["lon"],
                elevation_m=point["ele"],
                hr=point["hr"],
                cadence_spm=point["cad"],
                speed_m_s=point["speed"],
                power_w=point["power"],
            )


def parse_gpx(data: bytes) -> list[ActivityRecord]:
    track = _Track()
    xmlsafe.stream(data, track)
    if not track.points:
        if track.route_points:
            raise ImportRejected(_("a planned route, not a recorded activity"))
        raise ImportRejected(_("no track points: nothing was recorded"))
    if track.timed < 2 or track.timed < 0.9 * track.points:
        raise ImportRejected(_("no timestamps: the track has no usable times, so its date and pace are unknown"))
    start = check_start(track.start)
    elapsed = (track.end - start).total_seconds()
    if not track.distance:
        raise ImportRejected(_("the track has no distance"))
    sport = track.sport or "running"
    running = ActivityRecord(start=start, sport=sport).is_run
    # GPX has no device average: the time-weighted mean of the per-foot cadence over the intervals gpxpy
    # counts as moving (faster than 1 km/h), each sample holding until the next, doubled to steps/min.
    cadence = 2 * track.cadence_weighted / track.cadence_s if running and track.cadence_s else None
    samples = track.recorder.samples()
    samples.t_s -= start.timestamp()
    # Files store cadence per foot: steps are twice that, and a ride's pedalling is never a step rate.
    samples.cadence_spm = samples.cadence_spm * 2 if running and samples.cadence_spm is not None else None
    samples.quantize()
    return [
        ActivityRecord(
            start=start,
            sport=sport,
            distance_m=track.distance,
            duration_s=track.moving_s or elapsed,
            elapsed_s=elapsed,
            avg_hr=round(track.hr_sum / track.hr_count) if track.hr_count else None,
            max_hr=track.max_hr,
            avg_cadence_spm=round(cadence, 1) if cadence else None,
            elevation_gain_m=round(track.climb, 1) if track.has_elevation and track.climb else None,
            elevation_loss_m=round(track.descent, 1) if track.has_elevation and track.descent else None,
            name=track.name or track.file_name,
            samples=samples,
            device=device_name(track.creator),
        )
    ]
