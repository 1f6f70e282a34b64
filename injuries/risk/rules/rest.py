"""The rest rule: days without a run, and running streaks."""

from __future__ import annotations

import pandas as pd

from .. import metrics as m
from ..frames import Frames
from ..text import N_, NP_, Num
from .base import Checks, Flag, logged_since, span

REST_DAYS = N_("Rest days")


def rest_missing(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict, flags: list[Flag]) -> list[Flag]:
    if not logged_since(frames, on - span(6)):
        metrics_out.update(rest_days_7d=None, run_streak_days=m.streak(frames.runs, on))
        checks.record("rest.missing", REST_DAYS, "not enough data", N_("needs 7 days of log"))
        return []
    days = m.run_days(frames.runs)
    rest = sum(1 for i in range(7) if on - span(i) not in days)
    run_streak = m.streak(frames.runs, on)
    metrics_out.update(rest_days_7d=rest, run_streak_days=run_streak)
    if rest > 0 and run_streak < 14:
        checks.record("rest.missing", REST_DAYS, "ok", NP_("%(count)s rest day in 7", "%(count)s rest days in 7", rest))
        return []
    pain_warning = any(f.code.startswith("pain.") and f.severity in ("caution", "high") for f in flags)
    monotonous = (metrics_out.get("monotony") or 0) > 2.0
    high = run_streak >= 14 or pain_warning or monotonous
    checks.record("rest.missing", REST_DAYS, "flagged")
    return [
        Flag(
            "rest.missing",
            "high" if high else "caution",
            N_("Take a rest day"),
            _no_rest(run_streak if run_streak >= 14 else None, pain_warning, monotonous),
            {"rest_days_7d": rest, "run_streak_days": run_streak},
        )
    ]


def _no_rest(streak: int | None, pain: bool, monotonous: bool):
    """The message, one whole sentence for each combination of reasons."""
    days = {"days": Num(streak, "d")} if streak is not None else {}
    if streak is not None and pain and monotonous:
        return N_(
            "No rest day in the last 7 days, and you have run %(days)s days in a row and you are reporting pain and "
            "your training is monotonous. Tissues adapt on the days off: plan at least one, two if anything hurts.",
            **days,
        )
    if streak is not None and pain:
        return N_(
            "No rest day in the last 7 days, and you have run %(days)s days in a row and you are reporting pain. "
            "Tissues adapt on the days off: plan at least one, two if anything hurts.",
            **days,
        )
    if streak is not None and monotonous:
        return N_(
            "No rest day in the last 7 days, and you have run %(days)s days in a row and your training is "
            "monotonous. Tissues adapt on the days off: plan at least one, two if anything hurts.",
            **days,
        )
    if streak is not None:
        return N_(
            "No rest day in the last 7 days, and you have run %(days)s days in a row. Tissues adapt on the days "
            "off: plan at least one, two if anything hurts.",
            **days,
        )
    if pain and monotonous:
        return N_(
            "No rest day in the last 7 days, and you are reporting pain and your training is monotonous. Tissues "
            "adapt on the days off: plan at least one, two if anything hurts."
        )
    if pain:
        return N_(
            "No rest day in the last 7 days, and you are reporting pain. Tissues adapt on the days off: plan at "
            "least one, two if anything hurts."
        )
    if monotonous:
        return N_(
            "No rest day in the last 7 days, and your training is monotonous. Tissues adapt on the days off: plan "
            "at least one, two if anything hurts."
        )
    return N_(
        "No rest day in the last 7 days. Tissues adapt on the days off: plan at least one, two if anything hurts."
    )
