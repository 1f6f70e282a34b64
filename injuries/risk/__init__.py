"""The injury-risk engine: assess(frames, on) reads a runner's log and returns metrics, flags, the
return-to-run plan and the pain episodes with what came before them.

Pure functions over pandas DataFrames — no ORM, no settings, no request. docs/risk-rules.md is
the specification; the rules/ package implements it, one module per rule family; plan.py and
episodes.py derive the plan and the episodes from the same frames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from . import episodes as ep
from . import metrics as m
from . import plan as return_plan
from . import rules
from .episodes import Episode
from .frames import WINDOW_DAYS, Frames
from .plan import Plan
from .rules import SEVERITY_ORDER, Check, Flag

__all__ = ["WINDOW_DAYS", "Assessment", "Check", "Episode", "Flag", "Frames", "Plan", "assess"]

METRIC_KEYS = (
    "week_km",
    "prev_week_km",
    "longest_run_30d_km",
    "acute_load",
    "chronic_load",
    "acwr",
    "monotony",
    "strain",
    "rest_days_7d",
    "run_streak_days",
    "cadence_spm",
)
# Suggestions to build up are withheld while a red flag says "see a clinician first".
PROGRESS_CODES = {"overtraining.returning"}
# A return-to-run plan under way is the way back: the generic "build up gradually" would repeat it.
SILENCED_BY_PLAN = {"overtraining.returning"}


@dataclass
class Assessment:
    on: dt.date
    metrics: dict
    flags: list[Flag]
    plan: Plan | None = None  # the latest plan started on or before the day (not one ended early)
    episodes: list[Episode] = field(default_factory=list)  # onsets in the last 90 days, oldest first
    checks: list[Check] = field(default_factory=list)
    estimated_load: bool = False  # some load came from RPE imputed by run kind

    @property
    def top_severity(self) -> str | None:
        return self.flags[0].severity if self.flags else None


def assess(frames: Frames, on: dt.date) -> Assessment:
    day = pd.Timestamp(on).normalize()
    # Nothing after the assessment day exists yet.
    frames = Frames(
        runs=m.between(frames.runs, None, day),
        cross=m.between(frames.cross, None, day),
        pain=m.between(frames.pain, None, day),
        shoes=frames.shoes,
        first_day=frames.first_day if frames.first_day is not None and frames.first_day <= day else None,
        plans=frames.plans,
    )
    checks = rules.Checks()
    metrics: dict = dict.fromkeys(METRIC_KEYS)
    metrics["week_km"] = round(m.running_km(frames.runs, day - pd.Timedelta(days=6), day), 1)
    last30 = m.between(frames.runs, day - pd.Timedelta(days=29), day)
    metrics["longest_run_30d_km"] = round(float(last30["distance_m"].max()) / 1000, 1) if len(last30) else None

    flags: list[Flag] = []
    flags += rules.session_spike(frames, day, checks)
    flags += rules.acwr_rule(frames, day, checks, metrics)
    flags += rules.weekly_increase(frames, day, checks, metrics)
    flags += rules.monotony_rule(frames, day, checks, metrics)
    flags += rules.footwear(frames, day, checks)
    flags += rules.red_flag(frames, day, checks)
    flags += rules.pain_monitor(frames, day, checks)
    flags += rules.persistent(frames, day, checks)
    flags += rules.cadence(frames, day, checks, metrics)
    flags += rules.rest_missing(frames, day, checks, metrics, flags)
    flags += rules.prevention(frames, day, checks, flags)
    plan = return_plan.current(frames, day)
    flags += return_plan.offer(frames, day, plan)

    if any(f.code == "pain.red_flag" for f in flags):
        flags = [f for f in flags if f.code not in PROGRESS_CODES]
    if plan is not None and plan.status in ("active", "paused"):
        flags = [f for f in flags if f.code not in SILENCED_BY_PLAN]
    flags.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    window = m.between(frames.runs, day - pd.Timedelta(days=WINDOW_DAYS - 1), day)
    return Assessment(
        on=day.date(),
        metrics=metrics,
        flags=flags,
        plan=plan,
        episodes=ep.episodes(frames, day),
        checks=list(checks),
        estimated_load=bool(window["rpe"].isna().any()),
    )
