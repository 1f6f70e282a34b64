"""The dashboard's charts data, the calendar, the morning prompt and the post-run pain follow-up."""

import datetime as dt

import pytest
import time_machine

from injuries.assessment import load_frames
from injuries.models import PainReport
from runlog.dashboard.charts import chart_data
from tests.dashboard.charts import chart_json
from tests.factories import CrossTrainingFactory, PainReportFactory, RunFactory, ShoeFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)  # Wednesday
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def data_for(user):
    return chart_data(user.profile, load_frames(user.profile, TODAY), TODAY)


def test_weekly_totals_cover_52_weeks_ending_this_week(alice):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 23)), distance_m=10_000)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)), distance_m=5_500)
    CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, 16), 18), duration_s=2700)
    RunFactory(user=alice, start=local(dt.date(2025, 11, 20)), distance_m=42_000)  # 53 weeks ago: not shown

    weekly = data_for(alice)["weekly"]

    assert len(weekly) == 52
    assert weekly[-1] == {"week": "2026-11-23", "km": 15.5, "xt_min": 0}
    assert weekly[-2] == {"week": "2026-11-16", "km": 0.0, "xt_min": 45}
    assert weekly[0]["week"] == "2025-12-01"
    assert sum(w["km"] for w in weekly) == 15.5


def test_longest_run_per_week_against_the_30_days_before(alice):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 5)), distance_m=12_000)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)), distance_m=21_100)

    this_week = data_for(alice)["longest"][-1]

    assert this_week == {"week": "2026-11-23", "longest_km": 21.1, "baseline_km": 12.0}


def test_load_series_matches_the_acwr_formula(alice):
    for offset in range(30):
        RunFactory(user=alice, start=local(TODAY - dt.timedelta(days=offset)), duration_s=1200, rpe=5)

    load = data_for(alice)["load"]

    assert len(load) == 30  # from the first session
    assert load[-1] == {"day": "2026-11-25", "load": 100, "acute": 100.0, "chronic": 100.0}


def test_shoe_wear_lists_active_pairs_with_their_state(alice):
    worn = ShoeFactory(user=alice, name="Old", start_m=700_000)
    ShoeFactory(user=alice, name="New")
    ShoeFactory(user=alice, name="Gone", start_m=900_000, retired_on=dt.date(2026, 1, 1))
    RunFactory(user=alice, shoe=worn, distance_m=10_000)

    shoes = data_for(alice)["shoes"]

    assert shoes == [
        {"name": "Old", "km": 710, "retire_km": 800, "state": "caution"},
        {"name": "New", "km": 0, "retire_km": 800, "state": "ok"},
    ]


def test_the_dashboard_carries_chart_data_and_canvases(alice_client, alice):
    PainReportFactory(user=alice, date=dt.date(2026, 11, 20), during=4, after=5)
    html = alice_client.get("/").content.decode()

    data = chart_json(html)
    assert data["pain"] == [
        {
            "day": "2026-11-20",
            "location": "inner_knee",
            "where": "Inner knee",
            "during": 4,
            "after": 5,
            "next_morning": None,
        }
    ]
    for canvas in ("chart-weekly", "chart-load", "chart-longest", "chart-pain"):
        assert f'id="{canvas}"' in html
    assert "runlog/vendor/chart.umd.min.js" in html
    assert "As a table" in html


def test_every_chart_has_its_numbers_as_a_table(alice_client, alice):
    """Screen readers and browsers without JavaScript get each chart's data: one "As a table" per canvas,
    the training load's with the last days' load, acute and chronic values."""
    shoe = ShoeFactory(user=alice)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 1)), distance_m=8_000, shoe=shoe)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 23)), distance_m=10_000, shoe=shoe)
    PainReportFactory(user=alice, date=dt.date(2026, 11, 20), during=4, after=5)

    html = alice_client.get("/").content.decode()

    charts = html.split('<section id="charts"', 1)[1].split("</section>", 1)[0]
    assert charts.count("<canvas") == charts.count("<details><summary>As a table</summary>") == 5
    load = charts.split('id="chart-load"', 1)[1].split("</details>", 1)[0]
    assert load.count("<tr><td>") == 14  # the last two weeks, today last
    assert f"<tr><td>{TODAY.isoformat()}</td><td>0</td>" in load
    assert "<tr><td>2026-11-12</td><td>" in load and "<td>2026-11-11</td>" not in load


def test_the_weeks_switch_works_as_plain_links(alice_client, alice):
    html = alice_client.get("/?weeks=26").content.decode()

    assert 'data-weeks="26" aria-pressed="true"' in html
    assert 'href="?weeks=52"' in html


def test_the_dashboard_asks_for_yesterdays_morning_score(alice_client, alice, htmx_headers):
    report = PainReportFactory(user=alice, date=dt.date(2026, 11, 24), during=4)

    assert "this morning?" in alice_client.get("/").content.decode()
    response = alice_client.post(f"/pain/{report.pk}/morning/", {"next_morning": "2"}, **htmx_headers)

    assert response.status_code == 200
    assert "logChanged" in response["HX-Trigger-After-Settle"]
    assert PainReport.objects.get(pk=report.pk).next_morning == 2
    assert "this morning?" not in alice_client.get("/").content.decode()


def test_a_morning_score_must_be_chosen(alice_client, alice):
    report = PainReportFactory(user=alice, date=dt.date(2026, 11, 24), during=4)

    response = alice_client.post(f"/pain/{report.pk}/morning/", {"next_morning": ""})

    assert response.status_code == 422
    assert PainReport.objects.get(pk=report.pk).next_morning is None


def test_logging_a_run_offers_a_pain_follow_up_linked_to_it(alice_client, alice, htmx_headers):
    response = alice_client.post(
        "/runs/new/",
        {"date": "2026-11-25", "time": "07:00", "distance": "8", "duration": "45:00", "kind": "easy"},
        **htmx_headers,
    )
    run = alice.runs.get()
    html = response.content.decode()

    assert 'id="followup" hx-swap-oob="true"' in html
    assert f'href="/pain/new/?run={run.pk}"' in html
    form = alice_client.get(f"/pain/new/?run={run.pk}").content.decode()
    assert f'<option value="{run.pk}" selected>' in form


def test_the_pain_form_offers_the_body_map_and_the_radios(alice_client, alice):
    html = alice_client.get("/pain/new/").content.decode()

    assert 'class="bodymap"' in html and 'data-location="inner_knee"' in html
    assert 'name="location" value="inner_knee"' in html  # the keyboard and screen-reader form


def test_the_calendar_marks_runs_rest_days_cross_training_and_pain(alice_client, alice):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 3)), distance_m=8_800)
    CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, 4), 18), duration_s=1800)
    PainReportFactory(user=alice, date=dt.date(2026, 11, 3), during=6)

    html = alice_client.get("/calendar/?month=2026-11").content.decode()

    assert "November 2026" in html
    assert "Tuesday 3 November, ran 8.8 km, pain up to 6 of 10" in html
    assert "Wednesday 4 November, rest day, 30 minutes cross-training" in html
    assert 'href="?month=2026-12"' in html and 'href="?month=2026-10"' in html


def test_the_calendar_navigates_months_with_htmx(alice_client, alice, htmx_headers):
    html = alice_client.get("/calendar/?month=2026-10", HTTP_HX_TARGET="calendar", **htmx_headers).content.decode()

    assert "October 2026" in html and "<html" not in html


def test_a_calendar_day_lists_its_entries_for_editing(alice_client, alice, bob, htmx_headers):
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 3)), distance_m=8_800)
    RunFactory(user=bob, start=local(dt.date(2026, 11, 3), tz="America/New_York"), distance_m=4_000)

    html = alice_client.get("/calendar/2026-11-03/", **htmx_headers).content.decode()

    assert f'id="run-{run.pk}"' in html and f"/runs/{run.pk}/edit/" in html
    assert "4.0 km" not in html
    assert alice_client.get("/calendar/not-a-day/").status_code == 404


def test_the_calendar_query_count_is_fixed(alice_client, alice, django_assert_num_queries):
    with django_assert_num_queries(6) as first:
        alice_client.get("/calendar/?month=2026-11")
    for day in range(1, 29):
        RunFactory(user=alice, start=local(dt.date(2026, 11, day)))
    with django_assert_num_queries(len(first.captured_queries)):
        alice_client.get("/calendar/?month=2026-11")
