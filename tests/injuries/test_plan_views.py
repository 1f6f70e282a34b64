"""The return-to-run plan in the app: offered, started with the confirmation the rules require, followed
from the dashboard, each session scored at once and the next morning, and the plan page."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from injuries.models import PainReport, ReturnPlan
from runlog.log.models import Run
from tests.factories import PainReportFactory, ReturnPlanFactory, RunFactory, ShoeFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 25)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def red_report(alice):
    # A morning score of 1 before, then 7 during a run three days ago: red in pain.monitor.
    PainReportFactory(user=alice, date=days_ago(9), during=1, next_morning=1)
    return PainReportFactory(user=alice, date=days_ago(3), during=7, after=6, next_morning=3)


def test_the_risk_panel_offers_a_plan_after_a_red_report(alice_client, red_report):
    html = alice_client.get("/risk/panel/").content.decode()

    assert 'data-code="plan.return_to_run"' in html
    assert 'href="/plans/start/"' in html


def test_starting_a_plan_fixes_its_baseline_from_the_last_morning_before_today(alice_client, alice, red_report):
    response = alice_client.post("/plans/start/", {"location": "inner_knee"})

    plan = ReturnPlan.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert (plan.location, plan.started_on, plan.baseline, plan.cleared_on) == ("inner_knee", TODAY, 3, None)


def test_while_a_red_flag_is_recent_starting_needs_the_confirmation(alice_client, alice):
    PainReportFactory(user=alice, date=days_ago(2), during=3, swelling=True)

    refused = alice_client.post("/plans/start/", {"location": "inner_knee"})
    started = alice_client.post("/plans/start/", {"location": "inner_knee", "cleared": "walking"})

    assert refused.status_code == 422
    assert "30 minutes of brisk walking are pain-free" in refused.content.decode()
    assert started.status_code == 302
    assert ReturnPlan.objects.get(user=alice).cleared_on == TODAY


def test_a_second_plan_cannot_start_while_one_is_under_way(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(5))

    response = alice_client.post("/plans/start/", {"location": "kneecap"})

    assert response["Location"] == f"/plans/{plan.pk}/"
    assert ReturnPlan.objects.filter(user=alice).count() == 1


def test_the_dashboard_leads_with_todays_session_and_marks_the_quick_log_run(alice_client, alice):
    ReturnPlanFactory(user=alice, started_on=days_ago(10))
    for n in (8, 6):
        run = RunFactory(user=alice, start=local(days_ago(n)), distance_m=3000, duration_s=1800, plan_session=True)
        PainReportFactory(user=alice, date=days_ago(n), run=run, during=1, after=1, next_morning=0)

    html = alice_client.get("/").content.decode()

    assert html.index('id="plan-today"') < html.index('id="risk-panel"')
    assert "Phase 2 of 8: 6 × (2 min run, 3 min walk)" in html
    assert re.search(r'<input type="checkbox" name="plan_session"[^>]*checked', html)
    assert "Today's session: Phase 2 of 8" in html


def test_a_saved_plan_session_asks_for_its_pain_at_once_then_next_morning(alice_client, alice, htmx_headers):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(4), location="kneecap")
    PainReportFactory(user=alice, date=days_ago(6), location="kneecap", side="right", during=2)

    created = alice_client.post(
        "/runs/new/",
        {"date": TODAY.isoformat(), "distance": "3", "duration": "30:00", "kind": "recovery", "plan_session": "on"},
        **htmx_headers,
    )
    run = Run.objects.get(user=alice, plan_session=True)
    assert f'hx-get="/plans/session/{run.pk}/pain/"' in created.content.decode()

    asked = alice_client.get(f"/plans/session/{run.pk}/pain/", **htmx_headers).content.decode()
    assert 'name="during"' in asked and 'name="after"' in asked
    saved = alice_client.post(
        f"/plans/session/{run.pk}/pain/", {"during": "1", "after": "2", "side": "right"}, **htmx_headers
    )
    assert "logChanged" in saved["HX-Trigger-After-Settle"]
    report = PainReport.objects.get(user=alice, run=run)
    assert (report.location, report.side, report.date, report.during, report.after) == ("kneecap", "right", TODAY, 1, 2)

    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        morning = alice_client.get("/").content.decode()
        assert f'action="/pain/{report.pk}/morning/"' in morning
        alice_client.post(f"/pain/{report.pk}/morning/", {"next_morning": "0"})
        page = alice_client.get(f"/plans/{plan.pk}/").content.decode()

    assert "Green: 1 more green session at phase 1 to move on." in page


def test_session_scores_need_during_or_after(alice_client, alice):
    ReturnPlanFactory(user=alice, started_on=days_ago(4))
    run = RunFactory(user=alice, start=local(TODAY), plan_session=True)

    response = alice_client.post(f"/plans/session/{run.pk}/pain/", {"side": "left"})

    assert response.status_code == 422
    assert not PainReport.objects.exists()


def test_the_plan_page_shows_the_ladder_and_why_each_session_counted(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(12))
    for n, (during, after) in zip((10, 8, 6), ((1, 1), (0, 2), (4, 3)), strict=True):
        run = RunFactory(user=alice, start=local(days_ago(n)), distance_m=3000, duration_s=1800, plan_session=True)
        PainReportFactory(user=alice, date=days_ago(n), run=run, during=during, after=after, next_morning=0)

    html = alice_client.get(f"/plans/{plan.pk}/").content.decode()

    assert "Phase 2 of 8" in html
    assert 'aria-current="step"' in html
    assert "Second green session at phase 1: on to phase 2." in html
    assert "Amber (pain 4/10): phase 2 is repeated." in html
    assert "End the plan early" in html


def test_a_paused_plan_resumes_only_with_the_confirmation(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10))
    run = RunFactory(user=alice, start=local(days_ago(4)), plan_session=True)
    PainReportFactory(user=alice, date=days_ago(4), run=run, during=2, swelling=True)
    assert "Paused since" in alice_client.get(f"/plans/{plan.pk}/").content.decode()

    alice_client.post(f"/plans/{plan.pk}/resume/", {})
    plan.refresh_from_db()
    assert plan.cleared_on is None

    alice_client.post(f"/plans/{plan.pk}/resume/", {"cleared": "clinician"})
    plan.refresh_from_db()
    assert plan.cleared_on == TODAY
    assert "Phase 1 of 8" in alice_client.get(f"/plans/{plan.pk}/").content.decode()


def test_a_runner_pauses_an_active_plan_and_the_dashboard_says_it_is_on_hold(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10))
    for n in (8, 6):  # two greens: phase 2
        run = RunFactory(user=alice, start=local(days_ago(n)), plan_session=True)
        PainReportFactory(user=alice, date=days_ago(n), run=run, during=1, after=1, next_morning=0)
    assert "Pause the plan" in alice_client.get(f"/plans/{plan.pk}/").content.decode()

    response = alice_client.post(f"/plans/{plan.pk}/pause/")
    plan.refresh_from_db()
    page = alice_client.get(f"/plans/{plan.pk}/").content.decode()
    home = alice_client.get("/").content.decode()

    assert response.status_code == 302
    assert (plan.paused_on, plan.cleared_on) == (TODAY, None)
    assert "Paused since 25 November" in page
    assert "Resume the plan" in page and 'name="cleared"' not in page  # no red flag: nothing to confirm
    assert "Return-to-run plan on hold" in home
    assert "You paused the plan on Wednesday 25 November" in home
    assert "phase 2 of 8" in home
    assert not re.search(r'<input type="checkbox" name="plan_session"[^>]*checked', home)  # runs are not sessions


def test_pausing_is_post_only_and_only_for_a_plan_under_way(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10))
    ended = ReturnPlanFactory(user=alice, started_on=days_ago(30), ended_on=days_ago(20))

    assert alice_client.get(f"/plans/{plan.pk}/pause/").status_code == 405
    alice_client.post(f"/plans/{ended.pk}/pause/")
    plan.refresh_from_db()
    ended.refresh_from_db()

    assert (plan.paused_on, ended.paused_on) == (None, None)


def test_resuming_a_runner_pause_asks_no_confirmation_and_sessions_from_today_count(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10), paused_on=days_ago(5))
    run = RunFactory(user=alice, start=local(days_ago(3)), plan_session=True)  # while paused
    PainReportFactory(user=alice, date=days_ago(3), run=run, during=1, after=1, next_morning=0)

    assert alice_client.get(f"/plans/{plan.pk}/resume/").status_code == 405
    alice_client.post(f"/plans/{plan.pk}/resume/", {})
    plan.refresh_from_db()
    page = alice_client.get(f"/plans/{plan.pk}/").content.decode()

    assert (plan.paused_on, plan.cleared_on) == (days_ago(5), TODAY)  # the pause stays: the log replays it
    assert "Phase 1 of 8" in page
    assert "Run while the plan was paused: it does not count." in page


def test_resuming_a_runner_pause_after_a_red_flag_needs_the_confirmation(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10), paused_on=days_ago(5))
    PainReportFactory(user=alice, date=days_ago(2), during=3, warmth=True)  # logged while on hold
    assert 'name="cleared"' in alice_client.get(f"/plans/{plan.pk}/").content.decode()

    alice_client.post(f"/plans/{plan.pk}/resume/", {})
    plan.refresh_from_db()
    assert plan.cleared_on is None

    alice_client.post(f"/plans/{plan.pk}/resume/", {"cleared": "walking"})
    plan.refresh_from_db()
    assert plan.cleared_on == TODAY


def test_an_active_plan_cannot_be_resumed(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10))

    alice_client.post(f"/plans/{plan.pk}/resume/", {"cleared": "clinician"})
    plan.refresh_from_db()

    assert plan.cleared_on is None


def test_ending_a_plan_early_keeps_it_in_the_history_and_allows_a_new_one(alice_client, alice):
    plan = ReturnPlanFactory(user=alice, started_on=days_ago(10))

    alice_client.post(f"/plans/{plan.pk}/end/")
    plan.refresh_from_db()
    page = alice_client.get("/plans/").content.decode()

    assert plan.ended_on == TODAY
    assert "ended 25 Nov" in page
    assert 'href="/plans/start/"' in page


def test_the_pain_page_shows_what_came_before_each_episode(alice_client, alice):
    new = ShoeFactory(user=alice, name="Racers")
    RunFactory(user=alice, start=local(days_ago(30)), distance_m=10_000)
    spike = RunFactory(user=alice, start=local(days_ago(6)), distance_m=13_000, shoe=new)
    PainReportFactory(user=alice, date=days_ago(2), during=4)

    listing = alice_client.get("/pain/").content.decode()
    html = alice_client.get("/pain/episodes/").content.decode()

    assert 'hx-get="/pain/episodes/"' in listing
    assert "these came before it; they may or may not be why" in html.lower()
    assert f'href="/runs/{spike.pk}/"' in html
    assert f'href="/shoes/{new.pk}/"' in html
    assert "30 % longer" in html


def test_the_home_page_costs_the_same_queries_with_a_plan_under_way(client, alice, bob, django_assert_num_queries):
    for user in (alice, bob):  # the same log, with flags (so both look up advice), one with a plan under way
        RunFactory(user=user, start=local(days_ago(2)), plan_session=user == alice)
        PainReportFactory(user=user, date=days_ago(2), during=6, after=6, next_morning=1)
    ReturnPlanFactory(user=alice, started_on=days_ago(5))
    counts = []
    for user in (bob, alice):
        browser = Client()
        browser.force_login(user)
        with django_assert_num_queries(16) as queries:  # as without a plan: the plan is read with the frames
            assert browser.get("/").status_code == 200
        counts.append(len(queries.captured_queries))

    assert counts[0] == counts[1]


def test_the_pain_page_offers_a_plan_after_a_red_report_until_one_is_under_way(alice_client, alice, red_report):
    offered = alice_client.get("/pain/episodes/", HTTP_HX_REQUEST="true").content.decode()
    ReturnPlanFactory(user=alice, started_on=TODAY)
    under_way = alice_client.get("/pain/episodes/", HTTP_HX_REQUEST="true").content.decode()

    assert 'data-code="plan.return_to_run"' in offered and 'href="/plans/start/"' in offered
    assert 'href="/plans/start/"' not in under_way
    assert "Phase 1 of 8: 6 × (1 min run, 4 min walk) (active)" in under_way


def test_a_session_without_scores_is_flagged_on_the_dashboard_with_a_link_to_add_them(alice_client, alice):
    ReturnPlanFactory(user=alice, started_on=days_ago(6))
    run = RunFactory(user=alice, start=local(days_ago(3)), distance_m=3000, duration_s=1800, plan_session=True)

    html = alice_client.get("/").content.decode()

    assert "Your last session has no pain scores yet" in html
    assert f'href="/plans/session/{run.pk}/pain/"' in html
