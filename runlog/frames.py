"""The one doorway from the ORM to pandas: a runner's log around a date, as fixed-column DataFrames.

An assessment reads a fixed window (WINDOW_DAYS) plus per-shoe totals by aggregate, so its cost
and its query count do not grow with years of history: five queries, whoever the runner.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from injuries.models import PainReport
from injuries.risk import WINDOW_DAYS, Frames

from .models import CrossTraining, Profile, Run, Shoe, local_day_bounds


def _local_day(start: dt.datetime, tz) -> dt.date:
    return start.astimezone(tz).date()


def first_session_day(user, tz) -> dt.date | None:
    """The first logged run or cross-training session of the whole log, in one query."""
    first_run = Run.objects.filter(user=user).order_by("start").values("start")[:1]
    first_xt = CrossTraining.objects.filter(user=user).order_by("start").values("start")[:1]
    row = (
        Profile.objects.filter(user=user)
        .annotate(first_run=Subquery(first_run), first_xt=Subquery(first_xt))
        .values("first_run", "first_xt")
        .first()
    )
    starts = [row[key] for key in ("first_run", "first_xt") if row and row[key] is not None]
    return _local_day(min(starts), tz) if starts else None


def load_frames(profile: Profile, on: dt.date) -> Frames:
    user, tz = profile.user, profile.tz
    first = on - dt.timedelta(days=WINDOW_DAYS - 1)
    _, end = local_day_bounds(on, on, tz)

    runs = [
        {
            "day": _local_day(row["start"], tz),
            "distance_m": row["distance_m"],
            "duration_s": row["duration_s"],
            "kind": row["kind"],
            "rpe": row["rpe"],
            "shoe_id": row["shoe_id"],
            "warm_up": row["warm_up"],
        }
        for row in Run.objects.for_user(user)
        .in_window(first, on, tz)
        .order_by("start")
        .values("start", "distance_m", "duration_s", "kind", "rpe", "shoe_id", "warm_up")
    ]
    cross = [
        {
            "day": _local_day(row["start"], tz),
            "activity": row["activity"],
            "duration_s": row["duration_s"],
            "rpe": row["rpe"],
        }
        for row in CrossTraining.objects.for_user(user)
        .in_window(first, on, tz)
        .order_by("start")
        .values("start", "activity", "duration_s", "rpe")
    ]
    pain = [
        {**row, "day": row.pop("date")}
        for row in PainReport.objects.for_user(user)
        .in_window(first, on)
        .order_by("date", "id")
        .values(
            "date",
            "location",
            "side",
            "during",
            "after",
            "next_morning",
            "swelling",
            "warmth",
            "stiffness",
            "locking",
            "cannot_bear_weight",
        )
    ]
    before_end = Q(runs__start__lt=end)
    shoes = [
        {
            "shoe_id": row["id"],
            "name": row["name"],
            "start_m": row["start_m"],
            "retire_at_m": row["retire_at_m"],
            "retired_on": row["retired_on"],
            "logged_m": row["logged_m"],
            "last_run_day": _local_day(row["last_run"], tz) if row["last_run"] else None,
        }
        for row in Shoe.objects.for_user(user)
        .annotate(
            logged_m=Coalesce(Sum("runs__distance_m", filter=before_end), 0.0),
            last_run=Max("runs__start", filter=before_end),
        )
        .values("id", "name", "start_m", "retire_at_m", "retired_on", "logged_m", "last_run")
    ]
    return Frames.build(runs=runs, cross=cross, pain=pain, shoes=shoes, first_day=first_session_day(user, tz))
