"""The pain rules: the pain-monitoring model, red flags and pain that persists."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..frames import Frames
from ..text import N_, NC_, Day, Many, Num, Text
from .base import Checks, Flag, span, within

RED_FLAG_SIGNS = {
    "cannot_bear_weight": NC_("red-flag sign", "cannot bear weight"),
    "locking": NC_("red-flag sign", "locking or giving way"),
    "swelling": NC_("red-flag sign", "swelling"),
    "warmth": NC_("red-flag sign", "warmth or redness"),
}
# Where it hurts, as the sentences say it ("your inner knee pain"); the English is the location code's words.
LOCATION_PAIN = {
    "inner_knee": NC_("pain location, as in 'inner knee pain'", "inner knee"),
    "outer_knee": NC_("pain location, as in 'inner knee pain'", "outer knee"),
    "kneecap": NC_("pain location, as in 'inner knee pain'", "kneecap"),
    "back_knee": NC_("pain location, as in 'inner knee pain'", "back knee"),
    "shin": NC_("pain location, as in 'inner knee pain'", "shin"),
    "calf_achilles": NC_("pain location, as in 'inner knee pain'", "calf achilles"),
    "foot_heel": NC_("pain location, as in 'inner knee pain'", "foot heel"),
    "hip": NC_("pain location, as in 'inner knee pain'", "hip"),
    "lower_back": NC_("pain location, as in 'inner knee pain'", "lower back"),
    "other": NC_("pain location, as in 'inner knee pain'", "other"),
}
PAIN_MONITORING = N_("Pain monitoring")
RED_FLAGS = N_("Red flags (swelling, warmth, locking, severe pain)")
PERSISTENT = N_("Pain lasting weeks")


def location_pain(location: str) -> Text:
    """The location of a pain report as the sentences say it; an unknown code as its own words."""
    code = str(location)
    return LOCATION_PAIN.get(code) or Text(code.replace("_", " "))


# A body part as a name ("Inner knee" in a list of plans); the English is the location code's words.
BODY_PART = {
    "inner_knee": NC_("body part", "inner knee"),
    "outer_knee": NC_("body part", "outer knee"),
    "kneecap": NC_("body part", "kneecap"),
    "back_knee": NC_("body part", "back knee"),
    "shin": NC_("body part", "shin"),
    "calf_achilles": NC_("body part", "calf achilles"),
    "foot_heel": NC_("body part", "foot heel"),
    "hip": NC_("body part", "hip"),
    "lower_back": NC_("body part", "lower back"),
    "other": NC_("body part", "other"),
}


def body_part(location: str) -> Text:
    code = str(location)
    return BODY_PART.get(code) or Text(code.replace("_", " "))


def _score(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _mornings(frames: Frames) -> dict:
    """Each location's next-morning scores in log order, as (day, score) tuples; computed once per frames.

    Plain tuples: a DataFrame filter per report cost more.
    """
    if "mornings" not in frames.cache:
        mornings: dict = {}
        pain = frames.pain
        for location, day, morning in zip(pain["location"], pain["day"], pain["next_morning"], strict=True):
            if not pd.isna(morning):
                mornings.setdefault(location, []).append((day, float(morning)))
        frames.cache["mornings"] = mornings
    return frames.cache["mornings"]


def previous_morning(frames: Frames, location: str, day: pd.Timestamp) -> float:
    """The model's baseline: the last next-morning score of that location dated before `day`, 0 if none."""
    earlier = [morning for when, morning in _mornings(frames).get(location, ()) if when < day]
    return earlier[-1] if earlier else 0.0


def morning_rising(frames: Frames, location: str, on: pd.Timestamp) -> bool:
    """Mean morning score of a location in on-6…on above its mean of the week before."""
    this_week, last_week = [], []
    for day, morning in _mornings(frames).get(location, ()):
        if on - span(6) <= day <= on:
            this_week.append(morning)
        elif on - span(13) <= day <= on - span(7):
            last_week.append(morning)
    return bool(this_week and last_week and sum(this_week) / len(this_week) > sum(last_week) / len(last_week))


def red_flag_signs(report) -> list[Text]:
    """What makes a report a red flag: a listed symptom, or pain of 8 or more at any time point."""
    signs = [label for name, label in RED_FLAG_SIGNS.items() if getattr(report, name)]
    peak = max(
        [v for v in (_score(report.during), _score(report.after), _score(report.next_morning)) if v is not None],
        default=0,
    )
    if peak >= 8:
        signs.append(NC_("red-flag sign", "pain of %(score)s/10", score=Num(peak, ".0f")))
    return signs


@dataclass(frozen=True)
class Monitored:
    """One report as the pain-monitoring model reads it on a given day."""

    report: tuple  # a row of frames.pain (Frames.rows)
    zone: str  # green | amber | red
    reasons: list[Text]  # why it is red; empty otherwise
    baseline: float
    own_red: bool  # red by its own scores, not only because morning pain rises week on week


def monitor_report(frames: Frames, report, rising: bool) -> Monitored:
    baseline = previous_morning(frames, report.location, report.day)
    during, after, morning = _score(report.during), _score(report.after), _score(report.next_morning)
    peak_session = max([v for v in (during, after) if v is not None], default=None)
    reasons: list[Text] = []
    if peak_session is not None and peak_session > 5:
        score = Num(peak_session, ".0f")
        reasons.append(
            NC_("why the pain is in the red zone", "pain of %(score)s/10 during the run", score=score)
            if during == peak_session
            else NC_("why the pain is in the red zone", "pain of %(score)s/10 after the run", score=score)
        )
    if morning is not None and morning > baseline:
        reasons.append(
            NC_(
                "why the pain is in the red zone",
                "next-morning pain %(score)s/10, above the previous morning's %(baseline)s",
                score=Num(morning, ".0f"),
                baseline=Num(baseline, ".0f"),
            )
        )
    own_red = bool(reasons)
    if rising:
        reasons.append(NC_("why the pain is in the red zone", "morning pain rising week on week"))
    zone = "red" if reasons else ("amber" if peak_session is not None and 3 <= peak_session <= 5 else "green")
    return Monitored(report, zone, reasons, baseline, own_red)


def monitored(frames: Frames, on: pd.Timestamp) -> list[Monitored]:
    """Every report of the last 7 days with its zone as of `on`, in log order (computed once per day)."""
    key = ("monitored", on)
    if key not in frames.cache:
        recent = frames.rows("pain", on - span(6), on)
        rising = {location for location in {r.location for r in recent} if morning_rising(frames, location, on)}
        frames.cache[key] = [monitor_report(frames, r, r.location in rising) for r in recent]
    return frames.cache[key]


def red_zone_reports(frames: Frames, first: pd.Timestamp, on: pd.Timestamp) -> list:
    """Reports dated first…on that pain.monitor puts in the red zone, as of their own day or as of `on`."""
    red_now = {r.report.Index for r in monitored(frames, on) if r.zone == "red"}
    out = []
    for report in frames.rows("pain", first, on):
        if (
            report.Index in red_now
            or monitor_report(frames, report, rising=False).own_red
            or morning_rising(frames, report.location, report.day)
        ):
            out.append(report)
    return out


def pain_monitor(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    """Silbernagel's pain-monitoring model applied to each report of the last 7 days."""
    reports = monitored(frames, on)
    if not reports:
        checks.record("pain.monitor", PAIN_MONITORING, "ok", N_("no pain reported in 7 days"))
        return []
    reds = [m.report for m in reports if m.own_red]
    worst = None
    for m in reports:
        key = ({"red": 2, "amber": 1, "green": 0}[m.zone], len(m.reasons), m.report.day)
        if worst is None or key >= worst[0]:
            worst = (key, m.report, m.zone, m.reasons, m.baseline)
    _, report, zone, reasons, baseline = worst
    if zone == "green":
        checks.record("pain.monitor", PAIN_MONITORING, "ok", N_("pain within the acceptable zone (0–2)"))
        return []
    location = location_pain(report.location)
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
    checks.record("pain.monitor", PAIN_MONITORING, "flagged")
    day = Day(report.day)
    if zone == "amber":
        said = {"location": location, "score": Num(_session_peak(report), ".0f"), "day": day}
        return [
            Flag(
                "pain.monitor",
                "caution",
                N_("%(location)s pain: hold your training", location=location.capitalized()),
                N_(
                    "Your %(location)s pain reached %(score)s/10 on %(day)s and settled by the next morning. That is "
                    "acceptable in the pain-monitoring model: keep the load where it is, do not increase it.",
                    **said,
                )
                if _score(report.next_morning) is not None
                else N_(
                    "Your %(location)s pain reached %(score)s/10 on %(day)s. That is acceptable in the "
                    "pain-monitoring model if it has settled by the next morning: hold the load where it is and log "
                    "tomorrow morning's score.",
                    **said,
                ),
                evidence,
            )
        ]
    physio = len(reds) >= 2
    why = Many(tuple(reasons), "; ")
    return [
        Flag(
            "pain.monitor",
            "high",
            N_("%(location)s pain: cut back and see a physiotherapist", location=location.capitalized())
            if physio
            else N_("%(location)s pain: cut back", location=location.capitalized()),
            N_(
                "On %(day)s: %(reasons)s. Cut the next runs shorter and easier (or rest and cross-train) until pain "
                "stays at 2/10 or below. That is %(red)s red reports in 7 days: book a physiotherapist.",
                day=day,
                reasons=why,
                red=Num(len(reds), "d"),
            )
            if physio
            else N_(
                "On %(day)s: %(reasons)s. Cut the next runs shorter and easier (or rest and cross-train) until pain "
                "stays at 2/10 or below.",
                day=day,
                reasons=why,
            ),
            evidence,
        )
    ]


def _session_peak(report) -> float:
    return max(v for v in (_score(report.during), _score(report.after)) if v is not None)


def red_flag(frames: Frames, on: pd.Timestamp, checks: Checks) -> list[Flag]:
    hits = []
    for report in frames.rows("pain", on - span(13), on):
        signs = red_flag_signs(report)
        if signs:
            hits.append((report, signs))
    if not hits:
        checks.record("pain.red_flag", RED_FLAGS, "ok")
        return []
    report, signs = hits[-1]
    checks.record("pain.red_flag", RED_FLAGS, "flagged")
    return [
        Flag(
            "pain.red_flag",
            "high",
            N_("Seek medical attention"),
            N_(
                "Your %(location)s report of %(day)s mentions %(signs)s. These are signs a clinician should look at "
                "before you run on it. Stop running until then; rest, ice and elevate.",
                location=location_pain(report.location),
                day=Day(report.day),
                signs=Many(tuple(signs), ", "),
            ),
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
            checks.record("pain.persistent", PERSISTENT, "flagged")
            label = location_pain(location)
            return [
                Flag(
                    "pain.persistent",
                    "caution",
                    N_("%(location)s pain for 3 weeks", location=label.capitalized()),
                    N_(
                        "You have reported %(location)s pain of 3/10 or more in each of the last 3 weeks. Pain that "
                        "persists deserves a proper assessment: see a physiotherapist or sports doctor.",
                        location=label,
                    ),
                    {"location": location, "weeks": 3},
                )
            ]
    checks.record("pain.persistent", PERSISTENT, "ok")
    return []
