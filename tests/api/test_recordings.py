"""A run's samples, splits and original file through the API, from real watch files imported through the API:
the values the file holds (read from the file itself or the ANT SDK's dump of it), the same as the run's
page gives as JSON, the original byte for byte, and the queries each read costs."""

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from runlog.api.models import ApiToken
from runlog.log.models import Run
from tests.factories import RunFactory, recorded_run

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
FORERUNNER = "fit/runpandas_run.fit"  # 5839.77 m (PROVENANCE.md), 1202 records
STRAVA = "gpx/runpandas_strava_export.gpx"  # ≈ 12.6 km, 1697 points
CHANNELS = ["t_s", "distance_m", "lat", "lon", "elevation_m", "hr", "cadence_spm", "speed_m_s"]
MILE = 1609.344
SEMICIRCLE = 180 / 2**31  # degrees in one FIT semicircle


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def imported(api, name: str, data: bytes | None = None, upload_name: str | None = None) -> Run:
    """The file posted to /api/v1/imports (imports run inline in the tests), and the run it made."""
    upload = io.BytesIO((TESTDATA / name).read_bytes() if data is None else data)
    upload.name = upload_name or Path(name).name
    response = api.post("/api/v1/imports", data={"file": upload})
    assert response.status_code == 202, response.content
    batch = api.get(f"/api/v1/imports/{response.json()['id']}").json()
    assert batch["totals"]["created"] == 1, batch
    return Run.objects.get(recording__original_name=upload.name)


def test_samples_hold_what_the_fit_file_recorded(alice, alice_read_api, alice_api):
    run = imported(alice_api, FORERUNNER)

    response = alice_read_api.get(f"/api/v1/runs/{run.pk}/samples")

    samples = response.json()
    assert response.status_code == 200
    assert list(samples) == CHANNELS  # exactly the document's channels, in its order
    assert len(samples["t_s"]) == 1202
    # The file's record messages (fitdecode's dump of them): the first at 15:22:05, no position yet,
    # 1.6 m, −2.6 m high, 1.605 m/s, 100 bpm, 61 + 0.5 strides of one foot a minute = 123 steps.
    first = {name: values[0] for name, values in samples.items()}
    assert first == {
        "t_s": 0.0,
        "distance_m": 1.6,
        "lat": None,
        "lon": None,
        "elevation_m": -2.6,
        "hr": 100.0,
        "cadence_spm": 123.0,
        "speed_m_s": 1.605,
    }
    # The third at 15:22:13 (8 s in), 14.22 m, 96 bpm, −3 m.
    assert (samples["t_s"][2], samples["distance_m"][2], samples["hr"][2]) == (8.0, 14.22, 96.0)
    assert samples["elevation_m"][2] == -3.0
    # The 600th at 15:47:32 (1527 s in): 2656.33 m, 589376109 and 103899621 semicircles (49.401° N,
    # 8.71° E), 206.4 m, 1.241 m/s, 111 bpm, 52.5 strides a minute = 105 steps.
    i = 599
    assert (samples["t_s"][i], samples["distance_m"][i], samples["hr"][i]) == (1527.0, 2656.33, 111.0)
    assert samples["lat"][i] == pytest.approx(589376109 * SEMICIRCLE, abs=1e-7) == pytest.approx(49.4009, abs=1e-4)
    assert samples["lon"][i] == pytest.approx(103899621 * SEMICIRCLE, abs=1e-7) == pytest.approx(8.7087, abs=1e-4)
    assert (samples["elevation_m"][i], samples["speed_m_s"][i], samples["cadence_spm"][i]) == (206.4, 1.241, 105.0)


def test_samples_hold_what_the_gpx_file_recorded(alice, alice_api):
    run = imported(alice_api, STRAVA)

    samples = alice_api.get(f"/api/v1/runs/{run.pk}/samples").json()

    # 1697 <trkpt>; the first three at 08:54:28, :32 and :34, hr 174 and cad 84 (one foot: 168 steps).
    assert len(samples["t_s"]) == 1697
    assert samples["t_s"][:3] == [0.0, 4.0, 6.0]
    assert samples["lat"][:3] == [-8.045075, -8.045075, -8.045115]
    assert samples["lon"][:3] == [-34.893787, -34.893787, -34.89381]
    assert samples["elevation_m"][:3] == [12.7, 12.7, 12.7]
    assert samples["hr"][:3] == [174.0] * 3
    assert samples["cadence_spm"][:3] == [168.0] * 3
    assert samples["speed_m_s"] is None  # a GPX point carries no speed


def test_a_channel_the_file_lacks_is_null_and_a_missing_value_is_null_in_its_list(alice, alice_api):
    # The Nike GPX: elevation on 290 of its 727 points, no speed, no distance of its own.
    run = imported(alice_api, "gpx/runpandas_nike_run.gpx")

    samples = alice_api.get(f"/api/v1/runs/{run.pk}/samples").json()

    assert len(samples["t_s"]) == 727
    assert samples["speed_m_s"] is None
    assert sum(value is not None for value in samples["elevation_m"]) == 290
    assert all(len(samples[name]) == 727 for name in CHANNELS if samples[name] is not None)


@pytest.mark.parametrize("name", [FORERUNNER, STRAVA, "tcx/tcxparser_test.tcx"])
def test_samples_and_splits_are_the_run_pages_own(name, alice, alice_api, alice_client):
    run = imported(alice_api, name)

    api_samples = alice_api.get(f"/api/v1/runs/{run.pk}/samples").json()
    page_samples = alice_client.get(reverse("run_samples", args=[run.pk])).json()

    # Every position too, the first and last 200 m included: the page's JSON gives the runner their own
    # positions (only drawings of the route leave the privacy zone out), and so does the API.
    assert api_samples == {name: page_samples[name] for name in CHANNELS}
    for unit in ("km", "mi"):
        api_splits = alice_api.get(f"/api/v1/runs/{run.pk}/splits", {"unit": unit}).json()
        page_splits = alice_client.get(reverse("run_splits", args=[run.pk]), {"unit": unit}).json()
        assert api_splits == [{key: split[key] for key in api_splits[0]} for split in page_splits]
        assert list(api_splits[0]) == [
            "index",
            "distance_m",
            "duration_s",
            "avg_hr",
            "avg_cadence_spm",
            "elevation_gain_m",
        ]


def test_splits_of_the_forerunner_run_per_km_and_per_mile(alice, alice_api):
    run = imported(alice_api, FORERUNNER)

    kilometres = alice_api.get(f"/api/v1/runs/{run.pk}/splits").json()
    miles = alice_api.get(f"/api/v1/runs/{run.pk}/splits", {"unit": "mi"}).json()

    # 5839.77 m: five whole kilometres and 839.77 m; three whole miles and 5839.77 − 3 × 1609.344 m.
    assert [split["index"] for split in kilometres] == [1, 2, 3, 4, 5, 6]
    assert [split["distance_m"] for split in kilometres[:5]] == [1000.0] * 5
    assert kilometres[5]["distance_m"] == pytest.approx(839.77, abs=0.05)
    assert [split["distance_m"] for split in miles[:3]] == [round(MILE, 2)] * 3
    assert miles[3]["distance_m"] == pytest.approx(5839.77 - 3 * MILE, abs=0.05)
    assert all(isinstance(split["avg_hr"], int) for split in kilometres)  # the file has heart rate throughout
    # Moving time only: the splits add up to no more than the 3164.6 s the run took from start to end.
    assert sum(split["duration_s"] for split in kilometres) <= 3164.6 + 1


def test_the_strava_gpx_has_13_kilometre_and_8_mile_splits(alice, alice_api):
    run = imported(alice_api, STRAVA)

    kilometres = alice_api.get(f"/api/v1/runs/{run.pk}/splits", {"unit": "km"}).json()
    miles = alice_api.get(f"/api/v1/runs/{run.pk}/splits", {"unit": "mi"}).json()

    # ≈ 12.6 km (PROVENANCE.md): 12 whole kilometres and a remainder; 7.8 miles: 7 and a remainder.
    assert len(kilometres) == 13 and len(miles) == 8
    assert 500 < kilometres[-1]["distance_m"] < 700


def test_splits_are_per_kilometre_even_for_a_runner_who_reads_miles(bob, bob_api):
    run = imported(bob_api, FORERUNNER)  # bob's profile is in miles

    assert len(bob_api.get(f"/api/v1/runs/{run.pk}/splits").json()) == 6


@pytest.mark.parametrize("unit", ["furlong", "KM", ""])
def test_a_unit_other_than_km_or_mi_is_refused_naming_the_parameter(unit, alice, alice_api):
    run = recorded_run(alice)

    response = alice_api.get(f"/api/v1/runs/{run.pk}/splits", {"unit": unit})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "unit"]


def test_the_original_is_the_file_as_uploaded(alice, alice_read_api, alice_api):
    run = imported(alice_api, FORERUNNER)

    response = alice_read_api.get(f"/api/v1/runs/{run.pk}/original")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (TESTDATA / FORERUNNER).read_bytes()
    assert response["Content-Type"] == "application/vnd.ant.fit"
    assert response["Content-Disposition"] == 'attachment; filename="runpandas_run.fit"'


@pytest.mark.parametrize(
    ("name", "upload_name", "compress", "media_type"),
    [
        (STRAVA, "runpandas_strava_export.gpx", False, "application/gpx+xml"),
        ("tcx/tcxparser_test.tcx", "tcxparser_test.tcx", False, "application/vnd.garmin.tcx+xml"),
        (FORERUNNER, "forerunner.FIT.gz", True, "application/gzip"),  # gzipped as uploaded, kept so
    ],
)
def test_the_original_has_its_media_type_and_name(name, upload_name, compress, media_type, alice, alice_api):
    data = (TESTDATA / name).read_bytes()
    uploaded = gzip.compress(data) if compress else data
    run = imported(alice_api, name, uploaded, upload_name)

    response = alice_api.get(f"/api/v1/runs/{run.pk}/original")

    assert b"".join(response.streaming_content) == uploaded
    assert response["Content-Type"] == media_type
    assert response["Content-Disposition"] == f'attachment; filename="{upload_name}"'


def test_a_run_logged_by_hand_has_no_samples_no_splits_and_no_original(alice, alice_api, alice_client):
    run = RunFactory(user=alice)

    samples = alice_api.get(f"/api/v1/runs/{run.pk}/samples")
    splits = alice_api.get(f"/api/v1/runs/{run.pk}/splits")
    original = alice_api.get(f"/api/v1/runs/{run.pk}/original")

    assert samples.status_code == 200
    assert samples.json() == {"t_s": [], **{name: None for name in CHANNELS[1:]}}
    assert samples.json()["t_s"] == alice_client.get(reverse("run_samples", args=[run.pk])).json()["t_s"]
    assert splits.status_code == 200 and splits.json() == []
    assert original.status_code == 404
    assert original.json() == {"detail": "This run has no original file."}


@pytest.mark.parametrize("route", ["samples", "splits", "original"])
def test_another_runners_run_is_answered_as_a_missing_one(route, alice, bob_api):
    run = recorded_run(alice)
    missing = Run.objects.order_by("-pk").first().pk + 1

    theirs = bob_api.get(f"/api/v1/runs/{run.pk}/{route}")
    nothing = bob_api.get(f"/api/v1/runs/{missing}/{route}")

    assert theirs.status_code == nothing.status_code == 404
    assert theirs.json() == nothing.json() == {"detail": "No such run."}


def test_a_stored_file_gone_missing_is_a_404_that_says_so_not_a_500(alice, alice_api):
    run = recorded_run(alice)
    run.recording.original.storage.delete(run.recording.original.name)
    run.recording.samples_file.storage.delete(run.recording.samples_file.name)

    original = alice_api.get(f"/api/v1/runs/{run.pk}/original")
    samples = alice_api.get(f"/api/v1/runs/{run.pk}/samples")

    assert original.status_code == samples.status_code == 404
    assert "cannot be read" in original.json()["detail"] and "cannot be read" in samples.json()["detail"]


def test_the_document_describes_the_three_routes(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    samples = paths["/api/v1/runs/{pk}/samples"]["get"]["responses"]["200"]["content"]["application/json"]
    original = paths["/api/v1/runs/{pk}/original"]["get"]["responses"]["200"]["content"]
    unit = next(p for p in paths["/api/v1/runs/{pk}/splits"]["get"]["parameters"] if p["name"] == "unit")
    assert samples["schema"]["$ref"].endswith("/SamplesOut")
    assert {"application/vnd.ant.fit", "application/gpx+xml", "application/gzip"} <= set(original)
    assert all(kind["schema"] == {"type": "string", "format": "binary"} for kind in original.values())
    assert unit["schema"]["enum"] == ["km", "mi"] and unit["schema"]["default"] == "km"


# Each read: the token, its last use (written once a minute at most: here it is), the run with its
# recording. The samples' and the original's bytes come from storage, not from the database.
@pytest.mark.parametrize("route", ["samples", "splits?unit=mi", "original"])
def test_each_read_takes_three_queries(route, alice, alice_api, django_assert_num_queries):
    run = imported(alice_api, FORERUNNER)
    ApiToken.objects.update(last_used_at=None)

    with django_assert_num_queries(3):
        response = alice_api.get(f"/api/v1/runs/{run.pk}/{route}")

    assert response.status_code == 200
