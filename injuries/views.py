"""Pages for pain reports, the advice library and the risk panel."""

from __future__ import annotations

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from injuries.advice import ShownAdvice, render_markdown
from injuries.assessment import assessment_of, frames_for, plan_history
from injuries.assessment import risk_panel as risk_panel_context
from injuries.forms import MorningScoreForm, PainReportForm, PlanResumeForm, PlanStartForm, SessionPainForm
from injuries.models import Advice, PainReport, ReturnPlan, language_code
from injuries.risk import plan as return_plan
from injuries.risk.rules.pain import body_part
from runlog.log import crud
from runlog.log.forms import initial_day
from runlog.log.models import Run, profile_for
from runlog.site.localtime import local_date
from runlog.site.ownership import owned_or_404


def _pain_reports(user):
    return PainReport.objects.for_user(user).select_related("run")


PAIN = crud.Section(
    name="pain",
    model=PainReport,
    form_class=PainReportForm,
    noun=gettext_lazy("pain report"),
    title=gettext_lazy("Pain reports"),
    add_label=gettext_lazy("Report pain"),
    empty_text=gettext_lazy("No pain reported. Log it the day it starts — early is when it is easiest to fix."),
    item_template="injuries/_pain.html",
    queryset=_pain_reports,
    initial=lambda request: {**initial_day(request.GET, profile_for(request.user)), **_pain_initial(request)},
    # The episodes and the plan offer load after the list (their own request), so the list costs what it did.
    extra_context=lambda request: {"aside_template": "injuries/_pain_aside.html"},
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
    items = [ShownAdvice(a) for a in Advice.objects.published().with_translations().order_by("kind", "title")]
    if language_code() != "en":
        items.sort(key=lambda a: (a.kind, a.title.casefold()))  # by the title the runner reads
    return render(request, "injuries/advice_list.html", {"items": items})


def advice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    advice = ShownAdvice(get_object_or_404(Advice.objects.published().with_translations(), slug=slug))
    return render(request, "injuries/advice_detail.html", {"advice": advice, "body": render_markdown(advice.body)})


@login_required
def pain_episodes(request: HttpRequest) -> HttpResponse:
    """Each pain episode of the last 90 days and what the log shows in the 14 days before it began."""
    profile = profile_for(request.user)
    today = profile.today()
    assessment = assessment_of(profile, today)
    context = {
        "episodes": list(reversed(assessment.episodes)),
        "offer": next((f for f in assessment.flags if f.code == "plan.return_to_run"), None),
        "plan": assessment.plan,
        "profile": profile,
    }
    template = "injuries/episodes.html" + ("#episodes" if request.htmx else "")
    return render(request, template, context)


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


# Return-to-run plans ------------------------------------------------------------------------------


def _own_plan(request: HttpRequest, pk: int) -> ReturnPlan:
    return owned_or_404(ReturnPlan.objects.for_user(request.user), request, pk, "plan")


def _plans_context(profile, today) -> dict:
    """The current plan (active or paused), the history, and whether starting one needs a confirmation."""
    history = plan_history(profile, today)
    assessment = assessment_of(profile, today)
    current = next((p for p in reversed(history) if p.status in ("active", "paused")), None)
    offer = next((f for f in assessment.flags if f.code == "plan.return_to_run"), None)
    return {
        "history": list(reversed(history)),
        "current": current,
        "offer": offer,
        "ladder": return_plan.ladder(),
        "needs_confirmation": return_plan.red_flag_active(frames_for(profile, today), pd.Timestamp(today)),
    }


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """The runner's plans: the one under way with today's session, a way to start one, and the past ones."""
    profile = profile_for(request.user)
    return render(request, "injuries/plans.html", {"profile": profile, **_plans_context(profile, profile.today())})


@login_required
def plan_today(request: HttpRequest) -> HttpResponse:
    """The dashboard's lead card alone, for the htmx refresh after the log changes."""
    profile = profile_for(request.user)
    today = profile.today()
    plan = assessment_of(profile, today).plan
    return render(request, "injuries/_plan_today.html", {"plan": plan, "today": today})


@login_required
def plan_start(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    today = profile.today()
    context = _plans_context(profile, today)
    if context["current"] is not None:
        messages.info(request, gettext("You already have a plan under way: finish or end it before starting another."))
        return redirect("plan_detail", context["current"].plan_id)
    offer = context["offer"]
    initial = {"location": offer.evidence["location"] if offer else _last_sore_location(request.user)}
    form = PlanStartForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        needs_confirmation=context["needs_confirmation"],
    )
    if request.method == "POST" and form.is_valid():
        location = form.cleaned_data["location"]
        plan = ReturnPlan.objects.create(
            user=request.user,
            location=location,
            started_on=today,
            baseline=PainReport.objects.for_user(request.user).last_morning_score(location, today),
            cleared_on=today if form.cleaned_data.get("cleared") else None,
        )
        messages.success(request, gettext("Plan started. Mark your runs as plan sessions and score the pain of each."))
        return redirect("plan_detail", plan.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "injuries/plan_start.html", {"form": form, **context}, status=status)


def _last_sore_location(user) -> str:
    found = PainReport.objects.for_user(user).order_by("-date", "-id").values_list("location", flat=True).first()
    return found or "inner_knee"


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One plan: the ladder, where the runner stands, every session with its zone and why."""
    stored = _own_plan(request, pk)
    profile = profile_for(request.user)
    context = _plans_context(profile, profile.today())
    plan = next((p for p in context["history"] if p.plan_id == stored.pk), None)
    resume_form = PlanResumeForm(needs_confirmation=_resume_needs_confirmation(plan, context))
    return render(
        request,
        "injuries/plan_detail.html",
        {**context, "stored": stored, "plan": plan, "resume_form": resume_form, "profile": profile},
    )


def _resume_needs_confirmation(plan, context: dict) -> bool:
    """A red-flag pause, or a red flag logged in the last 14 days (even while the runner had paused the plan),
    asks for the same confirmation as a start; a holiday or an illness without one does not."""
    return plan is None or not plan.paused_by_runner or context["needs_confirmation"]


def _plan_as_read(request: HttpRequest, stored: ReturnPlan):
    """The stored plan as the engine reads it today, with the plans context it came from."""
    profile = profile_for(request.user)
    context = _plans_context(profile, profile.today())
    return next((p for p in context["history"] if p.plan_id == stored.pk), None), context


@login_required
def plan_pause(request: HttpRequest, pk: int) -> HttpResponse:
    """The runner pauses an active plan (a holiday, an illness): sessions from today until the resume do not
    count, and the phase is kept."""
    return _pause(request, _own_plan(request, pk))


@require_POST
def _pause(request: HttpRequest, stored: ReturnPlan) -> HttpResponse:
    plan, _ = _plan_as_read(request, stored)
    if plan is None or plan.status != "active":
        messages.info(request, gettext("Only a plan under way can be paused."))
        return redirect("plan_detail", stored.pk)
    stored.paused_on = profile_for(request.user).today()
    stored.save(update_fields=["paused_on"])
    messages.success(
        request,
        gettext("Plan paused at phase %(phase)s. Resume it when you are ready to run again.") % {"phase": plan.phase},
    )
    return redirect("plan_detail", stored.pk)


@login_required
def plan_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Resume a paused plan (after a red flag, once the runner confirms as at the start); sessions from today
    on count."""
    return _resume(request, _own_plan(request, pk))


@require_POST
def _resume(request: HttpRequest, stored: ReturnPlan) -> HttpResponse:
    plan, context = _plan_as_read(request, stored)
    if plan is None or plan.status != "paused":
        messages.info(request, gettext("This plan is not paused."))
        return redirect("plan_detail", stored.pk)
    form = PlanResumeForm(request.POST, needs_confirmation=_resume_needs_confirmation(plan, context))
    if not form.is_valid():
        messages.error(request, form.errors["cleared"][0])
        return redirect("plan_detail", stored.pk)
    # The runner's pause day stays stored: with cleared_on on or after it, the replay skips the sessions in
    # between and counts from today on.
    stored.cleared_on = profile_for(request.user).today()
    stored.save(update_fields=["cleared_on"])
    messages.success(
        request, gettext("Plan resumed at phase %(phase)s: sessions from today on count.") % {"phase": plan.phase}
    )
    return redirect("plan_detail", stored.pk)


@login_required
def plan_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a plan early (it stays in the history)."""
    return _end(request, _own_plan(request, pk))


@require_POST
def _end(request: HttpRequest, stored: ReturnPlan) -> HttpResponse:
    if stored.ended_on is None:
        stored.ended_on = max(profile_for(request.user).today(), stored.started_on)
        stored.save(update_fields=["ended_on"])
        messages.success(request, gettext("Plan ended. It stays in your history below."))
    return redirect("plan_detail", stored.pk)


@login_required
def session_pain(request: HttpRequest, pk: int) -> HttpResponse:
    """The pain of a plan session, asked right after it is saved: during and after now, the morning tomorrow."""
    run = owned_or_404(Run.objects.for_user(request.user), request, pk, "run")
    profile = profile_for(request.user)
    current = _plans_context(profile, profile.today())["current"]
    location = current.location if current else _last_sore_location(request.user)
    report = PainReport.objects.for_user(request.user).filter(run=run, location=location).first()
    side = (
        PainReport.objects.for_user(request.user)
        .filter(location=location)
        .order_by("-date", "-id")
        .values_list("side", flat=True)
        .first()
    )
    form = SessionPainForm(request.POST if request.method == "POST" else None, initial={"side": side or "left"})
    context = {"run": run, "form": form, "location_label": body_part(location), "report": report}
    if request.method == "POST" and form.is_valid():
        report = report or PainReport(user=request.user, run=run, location=location)
        report.date = local_date(run.start, profile.tz)
        report.side = form.cleaned_data["side"]
        report.during, report.after = form.cleaned_data["during"], form.cleaned_data["after"]
        report.save()
        context["report"] = report
        response = render(request, "injuries/_session_pain.html#saved", context)
        return crud.mark_changed(response) if request.htmx else redirect("plan_list")
    template = "injuries/_session_pain.html" + ("#ask" if request.htmx else "")
    return render(request, template, context, status=422 if request.method == "POST" else 200)
