"""Phone first, in a real Chromium at 390 x 844: the home page leads with the quick log form, a bottom bar
with the four places runners go most, tap targets of at least 44 px, and a run saved offline sent once
when the connection is back."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from injuries.models import PainReport
from runlog.log.models import Profile, Run
from tests.browser.conftest import SHOTS

pytestmark = pytest.mark.django_db(transaction=True)
HEIGHT = 844
TAP = 44

# Every visible control a thumb aims at: links of the bars, buttons, links drawn as buttons, form fields.
# A checkbox counts with its label (tapping either one ticks it). Links inside a sentence are not targets
# of their own (WCAG's inline exception).
SMALL_TARGETS = (Path(__file__).parent / "small_targets.js").read_text()


def log_in(page, base, username="demo", password="demo-password"):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(base + "/")


def new_runner(username="pat"):
    user = get_user_model().objects.create_user(username=username, password="a-long-enough-passphrase")
    Profile.objects.create(user=user, timezone="UTC")
    return user


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return get_user_model().objects.get(username="demo")


def test_with_a_plan_under_way_the_home_page_leads_with_the_log_form_then_the_plan(live_server, phone, shot, demo):
    log_in(phone, live_server.url)
    form = phone.locator("#run-new-form").bounding_box()
    assert form["y"] < HEIGHT / 2, f"the quick log form starts at {form['y']} px"
    # The plan's session, then the short risk summary, come right after the form; the full panel further down.
    plan = phone.locator("#plan-today").bounding_box()
    summary = phone.locator("#risk-summary").bounding_box()
    panel = phone.locator("#risk-panel").bounding_box()
    assert form["y"] < plan["y"] < summary["y"] < panel["y"]
    expect(phone.locator("#plan-today")).to_contain_text("phase")
    # The act-now warnings are open; the others wait behind one tap.
    high = phone.locator("#risk-summary > .flags .flag.high")
    more = phone.locator("#risk-summary details.risk-more")
    assert high.count() + more.count() >= 1
    if more.count():
        expect(more.locator(".flag").first).to_be_hidden()
        more.locator("summary").click()
        expect(more.locator(".flag").first).to_be_visible()
    bar = phone.locator("nav.bottom-nav")
    expect(bar).to_be_visible()
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] == pytest.approx(HEIGHT, abs=1)
    expect(bar.locator("a[aria-current=page]")).to_have_text(re.compile("Log a run"))
    shot(phone, "home-plan")
    # The top bar is one row, not three.
    assert phone.locator(".topbar").bounding_box()["height"] < 60


def test_without_a_plan_the_home_page_starts_with_the_log_form(live_server, phone, shot):
    new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    assert phone.locator("#run-new-form").bounding_box()["y"] < HEIGHT / 2
    expect(phone.locator("#plan-today")).to_be_hidden()
    expect(phone.locator("#risk-summary")).to_be_visible()
    shot(phone, "home-no-plan")


def test_on_a_wide_screen_the_risk_panel_stays_beside_the_log(live_server, page, demo):
    log_in(page, live_server.url)
    expect(page.locator("#risk-summary")).to_be_hidden()
    expect(page.locator("nav.bottom-nav")).to_be_hidden()
    log = page.locator("#run-new-form").bounding_box()
    panel = page.locator("#risk-panel").bounding_box()
    assert panel["x"] > log["x"] + log["width"]  # beside it, not below
    # Today's plan session is above both, across the page, as before.
    assert page.locator("#plan-today").bounding_box()["y"] < min(log["y"], panel["y"])


@pytest.mark.parametrize("where", ["home", "run", "import", "pain", "calendar", "calendar-day"])
def test_every_tap_target_is_at_least_44_px(live_server, phone, shot, demo, where):
    log_in(phone, live_server.url)
    run = Run.objects.filter(user=demo).order_by("-start").first()
    path = {
        "home": "/",
        "run": f"/runs/{run.pk}/",
        "import": "/import/",
        "pain": "/pain/new/",
        "calendar": "/calendar/",
        "calendar-day": "/calendar/",
    }[where]
    phone.goto(live_server.url + path)
    if where == "calendar-day":
        phone.locator("table.calendar a.day-link .run").first.click()  # a day with a run
        expect(phone.locator("#day-detail")).not_to_contain_text("Choose a day")
    small = phone.evaluate(SMALL_TARGETS, TAP)
    shot(phone, where)
    assert small == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_more_opens_the_whole_menu_above_the_bottom_bar(live_server, phone, shot, demo):
    log_in(phone, live_server.url)
    menu = phone.locator("#main-nav")
    expect(menu).to_be_hidden()
    more = phone.locator(".bottom-nav [data-menu-toggle]")
    expect(more).to_have_attribute("aria-expanded", "false")
    more.click()
    expect(menu).to_be_visible()
    expect(more).to_have_attribute("aria-expanded", "true")
    assert (
        menu.bounding_box()["y"] + menu.bounding_box()["height"] <= phone.locator(".bottom-nav").bounding_box()["y"] + 1
    )
    phone.screenshot(path=str(SHOTS / "phone-more-menu.png"))  # the viewport: the sheet is fixed to it
    assert phone.evaluate(SMALL_TARGETS, TAP) == []
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(more).to_be_focused()
    phone.keyboard.press(" ")
    expect(menu).to_be_visible()
    phone.keyboard.press("Escape")
    more.click()
    menu.get_by_role("link", name="Shoes").click()
    phone.wait_for_url("**/shoes/")


def test_a_run_saved_offline_is_sent_once_when_the_connection_is_back(live_server, phone, shot):
    user = new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.context.set_offline(True)
    form = phone.locator("#run-new-form")
    form.locator("#id_distance").fill("7.5")
    form.locator("#id_duration").fill("40:00")
    form.locator("button[type=submit]").click()
    status = phone.locator("#offline-status")
    expect(status).to_contain_text("Waiting to send: 1 run")
    expect(form.locator("#id_distance")).to_have_value("")  # ready for the next one
    shot(phone, "waiting")
    assert Run.objects.filter(user=user).count() == 0

    phone.context.set_offline(False)
    expect(status).to_contain_text("Sent: 1 run")
    expect(phone.locator("#run-items")).to_contain_text("7.5 km")
    shot(phone, "sent")
    assert Run.objects.filter(user=user).count() == 1
    run = Run.objects.get(user=user)
    assert (run.distance_m, run.duration_s) == (7500, 2400)

    # Nothing is sent twice: not after a reload, nor after the connection drops and comes back again.
    phone.reload()
    phone.context.set_offline(True)
    phone.context.set_offline(False)
    phone.reload()
    expect(status).to_be_hidden()
    assert Run.objects.filter(user=user).count() == 1
    assert phone.evaluate("localStorage.getItem('runlog.outbox.v1')") == "[]"


def test_a_resend_that_reached_the_server_before_creates_nothing(live_server, phone):
    """The connection died after the server saved the run but before the answer came back: the phone still
    has the entry and sends it again, with the same one-time token; the server keeps one run."""
    user = new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    token = phone.locator("#run-new-form input[name=form_token]").input_value()
    phone.context.set_offline(True)
    form = phone.locator("#run-new-form")
    form.locator("#id_distance").fill("6")
    form.locator("#id_duration").fill("33:00")
    form.locator("button[type=submit]").click()
    expect(phone.locator("#offline-status")).to_contain_text("Waiting to send: 1 run")
    kept = phone.evaluate("JSON.parse(localStorage.getItem('runlog.outbox.v1'))")
    assert dict(kept[0]["fields"])["form_token"] == token
    # The same post, as if it had reached the server once already.
    client_post = {name: value for name, value in kept[0]["fields"]}
    phone.context.set_offline(False)
    expect(phone.locator("#offline-status")).to_contain_text("Sent: 1 run")
    response = phone.request.post(
        live_server.url + "/runs/new/",
        form={
            **client_post,
            "csrfmiddlewaretoken": phone.locator("input[name=csrfmiddlewaretoken]").first.input_value(),
        },
    )
    assert response.ok
    assert Run.objects.filter(user=user).count() == 1


def test_a_pain_report_saved_offline_waits_and_is_sent(live_server, phone, shot):
    user = new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    phone.goto(live_server.url + "/pain/new/")
    phone.context.set_offline(True)
    phone.locator(".bodymap .region[data-location='shin'][data-side='left']").first.click()
    phone.select_option("#id_during", "3")
    phone.click("main form button[type=submit]")
    expect(phone.locator("#offline-status")).to_contain_text("Waiting to send: 1 pain report")
    shot(phone, "pain-waiting")
    phone.context.set_offline(False)
    expect(phone.locator("#offline-status")).to_contain_text("Sent: 1 pain report")
    assert PainReport.objects.filter(user=user).count() == 1


def test_an_expired_form_keeps_the_entry_and_says_so(live_server, phone):
    """Logged out in between (the session and CSRF token gone): the entry stays and the runner is told."""
    new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    phone.context.set_offline(True)
    form = phone.locator("#run-new-form")
    form.locator("#id_distance").fill("5")
    form.locator("#id_duration").fill("30:00")
    form.locator("button[type=submit]").click()
    expect(phone.locator("#offline-status")).to_contain_text("Waiting to send: 1 run")
    phone.context.clear_cookies()
    phone.context.set_offline(False)
    expect(phone.locator("#offline-status")).to_contain_text(re.compile("reload it|Log in again"))
    assert Run.objects.count() == 0
    assert len(phone.evaluate("JSON.parse(localStorage.getItem('runlog.outbox.v1'))")) == 1


def test_on_a_phone_the_charts_library_comes_when_the_charts_do(live_server, phone, demo):
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    log_in(phone, live_server.url)
    phone.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "chart" in url and "charts-loader" not in url]
    phone.locator("#charts").scroll_into_view_if_needed()
    expect(phone.locator("#chart-weekly")).to_have_attribute("data-rendered", "true")
    # Logging a run replaces the charts (out of band); they are drawn again.
    phone.locator("#run-new-form").scroll_into_view_if_needed()
    form = phone.locator("#run-new-form")
    form.locator("#id_distance").fill("4")
    form.locator("#id_duration").fill("24:00")
    form.locator("button[type=submit]").click()
    expect(phone.locator("#run-items")).to_contain_text("4.0 km")
    phone.locator("#charts").scroll_into_view_if_needed()
    expect(phone.locator("#chart-weekly")).to_have_attribute("data-rendered", "true")


def test_offline_a_page_that_cannot_load_says_what_waits_and_the_next_page_sends_it(live_server, phone, shot):
    user = new_runner()
    log_in(phone, live_server.url, "pat", "a-long-enough-passphrase")
    assert phone.evaluate("navigator.serviceWorker.ready.then(() => true)") is True
    phone.context.set_offline(True)
    form = phone.locator("#run-new-form")
    form.locator("#id_distance").fill("3")
    form.locator("#id_duration").fill("18:00")
    form.locator("button[type=submit]").click()
    expect(phone.locator("#offline-status")).to_contain_text("Waiting to send: 1 run")
    # Another page, still offline: the worker's offline page, the same for everyone, with the count.
    phone.goto(live_server.url + "/calendar/")
    expect(phone.get_by_role("heading", name="You are offline")).to_be_visible()
    expect(phone.locator("#offline-status")).to_contain_text("Waiting to send: 1 run")
    expect(phone.locator("body")).not_to_contain_text("pat")
    shot(phone, "offline-page")
    phone.context.set_offline(False)
    phone.goto(live_server.url + "/calendar/")  # opening a page sends what waits
    expect(phone.locator("#offline-status")).to_contain_text("Sent: 1 run")
    assert Run.objects.filter(user=user).count() == 1


def test_the_api_tokens_and_an_import_report_fit_a_390_px_phone(live_server, phone, shot):
    """The tokens table stacks (it was 438 px wide); an import's per-file counts sit side by side under
    the file's name, none over another."""
    from django.core.files.base import ContentFile

    from runlog.api.tokens import create_token
    from runlog.imports.tasks import import_now

    user = new_runner()
    create_token(user, "Phone shortcut for the morning runs")
    fit = (Path(__file__).resolve().parents[2] / "runlog" / "demo_files" / "runpandas_run.fit").read_bytes()
    batch = import_now(
        user,
        [
            ("a-rather-long-file-name-from-the-watch-2026-11-30.fit", ContentFile(fit, name="a.fit")),
            ("broken.gpx", ContentFile(b"<gpx></gpx>", name="broken.gpx")),
        ],
    )
    log_in(phone, live_server.url, user.username, "a-long-enough-passphrase")

    phone.goto(live_server.url + "/settings/api-tokens/")
    expect(phone.locator("main table")).to_contain_text("Phone shortcut for the morning runs")
    shot(phone, "api-tokens")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    phone.goto(live_server.url + f"/import/{batch.pk}/")
    cells = phone.locator("table.report tbody tr").first.locator("td")
    expect(cells.first).to_contain_text("a-rather-long")
    shot(phone, "import-report")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = [cells.nth(i).bounding_box() for i in range(1, 4)]
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left["x"] + left["width"] <= right["x"] or left["y"] + left["height"] <= right["y"], (left, right)
        assert left["width"] >= 30, left  # a label and its count, not squeezed to 1 %
