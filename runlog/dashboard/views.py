"""The runner's overview: the home page, and its week and charts panels refreshed after the log changes."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from injuries.assessment import frames_for, risk_panel
from injuries.models import PainReport
from runlog.dashboard.charts import chart_data, chart_labels
from runlog.dashboard.week import WeekSummary, week_summary
from runlog.log.entry_cache import render_entries
from runlog.log.forms import RunForm
from runlog.log.models import Profile, profile_for
from runlog.log.versions import get_or_compute
from runlog.log.views import RUNS, runs_of

WEEKS_CHOICES = ("12", "26", "52")
MORNING_PROMPTS = 3


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/welcome.html")
    profile = profile_for(request.user)
    today = profile.today()
    panel = risk_panel(profile, today)
    plan = panel["assessment"].plan
    under_way = plan is not None and plan.status == "active"
    context = {
        "profile": profile,
        "week": _week(request.user, profile, today),
        "form": RunForm(profile=profile, plan_session=plan.today_label if under_way else None),
        "section": RUNS,
        "recent_entries": render_entries(RUNS, runs_of(request.user)[:5], profile.units, today),
        "chart_data": _charts(profile, today),
        "weeks_shown": _weeks_choice(request),
        "morning_reports": list(
            PainReport.objects.for_user(request.user).awaiting_morning_score(today)[:MORNING_PROMPTS]
        ),
        **panel,
        "risk_summary": risk_summary(panel["shown_flags"]),
        "risk_refresh_url": reverse("dashboard_panels"),
    }
    return render(request, "dashboard/home.html", context)


def risk_summary(shown_flags: list) -> dict[str, list]:
    """The risk panel in short for a phone: the act-now (high) warnings, and the others."""
    return {
        "act_now": [item for item in shown_flags if item.severity == "high"],
        "later": [item for item in shown_flags if item.severity != "high"],
    }


def _charts(profile: Profile, today: dt.date) -> dict:
    """The chart data, cached until the runner's log or date changes; built from the shared frames."""
    data = get_or_compute("charts", profile, today, lambda: chart_data(profile, frames_for(profile, today), today))
    return {**data, "labels": chart_labels(profile)}


def _weeks_choice(request: HttpRequest) -> int:
    value = request.GET.get("weeks", "12")
    return int(value) if value in WEEKS_CHOICES else 12


@login_required
def charts_panel(request: HttpRequest) -> HttpResponse:
    """The charts with fresh data, for the htmx refresh after the log changes."""
    profile = profile_for(request.user)
    context = {"chart_data": _charts(profile, profile.today()), "weeks_shown": _weeks_choice(request)}
    return render(request, "dashboard/home.html#charts", context)


@login_required
def risk_and_charts_panels(request: HttpRequest) -> HttpResponse:
    """The home page's risk panel, its summary, plan card and charts after the log changes, in one response built on one
    frames load: the risk panel is the swap target, the others come out of band. Separate requests would
    each load the frames, the cache being empty for the new log version."""
    profile = profile_for(request.user)
    today = profile.today()
    panel = risk_panel(profile, today)
    context = {
        **panel,
        "risk_summary": risk_summary(panel["shown_flags"]),
        "risk_refresh_url": reverse("dashboard_panels"),
        "chart_data": _charts(profile, today),
        "weeks_shown": _weeks_choice(request),
        "today": today,
        "out_of_band": True,
    }
    return render(request, "dashboard/panels.html", context)


@login_required
def week_panel(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    week = _week(request.user, profile, profile.today())
    return render(request, "dashboard/home.html#week", {"week": week, "profile": profile})


def _week(user, profile: Profile, today: dt.date) -> WeekSummary:
    """This week at a glance, cached until the runner's log or date changes."""
    return get_or_compute("week", profile, today, lambda: week_summary(user, profile, today))
