"""Garmin Training Center XML (TCX) activities to records, read as a stream (defusedxml SAX)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from runlog.activity.samples import Lap, SampleRecorder, Samples
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

STOPPED_M_PER_S = 1 / 3.6  # slower than 1 km/h between two trackpoints is standing still


def _time(text: str | None) -> dt.datetime | None:
    if not text or not text.strip():
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return in_utc(value) if value.tzinfo else value.replace(tzinfo=dt.UTC)


class _Activity:
    """Running sums over one <Activity>, trackpoint by trackpoint."""

    def __init__(self, sport: str):
        self.sport = sport
        self.laps = 0
        self.id_time: dt.datetime | None = None
        self.id_seen = False
        self.lap_start: dt.datetime | None = None
        self.timer = 0.0
        self.lap_distance = 0.0
        self.lap_seconds = 0.0  # of the lap being read, to weigh its average step rate
        self.lap_cadence: float | None = None
        self.lap_cadence_weighted = 0.0
        self.lap_cadence_s = 0.0
        self.lap_max_hr: float | None = None
        self.first_time: dt.datetime | None = None
        self.last_time: dt.datetime | None = None
        self.distance = 0.0
        self.hr_sum = 0.0
        self.hr_count = 0
        self.point_max_hr: float | None = None
        self.altitude: float | None = None
        self.climb = 0.0
        self.descent = 0.0
        self.has_altitude = False
        self.notes: str | None = None
        # Trackpoint step rates, used when the laps carry no average of their own.
        self.previous_point: tuple[dt.datetime | None, float | None, float | None] | None = None
        self.point_cadence_weighted = 0.0
        self.point_cadence_s = 0.0
        # Samples with POSIX times until the start is known; the device's laps with their start times.
        self.recorder = SampleRecorder()
        self.lap: dict | None = None
        self.laps_read: list[dict] = []
        self.creator = ""

    def trackpoint(self, point: dict) -> None:
        time, distance = point["time"], point["distance"]
        if time is not None:
            self.first_time = time if self.first_time is None or time < self.first_time else self.first_time
            self.last_time = time if self.last_time is None or time > self.last_time else self.last_time
        if distance:
            self.distance = max(self.distance, distance)
        if point["hr"]:
            self.hr_sum += point["hr"]
            self.hr_count += 1
            self.point_max_hr = point["hr"] if self.point_max_hr is None else max(self.point_max_hr, point["hr"])
        altitude = point["altitude"]
        if altitude is not None:
            if self.altitude is not None and altitude > self.altitude:
                self.climb += altitude - self.altitude
            elif self.altitude is not None:
                self.descent += self.altitude - altitude
            self.altitude = altitude
            self.has_altitude = True
        if self.previous_point is not None:
            time0, distance0, cadence0 = self.previous_point
            if None not in (time, time0, distance, distance0, cadence0):
                seconds = (time - time0).total_seconds()
                if seconds > 0 and (distance - distance0) / seconds > STOPPED_M_PER_S:
                    self.point_cadence_weighted += cadence0 * seconds
                    self.point_cadence_s += seconds
        self.previous_point = (time, distance, point["cadence"])
        if time is not None:
            lat, lon = point["lat"], point["lon"]
            if lat is None or lon is None or not -90 <= lat <= 90 or not -180 <= lon <= 180:
                lat = lon = None  # not a place on Earth: the sample keeps its other values
            self.recorder.add(
                time.timestamp(),
                distance_m=distance,
                lat=lat,
                lon=lon,
                elevation_m=altitude,
                hr=point["hr"],
                cadence_spm=point["cadence"],
                speed_m_s=point["speed"],
                power_w=point["power"],
            )

    def start_lap(self, start: dt.datetime | None) -> None:
        self.lap = {"start": start, "seconds": None, "distance": None, "avg_hr": None, "max_hr": None}

    def end_lap(self) -> None:
        self.laps += 1
        if self.lap is not None:
            self.lap["cadence"] = self.lap_cadence
            self.laps_read.append(self.lap)
            self.lap = None
        if self.lap_cadence is not None and self.lap_seconds > 0:
            self.lap_cadence_weighted += self.lap_cadence * self.lap_seconds
            self.lap_cadence_s += self.lap_seconds
        self.lap_seconds, self.lap_cadence = 0.0, None

    def record(self) -> ActivityRecord:
        if not self.laps:
            raise ImportRejected(_("the activity has no laps"))
        start = self.id_time or self.lap_start or self.first_time
        if start is None:
            raise ImportRejected(_("no timestamps: the activity has no start time"))
        start = check_start(start)
        timer = self.timer
        elapsed = (self.last_time - start).total_seconds() if self.last_time else timer
        distance = self.distance or self.lap_distance
        running = ActivityRecord(start=start, sport=self.sport).is_run
        # Cadence is per foot: the laps' own averages weighted by lap time, else the trackpoints while moving.
        if self.lap_cadence_s:
            cadence = 2 * self.lap_cadence_weighted / self.lap_cadence_s
        elif self.point_cadence_s:
            cadence = 2 * self.point_cadence_weighted / self.point_cadence_s
        else:
            cadence = None
        return ActivityRecord(
            start=start,
            sport=self.sport,
            distance_m=distance or None,
            duration_s=timer or elapsed or None,
            elapsed_s=elapsed or timer or None,
            avg_hr=round(self.hr_sum / self.hr_count) if self.hr_count else None,
            max_hr=self.lap_max_hr if self.lap_max_hr is not None else self.point_max_hr,
            avg_cadence_spm=round(cadence, 1) if running and cadence else None,
            elevation_gain_m=round(self.climb, 1) if self.has_altitude and self.climb else None,
            elevation_loss_m=round(self.descent, 1) if self.has_altitude and self.descent else None,
            notes=(self.notes or "").strip(),
            samples=self._samples(start, running),
            laps=self._laps(start, running),
            device=device_name(self.creator),
        )

    def _samples(self, start: dt.datetime, running: bool) -> Samples | None:
        samples = self.recorder.samples()
        if samples is None:
            return None
        samples.t_s -= start.timestamp()
        # Files store cadence per foot: steps are twice that, and other sports' cadence is never a step rate.
        samples.cadence_spm = samples.cadence_spm * 2 if running and samples.cadence_spm is not None else None
        return samples.quantize()

    def _laps(self, start: dt.datetime, running: bool) -> list[Lap]:
        laps, offset = [], 0.0
        for lap in self.laps_read:
            if lap["start"] is not None:
                offset = (lap["start"] - start).total_seconds()
            cadence = lap["cadence"]
            laps.append(
                Lap(
                    start_s=offset,
                    distance_m=lap["distance"],
                    duration_s=lap["seconds"],
                    avg_hr=lap["avg_hr"],
                    max_hr=lap["max_hr"],
                    avg_cadence_spm=2 * cadence if running and cadence else None,
                )
            )
            offset += lap["seconds"] or 0.0  # where the next lap starts when it does not say
        return laps


class _Database(xmlsafe.Reader):
    ROOT = "TrainingCenterDatabase"
    WRONG_ROOT = gettext_lazy("not a TCX file (no TrainingCenterDatabase)")

    def __init__(self):
        super().__init__()
        self.records: list[ActivityRecord] = []
        self.activity: _Activity | None = None
        self.point: dict | None = None

    def opened(self, path, attrs):
        tag = path[-1]
        if tag == "Activity" and self.activity is None:
            self.activity = _Activity(attrs.get("Sport", "Running"))
        elif self.activity is None:
            return
        elif tag == "Lap":
            start = _time(attrs.get("StartTime"))
            if self.activity.lap_start is None:
                self.activity.lap_start = start
            self.activity.start_lap(start)
        elif tag == "Trackpoint":
            self.point = dict.fromkeys(
                ("time", "distance", "hr", "altitude", "cadence", "lat", "lon", "speed", "power")
            )

    def closed(self, path, text):
        activity, point, tag = self.activity, self.point, path[-1]
        if activity is None:
            return
        parent = path[-2] if len(path) > 1 else ""
        if point is not None and tag != "Trackpoint":
            if tag == "Time" and point["time"] is None:
                point["time"] = _time(text)
            elif tag == "DistanceMeters" and point["distance"] is None:
                point["distance"] = number(text, "a trackpoint's distance")
            elif tag == "Value" and parent == "HeartRateBpm" and point["hr"] is None:
                point["hr"] = number(text, "a heart rate")
            elif tag == "AltitudeMeters" and point["altitude"] is None:
                point["altitude"] = number(text, "an altitude")
            elif tag == "RunCadence" and point["cadence"] is None:
                point["cadence"] = number(text, "a step rate")
            elif tag == "LatitudeDegrees" and point["lat"] is None:
                point["lat"] = reading(text)
            elif tag == "LongitudeDegrees" and point["lon"] is None:
                point["lon"] = reading(text)
            elif tag == "Speed" and point["speed"] is None:
                point["speed"] = reading(text)
            elif tag == "Watts" and point["power"] is None:
                point["power"] = reading(text)
        elif tag == "Trackpoint" and point is not None:
            activity.trackpoint(point)
            self.point = None
        elif tag == "Id" and not activity.id_seen:
            activity.id_seen = True
            activity.id_time = _time(text)
        elif tag == "TotalTimeSeconds" and parent == "Lap":
            seconds = number(text, "a lap's total time") or 0.0
            activity.timer += seconds
            activity.lap_seconds += seconds
            if activity.lap is not None:
                activity.lap["seconds"] = seconds
        elif tag == "DistanceMeters" and parent == "Lap":
            metres = number(text, "a lap's distance")
            activity.lap_distance += metres or 0.0
            if activity.lap is not None:
                activity.lap["distance"] = metres
        elif tag == "Value" and parent == "MaximumHeartRateBpm" and "Lap" in path:
            value = number(text, "a lap's maximum heart rate")
            if value:
                activity.lap_max_hr = value if activity.lap_max_hr is None else max(activity.lap_max_hr, value)
                if activity.lap is not None:
                    activity.lap["max_hr"] = value
        elif tag == "Value" and parent == "AverageHeartRateBpm" and "Lap" in path and activity.lap is not None:
            activity.lap["avg_hr"] = reading(text) or None
        elif tag == "Name" and parent == "Creator" and len(path) > 2 and path[-3] == "Activity":
            activity.creator = text
        elif tag == "AvgRunCadence" and "Lap" in path and activity.lap_cadence is None:
            activity.lap_cadence = number(text, "a lap's average step rate")
        elif tag == "Lap":
            activity.end_lap()
        elif tag == "Notes" and activity.notes is None:
            activity.notes = text
        elif tag == "Activity":
            self.records.append(activity.record())
            self.activity = None


def parse_tcx(data: bytes) -> list[ActivityRecord]:
    database = _Database()
    xmlsafe.stream(data, database)
    if not database.records:
        raise ImportRejected(_("the TCX file holds no activity"))
    return database.records
