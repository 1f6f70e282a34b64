"""How long a small file waits behind another runner's large archive on the only `db_worker` (the
`make run` setup), with the default import slices.

    RUNLOG_BENCH=1 RUNLOG_TEST_DB=.bench-db.sqlite3 .venv/bin/python -m pytest -s -p no:randomly \
        tests/benchmarks/test_import_fairness_bench.py

BENCH_ARCHIVE_RUNS (default 400) one-hour GPX runs make the archive. Prints the archive's size and import
time and the small file's wait (upload to finished), which reliability.md wants under 10 s.
"""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from runlog.imports.models import ImportBatch
from tests.factories import ProfileFactory, UserFactory
from tests.imports.import_files import FIRST_RUN, gpx_archive, gpx_run
from tests.imports.test_import_workers import DATABASE_TASKS, start_worker, wait_for

RUNS = int(os.environ.get("BENCH_ARCHIVE_RUNS", "400"))


def client_for(username: str) -> Client:
    user = UserFactory(username=username)
    ProfileFactory(user=user)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_small_file_behind_a_large_archive(settings):
    settings.TASKS = DATABASE_TASKS
    archive = gpx_archive(RUNS, points=3600)
    small = gpx_run(FIRST_RUN, points=120)
    alice, bob = client_for("alice"), client_for("bob")

    started = time.monotonic()
    alice.post("/import/", {"files": [SimpleUploadedFile("year.zip", archive)]})
    large = ImportBatch.objects.get(user__username="alice")
    worker = start_worker()
    try:
        wait_for(lambda: ImportBatch.objects.get(pk=large.pk).status == "running", worker)
        time.sleep(3)  # the archive is well under way
        uploaded = time.monotonic()
        bob.post("/import/", {"files": [SimpleUploadedFile("run.gpx", small)]})
        quick = ImportBatch.objects.get(user__username="bob")
        wait_for(lambda: ImportBatch.objects.get(pk=quick.pk).status == "done", worker, timeout=1800)
        waited = time.monotonic() - uploaded
        wait_for(lambda: ImportBatch.objects.get(pk=large.pk).status == "done", worker, timeout=1800)
        total = time.monotonic() - started
    finally:
        worker.kill()
        worker.communicate(timeout=30)

    print(
        f"\narchive: {len(archive) / 1e6:.1f} MB, {RUNS} GPX files, imported in {total:.1f} s; "
        f"small file ({len(small)} bytes) waited {waited:.1f} s"
    )
