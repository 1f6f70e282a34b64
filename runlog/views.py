"""Pages of the training log: home, runs, shoes, cross-training, profile and sign-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from injuries.views import morning_prompts, risk_context

from . import sections
from .cache import get_or_compute
from .dashboard import chart_data
from .entries import render_entries
from .forms import CrossTrainingForm, ProfileForm, RunFilterForm, RunForm, ShoeForm, SignupForm, initial_day
from .frames import load_frames
from .models import CrossTraining, Run, Shoe, profile_for
from .summary import week_summary


def _runs(user):
    return Run.objects.for_user(user).select_related("shoe")


def _shoes(user):
    return Shoe.objects.for_user(user).with_distance().order_by("retired_on", "-created_at")


def _cross_training(user):
    return CrossTraining.objects.for_user(user)


RUNS = sections.Section(
    name="run",
    model=Run,
    form_class=RunForm,
    noun="run",
    title="Runs",
    add_label="Log a run",
    empty_text="No runs logged yet. Your first one takes 15 seconds.",
    item_template="runlog/_run.html",
    queryset=_runs,
)
SHOES = sections.Section(
    name="shoe",
    model=Shoe,
    form_class=ShoeForm,
    noun="shoe",
    title="Shoes",
    add_label="Add a pair",
    empty_text="No shoes yet. Add your pairs to see their mileage and when to retire them.",
    item_template="runlog/_shoe.html",
    queryset=_shoes,
)
CROSS_TRAINING = sections.Section(
    name="xt",
    model=CrossTraining,
    form_class=CrossTrainingForm,
    noun="session",
    title="Cross-training",
    add_label="Log a session",
    empty_text="No cross-training yet. Cycling, swimming and strength work all count.",
    item_template="runlog/_cross_training.html",
    queryset=_cross_training,
)


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "runlog/welcome.html")
    profile = profile_for(request.user)
    today = profile.today()
    frames = _frames_once(profile, today)
    context = {
        "profile": profile,
        "week": _week(request, profile, today),
        "form": RunForm(profile=profile),
        "section": RUNS,
        "recent_entries": render_entries(RUNS, _runs(request.user)[:5], profile.units, today),
        "chart_data": get_or_compute("charts", profile, today, lambda: chart_data(profile, frames(), today)),
        "weeks_shown": _weeks_choice(request),
        "morning_reports": morning_prompts(request.user, today),
        **risk_context(request, frames),
    }
    return render(request, "runlog/home.html", context)


def _frames_once(profile, today):
    """A loader that reads the runner's frames on first use only (cache misses share one load)."""
    loaded = []

    def frames():
        if not loaded:
            loaded.append(load_frames(profile, today))
        return loaded[0]

    return frames


def _weeks_choice(request: HttpRequest) -> int:
    value = request.GET.get("weeks", "12")
    return int(value) if value in ("12", "26", "52") else 12


@login_required
def charts_panel(request: HttpRequest) -> HttpResponse:
    """The charts with fresh data, for the htmx refresh after the log changes."""
    profile = profile_for(request.user)
    today = profile.today()
    data = get_or_compute("charts", profile, today, lambda: chart_data(profile, load_frames(profile, today), today))
    return render(request, "runlog/home.html#charts", {"chart_data": data, "weeks_shown": _weeks_choice(request)})


@login_required
def week_panel(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    week = _week(request, profile, profile.today())
    return render(request, "runlog/home.html#week", {"week": week, "profile": profile})


def _week(request: HttpRequest, profile, today):
    """This week at a glance, cached until the runner's log or date changes."""
    return get_or_compute("week", profile, today, lambda: week_summary(request.user, profile, today))


# Runs -------------------------------------------------------------------------------------------


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    filters = RunFilterForm(request.GET or None, user=request.user)
    queryset = _runs(request.user)
    if filters.is_valid():
        if kind := filters.cleaned_data.get("kind"):
            queryset = queryset.filter(kind=kind)
        if shoe := filters.cleaned_data.get("shoe"):
            queryset = queryset.filter(shoe=shoe)
    query = request.GET.copy()
    query.pop("page", None)
    return sections.list_page(RUNS, request, queryset, filters=filters, filter_query=query.urlencode())


@login_required
def run_new(request: HttpRequest) -> HttpResponse:
    return sections.create(RUNS, request, initial=initial_day(request.GET, profile_for(request.user)))


@login_required
def run_item(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.item(RUNS, request, pk)


@login_required
def run_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.edit(RUNS, request, pk)


@login_required
def run_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.delete(RUNS, request, pk)


# Shoes ------------------------------------------------------------------------------------------


@login_required
def shoe_list(request: HttpRequest) -> HttpResponse:
    return sections.list_page(SHOES, request)


@login_required
def shoe_new(request: HttpRequest) -> HttpResponse:
    return sections.create(SHOES, request)


@login_required
def shoe_item(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.item(SHOES, request, pk)


@login_required
def shoe_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.edit(SHOES, request, pk)


@login_required
def shoe_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.delete(SHOES, request, pk)


@login_required
def shoe_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a shoe today, or bring a retired one back: GET asks (the entry's link without JavaScript),
    POST does it. Ownership is checked first."""
    shoe = sections.get_owned(SHOES, request, pk)
    profile = profile_for(request.user)
    if request.method != "POST":
        context = {"obj": shoe, "is_default": profile.default_shoe_id == shoe.pk}
        return render(request, "runlog/confirm_retire.html", context)
    shoe.retired_on = None if shoe.retired_on else profile.today()
    with transaction.atomic():
        shoe.save(update_fields=["retired_on"])
        if shoe.retired_on and profile.default_shoe_id == shoe.pk:
            profile.default_shoe = None
            profile.save(update_fields=["default_shoe"])
    if request.htmx:
        shoe = sections.get_owned(SHOES, request, pk)
        response = render(request, f"{SHOES.template}#item", {"obj": shoe, "section": SHOES, "profile": profile})
        return sections.mark_changed(response)
    messages.success(request, f"{shoe.name}: {'retired' if shoe.retired_on else 'back in use'}.")
    return redirect("shoe_list")


# Cross-training ---------------------------------------------------------------------------------


@login_required
def xt_list(request: HttpRequest) -> HttpResponse:
    return sections.list_page(CROSS_TRAINING, request)


@login_required
def xt_new(request: HttpRequest) -> HttpResponse:
    return sections.create(CROSS_TRAINING, request, initial=initial_day(request.GET, profile_for(request.user)))


@login_required
def xt_item(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.item(CROSS_TRAINING, request, pk)


@login_required
def xt_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.edit(CROSS_TRAINING, request, pk)


@login_required
def xt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return sections.delete(CROSS_TRAINING, request, pk)


# Account ----------------------------------------------------------------------------------------


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Settings saved.")
            return redirect("profile")
        return render(request, "runlog/profile.html", {"form": form, "profile": profile}, status=422)
    return render(request, "runlog/profile.html", {"form": form, "profile": profile})


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome! Log your first run below.")
            return redirect("home")
        return render(request, "registration/signup.html", {"form": form}, status=422)
    return render(request, "registration/signup.html", {"form": form})
