"""The footwear rules: worn shoes, one pair doing all the work, runs without a shoe."""

from __future__ import annotations

import pandas as pd

from ..frames import Frames
from .base import Checks, Flag, span, within

# Of the retirement distance the runner set for a pair: "getting worn" from here, "time to retire" at 1.
WORN_FRACTION = 0.6
RETIRE_FRACTION = 1.0


def wear_state(fraction: float) -> str:
    """ "ok", "caution" (getting worn) or "high" (past retirement) for a share of the retirement distance;
    the shoe list, the charts, the digest and this rule all read wear this way."""
    if fraction >= RETIRE_FRACTION:
        return "high"
    if fraction >= WORN_FRACTION:
        return "caution"
    return "ok"


def footwear(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    flags: list[Flag] = []
    shoes = frames.shoes
    active = shoes[(shoes["retired_on"].isna()) | (shoes["retired_on"] > on)]
    used = active[active["last_run_day"].notna() & (active["last_run_day"] >= on - span(59))]
    worn_any = False
    for shoe in used.itertuples():
        total = float(shoe.start_m) + float(shoe.logged_m or 0.0)
        fraction = total / float(shoe.retire_at_m)
        severity = wear_state(fraction)
        if severity == "ok":
            continue
        worn_any = True
        flags.append(
            Flag(
                "footwear.worn",
                severity,
                f"{shoe.name}: {'time to retire them' if severity == 'high' else 'getting worn'}",
                f"{shoe.name}: {total / 1000:.0f} km so far, {fraction:.0%} of the {shoe.retire_at_m / 1000:.0f} km "
                "you set for retiring this pair. "
                + (
                    "Inspect the midsole and outsole; plan a new pair."
                    if severity == "caution"
                    else "Past that point cushioning is mostly gone: replace them, or rotate a newer pair in."
                ),
                {
                    "shoe": shoe.name,
                    "km": round(total / 1000, 1),
                    "retire_at_km": round(shoe.retire_at_m / 1000, 1),
                    "fraction": round(fraction, 2),
                },
            )
        )
    if shoes.empty:
        checks.record("footwear.worn", "Shoe wear", "not enough data", "no shoes added")
    else:
        checks.record("footwear.worn", "Shoe wear", "flagged" if worn_any else "ok")

    recent = within(frames.runs, on - span(22 * 7 - 1), on)
    if len(recent) >= 10:
        counts = recent["shoe_id"].value_counts()
        share = float(counts.iloc[0]) / len(recent) if len(counts) else 0.0
        if share > 0.9:
            pair = shoes.loc[shoes["shoe_id"] == counts.index[0], "name"]
            name = pair.iloc[0] if len(pair) else "one pair"
            flags.append(
                Flag(
                    "footwear.rotation",
                    "info",
                    "Rotate a second pair",
                    f"{share:.0%} of your last {len(recent)} runs were in {name}. Runners who alternate two or more "
                    "pairs had fewer injuries in one cohort study.",
                    {"share": round(share, 2), "runs": len(recent), "shoe": name},
                )
            )
            checks.record("footwear.rotation", "Shoe rotation", "flagged")
        else:
            checks.record("footwear.rotation", "Shoe rotation", "ok")
    else:
        checks.record("footwear.rotation", "Shoe rotation", "not enough data", "needs 10 runs")

    untagged = within(frames.runs, on - span(13), on)
    missing = int(untagged["shoe_id"].isna().sum())
    if missing >= 3:
        flags.append(
            Flag(
                "footwear.untagged",
                "info",
                "Tag your runs with a shoe",
                f"{missing} runs of the last 14 days have no shoe, so shoe mileage is undercounted.",
                {"untagged_runs_14d": missing},
            )
        )
        checks.record("footwear.untagged", "Runs tagged with a shoe", "flagged")
    else:
        checks.record("footwear.untagged", "Runs tagged with a shoe", "ok")
    return flags
