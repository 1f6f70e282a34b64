"""One import through a real `manage.py db_worker` process on the django-tasks-db backend."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from runlog.imports.models import ImportBatch
from runlog.log.models import Run

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = ROOT.parent / "shared" / "testdata"


def worker_environment() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        env["SQLITE_PATH"] = db["NAME"]
    else:
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env["TASKS_BACKEND"] = "database"
    env["MEDIA_ROOT"] = str(django_settings.MEDIA_ROOT)  # the test's own upload storage
    env["RUNLOG_TESTING"] = "0"
    return env


def run_db_workers(count: int, smtp_port: int | None = None, timeout: float = 180) -> list[tuple[int, str]]:
    """Run `count` real `db_worker --batch` processes at once on the test database; (exit code, stderr) each."""
    env = worker_environment()
    if smtp_port is not None:
        env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_port), EMAIL_USE_TLS="0", EMAIL_USE_SSL="0")
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--queue-name",
        "*",
        "--verbosity",
        "0",
    ]
    workers = [
        subprocess.Popen(
            [*command, "--worker-id", f"worker{i}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    outcomes = []
    for worker in workers:
        _, errors = worker.communicate(timeout=timeout)
        outcomes.append((worker.returncode, errors))
    return outcomes


@pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
@pytest.mark.django_db(transaction=True)
def test_a_queued_import_is_run_by_a_db_worker_process(alice, settings, upload_storage):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = Client()
    client.force_login(alice)
    data = (TESTDATA / "tcx/tcxparser_test.tcx").read_bytes()

    client.post("/import/", {"files": [SimpleUploadedFile("run.tcx", data)]})
    batch = ImportBatch.objects.get(user=alice)
    assert batch.status == "pending"  # queued, nothing imported inside the request
    assert not Run.objects.exists()

    result = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=worker_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    batch.refresh_from_db()
    assert batch.status == "done", result.stderr
    assert Run.objects.get(user=alice).distance_m == pytest.approx(4686.31)
    assert batch.files.get().stored.name == ""  # the stored upload is deleted once imported
    assert not any(upload_storage.rglob("*.upload"))
