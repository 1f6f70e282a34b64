"""Getting a log in and out: file uploads imported in the background, history with undo, exports."""

from __future__ import annotations

import csv
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .importers import ACCEPTED, MAX_FILES_PER_UPLOAD, MAX_WAITING_IMPORTS, megabytes, upload_limit
from .importers.account_json import iter_export
from .importers.base import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
from .jobs import ImportRefused, queue_import, requeue_stale_imports, undo_batch
from .models import CrossTraining, ImportBatch, Run, profile_for

log = logging.getLogger("runlog.security")


def _owned_batch(request: HttpRequest, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(pk=pk, user=request.user).first()
    if batch is None:
        log.warning("ownership denied user=%s path=%s", request.user.pk, request.path)
        raise Http404("No such import.")
    return batch


def _upload_errors(files) -> list[str]:
    if not files:
        return ["Choose at least one file to import."]
    if len(files) > MAX_FILES_PER_UPLOAD:
        return [f"At most {MAX_FILES_PER_UPLOAD} files at once; put more into a ZIP archive."]
    errors = []
    for upload in files:
        name = upload.name or "unnamed"
        limit = upload_limit(name)
        if not name.lower().endswith(ACCEPTED):
            errors.append(f"{name}: not a file type Runlog reads (GPX, TCX, FIT, .gz, CSV, ZIP or JSON).")
        elif upload.size > limit:
            errors.append(f"{name}: larger than {megabytes(limit)}.")
        elif upload.size == 0:
            errors.append(f"{name}: the file is empty.")
    return errors


def _import_page(request: HttpRequest, errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    context = {
        "history": ImportBatch.objects.filter(user=request.user)[:20],
        "errors": errors,
        "max_file": megabytes(MAX_FILE_BYTES),
        "max_archive": megabytes(MAX_ARCHIVE_BYTES),
        "max_waiting": MAX_WAITING_IMPORTS,
        "accepted": ",".join(ACCEPTED),
    }
    return render(request, "runlog/import.html", context, status=status)


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        requeue_stale_imports(request.user)
        return _import_page(request)
    files = request.FILES.getlist("files")
    errors = _upload_errors(files)
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


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _owned_batch(request, pk)
    if batch.is_waiting and requeue_stale_imports(request.user):
        batch.refresh_from_db()
    context = {"batch": batch, "totals": batch.totals()}
    if request.htmx:
        return render(request, "runlog/import_detail.html#status", context)
    return render(request, "runlog/import_detail.html", context)


@login_required
def import_undo(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _owned_batch(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not batch.can_be_undone:
        messages.error(request, "Only a finished import can be undone.")
        return redirect("import_detail", pk=batch.pk)
    counts = undo_batch(batch)
    messages.success(
        request,
        f"Import undone: removed {counts['runs']} runs, {counts['cross_training']} cross-training sessions, "
        f"{counts['pain_reports']} pain reports and {counts['shoes']} shoes it had added.",
    )
    return redirect("import_page")


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_account_json(request: HttpRequest) -> StreamingHttpResponse:
    profile = profile_for(request.user)
    stamp = timezone.now().strftime("%Y%m%d")
    response = StreamingHttpResponse(iter_export(profile), content_type="application/json")
    return _attachment(response, f"runlog-{request.user.get_username()}-{stamp}.json")


class _Echo:
    def write(self, value):
        return value


def _csv_stream(header, rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


@login_required
def export_runs_csv(request: HttpRequest) -> StreamingHttpResponse:
    profile = profile_for(request.user)
    tz = profile.tz
    runs = Run.objects.filter(user=request.user).select_related("shoe").order_by("start").iterator(chunk_size=2000)
    rows = (
        [
            r.start.astimezone(tz).isoformat(),
            f"{r.distance_m / 1000:.3f}",
            r.duration_s,
            r.kind,
            "" if r.rpe is None else r.rpe,
            r.shoe.name if r.shoe else "",
            "yes" if r.warm_up else "no",
            r.surface,
            r.avg_hr or "",
            "" if r.elevation_gain_m is None else r.elevation_gain_m,
            r.source,
            r.notes,
        ]
        for r in runs
    )
    header = [
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
    response = StreamingHttpResponse(_csv_stream(header, rows), content_type="text/csv; charset=utf-8")
    return _attachment(response, "runs.csv")


@login_required
def export_cross_training_csv(request: HttpRequest) -> StreamingHttpResponse:
    tz = profile_for(request.user).tz
    sessions = CrossTraining.objects.filter(user=request.user).order_by("start").iterator(chunk_size=2000)
    rows = (
        [
            c.start.astimezone(tz).isoformat(),
            c.activity,
            c.duration_s,
            "" if c.rpe is None else c.rpe,
            "" if c.distance_m is None else f"{c.distance_m / 1000:.3f}",
            c.source,
            c.notes,
        ]
        for c in sessions
    )
    header = ["start", "activity", "duration_s", "rpe", "distance_km", "source", "notes"]
    response = StreamingHttpResponse(_csv_stream(header, rows), content_type="text/csv; charset=utf-8")
    return _attachment(response, "cross-training.csv")
