"""The prevention nudges: strength training, cross-training when warned, warming up."""

from __future__ import annotations

import pandas as pd

from ..frames import Frames
from .base import Checks, Flag, logged_since, span, within


def prevention(frames: Frames, on: pd.Timestamp, checks: Checks, flags: list[Flag]) -> list[Flag]:
    out: list[Flag] = []
    enough = logged_since(frames, on - span(13))
    runs14 = within(frames.runs, on - span(13), on)
    cross14 = within(frames.cross, on - span(13), on)
    if not enough:
        checks.record("prevention.strength", "Strength training", "not enough data", "needs 2 weeks of log")
        checks.record("prevention.cross_training", "Cross-training", "not enough data", "needs 2 weeks of log")
    else:
        strength = int((cross14["activity"] == "strength").sum())
        if strength == 0 and len(runs14) >= 6:
            out.append(
                Flag(
                    "prevention.strength",
                    "info",
                    "Add a strength session",
                    f"You ran {len(runs14)} times in the last 14 days without a strength session. Two short sessions "
                    "a week — squats, lunges, calf raises, hip work — cut overuse injuries by about two thirds "
                    "in trials.",
                    {"runs_14d": len(runs14), "strength_sessions_14d": 0},
                )
            )
            checks.record("prevention.strength", "Strength training", "flagged")
        else:
            checks.record("prevention.strength", "Strength training", "ok")
        warned = [
            f for f in flags if f.code.split(".")[0] in ("pain", "overtraining") and f.severity in ("caution", "high")
        ]
        if cross14.empty and warned:
            out.append(
                Flag(
                    "prevention.cross_training",
                    "info",
                    "Swap a run for cross-training",
                    "With the warnings above, replace a run or two with cycling, swimming or water running: "
                    "they keep your fitness while your legs recover.",
                    {"cross_training_14d": 0, "because": sorted({f.code for f in warned})},
                )
            )
            checks.record("prevention.cross_training", "Cross-training", "flagged")
        else:
            checks.record("prevention.cross_training", "Cross-training", "ok")

    last10 = frames.runs[frames.runs["day"] <= on].tail(10)
    if len(last10) < 10:
        checks.record("prevention.warm_up", "Warm-up", "not enough data", "needs 10 runs")
    else:
        warmed = int(last10["warm_up"].sum())
        if warmed < 5:
            out.append(
                Flag(
                    "prevention.warm_up",
                    "info",
                    "Warm up before you run",
                    f"Only {warmed} of your last 10 runs had a warm-up. Five to ten minutes of easy jogging and "
                    "dynamic drills (leg swings, skips) prepare the knee; static stretching alone does not "
                    "prevent injuries.",
                    {"warm_ups_last_10": warmed},
                )
            )
            checks.record("prevention.warm_up", "Warm-up", "flagged")
        else:
            checks.record("prevention.warm_up", "Warm-up", "ok")
    return out
