"""This week at a glance: totals of the runner's current local week against their 4-week average."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlog.log.models import CrossTraining, Profile, Run
from runlog.site.localtime import local_date


@dataclass(frozen=True)
class WeekTotals:
    distance_m: float = 0.0
    duration_s: float = 0.0
    runs: float = 0.0
    xt_minutes: float = 0.0


@dataclass(frozen=True)
class WeekSummary:
    first: dt.date
    last: dt.date
    today: dt.date
    this_week: WeekTotals
    average: WeekTotals  # mean of the 4 full weeks before this one
    rest_days: int  # days of this week so far (up to today) without a run

    @property
    def distance_change(self) -> float | None:
        if not self.average.distance_m:
            return None
        return self.this_week.distance_m / self.average.distance_m - 1


def week_summary(user, profile: Profile, today: dt.date | None = None) -> WeekSummary:
    """Two queries whatever the history length: runs and cross-training of the last five weeks."""
    tz = profile.tz
    today = today or profile.today()
    first = today - dt.timedelta(days=today.weekday())
    last = first + dt.timedelta(days=6)
    window_first = first - dt.timedelta(weeks=4)
    runs = Run.objects.for_user(user).in_window(window_first, last, tz).values_list("start", "distance_m", "duration_s")
    sessions = CrossTraining.objects.for_user(user).in_window(window_first, last, tz).values_list("start", "duration_s")

    current = {"distance_m": 0.0, "duration_s": 0.0, "runs": 0, "xt_minutes": 0.0}
    before = {"distance_m": 0.0, "duration_s": 0.0, "runs": 0, "xt_minutes": 0.0}
    run_days: set[dt.date] = set()
    for start, distance_m, duration_s in runs:
        day = local_date(start, tz)
        bucket = current if day >= first else before
        bucket["distance_m"] += distance_m
        bucket["duration_s"] += duration_s
        bucket["runs"] += 1
        if day >= first:
            run_days.add(day)
    for start, duration_s in sessions:
        day = local_date(start, tz)
        (current if day >= first else before)["xt_minutes"] += duration_s / 60
    elapsed = (today - first).days + 1
    return WeekSummary(
        first=first,
        last=last,
        today=today,
        this_week=WeekTotals(**current),
        average=WeekTotals(**{key: value / 4 for key, value in before.items()}),
        rest_days=elapsed - len(run_days & {first + dt.timedelta(days=i) for i in range(elapsed)}),
    )
