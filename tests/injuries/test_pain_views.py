"""The pain report pages, and the risk panel that answers them."""

import datetime as dt

import pytest
import time_machine

from injuries.models import PainReport
from tests.factories import PainReportFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_reporting_inner_knee_pain_with_swelling(alice_client, alice, htmx_headers):
    response = alice_client.post(
        "/pain/new/",
        {"date": "2026-11-25", "location": "inner_knee", "side": "left", "during": "4", "after": "5", "swelling": "on"},
        **htmx_headers,
    )

    assert response.status_code == 200
    report = PainReport.objects.get(user=alice)
    assert (report.during, report.after, report.next_morning, report.swelling) == (4, 5, None, True)
    assert "logChanged" in response["HX-Trigger-After-Settle"]


def test_the_risk_panel_says_seek_medical_attention_after_a_red_flag(alice_client, alice):
    PainReportFactory(user=alice, date=dt.date(2026, 11, 24), during=3, swelling=True)

    html = alice_client.get("/risk/panel/").content.decode()

    assert "Seek medical attention" in html
    assert 'data-code="pain.red_flag"' in html
    assert "Evidence C" in html  # the grade comes from the advice row


def test_editing_the_report_updates_the_panel(alice_client, alice):
    report = PainReportFactory(user=alice, date=dt.date(2026, 11, 24), during=3, swelling=True)
    alice_client.post(
        f"/pain/{report.pk}/edit/", {"date": "2026-11-24", "location": "inner_knee", "side": "left", "during": "1"}
    )

    html = alice_client.get("/risk/panel/").content.decode()

    assert "Seek medical attention" not in html
    assert "Nothing to flag" in html


def test_an_empty_report_is_a_form_error(alice_client, alice, htmx_headers):
    response = alice_client.post(
        "/pain/new/", {"date": "2026-11-25", "location": "inner_knee", "side": "left"}, **htmx_headers
    )

    assert response.status_code == 422
    assert "at least one moment" in response.content.decode()
    assert not PainReport.objects.exists()


def test_the_pain_list_shows_scores_and_symptoms(alice_client, alice):
    PainReportFactory(user=alice, during=4, after=6, next_morning=2, warmth=True)

    html = alice_client.get("/pain/").content.decode()

    assert "during 4 · after 6 · next morning 2" in html
    assert '<span class="tag high">warmth or redness</span>' in html


def test_stiffness_alone_is_not_tagged_as_a_red_flag(alice_client, alice):
    PainReportFactory(user=alice, during=2, stiffness=True)

    html = alice_client.get("/pain/").content.decode()

    assert '<span class="tag caution">stiffness or difficulty bending</span>' in html


def test_the_pain_list_query_count_does_not_grow_with_reports(alice_client, alice, django_assert_num_queries):
    from tests.factories import RunFactory

    PainReportFactory(user=alice)
    with django_assert_num_queries(6) as first:  # the quick-add form lists recent runs to link
        alice_client.get("/pain/")
    for day in range(1, 20):
        PainReportFactory(user=alice, date=dt.date(2026, 10, day), during=3, run=RunFactory(user=alice))
    with django_assert_num_queries(len(first.captured_queries)):
        alice_client.get("/pain/")
