"""overtraining.acwr: EWMA acute (N=7) and chronic (N=28) load, seeded with the first week's mean."""

import pytest

from injuries.risk import assess
from injuries.risk.metrics import ewma
from tests.factories import ON, frames, run


def steady(last_load: float | None, extra_rest_days: int = 0):
    """Load 100 (20 min at RPE 5) every day from day -27; the last day carries `last_load`."""
    runs = []
    for offset in range(-27, 1):
        if offset > -extra_rest_days:
            continue
        minutes = 20 if offset < 0 or last_load is None else last_load / 5
        if offset == 0 and last_load == 0:
            continue
        runs.append(run(offset, km=4.0, minutes=minutes, rpe=5))
    return frames(runs=runs, first_offset=-27)


def test_ewma_uses_lambda_two_over_n_plus_one():
    import pandas as pd

    series = ewma(pd.Series([100.0, 400.0]), 7, seed=100.0)
    # λ = 0.25: day 1 = 0.25·100 + 0.75·100 = 100; day 2 = 0.25·400 + 0.75·100 = 175
    assert list(series) == [100.0, 175.0]


def test_hand_computed_acute_chronic_and_ratio():
    # 27 days at 100 then 500 today. Seed = 100, so both averages sit at 100 until today:
    # acute = 0.25·500 + 0.75·100 = 200; chronic = (2/29)·500 + (27/29)·100 = 127.586...
    result = assess(steady(500), ON)

    assert result.metrics["acute_load"] == 200.0
    assert result.metrics["chronic_load"] == pytest.approx(127.6, abs=0.05)
    assert result.metrics["acwr"] == round(200 / (500 * 2 / 29 + 2700 / 29), 2) == 1.57
    (flag,) = [f for f in result.flags if f.code == "overtraining.acwr"]
    assert flag.severity == "caution"


@pytest.mark.parametrize(("today_load", "flagged"), [(440.0, False), (442.0, True)])
def test_caution_starts_at_a_ratio_of_one_and_a_half(today_load, flagged):
    # Ratio 1.5 exactly at 1875 / 4.25 = 441.18 load units today.
    codes = [f.severity for f in assess(steady(today_load), ON).flags if f.code == "overtraining.acwr"]

    assert codes == (["caution"] if flagged else [])


def test_acwr_is_never_high_on_its_own():
    severities = {f.severity for f in assess(steady(3000), ON).flags if f.code == "overtraining.acwr"}

    assert severities == {"caution"}


def test_well_below_usual_load_is_an_info():
    # Two days without load after 26 days at 100: acute 56.25, chronic 86.7 → 0.65.
    result = assess(steady(0, extra_rest_days=2), ON)

    assert result.metrics["acwr"] == 0.65
    (flag,) = [f for f in result.flags if f.code == "overtraining.acwr"]
    assert flag.severity == "info"
    assert "well below" in flag.title.lower()


def test_a_ratio_near_one_is_not_flagged():
    result = assess(steady(None), ON)

    assert result.metrics["acwr"] == 1.0
    assert "overtraining.acwr" not in {f.code for f in result.flags}


def test_it_needs_a_session_in_each_of_the_four_weeks():
    runs = [run(o, 4.0, 20, 5) for o in range(-27, 1) if not -13 <= o <= -7]
    result = assess(frames(runs=runs, first_offset=-27), ON)

    assert result.metrics["acwr"] is None
    assert result.metrics["acute_load"] is None
    assert "overtraining.acwr" not in {f.code for f in result.flags}


def test_it_needs_28_days_of_log():
    runs = [run(o, 4.0, 20, 5) for o in range(-26, 1)]
    assert assess(frames(runs=runs, first_offset=-26), ON).metrics["acwr"] is None


def test_cross_training_adds_load():
    from tests.factories import cross

    runs = [run(o, 4.0, 20, 5) for o in range(-27, 0)]
    with_bike = frames(runs=runs, crosses=[cross(0, minutes=100, rpe=5)], first_offset=-27)

    # 100 min of cycling at RPE 5 = 500 today: acute = 0.25·500 + 0.75·100 = 200
    assert assess(with_bike, ON).metrics["acute_load"] == 200.0
