"""This week at a glance: totals of the runner's current local week against their 4-week average."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runlog.log.models import CrossTraining, Profile, Run
from runlog.log.weeks import WeekTotals, week_totals
from runlog.site.localtime import local_date


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
    runs = [
        (local_date(start, tz), distance_m, duration_s)
        for start, distance_m, duration_s in Run.objects.for_user(user)
        .in_window(window_first, last, tz)
        .values_list("start", "distance_m", "duration_s")
    ]
    sessions = [
        (local_date(start, tz), duration_s)
        for start, duration_s in CrossTraining.objects.for_user(user)
        .in_window(window_first, last, tz)
        .values_list("start", "duration_s")
    ]
    this_week = week_totals(runs, sessions, first, last, rest_until=today)
    return WeekSummary(
        first=first,
        last=last,
        today=today,
        this_week=this_week,
        average=week_totals(runs, sessions, window_first, first - dt.timedelta(days=1)).per_week(4),
        rest_days=this_week.rest_days,
    )
