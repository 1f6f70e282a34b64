"""The input bounds of docs/risk-rules.md, shared by the forms, the importers, the account import and the
models' own validation (the admin and any other entry point that saves through full_clean)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext

from runlog.log import units as u

RUN_MIN_KM, RUN_MAX_KM, RUN_CONFIRM_KM = 0.1, 350.0, 100.0
DURATION_MIN_S, DURATION_MAX_S = 60, 24 * 3600
PACE_MIN_S_PER_KM, PACE_MAX_S_PER_KM = 100, 1800  # 1:40 – 30:00 min/km
ELITE_PACE_S_PER_KM, ELITE_MIN_KM = 150, 5.0  # faster than 2:30 min/km over >= 5 km is not a run
# Device values read from files (optional: outside these they are dropped with a note, the activity kept).
STEP_RATE_MIN, STEP_RATE_MAX = 60, 260  # steps per minute, both feet
CLIMB_MAX_M = 15_000  # elevation gain of one session
ELAPSED_MAX_S = 7 * 24 * 3600  # start to finish, stops included (a multi-day event recorded as one)
WALK_PACE_S_PER_KM = 900  # slower than 15:00 min/km: suggest logging a walk
SHOE_START_MAX_KM = 3000.0
SHOE_RETIRE_MAX_KM = 5000.0
CROSS_TRAINING_MAX_KM = 1000.0
RPE_MAX = NRS_MAX = 10  # effort and pain scores: integers 0–10
HR_MIN, HR_MAX = 30, 230
# Nothing a runner logs happened before the Unix epoch; the latest day is "today" in their own zone.
DATE_MIN = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class Problem:
    field: str  # distance | duration | confirm | avg_hr | date
    message: str
    blocking: bool = True  # False: a suggestion, the run is still saved


def _pace(seconds_per_km: float) -> str:
    return u.format_pace(seconds_per_km, "km")


def _number(value: float) -> str:
    """A bound as the runner's language writes it: 15,000 in English, 15.000 in German."""
    return number_format(value, decimal_pos=0, force_grouping=True)


def climb_message() -> str:
    return gettext("Climb must be between 0 and %(max)s m.") % {"max": _number(CLIMB_MAX_M)}


def shoe_start_message() -> str:
    return gettext("Starting distance can be at most %(max)s km.") % {"max": _number(SHOE_START_MAX_KM)}


def shoe_retire_message() -> str:
    return gettext("Retirement distance can be at most %(max)s km.") % {"max": _number(SHOE_RETIRE_MAX_KM)}


def run_problems(distance_m: float, duration_s: float | None, *, confirmed_long: bool = False) -> list[Problem]:
    """What is wrong with a run's distance and time, in words a runner understands."""
    km = distance_m / u.KM
    if problems := distance_problems(distance_m):
        return problems
    if km > RUN_CONFIRM_KM and not confirmed_long:
        return [Problem("confirm", gettext("Over 100 km in one run — please confirm it is right."))]
    if duration_s is None:
        return []
    problems = duration_problems(duration_s)
    if problems:
        return problems
    pace = duration_s / km
    if pace < PACE_MIN_S_PER_KM or (pace < ELITE_PACE_S_PER_KM and km >= ELITE_MIN_KM):
        return [
            Problem(
                "duration",
                gettext(
                    "That is a pace of %(pace)s, faster than a human runs that far — "
                    "check the distance, the time and the unit."
                )
                % {"pace": _pace(pace)},
            )
        ]
    if pace > PACE_MAX_S_PER_KM:
        return [
            Problem(
                "duration",
                gettext(
                    "That is a pace of %(pace)s, slower than 30:00 /km — check the time, or log it as a walk "
                    "under cross-training."
                )
                % {"pace": _pace(pace)},
            )
        ]
    if pace > WALK_PACE_S_PER_KM:
        return [
            Problem(
                "duration",
                gettext("A pace of %(pace)s is walking speed: consider logging it as a walk under cross-training.")
                % {"pace": _pace(pace)},
                blocking=False,
            )
        ]
    return []


def distance_problems(distance_m: float) -> list[Problem]:
    """A run's distance: 0.1–350 km (the confirmation above 100 km is the forms' business)."""
    if math.isnan(distance_m):
        return [Problem("distance", gettext("That distance is not a number — check it."))]
    km = distance_m / u.KM
    if km < RUN_MIN_KM:
        return [Problem("distance", gettext("A run is at least 0.1 km (100 m)."))]
    if km > RUN_MAX_KM:
        return [Problem("distance", gettext("That is over 350 km — check the distance and the unit."))]
    return []


def date_problems(day: dt.date, today: dt.date) -> list[Problem]:
    """A day a runner (or a file) gives: from 1970-01-01 to `today`, the runner's today in their own zone."""
    if day < DATE_MIN:
        return [Problem("date", gettext("That date is before 1970 — check the year."))]
    if day > today:
        return [Problem("date", gettext("That date is in the future; log sessions once they have happened."))]
    return []


def is_finite(value: float | None) -> bool:
    """False for NaN and ±infinity (None is "not given", which is fine)."""
    return value is None or math.isfinite(value)


def duration_problems(duration_s: float) -> list[Problem]:
    if isinstance(duration_s, float) and not math.isfinite(duration_s):
        return [Problem("duration", gettext("That time is not a number — check it."))]
    if duration_s < DURATION_MIN_S:
        return [Problem("duration", gettext("That is shorter than a minute — check the time."))]
    if duration_s > DURATION_MAX_S:
        return [Problem("duration", gettext("That is longer than 24 hours — check the time."))]
    return []


def heart_rate_problems(avg_hr: float | None) -> list[Problem]:
    if avg_hr is not None and not HR_MIN <= avg_hr <= HR_MAX:
        return [
            Problem(
                "avg_hr",
                gettext("Average heart rate must be between %(min)d and %(max)d bpm.") % {"min": HR_MIN, "max": HR_MAX},
            )
        ]
    return []


# Field validators: the same bounds where a model is saved through full_clean (the admin's forms).


def _refuse(problems: list[Problem]) -> None:
    for problem in problems:
        if problem.blocking:
            raise ValidationError(problem.message, code=f"bounds_{problem.field}")


def _between(value: float | None, low: float, high: float, message: str) -> None:
    if value is not None and not (math.isfinite(value) and low <= value <= high):
        raise ValidationError(message, code="bounds")


def validate_run_distance_m(value: float) -> None:
    _refuse(distance_problems(value))


def validate_duration_s(value: int) -> None:
    _refuse(duration_problems(value))


def validate_elapsed_s(value: int | None) -> None:
    _between(value, 1, ELAPSED_MAX_S, gettext("Elapsed time must be at most 7 days."))


def validate_heart_rate(value: int | None) -> None:
    message = gettext("Heart rate must be between %(min)d and %(max)d bpm.") % {"min": HR_MIN, "max": HR_MAX}
    _between(value, HR_MIN, HR_MAX, message)


def validate_step_rate(value: float | None) -> None:
    message = gettext("Step rate must be between %(min)d and %(max)d.") % {"min": STEP_RATE_MIN, "max": STEP_RATE_MAX}
    _between(value, STEP_RATE_MIN, STEP_RATE_MAX, message)


def validate_climb_m(value: float | None) -> None:
    _between(value, 0, CLIMB_MAX_M, climb_message())


def validate_rpe(value: int | None) -> None:
    _between(value, 0, RPE_MAX, gettext("Effort (RPE) is a whole number from 0 to %(max)d.") % {"max": RPE_MAX})


def validate_pain_score(value: int | None) -> None:
    _between(value, 0, NRS_MAX, gettext("A pain score is a whole number from 0 to %(max)d.") % {"max": NRS_MAX})


def validate_shoe_start_m(value: float) -> None:
    _between(value, 0, SHOE_START_MAX_KM * u.KM, shoe_start_message())


def validate_shoe_retire_m(value: float) -> None:
    if math.isfinite(value) and value <= 0:
        raise ValidationError(gettext("Retirement distance must be more than 0 km."), code="bounds")
    _between(value, 0, SHOE_RETIRE_MAX_KM * u.KM, shoe_retire_message())


def validate_cross_training_m(value: float | None) -> None:
    if value is not None and math.isfinite(value) and value <= 0:
        raise ValidationError(gettext("A distance, if given, is more than 0 km."), code="bounds")
    message = gettext("Distance must be at most %(max)s km.") % {"max": _number(CROSS_TRAINING_MAX_KM)}
    _between(value, 0, CROSS_TRAINING_MAX_KM * u.KM, message)
