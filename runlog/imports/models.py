"""Imports as the database holds them: a batch (its progress and per-file report) and its stored uploads."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A worker renews a running import's lease at every commit, seconds apart: silent for this long, it stalled.
STALLED_AFTER = dt.timedelta(seconds=30)


class ImportBatch(models.Model):
    """One upload or command-line import: its progress, its per-file report, and what it created."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")  # only batches from before imports always finished
        UNDONE = "undone", _("Undone")

    WAITING = (Status.PENDING, Status.RUNNING)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    label = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    total_files = models.PositiveIntegerField(default=0)
    done_files = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=list, blank=True)  # [{"name", "created", "duplicates", "rejected": [...]}]
    dry_run = models.BooleanField(default=False)
    # The worker holding a running batch renews its lease as it commits; a lease not renewed for
    # IMPORT_STALE_SECONDS belongs to a worker that died, and the batch is queued again.
    lease = models.CharField(max_length=32, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="importbatch_status_heartbeat")]

    def __str__(self) -> str:
        return f"Import {self.pk} by {self.user} ({self.get_status_display().lower()})"

    @property
    def progress(self) -> int:
        return round(100 * self.done_files / self.total_files) if self.total_files else 0

    @property
    def is_waiting(self) -> bool:
        return self.status in self.WAITING

    @property
    def reading_archive(self) -> bool:
        """One upload (an archive) still being read: progress is counted in activity files, not uploads."""
        return self.total_files == 1 and self.done_files == 0 and bool(self.report)

    @property
    def stalled(self) -> bool:
        """Running, but its worker has not renewed the lease for a while (it commits seconds apart): it died
        or hangs. Once the lease runs out (IMPORT_STALE_SECONDS) the batch is queued again and resumes."""
        if self.status != self.Status.RUNNING or self.heartbeat_at is None:
            return False
        return self.heartbeat_at < timezone.now() - STALLED_AFTER

    @property
    def resumes(self) -> bool:
        """Waiting again after its worker stopped mid-way (it carries on after its last commit)."""
        return self.status == self.Status.PENDING and self.files.filter(stops__gt=0, done=False).exists()

    @property
    def can_be_undone(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def totals(self) -> dict:
        return {
            "created": sum(f.get("created", 0) for f in self.report),
            "duplicates": sum(f.get("duplicates", 0) for f in self.report),
            "rejected": sum(len(f.get("rejected", [])) for f in self.report),
        }


def upload_path(user_id: int) -> str:
    """Stored under the runner's id with a random name: the runner's file name is only a label."""
    return f"imports/{user_id}/{secrets.token_hex(16)}.upload"


def import_file_path(instance: ImportFile, filename: str) -> str:
    return upload_path(instance.batch.user_id)


class ImportFile(models.Model):
    """An uploaded file waiting for the background import, kept in storage until it has been read."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    stored = models.FileField(upload_to=import_file_path, max_length=200, blank=True)
    # Files (or archive entries) already imported: saved in the same transaction as what they
    # created, so a resumed import starts after them and nothing is imported twice.
    items_done = models.PositiveIntegerField(default=0)
    done = models.BooleanField(default=False)
    # A resumed import that stops again on the same item gives up on that item (it kills workers).
    stopped_at_item = models.IntegerField(null=True, blank=True)
    stops = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


@receiver(post_delete, sender=ImportFile)
def delete_stored_upload(sender, instance: ImportFile, **kwargs) -> None:
    """A deleted row (its batch, its runner) takes its stored file along, once the deletion is committed."""
    if instance.stored.name:
        storage, name = instance.stored.storage, instance.stored.name
        transaction.on_commit(lambda: storage.delete(name))
