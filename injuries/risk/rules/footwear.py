"""The footwear rules: worn shoes, one pair doing all the work, runs without a shoe."""

from __future__ import annotations

import pandas as pd

from ..frames import Frames
from ..text import N_, Num
from .base import Checks, Flag, span, within

# Of the retirement distance the runner set for a pair: "getting worn" from here, "time to retire" at 1.
WORN_FRACTION = 0.6
RETIRE_FRACTION = 1.0

WEAR = N_("Shoe wear")
ROTATION = N_("Shoe rotation")
UNTAGGED = N_("Runs tagged with a shoe")


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
        said = {
            "shoe": shoe.name,
            "km": Num(total / 1000, ".0f"),
            "fraction": Num(fraction, ".0%"),
            "retire_at": Num(shoe.retire_at_m / 1000, ".0f"),
        }
        flags.append(
            Flag(
                "footwear.worn",
                severity,
                N_("%(shoe)s: time to retire them", shoe=shoe.name)
                if severity == "high"
                else N_("%(shoe)s: getting worn", shoe=shoe.name),
                N_(
                    "%(shoe)s: %(km)s km so far, %(fraction)s of the %(retire_at)s km you set for retiring this pair. "
                    "Inspect the midsole and outsole; plan a new pair.",
                    **said,
                )
                if severity == "caution"
                else N_(
                    "%(shoe)s: %(km)s km so far, %(fraction)s of the %(retire_at)s km you set for retiring this pair. "
                    "Past that point cushioning is mostly gone: replace them, or rotate a newer pair in.",
                    **said,
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
        checks.record("footwear.worn", WEAR, "not enough data", N_("no shoes added"))
    else:
        checks.record("footwear.worn", WEAR, "flagged" if worn_any else "ok")

    recent = within(frames.runs, on - span(22 * 7 - 1), on)
    if len(recent) >= 10:
        counts = recent["shoe_id"].value_counts()
        share = float(counts.iloc[0]) / len(recent) if len(counts) else 0.0
        if share > 0.9:
            pair = shoes.loc[shoes["shoe_id"] == counts.index[0], "name"]
            name = pair.iloc[0] if len(pair) else N_("one pair")
            flags.append(
                Flag(
                    "footwear.rotation",
                    "info",
                    N_("Rotate a second pair"),
                    N_(
                        "%(share)s of your last %(runs)s runs were in %(shoe)s. Runners who alternate two or more "
                        "pairs had fewer injuries in one cohort study.",
                        share=Num(share, ".0%"),
                        runs=Num(len(recent), "d"),
                        shoe=name,
                    ),
                    {"share": round(share, 2), "runs": len(recent), "shoe": name},
                )
            )
            checks.record("footwear.rotation", ROTATION, "flagged")
        else:
            checks.record("footwear.rotation", ROTATION, "ok")
    else:
        checks.record("footwear.rotation", ROTATION, "not enough data", N_("needs 10 runs"))

    untagged = within(frames.runs, on - span(13), on)
    missing = int(untagged["shoe_id"].isna().sum())
    if missing >= 3:
        flags.append(
            Flag(
                "footwear.untagged",
                "info",
                N_("Tag your runs with a shoe"),
                N_(
                    "%(runs)s runs of the last 14 days have no shoe, so shoe mileage is undercounted.",
                    runs=Num(missing, "d"),
                ),
                {"untagged_runs_14d": missing},
            )
        )
        checks.record("footwear.untagged", UNTAGGED, "flagged")
    else:
        checks.record("footwear.untagged", UNTAGGED, "ok")
    return flags
