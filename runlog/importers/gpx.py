"""GPX 1.0 / 1.1 tracks (gpxpy, behind a defusedxml check) to an activity record."""

from __future__ import annotations

import datetime as dt

import gpxpy
import gpxpy.gpx

from . import xmlsafe
from .base import ActivityRecord, ImportRejected


def _hr(point) -> float | None:
    for ext in point.extensions or ():
        for element in ext.iter():
            if xmlsafe.local(element.tag).lower() in ("hr", "heartrate") and element.text:
                try:
                    return float(element.text)
                except ValueError:
                    return None
    return None


def parse_gpx(data: bytes) -> list[ActivityRecord]:
    text = xmlsafe.decode(data)
    root = xmlsafe.parse(text)
    if xmlsafe.local(root.tag) != "gpx":
        raise ImportRejected("not a GPX file")
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
        raise ImportRejected(f"not a valid GPX file ({exc})") from None
    points = [p for track in gpx.tracks for segment in track.segments for p in segment.points]
    if not points:
        if any(route.points for route in gpx.routes):
            raise ImportRejected("a planned route, not a recorded activity")
        raise ImportRejected("no track points: nothing was recorded")
    timed = [p for p in points if p.time is not None]
    if len(timed) < 2 or len(timed) < 0.9 * len(points):
        raise ImportRejected("no timestamps: the track has no usable times, so its date and pace are unknown")
    start = min(p.time for p in timed)
    end = max(p.time for p in timed)
    if start.tzinfo is None:
        start, end = start.replace(tzinfo=dt.UTC), end.replace(tzinfo=dt.UTC)
    moving = gpx.get_moving_data()
    elapsed = (end - start).total_seconds()
    distance = gpx.length_2d()
    if not distance:
        raise ImportRejected("the track has no distance")
    rates = [hr for hr in (_hr(p) for p in timed) if hr]
    climb = gpx.get_uphill_downhill().uphill if any(p.elevation is not None for p in points) else None
    sport = next((t.type for t in gpx.tracks if t.type), "running")
    name = next((t.name for t in gpx.tracks if t.name), "") or (gpx.name or "")
    return [
        ActivityRecord(
            start=start.astimezone(dt.UTC),
            sport=sport,
            distance_m=distance,
            duration_s=moving.moving_time if moving and moving.moving_time else elapsed,
            elapsed_s=elapsed,
            avg_hr=round(sum(rates) / len(rates)) if rates else None,
            elevation_gain_m=round(climb, 1) if climb else None,
            name=name,
        )
    ]
