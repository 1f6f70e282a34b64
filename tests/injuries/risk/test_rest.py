"""rest.missing: rest days in the last 7 and the running streak."""

from injuries.risk import assess
from tests.factories import ON, cross, frames, pain, run


def rest_flags(fr):
    return [f for f in assess(fr, ON).flags if f.code == "rest.missing"]


def daily_runs(days: int, skip: tuple[int, ...] = (), varied: bool = True):
    """A run every day; alternating 20 and 80 minutes keeps weekly monotony at 1.54 (< 2)."""
    return [run(-i, 6.0, 20 if i % 2 == 0 or not varied else 80, 3) for i in range(days) if i not in skip]


def test_one_rest_day_in_seven_is_enough():
    fr = frames(runs=daily_runs(7, skip=(3,)), first_offset=-20)

    assert rest_flags(fr) == []
    assert assess(fr, ON).metrics["rest_days_7d"] == 1


def test_no_rest_day_in_seven_is_a_caution():
    fr = frames(runs=daily_runs(7), first_offset=-20)
    (flag,) = rest_flags(fr)

    assert flag.severity == "caution"
    assert flag.evidence == {"rest_days_7d": 0, "run_streak_days": 7}


def test_a_fourteen_day_streak_is_high():
    (flag,) = rest_flags(frames(runs=daily_runs(14), first_offset=-20))

    assert flag.severity == "high"
    assert assess(frames(runs=daily_runs(14), first_offset=-20), ON).metrics["run_streak_days"] == 14


def test_thirteen_days_alone_stay_caution():
    (flag,) = rest_flags(frames(runs=daily_runs(13), first_offset=-20))

    assert flag.severity == "caution"


def test_no_rest_with_pain_is_high():
    fr = frames(runs=daily_runs(7), pains=[pain(-1, during=4, next_morning=0)], first_offset=-20)
    (flag,) = rest_flags(fr)

    assert flag.severity == "high"
    assert "pain" in flag.message


def test_no_rest_with_monotonous_training_is_high():
    fr = frames(runs=daily_runs(7, varied=False), first_offset=-20)
    (flag,) = rest_flags(fr)

    assert assess(fr, ON).metrics["monotony"] == 10.0
    assert flag.severity == "high"


def test_a_cross_training_day_is_a_rest_day_from_running():
    fr = frames(runs=daily_runs(7, skip=(2,)), crosses=[cross(-2, 60, 5)], first_offset=-20)

    assert rest_flags(fr) == []
    assert assess(fr, ON).metrics["rest_days_7d"] == 1


def test_a_run_at_23_30_local_time_belongs_to_that_day():
    # Frames carry local days; the ORM side is covered in tests/dashboard/test_home_and_frames.py.
    fr = frames(runs=daily_runs(7), first_offset=-20)
    assert assess(fr, ON).metrics["run_streak_days"] == 7


def test_rest_needs_seven_days_of_log():
    fr = frames(runs=daily_runs(5), first_offset=-4)

    assert rest_flags(fr) == []
    assert assess(fr, ON).metrics["rest_days_7d"] is None
