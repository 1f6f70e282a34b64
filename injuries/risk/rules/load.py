"""The load rules: a single-session spike, the acute:chronic ratio, the weekly increase and monotony."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import metrics as m
from ..frames import Frames
from ..text import N_, Day, Num, Text
from .base import Checks, Flag, logged_since, ratio_over, span, to_km

SPIKES = N_("Single-run spikes")
ACWR = N_("Acute:chronic load")
WEEKLY = N_("Weekly distance change")
MONOTONY = N_("Monotony and strain")


def session_spike(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    """Frandsen 2025: each run of the last 7 days against the longest run of the 30 days before it."""
    recent = frames.rows("runs", on - span(6), on)
    if not recent:
        checks.record("overtraining.session_spike", SPIKES, "ok", N_("no run in the last 7 days"))
        return []
    worst = None
    returning = None
    # Plain arrays: a busy week holds many runs, and each looks back at its own 30 days.
    days = frames.runs["day"].to_numpy()
    distances = frames.runs["distance_m"].to_numpy(float)
    for run in recent:
        day = np.datetime64(run.day, "ns")
        earlier = days.searchsorted(day, side="left")  # runs before this run's day
        lo = days.searchsorted(np.datetime64(run.day - span(30), "ns"), side="left")
        if lo >= earlier:  # nothing in the 30 days before
            if returning is None or run.day > returning[0].day:
                gap = None if earlier == 0 else int((run.day - pd.Timestamp(days[earlier - 1])).days)
                returning = (run, gap)
            continue
        longest = float(np.nanmax(distances[lo:earlier]))
        ratio = ratio_over(float(run.distance_m), longest)
        if worst is None or ratio > worst[1]:
            worst = (run, ratio, longest)
    flags = []
    if worst is not None and worst[1] > 0.10:
        run, ratio, longest = worst
        severity = "high" if ratio > 1.0 else "caution"
        times = float(run.distance_m) / longest
        said = {
            "km": Num(to_km(run.distance_m), ".1f"),
            "day": Day(run.day),
            "times": Num(times, ".1f"),
            "longest": Num(to_km(longest), ".1f"),
            "ratio": Num(ratio, ".0%"),
        }
        flags.append(
            Flag(
                "overtraining.session_spike",
                severity,
                N_("A run much longer than your recent longest")
                if severity == "high"
                else N_("A longer run than usual"),
                N_(
                    "Your %(km)s km run on %(day)s was %(times)s× your longest run of the 30 days before it "
                    "(%(longest)s km): %(ratio)s longer. Runners who jump more than double get injured more often; "
                    "keep your next long runs within 10 %% of your recent longest.",
                    **said,
                )
                if severity == "high"
                else N_(
                    "Your %(km)s km run on %(day)s was %(times)s× your longest run of the 30 days before it "
                    "(%(longest)s km): %(ratio)s longer. Runners who jump more than 10 %% get injured more often; "
                    "keep your next long runs within 10 %% of your recent longest.",
                    **said,
                ),
                {"ratio": round(ratio, 2), "run_km": to_km(run.distance_m), "longest_30d_km": to_km(longest)},
            )
        )
        checks.record("overtraining.session_spike", SPIKES, "flagged")
    else:
        # xgettext:no-python-format
        checks.record("overtraining.session_spike", SPIKES, "ok", N_("every run within 10 % of your recent longest"))
    if returning is not None:
        run, gap = returning
        km, day = Num(to_km(run.distance_m), ".1f"), Day(run.day)
        flags.append(
            Flag(
                "overtraining.returning",
                "info",
                N_("Back to running: build up gradually"),
                N_(
                    "Your %(km)s km run on %(day)s came after %(gap)s days without running. Rebuild over a few weeks: "
                    "run every other day, short and easy at first, and lengthen by small steps.",
                    km=km,
                    day=day,
                    gap=Num(gap, "d"),
                )
                if gap
                else N_(
                    "Your %(km)s km run on %(day)s came with no run in the 30 days before it. Rebuild over a few "
                    "weeks: run every other day, short and easy at first, and lengthen by small steps.",
                    km=km,
                    day=day,
                ),
                {"run_km": to_km(run.distance_m), "days_since_previous_run": gap},
            )
        )
    return flags


def acwr_rule(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    result = m.acwr(frames, on)
    if result is None:
        metrics_out.update(acute_load=None, chronic_load=None, acwr=None)
        checks.record("overtraining.acwr", ACWR, "not enough data", N_("needs 4 weeks with a session in each"))
        return []
    acute, chronic, ratio = result
    metrics_out.update(acute_load=round(acute, 1), chronic_load=round(chronic, 1), acwr=round(ratio, 2))
    evidence = {"acwr": round(ratio, 2), "acute_load": round(acute, 1), "chronic_load": round(chronic, 1)}
    if ratio >= 1.5:
        checks.record("overtraining.acwr", ACWR, "flagged")
        return [
            Flag(
                "overtraining.acwr",
                "caution",
                N_("This week's load is well above your usual"),
                N_(
                    "Your load over the last week is %(ratio)s× your 4-week average (acute %(acute)s vs chronic "
                    "%(chronic)s effort × minutes). Treat it as a trend, not a verdict: ease the next few days.",
                    ratio=Num(ratio, ".2f"),
                    acute=Num(acute, ".0f"),
                    chronic=Num(chronic, ".0f"),
                ),
                evidence,
            )
        ]
    if ratio < 0.8:
        checks.record("overtraining.acwr", ACWR, "flagged")
        return [
            Flag(
                "overtraining.acwr",
                "info",
                N_("Well below your usual load"),
                N_(
                    "Your load over the last week is %(ratio)s× your 4-week average. If you are tapering or resting, "
                    "fine; when you build back up, do it over a couple of weeks.",
                    ratio=Num(ratio, ".2f"),
                ),
                evidence,
            )
        ]
    checks.record("overtraining.acwr", ACWR, "ok", N_("ratio %(ratio)s", ratio=Num(ratio, ".2f")))
    return []


def weekly_increase(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    week = m.running_km(frames.runs, on - span(6), on)
    prev = m.running_km(frames.runs, on - span(13), on - span(7))
    enough = logged_since(frames, on - span(13))
    metrics_out["prev_week_km"] = round(prev, 1) if enough else None
    if not enough:
        checks.record("overtraining.weekly_increase", WEEKLY, "not enough data", N_("needs 2 weeks of log"))
        return []
    if prev == 0:
        checks.record("overtraining.weekly_increase", WEEKLY, "ok", N_("no running the week before"))
        return []
    change = ratio_over(week, prev)
    evidence = {"increase": round(change, 2), "week_km": round(week, 1), "prev_week_km": round(prev, 1)}
    if change > 0.30 and prev >= 10:
        severity = "caution"
    elif change > 0.10:
        severity = "info"
    else:
        checks.record("overtraining.weekly_increase", WEEKLY, "ok", Text("%(change)s", change=Num(change, "+.0%")))
        return []
    checks.record("overtraining.weekly_increase", WEEKLY, "flagged")
    said = {"week": Num(week, ".1f"), "prev": Num(prev, ".1f"), "change": Num(change, "+.0%")}
    return [
        Flag(
            "overtraining.weekly_increase",
            severity,
            N_("A big jump in weekly distance") if severity == "caution" else N_("Weekly distance is going up"),
            N_(
                "You ran %(week)s km in the last 7 days against %(prev)s km the week before (%(change)s). Increases "
                "above 30 %% have been linked to more injuries; hold this level for a week before adding more.",
                **said,
            )
            if severity == "caution"
            else N_(
                "You ran %(week)s km in the last 7 days against %(prev)s km the week before (%(change)s). Fine if you "
                "feel fresh; build in an easier week every few weeks.",
                **said,
            ),
            evidence,
        )
    ]


def monotony_rule(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    if not logged_since(frames, on - span(6)):
        metrics_out.update(monotony=None, strain=None)
        checks.record("overtraining.monotony", MONOTONY, "not enough data", N_("needs 7 days of log"))
        return []
    mono, strain = m.monotony_strain(m.load_values(frames, on - span(6), on))
    metrics_out.update(monotony=round(mono, 2), strain=round(strain, 1))
    if mono <= 2.0:
        checks.record("overtraining.monotony", MONOTONY, "ok", N_("monotony %(monotony)s", monotony=Num(mono, ".1f")))
        return []
    prior = []
    for k in range(1, 13):
        last = on - span(7 * k)
        if not logged_since(frames, last):
            break
        prior.append(m.monotony_strain(m.load_values(frames, last - span(6), last))[1])
    p90 = float(pd.Series(prior).quantile(0.9)) if len(prior) >= 6 else None
    high = p90 is not None and strain > p90
    evidence = {
        "monotony": round(mono, 2),
        "strain": round(strain, 1),
        "strain_p90_12w": None if p90 is None else round(p90, 1),
    }
    checks.record("overtraining.monotony", MONOTONY, "flagged")
    return [
        Flag(
            "overtraining.monotony",
            "high" if high else "caution",
            N_("Every day looks the same") if not high else N_("Same-every-day training at a high strain"),
            N_(
                "Your daily load this week has a monotony of %(monotony)s (above 2.0 means little variation between "
                "hard, easy and rest days) and a strain of %(strain)s, above your usual top 10 %% (%(p90)s). Make "
                "easy days easier and take a full rest day.",
                monotony=Num(mono, ".1f"),
                strain=Num(strain, ".0f"),
                p90=Num(p90, ".0f"),
            )
            if high
            else N_(
                "Your daily load this week has a monotony of %(monotony)s (above 2.0 means little variation between "
                "hard, easy and rest days). Make easy days easier and take a full rest day.",
                monotony=Num(mono, ".1f"),
            ),
            evidence,
        )
    ]
