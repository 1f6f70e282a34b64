"""Pain episodes (the 14-day gap) and each kind of "what came before it" (docs/risk-rules.md)."""

import pytest

from injuries.risk import assess
from tests.factories import ON, day, frames, pain, run, shoe


def episodes(fr, on=ON):
    return assess(fr, on).episodes


def before(fr, code=None, on=ON):
    (episode,) = episodes(fr, on)
    return [b for b in episode.before if code is None or b.code == code]


# Onset


def test_a_report_with_a_score_of_3_starts_an_episode():
    (episode,) = episodes(frames(pains=[pain(-20, during=3, report_id=4)]))

    assert (episode.location, episode.onset, episode.report_id) == ("inner_knee", day(-20), 4)


def test_scores_below_3_start_nothing():
    assert episodes(frames(pains=[pain(-20, during=2, after=2, next_morning=2)])) == []


def test_a_sore_report_within_14_days_of_the_last_continues_the_episode():
    # −6 is 14 days after −20: inside "its date − 14 … its date − 1", so no new onset.
    fr = frames(pains=[pain(-20, during=3), pain(-6, after=4)])

    assert [e.onset for e in episodes(fr)] == [day(-20)]


def test_15_days_without_a_sore_report_make_the_next_one_a_new_episode():
    fr = frames(pains=[pain(-20, during=3), pain(-5, after=4)])

    assert [e.onset for e in episodes(fr)] == [day(-20), day(-5)]


def test_mild_reports_in_between_do_not_continue_an_episode():
    fr = frames(pains=[pain(-20, during=3), pain(-12, during=1), pain(-5, after=4)])

    assert [e.onset for e in episodes(fr)] == [day(-20), day(-5)]


def test_either_side_is_the_same_location():
    left = pain(-20, during=3)
    right = {**pain(-10, during=5), "side": "right"}

    assert [e.onset for e in episodes(frames(pains=[left, right]))] == [day(-20)]


def test_each_location_has_its_own_episodes():
    fr = frames(pains=[pain(-20, during=3), pain(-10, during=5, location="shin")])

    assert [(e.location, e.onset) for e in episodes(fr)] == [("inner_knee", day(-20)), ("shin", day(-10))]


@pytest.mark.parametrize(("offset", "listed"), [(-89, True), (-90, False)])
def test_episodes_whose_onset_lies_in_the_last_90_days_are_listed(offset, listed):
    assert bool(episodes(frames(pains=[pain(offset, next_morning=3)]))) is listed


def test_an_episode_continuing_from_before_the_90_days_is_not_listed_again():
    fr = frames(pains=[pain(-95, during=4), pain(-85, during=4)])

    assert episodes(fr) == []


# What came before


def test_a_session_spike_in_the_14_days_before_comes_with_its_run_and_ratio():
    runs = [run(-20, km=10, run_id=1), run(-5, km=12, run_id=2)]
    (item,) = before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.session_spike")

    assert item.date == day(-5)
    assert item.evidence == {"run_id": 2, "ratio": 0.2, "run_km": 12.0, "longest_30d_km": 10.0}


def test_a_run_exactly_10_percent_longer_is_not_a_spike():
    runs = [run(-20, km=10), run(-5, km=11)]

    assert before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.session_spike") == []


def test_a_spike_on_the_onset_day_or_more_than_14_days_before_is_left_out():
    on_the_day = [run(-30, km=10), run(0, km=15)]
    too_early = [run(-40, km=10), run(-15, km=15), run(-14, km=5)]

    assert before(frames(runs=on_the_day, pains=[pain(0, during=4)]), "overtraining.session_spike") == []
    assert before(frames(runs=too_early, pains=[pain(0, during=4)]), "overtraining.session_spike") == []


def test_each_code_is_listed_once_at_its_latest_date():
    # Two spikes: −10 (12 km vs 10 km) and −3 (14 km vs 12 km, 16.7 %); only −3 is listed.
    runs = [run(-20, km=10, run_id=1), run(-10, km=12, run_id=2), run(-3, km=14, run_id=3)]
    (item,) = before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.session_spike")

    assert item.date == day(-3)
    assert item.evidence["run_id"] == 3
    assert item.evidence["ratio"] == 0.17


def test_a_weekly_increase_over_30_percent_is_dated_on_the_windows_last_day():
    # 10 km on −20, 14 km on −9: the week ending x holds −9 for x in −9…−3, the week before holds −20
    # for x in −13…−7, so x = −9, −8, −7 compare 14 with 10 (+40 %); the latest is −7.
    runs = [run(-20, km=10), run(-9, km=14)]
    (item,) = before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.weekly_increase")

    assert item.date == day(-7)
    assert item.evidence == {"increase": 0.4, "week_km": 14.0, "prev_week_km": 10.0}


def test_a_weekly_increase_of_exactly_30_percent_is_not_listed():
    runs = [run(-20, km=10), run(-9, km=13)]

    assert before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.weekly_increase") == []


def test_a_weekly_increase_needs_two_weeks_of_log():
    # The log starts on −15: the week before x = −7 starts on −20, before the log.
    runs = [run(-15, km=10), run(-9, km=14)]

    assert before(frames(runs=runs, pains=[pain(0, during=4)]), "overtraining.weekly_increase") == []


def test_seven_days_without_rest_is_dated_on_the_windows_last_day():
    runs = [run(offset, km=5) for offset in range(-10, -3)]  # every day −10 … −4
    (item,) = before(frames(runs=runs, pains=[pain(0, during=4)]), "rest.missing")

    assert item.date == day(-4)
    assert item.evidence == {"rest_days_7d": 0, "run_streak_days": 7}


def test_six_days_in_a_row_are_not_a_missing_rest_day():
    runs = [run(offset, km=5) for offset in range(-10, -4)]

    assert before(frames(runs=runs, pains=[pain(0, during=4)]), "rest.missing") == []


def test_a_race_in_the_14_days_before_is_listed():
    runs = [run(-30, km=10), run(-6, km=10, kind="race", run_id=8)]
    (item,) = before(frames(runs=runs, pains=[pain(0, during=4)]), "race")

    assert item.date == day(-6)
    assert item.evidence == {"run_id": 8, "run_km": 10.0}


def test_a_run_in_a_shoe_past_its_retirement_distance_is_listed():
    # 805 km today; the 10 km run of −3 came after −10, so on −10 the pair had 795 km, on −3 805 km.
    runs = [run(-10, km=10, shoe=1, run_id=1), run(-3, km=10, shoe=1, run_id=2)]
    shoes = [shoe(1, logged_km=805, retire_km=800, first_offset=-300, name="Old trainers")]
    (item,) = before(frames(runs=runs, shoes=shoes, pains=[pain(0, during=4)]), "footwear.worn")

    assert item.date == day(-3)
    assert item.evidence == {"shoe_id": 1, "shoe": "Old trainers", "run_id": 2, "km": 805.0, "retire_at_km": 800.0}


def test_a_shoe_still_under_its_retirement_distance_is_not_listed():
    # 805 km on day +2, but only the run of +2, after the onset, took the pair past 800 km.
    runs = [run(-10, km=10, shoe=1), run(2, km=10, shoe=1)]
    shoes = [shoe(1, logged_km=805, retire_km=800, first_offset=-300)]
    fr = frames(runs=runs, shoes=shoes, pains=[pain(0, during=4)])

    assert before(fr, "footwear.worn", on=day(2)) == []


def test_the_first_runs_in_a_new_pair_are_listed():
    runs = [run(-30, km=8, shoe=1), run(-8, km=8, shoe=2, run_id=5), run(-5, km=8, shoe=2, run_id=6)]
    shoes = [shoe(1, 300, first_offset=-200), shoe(2, 16, first_offset=-8, name="New racers")]
    (item,) = before(frames(runs=runs, shoes=shoes, pains=[pain(0, during=4)]), "footwear.new_pair")

    assert item.date == day(-8)
    assert item.evidence == {"shoe_id": 2, "shoe": "New racers", "first_run_on": day(-8).isoformat(), "run_ids": [5, 6]}


def test_a_pair_first_used_before_the_window_is_not_new():
    runs = [run(-8, km=8, shoe=2)]
    shoes = [shoe(2, 100, first_offset=-15)]

    assert before(frames(runs=runs, shoes=shoes, pains=[pain(0, during=4)]), "footwear.new_pair") == []


def test_a_quiet_fortnight_lists_nothing():
    runs = [run(offset, km=8) for offset in (-40, -33, -26, -19, -12, -5)]

    assert before(frames(runs=runs, pains=[pain(0, during=4)])) == []


def test_items_come_in_date_order_and_the_document_has_the_documented_shape():
    runs = [run(-20, km=10, run_id=1), run(-9, km=14, run_id=2), run(-6, km=5, kind="race", run_id=3)]
    (episode,) = episodes(frames(runs=runs, pains=[pain(0, during=4)]))

    assert episode.document() == {
        "location": "inner_knee",
        "onset": ON.isoformat(),
        "before": [
            {
                "code": "overtraining.session_spike",
                "date": day(-9).isoformat(),
                "evidence": {"run_id": 2, "ratio": 0.4, "run_km": 14.0, "longest_30d_km": 10.0},
            },
            {
                "code": "overtraining.weekly_increase",
                "date": day(-7).isoformat(),
                "evidence": {"increase": 0.4, "week_km": 14.0, "prev_week_km": 10.0},
            },
            {"code": "race", "date": day(-6).isoformat(), "evidence": {"run_id": 3, "run_km": 5.0}},
        ],
    }
