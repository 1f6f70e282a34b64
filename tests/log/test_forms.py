"""Every input bound of docs/risk-rules.md, enforced by the forms with messages a runner understands."""

import datetime as dt

import pytest
import time_machine

from injuries.forms import PainReportForm
from runlog.log.forms import CrossTrainingForm, RunForm, ShoeForm
from runlog.log.models import Profile
from tests.factories import ShoeFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def profile(alice) -> Profile:
    return alice.profile


def run_form(profile, **overrides):
    data = {"date": "2026-11-25", "time": "07:00", "distance": "10", "duration": "50:00", "kind": "easy"}
    data.update({k: v for k, v in overrides.items()})
    return RunForm(data, profile=profile)


def errors(form) -> str:
    form.is_valid()
    return " ".join(str(e) for errs in form.errors.values() for e in errs)


@pytest.mark.parametrize(
    ("distance", "duration", "valid"),
    [
        ("0.1", "1:00", True),  # the shortest run, at a pace of 10:00 /km
        ("0.09", "1:00", False),
        ("350", "36:00:00", False),  # over 24 hours
        ("350.1", "23:00:00", False),  # over 350 km
        ("100", "9:00:00", True),
    ],
)
def test_run_distance_bounds(profile, distance, duration, valid):
    assert run_form(profile, distance=distance, duration=duration, confirm_long="on").is_valid() is valid


@pytest.mark.parametrize("distance", ["-4", "0", "0.05"])
def test_every_too_short_distance_gets_the_same_message(profile, distance):
    """A negative distance is not a different mistake from a zero one: one message, in a runner's words."""
    form = run_form(profile, distance=distance)

    assert not form.is_valid()
    assert form.errors["distance"] == ["A run is at least 0.1 km (100 m)."]


def test_runs_over_100_km_ask_to_confirm(profile):
    form = run_form(profile, distance="101", duration="12:00:00")

    assert not form.is_valid()
    assert form.needs_confirm
    assert "please confirm" in errors(form)
    assert run_form(profile, distance="101", duration="12:00:00", confirm_long="on").is_valid()


@pytest.mark.parametrize(
    ("duration", "message"),
    [("0:59", "shorter than a minute"), ("24:00:01", "longer than 24 hours"), ("ten", "Write the time as")],
)
def test_duration_bounds(profile, duration, message):
    assert message in errors(run_form(profile, distance="0.1", duration=duration))


@pytest.mark.parametrize(
    ("distance", "duration", "valid"),
    [
        ("1", "1:40", True),  # 1:40 /km is the fastest pace accepted
        ("1", "1:39", False),
        ("4.9", "11:00", True),  # 2:15 /km under 5 km is allowed (it is a sprint)
        ("5", "12:29", False),  # faster than 2:30 /km over 5 km is rejected
        ("5", "12:30", True),
        ("1", "30:00", True),  # 30:00 /km is the slowest
        ("1", "30:01", False),
    ],
)
def test_pace_bounds(profile, distance, duration, valid):
    assert run_form(profile, distance=distance, duration=duration).is_valid() is valid


def test_walking_pace_is_saved_with_a_suggestion(profile):
    form = run_form(profile, distance="2", duration="32:00")  # 16:00 /km

    assert form.is_valid()
    assert "walking speed" in form.warnings[0]


def test_pace_uses_the_runners_unit(bob):
    # 5 miles in 20 minutes = 2:29 /km over 8 km: not humanly possible
    form = run_form(bob.profile, distance="5", duration="20:00", date="2026-11-25", time="05:00")

    assert "faster than a human" in errors(form)


@pytest.mark.parametrize(("rpe", "valid"), [("0", True), ("10", True), ("11", False), ("-1", False), ("4.5", False)])
def test_rpe_is_an_integer_from_0_to_10(profile, rpe, valid):
    assert run_form(profile, rpe=rpe).is_valid() is valid


@pytest.mark.parametrize(("hr", "valid"), [("30", True), ("29", False), ("230", True), ("231", False)])
def test_heart_rate_bounds(profile, hr, valid):
    assert run_form(profile, avg_hr=hr).is_valid() is valid


def test_dates_after_today_in_the_runners_time_zone_are_rejected(profile):
    assert "in the future" in errors(run_form(profile, date="2026-11-26"))


def test_today_in_auckland_is_accepted_though_it_is_tomorrow_in_utc(alice):
    profile = alice.profile
    profile.timezone = "Pacific/Auckland"  # 12:00 UTC is 01:00 on Nov 26 there
    assert run_form(profile, date="2026-11-26", time="00:30").is_valid()


def test_a_later_time_today_is_rejected(profile):
    assert "still to come" in errors(run_form(profile, time="18:00"))  # 13:00 in Berlin now


def test_retired_shoes_are_not_offered_for_new_runs(profile, alice):
    active = ShoeFactory(user=alice, name="Active")
    ShoeFactory(user=alice, name="Retired", retired_on=dt.date(2026, 1, 1))

    assert [s.name for s in run_form(profile).fields["shoe"].queryset] == [active.name]


def shoe_form(profile, **overrides):
    data = {"name": "Ghost", "support": "neutral", "start_distance": "0", "retire_distance": "800"}
    data.update(overrides)
    return ShoeForm(data, profile=profile)


@pytest.mark.parametrize(("start", "valid"), [("0", True), ("3000", True), ("3000.1", False), ("-1", False)])
def test_shoe_starting_distance_bounds(profile, start, valid):
    assert shoe_form(profile, start_distance=start).is_valid() is valid


def test_shoe_distances_are_stored_in_metres_from_miles(bob):
    shoe = shoe_form(bob.profile, start_distance="100", retire_distance="500").save()

    assert shoe.start_m == pytest.approx(160_934.4)
    assert shoe.retire_at_m == pytest.approx(804_672.0)


def test_cross_training_duration_bounds(profile):
    data = {"date": "2026-11-25", "time": "07:00", "activity": "cycling"}

    assert CrossTrainingForm({**data, "duration": "45"}, profile=profile).is_valid()
    assert not CrossTrainingForm({**data, "duration": "25:00:00"}, profile=profile).is_valid()
    assert not CrossTrainingForm({**data, "duration": "45", "rpe": "11"}, profile=profile).is_valid()


def pain_form(profile, **overrides):
    data = {"date": "2026-11-25", "location": "inner_knee", "side": "left"}
    data.update(overrides)
    return PainReportForm(data, profile=profile)


def test_a_pain_report_needs_at_least_one_score(profile):
    form = pain_form(profile)

    assert not form.is_valid()
    assert form.non_field_errors() == [
        "Give a pain score for at least one moment: during, after, or the next morning (0 = no pain)."
    ]  # once, in the runner's words: no second, technical constraint message
    assert pain_form(profile, next_morning="0").is_valid()


@pytest.mark.parametrize(("score", "valid"), [("0", True), ("10", True), ("11", False), ("2.5", False)])
def test_pain_scores_are_integers_from_0_to_10(profile, score, valid):
    assert pain_form(profile, during=score).is_valid() is valid


def test_pain_cannot_be_reported_for_tomorrow(profile):
    assert "future" in errors(pain_form(profile, during="3", date="2026-11-26"))
