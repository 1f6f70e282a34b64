"""Languages in a real Chromium: a German browser's new account is German and a distance takes a decimal
comma; in each language a runner logs a run and reads the risk panel on a phone."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from runlog.log.models import Profile, Run
from tests.conftest import PASSWORD
from tests.factories import ProfileFactory, UserFactory


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


# One journey per language, on a 390 px phone: a runner whose Settings say the language logs a run far
# longer than their recent longest and reads the risk panel. The texts expected are the catalogue's own.
LANGUAGES = ("en", "de", "fr", "es", "nl")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_runner_logs_a_run_and_reads_the_risk_panel_in_their_language(live_server, browser, shot, language):
    user = UserFactory(username=f"runner-{language}", password=PASSWORD)
    ProfileFactory(user=user, timezone="UTC", language=language)
    Run.objects.create(user=user, start=timezone.now() - dt.timedelta(days=10), distance_m=10_000, duration_s=3300)
    with translation.override(language):
        title = gettext("A run much longer than your recent longest")
        heading = gettext("Injury risk")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(live_server.url + "/")
        expect(page.locator("html")).to_have_attribute("lang", language)

        form = page.locator("#run-new-form")
        form.locator("#id_distance").fill("25")
        form.locator("#id_duration").fill("2:30:00")
        form.locator("button[type=submit]").click()

        spike = page.locator("#risk-panel [data-code='overtraining.session_spike']")
        expect(spike).to_contain_text(title)
        expect(page.locator("#risk-panel h2").first).to_contain_text(heading)
        assert Run.objects.filter(user=user, distance_m=25_000).count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shot(page, f"risk-panel-{language}")
    finally:
        context.close()
