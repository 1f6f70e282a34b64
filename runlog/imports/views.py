"""Getting a log in and out: file uploads imported in the background, history with undo, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import math
import tempfile
from collections.abc import Callable, Iterable
from functools import partial
from typing import BinaryIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from runlog.imports.account_json import write_archive, write_json
from runlog.imports.files import ACCEPTED, MAX_WAITING_IMPORTS, megabytes, upload_errors
from runlog.imports.models import ImportBatch
from runlog.imports.parsers.base import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
from runlog.imports.tasks import ImportRefused, queue_import, requeue_stale_imports, undo_batch, undo_counts
from runlog.log.models import CrossTraining, Run, profile_for
from runlog.site.ownership import owned_or_404

log = logging.getLogger("runlog.security")


def _owned_batch(request: HttpRequest, pk: int) -> ImportBatch:
    return owned_or_404(ImportBatch.objects.filter(user=request.user), request, pk, "import")


def _import_page(request: HttpRequest, errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    context = {
        "history": ImportBatch.objects.filter(user=request.user)[:20],
        "errors": errors,
        "max_file": megabytes(MAX_FILE_BYTES),
        "max_archive": megabytes(MAX_ARCHIVE_BYTES),
        "max_waiting": MAX_WAITING_IMPORTS,
        "accepted": ",".join(ACCEPTED),
    }
    return render(request, "imports/import.html", context, status=status)


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        requeue_stale_imports(request.user)
        return _import_page(request)
    files = request.FILES.getlist("files")
    errors = upload_errors(files)
    if errors:
        for error in errors:
            log.info("upload rejected user=%s reason=%s", request.user.pk, error)
        return _import_page(request, errors, status=422)
    try:
        # Big uploads arrive spooled to temporary files; they are moved or copied to storage in chunks.
        batch = queue_import(request.user, [(f.name, f) for f in files])
    except ImportRefused as refused:
        log.info("upload refused user=%s reason=%s", request.user.pk, refused.message)
        return _import_page(request, [refused.message], status=refused.status)
    return redirect("import_detail", pk=batch.pk)


# A report of more files than this shows the files with rejections, and the whole list folded.
LONG_REPORT_FILES = 20


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _owned_batch(request, pk)
    if batch.is_waiting and requeue_stale_imports(request.user):
        batch.refresh_from_db()
    context = {"batch": batch, "totals": batch.totals()}
    if len(batch.report) > LONG_REPORT_FILES:
        # A long report opens on what needs the runner's eye; the rest folds under "Show all".
        context |= {"long_report": True, "rejected_files": [f for f in batch.report if f.get("rejected")]}
    if batch.can_be_undone:
        counts = undo_counts(batch)
        context |= {"undo_removes": undo_summary(counts) if any(counts.values()) else ""}
    if request.htmx:
        return render(request, "imports/import_detail.html#status", context)
    return render(request, "imports/import_detail.html", context)


@login_required
def import_undo(request: HttpRequest, pk: int) -> HttpResponse:
    # Ownership first: someone else's import is a 404 whatever the method, never a 405.
    return _undo(request, _owned_batch(request, pk))


UNDO_NOUNS = {
    "runs": ngettext_lazy("%(count)d run", "%(count)d runs", "count"),
    "cross_training": ngettext_lazy("%(count)d cross-training session", "%(count)d cross-training sessions", "count"),
    "pain_reports": ngettext_lazy("%(count)d pain report", "%(count)d pain reports", "count"),
    "shoes": ngettext_lazy("%(count)d shoe", "%(count)d shoes", "count"),
}


def undo_summary(counts: dict[str, int]) -> str:
    """'84 runs, 24 cross-training sessions and 2 shoes': the kinds there are, each in its number."""
    parts = [UNDO_NOUNS[kind] % {"count": counts[kind]} for kind in UNDO_NOUNS if counts[kind]]
    if not parts:
        return gettext("nothing")
    if len(parts) == 1:
        return parts[0]
    # Translators: the end of a list, e.g. "84 runs, 24 cross-training sessions and 2 shoes".
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(parts[:-1]), "last": parts[-1]}


@login_required
def import_undo_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The page that asks before undoing (without JavaScript; with it, the button asks in a dialog)."""
    batch = _owned_batch(request, pk)
    if not batch.can_be_undone:
        messages.error(request, gettext("Only a finished import can be undone."))
        return redirect("import_detail", pk=batch.pk)
    context = {"batch": batch, "removes": undo_summary(undo_counts(batch))}
    return render(request, "imports/undo_confirm.html", context)


@require_POST
def _undo(request: HttpRequest, batch: ImportBatch) -> HttpResponse:
    if not batch.can_be_undone:
        messages.error(request, gettext("Only a finished import can be undone."))
        return redirect("import_detail", pk=batch.pk)
    counts = undo_batch(batch)
    messages.success(
        request, gettext("Import undone: removed the %(items)s it had added.") % {"items": undo_summary(counts)}
    )
    if request.htmx:
        return HttpResponseClientRedirect(reverse("import_page"))
    return redirect("import_page")


# Exports ------------------------------------------------------------------------------------------
# Each export is built whole into a spooled temporary file (memory up to SPOOL_BYTES, then disk) and only
# then sent with its Content-Length: a failure while building answers an error page, never a 200 cut short.
SPOOL_BYTES = 8 * 1024 * 1024
# A text cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RUN_COLUMNS = [
    "start",
    "distance_km",
    "duration_s",
    "kind",
    "rpe",
    "shoe",
    "warm_up",
    "surface",
    "avg_hr",
    "elevation_gain_m",
    "source",
    "notes",
]
CROSS_TRAINING_COLUMNS = ["start", "activity", "duration_s", "rpe", "distance_km", "source", "notes"]


def _send_export(
    request: HttpRequest, build: Callable[[BinaryIO], object], filename: str, content_type: str
) -> HttpResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    try:
        build(spool)
    except Exception:
        spool.close()
        log.exception("export failed user=%s file=%s", request.user.pk, filename)
        return render(request, "imports/export_failed.html", status=500)
    size = spool.tell()
    spool.seek(0)
    response = FileResponse(spool, as_attachment=True, filename=filename, content_type=content_type)
    response["Content-Length"] = str(size)
    return response


def _stamp(request: HttpRequest, suffix: str) -> str:
    return f"runlog-{request.user.get_username()}-{timezone.now():%Y%m%d}.{suffix}"


@login_required
def export_account_json(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    return _send_export(request, partial(write_json, profile), _stamp(request, "json"), "application/json")


@login_required
def export_account_zip(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    return _send_export(request, partial(write_archive, profile), _stamp(request, "zip"), "application/zip")


class Figure(str):
    """A number we formatted ourselves: written as it is, never taken for a formula."""


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading quote; numbers stay numbers."""
    if isinstance(value, str) and not isinstance(value, Figure) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_number(value: float | None, digits: int | None = None) -> str:
    if value is None or not math.isfinite(value):
        return ""  # a NaN or an infinity that got past the forms: an empty cell rather than a failed export
    return Figure(f"{value:.{digits}f}" if digits is not None else repr(value))


def _local_start(start: dt.datetime, tz: dt.tzinfo) -> str:
    """In the runner's zone; a stored extreme that zone cannot express is written in UTC."""
    try:
        return start.astimezone(tz).isoformat()
    except (OverflowError, ValueError):
        return start.astimezone(dt.UTC).isoformat()


def _write_csv(out: BinaryIO, header: list[str], rows: Iterable[list]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    text.flush()
    text.detach()  # the spooled file stays open for the response


def _run_rows(user, tz: dt.tzinfo) -> Iterable[list]:
    runs = Run.objects.filter(user=user).select_related("shoe").order_by("start", "pk").iterator(chunk_size=2000)
    for r in runs:
        yield [
            _local_start(r.start, tz),
            _csv_number(r.distance_m / 1000, 3),
            r.duration_s,
            r.kind,
            "" if r.rpe is None else r.rpe,
            r.shoe.name if r.shoe else "",
            "yes" if r.warm_up else "no",
            r.surface,
            r.avg_hr or "",
            _csv_number(r.elevation_gain_m),
            r.source,
            r.notes,
        ]


def _cross_training_rows(user, tz: dt.tzinfo) -> Iterable[list]:
    sessions = CrossTraining.objects.filter(user=user).order_by("start", "pk").iterator(chunk_size=2000)
    for c in sessions:
        yield [
            _local_start(c.start, tz),
            c.activity,
            c.duration_s,
            "" if c.rpe is None else c.rpe,
            _csv_number(None if c.distance_m is None else c.distance_m / 1000, 3),
            c.source,
            c.notes,
        ]


@login_required
def export_runs_csv(request: HttpRequest) -> HttpResponse:
    tz = profile_for(request.user).tz
    rows = partial(_run_rows, request.user, tz)
    return _send_export(
        request, lambda out: _write_csv(out, RUN_COLUMNS, rows()), "runs.csv", "text/csv; charset=utf-8"
    )


@login_required
def export_cross_training_csv(request: HttpRequest) -> HttpResponse:
    tz = profile_for(request.user).tz
    rows = partial(_cross_training_rows, request.user, tz)
    return _send_export(
        request,
        lambda out: _write_csv(out, CROSS_TRAINING_COLUMNS, rows()),
        "cross-training.csv",
        "text/csv; charset=utf-8",
    )
