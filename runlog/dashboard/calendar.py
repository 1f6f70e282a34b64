"""The month calendar: runs, cross-training, rest days and pain per day; a day's entries on click.

It reaches from January 1970 (the earliest date the log accepts) to the month a year after today, so
a runner can look at the coming weeks; a month or day outside answers 404, and no link leads there.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from injuries.models import PainReport
from injuries.views import PAIN
from runlog.log.bounds import DATE_MIN
from runlog.log.models import CrossTraining, Run, profile_for
from runlog.log.views import CROSS_TRAINING, RUNS
from runlog.site.localtime import local_date

DAYS_AHEAD = 365


def last_day_shown(today: dt.date) -> dt.date:
    """The last day of the last month the calendar shows: the month a year after `today`."""
    ahead = today + dt.timedelta(days=DAYS_AHEAD)
    return ahead.replace(day=calendar.monthrange(ahead.year, ahead.month)[1])


def in_calendar(day: dt.date, today: dt.date) -> bool:
    return DATE_MIN <= day <= last_day_shown(today)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    run_m: float = 0.0
    runs: int = 0
    xt_minutes: float = 0.0
    pain_peak: int | None = None
    future: bool = False
    linked: bool = True  # False for the days of the grid outside the calendar's range (December 1969)

    @property
    def rest(self) -> bool:
        return self.in_month and not self.future and self.runs == 0


@dataclass
class Month:
    first: dt.date
    today: dt.date
    weeks: list[list[Day]] = field(default_factory=list)

    @property
    def previous(self) -> dt.date | None:
        """The month before, or None at January 1970."""
        if self.first <= DATE_MIN:
            return None
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date | None:
        """The month after, or None at the last month shown."""
        last = last_day_shown(self.today)
        if self.first >= last.replace(day=1):
            return None
        return (self.first + dt.timedelta(days=32)).replace(day=1)


def _month_from(request: HttpRequest, today: dt.date) -> dt.date:
    """The month asked for (today's if none or unreadable); 404 outside the calendar's range."""
    try:
        first = dt.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        return today.replace(day=1)
    if not in_calendar(first, today):
        raise Http404("The calendar shows January 1970 to a year from now.")
    return first


def build_month(user, tz, first: dt.date, today: dt.date) -> Month:
    """Three queries: the month's runs, cross-training and pain reports."""
    grid = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = grid[0][0], grid[-1][-1]
    days = {
        d: Day(d, d.month == first.month, future=d > today, linked=in_calendar(d, today)) for week in grid for d in week
    }
    for start_at, metres in Run.objects.for_user(user).in_window(start, end, tz).values_list("start", "distance_m"):
        day = days[local_date(start_at, tz)]
        day.run_m += metres
        day.runs += 1
    for start_at, seconds in (
        CrossTraining.objects.for_user(user).in_window(start, end, tz).values_list("start", "duration_s")
    ):
        days[local_date(start_at, tz)].xt_minutes += seconds / 60
    peaks = defaultdict(int)
    for date, *scores in (
        PainReport.objects.for_user(user).in_window(start, end).values_list("date", "during", "after", "next_morning")
    ):
        peaks[date] = max([peaks[date], *(s for s in scores if s is not None)])
    for date, peak in peaks.items():
        days[date].pain_peak = peak
    return Month(first=first, today=today, weeks=[[days[d] for d in week] for week in grid])


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    today = profile.today()
    month = build_month(request.user, profile.tz, _month_from(request, today), today)
    context = {"month": month, "today": today, "profile": profile}
    if request.htmx and request.htmx.target == "calendar":
        return render(request, "dashboard/calendar.html#month", context)
    return render(request, "dashboard/calendar.html", context)


@login_required
def calendar_day(request: HttpRequest, day: str) -> HttpResponse:
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404("No such day.") from None
    profile = profile_for(request.user)
    if not in_calendar(date, profile.today()):
        raise Http404("The calendar shows January 1970 to a year from now.")
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
        return render(request, "dashboard/calendar.html#day", context)
    return render(request, "dashboard/calendar_day.html", context)
