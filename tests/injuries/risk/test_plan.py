"""The return-to-run plan (docs/risk-rules.md): offer, baseline, each session's report and zone, and every
transition — climb, hold, step back, pause, resume, done — derived from the log alone."""

import datetime as dt

import pytest

from injuries.risk import assess
from injuries.risk.plan import baseline_for
from tests.factories import ON, day, frames, pain, plan, run, session

GREEN = {"during": 1, "after": 2, "next_morning": 0}
AMBER = {"during": 4, "after": 3, "next_morning": 0}
RED = {"during": 6, "after": 4, "next_morning": 0}


def logged(*entries, location="inner_knee"):
    """(offset, scores or None) → plan sessions, each with an unlinked report of that day (None: no report)."""
    runs, pains = [], []
    for i, (offset, scores) in enumerate(entries):
        runs.append(session(offset, run_id=100 + i))
        if scores is not None:
            pains.append(pain(offset, location=location, report_id=500 + i, **scores))
    return runs, pains


def plan_after(*entries, start=-20, on=ON, extra_pains=(), extra_runs=(), **plan_fields):
    runs, pains = logged(*entries)
    fr = frames(
        runs=[*runs, *extra_runs], pains=[*pains, *extra_pains], plans=[plan(start, **plan_fields)], first_offset=-60
    )
    return assess(fr, on).plan


def every_other_day(count, last=-10, scores=GREEN):
    return [(last - 2 * i, scores) for i in reversed(range(count))]


# Climbing, holding, stepping back


def test_two_green_sessions_climb_to_the_next_phase():
    p = plan_after((-10, GREEN), (-8, GREEN))

    assert (p.phase, p.green_at_phase, p.last_session, p.status) == (2, 0, "green", "active")
    assert p.next_session == {"repeats": 6, "run_min": 2, "walk_min": 3}
    assert [s.outcome for s in p.sessions] == ["green", "climbed"]


def test_one_green_session_is_counted_at_its_phase():
    p = plan_after((-10, GREEN))

    assert (p.phase, p.green_at_phase) == (1, 1)
    assert p.next_session == {"repeats": 6, "run_min": 1, "walk_min": 4}


def test_green_sessions_need_not_be_in_a_row():
    # A session without a report does not count, so it does not break the pair either.
    p = plan_after((-10, GREEN), (-8, None), (-6, GREEN))

    assert (p.phase, p.green_at_phase) == (2, 0)


def test_an_amber_session_holds_the_phase_and_clears_its_green_count():
    p = plan_after((-10, GREEN), (-8, AMBER), (-6, GREEN))

    assert (p.phase, p.green_at_phase, p.last_session) == (1, 1, "green")
    assert [s.outcome for s in p.sessions] == ["green", "held", "green"]


def test_a_red_session_steps_back_one_phase():
    p = plan_after((-14, GREEN), (-12, GREEN), (-10, GREEN), (-8, RED))

    assert (p.phase, p.green_at_phase, p.last_session) == (1, 0, "red")
    assert p.sessions[-1].outcome == "stepped_back"
    assert p.sessions[-1].phase == 2  # run at phase 2


def test_a_red_session_at_phase_1_stays_at_phase_1():
    p = plan_after((-10, GREEN), (-8, RED))

    assert (p.phase, p.green_at_phase, p.last_session) == (1, 0, "red")


def test_stepping_back_and_climbing_again():
    # 1 → 2 → 3, red back to 2, two greens to 3 again.
    entries = [(-22, GREEN), (-20, GREEN), (-18, GREEN), (-16, GREEN), (-14, RED), (-12, GREEN), (-10, GREEN)]
    p = plan_after(*entries, start=-25)

    assert p.phase == 3
    assert [s.phase for s in p.sessions] == [1, 1, 2, 2, 3, 2, 2]


# Zones


@pytest.mark.parametrize(
    ("during", "after", "zone"),
    [(2, None, "green"), (None, 2, "green"), (0, 0, "green"), (3, 1, "amber"), (1, 5, "amber"), (6, 0, "red")],
)
def test_a_session_zone_by_its_pain_during_and_after(during, after, zone):
    p = plan_after((-8, {"during": during, "after": after, "next_morning": 0}))

    assert p.sessions[0].zone == zone


def test_a_missing_during_or_after_score_counts_as_0():
    p = plan_after((-8, {"during": None, "after": 6, "next_morning": None}))

    assert p.sessions[0].zone == "red"


@pytest.mark.parametrize(("morning", "zone"), [(None, "green"), (1, "green"), (2, "green"), (3, "red")])
def test_the_next_morning_against_the_plan_baseline(morning, zone):
    # The plan's baseline is 2: a morning score of 2 is back to baseline, 3 is above it.
    p = plan_after((-8, {"during": 1, "after": 1, "next_morning": morning}), baseline=2)

    assert p.sessions[0].zone == zone


def test_amber_session_pain_with_the_morning_above_baseline_is_red():
    p = plan_after((-8, {"during": 4, "after": 4, "next_morning": 1}), baseline=0)

    assert p.sessions[0].zone == "red"


# A session's report


def test_a_session_without_a_report_is_unknown_and_does_not_count():
    p = plan_after((-10, None), (-8, None))

    assert (p.phase, p.green_at_phase, p.last_session) == (1, 0, "unknown")
    assert [s.zone for s in p.sessions] == ["unknown", "unknown"]
    assert "log the scores" in p.sessions[0].why


def test_the_next_day_report_serves_a_session_without_one_that_day():
    runs = [session(-10, run_id=1), session(-8, run_id=2)]
    pains = [pain(-9, **GREEN, report_id=11), pain(-7, **GREEN, report_id=12)]
    p = assess(frames(runs=runs, pains=pains, plans=[plan(-20)]), ON).plan

    assert [s.report_id for s in p.sessions] == [11, 12]
    assert p.phase == 2


def test_a_linked_report_comes_before_one_of_the_same_day():
    runs = [session(-8, run_id=7)]
    pains = [pain(-8, **GREEN, report_id=1), pain(-7, **RED, report_id=2, run_id=7)]
    p = assess(frames(runs=runs, pains=pains, plans=[plan(-20)]), ON).plan

    assert (p.sessions[0].report_id, p.sessions[0].zone) == (2, "red")


def test_a_report_linked_to_another_run_does_not_serve_the_session():
    runs = [run(-8, run_id=6), session(-8, run_id=7)]
    pains = [pain(-8, **GREEN, report_id=1, run_id=6)]
    p = assess(frames(runs=runs, pains=pains, plans=[plan(-20)]), ON).plan

    assert p.sessions[0].zone == "unknown"


def test_a_report_serves_one_session_the_earliest_it_can():
    # Day −8's report is the next-day report of the session of day −9, so the session of −8 has none.
    runs = [session(-9, run_id=1), session(-8, run_id=2)]
    p = assess(frames(runs=runs, pains=[pain(-8, **GREEN, report_id=5)], plans=[plan(-20)]), ON).plan

    assert [(s.report_id, s.zone) for s in p.sessions] == [(5, "green"), (None, "unknown")]


def test_among_several_candidates_the_worst_zone_counts():
    pains = [pain(-8, **GREEN, report_id=1), pain(-8, **AMBER, report_id=2)]
    p = assess(frames(runs=[session(-8, run_id=1)], pains=pains, plans=[plan(-20)]), ON).plan

    assert (p.sessions[0].report_id, p.sessions[0].zone) == (2, "amber")


def test_a_report_of_another_location_does_not_serve_the_plan():
    p = assess(frames(runs=[session(-8)], pains=[pain(-8, **RED, location="shin")], plans=[plan(-20)]), ON).plan

    assert p.sessions[0].zone == "unknown"


def test_runs_not_marked_as_sessions_and_sessions_before_the_start_do_not_count():
    runs = [run(-8, run_id=1), session(-25, run_id=2)]
    pains = [pain(-8, **GREEN), pain(-25, **GREEN)]
    p = assess(frames(runs=runs, pains=pains, plans=[plan(-20)]), ON).plan

    assert p.sessions == []
    assert (p.phase, p.last_session, p.green_at_phase) == (1, None, 0)


# Pause and resume


def swollen(scores=GREEN):
    return {**scores, "swelling": True}


def test_a_red_flag_symptom_pauses_the_plan_at_its_phase():
    p = plan_after((-12, GREEN), (-10, GREEN), (-8, swollen()), (-6, GREEN), (-4, GREEN))

    assert (p.status, p.phase, p.last_session) == ("paused", 2, "red")
    assert [s.outcome for s in p.sessions] == ["green", "climbed", "paused", "not_counted", "not_counted"]
    assert p.paused_on == day(-8)


def test_a_paused_plan_leaves_pain_red_flag_to_say_so():
    fr = frames(runs=logged((-8, swollen()))[0], pains=logged((-8, swollen()))[1], plans=[plan(-20)])
    codes = {f.code for f in assess(fr, ON).flags}

    assert "pain.red_flag" in codes
    assert "plan.return_to_run" not in codes  # a paused plan is still the plan


def test_pain_of_8_is_a_red_flag_and_pauses_too():
    p = plan_after((-8, {"during": 8}))

    assert p.status == "paused"


def test_confirming_again_resumes_and_sessions_count_from_that_date():
    entries = [(-12, GREEN), (-10, GREEN), (-8, swollen()), (-6, GREEN), (-4, GREEN), (-2, GREEN)]
    p = plan_after(*entries, cleared_offset=-5)

    assert (p.status, p.phase, p.green_at_phase) == ("active", 3, 0)
    assert [s.outcome for s in p.sessions] == ["green", "climbed", "paused", "not_counted", "green", "climbed"]


def test_a_confirmation_from_before_the_pause_does_not_resume_it():
    p = plan_after((-10, GREEN), (-8, swollen()), (-6, GREEN), cleared_offset=-15)

    assert p.status == "paused"


# Paused by the runner (a holiday, an illness): no symptom, the phase and its green count are kept


def test_a_runner_paused_plan_ignores_the_sessions_while_paused_and_keeps_its_phase():
    # Climbed to phase 2 on day -8, one green at phase 2 on day -6, paused on day -5: days -4 and -2 don't count.
    p = plan_after((-10, GREEN), (-8, GREEN), (-6, GREEN), (-4, GREEN), (-2, RED), paused_offset=-5)

    assert (p.status, p.phase, p.green_at_phase, p.last_session) == ("paused", 2, 1, "green")
    assert [s.outcome for s in p.sessions] == ["green", "climbed", "green", "not_counted", "not_counted"]
    assert (p.paused_on, p.paused_by_runner, p.paused_by) == (day(-5), True, [])
    assert p.next_session_on is None and not p.rest_today
    assert p.document()["status"] == "paused"
    assert p.document()["phase"] == 2


def test_a_runner_pause_with_no_session_since_is_paused_from_its_day():
    p = plan_after((-10, GREEN), paused_offset=-1)

    assert (p.status, p.phase, p.green_at_phase, p.paused_on) == ("paused", 1, 1, day(-1))


def test_a_plan_read_before_the_runner_paused_it_is_still_active():
    # The digest reads past weeks: on day -3 the pause of day -1 had not happened yet.
    p = plan_after((-10, GREEN), (-8, GREEN), on=ON - dt.timedelta(days=3), paused_offset=-1)

    assert (p.status, p.phase) == ("active", 2)


def test_resuming_a_runner_pause_counts_sessions_from_that_day_at_the_kept_phase():
    # One green at phase 2 before the pause; day -4 is skipped (paused); day -2 is the second green: phase 3.
    p = plan_after((-10, GREEN), (-8, GREEN), (-6, GREEN), (-4, RED), (-2, GREEN), paused_offset=-5, cleared_offset=-3)

    assert (p.status, p.phase, p.green_at_phase, p.paused_by_runner) == ("active", 3, 0, False)
    assert [s.outcome for s in p.sessions] == ["green", "climbed", "green", "not_counted", "climbed"]
    assert p.sessions[-1].why == "Second green session at phase 2: on to phase 3."


def test_a_session_on_the_resume_day_counts():
    p = plan_after((-10, GREEN), (-6, GREEN), paused_offset=-8, cleared_offset=-6)

    assert [s.outcome for s in p.sessions] == ["green", "climbed"]
    assert (p.status, p.phase) == ("active", 2)


def test_a_clearance_from_before_the_runner_pause_does_not_resume_it():
    # Cleared at the start (a red flag then), paused by the runner later: still paused.
    p = plan_after((-10, GREEN), (-4, GREEN), cleared_offset=-20, paused_offset=-6)

    assert (p.status, p.phase, p.green_at_phase) == ("paused", 1, 1)
    assert [s.outcome for s in p.sessions] == ["green", "not_counted"]


def test_a_red_flag_while_the_runner_paused_does_not_pause_again():
    # The plan was already paused: the swollen session does not count, and pain.red_flag still says so.
    runs, pains = logged((-10, GREEN), (-4, swollen()))
    fr = frames(runs=runs, pains=pains, plans=[plan(-20, paused_offset=-6)], first_offset=-60)
    assessed = assess(fr, ON)

    assert (assessed.plan.status, assessed.plan.paused_by_runner, assessed.plan.green_at_phase) == ("paused", True, 1)
    assert [s.outcome for s in assessed.plan.sessions] == ["green", "not_counted"]
    assert "pain.red_flag" in {f.code for f in assessed.flags}


def test_a_red_flag_pause_before_the_runner_pause_stays_a_red_flag_pause():
    p = plan_after((-10, GREEN), (-8, swollen()), paused_offset=-3)

    assert (p.status, p.paused_on, p.paused_by_runner, p.paused_by) == ("paused", day(-8), False, ["swelling"])


def test_a_done_plan_is_not_paused_by_a_later_pause_date():
    p = plan_after(*every_other_day(16, last=-4), start=-40, paused_offset=-2)

    assert p.status == "done"


def test_resumed_with_no_session_since_is_active_again():
    p = plan_after((-10, GREEN), (-8, swollen()), cleared_offset=-3)

    assert (p.status, p.phase, p.last_session) == ("active", 1, "red")


# Done


def test_two_green_sessions_at_phase_8_finish_the_plan():
    p = plan_after(*every_other_day(16), start=-45)

    assert p.document()["status"] == "done"
    assert (p.phase, p.green_at_phase, p.next_session) == (8, 2, None)
    assert p.done_on == day(-10)


def test_sessions_after_the_plan_is_done_do_not_count():
    p = plan_after(*every_other_day(16), (-8, RED), start=-45)

    assert (p.status, p.phase, p.last_session) == ("done", 8, "green")
    assert p.sessions[-1].outcome == "not_counted"


# Rest days


def test_in_phases_1_to_6_the_day_after_a_session_is_a_rest_day():
    yesterday = plan_after((-1, GREEN))
    two_days_ago = plan_after((-2, GREEN))

    assert yesterday.rest_today is True
    assert yesterday.next_session_on == day(1)
    assert two_days_ago.rest_today is False
    assert two_days_ago.next_session_on == ON


def test_from_phase_7_sessions_may_follow_day_after_day():
    p = plan_after(*every_other_day(12, last=-1), start=-30)

    assert p.phase == 7
    assert p.rest_today is False
    assert p.next_session_on == ON


def test_a_session_on_the_day_after_another_still_counts():
    p = plan_after((-6, GREEN), (-5, GREEN))

    assert p.phase == 2
    assert p.sessions[1].day_after_another is True
    assert "keep a day off between sessions" in p.sessions[1].why


# Baseline


def test_the_baseline_is_the_last_morning_score_before_the_start_day():
    fr = frames(
        pains=[
            pain(-30, next_morning=2),
            pain(-25, next_morning=1),
            pain(-22, next_morning=4, location="shin"),  # another location
            pain(-21, during=5),  # no morning score
            pain(-20, next_morning=6),  # the start day itself
        ]
    )

    assert baseline_for(fr.pain, "inner_knee", day(-20)) == 1.0
    assert baseline_for(fr.pain, "kneecap", day(-20)) == 0.0


# What risk_report shows


def test_the_plan_document_has_exactly_the_documented_shape():
    p = plan_after((-10, GREEN), (-8, GREEN), (-6, AMBER))

    assert p.document() == {
        "kind": "return_to_run",
        "location": "inner_knee",
        "started_on": "2026-11-05",
        "phase": 2,
        "phases": 8,
        "status": "active",
        "last_session": "amber",
        "green_at_phase": 0,
        "next_session": {"repeats": 6, "run_min": 2, "walk_min": 3},
    }


def test_continuous_phases_have_one_repeat_and_no_walking():
    p = plan_after(*every_other_day(12), start=-40)

    assert p.next_session == {"repeats": 1, "run_min": 30, "walk_min": 0}
    assert p.next_session_label == "30 min continuous"


def test_the_plan_reported_is_the_latest_started_on_or_before_the_day():
    fr = frames(plans=[plan(-10, plan_id=2, location="kneecap"), plan(-30, plan_id=1)])

    assert assess(fr, ON).plan.started_on == day(-10)
    assert assess(fr, day(-15)).plan.started_on == day(-30)
    assert assess(fr, day(-31)).plan is None


def test_a_newer_plan_takes_the_sessions_from_its_start():
    runs, pains = logged((-12, GREEN), (-10, GREEN), (-4, GREEN))
    fr = frames(runs=runs, pains=pains, plans=[plan(-20, plan_id=1), plan(-5, plan_id=2)])

    assert [s.day for s in assess(fr, ON).plan.sessions] == [day(-4)]


def test_a_plan_ended_early_is_no_longer_reported():
    p = plan_after((-10, GREEN), ended_offset=-5)

    assert p is None


def test_no_plan_is_null():
    assert assess(frames(runs=[run(-1)]), ON).plan is None


# The offer


def offers(fr, on=ON):
    return [f for f in assess(fr, on).flags if f.code == "plan.return_to_run"]


@pytest.mark.parametrize(("offset", "offered"), [(-27, True), (-28, False)])
def test_a_red_report_of_the_last_28_days_offers_a_plan(offset, offered):
    found = offers(frames(pains=[pain(offset, during=6, next_morning=0)]))

    assert bool(found) is offered
    if offered:
        assert found[0].severity == "info"
        assert found[0].evidence == {
            "location": "inner_knee",
            "date": day(offset).isoformat(),
            "reason": "red_zone",
            "needs_confirmation": False,
        }


def test_a_report_red_by_its_morning_score_offers_a_plan():
    assert offers(frames(pains=[pain(-20, next_morning=1), pain(-15, during=2, next_morning=3)]))


@pytest.mark.parametrize("scores", [GREEN, AMBER])
def test_green_and_amber_reports_offer_nothing(scores):
    assert offers(frames(pains=[pain(-5, **scores)])) == []


def test_a_red_flag_offers_a_plan_that_needs_a_confirmation_first():
    (flag,) = offers(frames(pains=[pain(-3, during=1, swelling=True)]))

    assert flag.evidence["reason"] == "red_flag"
    assert flag.evidence["needs_confirmation"] is True
    assert "clinician" in flag.message


def test_a_red_flag_older_than_14_days_no_longer_needs_the_confirmation():
    (flag,) = offers(frames(pains=[pain(-20, during=1, warmth=True)]))

    assert flag.evidence["needs_confirmation"] is False


def test_an_active_or_paused_plan_blocks_the_offer():
    red = pain(-3, during=7, next_morning=0)
    active = frames(pains=[red], plans=[plan(-2)])
    runs, pains = logged((-2, swollen()))
    paused = frames(runs=runs, pains=[red, *pains], plans=[plan(-2)])

    assert assess(active, ON).plan.status == "active"
    assert offers(active) == []
    assert assess(paused, ON).plan.status == "paused"
    assert offers(paused) == []


def test_a_done_or_ended_plan_does_not_block_a_new_offer():
    runs, pains = logged(*every_other_day(16, last=-30))
    red = pain(-3, during=7, next_morning=0, location="kneecap")
    done = frames(runs=runs, pains=[*pains, red], plans=[plan(-70)])
    ended = frames(pains=[red], plans=[plan(-10, ended_offset=-5)])

    assert assess(done, ON).plan.status == "done"
    assert len(offers(done)) == 1
    assert len(offers(ended)) == 1


# The plan and the other rules


def test_while_a_plan_is_active_overtraining_returning_is_silent():
    runs = [run(-40, run_id=1), session(-1, run_id=2)]
    pains = [pain(-1, **RED)]
    without = assess(frames(runs=runs, pains=pains), ON)
    during = assess(frames(runs=runs, pains=pains, plans=[plan(-5)]), ON)

    assert "overtraining.returning" in {f.code for f in without.flags}
    assert "overtraining.returning" not in {f.code for f in during.flags}
    assert "pain.monitor" in {f.code for f in during.flags}  # every other rule still runs


def test_once_the_plan_is_done_ordinary_rules_apply_again():
    runs, pains = logged(*every_other_day(16, last=-70))
    fr = frames(runs=[*runs, run(-1, run_id=99)], pains=pains, plans=[plan(-110)])
    result = assess(fr, ON)

    assert result.plan.status == "done"
    assert "overtraining.returning" in {f.code for f in result.flags}


def test_assessing_an_earlier_day_replays_the_plan_as_it_stood():
    runs, pains = logged((-10, GREEN), (-8, GREEN), (-6, GREEN))
    fr = frames(runs=runs, pains=pains, plans=[plan(-20)])

    assert assess(fr, day(-9)).plan.phase == 1
    assert assess(fr, day(-8)).plan.phase == 2
    assert assess(fr, ON).plan.on == ON
    assert isinstance(assess(fr, ON).plan.started_on, dt.date)
