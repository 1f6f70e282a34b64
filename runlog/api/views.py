"""The HTTP API, version 1 (/api/v1/): the log's entries, imports, the risk document and the export.

django-ninja writes the OpenAPI 3 document from these signatures and schemas and validates input
against them. Every answer that is not a success is {"detail": …}: 401 without a live token, 403 for a
read token that writes, 404 for anything that is not the token owner's, 422 for refused input (the
forms' own messages, with the field), 429 beyond the rate limit (with Retry-After).
"""

# No `from __future__ import annotations`: django-ninja reads the annotations of the views at import.

import logging
import math
from typing import Any, Literal

from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext
from ninja import File, NinjaAPI, Query, Router, Schema, Status, UploadedFile
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from pydantic import Field

from injuries.advice import report_dict
from injuries.assessment import assessment_for
from runlog.api import entries, recordings, schemas
from runlog.api.models import ApiToken
from runlog.api.tokens import TokenRateThrottle, token_for
from runlog.imports.account_export import export_document
from runlog.imports.files import upload_errors
from runlog.imports.models import ImportBatch
from runlog.imports.tasks import ImportRefused, queue_import
from runlog.log.bounds import date_problems
from runlog.log.middleware import runner_language
from runlog.log.models import Profile, profile_for
from runlog.site.ownership import owned_or_404

log = logging.getLogger("runlog.security")

MAX_PER_PAGE = 100


class BearerToken(HttpBearer):
    """`Authorization: Bearer rl_…`: the runner's live token, or 401."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_for(token)
        if found is None:
            log.info("api token refused path=%s", request.path)
            return None
        request.user = found.user
        # Every answer, errors included, in the token owner's language (their Settings language).
        language = runner_language(found.user)
        if language:
            translation.activate(language)
        return found


api = NinjaAPI(
    title="Runlog API",
    version="1",
    description="A runner's training log: runs, shoes, cross-training, pain reports, imports, the risk "
    "assessment and the account export. Authenticate with `Authorization: Bearer <token>` (Settings → API "
    "tokens). Distances are kilometres, durations seconds, whatever unit the runner reads in.",
    auth=BearerToken(),
    throttle=[TokenRateThrottle()],
    urls_namespace="api",
)

ERRORS: dict[int, type[Schema]] = {400: schemas.Detail, 401: schemas.Detail, 404: schemas.Detail, 422: schemas.Detail}
READ = {**ERRORS, 429: schemas.Detail}
WRITE = {**READ, 403: schemas.Detail}


@api.exception_handler(entries.Refused)
def refused(request: HttpRequest, exc: entries.Refused):
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or gettext("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    response = api.create_response(
        request, {"detail": gettext("A valid API token is needed (Authorization: Bearer …).")}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


def not_found_anywhere(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /api/: JSON like every API answer, not the site's HTML page."""
    return JsonResponse({"detail": gettext("No such API path. The document is at /api/v1/openapi.json.")}, status=404)


def _profile(request: HttpRequest) -> Profile:
    return profile_for(request.auth.user)


def _writer(request: HttpRequest) -> Profile:
    """The token's runner, if the token may write; 403 otherwise."""
    token: ApiToken = request.auth
    if not token.can_write:
        log.info("api write refused user=%s token=%s path=%s", token.user_id, token.pk, request.path)
        raise HttpError(
            403, gettext("This token can only read. Create a token with the write scope to change the log.")
        )
    return profile_for(token.user)


class ListQuery(Schema):
    page: int = Field(1, ge=1, le=1_000_000)
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE)
    since: schemas.Day | None = Field(None, description="The first day (the runner's own), YYYY-MM-DD")
    until: schemas.Day | None = Field(None, description="The last day (the runner's own), YYYY-MM-DD")


def _list(resource: entries.Resource, request: HttpRequest, query: ListQuery) -> dict[str, Any]:
    profile = _profile(request)
    own = resource.in_period(resource.own(profile.user), profile, query.since, query.until)
    count = own.count()
    first = (query.page - 1) * query.per_page
    items = [entries.shown(resource, obj, profile) for obj in own[first : first + query.per_page]]
    return {"count": count, "page": query.page, "pages": math.ceil(count / query.per_page), "items": items}


def _one(resource: entries.Resource, request: HttpRequest, pk: int):
    return owned_or_404(resource.own(request.auth.user), request, pk, resource.noun)


def _routes(resource: entries.Resource, prefix: str, out, page, create, patch) -> Router:
    """GET list and POST, GET/PATCH/DELETE one, for one kind of entry."""
    router = Router(tags=[prefix])
    noun = resource.noun

    @router.get("", response={200: page, **READ}, summary=f"List {prefix}, newest first")
    def list_entries(request, query: Query[ListQuery]):
        return _list(resource, request, query)

    @router.post("", response={201: out, **WRITE}, summary=f"Add a {noun}")
    def create_entry(request, payload: create):
        profile = _writer(request)
        values = entries.new_values(resource, profile, payload.model_dump(exclude_unset=True))
        obj = entries.save(resource, profile, values)
        return Status(201, entries.shown(resource, _one(resource, request, obj.pk), profile))

    @router.get("/{pk}", response={200: out, **READ}, summary=f"One {noun}")
    def get_entry(request, pk: int):
        return entries.shown(resource, _one(resource, request, pk), _profile(request))

    @router.patch("/{pk}", response={200: out, **WRITE}, summary=f"Change a {noun} (only the fields sent)")
    def patch_entry(request, pk: int, payload: patch):
        profile = _writer(request)
        obj = _one(resource, request, pk)
        values = entries.saved_values(resource, obj, profile) | payload.model_dump(exclude_unset=True)
        entries.save(resource, profile, values, instance=obj)
        return entries.shown(resource, _one(resource, request, pk), profile)

    @router.delete("/{pk}", response={204: None, **WRITE}, summary=f"Delete a {noun}")
    def delete_entry(request, pk: int):
        _writer(request)
        _one(resource, request, pk).delete()
        return Status(204, None)

    for view in (list_entries, create_entry, get_entry, patch_entry, delete_entry):
        view.__name__ = f"{view.__name__}_{prefix.replace('-', '_')}"
    return router


api.add_router("/runs", _routes(entries.RUNS, "runs", schemas.RunOut, schemas.RunPage, schemas.RunIn, schemas.RunPatch))
api.add_router(
    "/shoes", _routes(entries.SHOES, "shoes", schemas.ShoeOut, schemas.ShoePage, schemas.ShoeIn, schemas.ShoePatch)
)
api.add_router(
    "/cross-training",
    _routes(
        entries.CROSS_TRAINING,
        "cross-training",
        schemas.CrossTrainingOut,
        schemas.CrossTrainingPage,
        schemas.CrossTrainingIn,
        schemas.CrossTrainingPatch,
    ),
)
api.add_router(
    "/pain-reports",
    _routes(
        entries.PAIN_REPORTS,
        "pain-reports",
        schemas.PainReportOut,
        schemas.PainReportPage,
        schemas.PainReportIn,
        schemas.PainReportPatch,
    ),
)


ORIGINAL_FILE = {
    "description": "The file as uploaded (GPX, TCX, FIT, or any of them gzipped), as an attachment under its "
    "uploaded name",
    "content": {
        kind: {"schema": {"type": "string", "format": "binary"}}
        for kind in (*recordings.MEDIA_TYPES.values(), recordings.OCTETS)
    },
}


@api.get(
    "/runs/{pk}/samples",
    response={200: schemas.SamplesOut, **READ},
    tags=["runs"],
    summary="A run's samples, one list per channel",
)
def get_run_samples(request, pk: int):
    """What the file recorded, as the run's page has it: `t_s` and one list per channel, null for a channel
    the file lacks. A run without samples (logged by hand, imported from a summary) has an empty `t_s` and
    every other channel null."""
    return recordings.samples_out(recordings.own_recording(request, pk))


@api.get(
    "/runs/{pk}/splits",
    response={200: list[schemas.SplitOut], **READ},
    tags=["runs"],
    summary="A run's splits per kilometre or per mile",
)
def get_run_splits(request, pk: int, unit: Literal["km", "mi"] = "km"):
    """Splits of 1 km (`unit=km`, the default whatever unit the runner reads in) or 1 mile, cut from the
    samples as on the run's page; the last split is the remainder. Empty for a run without samples."""
    return recordings.splits_out(recordings.own_recording(request, pk), unit)


@api.get(
    "/runs/{pk}/original",
    response=READ,
    openapi_extra={"responses": {200: ORIGINAL_FILE}},
    tags=["runs"],
    summary="The file a run was imported from, as uploaded",
)
def get_run_original(request, pk: int):
    """Byte for byte the file the run was imported from; 404 for a run without one."""
    return recordings.original_response(recordings.own_recording(request, pk), pk)


@api.get("/risk", response={200: dict[str, Any], **READ}, tags=["risk"], summary="The risk assessment (risk_report)")
def risk(request, on: schemas.Day | None = None):
    """The document `manage.py risk_report --format json` prints, as of `on` (default: the runner's today)."""
    profile = _profile(request)
    if on is not None and (problems := date_problems(on, profile.today())):
        raise HttpError(422, problems[0].message)
    return report_dict(profile.user.get_username(), assessment_for(profile, on))


@api.get("/export", response={200: dict[str, Any], **READ}, tags=["export"], summary="The account export, version 2")
def export(request):
    return export_document(_profile(request))


def _batch_out(batch: ImportBatch) -> dict[str, Any]:
    return {
        "id": batch.pk,
        "status": batch.status,
        "label": batch.label,
        "created_at": batch.created_at,
        "finished_at": batch.finished_at,
        "total_files": batch.total_files,
        "done_files": batch.done_files,
        "progress": batch.progress,
        "totals": batch.totals(),
        "report": batch.report,
    }


@api.post(
    "/imports",
    response={202: schemas.ImportOut, 413: schemas.Detail, **WRITE},
    tags=["imports"],
    summary="Import a file (GPX, TCX, FIT, .gz, CSV, ZIP or an account export)",
)
def create_import(request, file: File[UploadedFile]):
    """The same pipeline as the import page, with its limits and quota: the import runs in the background;
    GET imports/{id} for its progress and per-file report."""
    profile = _writer(request)
    if errors := upload_errors([file]):
        raise HttpError(422, errors[0])
    try:
        batch = queue_import(profile.user, [(file.name, file)])
    except ImportRefused as refusal:
        raise HttpError(refusal.status, refusal.message) from None
    batch.refresh_from_db()
    return Status(202, _batch_out(batch))


@api.get("/imports/{pk}", response={200: schemas.ImportOut, **READ}, tags=["imports"], summary="An import")
def get_import(request, pk: int):
    return _batch_out(owned_or_404(ImportBatch.objects.filter(user=request.auth.user), request, pk, "import"))
