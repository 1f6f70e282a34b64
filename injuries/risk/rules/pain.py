"""The pain rules: the pain-monitoring model, red flags and pain that persists."""

from __future__ import annotations

import pandas as pd

from ..frames import Frames
from .base import Checks, Flag, span, weekday_label, within

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
    recent = within(pain, on - span(6), on)
    if recent.empty:
        checks.record("pain.monitor", "Pain monitoring", "ok", "no pain reported in 7 days")
        return []
    # Week-level signal: mean morning score of a location rising against the week before.
    rising = set()
    for location in set(recent["location"]):
        at = pain[pain["location"] == location]
        this_week = within(at, on - span(6), on)["next_morning"].dropna()
        last_week = within(at, on - span(13), on - span(7))["next_morning"].dropna()
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
                f"Your {location} pain reached {_session_peak(report):.0f}/10 on {weekday_label(report.day)}{settled}",
                evidence,
            )
        ]
    physio = len(reds) >= 2
    return [
        Flag(
            "pain.monitor",
            "high",
            f"{location.capitalize()} pain: cut back" + (" and see a physiotherapist" if physio else ""),
            f"On {weekday_label(report.day)}: {'; '.join(reasons)}. Cut the next runs shorter and easier (or rest and "
            "cross-train) until pain stays at 2/10 or below."
            + (f" That is {len(reds)} red reports in 7 days: book a physiotherapist." if physio else ""),
            evidence,
        )
    ]


def _session_peak(report) -> float:
    return max(v for v in (_score(report.during), _score(report.after)) if v is not None)


def red_flag(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    recent = within(frames.pain, on - span(13), on)
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
            f"Your {location} report of {weekday_label(report.day)} mentions {', '.join(signs)}. These are signs a "
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
    pain = within(frames.pain, on - span(20), on)
    peaks = pain[["during", "after", "next_morning"]].max(axis=1, skipna=True)
    sore = pain.assign(peak=peaks)[peaks >= 3]
    for location in sorted(set(sore["location"])):
        at = sore[sore["location"] == location]
        weeks = [not within(at, on - span(7 * k + 6), on - span(7 * k)).empty for k in range(3)]
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
