"""The activity in full, timed: the five files of the peer benchmark through the upload page (samples and
originals stored), a 4-hour 1 Hz FIT, and the run page of that 4-hour run (server time and bytes), with the
route as an SVG only (the default) and on map tiles (MAP_TILE_URL set).

    RUNLOG_BENCH=1 .venv/bin/python -m pytest -q tests/benchmarks/test_activity_bench.py \
        --benchmark-columns=min,median,mean
"""

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from runlog.log.models import Profile, Run
from runlog.settings import map_tiles
from tests.activity.fit_writer import long_run_fit
from tests.factories import UserFactory

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
PEERS = [
    "gpx/runpandas_strava_export.gpx",
    "gpx/runpandas_nike_run.gpx",
    "tcx/tcxparser_test.tcx",
    "fit/runpandas_run.fit",
    "fit/fitparse_2013-02-06-12-11-14.fit",
]
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def runner_client(db):
    user = UserFactory(username="bench")
    Profile.objects.create(user=user, timezone="Europe/Berlin")
    client = Client()
    client.force_login(user)
    return user, client


def test_five_peer_files_through_the_upload_page(benchmark, runner_client):
    user, client = runner_client
    files = [(Path(name).name, (TESTDATA / name).read_bytes()) for name in PEERS]

    def upload():
        client.post("/import/", {"files": [SimpleUploadedFile(name, data) for name, data in files]})

    benchmark.pedantic(upload, setup=lambda: _forget(user), rounds=7, iterations=1)
    assert Run.objects.filter(user=user).count() == 5


def _forget(user) -> None:
    """Between rounds: the runs go (so the next upload is no duplicate), and with them their files."""
    Run.objects.filter(user=user).delete()


def _long_fit() -> bytes:
    return long_run_fit(dt.datetime(2026, 3, 1, 6, tzinfo=dt.UTC))


def test_a_four_hour_fit_through_the_upload_page(benchmark, runner_client):
    user, client = runner_client
    data = _long_fit()

    def upload():
        client.post("/import/", {"files": [SimpleUploadedFile("long.fit", data)]})

    benchmark.pedantic(upload, setup=lambda: _forget(user), rounds=5, iterations=1)
    assert Run.objects.get(user=user).recording.sample_count == 4 * 3600


@pytest.mark.parametrize("tiles", [False, True], ids=["svg", "on-tiles"])
def test_the_run_page_of_a_four_hour_run(benchmark, runner_client, settings, tiles):
    if tiles:  # the route on map tiles too: Leaflet and the visible points (static files not counted)
        settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION, _ = map_tiles(
            "https://t.example.org/{z}/{x}/{y}.png", "©"
        )
    user, client = runner_client
    client.post("/import/", {"files": [SimpleUploadedFile("long.fit", _long_fit())]})
    run = Run.objects.get(user=user)
    path = f"/runs/{run.pk}/"
    client.get(path)  # warm

    response = benchmark.pedantic(lambda: client.get(path), rounds=20, iterations=1)

    benchmark.extra_info["bytes"] = len(response.content)
    print(f"\nrun page of a 4-hour run ({'on tiles' if tiles else 'SVG'}): {len(response.content)} bytes")
    assert response.status_code == 200
    assert ("route-map" in response.content.decode()) == tiles
