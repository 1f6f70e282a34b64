"""Background work through Django's tasks framework: the import pipeline (queue an upload, import it in
slices, resume what a dead worker left, undo) and the weekly digests."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.db.models import F, Q, Sum
from django.tasks import task
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from injuries.models import PainReport, ReturnPlan
from runlog.imports.files import (
    MAX_WAITING_IMPORTS,
    FileReport,
    ImportRejected,
    Upload,
    expand,
    megabytes,
    read_item,
    save_item,
)
from runlog.imports.models import ImportBatch, ImportFile, upload_path
from runlog.log.models import CrossTraining, Run, Shoe, profile_for
from runlog.log.versions import bump_log_version

log = logging.getLogger("runlog.jobs")
crash_log = logging.getLogger("runlog.imports")

# Files are saved in groups: one transaction commits what a group created together with the mark of
# how far the import got (so a resumed import neither loses nor repeats a file), without rewriting
# the batch's report after every one of an archive's thousands of entries.
GROUP_ITEMS = 25
GROUP_SECONDS = 1.0
# A file on which the import stopped (its worker died) this many times is rejected, not tried again.
MAX_STOPS = 2
STOPPED = "could not be read (importing it stopped the import worker twice)"
MISSING = "could not be read (the stored upload is missing)"

Waiting = ImportBatch.WAITING


class ImportRefused(Exception):
    """An upload refused before anything is stored: the runner's message and the HTTP status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


class LeaseLost(Exception):
    """Another worker took this batch over (this one was presumed dead): its last group is rolled back."""


# Queueing ----------------------------------------------------------------------------------------


def stored_bytes(user) -> int:
    """What the runner's waiting uploads take in storage: the quota counts this."""
    files = ImportFile.objects.filter(batch__user=user).exclude(stored="")
    return files.aggregate(total=Sum("size", default=0))["total"]


def refusal(user, incoming_bytes: int) -> ImportRefused | None:
    """Why an upload of this size is refused for this runner now, if it is."""
    waiting = ImportBatch.objects.filter(user=user, status__in=Waiting).count()
    if waiting >= MAX_WAITING_IMPORTS:
        return ImportRefused(
            _(
                "You already have %(waiting)d imports waiting (at most %(max)d); "
                "upload more once one of them has finished."
            )
            % {"waiting": waiting, "max": MAX_WAITING_IMPORTS},
            429,
        )
    used = stored_bytes(user)
    quota = settings.IMPORT_QUOTA_BYTES
    if used + incoming_bytes > quota:
        return ImportRefused(
            _(
                "These files would take your waiting uploads over your storage quota of %(quota)s "
                "(%(used)s waiting now); upload them once your imports have finished."
            )
            % {"quota": megabytes(quota), "used": megabytes(used)},
            413,
        )
    return None


def queue_import(user, files: Iterable[tuple[str, File]], *, from_command_line: bool = False) -> ImportBatch:
    """Copy the files to storage (in chunks; a spooled upload is moved), create a waiting batch, queue it.

    The command line is the operator's: no limits, and it works on the batch itself instead of queueing it."""
    enforce_limits = not from_command_line
    files = list(files)
    incoming = sum(content.size for _, content in files)
    if enforce_limits and (refused := refusal(user, incoming)):
        raise refused
    storage = ImportFile._meta.get_field("stored").storage
    stored: list[str] = []
    try:
        for _, content in files:
            stored.append(storage.save(upload_path(user.pk), content))
        with transaction.atomic():
            # One upload at a time per runner, so two at once cannot both pass the limits.
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()
            if enforce_limits and (refused := refusal(user, incoming)):
                raise refused
            batch = ImportBatch.objects.create(
                user=user,
                label=", ".join(name for name, _ in files)[:200],
                total_files=len(files),
                heartbeat_at=timezone.now(),
            )
            ImportFile.objects.bulk_create(
                ImportFile(batch=batch, name=name[:255], size=content.size, stored=path)
                for (name, content), path in zip(files, stored, strict=True)
            )
    except BaseException:
        for path in stored:
            storage.delete(path)
        raise
    if not from_command_line:
        run_import.enqueue(batch.pk)
    return batch


def requeue_stale_imports(user=None) -> int:
    """Queue again the waiting imports nobody is working on: a worker died (the batch resumes after
    its last committed group) or the task was lost. Returns how many were queued."""
    now = timezone.now()
    stale = Q(heartbeat_at__lt=now - dt.timedelta(seconds=settings.IMPORT_STALE_SECONDS)) | Q(heartbeat_at=None)
    batches = ImportBatch.objects.filter(stale, status__in=Waiting)
    if user is not None:
        batches = batches.filter(user=user)
    queued = 0
    for batch_id, status in batches.values_list("pk", "status"):
        with transaction.atomic():
            # Compare-and-set: of two processes finding the same stale batch, one queues it.
            taken = ImportBatch.objects.filter(stale, pk=batch_id, status=status).update(
                status=ImportBatch.Status.PENDING, lease="", heartbeat_at=now
            )
            if taken and status == ImportBatch.Status.RUNNING:
                _record_stop(batch_id)
        if taken:
            log.warning("import batch %s was %s with no worker on it; queued again", batch_id, status)
            run_import.enqueue(batch_id)
            queued += 1
    return queued


def _record_stop(batch_id: int) -> None:
    front = ImportFile.objects.filter(batch_id=batch_id, done=False).first()
    if front is None:
        return
    if front.stops and front.stopped_at_item == front.items_done:
        front.stops += 1
    else:
        front.stopped_at_item, front.stops = front.items_done, 1
    front.save(update_fields=["stopped_at_item", "stops"])


# Importing ---------------------------------------------------------------------------------------


def claim(batch_id: int, lease: str = "") -> str:
    """Take a waiting batch: a new upload or a requeued one (no lease), or this chain's own continuation."""
    token = secrets.token_hex(16)
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PENDING, lease=lease).update(
        status=ImportBatch.Status.RUNNING, lease=token, heartbeat_at=timezone.now()
    )
    return token if claimed else ""


class BatchImport:
    """One worker's turn on a claimed batch: files in order, committed in groups, until done or the deadline."""

    def __init__(self, batch: ImportBatch, lease: str, deadline: float | None):
        self.batch = batch
        self.profile = profile_for(batch.user)
        self.lease = lease
        self.deadline = deadline
        self.report = list(batch.report)
        self.created = False

    def run(self) -> bool:
        """True once the batch is finished; False when the deadline came first (the batch is handed back).
        The report's reasons are written in the runner's language (they are stored as text)."""
        with translation.override(self.profile.language):
            return self._run()

    def _run(self) -> bool:
        try:
            for stored in self.batch.files.filter(done=False):
                if not self._import_file(stored):
                    return False
            self._finish()
            return True
        finally:
            if self.created:
                bump_log_version(self.batch.user_id)  # bulk inserts send no signals

    def _items(self, stored: ImportFile, stack: ExitStack) -> Iterator[tuple[str, object]]:
        try:
            handle = stack.enter_context(stored.stored.open("rb"))
        except Exception:
            crash_log.exception("import batch %s: stored upload %r cannot be opened", self.batch.pk, stored.name)
            yield stored.name, _raises(ImportRejected(MISSING))
            return
        # The worker reads from storage: an archive through zipfile's file object, entry by entry.
        yield from expand(Upload(stored.name, handle), self.profile)

    def _import_file(self, stored: ImportFile) -> bool:
        with ExitStack() as stack:
            pending: list[tuple[str, object]] = []
            position = stored.items_done
            group_started = time.monotonic()
            for index, (label, parse) in enumerate(self._items(stored, stack)):
                if index < stored.items_done:
                    continue  # imported before this worker took the batch
                if stored.stops >= MAX_STOPS and index == stored.stopped_at_item:
                    crash_log.error("import batch %s: giving up on %s, which stopped the worker", self.batch.pk, label)
                    parsed = ImportRejected(STOPPED)
                else:
                    parsed = read_item(label, parse)
                pending.append((label, parsed))
                position = index + 1
                # After a stop, the group it stopped in is retried one file per transaction, so a
                # second stop points at the very file that causes it.
                careful = stored.stops and 0 <= index - stored.stopped_at_item < GROUP_ITEMS
                if careful or len(pending) >= GROUP_ITEMS or time.monotonic() - group_started >= GROUP_SECONDS:
                    self._commit(stored, pending, position, done=False)
                    pending, group_started = [], time.monotonic()
                    if self.deadline is not None and time.monotonic() >= self.deadline:
                        return False
            self._commit(stored, pending, position, done=True)
        _drop_stored(stored)
        return True

    def _commit(self, stored: ImportFile, pending: list, position: int, done: bool) -> None:
        batch = self.batch
        with transaction.atomic():
            # Renewing the lease first locks the batch row, so a takeover cannot slip in before the commit.
            renewed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.RUNNING, lease=self.lease)
            if not renewed.update(heartbeat_at=timezone.now()):
                raise LeaseLost(batch.pk)
            reports = [save_item(self.profile, label, parsed, batch) for label, parsed in pending]
            report = self.report + [r.as_dict() for r in reports]
            ImportBatch.objects.filter(pk=batch.pk).update(report=report, done_files=F("done_files") + int(done))
            ImportFile.objects.filter(pk=stored.pk).update(items_done=position, done=done)
        self.report = report
        stored.items_done, stored.done = position, done
        self.created = self.created or any(r.created for r in reports)

    def _finish(self) -> None:
        for stored in self.batch.files.exclude(stored=""):
            _drop_stored(stored)  # left by a worker that died between a commit and the deletion
        finished = ImportBatch.objects.filter(pk=self.batch.pk, lease=self.lease).update(
            status=ImportBatch.Status.DONE, finished_at=timezone.now(), lease="", done_files=F("total_files")
        )
        if not finished:
            raise LeaseLost(self.batch.pk)

    def hand_back(self) -> str:
        """Return the batch to the queue for this chain's continuation; the token it will claim it with."""
        token = secrets.token_hex(16)
        handed = ImportBatch.objects.filter(pk=self.batch.pk, status=ImportBatch.Status.RUNNING, lease=self.lease)
        if not handed.update(status=ImportBatch.Status.PENDING, lease=token, heartbeat_at=timezone.now()):
            raise LeaseLost(self.batch.pk)
        return token


def _raises(exc: Exception):
    def parse():
        raise exc

    return parse


def _drop_stored(stored: ImportFile) -> None:
    if stored.stored.name:
        stored.stored.storage.delete(stored.stored.name)
        ImportFile.objects.filter(pk=stored.pk).update(stored="")
        stored.stored.name = ""


def _works_in_slices() -> bool:
    # Inline (immediate) tasks cannot interleave with anyone, so they import in one go.
    return settings.IMPORT_SLICE_SECONDS > 0 and not isinstance(run_import.get_backend(), ImmediateBackend)


def import_batch(batch_id: int, lease: str = "", deadline: float | None = None) -> str | None:
    """Work on a waiting batch: None once it is finished (or someone else has it), else the continuation's token."""
    lease = claim(batch_id, lease)
    if not lease:
        return None
    work = BatchImport(ImportBatch.objects.select_related("user").get(pk=batch_id), lease, deadline)
    try:
        if work.run():
            return None
        return work.hand_back()
    except LeaseLost:
        log.warning("import batch %s was taken over by another worker; this one stops", batch_id)
        return None


@task()
def run_import(batch_id: int, lease: str = "") -> dict:
    """Import a queued batch for a few seconds, then queue the rest behind the tasks already waiting."""
    requeue_stale_imports()  # a worker that picks up any import also rescues those a dead worker left
    deadline = time.monotonic() + settings.IMPORT_SLICE_SECONDS if _works_in_slices() else None
    continuation = import_batch(batch_id, lease, deadline)
    if continuation:
        # No run_after and the default priority: django-tasks-db orders by priority, run_after, then
        # enqueue time, so every task queued meanwhile (another runner's file) runs before this one.
        run_import.enqueue(batch_id, continuation)
        return {"continued": batch_id}
    return ImportBatch.objects.get(pk=batch_id).totals()


def import_now(user, paths: Iterable[tuple[str, File]]) -> ImportBatch:
    """The command line's import: the same batch and pipeline as an upload, worked to the end in this process."""
    batch = queue_import(user, paths, from_command_line=True)
    import_batch(batch.pk)  # if this process dies, the batch is stale and requeued for a worker
    batch.refresh_from_db()
    return batch


def reports_of(batch: ImportBatch) -> list[FileReport]:
    return [FileReport(**item) for item in batch.report]


def undo_counts(batch: ImportBatch) -> dict[str, int]:
    """How many of each kind undo_batch removes now (what its confirmation says, to the item)."""
    kept_by = Run.objects.exclude(import_batch=batch).filter(shoe__isnull=False).values("shoe")
    return {
        "runs": Run.objects.filter(import_batch=batch).count(),
        "cross_training": CrossTraining.objects.filter(import_batch=batch).count(),
        "pain_reports": PainReport.objects.filter(import_batch=batch).count(),
        "shoes": Shoe.objects.filter(import_batch=batch).exclude(pk__in=kept_by).count(),
    }


def undo_batch(batch: ImportBatch) -> dict:
    """Remove exactly what an import added: its sessions, pain reports, plans, and the shoes it created."""
    with transaction.atomic():
        counts = {
            "runs": Run.objects.filter(import_batch=batch).delete()[0],
            "cross_training": CrossTraining.objects.filter(import_batch=batch).delete()[0],
            "pain_reports": PainReport.objects.filter(import_batch=batch).delete()[0],
            "plans": ReturnPlan.objects.filter(import_batch=batch).delete()[0],
        }
        # A shoe the import created is removed unless the runner has since tagged other runs with it.
        counts["shoes"] = Shoe.objects.filter(import_batch=batch, runs__isnull=True).delete()[0]
        batch.status = ImportBatch.Status.UNDONE
        batch.save(update_fields=["status"])
        bump_log_version(batch.user_id)
    for stored in batch.files.exclude(stored=""):
        _drop_stored(stored)  # only batches that failed before imports always finished still hold files
    return counts
