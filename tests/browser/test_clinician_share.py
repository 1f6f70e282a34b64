"""The clinician share in a real browser: the runner makes an API token and a share in Settings, copies the
link, and a clinician opens it in a fresh browser (no session) on a 390 px phone; the PDF comes too."""

import io
import re
import shutil
import subprocess

import pypdf
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from runlog.sharing.models import ClinicianShare, ShareView
from tests.browser.conftest import SHOTS

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_runner_shares_twelve_weeks_and_a_clinician_opens_them_on_a_phone(live_server, page, browser, shot):
    call_command("seed_demo", stdout=io.StringIO())
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")

    # An API token first, from Settings (the same page lists the share's link).
    page.goto(live_server.url + "/settings/")
    page.get_by_role("link", name="API tokens").click()
    page.fill("#id_name", "Phone shortcut")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_test_id("secret")).to_be_visible()

    page.goto(live_server.url + "/settings/")
    page.get_by_role("link", name="Share with a clinician").click()
    expect(page.locator("#id_weeks")).to_have_value("12")
    expect(page.locator("#id_expires_in_days")).to_have_value("14")
    page.fill("#id_display_name", "Sam")
    page.check("#id_include_notes")
    page.get_by_role("button", name="Make a link").click()
    link = page.get_by_test_id("share-url").input_value()
    assert re.fullmatch(re.escape(live_server.url) + r"/share/[A-Za-z0-9_-]{43}/", link)
    shot(page, "settings-link")

    clinician = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = clinician.new_page()
    phone.set_default_timeout(10_000)
    errors = []
    phone.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = phone.goto(link)
    assert response.status == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    expect(phone.get_by_role("heading", name="Training report: Sam", level=1)).to_be_visible()
    assert phone.locator("table[data-testid=weeks] tbody tr").count() == 12
    assert phone.locator("svg.chart").count() >= 3  # distance, load and at least one pain location
    expect(phone.get_by_test_id("episode").first).to_contain_text("Inner knee from")
    expect(phone.get_by_test_id("plan").first).to_be_visible()
    expect(phone.get_by_test_id("notes")).to_contain_text("worse on the downhill")
    assert phone.locator("nav").count() == 0 and phone.locator("form").count() == 0
    hrefs = phone.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["report.pdf"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert "demo" not in phone.locator("body").inner_text().lower()
    shot(phone, "share-390px")

    pdf = clinician.request.get(link + "report.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "clinician-share-12-weeks.pdf"
    path.write_bytes(pdf.body())
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Training report: Sam" in text and "worse on the downhill" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(SHOTS / "clinician-share-pdf")], check=True)
    clinician.close()
    assert errors == []

    # The runner sees both openings, and revoking closes the link for the clinician.
    page.goto(live_server.url + "/settings/shares/")
    share = ClinicianShare.objects.get(display_name="Sam")
    assert list(ShareView.objects.filter(share=share).values_list("format", flat=True).order_by("id")) == [
        "html",
        "pdf",
    ]
    item = page.locator(f"[data-testid=share]:has(code:text('/share/{share.prefix}…'))")
    expect(item.locator("summary")).to_have_text("Opened 2 times")
    item.get_by_role("button", name="Revoke").click()
    expect(
        page.locator(f"[data-testid=share][data-status=revoked]:has(code:text('/share/{share.prefix}…'))")
    ).to_be_visible()
    again = browser.new_context()
    assert again.new_page().goto(link).status == 404
    again.close()


def test_the_calendar_feed_page_makes_and_replaces_its_address_in_a_browser(live_server, page):
    call_command("seed_demo", stdout=io.StringIO())
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")
    page.goto(live_server.url + "/settings/calendar/")

    page.get_by_role("button", name="Make my calendar address").click()
    first = page.locator("#feed-url").input_value()
    page.get_by_role("button", name="Make a new address").click()

    assert page.locator("#feed-url").input_value() not in ("", first)
