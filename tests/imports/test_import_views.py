"""The import page (background import with progress, history, undo), exports, and import_activities."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Run, Shoe
from tests.factories import RunFactory, ShoeFactory, local

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
needs_testdata = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def upload(relative: str, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or Path(relative).name, (TESTDATA / relative).read_bytes())


@needs_testdata
def test_uploading_files_imports_them_and_reports_each_one(alice_client, alice):
    response = alice_client.post(
        "/import/", {"files": [upload("fit/runpandas_run.fit"), upload("gpx/gpxpy_route.gpx")]}
    )

    batch = ImportBatch.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == f"/import/{batch.pk}/"
    assert batch.status == "done"  # the immediate backend ran the task
    assert batch.done_files == 2
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "a planned route, not a recorded activity" in page
    assert "Undo this import" in page
    assert Run.objects.filter(user=alice).count() == 1


@needs_testdata
def test_the_progress_fragment_polls_until_the_import_is_done(alice_client, alice, htmx_headers):
    batch = ImportBatch.objects.create(user=alice, total_files=4, done_files=1, status="running")

    running = alice_client.get(f"/import/{batch.pk}/", **htmx_headers).content.decode()
    assert 'hx-trigger="every 1s"' in running and 'value="25"' in running
    assert "<html" not in running

    ImportBatch.objects.filter(pk=batch.pk).update(status="done", done_files=4)
    done = alice_client.get(f"/import/{batch.pk}/", **htmx_headers).content.decode()
    assert "every 1s" not in done


def test_an_upload_without_files_is_a_form_error(alice_client, alice):
    response = alice_client.post("/import/", {})

    assert response.status_code == 422
    assert "Choose at least one file" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_unreadable_file_types_are_refused_at_upload(alice_client, alice):
    response = alice_client.post("/import/", {"files": [SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff")]})

    assert response.status_code == 422
    assert "photo.jpg: not a file type Runlog reads" in response.content.decode()


@needs_testdata
def test_undo_removes_exactly_what_the_import_added(alice_client, alice):
    own_run = RunFactory(user=alice, start=local(dt.date(2026, 11, 20)))
    own_shoe = ShoeFactory(user=alice, name="Pegasus 40")  # already there: the import reuses it
    alice_client.post("/import/", {"files": [upload("csv/strava_activities_sample.csv")]})
    batch = ImportBatch.objects.get(user=alice)
    assert Run.objects.filter(user=alice).count() > 50

    response = alice_client.post(f"/import/{batch.pk}/undo/")

    assert response.status_code == 302
    assert list(Run.objects.filter(user=alice)) == [own_run]
    assert not CrossTraining.objects.filter(user=alice).exists()
    assert list(Shoe.objects.filter(user=alice)) == [own_shoe]
    batch.refresh_from_db()
    assert batch.status == "undone"


def test_undo_needs_a_post(alice_client, alice):
    batch = ImportBatch.objects.create(user=alice, status="done")

    assert alice_client.get(f"/import/{batch.pk}/undo/").status_code == 405


def test_the_account_export_downloads_as_streamed_json(alice_client, alice):
    RunFactory(user=alice, notes="a run")

    response = alice_client.get("/export/account.json")

    assert response.streaming
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(b"".join(response.streaming_content))
    assert document["format"] == "runlog.account" and document["runs"][0]["notes"] == "a run"


def test_the_runs_csv_lists_the_runners_runs_only(alice_client, alice, bob):
    RunFactory(user=alice, distance_m=12_345, start=local(dt.date(2026, 11, 20)))
    RunFactory(user=bob, distance_m=5_000)

    response = alice_client.get("/export/runs.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[0][:3] == ["start", "distance_km", "duration_s"]
    assert [r[1] for r in rows[1:]] == ["12.345"]
    assert rows[1][0] == "2026-11-20T07:00:00+01:00"


def test_the_cross_training_csv(alice_client, alice):
    from tests.factories import CrossTrainingFactory

    CrossTrainingFactory(user=alice, activity="swimming", duration_s=1800)
    rows = list(
        csv.reader(io.StringIO(b"".join(alice_client.get("/export/cross-training.csv").streaming_content).decode()))
    )

    assert rows[1][1:3] == ["swimming", "1800"]


@needs_testdata
def test_import_activities_prints_each_file_and_a_summary(alice):
    out = io.StringIO()
    call_command(
        "import_activities",
        "alice",
        str(TESTDATA / "fit/runpandas_run.fit"),
        str(TESTDATA / "tcx/tcxparser_test.tcx"),
        stdout=out,
    )
    lines = out.getvalue().splitlines()

    assert lines[0] == "runpandas_run.fit: 1 created, 0 duplicates, 0 rejected"
    assert lines[-1] == "Imported 2 file(s) for alice: 2 created, 0 duplicates, 0 rows rejected, 0 files rejected."
    assert ImportBatch.objects.get(user=alice).status == "done"


@needs_testdata
def test_import_activities_dry_run_saves_nothing(alice):
    out = io.StringIO()
    call_command(
        "import_activities", "alice", str(TESTDATA / "csv/strava_activities_sample.csv"), "--dry-run", stdout=out
    )

    assert out.getvalue().splitlines()[-1].startswith("Would import 1 file(s) for alice:")
    assert not Run.objects.exists() and not Shoe.objects.exists() and not ImportBatch.objects.exists()


@needs_testdata
def test_import_activities_fails_when_a_file_is_rejected(alice):
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 file\\(s\\) rejected: fitparse_activity-filecrc.fit"):
        call_command(
            "import_activities",
            "alice",
            str(TESTDATA / "fit/fitparse_activity-filecrc.fit"),
            str(TESTDATA / "fit/runpandas_run.fit"),
            stdout=out,
        )

    assert "fitparse_activity-filecrc.fit: rejected — corrupt file" in out.getvalue()
    assert Run.objects.filter(user=alice).count() == 1  # the good file is still imported


def test_import_activities_reports_missing_paths_and_runners(alice):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_activities", "alice", "/nonexistent.gpx")
    with pytest.raises(CommandError, match="no runner called"):
        call_command("import_activities", "nobody", "/nonexistent.gpx")
