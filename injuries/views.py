"""Pages for pain reports, the advice library and the risk panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render

from injuries.advice import assessment_for, render_markdown, with_advice
from injuries.forms import MorningScoreForm, PainReportForm
from injuries.models import Advice, PainReport
from injuries.risk import assess
from runlog.log import crud as sections
from runlog.log.forms import initial_day
from runlog.log.models import profile_for
from runlog.site.localtime import local_date


def _pain_reports(user):
    return PainReport.objects.for_user(user).select_related("run")


PAIN = sections.Section(
    name="pain",
    model=PainReport,
    form_class=PainReportForm,
    noun="pain report",
    title="Pain reports",
    add_label="Report pain",
    empty_text="No pain reported. Log it the day it starts — early is when it is easiest to fix.",
    item_template="injuries/_pain.html",
    queryset=_pain_reports,
)


@login_required
def pain_list(request: HttpRequest) -> HttpResponse:
    return sections.list_page(PAIN, request)


@login_required
def pain_new(request: HttpRequest) -> HttpResponse:
    return sections.create(
        PAIN, request, initial={**initial_day(request.GET, profile_for(request.user)), **_pain_initial(request)}
    )


def _pain_initial(request: HttpRequest) -> dict:
    """The follow-up after logging a run links the report to that run (if it is the runner's own)."""
    initial = {}
    run_id = request.GET.get("run", "")
    if run_id.isdigit():
        from runlog.log.models import Run

        run = Run.objects.for_user(request.user).filter(pk=int(run_id)).first()
        if run is not None:
            initial["run"] = run.pk
            initial["date"] = local_date(run.start, profile_for(request.user).tz)
    return initial


@login_required
def pain_item(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.item(PAIN, request, pk)


@login_required
def pain_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.edit(PAIN, request, pk)


@login_required
def pain_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.delete(PAIN, request, pk)


def advice_list(request: HttpRequest) -> HttpResponse:
    items = Advice.objects.published().order_by("kind", "title")
    return render(request, "injuries/advice_list.html", {"items": items})


def advice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    advice = get_object_or_404(Advice.objects.published(), slug=slug)
    return render(request, "injuries/advice_detail.html", {"advice": advice, "body": render_markdown(advice.body)})


@login_required
def risk_panel(request: HttpRequest) -> HttpResponse:
    """The risk panel alone, for the htmx refresh after the log changes."""
    return render(request, "injuries/_risk_panel.html", risk_context(request))


def risk_context(request: HttpRequest, frames=None) -> dict:
    """The risk panel's context. `frames` is a callable that loads the runner's frames (at most once);
    the assessment is cached until the runner's log or date changes."""
    from runlog.log.versions import get_or_compute

    profile = profile_for(request.user)
    today = profile.today()
    assessment = get_or_compute(
        "assessment",
        profile,
        today,
        (lambda: assess(frames(), today)) if frames is not None else (lambda: assessment_for(profile, today)),
    )
    return {"assessment": assessment, "shown_flags": with_advice(assessment), "profile": profile}


def morning_prompts(user, today):
    """Yesterday's pain reports still waiting for their next-morning score (the model needs it)."""
    import datetime as dt

    return list(
        PainReport.objects.for_user(user)
        .filter(date=today - dt.timedelta(days=1), next_morning__isnull=True)
        .order_by("pk")[:3]
    )


@login_required
def pain_morning(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the next-morning score of a report, from the dashboard's prompt."""
    report = sections.get_owned(PAIN, request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = MorningScoreForm(request.POST, instance=report)
    if not form.is_valid():
        return render(request, "runlog/home.html#morning", {"report": report, "morning_form": form}, status=422)
    form.save()
    if request.htmx:
        return sections.mark_changed(render(request, "runlog/home.html#morning-done", {"report": report}))
    return redirect("home")
