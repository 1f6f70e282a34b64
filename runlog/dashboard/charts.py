"""Chart data for the runner's dashboard, from the assessment's frames plus one query for a year of weeks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from django.utils import translation
from django.utils.translation import gettext

from injuries.models import Location
from injuries.risk import Frames
from injuries.risk import metrics as m
from injuries.risk.rules.footwear import wear_state
from runlog.log.models import CrossTraining, Profile, Run
from runlog.log.weeks import monday
from runlog.log.weeks import weekly_totals as weekly_totals_of
from runlog.site.localtime import local_date

WEEKS_SHOWN = 52
LOAD_DAYS = 84
LONGEST_WEEKS = 20
PAIN_DAYS = 90


def weekly_totals(profile: Profile, today: dt.date) -> list[dict]:
    """Running km and cross-training minutes for each of the last 52 weeks (two queries)."""
    first = monday(today) - dt.timedelta(weeks=WEEKS_SHOWN - 1)
    tz = profile.tz
    runs = [
        (local_date(start, tz), distance_m, 0.0)
        for start, distance_m in Run.objects.for_user(profile.user)
        .in_window(first, today, tz)
        .values_list("start", "distance_m")
    ]
    sessions = [
        (local_date(start, tz), seconds)
        for start, seconds in CrossTraining.objects.for_user(profile.user)
        .in_window(first, today, tz)
        .values_list("start", "duration_s")
    ]
    return [
        {"week": week.isoformat(), "km": round(totals.distance_m / 1000, 1), "xt_min": round(totals.xt_minutes)}
        for week, totals in weekly_totals_of(runs, sessions, first, WEEKS_SHOWN).items()
    ]


def load_series(frames: Frames, today: dt.date) -> list[dict]:
    """Daily load with its acute (7-day) and chronic (28-day) EWMA, the same formula as the ACWR rule."""
    on = pd.Timestamp(today)
    if frames.first_day is None:
        return []
    start = max(frames.first_day, on - pd.Timedelta(days=m.ACWR_SERIES_DAYS - 1))
    loads = m.daily_load(frames, start, on)
    seed = float(loads.iloc[:7].mean())
    acute = m.ewma(loads, m.ACUTE_N, seed)
    chronic = m.ewma(loads, m.CHRONIC_N, seed)
    shown = loads.index[-LOAD_DAYS:]
    return [
        {
            "day": day.date().isoformat(),
            "load": round(float(loads[day])),
            "acute": round(float(acute[day]), 1),
            "chronic": round(float(chronic[day]), 1),
        }
        for day in shown
    ]


def longest_runs(frames: Frames, today: dt.date) -> list[dict]:
    """Each week's longest run against the longest of the 30 days before that week (the spike baseline)."""
    days = frames.runs["day"].to_numpy()
    distances = frames.runs["distance_m"].to_numpy(float)

    def longest(first: dt.date, last: dt.date) -> float | None:
        lo = days.searchsorted(np.datetime64(first, "ns"), side="left")
        hi = days.searchsorted(np.datetime64(last, "ns"), side="right")
        return float(distances[lo:hi].max()) if hi > lo else None

    out = []
    for i in range(LONGEST_WEEKS - 1, -1, -1):
        first = monday(today) - dt.timedelta(weeks=i)
        week = longest(first, first + dt.timedelta(days=6))
        before = longest(first - dt.timedelta(days=30), first - dt.timedelta(days=1))
        out.append(
            {
                "week": first.isoformat(),
                "longest_km": round(week / 1000, 1) if week is not None else 0,
                "baseline_km": round(before / 1000, 1) if before is not None else None,
            }
        )
    return out


def shoe_wear(frames: Frames, today: dt.date) -> list[dict]:
    shoes = frames.shoes
    active = shoes[shoes["retired_on"].isna() | (shoes["retired_on"] > pd.Timestamp(today))]
    out = []
    for shoe in active.itertuples():
        km = (shoe.start_m + (shoe.logged_m or 0.0)) / 1000
        retire = shoe.retire_at_m / 1000
        state = wear_state(km / retire)
        out.append({"name": shoe.name, "km": round(km), "retire_km": round(retire), "state": state})
    return sorted(out, key=lambda s: -s["km"] / s["retire_km"])


LOCATION_LABELS = dict(Location.choices)


def pain_series(frames: Frames, today: dt.date) -> list[dict]:
    recent = m.between(frames.pain, pd.Timestamp(today) - pd.Timedelta(days=PAIN_DAYS - 1), pd.Timestamp(today))

    def score(value):
        return None if value is None or value != value else int(value)

    return [
        {
            "day": p.day.date().isoformat(),
            "location": p.location,
            "where": str(LOCATION_LABELS.get(p.location, p.location)),
            "during": score(p.during),
            "after": score(p.after),
            "next_morning": score(p.next_morning),
        }
        for p in recent.itertuples()
    ]


def chart_labels(profile: Profile) -> dict:
    """The charts' words in the runner's language (charts.js draws them as they are). Not cached with the
    data: a runner who changes language sees the same numbers under new words."""
    unit = profile.units
    return {
        "language": translation.get_language(),
        "running": gettext("Running (%(unit)s)") % {"unit": unit},
        "cross_training": gettext("Cross-training (min)"),
        "minutes": gettext("min"),
        "daily_load": gettext("Daily load"),
        # Translators: the acute and chronic training load, exponentially weighted averages over 7 and 28 days.
        "acute": gettext("Acute (7-day)"),
        "chronic": gettext("Chronic (28-day)"),
        "band": gettext("Band 0.8–1.5 × chronic"),
        # Translators: the unit of training load: effort (RPE) times minutes.
        "load_unit": gettext("RPE × min"),
        "longest": gettext("Longest run of the week"),
        "longest_before": gettext("Longest of the 30 days before"),
        "shoe_distance": gettext("Distance so far (km)"),
        "shoe_retire": gettext("Retire at (km)"),
        "pain_axis": gettext("pain 0–10"),
        "moments": {
            "during": gettext("during"),
            "after": gettext("after"),
            "next_morning": gettext("next morning"),
        },
        "locations": {str(code): str(label) for code, label in Location.choices},
    }


def chart_data(profile: Profile, frames: Frames, today: dt.date) -> dict:
    return {
        "unit": profile.units,
        "weekly": weekly_totals(profile, today),
        "load": load_series(frames, today),
        "longest": longest_runs(frames, today),
        "shoes": shoe_wear(frames, today),
        "pain": pain_series(frames, today),
    }
