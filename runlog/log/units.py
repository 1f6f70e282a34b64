"""Conversions at the edges: metres and seconds inside, the runner's unit and h:mm:ss outside."""

from __future__ import annotations

import re
from decimal import Decimal

# Longer than any time a runner writes; keeps the number work on absurd input cheap.
MAX_DURATION_TEXT = 1000
KM = 1000.0
MILE = 1609.344

_DURATION = re.compile(r"^\s*(?:(\d+):)?(\d{1,3}):(\d{1,2}(?:\.\d+)?)\s*$")
_HM = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$", re.IGNORECASE)


def unit_m(units: str) -> float:
    return MILE if units == "mi" else KM


def to_unit(metres: float | None, units: str) -> float | None:
    return None if metres is None else metres / unit_m(units)


def from_unit(value: float, units: str) -> float:
    return float(value) * unit_m(units)


def parse_duration(text: str) -> int:
    """Seconds from '1:05:30', '45:00', '45' (minutes) or '1h 5m'; ValueError if unreadable."""
    text = (text or "").strip()
    if not text:
        raise ValueError("empty")
    if len(text) > MAX_DURATION_TEXT:
        raise ValueError("unreadable")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        # Decimal, not float: "400 nines" minutes is a (huge) whole number of seconds for the bounds to
        # refuse, where a float would be infinite and could not be rounded.
        return round(Decimal(text) * 60)
    match = _DURATION.match(text)
    if match:
        hours, minutes, seconds = match.groups()
        if float(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
            raise ValueError("out of range")
        return round(int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds))
    match = _HM.match(text)
    if match and any(match.groups()):
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    raise ValueError("unreadable")


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_pace(seconds_per_km: float | None, units: str) -> str:
    if not seconds_per_km:
        return "—"
    per_unit = seconds_per_km * unit_m(units) / KM
    minutes, secs = divmod(round(per_unit), 60)
    return f"{minutes}:{secs:02d} /{units}"


def format_distance(metres: float | None, units: str, digits: int = 1) -> str:
    if metres is None:
        return "—"
    return f"{metres / unit_m(units):.{digits}f} {units}"
