"""Journey on a 390 px phone: a red knee report, a return-to-run plan started from the risk panel, plan
sessions logged with their pain at once and the next morning, and the plan climbing to phase 2."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from injuries.models import PainReport, ReturnPlan
from runlog.log.models import Run

from .test_journeys import sign_up

pytestmark = pytest.mark.django_db(transaction=True)
MONDAY = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    yield page
    context.close()
    assert [e for e in errors if "status of 422" not in e] == []


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def log_plan_session(page, base, during: str, after: str):
    page.goto(base + "/")
    expect(page.locator("#plan-today")).to_contain_text("Today's session")
    form = page.locator("#run-new-form")
    expect(form.locator("#id_plan_session")).to_be_checked()
    form.locator("#id_distance").fill("3")
    form.locator("#id_duration").fill("30:00")
    form.locator("button[type=submit]").click()
    ask = page.locator("#followup form")
    expect(ask).to_contain_text("Plan session saved")
    ask.locator("select[name=during]").select_option(during)
    ask.locator("select[name=after]").select_option(after)
    ask.locator("button[type=submit]").click()
    expect(page.locator("#followup")).to_contain_text(f"Saved: {during}/10 during, {after}/10 after")
    expect(page.locator("#plan-today")).to_contain_text("a day off")  # refreshed with the rest of the page


def answer_the_morning(page, base, score: str):
    page.goto(base + "/")
    prompt = page.locator("section.morning").first
    expect(prompt).to_contain_text("this morning")
    prompt.locator("select[name=next_morning]").select_option(score)
    prompt.locator("button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(f"this morning's score of {score}/10 is saved")


def test_a_plan_started_from_the_risk_panel_climbs_after_two_green_sessions(live_server, phone_page, shot):
    base, page = live_server.url, phone_page
    with time_machine.travel(MONDAY, tick=True) as clock:
        sign_up(page, base, "rosa")
        PainReport.objects.create(
            user=get_user_model().objects.get(username="rosa"),
            date=MONDAY.date() - dt.timedelta(days=3),
            location="inner_knee",
            side="left",
            during=7,
            after=6,
            next_morning=2,
        )

        # The risk panel offers the plan; starting it asks where it hurt.
        page.goto(base + "/")
        offer = page.locator('#risk-panel li[data-code="plan.return_to_run"]')
        expect(offer).to_contain_text("return-to-run plan")
        shot(page, "offered")
        offer.get_by_role("link", name="Start a plan").click()
        expect(page.get_by_role("heading", name="Start a return-to-run plan")).to_be_visible()
        expect(page.locator("input[name=location][value=inner_knee]")).to_be_checked()
        no_sideways_scroll(page)
        shot(page, "start-form")
        page.get_by_role("button", name="Start the plan today").click()
        expect(page.locator("main")).to_contain_text("Phase 1 of 8")
        shot(page, "plan-started")

        # Monday: the first session, scored at once; Tuesday morning: the morning score.
        log_plan_session(page, base, "1", "1")
        no_sideways_scroll(page)
        shot(page, "session-scored")
        clock.move_to(MONDAY + dt.timedelta(days=1))
        answer_the_morning(page, base, "0")
        expect(page.locator("#plan-today")).to_contain_text("a day off")
        shot(page, "rest-day")

        # Wednesday: the second session; Thursday morning the plan has climbed.
        clock.move_to(MONDAY + dt.timedelta(days=2))
        log_plan_session(page, base, "0", "2")
        clock.move_to(MONDAY + dt.timedelta(days=3))
        answer_the_morning(page, base, "1")
        page.goto(base + "/")
        expect(page.locator("#plan-today")).to_contain_text("Phase 2 of 8: 6 × (2 min run, 3 min walk)")
        no_sideways_scroll(page)
        shot(page, "phase-2")

        plan = ReturnPlan.objects.get(user__username="rosa")
        page.goto(base + f"/plans/{plan.pk}/")
        expect(page.locator(".sessions")).to_contain_text("Second green session at phase 1: on to phase 2.")
        no_sideways_scroll(page)
        shot(page, "plan-page")

    assert Run.objects.filter(user__username="rosa", plan_session=True).count() == 2
    assert PainReport.objects.filter(user__username="rosa", run__plan_session=True).count() == 2
