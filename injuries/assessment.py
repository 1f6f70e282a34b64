"""The one doorway from the ORM to the risk engine: load the frames, assess, attach the advice, cache.

Frames hold a fixed window (WINDOW_DAYS) plus per-shoe totals by aggregate, so their cost does not grow
with years of history; `load_frames_bulk` serves a whole batch of runners (the digest) with the same
five queries that one runner costs. For one runner, `assessment_of` is cached by log version, and
`frames_for` loads the frames once per request for every panel that needs them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

import pandas as pd
from django.db.models import F, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from injuries.advice import ShownFlag, with_advice
from injuries.models import PainReport, ReturnPlan
from injuries.risk import WINDOW_DAYS, Assessment, Frames, Plan, assess
from injuries.risk import plan as return_plan
from injuries.risk.frames import CROSS_COLUMNS, PAIN_COLUMNS, PLAN_COLUMNS, RUN_COLUMNS, SHOE_COLUMNS, frame
from runlog.log.models import CrossTraining, Profile, Run, Shoe, local_day_bounds
from runlog.log.versions import get_or_compute
from runlog.site.localtime import local_date

# The columns read from each table are the frame contract's (injuries/risk/frames.py): a session's local
# `day` comes from its `start`, a shoe's `shoe_id` from its `id`, its `last_run_day` and `first_run_day`
# from its runs; the columns named otherwise in the model are read under the contract's name.
RUN_RENAMED = {"run_id": F("id"), "cadence_spm": F("avg_cadence_spm")}
PAIN_RENAMED = {"report_id": F("id")}
RUN_FIELDS = [column for column in RUN_COLUMNS if column != "day" and column not in RUN_RENAMED]
CROSS_FIELDS = [column for column in CROSS_COLUMNS if column != "day"]
PAIN_FIELDS = [column for column in PAIN_COLUMNS if column != "day" and column not in PAIN_RENAMED]
SHOE_FIELDS = [
    column for column in SHOE_COLUMNS if column not in ("shoe_id", "logged_m", "last_run_day", "first_run_day")
]
PLAN_FIELDS = [column for column in PLAN_COLUMNS if column != "plan_id"]
# The engine's frames hold days as datetime64[ns], 1677-09-22 to 2262-04-11. A stored day beyond (old
# data, a restore: no form accepts one) is kept at the nearest end, which every rule reads the same way
# as the real day: long ago, or not yet.
ENGINE_FIRST_DAY = pd.Timestamp.min.ceil("D").date()
ENGINE_LAST_DAY = pd.Timestamp.max.floor("D").date()


def engine_day(day: dt.date | None) -> dt.date | None:
    return None if day is None else min(max(day, ENGINE_FIRST_DAY), ENGINE_LAST_DAY)


def load_frames(profile: Profile, on: dt.date) -> Frames:
    """One runner's frames around `on`, read from the database now (five queries)."""
    return load_frames_bulk([profile], {profile.user_id: on})[profile.user_id]


def frames_for(profile: Profile, today: dt.date) -> Frames:
    """One runner's frames, loaded at most once per profile object, log version and date: the panels a page
    or a request builds in turn share one load. (Not kept in the cache: writing and reading DataFrames
    there costs more than the load, and what is derived from them is cached instead.)"""
    kept = profile.__dict__.setdefault("_frames_by_version", {})
    version = (profile.log_version, today)
    if version not in kept:
        kept[version] = load_frames(profile, today)
    return kept[version]


def assessment_for(profile: Profile, on: dt.date | None = None) -> Assessment:
    """A fresh assessment on `on` (the runner's today by default), not cached: for the command line."""
    on = on or profile.today()
    return assess(load_frames(profile, on), on)


def assessment_of(profile: Profile, today: dt.date) -> Assessment:
    """The runner's assessment today, cached until their log or date changes."""
    return get_or_compute("assessment", profile, today, lambda: assess(frames_for(profile, today), today))


def risk_panel(profile: Profile, today: dt.date) -> dict:
    """What the risk panel shows: the assessment, its flags each with their published advice."""
    assessment = assessment_of(profile, today)
    shown: list[ShownFlag] = with_advice(assessment)
    return {"assessment": assessment, "shown_flags": shown, "profile": profile}


def plan_history(profile: Profile, today: dt.date) -> list[Plan]:
    """Every plan the runner started, oldest first, each replayed from the shared frames (one query more).

    Sessions older than the frames' window (WINDOW_DAYS) are not replayed: a plan runs for weeks, not months.
    """
    rows = [
        {
            **row,
            "plan_id": row["id"],
            "started_on": engine_day(row["started_on"]),
            "cleared_on": engine_day(row["cleared_on"]),
            "ended_on": engine_day(row["ended_on"]),
            "paused_on": engine_day(row["paused_on"]),
        }
        for row in ReturnPlan.objects.filter(user=profile.user).order_by("started_on", "id").values("id", *PLAN_FIELDS)
    ]
    frames = dataclasses.replace(frames_for(profile, today), plans=frame(rows, PLAN_COLUMNS), cache={})
    return return_plan.plans(frames, pd.Timestamp(today))


def load_frames_bulk(profiles: list[Profile], on_for: dict[int, dt.date]) -> dict[int, Frames]:
    """Frames for every runner in `profiles`, each around its own date, in five queries."""
    if not profiles:
        return {}
    by_user = {p.user_id: p for p in profiles}
    ids = list(by_user)
    # One window wide enough for everybody; each runner's rows are cut to their own below.
    starts, ends = zip(
        *(
            local_day_bounds(on_for[uid] - dt.timedelta(days=WINDOW_DAYS - 1), on_for[uid], by_user[uid].tz)
            for uid in ids
        ),
        strict=True,
    )
    window = Q(start__gte=min(starts), start__lt=max(ends), user_id__in=ids)
    first_day = min(on_for.values()) - dt.timedelta(days=WINDOW_DAYS)
    last_day = max(on_for.values())

    runs, cross, pain, shoes = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for row in Run.objects.filter(window).order_by("start").values("user_id", "start", *RUN_FIELDS, **RUN_RENAMED):
        uid = row.pop("user_id")
        row["day"] = local_date(row.pop("start"), by_user[uid].tz)
        runs[uid].append(row)
    for row in CrossTraining.objects.filter(window).order_by("start").values("user_id", "start", *CROSS_FIELDS):
        uid = row.pop("user_id")
        row["day"] = local_date(row.pop("start"), by_user[uid].tz)
        cross[uid].append(row)
    for row in (
        PainReport.objects.filter(user_id__in=ids, date__gte=first_day, date__lte=last_day)
        .order_by("date", "id")
        .values("user_id", "date", *PAIN_FIELDS, **PAIN_RENAMED)
    ):
        uid = row.pop("user_id")
        row["day"] = row.pop("date")
        pain[uid].append(row)
    # Shoe totals count runs up to the end of the runner's date; the latest end covers every runner and
    # a run after someone's own date is rare enough to be corrected per runner below.
    before_end = Q(runs__start__lt=max(ends))
    for row in (
        Shoe.objects.filter(user_id__in=ids)
        .annotate(
            logged_m=Coalesce(Sum("runs__distance_m", filter=before_end), 0.0),
            last_run=Max("runs__start", filter=before_end),
            first_run=Min("runs__start"),
        )
        .values("user_id", "id", *SHOE_FIELDS, "logged_m", "last_run", "first_run")
    ):
        uid = row.pop("user_id")
        tz = by_user[uid].tz
        shoes[uid].append(
            {
                **{name: row[name] for name in SHOE_FIELDS},
                "shoe_id": row["id"],
                "retired_on": engine_day(row["retired_on"]),
                "logged_m": row["logged_m"],
                "last_run_day": engine_day(local_date(row["last_run"], tz)) if row["last_run"] else None,
                "first_run_day": engine_day(local_date(row["first_run"], tz)) if row["first_run"] else None,
            }
        )
    first_run = Run.objects.filter(user_id=OuterRef("user_id")).order_by("start").values("start")[:1]
    first_xt = CrossTraining.objects.filter(user_id=OuterRef("user_id")).order_by("start").values("start")[:1]
    # The plan an assessment reads is the latest one started on or before its day (no plan starts after
    # the runner's today): read beside the first sessions, so a plan costs no query of its own.
    latest_plan = ReturnPlan.objects.filter(user_id=OuterRef("user_id"), started_on__lte=last_day).order_by(
        "-started_on", "-id"
    )
    firsts, plans = {}, defaultdict(list)
    for row in (
        Profile.objects.filter(user_id__in=ids)
        .annotate(
            first_run=Subquery(first_run),
            first_xt=Subquery(first_xt),
            plan_id=Subquery(latest_plan.values("id")[:1]),
            **{f"plan_{name}": Subquery(latest_plan.values(name)[:1]) for name in PLAN_FIELDS},
        )
        .values("user_id", "first_run", "first_xt", "plan_id", *(f"plan_{name}" for name in PLAN_FIELDS))
    ):
        uid = row["user_id"]
        firsts[uid] = [v for v in (row["first_run"], row["first_xt"]) if v is not None]
        if row["plan_id"] is not None and row["plan_started_on"] <= on_for[uid]:
            plan = {name: row[f"plan_{name}"] for name in PLAN_FIELDS}
            plans[uid].append(
                {
                    **plan,
                    "plan_id": row["plan_id"],
                    "started_on": engine_day(plan["started_on"]),
                    "cleared_on": engine_day(plan["cleared_on"]),
                    "ended_on": engine_day(plan["ended_on"]),
                    "paused_on": engine_day(plan["paused_on"]),
                }
            )

    # Convert each table once for the whole batch, then cut it per runner: building DataFrames runner by
    # runner costs as much as assessing them.
    since_for = {uid: on_for[uid] - dt.timedelta(days=WINDOW_DAYS - 1) for uid in ids}

    def table(rows_by_user, columns):
        if len(ids) == 1:  # one runner (a page view): no grouping needed
            uid = ids[0]
            rows = [r for r in rows_by_user[uid] if since_for[uid] <= r.get("day", since_for[uid]) <= on_for[uid]]
            return {uid: frame(rows, columns)}
        rows = [
            {"user_id": uid, **row}
            for uid in ids
            for row in rows_by_user[uid]
            if since_for[uid] <= row.get("day", since_for[uid]) <= on_for[uid]
        ]
        df = frame(rows, ["user_id", *columns])
        return {
            uid: part.drop(columns="user_id").reset_index(drop=True) for uid, part in df.groupby("user_id", sort=False)
        }

    run_frames = table(runs, RUN_COLUMNS)
    cross_frames = table(cross, CROSS_COLUMNS)
    pain_frames = table(pain, PAIN_COLUMNS)
    shoe_rows = {uid: _shoes_as_of(shoes[uid], runs[uid], on_for[uid]) for uid in ids}
    shoe_frames = table(shoe_rows, SHOE_COLUMNS)
    plan_frames = table(plans, PLAN_COLUMNS)
    columns_of = {
        "runs": RUN_COLUMNS,
        "cross": CROSS_COLUMNS,
        "pain": PAIN_COLUMNS,
        "shoes": SHOE_COLUMNS,
        "plans": PLAN_COLUMNS,
    }

    def part(tables: dict, uid: int, name: str):
        found = tables.get(uid)
        return found if found is not None else frame([], columns_of[name])  # a runner without rows

    out = {}
    for uid in ids:
        starts_ = firsts.get(uid) or []
        first = engine_day(local_date(min(starts_), by_user[uid].tz)) if starts_ else None
        out[uid] = Frames(
            runs=part(run_frames, uid, "runs"),
            cross=part(cross_frames, uid, "cross"),
            pain=part(pain_frames, uid, "pain"),
            shoes=part(shoe_frames, uid, "shoes"),
            first_day=pd.Timestamp(first) if first else None,
            plans=part(plan_frames, uid, "plans"),
        )
    return out


def _shoes_as_of(shoes: list[dict], runs: list[dict], on: dt.date) -> list[dict]:
    """Take runs after `on` (inside the shared window) back out of the shoe totals."""
    later = defaultdict(float)
    for run in runs:
        if run["day"] > on and run["shoe_id"] is not None:
            later[run["shoe_id"]] += run["distance_m"]
    if not later:
        return shoes
    adjusted = []
    for shoe in shoes:
        shoe = dict(shoe)
        shoe["logged_m"] -= later.get(shoe["shoe_id"], 0.0)
        if later.get(shoe["shoe_id"]):
            used = [r["day"] for r in runs if r["shoe_id"] == shoe["shoe_id"] and r["day"] <= on]
            shoe["last_run_day"] = max(used) if used else None
        adjusted.append(shoe)
    return adjusted
