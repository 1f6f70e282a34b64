"""A run's own page (summary, route, charts, splits, laps, best efforts, warnings), its samples, splits and
original file, and the records and totals page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from injuries.advice import slug_for
from injuries.assessment import assessment_for
from injuries.risk import Assessment
from injuries.risk.metrics import CADENCE_DAYS, CADENCE_MIN_RUNS
from injuries.risk.rules.form import step_rate_target
from runlog.activity import charts, records
from runlog.activity.models import Recording
from runlog.activity.route import map_lines, route
from runlog.activity.samples import CHANNEL_NAMES
from runlog.activity.series import chart_series
from runlog.activity.splits import splits
from runlog.log import bounds, crud
from runlog.log import units as u
from runlog.log.models import Run, profile_for
from runlog.log.views import RUNS
from runlog.site.localtime import local_date
from runlog.site.ownership import owned_or_404


def _own_run(request: HttpRequest, pk: int) -> Run:
    """The runner's own run, with its shoe and recording; 404 for anyone else's, whatever the method (so
    another runner learns nothing from a POST either); then 405 for anything but GET."""
    own = Run.objects.filter(user=request.user).select_related("shoe", "recording")
    run = owned_or_404(own, request, pk, "run")
    if request.method not in ("GET", "HEAD"):
        raise MethodNotAllowed
    return run


class MethodNotAllowed(Exception):
    """Raised by `_own_run` once ownership is settled; `read_only` answers it with 405."""


def read_only(view):
    """A GET view of one run: ownership first (404), the method second (405)."""

    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            return view(request, pk)
        except MethodNotAllowed:
            return HttpResponseNotAllowed(["GET", "HEAD"])

    wrapped.__name__ = wrapped.__qualname__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required(wrapped)


def _recording(run: Run) -> Recording | None:
    try:
        return run.recording
    except Recording.DoesNotExist:
        return None


# The step-rate advice the run's page links to: the general topic, useful with or without knee pain.
STEP_RATE_ADVICE = slug_for("topic.step_rate")


def _run_day_assessment(profile, run: Run) -> Assessment | None:
    """The assessment on the run's day (its warnings and its step-rate target), None for a stored day out of
    the forms' bounds (old data), around which no engine window fits."""
    day = local_date(run.start, profile.tz)
    if not bounds.DATE_MIN <= day <= profile.today():
        return None
    return assessment_for(profile, on=day)


def _step_rate(run: Run, assessment: Assessment | None) -> dict | None:
    """The run's step rate against the range the runner was building towards on its day (form.cadence):
    ⌈1.05 c⌉ to ⌊1.10 c⌋ steps/min from the engine, c the median over the 30 days up to that day. None
    when the run has no step rate; `target` None when there were too few runs with one."""
    if run.avg_cadence_spm is None:
        return None
    cadence = None if assessment is None else assessment.metrics.get("cadence_spm")
    shown = {
        "spm": run.avg_cadence_spm,
        "cadence_spm": cadence,
        "target": None,
        "where": None,
        "advice_slug": STEP_RATE_ADVICE,
        "min_runs": CADENCE_MIN_RUNS,
        "days": CADENCE_DAYS,
    }
    if cadence is not None:
        low, high = step_rate_target(cadence)
        shown["target"] = (low, high)
        shown["where"] = "below" if run.avg_cadence_spm < low else "above" if run.avg_cadence_spm > high else "in"
    return shown


def _warnings(run: Run, assessment: Assessment | None) -> list:
    """The warnings of the run's day that are about this run: its spike, its shoe's wear."""
    if assessment is None:
        return []
    mine = []
    for flag in assessment.flags:
        if flag.code == "overtraining.session_spike" and flag.evidence.get("run_km") == round(run.distance_m / 1000, 2):
            mine.append(flag)
        elif flag.code == "footwear.worn" and run.shoe and flag.evidence.get("shoe") == run.shoe.name:
            mine.append(flag)
    return mine


def _route_map(samples) -> dict | None:
    """What the map script needs to draw the route on the operator's tiles: the visible points only (the
    privacy zone is cut here, on the server), the tile URL and the credit to show."""
    lines = map_lines(samples, privacy_m=settings.RUNLOG_PRIVACY_ZONE_M)
    if lines is None:
        return None
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "lines": lines,
        "labels": {"start": gettext("Where the shown route starts"), "end": gettext("Where the shown route ends")},
    }


@read_only
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The run in full. An htmx request (the list's inline Cancel) still gets the list's entry."""
    if request.htmx:
        return crud.item(RUNS, request, pk)
    run = _own_run(request, pk)
    profile = profile_for(request.user)
    unit = profile.units
    recording = _recording(run)
    samples = recording.samples if recording else None
    assessment = _run_day_assessment(profile, run)
    context = {
        "run": run,
        "profile": profile,
        "unit": unit,
        "recording": recording,
        "warnings": _warnings(run, assessment),
        "step_rate": _step_rate(run, assessment),
        "route": None,
        "charts": [],
        "chart_rows": [],
        "splits": [],
        "laps": recording.lap_list() if recording else [],
        "efforts": recording.effort_list() if recording else [],
        "privacy_m": settings.RUNLOG_PRIVACY_ZONE_M,
        "route_map": None,
    }
    if samples is not None and len(samples) > 1:
        context["route"] = route(samples, privacy_m=settings.RUNLOG_PRIVACY_ZONE_M)
        if context["route"] and settings.MAP_TILE_URL:
            context["route_map"] = _route_map(samples)
        series = chart_series(samples)
        if series is not None:
            context["charts"] = charts.charts_for(series, unit)
            context["chart_rows"] = charts.rows_for(chart_series(samples, points=charts.TABLE_ROWS), unit)
        context["splits"] = splits(samples, unit_m=u.unit_m(unit))
    return render(request, "activity/run.html", context)


@read_only
def run_samples(request: HttpRequest, pk: int) -> JsonResponse:
    """The run's samples, one list per channel (the API's columnar shape); a run without samples (logged by
    hand, imported from a summary) has an empty time axis and every other channel null."""
    recording = _recording(_own_run(request, pk))
    samples = recording.samples if recording else None
    if samples is None:
        return JsonResponse({name: [] if name == "t_s" else None for name in CHANNEL_NAMES})
    return JsonResponse(samples.as_columns())


@read_only
def run_splits(request: HttpRequest, pk: int) -> JsonResponse:
    """The run's splits per km (`?unit=km`, the default) or per mile (`?unit=mi`)."""
    run = _own_run(request, pk)
    unit = request.GET.get("unit", "km")
    if unit not in ("km", "mi"):
        return JsonResponse({"detail": "unit must be km or mi"}, status=400)
    recording = _recording(run)
    samples = recording.samples if recording else None
    result = splits(samples, unit_m=u.unit_m(unit)) if samples is not None else []
    return JsonResponse([split.as_dict() for split in result], safe=False)


@read_only
def run_original(request: HttpRequest, pk: int) -> FileResponse:
    """The file the run was imported from, byte for byte as it was uploaded."""
    recording = _recording(_own_run(request, pk))
    if recording is None or not recording.original.name:
        raise Http404(gettext("This run has no original file."))
    name = recording.original_name or f"run-{pk}"
    return FileResponse(recording.original.open("rb"), as_attachment=True, filename=name.rsplit("/", 1)[-1])


@login_required
@require_GET
def records_page(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    return render(
        request,
        "activity/records.html",
        {"profile": profile, "unit": profile.units, **records.records_for(request.user, profile)},
    )
