"""The injury-risk rules of docs/risk-rules.md: one function per rule family, each returning Flags.

Every function reads the runner's Frames and the assessment day `on` (a normalized Timestamp),
records what it checked in `checks`, and stays silent when the rule's minimum data is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import metrics as m
from .frames import Frames

SEVERITY_ORDER = {"high": 0, "caution": 1, "info": 2}
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str  # info | caution | high
    title: str
    message: str
    evidence: dict = field(default_factory=dict)


@dataclass
class Check:
    code: str
    label: str
    status: str = "ok"  # ok | flagged | not enough data
    note: str = ""


class Checks(list):
    def record(self, code: str, label: str, status: str = "ok", note: str = "") -> None:
        self.append(Check(code, label, status, note))


def _days(n: int) -> pd.Timedelta:
    return pd.Timedelta(days=n)


def _in(df: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> pd.DataFrame:
    """Rows with first <= day <= last; frames are sorted by day, so a slice is enough."""
    return m.between(df, first, last)


def _logged_since(frames: Frames, day: pd.Timestamp) -> bool:
    """True when the log reaches back to `day` (the rule's minimum span of data)."""
    return frames.first_day is not None and frames.first_day <= day


def _weekday(day: pd.Timestamp) -> str:
    return day.strftime("%a %-d %b")


def _ratio(value: float, reference: float) -> float:
    """value ÷ reference − 1, rounded so that a value exactly at a threshold compares as equal to it."""
    return round(value / reference - 1, 9)


def _km(metres: float) -> float:
    return round(metres / 1000.0, 2)


# Overtraining -----------------------------------------------------------------------------------


def session_spike(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    """Frandsen 2025: each run of the last 7 days against the longest run of the 30 days before it."""
    recent = _in(frames.runs, on - _days(6), on)
    if recent.empty:
        checks.record("overtraining.session_spike", "Single-run spikes", "ok", "no run in the last 7 days")
        return []
    worst = None
    returning = None
    # Plain arrays: a busy week holds many runs, and each looks back at its own 30 days.
    days = frames.runs["day"].to_numpy()
    distances = frames.runs["distance_m"].to_numpy(float)
    for run in recent.itertuples():
        day = np.datetime64(run.day, "ns")
        earlier = days.searchsorted(day, side="left")  # runs before this run's day
        lo = days.searchsorted(np.datetime64(run.day - _days(30), "ns"), side="left")
        if lo >= earlier:  # nothing in the 30 days before
            if returning is None or run.day > returning[0].day:
                gap = None if earlier == 0 else int((run.day - pd.Timestamp(days[earlier - 1])).days)
                returning = (run, gap)
            continue
        longest = float(np.nanmax(distances[lo:earlier]))
        ratio = _ratio(float(run.distance_m), longest)
        if worst is None or ratio > worst[1]:
            worst = (run, ratio, longest)
    flags = []
    if worst is not None and worst[1] > 0.10:
        run, ratio, longest = worst
        severity = "high" if ratio > 1.0 else "caution"
        times = float(run.distance_m) / longest
        flags.append(
            Flag(
                "overtraining.session_spike",
                severity,
                "A run much longer than your recent longest" if severity == "high" else "A longer run than usual",
                f"Your {_km(run.distance_m):.1f} km run on {_weekday(run.day)} was {times:.1f}× your longest run "
                f"of the 30 days before it ({_km(longest):.1f} km): {ratio:.0%} longer. Runners who jump "
                f"{'more than double' if severity == 'high' else 'more than 10 %'} get injured more often; "
                "keep your next long runs within 10 % of your recent longest.",
                {"ratio": round(ratio, 2), "run_km": _km(run.distance_m), "longest_30d_km": _km(longest)},
            )
        )
        checks.record("overtraining.session_spike", "Single-run spikes", "flagged")
    else:
        checks.record(
            "overtraining.session_spike", "Single-run spikes", "ok", "every run within 10 % of your recent longest"
        )
    if returning is not None:
        run, gap = returning
        gap_text = f"after {gap} days without running" if gap else "with no run in the 30 days before it"
        flags.append(
            Flag(
                "overtraining.returning",
                "info",
                "Back to running: build up gradually",
                f"Your {_km(run.distance_m):.1f} km run on {_weekday(run.day)} came {gap_text}. Rebuild over a "
                "few weeks: run every other day, short and easy at first, and lengthen by small steps.",
                {"run_km": _km(run.distance_m), "days_since_previous_run": gap},
            )
        )
    return flags


def acwr_rule(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    result = m.acwr(frames, on)
    if result is None:
        metrics_out.update(acute_load=None, chronic_load=None, acwr=None)
        checks.record(
            "overtraining.acwr", "Acute:chronic load", "not enough data", "needs 4 weeks with a session in each"
        )
        return []
    acute, chronic, ratio = result
    metrics_out.update(acute_load=round(acute, 1), chronic_load=round(chronic, 1), acwr=round(ratio, 2))
    evidence = {"acwr": round(ratio, 2), "acute_load": round(acute, 1), "chronic_load": round(chronic, 1)}
    if ratio >= 1.5:
        checks.record("overtraining.acwr", "Acute:chronic load", "flagged")
        return [
            Flag(
                "overtraining.acwr",
                "caution",
                "This week's load is well above your usual",
                f"Your load over the last week is {ratio:.2f}× your 4-week average (acute {acute:.0f} vs chronic "
                f"{chronic:.0f} effort × minutes). Treat it as a trend, not a verdict: ease the next few days.",
                evidence,
            )
        ]
    if ratio < 0.8:
        checks.record("overtraining.acwr", "Acute:chronic load", "flagged")
        return [
            Flag(
                "overtraining.acwr",
                "info",
                "Well below your usual load",
                f"Your load over the last week is {ratio:.2f}× your 4-week average. If you are tapering or "
                "resting, fine; when you build back up, do it over a couple of weeks.",
                evidence,
            )
        ]
    checks.record("overtraining.acwr", "Acute:chronic load", "ok", f"ratio {ratio:.2f}")
    return []


def weekly_increase(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    week = m.running_km(frames.runs, on - _days(6), on)
    prev = m.running_km(frames.runs, on - _days(13), on - _days(7))
    enough = _logged_since(frames, on - _days(13))
    metrics_out["prev_week_km"] = round(prev, 1) if enough else None
    if not enough:
        checks.record(
            "overtraining.weekly_increase", "Weekly distance change", "not enough data", "needs 2 weeks of log"
        )
        return []
    if prev == 0:
        checks.record("overtraining.weekly_increase", "Weekly distance change", "ok", "no running the week before")
        return []
    change = _ratio(week, prev)
    evidence = {"increase": round(change, 2), "week_km": round(week, 1), "prev_week_km": round(prev, 1)}
    if change > 0.30 and prev >= 10:
        severity = "caution"
    elif change > 0.10:
        severity = "info"
    else:
        checks.record("overtraining.weekly_increase", "Weekly distance change", "ok", f"{change:+.0%}")
        return []
    checks.record("overtraining.weekly_increase", "Weekly distance change", "flagged")
    return [
        Flag(
            "overtraining.weekly_increase",
            severity,
            "A big jump in weekly distance" if severity == "caution" else "Weekly distance is going up",
            f"You ran {week:.1f} km in the last 7 days against {prev:.1f} km the week before ({change:+.0%}). "
            + (
                "Increases above 30 % have been linked to more injuries; hold this level for a week before adding more."
                if severity == "caution"
                else "Fine if you feel fresh; build in an easier week every few weeks."
            ),
            evidence,
        )
    ]


def monotony_rule(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict) -> list[Flag]:
    if not _logged_since(frames, on - _days(6)):
        metrics_out.update(monotony=None, strain=None)
        checks.record("overtraining.monotony", "Monotony and strain", "not enough data", "needs 7 days of log")
        return []
    mono, strain = m.monotony_strain(m.load_values(frames, on - _days(6), on))
    metrics_out.update(monotony=round(mono, 2), strain=round(strain, 1))
    if mono <= 2.0:
        checks.record("overtraining.monotony", "Monotony and strain", "ok", f"monotony {mono:.1f}")
        return []
    prior = []
    for k in range(1, 13):
        last = on - _days(7 * k)
        if not _logged_since(frames, last):
            break
        prior.append(m.monotony_strain(m.load_values(frames, last - _days(6), last))[1])
    p90 = float(pd.Series(prior).quantile(0.9)) if len(prior) >= 6 else None
    high = p90 is not None and strain > p90
    evidence = {
        "monotony": round(mono, 2),
        "strain": round(strain, 1),
        "strain_p90_12w": None if p90 is None else round(p90, 1),
    }
    checks.record("overtraining.monotony", "Monotony and strain", "flagged")
    return [
        Flag(
            "overtraining.monotony",
            "high" if high else "caution",
            "Every day looks the same" if not high else "Same-every-day training at a high strain",
            f"Your daily load this week has a monotony of {mono:.1f} (above 2.0 means little variation between "
            "hard, easy and rest days)"
            + (f" and a strain of {strain:.0f}, above your usual top 10 % ({p90:.0f})." if high else ".")
            + " Make easy days easier and take a full rest day.",
            evidence,
        )
    ]


# Rest --------------------------------------------------------------------------------------------


def rest_missing(frames: Frames, on: pd.Timestamp, checks: Checks, metrics_out: dict, flags: list[Flag]) -> list[Flag]:
    if not _logged_since(frames, on - _days(6)):
        metrics_out.update(rest_days_7d=None, run_streak_days=m.streak(frames.runs, on))
        checks.record("rest.missing", "Rest days", "not enough data", "needs 7 days of log")
        return []
    days = m.run_days(frames.runs)
    rest = sum(1 for i in range(7) if on - _days(i) not in days)
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


# Footwear ---------------------------------------------------------------------------------------


def footwear(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    flags: list[Flag] = []
    shoes = frames.shoes
    active = shoes[(shoes["retired_on"].isna()) | (shoes["retired_on"] > on)]
    used = active[active["last_run_day"].notna() & (active["last_run_day"] >= on - _days(59))]
    worn_any = False
    for shoe in used.itertuples():
        total = float(shoe.start_m) + float(shoe.logged_m or 0.0)
        fraction = total / float(shoe.retire_at_m)
        if fraction < 0.6:
            continue
        worn_any = True
        severity = "high" if fraction >= 1.0 else "caution"
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

    recent = _in(frames.runs, on - _days(22 * 7 - 1), on)
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

    untagged = _in(frames.runs, on - _days(13), on)
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


# Pain ---------------------------------------------------------------------------------------------

RED_FLAG_SIGNS = {
    "cannot_bear_weight": "cannot bear weight",
    "locking": "locking or giving way",
    "swelling": "swelling",
    "warmth": "warmth or redness",
}


def _score(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def pain_monitor(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    """Silbernagel's pain-monitoring model applied to each report of the last 7 days."""
    pain = frames.pain
    recent = _in(pain, on - _days(6), on)
    if recent.empty:
        checks.record("pain.monitor", "Pain monitoring", "ok", "no pain reported in 7 days")
        return []
    # Week-level signal: mean morning score of a location rising against the week before.
    rising = set()
    for location in set(recent["location"]):
        at = pain[pain["location"] == location]
        this_week = _in(at, on - _days(6), on)["next_morning"].dropna()
        last_week = _in(at, on - _days(13), on - _days(7))["next_morning"].dropna()
        if len(this_week) and len(last_week) and this_week.mean() > last_week.mean():
            rising.add(location)
    # Each location's morning scores in log order, as plain tuples: a DataFrame filter per report cost more.
    mornings: dict = {}
    for location, day, morning in zip(pain["location"], pain["day"], pain["next_morning"], strict=True):
        if not pd.isna(morning):
            mornings.setdefault(location, []).append((day, float(morning)))
    reds, worst = [], None
    for report in recent.itertuples():
        earlier = [morning for day, morning in mornings.get(report.location, ()) if day < report.day]
        baseline = earlier[-1] if earlier else 0.0
        during, after, morning = _score(report.during), _score(report.after), _score(report.next_morning)
        peak_session = max([v for v in (during, after) if v is not None], default=None)
        reasons = []
        if peak_session is not None and peak_session > 5:
            reasons.append(f"pain of {peak_session:.0f}/10 {'during' if during == peak_session else 'after'} the run")
        if morning is not None and morning > baseline:
            reasons.append(f"next-morning pain {morning:.0f}/10, above the previous morning's {baseline:.0f}")
        if reasons:
            reds.append(report)
        if report.location in rising:
            reasons.append("morning pain rising week on week")
        zone = "red" if reasons else ("amber" if peak_session is not None and 3 <= peak_session <= 5 else "green")
        key = ({"red": 2, "amber": 1, "green": 0}[zone], len(reasons), report.day)
        if worst is None or key >= worst[0]:
            worst = (key, report, zone, reasons, baseline)
    _, report, zone, reasons, baseline = worst
    if zone == "green":
        checks.record("pain.monitor", "Pain monitoring", "ok", "pain within the acceptable zone (0–2)")
        return []
    location = str(report.location).replace("_", " ")
    evidence = {
        "location": report.location,
        "date": report.day.date().isoformat(),
        "zone": zone,
        "during": _score(report.during),
        "after": _score(report.after),
        "next_morning": _score(report.next_morning),
        "baseline": baseline,
        "red_reports_7d": len(reds),
    }
    checks.record("pain.monitor", "Pain monitoring", "flagged")
    if zone == "amber":
        morning = _score(report.next_morning)
        settled = (
            " and settled by the next morning. That is acceptable in the pain-monitoring model: keep the load "
            "where it is, do not increase it."
            if morning is not None
            else ". That is acceptable in the pain-monitoring model if it has settled by the next morning: hold "
            "the load where it is and log tomorrow morning's score."
        )
        return [
            Flag(
                "pain.monitor",
                "caution",
                f"{location.capitalize()} pain: hold your training",
                f"Your {location} pain reached {_session_peak(report):.0f}/10 on {_weekday(report.day)}{settled}",
                evidence,
            )
        ]
    physio = len(reds) >= 2
    return [
        Flag(
            "pain.monitor",
            "high",
            f"{location.capitalize()} pain: cut back" + (" and see a physiotherapist" if physio else ""),
            f"On {_weekday(report.day)}: {'; '.join(reasons)}. Cut the next runs shorter and easier (or rest and "
            "cross-train) until pain stays at 2/10 or below."
            + (f" That is {len(reds)} red reports in 7 days: book a physiotherapist." if physio else ""),
            evidence,
        )
    ]


def _session_peak(report) -> float:
    return max(v for v in (_score(report.during), _score(report.after)) if v is not None)


def red_flag(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    recent = _in(frames.pain, on - _days(13), on)
    hits = []
    for report in recent.itertuples():
        signs = [label for name, label in RED_FLAG_SIGNS.items() if getattr(report, name)]
        peak = max(
            [v for v in (_score(report.during), _score(report.after), _score(report.next_morning)) if v is not None],
            default=0,
        )
        if peak >= 8:
            signs.append(f"pain of {peak:.0f}/10")
        if signs:
            hits.append((report, signs))
    if not hits:
        checks.record("pain.red_flag", "Red flags (swelling, warmth, locking, severe pain)", "ok")
        return []
    report, signs = hits[-1]
    checks.record("pain.red_flag", "Red flags (swelling, warmth, locking, severe pain)", "flagged")
    location = str(report.location).replace("_", " ")
    return [
        Flag(
            "pain.red_flag",
            "high",
            "Seek medical attention",
            f"Your {location} report of {_weekday(report.day)} mentions {', '.join(signs)}. These are signs a "
            "clinician should look at before you run on it. Stop running until then; rest, ice and elevate.",
            {
                "location": report.location,
                "date": report.day.date().isoformat(),
                "signs": signs,
                "reports_14d": len(hits),
            },
        )
    ]


def persistent(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    pain = _in(frames.pain, on - _days(20), on)
    peaks = pain[["during", "after", "next_morning"]].max(axis=1, skipna=True)
    sore = pain.assign(peak=peaks)[peaks >= 3]
    for location in sorted(set(sore["location"])):
        at = sore[sore["location"] == location]
        weeks = [not _in(at, on - _days(7 * k + 6), on - _days(7 * k)).empty for k in range(3)]
        if all(weeks):
            checks.record("pain.persistent", "Pain lasting weeks", "flagged")
            label = str(location).replace("_", " ")
            return [
                Flag(
                    "pain.persistent",
                    "caution",
                    f"{label.capitalize()} pain for 3 weeks",
                    f"You have reported {label} pain of 3/10 or more in each of the last 3 weeks. Pain that persists "
                    "deserves a proper assessment: see a physiotherapist or sports doctor.",
                    {"location": location, "weeks": 3},
                )
            ]
    checks.record("pain.persistent", "Pain lasting weeks", "ok")
    return []


# Prevention -------------------------------------------------------------------------------------


def prevention(frames: Frames, on: pd.Timestamp, checks: Checks, flags: list[Flag]) -> list[Flag]:
    out: list[Flag] = []
    enough = _logged_since(frames, on - _days(13))
    runs14 = _in(frames.runs, on - _days(13), on)
    cross14 = _in(frames.cross, on - _days(13), on)
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
