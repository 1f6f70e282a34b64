"""Keyboard-only journeys: no clicks and no fills, only Tab, arrows, Enter, Space and typing.

Log a run, log a pain report by choosing its place on the body map, import a file, start a return-to-
run plan; in each, every control reached shows a visible focus ring. The one exception is the file
chooser of the import: the browser's own dialog is not part of the page, so once Tab has reached the
file input the test hands it the file (set_input_files), as the dialog would.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from injuries.models import PainReport, ReturnPlan
from runlog.log.models import Profile, Run

pytestmark = pytest.mark.django_db(transaction=True)
WATCH_FILE = Path(settings.BASE_DIR) / "runlog" / "demo_files" / "runpandas_run.fit"


@pytest.fixture
def runner(live_server, page):
    """A signed-in runner (the session cookie of a login) on the browser page of the conftest."""
    user = get_user_model().objects.create_user("kim", "kim@example.com", "a-long-enough-passphrase")
    Profile.objects.update_or_create(user=user, defaults={"timezone": "UTC"})
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return user


def focused(page, selector):
    return page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector)


def assert_focus_is_visible(page):
    """The focused element (or the pill label around a radio) has a ring of 2 px or more; an SVG region, its stroke."""
    ring = page.evaluate(
        """() => { const el = document.activeElement;
                   const shown = el.closest('.pills label') || el;
                   const s = getComputedStyle(shown);
                   return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), stroke: s.stroke,
                           element: el.outerHTML.slice(0, 120)}; }"""
    )
    assert (ring["style"] != "none" and ring["width"] >= 2) or ring["stroke"] not in ("", "none"), ring


def tab_to(page, selector, limit=80, key="Tab"):
    """Press Tab until the element matching selector has the focus; every stop on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("document.activeElement !== document.body"):
            assert_focus_is_visible(page)
        if focused(page, selector):
            return
    raise AssertionError(f"{selector} not reached by {key} in {limit} presses")


def test_the_skip_link_is_first_and_moves_to_the_main_content(live_server, page, runner):
    page.goto(live_server.url + "/runs/")

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_log_a_run_with_the_keyboard(live_server, page, runner, shot):
    page.goto(live_server.url + "/")

    tab_to(page, "#run-new-form #id_distance")
    page.keyboard.type("6.5")
    tab_to(page, "#run-new-form #id_duration")
    page.keyboard.type("39:00")
    shot(page, "focus-in-the-form")
    tab_to(page, "#run-new-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("#run-items")).to_contain_text("6.5 km")
    run = Run.objects.get(user=runner)
    assert (run.distance_m, run.duration_s) == (6500, 39 * 60)


def test_log_a_pain_report_on_the_body_map_with_the_keyboard(live_server, page, runner, shot):
    page.goto(live_server.url + "/pain/new/")

    # One tab stop for the map: the region of the form's current choice (a new report starts at the left
    # inner knee); the arrows go round the regions in order, Home to the first.
    tab_to(page, ".bodymap .region")
    expect(page.locator(".bodymap .region:focus")).to_have_attribute("aria-label", "Left inner knee")
    expect(page.locator(".bm-chosen")).to_have_text("Chosen: Left inner knee")
    page.keyboard.press("Home")
    expect(page.locator(".bodymap .region:focus")).to_have_attribute("aria-label", "Right hip")
    for _ in range(4):  # left hip, right outer knee, right kneecap, right inner knee
        page.keyboard.press("ArrowRight")
    expect(page.locator(".bodymap .region:focus")).to_have_attribute("aria-label", "Right inner knee")
    expect(page.locator(".bodymap .region:focus")).to_have_attribute("aria-pressed", "false")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")

    expect(page.locator(".bodymap .region:focus")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".bm-chosen")).to_have_text("Chosen: Right inner knee")
    expect(page.locator("input[name=location][value=inner_knee]")).to_be_checked()
    expect(page.locator("input[name=side][value=right]")).to_be_checked()
    # Space chooses too, and the map keeps one tab stop: the chosen region.
    page.keyboard.press("ArrowLeft")
    page.keyboard.press(" ")
    expect(page.locator(".bm-chosen")).to_have_text("Chosen: Right kneecap")
    expect(page.locator(".bodymap .region[tabindex='0']")).to_have_count(1)
    shot(page, "body-map-by-keyboard")

    tab_to(page, "#id_during")
    page.keyboard.type("4")  # a closed select takes the option typed
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text("Saved the pain report")
    report = PainReport.objects.get(user=runner)
    assert (report.location, report.side, report.during) == ("kneecap", "right", 4)


def test_import_a_file_with_the_keyboard(live_server, page, runner):
    page.goto(live_server.url + "/import/")

    tab_to(page, "#id_files")
    page.set_input_files("#id_files", str(WATCH_FILE))  # what the browser's file dialog does
    expect(page.locator("#chosen-files")).to_contain_text(WATCH_FILE.name)
    tab_to(page, "#import-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("#import-status")).to_contain_text("1 created")
    assert Run.objects.filter(user=runner).count() == 1


def test_start_a_plan_with_the_keyboard(live_server, page, runner):
    PainReport.objects.create(
        user=runner,
        date=dt.date.today() - dt.timedelta(days=3),
        location="inner_knee",
        side="left",
        during=7,
        after=6,
        next_morning=2,
    )
    page.goto(live_server.url + "/plans/start/")

    tab_to(page, "input[name=location][value=inner_knee]")
    expect(page.locator("input[name=location][value=inner_knee]")).to_be_checked()
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text("Phase 1 of 8")
    assert ReturnPlan.objects.get(user=runner).location == "inner_knee"
