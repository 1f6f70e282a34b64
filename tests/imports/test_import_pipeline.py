"""The import pipeline: batches that always end with a report and undo, uploads kept in storage only
while they wait, limits per runner, and the command line on the same pipeline."""

import datetime as dt
import io
import logging
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from runlog.imports import files as importers
from runlog.imports import tasks as jobs
from runlog.imports.files import UNREADABLE
from runlog.imports.models import ImportBatch, ImportFile
from runlog.log.models import Run
from tests.factories import ImportBatchFactory, RunFactory
from tests.imports.import_files import FIRST_RUN, gpx_archive, gpx_run

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
needs_testdata = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def groups_by_count(monkeypatch):
    """Groups of exactly GROUP_ITEMS files, however slow the machine."""
    monkeypatch.setattr(jobs, "GROUP_SECONDS", 3600.0)


def tcx(relative: str = "tcx/tcxparser_test.tcx", nan: bool = False) -> bytes:
    data = (TESTDATA / relative).read_bytes()
    return data.replace(b"<TotalTimeSeconds>608.47<", b"<TotalTimeSeconds>NaN<") if nan else data


def three_tcx_files_with_nan_in_the_middle() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile("first.tcx", tcx("tcx/runpandas_run_garmin.tcx")),
        SimpleUploadedFile("middle.tcx", tcx(nan=True)),
        SimpleUploadedFile("third.tcx", tcx()),
    ]


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def exploding_parser(data: bytes):
    raise ZeroDivisionError("a parser bug")


# A batch always ends ---------------------------------------------------------------------------


@needs_testdata
def test_a_nan_in_the_middle_file_rejects_that_file_and_the_batch_finishes_and_can_be_undone(alice_client, alice):
    alice_client.post("/import/", {"files": three_tcx_files_with_nan_in_the_middle()})

    batch = ImportBatch.objects.get(user=alice)
    assert batch.status == "done"
    assert [(f["name"], f["created"], f["file_rejected"]) for f in batch.report] == [
        ("first.tcx", 1, False),
        ("middle.tcx", 0, True),
        ("third.tcx", 1, False),
    ]
    assert Run.objects.filter(user=alice).count() == 2
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "Undo this import" in page

    alice_client.post(f"/import/{batch.pk}/undo/")

    assert not Run.objects.filter(user=alice).exists()
    batch.refresh_from_db()
    assert batch.status == "undone"


@needs_testdata
def test_a_parser_that_raises_rejects_its_file_as_unreadable_logs_the_traceback_and_the_rest_imports(
    alice_client, alice, monkeypatch, caplog
):
    monkeypatch.setitem(importers.PARSERS, ".gpx", exploding_parser)
    files = [
        SimpleUploadedFile("before.tcx", tcx("tcx/runpandas_run_garmin.tcx")),
        SimpleUploadedFile("broken.gpx", gpx_run(FIRST_RUN)),
        SimpleUploadedFile("after.tcx", tcx()),
    ]

    with caplog.at_level(logging.ERROR, logger="runlog.imports"):
        alice_client.post("/import/", {"files": files})

    batch = ImportBatch.objects.get(user=alice)
    assert batch.status == "done"
    assert [f["rejected"] for f in batch.report] == [[], [UNREADABLE], []]
    assert "could not be read" in UNREADABLE
    assert Run.objects.filter(user=alice).count() == 2
    (record,) = [r for r in caplog.records if r.name == "runlog.imports"]
    assert "broken.gpx" in record.getMessage()
    assert record.exc_info[0] is ZeroDivisionError  # the traceback is in the log


def test_an_archive_entry_that_makes_a_parser_fail_does_not_stop_the_other_entries(alice, monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.gpx", gpx_run(FIRST_RUN))
        archive.writestr("b.fit", b"whatever")
        archive.writestr("c.gpx", gpx_run(FIRST_RUN + dt.timedelta(days=1)))
    monkeypatch.setitem(importers.PARSERS, ".fit", exploding_parser)

    reports = importers.import_files(alice.profile, [importers.Upload("runs.zip", buffer.getvalue())])

    assert [(r.name, r.created, r.rejected) for r in reports] == [
        ("runs.zip/a.gpx", 1, []),
        ("runs.zip/b.fit", 0, [UNREADABLE]),
        ("runs.zip/c.gpx", 1, []),
    ]


def test_a_failure_while_saving_rejects_that_file_alone_and_saves_nothing_of_it(alice, monkeypatch):
    real_save = importers.Saver.save

    def save_then_fail(self, report, rows):
        real_save(self, report, rows)
        if report.name == "b.gpx":
            raise OverflowError("a value the database cannot hold")

    monkeypatch.setattr(importers.Saver, "save", save_then_fail)
    uploads = [
        importers.Upload(name, gpx_run(FIRST_RUN + dt.timedelta(days=day)))
        for day, name in enumerate(["a.gpx", "b.gpx", "c.gpx"])
    ]

    reports = importers.import_files(alice.profile, uploads)

    assert [r.rejected for r in reports] == [[], [UNREADABLE], []]
    assert Run.objects.filter(user=alice).count() == 2  # nothing of b.gpx was kept


@needs_testdata
def test_a_batch_left_failed_by_the_old_importer_can_still_be_undone(alice_client, alice):
    batch = ImportBatchFactory(user=alice, status="failed", report=[{"name": "a.tcx", "created": 1}])
    RunFactory(user=alice, import_batch=batch)

    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "Undo this import" in page
    alice_client.post(f"/import/{batch.pk}/undo/")

    assert not Run.objects.filter(user=alice).exists()


# The command line ------------------------------------------------------------------------------


@needs_testdata
def test_the_command_line_finishes_a_batch_with_a_nan_file_and_exits_with_an_error(alice, tmp_path):
    paths = []
    for upload in three_tcx_files_with_nan_in_the_middle():
        path = tmp_path / upload.name
        path.write_bytes(upload.read())
        paths.append(str(path))
    out = io.StringIO()

    with pytest.raises(CommandError, match=r"1 file\(s\) rejected: middle.tcx"):
        call_command("import_activities", "alice", *paths, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "first.tcx: 1 created, 0 duplicates, 0 rejected"
    assert lines[1].startswith("middle.tcx: rejected — ")
    assert lines[2] == "third.tcx: 1 created, 0 duplicates, 0 rejected"
    assert lines[-1] == "Imported 3 file(s) for alice: 2 created, 0 duplicates, 0 rows rejected, 1 files rejected."
    batch = ImportBatch.objects.get(user=alice)
    assert (batch.status, batch.done_files, batch.total_files) == ("done", 3, 3)
    assert batch.runs.count() == 2
    assert ImportFile.objects.filter(batch=batch, stored="").count() == 3  # nothing left in storage


def test_the_command_line_imports_even_when_the_runner_has_three_imports_waiting(alice, tmp_path, settings):
    settings.TASKS = DUMMY_TASKS
    for _ in range(3):
        ImportBatchFactory(user=alice, status="pending")
    path = tmp_path / "run.gpx"
    path.write_bytes(gpx_run(FIRST_RUN))

    call_command("import_activities", "alice", str(path), stdout=io.StringIO())

    assert Run.objects.filter(user=alice).count() == 1


# Storage ---------------------------------------------------------------------------------------


def test_an_upload_waits_in_private_storage_not_in_the_database_and_is_deleted_once_imported(
    alice_client, alice, settings, upload_storage
):
    settings.TASKS = DUMMY_TASKS  # queued, not run
    data = gpx_run(FIRST_RUN)

    alice_client.post("/import/", {"files": [SimpleUploadedFile("morning.gpx", data)]})

    upload = ImportFile.objects.get(batch__user=alice)
    (path,) = stored_files(upload_storage)
    assert path.read_bytes() == data
    assert path.is_relative_to(upload_storage / "imports" / str(alice.pk))
    assert "morning" not in path.name  # the runner's file name is a label, never a path
    assert upload.size == len(data)
    assert not hasattr(upload, "data")
    assert not Path(settings.MEDIA_ROOT).is_relative_to(settings.STATIC_ROOT)

    jobs.import_batch(upload.batch_id)

    # The upload is gone; what stays is the imported run's own file and samples (runlog/activity).
    assert stored_files(upload_storage / "imports") == []
    assert sorted(p.suffix for p in stored_files(upload_storage)) == [".original", ".samples"]
    assert ImportBatch.objects.get(user=alice).status == "done"


def test_an_upload_bigger_than_the_memory_limit_reaches_storage_intact(alice_client, alice, settings, upload_storage):
    settings.TASKS = DUMMY_TASKS
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # spooled to a temporary file, then moved into storage
    data = gpx_archive(40)
    assert len(data) > 64 * 1024

    alice_client.post("/import/", {"files": [SimpleUploadedFile("year.zip", data)]})

    (path,) = stored_files(upload_storage)
    assert path.read_bytes() == data
    jobs.import_batch(ImportBatch.objects.get(user=alice).pk)
    assert Run.objects.filter(user=alice).count() == 40


@pytest.mark.django_db(transaction=True)
def test_deleting_a_runner_deletes_their_waiting_uploads(alice_client, alice, bob_client, settings, upload_storage):
    settings.TASKS = DUMMY_TASKS
    alice_client.post("/import/", {"files": [SimpleUploadedFile("a.gpx", gpx_run(FIRST_RUN))]})
    bob_client.post("/import/", {"files": [SimpleUploadedFile("b.gpx", gpx_run(FIRST_RUN))]})
    assert len(stored_files(upload_storage)) == 2

    alice.delete()

    (left,) = stored_files(upload_storage)
    assert left.is_relative_to(upload_storage / "imports" / str(ImportFile.objects.get().batch.user_id))


@pytest.mark.django_db(transaction=True)
def test_deleting_a_waiting_batch_deletes_its_uploads(alice_client, alice, settings, upload_storage):
    settings.TASKS = DUMMY_TASKS
    alice_client.post("/import/", {"files": [SimpleUploadedFile("a.gpx", gpx_run(FIRST_RUN))]})

    ImportBatch.objects.get(user=alice).delete()

    assert stored_files(upload_storage) == []


def test_an_upload_whose_stored_file_has_gone_is_reported_and_the_batch_finishes(alice_client, alice, settings):
    settings.TASKS = DUMMY_TASKS
    files = [SimpleUploadedFile("a.gpx", gpx_run(FIRST_RUN)), SimpleUploadedFile("b.gpx", gpx_run(NOW))]
    alice_client.post("/import/", {"files": files})
    lost = ImportFile.objects.get(name="b.gpx")
    lost.stored.storage.delete(lost.stored.name)

    jobs.import_batch(lost.batch_id)

    batch = ImportBatch.objects.get(user=alice)
    assert batch.status == "done"
    assert [f["rejected"] for f in batch.report] == [[], [jobs.MISSING]]


# Limits ----------------------------------------------------------------------------------------


def test_a_fourth_waiting_import_is_refused_with_a_clear_message(alice_client, alice, bob_client, settings):
    settings.TASKS = DUMMY_TASKS
    for day in range(3):
        response = alice_client.post("/import/", {"files": [SimpleUploadedFile("a.gpx", gpx_run(FIRST_RUN))]})
        assert response.status_code == 302, day

    response = alice_client.post("/import/", {"files": [SimpleUploadedFile("d.gpx", gpx_run(FIRST_RUN))]})

    assert response.status_code == 429
    assert "You already have 3 imports waiting" in response.content.decode()
    assert ImportBatch.objects.filter(user=alice).count() == 3
    assert ImportFile.objects.filter(batch__user=alice).count() == 3
    # another runner is not affected
    assert bob_client.post("/import/", {"files": [SimpleUploadedFile("b.gpx", gpx_run(NOW))]}).status_code == 302


def test_an_upload_over_the_storage_quota_is_refused_and_nothing_is_stored(
    alice_client, alice, settings, upload_storage
):
    settings.TASKS = DUMMY_TASKS
    first, second = gpx_run(FIRST_RUN), gpx_run(NOW)
    settings.IMPORT_QUOTA_BYTES = len(first) + len(second) - 1
    assert alice_client.post("/import/", {"files": [SimpleUploadedFile("a.gpx", first)]}).status_code == 302

    response = alice_client.post("/import/", {"files": [SimpleUploadedFile("b.gpx", second)]})

    assert response.status_code == 413
    assert "storage quota" in response.content.decode()
    assert len(stored_files(upload_storage)) == 1
    # once the first import has run, its file no longer counts
    jobs.import_batch(ImportBatch.objects.get(user=alice).pk)
    assert alice_client.post("/import/", {"files": [SimpleUploadedFile("b.gpx", second)]}).status_code == 302


def test_the_import_page_states_the_limits_from_the_one_place_they_are_defined(alice_client):
    page = alice_client.get("/import/").content.decode()

    assert "up to 25 MB a file, 200 MB for a ZIP archive; at most 3 imports waiting" in page
    assert 'accept=".gpx,.tcx,.fit,.gz,.csv,.zip,.json"' in page


# Leases, slices and resuming -------------------------------------------------------------------


def test_an_import_worked_in_slices_imports_every_file_once_and_in_order(alice, settings, groups_by_count):
    settings.TASKS = DUMMY_TASKS
    batch = jobs.queue_import(alice, [("year.zip", ContentFile(gpx_archive(60)))])
    turns = 0
    lease = ""
    while True:
        turns += 1
        # a deadline already passed: one group of files per turn
        lease = jobs.import_batch(batch.pk, lease, deadline=0)
        if lease is None:
            break
        assert ImportBatch.objects.get(pk=batch.pk).status == "pending"  # handed back between turns

    batch.refresh_from_db()
    assert turns == 3  # 60 entries in groups of 25: 25, 25, 10
    assert batch.status == "done"
    assert [f["name"] for f in batch.report] == [f"year.zip/run-{day:04d}.gpx" for day in range(60)]
    assert batch.totals() == {"created": 60, "duplicates": 0, "rejected": 0}
    assert Run.objects.filter(user=alice).count() == 60


def test_a_continuation_of_a_batch_taken_over_by_another_worker_does_nothing(alice, settings, groups_by_count):
    settings.TASKS = DUMMY_TASKS
    batch = jobs.queue_import(alice, [("year.zip", ContentFile(gpx_archive(30)))])
    old_chain = jobs.import_batch(batch.pk, deadline=0)
    # the old chain's continuation waits so long that the batch counts as abandoned and is requeued
    with time_machine.travel(NOW + dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS + 60)):
        assert jobs.requeue_stale_imports() == 1

    assert jobs.import_batch(batch.pk, old_chain) is None  # refused: its lease is gone
    assert Run.objects.filter(user=alice).count() == 25
    assert jobs.import_batch(batch.pk) is None  # the requeued task finishes the batch

    batch.refresh_from_db()
    assert batch.status == "done" and Run.objects.filter(user=alice).count() == 30
    assert batch.totals() == {"created": 30, "duplicates": 0, "rejected": 0}


def test_a_batch_whose_worker_stopped_reporting_is_queued_again_by_the_runners_next_look(alice_client, alice, settings):
    settings.TASKS = DUMMY_TASKS
    alice_client.post("/import/", {"files": [SimpleUploadedFile("a.gpx", gpx_run(FIRST_RUN))]})
    batch = ImportBatch.objects.get(user=alice)
    assert jobs.claim(batch.pk)  # a worker takes it... and dies
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

    alice_client.get(f"/import/{batch.pk}/")
    batch.refresh_from_db()
    assert batch.status == "running"  # its lease is fresh: nothing happens

    with time_machine.travel(NOW + dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS + 60)):
        page = alice_client.get(f"/import/{batch.pk}/").content.decode()

    batch.refresh_from_db()
    assert batch.status == "done" and "Undo this import" in page
    assert Run.objects.filter(user=alice).count() == 1


def test_a_file_that_stops_the_worker_twice_is_rejected_and_the_rest_imports(alice, settings, groups_by_count):
    settings.TASKS = DUMMY_TASKS
    batch = jobs.queue_import(alice, [("year.zip", ContentFile(gpx_archive(30)))])
    killer = 7  # the eighth entry takes its worker down every time

    def dies_on_the_killer(label, parse):
        if label.endswith(f"run-{killer:04d}.gpx"):
            raise SystemExit("the worker was killed")  # not an Exception: nothing in the pipeline catches it
        return real_read_item(label, parse)

    real_read_item = jobs.read_item
    later = NOW
    for _ in range(3):
        with pytest.raises(SystemExit):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(jobs, "read_item", dies_on_the_killer)
                jobs.import_batch(batch.pk)
        later += dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS + 60)
        with time_machine.travel(later):
            assert jobs.requeue_stale_imports() == 1
        if ImportFile.objects.get(batch=batch).stops >= jobs.MAX_STOPS:
            break

    jobs.import_batch(batch.pk)

    batch.refresh_from_db()
    assert batch.status == "done"
    assert batch.report[killer] == {**batch.report[killer], "rejected": [jobs.STOPPED]}
    assert batch.totals() == {"created": 29, "duplicates": 0, "rejected": 1}
    assert Run.objects.filter(user=alice).count() == 29


def test_resume_imports_queues_a_dead_workers_batch_again_for_the_operator(alice, settings):
    settings.TASKS = DUMMY_TASKS
    batch = jobs.queue_import(alice, [("a.gpx", ContentFile(gpx_run(FIRST_RUN)))])
    jobs.claim(batch.pk)
    out = io.StringIO()

    with time_machine.travel(NOW + dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS + 60)):
        call_command("resume_imports", stdout=out)
        call_command("resume_imports", stdout=out)  # once is enough

    assert out.getvalue().splitlines() == ["1 import(s) queued again.", "0 import(s) queued again."]
    batch.refresh_from_db()
    assert batch.status == "pending" and batch.lease == ""
