"""How long an assessment takes, and what the home page costs, for 90 days and 10 years of history.

Run with `make bench`. Figures, not assertions: the equal query count is pinned in
tests/dashboard/test_home_and_frames.py.
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from injuries.assessment import assessment_for, load_frames
from injuries.risk import assess

from .conftest import TODAY

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen(db):  # the test database first: created under a travelling clock, it is not found
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.mark.parametrize("persona", ["ninety_days", "ten_years"])
def test_assess_from_the_database(benchmark, persona, request):
    profile = request.getfixturevalue(persona)
    benchmark.group = "assessment incl. loading frames (5 queries), with a plan and episodes"
    result = benchmark(assessment_for, profile, TODAY)
    assert result.metrics["week_km"] is not None


@pytest.mark.parametrize("persona", ["ninety_days", "ten_years"])
def test_assess_pure(benchmark, persona, request):
    profile = request.getfixturevalue(persona)
    frames = load_frames(profile, TODAY)
    benchmark.group = "assess() on DataFrames"
    benchmark(assess, frames, TODAY)


@pytest.mark.parametrize("persona", ["ninety_days", "ten_years"])
def test_home_page(benchmark, persona, request):
    profile = request.getfixturevalue(persona)
    client = Client()
    client.force_login(profile.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    benchmark.extra_info["queries"] = len(queries.captured_queries)
    benchmark.extra_info["html_bytes"] = len(response.content)
    benchmark.group = "home page (server time)"
    print(f"\n{persona}: home page {len(queries.captured_queries)} queries, {len(response.content)} bytes")
    benchmark(client.get, "/")


@pytest.mark.parametrize("persona", ["ninety_days", "ten_years"])
def test_the_personas_carry_a_plan_episodes_and_a_step_rate(persona, request):
    profile = request.getfixturevalue(persona)
    result = assess(load_frames(profile, TODAY), TODAY)
    print(
        f"\n{persona}: plan phase {result.plan.phase} ({result.plan.status}, {len(result.plan.sessions)} sessions), "
        f"{len(result.episodes)} episodes, step rate {result.metrics['cadence_spm']}"
    )
    assert result.plan is not None and result.plan.sessions
    assert result.episodes
    assert result.metrics["cadence_spm"] is not None
