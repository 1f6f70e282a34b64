"""The rest rule: days without a run, and running streaks."""

from __future__ import annotations

import pandas as pd

from .. import metrics as m
from ..frames import Frames
from .base import Checks, Flag, logged_since, span


def rest_missing(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict, flags: list[Flag]) -> list[Flag]:
    if not logged_since(frames, on - span(6)):
        metrics_out.update(rest_days_7d=None, run_streak_days=m.streak(frames.runs, on))
        checks.record("rest.missing", "Rest days", "not enough data", "needs 7 days of log")
        return []
    days = m.run_days(frames.runs)
    rest = sum(1 for i in range(7) if on - span(i) not in days)
    run_streak = m.streak(frames.runs, on)
    metrics_out.update(rest_days_7d=rest, run_streak_days=run_streak)
    if rest > 0 and run_streak < 14:
        checks.record("rest.missing", "Rest days", "ok", f"{rest} rest day{'s' if rest != 1 else ''} in 7")
        return []
    pain_warning = any(f.code.startswith("pain.") and f.severity in ("caution", "high") for f in flags)
    monotonous = (metrics_out.get("monotony") or 0) > 2.0
    high = run_streak >= 14 or pain_warning or monotonous
    reason = []
    if run_streak >= 14:
        reason.append(f"you have run {run_streak} days in a row")
    if pain_warning:
        reason.append("you are reporting pain")
    if monotonous:
        reason.append("your training is monotonous")
    checks.record("rest.missing", "Rest days", "flagged")
    return [
        Flag(
            "rest.missing",
            "high" if high else "caution",
            "Take a rest day",
            "No rest day in the last 7 days"
            + (f", and {' and '.join(reason)}." if high else ".")
            + " Tissues adapt on the days off: plan at least one, two if anything hurts.",
            {"rest_days_7d": rest, "run_streak_days": run_streak},
        )
    ]
