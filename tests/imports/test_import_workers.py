"""The import pipeline under real `manage.py db_worker` processes: a worker killed mid-batch, and two
runners sharing the only worker."""

import datetime as dt
import signal
import subprocess
import sys
import time

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from runlog.imports.models import ImportBatch, ImportFile
from runlog.log.models import Run
from tests.imports.import_files import FIRST_RUN, gpx_archive, gpx_run
from tests.imports.test_worker import ROOT, run_db_workers, worker_environment

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RUNS = 300


def start_worker(**env) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--queue-name", "*"]
    return subprocess.Popen(
        [*command, "--batch", "--verbosity", "0"],
        cwd=ROOT,
        env={**worker_environment(), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, worker: subprocess.Popen, timeout: float = 300):
    deadline = time.monotonic() + timeout
    while not condition():
        assert worker.poll() is None, worker.stderr.read()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def upload(client: Client, name: str, data: bytes) -> ImportBatch:
    response = client.post("/import/", {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 302
    return ImportBatch.objects.filter(user=response.wsgi_request.user).latest("pk")


@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_worker_was_killed_is_resumed_by_the_next_worker_importing_every_file_once(
    alice_client, alice, settings, upload_storage, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    batch = upload(alice_client, "year.zip", gpx_archive(RUNS))
    # One long slice, so the kill lands in the middle of the worker's turn.
    worker = start_worker(IMPORT_SLICE_SECONDS="600")
    try:
        wait_for(lambda: ImportFile.objects.get(batch=batch).items_done >= 50, worker)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=30)

    batch.refresh_from_db()
    imported = ImportFile.objects.get(batch=batch).items_done
    assert batch.status == "running" and imported < RUNS
    assert Run.objects.filter(user=alice).count() == imported == len(batch.report)  # committed together

    # The runner looks at the import once its lease has run out: it is queued again.
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS + 60)):
        alice_client.get(f"/import/{batch.pk}/")
    batch.refresh_from_db()
    assert batch.status == "pending"
    ((code, errors),) = run_db_workers(1)

    assert code == 0, errors
    batch.refresh_from_db()
    assert batch.status == "done"
    assert [f["name"] for f in batch.report] == [f"year.zip/run-{day:04d}.gpx" for day in range(RUNS)]
    assert batch.totals() == {"created": RUNS, "duplicates": 0, "rejected": 0}
    assert Run.objects.filter(user=alice).count() == RUNS
    assert [p for p in (upload_storage / "imports").rglob("*") if p.is_file()] == []
    # Each run keeps its own original and samples, and they go with the runs when the import is undone.
    assert len([p for p in (upload_storage / "activities").rglob("*") if p.is_file()]) == 2 * RUNS

    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(f"/import/{batch.pk}/undo/")
    assert not Run.objects.filter(user=alice).exists()
    assert [p for p in upload_storage.rglob("*") if p.is_file()] == []


@pytest.mark.django_db(transaction=True)
def test_a_small_file_finishes_before_another_runners_large_archive_on_the_only_worker(
    alice_client, alice, bob_client, bob, settings
):
    settings.TASKS = DATABASE_TASKS
    archive = upload(alice_client, "year.zip", gpx_archive(RUNS))
    # Slices shorter than the default, so the archive surely spans several on a fast machine too;
    # tests/benchmarks/test_import_fairness_bench.py measures the wait with the default slice.
    worker = start_worker(IMPORT_SLICE_SECONDS="0.2")
    try:
        wait_for(lambda: ImportBatch.objects.get(pk=archive.pk).status == "running", worker)
        small = upload(bob_client, "run.gpx", gpx_run(FIRST_RUN))
        _, errors = worker.communicate(timeout=600)
    finally:
        worker.kill()
    assert worker.returncode == 0, errors

    archive.refresh_from_db()
    small.refresh_from_db()
    assert small.status == "done" and archive.status == "done"
    assert small.finished_at < archive.finished_at
    assert Run.objects.filter(user=bob).count() == 1
    assert archive.totals() == {"created": RUNS, "duplicates": 0, "rejected": 0}
