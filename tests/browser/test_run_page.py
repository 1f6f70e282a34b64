"""A run's own page and the records page in a real browser: no script errors or CSP violations on the
desktop, no horizontal scrolling at 390 px."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from runlog.imports.files import Upload, import_files
from runlog.log.models import profile_for

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")


def demo_with_a_watch_run():
    call_command("seed_demo", stdout=io.StringIO())
    demo = get_user_model().objects.get(username="demo")
    data = (TESTDATA / "fit/runpandas_run.fit").read_bytes()
    import_files(profile_for(demo), [Upload("runpandas_run.fit", data)])
    return demo.runs.get(recording__original_name="runpandas_run.fit")


def log_in(page, base):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")


def test_the_run_page_draws_its_route_and_charts_without_errors(live_server, page, shot):
    run = demo_with_a_watch_run()
    log_in(page, live_server.url)

    page.goto(f"{live_server.url}/runs/")
    page.locator("article.entry a", has_text="Details").first.click()  # the latest run's page
    expect(page.locator("h1")).to_contain_text("run")
    page.goto(f"{live_server.url}/runs/{run.pk}/")

    expect(page.locator("h1")).to_contain_text("5.8 km")
    expect(page.locator("svg.route path")).to_be_visible()
    expect(page.locator(".line-chart")).to_have_count(4)  # elevation, pace, heart rate, step rate
    page.locator("details summary", has_text="The same as a table").click()
    expect(page.locator("details table tbody tr").first).to_be_visible()
    shot(page, "run")
    page.click("text=Your records")
    expect(page.locator("h1")).to_have_text("Records and totals")
    shot(page, "records")


@pytest.mark.parametrize("which", ["run", "records"])
def test_the_run_page_and_records_fit_a_390_px_phone(live_server, phone, shot, which):
    run = demo_with_a_watch_run()
    log_in(phone, live_server.url)

    phone.goto(live_server.url + (f"/runs/{run.pk}/" if which == "run" else "/records/"))

    width = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, which)
    assert width <= 390, f"{which} is {width}px wide"
