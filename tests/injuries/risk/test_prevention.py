"""prevention.strength, prevention.cross_training and prevention.warm_up nudges."""

from injuries.risk import assess
from tests.factories import ON, cross, frames, pain, run


def flags(fr, code):
    return [f for f in assess(fr, ON).flags if f.code == code]


def six_runs(warm_up=False):
    """Three runs a week for two weeks, same distance each week (no other warning)."""
    return [run(offset, 8.0, 45, 4, warm_up=warm_up) for offset in (0, -2, -4, -7, -9, -11)]


def test_running_3_times_a_week_without_strength_work_is_a_nudge():
    (flag,) = flags(frames(runs=six_runs(), first_offset=-20), "prevention.strength")

    assert flag.severity == "info"
    assert flag.evidence == {"runs_14d": 6, "strength_sessions_14d": 0}


def test_a_strength_session_silences_the_nudge():
    fr = frames(runs=six_runs(), crosses=[cross(-13, 30, 6, "strength")], first_offset=-20)

    assert flags(fr, "prevention.strength") == []


def test_five_runs_in_14_days_do_not_need_the_nudge():
    assert flags(frames(runs=six_runs()[:5], first_offset=-20), "prevention.strength") == []


def test_strength_needs_14_days_of_log():
    assert flags(frames(runs=six_runs(), first_offset=-10), "prevention.strength") == []


def test_cross_training_is_suggested_when_pain_warns():
    fr = frames(runs=six_runs(), pains=[pain(-1, during=4, next_morning=0)], first_offset=-20)
    (flag,) = flags(fr, "prevention.cross_training")

    assert flag.evidence["because"] == ["pain.monitor"]


def test_no_cross_training_nudge_without_a_warning():
    assert flags(frames(runs=six_runs()[:3], first_offset=-20), "prevention.cross_training") == []


def test_no_cross_training_nudge_when_the_runner_already_cross_trains():
    fr = frames(
        runs=six_runs(),
        crosses=[cross(-3, 45, 4, "swimming")],
        pains=[pain(-1, during=4, next_morning=0)],
        first_offset=-20,
    )

    assert flags(fr, "prevention.cross_training") == []


def test_warm_up_nudge_below_half_of_the_last_10_runs():
    runs = [run(-i, warm_up=i < 4) for i in range(10)]

    (flag,) = flags(frames(runs=runs), "prevention.warm_up")
    assert flag.evidence == {"warm_ups_last_10": 4}


def test_five_warm_ups_in_10_runs_is_enough():
    runs = [run(-i, warm_up=i < 5) for i in range(10)]

    assert flags(frames(runs=runs), "prevention.warm_up") == []


def test_warm_up_needs_10_runs():
    assert flags(frames(runs=[run(-i) for i in range(9)]), "prevention.warm_up") == []
