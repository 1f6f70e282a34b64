"""Pages for pain reports, the advice library and the risk panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from injuries.advice import render_markdown
from injuries.assessment import risk_panel as risk_panel_context
from injuries.forms import MorningScoreForm, PainReportForm
from injuries.models import Advice, PainReport
from runlog.log import crud
from runlog.log.forms import initial_day
from runlog.log.models import Run, profile_for
from runlog.site.localtime import local_date


def _pain_reports(user):
    return PainReport.objects.for_user(user).select_related("run")


PAIN = crud.Section(
    name="pain",
    model=PainReport,
    form_class=PainReportForm,
    noun="pain report",
    title="Pain reports",
    add_label="Report pain",
    empty_text="No pain reported. Log it the day it starts — early is when it is easiest to fix.",
    item_template="injuries/_pain.html",
    queryset=_pain_reports,
    initial=lambda request: {**initial_day(request.GET, profile_for(request.user)), **_pain_initial(request)},
)


def _pain_initial(request: HttpRequest) -> dict:
    """The follow-up after logging a run links the report to that run (if it is the runner's own)."""
    initial = {}
    run_id = request.GET.get("run", "")
    if run_id.isdigit():
        run = Run.objects.for_user(request.user).filter(pk=int(run_id)).first()
        if run is not None:
            initial["run"] = run.pk
            initial["date"] = local_date(run.start, profile_for(request.user).tz)
    return initial


def advice_list(request: HttpRequest) -> HttpResponse:
    items = Advice.objects.published().order_by("kind", "title")
    return render(request, "injuries/advice_list.html", {"items": items})


def advice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    advice = get_object_or_404(Advice.objects.published(), slug=slug)
    return render(request, "injuries/advice_detail.html", {"advice": advice, "body": render_markdown(advice.body)})


@login_required
def risk_panel(request: HttpRequest) -> HttpResponse:
    """The risk panel alone, for the htmx refresh after the log changes."""
    profile = profile_for(request.user)
    return render(request, "injuries/_risk_panel.html", risk_panel_context(profile, profile.today()))


@login_required
def pain_morning(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the next-morning score of a report, from the dashboard's prompt."""
    # Ownership first: someone else's report is a 404 whatever the method, never a 405.
    return _record_morning(request, crud.get_owned(PAIN, request, pk))


@require_POST
def _record_morning(request: HttpRequest, report: PainReport) -> HttpResponse:
    form = MorningScoreForm(request.POST, instance=report)
    if not form.is_valid():
        return render(request, "injuries/_morning.html#morning", {"report": report, "morning_form": form}, status=422)
    form.save()
    if request.htmx:
        return crud.mark_changed(render(request, "injuries/_morning.html#morning-done", {"report": report}))
    return redirect("home")
