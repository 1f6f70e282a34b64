"""metrics.cadence_spm and form.cadence: the median step rate, the knee-pain condition, the target range."""

import pytest

from injuries.risk import assess
from injuries.risk.rules.form import step_rate_target
from tests.factories import ON, day, frames, pain, run


def cadence_flags(fr, on=ON):
    return [f for f in assess(fr, on).flags if f.code == "form.cadence"]


def stepped(*rates, start=-1):
    """One run a day going back from `start`, each with the given step rate."""
    return [run(start - i, cadence=rate) for i, rate in enumerate(rates)]


SORE_KNEE = pain(-2, during=4, next_morning=0)  # amber: knee pain of 4 two days ago


def test_the_metric_is_the_median_of_an_odd_number_of_runs():
    assert assess(frames(runs=stepped(164, 158, 160)), ON).metrics["cadence_spm"] == 160.0


def test_an_even_count_takes_the_mean_of_the_two_middle_values():
    # sorted 160, 162, 165, 166: (162 + 165) / 2
    assert assess(frames(runs=stepped(166, 160, 165, 162)), ON).metrics["cadence_spm"] == 163.5


def test_the_median_is_rounded_to_one_decimal_half_up():
    # sorted 150, 165.2, 165.3, 170: (165.2 + 165.3) / 2 = 165.25 → 165.3
    assert assess(frames(runs=stepped(170, 165.2, 150, 165.3)), ON).metrics["cadence_spm"] == 165.3


def test_runs_without_a_step_rate_are_left_out_of_the_median():
    runs = [*stepped(150, 152, 154), *(run(-10 - i) for i in range(5))]

    assert assess(frames(runs=runs), ON).metrics["cadence_spm"] == 152.0


def test_two_runs_with_a_step_rate_are_not_enough_data():
    fr = frames(runs=[*stepped(150, 152), run(-5), run(-6)], pains=[SORE_KNEE])
    result = assess(fr, ON)

    assert result.metrics["cadence_spm"] is None
    assert cadence_flags(fr) == []
    (check,) = [c for c in result.checks if c.code == "form.cadence"]
    assert check.status == "not enough data"


def test_only_the_last_30_days_count():
    # Day −29 is inside the 30 days (ON−29 … ON), day −30 is not.
    inside = frames(runs=[run(-1, cadence=150), run(-2, cadence=150), run(-29, cadence=150)])
    outside = frames(runs=[run(-1, cadence=150), run(-2, cadence=150), run(-30, cadence=150)])

    assert assess(inside, ON).metrics["cadence_spm"] == 150.0
    assert assess(outside, ON).metrics["cadence_spm"] is None


def test_a_low_step_rate_with_a_sore_knee_gives_the_target_range():
    (flag,) = cadence_flags(frames(runs=stepped(160, 160, 160), pains=[SORE_KNEE]))

    assert flag.severity == "info"
    # 1.05 × 160 = 168 exactly (not 169 by floating-point error); 1.10 × 160 = 176.
    assert flag.evidence["target_min_spm"] == 168
    assert flag.evidence["target_max_spm"] == 176
    assert flag.evidence["cadence_spm"] == 160.0
    assert flag.evidence["runs_30d"] == 3
    assert flag.evidence["location"] == "inner_knee"
    assert flag.evidence["date"] == day(-2).isoformat()
    assert "168–176 steps/min" in flag.message
    assert "180" in flag.message  # "not a fixed 180"


@pytest.mark.parametrize(
    ("rate", "low", "high"),
    [(163.5, 172, 179), (150.0, 158, 165), (165.3, 174, 181)],
)
def test_the_target_is_the_ceiling_of_5_percent_to_the_floor_of_10_percent(rate, low, high):
    # 163.5: 171.675 → 172, 179.85 → 179; 150: 157.5 → 158, 165 → 165; 165.3: 173.565 → 174, 181.83 → 181.
    assert step_rate_target(rate) == (low, high)


@pytest.mark.parametrize(("rate", "flagged"), [(169.9, True), (170.0, False)])
def test_the_flag_is_for_a_step_rate_below_170(rate, flagged):
    assert bool(cadence_flags(frames(runs=stepped(rate, rate, rate), pains=[SORE_KNEE]))) is flagged


@pytest.mark.parametrize("location", ["inner_knee", "kneecap", "outer_knee", "back_knee"])
def test_each_knee_location_counts(location):
    fr = frames(runs=stepped(160, 160, 160), pains=[pain(-2, after=3, location=location)])

    assert len(cadence_flags(fr)) == 1


@pytest.mark.parametrize("location", ["shin", "hip", "foot_heel", "other"])
def test_pain_elsewhere_does_not_tie_the_step_rate_to_the_knee(location):
    fr = frames(runs=stepped(160, 160, 160), pains=[pain(-2, during=7, location=location)])

    assert cadence_flags(fr) == []


def test_the_knee_report_needs_a_score_of_3():
    assert cadence_flags(frames(runs=stepped(160, 160, 160), pains=[pain(-2, during=2, next_morning=2)])) == []
    assert len(cadence_flags(frames(runs=stepped(160, 160, 160), pains=[pain(-2, next_morning=3)]))) == 1


def test_the_knee_report_must_lie_in_the_last_14_days():
    runs = stepped(160, 160, 160)

    assert len(cadence_flags(frames(runs=runs, pains=[pain(-13, during=4)]))) == 1
    assert cadence_flags(frames(runs=runs, pains=[pain(-14, during=4)])) == []


def test_a_red_knee_report_in_the_last_7_days_makes_it_a_caution():
    (flag,) = cadence_flags(frames(runs=stepped(160, 160, 160), pains=[pain(-3, during=6, next_morning=0)]))

    assert flag.severity == "caution"
    assert flag.evidence["red_zone_7d"] is True


def test_a_red_knee_report_older_than_7_days_leaves_it_info():
    # Red on day −8 (outside pain.monitor's 7 days) but still within the 14 days of the condition.
    (flag,) = cadence_flags(frames(runs=stepped(160, 160, 160), pains=[pain(-8, during=6, next_morning=0)]))

    assert flag.severity == "info"


def test_a_red_report_elsewhere_does_not_raise_the_knee_flag():
    pains = [pain(-3, during=4, next_morning=0), pain(-2, during=7, next_morning=0, location="shin")]
    (flag,) = cadence_flags(frames(runs=stepped(160, 160, 160), pains=pains))

    assert flag.severity == "info"


def test_a_knee_report_red_by_its_morning_score_makes_it_a_caution():
    # Morning 3 above the previous morning's 1: red in pain.monitor, though the run itself hurt only 3.
    pains = [pain(-10, during=1, next_morning=1), pain(-2, during=3, next_morning=3)]
    (flag,) = cadence_flags(frames(runs=stepped(160, 160, 160), pains=pains))

    assert flag.severity == "caution"


def test_no_step_rate_in_the_log_leaves_every_other_result_unchanged():
    runs = [run(-i, km=8) for i in range(1, 12)]
    pains = [pain(-2, during=4, next_morning=0)]
    result = assess(frames(runs=runs, pains=pains), ON)

    assert result.metrics["cadence_spm"] is None
    assert not [f for f in result.flags if f.code in ("form.cadence", "plan.return_to_run")]
    assert result.plan is None
