"""Query counts of the API's heaviest reads, pinned: a list of 100 runs, and the risk document."""

import datetime as dt

import time_machine

from tests.factories import RunFactory, local


def test_a_page_of_100_runs_takes_a_fixed_number_of_queries(alice, alice_api, django_assert_max_num_queries):
    for day in range(100):
        RunFactory(user=alice, start=local(dt.date(2026, 8, 1) + dt.timedelta(days=day)))

    # The token, its last use, the profile, the count and the page: no query per run.
    with django_assert_max_num_queries(5):
        response = alice_api.get("/api/v1/runs", {"per_page": 100})

    assert len(response.json()["items"]) == 100


@time_machine.travel(dt.datetime(2026, 11, 10, 12, tzinfo=dt.UTC), tick=False)
def test_the_risk_document_takes_a_fixed_number_of_queries(alice, alice_api, django_assert_max_num_queries):
    for day in range(100):
        RunFactory(user=alice, start=local(dt.date(2026, 8, 1) + dt.timedelta(days=day)))

    with django_assert_max_num_queries(9):
        response = alice_api.get("/api/v1/risk")

    assert response.status_code == 200
