"""A German browser in a real Chromium: the new account is German, a distance takes a decimal comma."""

import datetime as dt

from playwright.sync_api import expect

from runlog.log.models import Profile, Run
from tests.conftest import PASSWORD


def test_a_german_browser_signs_up_in_german_and_logs_10_comma_5_km(live_server, browser, shot):
    base = live_server.url
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(base + "/accounts/signup/")
        expect(page.locator("html")).to_be_visible()
        page.fill("#id_username", "greta")
        page.fill("#id_email", "greta@example.com")
        page.fill("#id_password1", PASSWORD)
        page.fill("#id_password2", PASSWORD)
        page.select_option("#id_timezone", "Europe/Berlin")
        page.click("main button[type=submit]")
        page.wait_for_url(base + "/")
        assert Profile.objects.get(user__username="greta").language == "de"
        shot(page, "signed-up-german")

        page.goto(base + "/runs/new/")
        page.fill("#id_date", dt.date.today().isoformat())
        page.fill("#id_time", "06:30")
        page.fill("#id_distance", "10,5")
        page.fill("#id_duration", "55:00")
        page.click("main form button[type=submit]")
        page.wait_for_url(base + "/runs/")
        expect(page.locator("#run-items")).to_contain_text("10,5 km")
        shot(page, "run-in-german")
        assert Run.objects.get(user__username="greta").distance_m == 10_500
    finally:
        context.close()
