"""After a log change the home page refreshes its risk panel and charts in one request, on one frames load."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from runlog.log.versions import bump_log_version
from tests.factories import RunFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
FRAMES_QUERIES = 5  # runs, cross-training, pain, shoes and shoe totals: injuries/assessment.py


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def logged(alice):
    for day in range(20, 25):
        RunFactory(user=alice, start=local(dt.date(2026, 11, day)), distance_m=8_000, duration_s=2_700)
    return alice


def queries_after_a_change(client, user, path: str) -> list[str]:
    bump_log_version(user.pk)  # as saving a run does: nothing cached for the new version
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, HTTP_HX_REQUEST="true").status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_the_home_page_refreshes_its_risk_panel_through_the_combined_panels(alice_client, logged):
    html = alice_client.get("/").content.decode()

    assert 'id="risk-panel" hx-get="/panels/" hx-trigger="logChanged from:body"' in html
    charts = html[html.index('<section id="charts"') :].split(">", 1)[0]
    assert "hx-trigger" not in charts and "hx-swap-oob" not in charts  # refreshed with the risk panel


def test_the_panels_answer_holds_the_risk_panel_and_the_charts_out_of_band(alice_client, logged):
    html = alice_client.get("/panels/", HTTP_HX_REQUEST="true").content.decode()

    assert html.lstrip().startswith('<section class="card" id="risk-panel"')
    assert '<section id="charts" hx-swap-oob="outerHTML"' in html
    assert 'id="chart-data"' in html


def test_one_log_change_loads_the_frames_once_for_both_panels(alice_client, logged):
    separate = queries_after_a_change(alice_client, logged, "/risk/panel/") + queries_after_a_change(
        alice_client, logged, "/charts/"
    )
    combined = queries_after_a_change(alice_client, logged, "/panels/")

    def frames_loads(sqls):
        return sum(1 for sql in sqls if 'FROM "injuries_painreport"' in sql)

    assert frames_loads(separate) == 2
    assert frames_loads(combined) == 1
    assert len(combined) <= len(separate) - FRAMES_QUERIES


def test_the_risk_panel_alone_still_refreshes_itself_elsewhere(alice_client, logged):
    html = alice_client.get("/risk/panel/", HTTP_HX_REQUEST="true").content.decode()

    assert 'hx-get="/risk/panel/"' in html and "chart-data" not in html
