"""The running-form rule: a low step rate while the knee hurts, and the step-rate range to aim for."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from .. import metrics as m
from ..frames import Frames
from ..text import N_, Day, Num
from .base import Checks, Flag, span
from .pain import location_pain, monitored

KNEE_LOCATIONS = ("inner_knee", "kneecap", "outer_knee", "back_knee")
LOW_CADENCE_SPM = 170  # flag only below this median step rate
KNEE_PAIN_SCORE = 3  # a knee report with any score at or above this…
KNEE_PAIN_DAYS = 14  # …dated in the last 14 days
# The range to build towards: +5 % to +10 % of the runner's own step rate (Heiderscheit 2011), never 180.
TARGET_LOW_PERCENT, TARGET_HIGH_PERCENT = 105, 110
STEP_RATE = N_("Step rate")


def step_rate_target(cadence_spm: float) -> tuple[int, int]:
    """(⌈1.05 × c⌉, ⌊1.10 × c⌋) steps/min, in whole tenths so that 160 gives 168, not 169 by float error."""
    tenths = int(Decimal(repr(cadence_spm)).scaleb(1).to_integral_value())
    low = -((-TARGET_LOW_PERCENT * tenths) // 1000)
    high = (TARGET_HIGH_PERCENT * tenths) // 1000
    return low, high


def _peak(report) -> float:
    return max((v for v in (report.during, report.after, report.next_morning) if not pd.isna(v)), default=0.0)


def cadence(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    result = m.cadence_spm(frames.runs, on)
    metrics_out["cadence_spm"] = None if result is None else result[0]
    if result is None:
        checks.record("form.cadence", STEP_RATE, "not enough data", N_("needs 3 runs with a step rate in 30 days"))
        return []
    spm, runs = result
    knee = []
    if spm < LOW_CADENCE_SPM:
        recent = frames.rows("pain", on - span(KNEE_PAIN_DAYS - 1), on)
        knee = [r for r in recent if r.location in KNEE_LOCATIONS and _peak(r) >= KNEE_PAIN_SCORE]
    if not knee:
        checks.record("form.cadence", STEP_RATE, "ok", N_("%(spm)s steps/min", spm=Num(spm, "g")))
        return []
    red = [r for r in monitored(frames, on) if r.zone == "red" and r.report.location in KNEE_LOCATIONS]
    severity = "caution" if red else "info"
    latest = knee[-1]
    low, high = step_rate_target(spm)
    checks.record("form.cadence", STEP_RATE, "flagged")
    return [
        Flag(
            "form.cadence",
            severity,
            N_("Knee pain and a low step rate: try shorter, quicker steps")
            if severity == "caution"
            else N_("Your step rate and your knee"),
            N_(
                "Your step rate over the last 30 days is %(spm)s steps/min (median of %(runs)s runs), and you "
                "reported %(location)s pain on %(day)s. Slightly shorter, quicker steps lower the load on the knee "
                "in lab studies: aim for %(low)s–%(high)s steps/min (5 to 10 %% more than now, not a fixed 180), "
                "built up over a few weeks with a metronome or your watch's cadence alert.",
                spm=Num(spm, "g"),
                runs=Num(runs, "d"),
                location=location_pain(latest.location),
                day=Day(latest.day),
                low=Num(low, "d"),
                high=Num(high, "d"),
            ),
            {
                "cadence_spm": spm,
                "runs_30d": runs,
                "target_min_spm": low,
                "target_max_spm": high,
                "location": latest.location,
                "date": latest.day.date().isoformat(),
                "red_zone_7d": bool(red),
            },
        )
    ]
