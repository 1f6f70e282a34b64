"""Week totals of a runner's log, added up one way for the home page, the charts and the weekly digest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

Runs = Iterable[tuple[dt.date, float, float]]  # (local day, distance_m, duration_s)
Sessions = Iterable[tuple[dt.date, float]]  # cross-training: (local day, duration_s)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekTotals:
    distance_m: float = 0.0
    duration_s: float = 0.0
    runs: float = 0
    xt_minutes: float = 0.0
    rest_days: int = 0  # days of the span counted (up to today for the current week) without a run

    def per_week(self, weeks: int) -> WeekTotals:
        """The mean week of `weeks` weeks added up together (rest days are not averaged)."""
        return replace(
            self,
            distance_m=self.distance_m / weeks,
            duration_s=self.duration_s / weeks,
            runs=self.runs / weeks,
            xt_minutes=self.xt_minutes / weeks,
            rest_days=0,
        )


def week_totals(
    runs: Runs, sessions: Sessions, first: dt.date, last: dt.date, rest_until: dt.date | None = None
) -> WeekTotals:
    """Totals of the runs and cross-training from `first` to `last`; rest days up to `rest_until` (or `last`)."""
    distance = duration = 0.0
    count = 0
    run_days = set()
    for day, distance_m, duration_s in runs:
        if first <= day <= last:
            distance += distance_m
            duration += duration_s
            count += 1
            run_days.add(day)
    xt_seconds = sum(seconds for day, seconds in sessions if first <= day <= last)
    until = min(last, rest_until) if rest_until is not None else last
    counted = max((until - first).days + 1, 0)
    rest = counted - len({day for day in run_days if day <= until})
    return WeekTotals(distance, duration, count, xt_seconds / 60, rest)


def weekly_totals(runs: Runs, sessions: Sessions, first_monday: dt.date, weeks: int) -> dict[dt.date, WeekTotals]:
    """Totals for each of `weeks` Monday–Sunday weeks from `first_monday`, in one pass over the sessions."""
    runs_by_week: dict[dt.date, list] = {first_monday + dt.timedelta(weeks=i): [] for i in range(weeks)}
    sessions_by_week: dict[dt.date, list] = {week: [] for week in runs_by_week}
    for run in runs:
        runs_by_week.get(monday(run[0]), []).append(run)
    for session in sessions:
        sessions_by_week.get(monday(session[0]), []).append(session)
    return {
        week: week_totals(runs_by_week[week], sessions_by_week[week], week, week + dt.timedelta(days=6))
        for week in runs_by_week
    }
