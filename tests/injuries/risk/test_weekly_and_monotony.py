"""overtraining.weekly_increase and overtraining.monotony (Foster 1998)."""

import math

import pytest

from injuries.risk import assess
from tests.factories import ON, cross, frames, run


def weekly(prev_km: float, week_km: float):
    return frames(runs=[run(-10, prev_km), run(-2, week_km)], first_offset=-13)


def weekly_flags(fr):
    return [f.severity for f in assess(fr, ON).flags if f.code == "overtraining.weekly_increase"]


@pytest.mark.parametrize(
    ("prev_km", "week_km", "expected"),
    [
        (10.0, 11.0, []),  # +10 %: not more than 10 %
        (10.0, 11.1, ["info"]),
        (10.0, 13.0, ["info"]),  # +30 %: not more than 30 %
        (10.0, 13.1, ["caution"]),
        (9.9, 20.0, ["info"]),  # > 30 % on a previous week under 10 km is only an info
        (20.0, 15.0, []),  # going down
    ],
)
def test_weekly_increase_thresholds(prev_km, week_km, expected):
    assert weekly_flags(weekly(prev_km, week_km)) == expected


def test_weekly_increase_is_silent_after_a_week_without_running():
    fr = frames(runs=[run(-20, 10.0), run(-2, 30.0)], first_offset=-20)

    assert weekly_flags(fr) == []
    assert assess(fr, ON).metrics["prev_week_km"] == 0.0


def test_weekly_increase_needs_14_days_of_log():
    fr = frames(runs=[run(-12, 5.0), run(-2, 30.0)], first_offset=-12)
    result = assess(fr, ON)

    assert weekly_flags(fr) == []
    assert result.metrics["prev_week_km"] is None


def test_cross_training_never_adds_running_distance():
    fr = frames(runs=[run(-10, 10.0), run(-2, 10.0)], crosses=[cross(-1, 120)], first_offset=-13)

    assert assess(fr, ON).metrics["week_km"] == 10.0


def week_of(days_with_load: int, weeks_before: int = 0, before_days: int = 5):
    """Load 100 on the last `days_with_load` days; earlier weeks with `before_days` sessions of 100."""
    runs = [run(-i, 4.0, 20, 5) for i in range(days_with_load)]
    for k in range(1, weeks_before + 1):
        runs += [run(-7 * k - i, 4.0, 20, 5) for i in range(before_days)]
    first = -(7 * weeks_before + 6)
    return frames(runs=runs, first_offset=first)


def test_six_equal_days_and_a_rest_day_give_monotony_root_six():
    # mean = 6a/7, population SD = a·√6/7 → M = √6 = 2.449; strain = 600·√6
    result = assess(week_of(6), ON)

    assert result.metrics["monotony"] == round(math.sqrt(6), 2)
    assert result.metrics["strain"] == round(600 * math.sqrt(6), 1)
    (flag,) = [f for f in result.flags if f.code == "overtraining.monotony"]
    assert flag.severity == "caution"


def test_five_equal_days_give_monotony_below_two():
    # M = 5/√10 = 1.58
    result = assess(week_of(5), ON)

    assert result.metrics["monotony"] == round(5 / math.sqrt(10), 2)
    assert "overtraining.monotony" not in {f.code for f in result.flags}


def test_no_variation_at_all_counts_as_monotony_ten():
    assert assess(week_of(7), ON).metrics["monotony"] == 10.0


def test_monotony_with_strain_above_the_runners_90th_percentile_is_high():
    # 12 prior weeks of 5 × 100 (strain 500·5/√10 = 790.6); this week 6 × 100 (strain 1469.7).
    (flag,) = [f for f in assess(week_of(6, weeks_before=12), ON).flags if f.code == "overtraining.monotony"]

    assert flag.severity == "high"
    assert flag.evidence["strain_p90_12w"] == round(500 * 5 / math.sqrt(10), 1)


def test_high_needs_six_prior_weeks():
    (flag,) = [f for f in assess(week_of(6, weeks_before=5), ON).flags if f.code == "overtraining.monotony"]

    assert flag.severity == "caution"
    assert flag.evidence["strain_p90_12w"] is None


def test_monotony_needs_seven_days_of_log():
    fr = frames(runs=[run(-i, 4.0, 20, 5) for i in range(6)], first_offset=-5)

    assert assess(fr, ON).metrics["monotony"] is None
