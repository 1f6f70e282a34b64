"""Records and totals: weekly, monthly and yearly totals, and personal records per best-effort distance.

Everything comes from the runs' rows and their recordings' stored best efforts: two queries, no samples.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext

from runlog.activity.efforts import EFFORT_DISTANCES
from runlog.activity.models import Recording
from runlog.log.models import Run
from runlog.site.formats import local_format
from runlog.site.localtime import local_date

RECENT_WEEKS = 12
RECENT_MONTHS = 12


@dataclass
class Total:
    label: str
    first_day: dt.date
    runs: int = 0
    distance_m: float = 0.0
    duration_s: float = 0.0
    elevation_m: float = 0.0


@dataclass
class Record:
    """A best time at one distance: the run it came from, and when it was set."""

    distance_m: float
    name: str
    duration_s: float
    run_id: int
    day: dt.date

    @property
    def pace_s_per_km(self) -> float:
        return self.duration_s / (self.distance_m / 1000)


def _totals(days_and_runs, key, label) -> list[Total]:
    found: dict[dt.date, Total] = {}
    for day, distance, duration, climb in days_and_runs:
        first = key(day)
        total = found.setdefault(first, Total(label(first), first))
        total.runs += 1
        total.distance_m += distance
        total.duration_s += duration
        total.elevation_m += climb or 0.0
    return sorted(found.values(), key=lambda total: total.first_day, reverse=True)


def totals_for(user, tz) -> dict[str, list[Total]]:
    rows = [
        (local_date(start, tz), distance, duration, climb)
        for start, distance, duration, climb in Run.objects.filter(user=user).values_list(
            "start", "distance_m", "duration_s", "elevation_gain_m"
        )
    ]

    def week_label(first: dt.date) -> str:
        return gettext("Week of %(day)s") % {"day": date_format(first, local_format("j M Y"))}

    return {
        "weeks": _totals(rows, lambda day: day - dt.timedelta(days=day.weekday()), week_label)[:RECENT_WEEKS],
        "months": _totals(rows, lambda day: day.replace(day=1), lambda first: date_format(first, local_format("F Y")))[
            :RECENT_MONTHS
        ],
        "years": _totals(rows, lambda day: day.replace(month=1, day=1), lambda first: f"{first:%Y}"),
    }


def records_over_time(user, tz) -> tuple[list[Record], dict[float, list[Record]]]:
    """The current record at each distance, and each distance's history: every run that set a new best."""
    found = Recording.objects.filter(user=user, run__isnull=False).exclude(efforts=[])
    efforts = sorted(
        (
            (local_date(start, tz), run_id, effort)
            for run_id, start, run_efforts in found.values_list("run_id", "run__start", "efforts")
            for effort in run_efforts
        ),
        key=lambda item: (item[0], item[1]),
    )
    history: dict[float, list[Record]] = defaultdict(list)
    for day, run_id, effort in efforts:
        distance = float(effort["distance_m"])
        if distance not in EFFORT_DISTANCES:
            continue
        best = history[distance][-1] if history[distance] else None
        if best is None or effort["duration_s"] < best.duration_s:
            history[distance].append(Record(distance, EFFORT_DISTANCES[distance], effort["duration_s"], run_id, day))
    ordered = {distance: history[distance] for distance in EFFORT_DISTANCES if history.get(distance)}
    return [records[-1] for records in ordered.values()], ordered


def records_for(user, profile) -> dict:
    current, history = records_over_time(user, profile.tz)
    return {
        "totals": totals_for(user, profile.tz),
        "records": current,
        "history": [(records[-1].name, list(reversed(records))) for records in history.values()],
    }
