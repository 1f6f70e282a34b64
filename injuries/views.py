"""Pages for pain reports, the advice library and the risk panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from runlog import sections
from runlog.models import profile_for

from .advice import assessment_for, render_markdown, with_advice
from .forms import PainReportForm
from .models import Advice, PainReport


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
    return sections.create(PAIN, request)


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


def risk_context(request: HttpRequest) -> dict:
    profile = profile_for(request.user)
    assessment = assessment_for(profile)
    return {"assessment": assessment, "shown_flags": with_advice(assessment), "profile": profile}
