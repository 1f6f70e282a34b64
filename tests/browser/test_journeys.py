"""Journeys in a real browser: sign-up to a red-flag warning, charts, calendar, phone width."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from injuries.models import PainReport
from runlog.log.models import Run, Shoe

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-enough-passphrase"


def sign_up(page, base, username="carol"):
    page.goto(base + "/accounts/signup/")
    page.fill("#id_username", username)
    page.fill("#id_email", f"{username}@example.com")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.select_option("#id_timezone", "UTC")
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name=f"Hi {username}")).to_be_visible()


def test_from_sign_up_to_a_red_flag_and_back(live_server, page, shot):
    base = live_server.url
    sign_up(page, base)
    shot(page, "signed-up")

    # Units to miles.
    page.goto(base + "/settings/")
    page.select_option("#id_units", "mi")
    page.click("main form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Settings saved")
    shot(page, "miles")

    # Log a run on the dashboard: it appears and the week total updates without a reload.
    page.goto(base + "/")
    page.evaluate("window.__noReload = true")
    form = page.locator("#run-new-form")
    form.locator("#id_distance").fill("5")
    form.locator("#id_duration").fill("45:00")
    form.locator("button[type=submit]").click()
    expect(page.locator("#run-items")).to_contain_text("5.0 mi")
    expect(page.locator("#week")).to_contain_text("5.0 mi")
    assert page.evaluate("window.__noReload") is True
    expect(page.locator("#followup")).to_contain_text("Any pain on this run?")
    shot(page, "run-logged")

    # Add a shoe, then tag the run with it through the inline edit.
    page.goto(base + "/shoes/")
    page.locator("#shoe-new-form #id_name").fill("Pegasus 40")
    page.locator("#shoe-new-form button[type=submit]").click()
    expect(page.locator("#shoe-items")).to_contain_text("Pegasus 40")
    page.goto(base + "/runs/")
    run = Run.objects.get(user__username="carol")
    page.locator(f"#run-{run.pk} >> text=Edit").click()
    page.locator(f"#run-{run.pk} select[name=shoe]").select_option(label="Pegasus 40")
    page.locator(f"#run-{run.pk} button[type=submit]").click()
    expect(page.locator(f"#run-{run.pk}.editing")).to_have_count(0)  # the row is back from edit mode
    expect(page.locator(f"#run-{run.pk}")).to_contain_text("Pegasus 40")
    assert Run.objects.get(pk=run.pk).shoe == Shoe.objects.get(name="Pegasus 40")
    shot(page, "shoe-tagged")

    # Inner-knee pain with swelling, chosen on the body map.
    page.goto(base + "/pain/new/")
    page.locator(".bodymap .region[data-location='inner_knee'][data-side='right']").click()
    expect(page.locator("input[name=location][value=inner_knee]")).to_be_checked()
    expect(page.locator("input[name=side][value=right]")).to_be_checked()
    page.select_option("#id_during", "4")
    page.check("#id_swelling")
    shot(page, "body-map")
    page.click("main form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Saved the pain report")

    page.goto(base + "/")
    warning = page.locator("#risk-panel [data-code='pain.red_flag']")
    expect(warning).to_contain_text("Seek medical attention")
    expect(warning.locator(".tag.high")).to_be_visible()
    shot(page, "red-flag")

    # Edit the report: without swelling, the red flag goes away.
    report = PainReport.objects.get(user__username="carol")
    page.goto(base + f"/pain/{report.pk}/edit/")
    page.uncheck("#id_swelling")
    page.click("main form button[type=submit]")
    page.goto(base + "/")
    expect(page.locator("#risk-panel [data-code='pain.red_flag']")).to_have_count(0)
    shot(page, "warning-updated")
    assert page.errors == []


def test_the_risk_panel_refreshes_itself_when_a_run_is_logged(live_server, page, shot):
    sign_up(page, live_server.url, "dora")
    dora = Run._meta.get_field("user").related_model.objects.get(username="dora")
    Run.objects.create(
        user=dora, start=dt.datetime.now(dt.UTC) - dt.timedelta(days=10), distance_m=10_000, duration_s=3300
    )
    page.goto(live_server.url + "/")
    expect(page.locator("#risk-panel")).not_to_contain_text("much longer")
    page.evaluate("window.__noReload = true")

    form = page.locator("#run-new-form")
    form.locator("#id_distance").fill("25")
    form.locator("#id_duration").fill("2:30:00")
    form.locator("button[type=submit]").click()

    spike = page.locator("#risk-panel [data-code='overtraining.session_spike']")
    expect(spike).to_contain_text("A run much longer than your recent longest")
    assert page.evaluate("window.__noReload") is True
    # The charts came in the same answer, out of band, and were drawn again with the new run.
    expect(page.locator("#charts table").first).to_contain_text("25.0 km")
    weekly_max = (
        "() => { const c = Chart.getChart('chart-weekly'); return c ? Math.max(...c.data.datasets[0].data) : 0; }"
    )
    for _ in range(50):  # wait_for_function would evaluate a string, which the page's CSP forbids
        if page.evaluate(weekly_max) >= 25:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(weekly_max) >= 25
    shot(page, "spike-without-reload")


def test_entry_buttons_delete_and_retire_in_place_and_ask_first(live_server, page, browser, shot):
    """The entries' Delete and Retire are links: htmx posts them with the page's CSRF header after a
    confirmation; without JavaScript they open a page that asks."""
    sign_up(page, live_server.url, "erin")
    erin = Run._meta.get_field("user").related_model.objects.get(username="erin")
    keep, drop = (
        Run.objects.create(
            user=erin, start=dt.datetime.now(dt.UTC) - dt.timedelta(days=d), distance_m=5000 + d, duration_s=1800
        )
        for d in (2, 3)
    )
    shoe = Shoe.objects.create(user=erin, name="Old pair")

    page.goto(live_server.url + "/runs/")
    page.once("dialog", lambda dialog: dialog.dismiss())  # "Cancel" keeps it
    page.locator(f"#run-{drop.pk} >> text=Delete").click()
    expect(page.locator(f"#run-{drop.pk}")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.evaluate("window.__noReload = true")
    page.locator(f"#run-{drop.pk} >> text=Delete").click()
    expect(page.locator(f"#run-{drop.pk}")).to_have_count(0)
    assert page.evaluate("window.__noReload") is True
    assert list(Run.objects.filter(user=erin)) == [keep]

    page.goto(live_server.url + "/shoes/")
    page.locator(f"#shoe-{shoe.pk} >> text=Retire").click()
    expect(page.locator(f"#shoe-{shoe.pk}")).to_contain_text("Unretire")
    shoe.refresh_from_db()
    assert shoe.retired_on is not None
    shot(page, "retired-in-place")

    # The same links without JavaScript.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    context.add_cookies(page.context.cookies())
    plain = context.new_page()
    plain.goto(live_server.url + "/runs/")
    plain.locator(f"#run-{keep.pk} >> text=Delete").click()
    expect(plain.get_by_role("heading", name="Delete this run?")).to_be_visible()
    assert Run.objects.filter(pk=keep.pk).exists()
    plain.get_by_role("button", name="Delete").click()
    expect(plain.locator(".messages")).to_contain_text("Deleted the run")
    assert not Run.objects.filter(pk=keep.pk).exists()
    plain.goto(live_server.url + "/shoes/")
    plain.locator(f"#shoe-{shoe.pk} >> text=Unretire").click()
    expect(plain.get_by_role("heading", name="Put Old pair back in use?")).to_be_visible()
    plain.get_by_role("button", name="Back in use").click()
    expect(plain.locator(".messages")).to_contain_text("back in use")
    shoe.refresh_from_db()
    assert shoe.retired_on is None
    shot(plain, "no-js-back-in-use")
    context.close()


def test_charts_render_and_the_range_switches_without_reload(live_server, page, shot):
    call_command("seed_demo", stdout=io.StringIO())
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")
    for chart in ("chart-weekly", "chart-load", "chart-longest", "chart-shoes", "chart-pain"):
        expect(page.locator(f"#{chart}")).to_have_attribute("data-rendered", "true")
    has_pixels = page.evaluate(
        "() => { const c = document.getElementById('chart-weekly');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " return d.some((v, i) => i % 4 === 3 && v > 0); }"
    )
    assert has_pixels
    page.evaluate("window.__noReload = true")
    page.click("[data-weeks='52']")
    expect(page.locator("[data-weeks='52']")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("Chart.getChart('chart-weekly').data.labels.length") == 52
    assert page.evaluate("window.__noReload") is True
    shot(page, "dashboard")


def test_the_calendar_navigates_months_and_opens_a_day(live_server, page, shot):
    sign_up(page, live_server.url, "erin")
    run = Run.objects.create(
        user=Run._meta.get_field("user").related_model.objects.get(username="erin"),
        start=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2),
        distance_m=7000,
        duration_s=2400,
    )
    page.goto(live_server.url + "/calendar/")
    title = page.locator("#month-title").inner_text()
    page.click("a[rel=next]")
    expect(page.locator("#month-title")).not_to_have_text(title)
    page.click("a[rel=prev]")
    expect(page.locator("#month-title")).to_have_text(title)
    page.locator("td.today a.day-link").click()
    expect(page.locator("#day-detail")).to_contain_text("7.0 km")
    expect(page.locator(f"#day-detail #run-{run.pk}")).to_be_visible()
    shot(page, "calendar")


@pytest.mark.parametrize(
    "path", ["/", "/runs/", "/pain/new/", "/calendar/", "/shoes/", "/import/", "/settings/", "/advice/"]
)
def test_a_390_px_phone_has_no_horizontal_scrolling(live_server, phone, shot, path):
    call_command("seed_demo", stdout=io.StringIO())
    phone.goto(live_server.url + "/accounts/login/")
    phone.fill("#id_username", "demo")
    phone.fill("#id_password", "demo-password")
    phone.click("main button[type=submit]")
    phone.goto(live_server.url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, re.sub(r"\W+", "-", path).strip("-") or "home")
    assert width <= 390, f"{path} is {width}px wide"
