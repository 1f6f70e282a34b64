"""pain.monitor (Silbernagel's model), pain.red_flag and pain.persistent."""

import pytest

from injuries.risk import assess
from tests.factories import ON, frames, pain


def flags(fr, code):
    return [f for f in assess(fr, ON).flags if f.code == code]


@pytest.mark.parametrize(
    ("during", "after", "severity"),
    [(2, None, None), (3, None, "caution"), (None, 5, "caution"), (6, None, "high"), (4, 6, "high")],
)
def test_monitor_zones_by_session_pain(during, after, severity):
    fr = frames(pains=[pain(-1, during=during, after=after, next_morning=0)])

    assert [f.severity for f in flags(fr, "pain.monitor")] == ([severity] if severity else [])


def test_next_morning_above_the_previous_morning_is_red():
    fr = frames(pains=[pain(-10, during=2, next_morning=1), pain(-1, during=2, next_morning=2)])
    (flag,) = flags(fr, "pain.monitor")

    assert flag.severity == "high"
    assert flag.evidence["baseline"] == 1.0
    assert flag.evidence["zone"] == "red"


def test_next_morning_back_to_baseline_keeps_amber():
    fr = frames(pains=[pain(-10, during=2, next_morning=1), pain(-1, during=4, next_morning=1)])
    (flag,) = flags(fr, "pain.monitor")

    assert flag.severity == "caution"
    assert flag.evidence["zone"] == "amber"


def test_morning_pain_rising_week_on_week_is_red():
    fr = frames(pains=[pain(-9, next_morning=2), pain(-8, next_morning=2), pain(-2, during=1, next_morning=3)])

    assert flags(fr, "pain.monitor")[0].severity == "high"


def test_two_reds_in_a_week_suggest_a_physiotherapist():
    fr = frames(pains=[pain(-4, during=6, next_morning=0), pain(-1, during=7, next_morning=0)])
    (flag,) = flags(fr, "pain.monitor")

    assert flag.evidence["red_reports_7d"] == 2
    assert "physiotherapist" in flag.title + flag.message


def test_reports_older_than_7_days_are_not_monitored():
    assert flags(frames(pains=[pain(-7, during=6)]), "pain.monitor") == []
    assert len(flags(frames(pains=[pain(-6, during=6)]), "pain.monitor")) == 1


@pytest.mark.parametrize("sign", ["swelling", "warmth", "locking", "cannot_bear_weight"])
def test_each_red_flag_sign_says_seek_medical_attention(sign):
    (flag,) = flags(frames(pains=[pain(-2, during=1, **{sign: True})]), "pain.red_flag")

    assert flag.severity == "high"
    assert flag.title == "Seek medical attention"


def test_stiffness_alone_is_not_a_red_flag():
    assert flags(frames(pains=[pain(-2, during=1, stiffness=True)]), "pain.red_flag") == []


@pytest.mark.parametrize(("score", "flagged"), [(7, False), (8, True)])
def test_severe_pain_is_a_red_flag_from_8(score, flagged):
    assert bool(flags(frames(pains=[pain(-2, next_morning=score)]), "pain.red_flag")) is flagged


def test_red_flags_look_back_14_days():
    assert flags(frames(pains=[pain(-14, during=1, swelling=True)]), "pain.red_flag") == []
    assert len(flags(frames(pains=[pain(-13, during=1, swelling=True)]), "pain.red_flag")) == 1


def test_pain_of_3_in_each_of_3_weeks_is_persistent():
    fr = frames(pains=[pain(-18, during=3), pain(-9, after=4), pain(-1, next_morning=3)])
    (flag,) = flags(fr, "pain.persistent")

    assert flag.severity == "caution"
    assert flag.evidence == {"location": "inner_knee", "weeks": 3}


def test_persistence_is_per_location():
    fr = frames(pains=[pain(-18, during=3), pain(-9, after=4, location="shin"), pain(-1, next_morning=3)])

    assert flags(fr, "pain.persistent") == []


def test_two_sore_weeks_are_not_persistent():
    fr = frames(pains=[pain(-18, during=2), pain(-9, after=4), pain(-1, next_morning=3)])

    assert flags(fr, "pain.persistent") == []
