"""The prevention nudges: strength training, cross-training when warned, warming up."""

from __future__ import annotations

import pandas as pd

from ..frames import Frames
from ..text import N_, Num
from .base import Checks, Flag, logged_since, span, within

STRENGTH = N_("Strength training")
CROSS = N_("Cross-training")
WARM_UP = N_("Warm-up")


def prevention(frames: Frames, on: pd.Timestamp, checks: Checks, flags: list[Flag]) -> list[Flag]:
    out: list[Flag] = []
    enough = logged_since(frames, on - span(13))
    runs14 = within(frames.runs, on - span(13), on)
    cross14 = within(frames.cross, on - span(13), on)
    if not enough:
        checks.record("prevention.strength", STRENGTH, "not enough data", N_("needs 2 weeks of log"))
        checks.record("prevention.cross_training", CROSS, "not enough data", N_("needs 2 weeks of log"))
    else:
        strength = int((cross14["activity"] == "strength").sum())
        if strength == 0 and len(runs14) >= 6:
            out.append(
                Flag(
                    "prevention.strength",
                    "info",
                    N_("Add a strength session"),
                    N_(
                        "You ran %(runs)s times in the last 14 days without a strength session. Two short sessions a "
                        "week — squats, lunges, calf raises, hip work — cut overuse injuries by about two thirds in "
                        "trials.",
                        runs=Num(len(runs14), "d"),
                    ),
                    {"runs_14d": len(runs14), "strength_sessions_14d": 0},
                )
            )
            checks.record("prevention.strength", STRENGTH, "flagged")
        else:
            checks.record("prevention.strength", STRENGTH, "ok")
        warned = [
            f for f in flags if f.code.split(".")[0] in ("pain", "overtraining") and f.severity in ("caution", "high")
        ]
        if cross14.empty and warned:
            out.append(
                Flag(
                    "prevention.cross_training",
                    "info",
                    N_("Swap a run for cross-training"),
                    N_(
                        "With the warnings above, replace a run or two with cycling, swimming or water running: they "
                        "keep your fitness while your legs recover."
                    ),
                    {"cross_training_14d": 0, "because": sorted({f.code for f in warned})},
                )
            )
            checks.record("prevention.cross_training", CROSS, "flagged")
        else:
            checks.record("prevention.cross_training", CROSS, "ok")

    last10 = frames.runs[frames.runs["day"] <= on].tail(10)
    if len(last10) < 10:
        checks.record("prevention.warm_up", WARM_UP, "not enough data", N_("needs 10 runs"))
    else:
        warmed = int(last10["warm_up"].sum())
        if warmed < 5:
            out.append(
                Flag(
                    "prevention.warm_up",
                    "info",
                    N_("Warm up before you run"),
                    N_(
                        "Only %(warmed)s of your last 10 runs had a warm-up. Five to ten minutes of easy jogging and "
                        "dynamic drills (leg swings, skips) prepare the knee; static stretching alone does not "
                        "prevent injuries.",
                        warmed=Num(warmed, "d"),
                    ),
                    {"warm_ups_last_10": warmed},
                )
            )
            checks.record("prevention.warm_up", WARM_UP, "flagged")
        else:
            checks.record("prevention.warm_up", WARM_UP, "ok")
    return out
