"""Background work through Django's tasks framework: imports too big to run inside a request."""

from __future__ import annotations

import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .cache import bump_log_version
from .importers import FileReport, Upload, finish_batch, import_files
from .models import ImportBatch, ImportFile, profile_for

log = logging.getLogger("runlog.jobs")


def undo_batch(batch: ImportBatch) -> dict:
    """Remove exactly what an import added: its sessions, pain reports, and the shoes it created."""
    from injuries.models import PainReport

    from .models import CrossTraining, Run, Shoe

    with transaction.atomic():
        counts = {
            "runs": Run.objects.filter(import_batch=batch).delete()[0],
            "cross_training": CrossTraining.objects.filter(import_batch=batch).delete()[0],
            "pain_reports": PainReport.objects.filter(import_batch=batch).delete()[0],
        }
        # A shoe the import created is removed unless the runner has since tagged other runs with it.
        counts["shoes"] = Shoe.objects.filter(import_batch=batch, runs__isnull=True).delete()[0]
        batch.status = ImportBatch.Status.UNDONE
        batch.save(update_fields=["status"])
        bump_log_version(batch.user_id)
    return counts


@task()
def run_import(batch_id: int) -> dict:
    """Import the files of a queued batch, recording progress after each file."""
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PENDING).update(
        status=ImportBatch.Status.RUNNING
    )
    if not claimed:  # another worker has it, or it was cancelled
        return {"skipped": batch_id}
    batch = ImportBatch.objects.select_related("user").get(pk=batch_id)
    profile = profile_for(batch.user)
    reports: list[FileReport] = []
    try:
        for file_id in batch.files.values_list("pk", flat=True):
            stored = ImportFile.objects.get(pk=file_id)
            reports += import_files(profile, [Upload(stored.name, bytes(stored.data))], batch=batch)
            ImportFile.objects.filter(pk=file_id).update(data=b"")
            ImportBatch.objects.filter(pk=batch_id).update(
                done_files=batch.done_files + 1, report=[r.as_dict() for r in reports]
            )
            batch.done_files += 1
    except Exception:
        log.exception("import batch %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, finished_at=timezone.now(), report=[r.as_dict() for r in reports]
        )
        raise
    finish_batch(batch, reports)
    return batch.totals()


@task()
def send_digest(user_id: int, week_start: str) -> str:
    """Send one runner's weekly digest; safe to run twice (the delivery row is claimed first)."""
    import datetime as dt

    from .digest import deliver_for_user

    return deliver_for_user(user_id, dt.date.fromisoformat(week_start))
