"""The API's heaviest reads, timed in-process (server time, no network) with their queries counted: a page of
100 runs and the risk document for a runner with ten years of near-daily history and one with 90 days, and
the samples and splits of a 4-hour 1 Hz run.

    RUNLOG_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/test_api_bench.py --benchmark-only -p no:randomly \
        --benchmark-columns=min,median,mean -s
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from runlog.api.models import ApiToken
from runlog.api.tokens import create_token
from runlog.imports.files import Upload, import_files
from runlog.log.models import Run
from tests.activity.fit_writer import long_run_fit
from tests.api.conftest import ApiClient
from tests.benchmarks.conftest import TODAY


@pytest.fixture(autouse=True)
def frozen(settings):
    settings.API_RATE_LIMIT = "1000000/min"  # the benchmark's rounds are not a client to slow down
    with time_machine.travel(dt.datetime.combine(TODAY, dt.time(12), dt.UTC), tick=True):
        yield


def api_for(profile) -> ApiClient:
    return ApiClient(create_token(profile.user, "bench", ApiToken.Scope.READ)[1])


def timed(benchmark, api, path, data=None, rounds=30):
    api.get(path, data)  # warm
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path, data)
    assert response.status_code == 200, response.content
    benchmark.extra_info["queries"] = len(queries)
    benchmark.extra_info["bytes"] = len(response.content)
    print(f"\n{path} {data or ''}: {len(queries)} queries, {len(response.content)} bytes")
    benchmark.pedantic(lambda: api.get(path, data), rounds=rounds, iterations=1)
    return response


@pytest.mark.parametrize("history", ["ten_years", "ninety_days"])
def test_a_page_of_100_runs(benchmark, history, request):
    profile = request.getfixturevalue(history)

    response = timed(benchmark, api_for(profile), "/api/v1/runs", {"per_page": 100})

    assert len(response.json()["items"]) == min(100, Run.objects.filter(user=profile.user).count())


@pytest.mark.parametrize("history", ["ten_years", "ninety_days"])
def test_the_risk_document(benchmark, history, request):
    profile = request.getfixturevalue(history)

    response = timed(benchmark, api_for(profile), "/api/v1/risk", rounds=20)

    assert response.json()["on"] == TODAY.isoformat()


@pytest.fixture
def four_hours(ninety_days):
    data = long_run_fit(dt.datetime(2026, 3, 1, 6, tzinfo=dt.UTC))
    (report,) = import_files(ninety_days, [Upload("long.fit", data)])
    assert report.created == 1, report.summary()
    return ninety_days, Run.objects.get(user=ninety_days.user, recording__original_name="long.fit")


@pytest.mark.parametrize("route", ["samples", "splits"])
def test_a_four_hour_runs_samples_and_splits(benchmark, route, four_hours):
    profile, run = four_hours

    response = timed(benchmark, api_for(profile), f"/api/v1/runs/{run.pk}/{route}", rounds=10)

    if route == "samples":
        assert len(response.json()["t_s"]) == 4 * 3600
