"""The month calendar: runs, cross-training, rest days and pain per day; a day's entries on click."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from injuries.models import PainReport

from .models import CrossTraining, Run, profile_for


@dataclass
class Day:
    date: dt.date
    in_month: bool
    run_m: float = 0.0
    runs: int = 0
    xt_minutes: float = 0.0
    pain_peak: int | None = None
    future: bool = False

    @property
    def rest(self) -> bool:
        return self.in_month and not self.future and self.runs == 0


@dataclass
class Month:
    first: dt.date
    weeks: list[list[Day]] = field(default_factory=list)

    @property
    def previous(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date:
        return (self.first + dt.timedelta(days=32)).replace(day=1)


def _month_from(request: HttpRequest, today: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        return today.replace(day=1)


def build_month(user, tz, first: dt.date, today: dt.date) -> Month:
    """Three queries: the month's runs, cross-training and pain reports."""
    grid = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = grid[0][0], grid[-1][-1]
    days = {d: Day(d, d.month == first.month, future=d > today) for week in grid for d in week}
    for start_at, metres in Run.objects.for_user(user).in_window(start, end, tz).values_list("start", "distance_m"):
        day = days[start_at.astimezone(tz).date()]
        day.run_m += metres
        day.runs += 1
    for start_at, seconds in (
        CrossTraining.objects.for_user(user).in_window(start, end, tz).values_list("start", "duration_s")
    ):
        days[start_at.astimezone(tz).date()].xt_minutes += seconds / 60
    peaks = defaultdict(int)
    for date, *scores in (
        PainReport.objects.for_user(user).in_window(start, end).values_list("date", "during", "after", "next_morning")
    ):
        peaks[date] = max([peaks[date], *(s for s in scores if s is not None)])
    for date, peak in peaks.items():
        days[date].pain_peak = peak
    return Month(first=first, weeks=[[days[d] for d in week] for week in grid])


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    today = profile.today()
    month = build_month(request.user, profile.tz, _month_from(request, today), today)
    context = {"month": month, "today": today, "profile": profile}
    if request.htmx and request.htmx.target == "calendar":
        return render(request, "runlog/calendar.html#month", context)
    return render(request, "runlog/calendar.html", context)


@login_required
def calendar_day(request: HttpRequest, day: str) -> HttpResponse:
    from injuries.views import PAIN

    from .views import CROSS_TRAINING, RUNS

    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404("No such day.") from None
    profile = profile_for(request.user)
    context = {
        "date": date,
        "profile": profile,
        "runs": RUNS.queryset(request.user).in_window(date, date, profile.tz),
        "sessions": CROSS_TRAINING.queryset(request.user).in_window(date, date, profile.tz),
        "pains": PAIN.queryset(request.user).filter(date=date),
        "run_section": RUNS,
        "xt_section": CROSS_TRAINING,
        "pain_section": PAIN,
    }
    if request.htmx:
        return render(request, "runlog/calendar.html#day", context)
    return render(request, "runlog/calendar_day.html", context)
