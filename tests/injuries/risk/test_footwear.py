"""footwear.worn, footwear.rotation and footwear.untagged."""

import pytest

from injuries.risk import assess
from tests.factories import ON, frames, run, shoe


def codes(fr, code):
    return [f for f in assess(fr, ON).flags if f.code == code]


@pytest.mark.parametrize(
    ("logged_km", "start_km", "severity"),
    [
        (479.0, 0.0, None),
        (480.0, 0.0, "caution"),  # 60 % of 800 km
        (799.0, 0.0, "caution"),
        (800.0, 0.0, "high"),  # at the retirement distance
        (300.0, 180.0, "caution"),  # bought used: starting km counts
    ],
)
def test_worn_thresholds(logged_km, start_km, severity):
    fr = frames(runs=[run(-1, 5.0, shoe=1)], shoes=[shoe(1, logged_km, start_km)], first_offset=-30)

    assert [f.severity for f in codes(fr, "footwear.worn")] == ([severity] if severity else [])


def test_retirement_distance_is_the_runners_own():
    fr = frames(shoes=[shoe(1, 420.0, retire_km=700.0)], first_offset=-30)

    (flag,) = codes(fr, "footwear.worn")
    assert flag.evidence == {"shoe": "Shoe 1", "km": 420.0, "retire_at_km": 700.0, "fraction": 0.6}


def test_retired_shoes_never_flag():
    fr = frames(shoes=[shoe(1, 900.0, retired_offset=-3)], first_offset=-30)

    assert codes(fr, "footwear.worn") == []


def test_only_shoes_used_in_the_last_60_days_count():
    assert codes(frames(shoes=[shoe(1, 900.0, last_offset=-60)]), "footwear.worn") == []
    assert len(codes(frames(shoes=[shoe(1, 900.0, last_offset=-59)]), "footwear.worn")) == 1


def test_each_worn_pair_gets_its_own_warning():
    fr = frames(shoes=[shoe(1, 900.0), shoe(2, 500.0), shoe(3, 100.0)])

    assert sorted(f.evidence["shoe"] for f in codes(fr, "footwear.worn")) == ["Shoe 1", "Shoe 2"]


def test_rotation_nudges_when_over_90_percent_of_runs_are_in_one_pair():
    runs = [run(-i * 3, shoe=1) for i in range(10)]
    (flag,) = codes(frames(runs=runs, shoes=[shoe(1, 100.0)]), "footwear.rotation")

    assert flag.severity == "info"
    assert flag.evidence == {"share": 1.0, "runs": 10, "shoe": "Shoe 1"}


def test_rotation_at_exactly_90_percent_is_fine():
    runs = [run(-i * 3, shoe=1) for i in range(9)] + [run(-28, shoe=2)]

    assert codes(frames(runs=runs), "footwear.rotation") == []


def test_rotation_needs_ten_runs_in_22_weeks():
    runs = [run(-i * 3, shoe=1) for i in range(9)] + [run(-154, shoe=1)]

    assert codes(frames(runs=runs), "footwear.rotation") == []


def test_three_untagged_runs_in_14_days_is_an_info():
    runs = [run(-1), run(-5), run(-13), run(-14)]

    (flag,) = codes(frames(runs=runs), "footwear.untagged")
    assert flag.evidence == {"untagged_runs_14d": 3}
    assert codes(frames(runs=runs[1:]), "footwear.untagged") == []
