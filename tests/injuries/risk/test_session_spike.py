"""overtraining.session_spike and overtraining.returning (Frandsen 2025)."""

import pytest

from injuries.risk import assess
from tests.factories import ON, frames, run


def flags_of(fr, code):
    return [f for f in assess(fr, ON).flags if f.code == code]


def spike_frames(latest_km: float):
    # Longest run of the 30 days before yesterday: 10 km (20 days ago); yesterday's run is latest_km.
    return frames(runs=[run(-20, 10.0), run(-12, 8.0), run(-1, latest_km)], first_offset=-20)


@pytest.mark.parametrize(
    ("latest_km", "severity"),
    [
        (10.9, None),  # +9 %
        (11.0, None),  # +10 %: the threshold is "more than 10 %"
        (11.1, "caution"),  # +11 %
        (20.0, "caution"),  # +100 %: high is "more than 100 %"
        (20.1, "high"),  # +101 %
    ],
)
def test_spike_thresholds(latest_km, severity):
    found = flags_of(spike_frames(latest_km), "overtraining.session_spike")

    assert [f.severity for f in found] == ([severity] if severity else [])


def test_spike_evidence_is_the_increase_over_the_longest_run():
    (flag,) = flags_of(spike_frames(22.5), "overtraining.session_spike")

    assert flag.evidence == {"ratio": 1.25, "run_km": 22.5, "longest_30d_km": 10.0}
    assert "2.2× your longest run" in flag.message  # 22.5 / 10 = 2.25, shown to one decimal


def test_the_longest_run_is_looked_up_in_the_30_days_before_each_run():
    # 20 km 31 days before the run is outside its window; 10 km 30 days before is inside.
    fr = frames(runs=[run(-32, 20.0), run(-31, 10.0), run(-1, 12.0)], first_offset=-32)
    (flag,) = flags_of(fr, "overtraining.session_spike")

    assert flag.evidence["longest_30d_km"] == 10.0
    assert flag.evidence["ratio"] == 0.2


def test_only_runs_of_the_last_7_days_are_judged():
    fr = frames(runs=[run(-30, 5.0), run(-7, 15.0), run(-3, 6.0)], first_offset=-30)

    assert flags_of(fr, "overtraining.session_spike") == []


def test_the_worst_run_of_the_week_is_reported():
    fr = frames(runs=[run(-20, 10.0), run(-5, 12.0), run(-2, 16.0)], first_offset=-20)
    (flag,) = flags_of(fr, "overtraining.session_spike")

    assert flag.evidence["run_km"] == 16.0
    assert flag.evidence["longest_30d_km"] == 12.0  # run -5 is within the 30 days before run -2


def test_a_run_after_30_days_without_running_is_a_return_not_a_spike():
    fr = frames(runs=[run(-60, 10.0), run(-2, 8.0)], first_offset=-60)
    result = assess(fr, ON)

    assert "overtraining.session_spike" not in {f.code for f in result.flags}
    (returning,) = [f for f in result.flags if f.code == "overtraining.returning"]
    assert returning.severity == "info"
    assert returning.evidence == {"run_km": 8.0, "days_since_previous_run": 58}


def test_a_red_flag_withholds_the_build_up_suggestion():
    from tests.factories import pain

    fr = frames(runs=[run(-60, 10.0), run(-2, 8.0)], pains=[pain(-1, during=3, swelling=True)], first_offset=-60)
    codes = {f.code for f in assess(fr, ON).flags}

    assert "pain.red_flag" in codes
    assert "overtraining.returning" not in codes
