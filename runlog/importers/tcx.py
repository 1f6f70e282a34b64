"""Garmin Training Center XML (TCX) activities to records, parsed with defusedxml."""

from __future__ import annotations

import datetime as dt

from . import xmlsafe
from .base import ActivityRecord, ImportRejected


def _time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _children(element, name: str):
    return [child for child in element if xmlsafe.local(child.tag) == name]


def _first(element, name: str):
    for child in element.iter():
        if xmlsafe.local(child.tag) == name:
            return child
    return None


def parse_tcx(data: bytes) -> list[ActivityRecord]:
    root = xmlsafe.parse(xmlsafe.decode(data))
    if xmlsafe.local(root.tag) != "TrainingCenterDatabase":
        raise ImportRejected("not a TCX file (no TrainingCenterDatabase)")
    activities = [a for a in root.iter() if xmlsafe.local(a.tag) == "Activity"]
    if not activities:
        raise ImportRejected("the TCX file holds no activity")
    return [_activity(activity) for activity in activities]


def _activity(activity) -> ActivityRecord:
    laps = [lap for lap in activity.iter() if xmlsafe.local(lap.tag) == "Lap"]
    if not laps:
        raise ImportRejected("the activity has no laps")
    start = _time(_first(activity, "Id").text if _first(activity, "Id") is not None else None)
    lap_starts = [_time(lap.get("StartTime")) for lap in laps]
    start = start or next((t for t in lap_starts if t), None)
    timer = sum(_float(t.text) or 0.0 for lap in laps for t in _children(lap, "TotalTimeSeconds"))
    lap_distance = sum(_float(d.text) or 0.0 for lap in laps for d in _children(lap, "DistanceMeters"))

    points = [p for p in activity.iter() if xmlsafe.local(p.tag) == "Trackpoint"]
    times = [t for t in (_time(getattr(_first(p, "Time"), "text", None)) for p in points) if t]
    if start is None:
        start = min(times) if times else None
    if start is None:
        raise ImportRejected("no timestamps: the activity has no start time")
    point_distances = [d for d in (_float(getattr(_first(p, "DistanceMeters"), "text", None)) for p in points) if d]
    distance = max(point_distances) if point_distances else lap_distance
    elapsed = (max(times) - start).total_seconds() if times else timer
    rates = []
    for p in points:
        hr = _first(p, "HeartRateBpm")
        value = _float(getattr(_first(hr, "Value"), "text", None)) if hr is not None else None
        if value:
            rates.append(value)
    altitudes = [
        a for a in (_float(getattr(_first(p, "AltitudeMeters"), "text", None)) for p in points) if a is not None
    ]
    climb = sum(max(0.0, b - a) for a, b in zip(altitudes, altitudes[1:], strict=False)) if altitudes else None
    notes = _first(activity, "Notes")
    return ActivityRecord(
        start=start.astimezone(dt.UTC),
        sport=activity.get("Sport", "Running"),
        distance_m=distance or None,
        duration_s=timer or elapsed or None,
        elapsed_s=elapsed or timer or None,
        avg_hr=round(sum(rates) / len(rates)) if rates else None,
        elevation_gain_m=round(climb, 1) if climb else None,
        notes=(notes.text or "").strip() if notes is not None else "",
    )
