"""A run's own page from an imported watch file: what it shows, what it costs, who may see it, and the
files kept with the run (samples and original) through Django's storage."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from runlog.activity.models import Recording
from runlog.activity.samples import decode
from runlog.imports.files import Upload, import_files
from runlog.log.models import Run, profile_for
from tests.factories import RunFactory

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
FIT = "fit/runpandas_run.fit"  # Forerunner 645 run: 5839.77 m, 6 laps, 1202 records


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def imported(user, name: str = FIT) -> Run:
    data = (TESTDATA / name).read_bytes()
    (report,) = import_files(profile_for(user), [Upload(Path(name).name, data)])
    assert report.created == 1, report.summary()
    return Run.objects.get(user=user, recording__original_name=Path(name).name)


def test_an_imported_file_keeps_its_samples_original_laps_and_device(alice):
    run = imported(alice)

    recording = run.recording
    assert recording.sample_count == 1202
    assert len(decode(default_storage.open(recording.samples_file.name).read())) == 1202
    assert default_storage.open(recording.original.name).read() == (TESTDATA / FIT).read_bytes()
    assert [lap["distance_m"] for lap in recording.laps] == [1000, 1000, 1000, 1000, 1000, 839.77]
    assert recording.device == "Garmin Forerunner 645M"
    assert {effort["name"] for effort in recording.efforts} == {"400 m", "1 km", "1 mile", "5 km"}
    assert run.avg_cadence_spm == 129.8


def test_the_run_page_shows_the_run_in_full(alice, alice_client):
    run = imported(alice)

    page = alice_client.get(reverse("run_detail", args=[run.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    for text in (
        "5.8 km",
        "Garmin Forerunner 645M",
        "130",
        "Route",
        "Splits per km",
        "The device's laps",
        "Best efforts in this run",
        "Download the original file",
        "Over the distance",
        "The same as a table",
    ):
        assert text in html, text
    main = html.split("<main", 1)[1].split("</main>", 1)[0]  # not the icons of the phone's bottom bar
    assert main.count('<path d="M') == 1  # the route, drawn from its own points
    assert "tile" not in html.lower() and "https://" not in html.split("<main", 1)[1]  # nothing fetched from outside


def test_the_original_downloads_byte_for_byte(alice, alice_client):
    run = imported(alice)

    response = alice_client.get(reverse("run_original", args=[run.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (TESTDATA / FIT).read_bytes()
    assert 'attachment; filename="runpandas_run.fit"' in response["Content-Disposition"]


def test_samples_and_splits_as_json(alice, alice_client):
    run = imported(alice)

    samples = alice_client.get(reverse("run_samples", args=[run.pk])).json()
    kilometres = alice_client.get(reverse("run_splits", args=[run.pk])).json()
    miles = alice_client.get(reverse("run_splits", args=[run.pk]) + "?unit=mi").json()

    assert len(samples["t_s"]) == 1202 and samples["power_w"] is None
    assert len(kilometres) == 6 and sum(s["distance_m"] for s in kilometres) == pytest.approx(5839.77, abs=0.05)
    assert len(miles) == 4
    assert alice_client.get(reverse("run_splits", args=[run.pk]) + "?unit=furlong").status_code == 400


@pytest.mark.parametrize("route", ["run_detail", "run_samples", "run_splits", "run_original"])
def test_another_runner_gets_404_on_every_page_of_the_run(alice, bob_client, route):
    run = imported(alice)

    assert bob_client.get(reverse(route, args=[run.pk])).status_code == 404


def test_a_manual_run_shows_what_it_has(alice, alice_client):
    run = RunFactory(user=alice, distance_m=8000, duration_s=2400, avg_hr=150)

    page = alice_client.get(reverse("run_detail", args=[run.pk]))

    assert page.status_code == 200
    assert "logged by hand" in page.content.decode()
    assert alice_client.get(reverse("run_samples", args=[run.pk])).json()["t_s"] == []
    assert alice_client.get(reverse("run_original", args=[run.pk])).status_code == 404


def test_the_run_page_takes_a_fixed_number_of_queries(alice, alice_client, django_assert_num_queries):
    short = imported(alice, "tcx/runpandas_run_garmin.tcx")
    long = imported(alice, FIT)
    alice_client.get(reverse("run_detail", args=[short.pk]))  # the session and profile are warm

    with CaptureQueriesContext(connection) as first:
        alice_client.get(reverse("run_detail", args=[short.pk]))
    with django_assert_num_queries(len(first.captured_queries)):
        alice_client.get(reverse("run_detail", args=[long.pk]))
    assert 0 < len(first.captured_queries) <= 12


@pytest.mark.parametrize("page", ["run_list", "home", "calendar"])
def test_list_pages_and_the_dashboard_never_read_recordings(alice, alice_client, page):
    imported(alice)
    imported(alice, "tcx/runpandas_run_garmin.tcx")

    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get(reverse(page))

    assert response.status_code == 200
    assert queries.captured_queries  # the page was computed, not served from a cache
    assert not [q for q in queries.captured_queries if "recording" in q["sql"].lower()]


def test_the_runs_list_links_each_run_to_its_page(alice, alice_client):
    run = imported(alice)

    assert reverse("run_detail", args=[run.pk]) in alice_client.get(reverse("run_list")).content.decode()


def test_deleting_the_run_removes_its_files(alice, django_capture_on_commit_callbacks):
    run = imported(alice)
    names = [run.recording.samples_file.name, run.recording.original.name]

    with django_capture_on_commit_callbacks(execute=True):
        run.delete()

    assert not Recording.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_a_file_that_fails_to_save_leaves_no_stored_files(alice, monkeypatch, upload_storage):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Recording.objects, "bulk_create", broken)
    data = (TESTDATA / FIT).read_bytes()

    (report,) = import_files(profile_for(alice), [Upload("run.fit", data)])

    assert report.created == 0 and report.file_rejected
    assert not Run.objects.exists()
    activities = upload_storage / "activities"
    assert not activities.exists() or not [p for p in activities.rglob("*") if p.is_file()]


def test_the_records_page_lists_personal_records_with_their_runs_and_the_totals(alice, alice_client):
    first = imported(alice, "tcx/runpandas_run_garmin.tcx")  # 2018, 2.2 km
    second = imported(alice, FIT)  # 2019, 5.8 km

    html = alice_client.get(reverse("records")).content.decode()

    assert "Personal records" in html and "5 km" in html
    assert reverse("run_detail", args=[second.pk]) in html
    assert reverse("run_detail", args=[first.pk]) in html  # its 400 m or 1 km, unless the later run beat it
    assert "2018" in html and "2019" in html  # yearly totals
