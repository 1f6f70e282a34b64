"""Pages of the training log: runs, shoes, cross-training, settings, sign-up and the account."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from runlog.log import accounts, crud
from runlog.log.forms import (
    CrossTrainingForm,
    DeleteAccountForm,
    EmailChangeForm,
    ProfileForm,
    QueuedPasswordResetForm,
    RunFilterForm,
    RunForm,
    ShoeForm,
    SignupForm,
    initial_day,
)
from runlog.log.models import CrossTraining, Profile, Run, Shoe, profile_for

log = logging.getLogger("runlog.security")


def runs_of(user):
    """The runner's runs with their shoes, ready for listing."""
    return Run.objects.for_user(user).select_related("shoe")


def _shoes(user):
    return Shoe.objects.for_user(user).with_distance().order_by("retired_on", "-created_at")


def _cross_training(user):
    return CrossTraining.objects.for_user(user)


RUNS = crud.Section(
    name="run",
    model=Run,
    form_class=RunForm,
    noun=pgettext_lazy("noun", "run"),
    title=pgettext_lazy("noun", "Runs"),
    add_label=_("Log a run"),
    empty_text=_("No runs logged yet. Your first one takes 15 seconds."),
    item_template="log/_run.html",
    queryset=runs_of,
    initial=lambda request: initial_day(request.GET, profile_for(request.user)),
    phrases={
        "new_title": _("New run"),
        "edit_title": _("Edit run"),
        "delete_title": _("Delete run"),
        "delete_question": _("Delete this run?"),
        "saved": _("Saved the run."),
        "updated": _("Updated the run."),
        "deleted": _("Deleted the run."),
    },
)
SHOES = crud.Section(
    name="shoe",
    model=Shoe,
    form_class=ShoeForm,
    noun=_("shoe"),
    title=_("Shoes"),
    add_label=_("Add a pair"),
    empty_text=_("No shoes yet. Add your pairs to see their mileage and when to retire them."),
    item_template="log/_shoe.html",
    queryset=_shoes,
    phrases={
        "new_title": _("New shoe"),
        "edit_title": _("Edit shoe"),
        "delete_title": _("Delete shoe"),
        "delete_question": _("Delete this shoe?"),
        "saved": _("Saved the shoe."),
        "updated": _("Updated the shoe."),
        "deleted": _("Deleted the shoe."),
    },
)
CROSS_TRAINING = crud.Section(
    name="xt",
    model=CrossTraining,
    form_class=CrossTrainingForm,
    noun=_("session"),
    title=_("Cross-training"),
    add_label=_("Log a session"),
    empty_text=_("No cross-training yet. Cycling, swimming and strength work all count."),
    item_template="log/_cross_training.html",
    queryset=_cross_training,
    initial=lambda request: initial_day(request.GET, profile_for(request.user)),
    phrases={
        "new_title": _("New cross-training session"),
        "edit_title": _("Edit cross-training session"),
        "delete_title": _("Delete cross-training session"),
        "delete_question": _("Delete this cross-training session?"),
        "saved": _("Saved the cross-training session."),
        "updated": _("Updated the cross-training session."),
        "deleted": _("Deleted the cross-training session."),
    },
)


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    filters = RunFilterForm(request.GET or None, user=request.user)
    queryset = runs_of(request.user)
    if filters.is_valid():
        if kind := filters.cleaned_data.get("kind"):
            queryset = queryset.filter(kind=kind)
        if shoe := filters.cleaned_data.get("shoe"):
            queryset = queryset.filter(shoe=shoe)
    query = request.GET.copy()
    query.pop("page", None)
    return crud.list_page(RUNS, request, queryset, filters=filters, filter_query=query.urlencode())


@login_required
def shoe_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a shoe today, or bring a retired one back: GET asks (the entry's link without JavaScript),
    POST does it. Ownership is checked first."""
    shoe = crud.get_owned(SHOES, request, pk)
    profile = profile_for(request.user)
    if request.method != "POST":  # GET asks: the confirmation page a link without JavaScript opens
        context = {"obj": shoe, "is_default": profile.default_shoe_id == shoe.pk}
        return render(request, "log/confirm_retire.html", context)
    shoe.retired_on = None if shoe.retired_on else profile.today()
    with transaction.atomic():
        shoe.save(update_fields=["retired_on"])
        if shoe.retired_on and profile.default_shoe_id == shoe.pk:
            profile.default_shoe = None
            profile.save(update_fields=["default_shoe"])
    if request.htmx:
        shoe = crud.get_owned(SHOES, request, pk)
        response = render(request, f"{SHOES.template}#item", {"obj": shoe, "section": SHOES, "profile": profile})
        return crud.mark_changed(response)
    if shoe.retired_on:
        messages.success(request, gettext("%(shoe)s: retired.") % {"shoe": shoe.name})
    else:
        messages.success(request, gettext("%(shoe)s: back in use.") % {"shoe": shoe.name})
    return redirect("shoe_list")


# Account ----------------------------------------------------------------------------------------


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    if request.method == "POST":
        with transaction.atomic():
            # Settings saved from another tab (or by an administrator) since this form was opened are not
            # overwritten unseen: the row is locked, compared and saved in one transaction.
            current = Profile.objects.select_for_update().get(pk=profile.pk)
            form = ProfileForm(request.POST, instance=current)
            saved = form.is_valid() and not form.check_version()
            if saved:
                form.save()
        if saved:
            # In the language just chosen: the next page is in it too.
            with translation.override(current.language):
                messages.success(request, gettext("Settings saved."))
            return redirect("profile")
        status = 409 if form.conflict else 422
        return render(request, "log/profile.html", {"form": form, "profile": profile}, status=status)
    form = ProfileForm(instance=profile)
    return render(request, "log/profile.html", {"form": form, "profile": profile})


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    # A new account starts in the language its pages were shown in (the browser's Accept-Language).
    form = SignupForm(request.POST or None, language=translation.get_language())
    if request.method == "POST":
        address = request.POST.get("email", "")
        if accounts.is_throttled("signup", request, address):
            return accounts.throttled_response(request, "signup")
        valid = form.is_valid()
        # Counted: attempts that create an account or tell whether an address is in use; a mistyped
        # password is not one.
        probed = valid or any(e.code == "address_in_use" for e in form.errors.as_data().get("email", []))
        if probed and accounts.count_attempt("signup", request, address):
            return accounts.throttled_response(request, "signup")
        if valid:
            with transaction.atomic():
                user = form.save()
                accounts.send_link(profile_for(user), user.email)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                gettext("Welcome! We sent a link to %(address)s to confirm the address. Log your first run below.")
                % {"address": user.email},
            )
            return redirect("home")
        return render(request, "registration/signup.html", {"form": form}, status=422)
    return render(request, "registration/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Throttled per IP and address; the mail goes out from a task, so every address gets the same answer."""

    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        if accounts.count_attempt("reset", request, request.POST.get("email", "")):
            return accounts.throttled_response(request, "reset")
        return super().post(request, *args, **kwargs)


@login_required
def email_change(request: HttpRequest) -> HttpResponse:
    """Ask for a new address (with the password): it takes effect when the link mailed to it is opened."""
    profile = profile_for(request.user)
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST":
        account = f"account:{request.user.pk}"
        # Two limits: links sent (each mails someone), and refused attempts (a wrong password is a guess,
        # an address in use is a probe); a refusal sends nothing, so it does not use up the links.
        for action in ("email", "email_refused"):
            if accounts.is_throttled(action, request, account):
                return accounts.throttled_response(request, action)
        if form.is_valid():
            if accounts.count_attempt("email", request, account):
                return accounts.throttled_response(request, "email")
            address = form.cleaned_data["email"]
            accounts.send_link(profile, address)
            days = settings.EMAIL_LINK_MAX_AGE // 86400
            messages.success(
                request,
                ngettext(
                    "We sent a link to %(address)s. Open it within %(days)d day while logged in to switch; "
                    "until then your address stays as it is.",
                    "We sent a link to %(address)s. Open it within %(days)d days while logged in to switch; "
                    "until then your address stays as it is.",
                    days,
                )
                % {"address": address, "days": days},
            )
            return redirect("profile")
        refusals = {error.code for field in ("email", "password") for error in form.errors.as_data().get(field, [])}
        if refusals & {"wrong_password", "address_in_use"} and accounts.count_attempt(
            "email_refused", request, account
        ):
            return accounts.throttled_response(request, "email_refused")
        return render(request, "registration/email_change.html", {"form": form, "profile": profile}, status=422)
    return render(request, "registration/email_change.html", {"form": form, "profile": profile})


@login_required
@require_POST
def email_resend(request: HttpRequest) -> HttpResponse:
    """A new verification link for the current address (the previous one stops working)."""
    profile = profile_for(request.user)
    if not request.user.email:
        messages.error(request, gettext("Your account has no email address; add one with “Change email”."))
        return redirect("profile")
    if profile.email_verified:
        messages.info(request, gettext("%(address)s is already verified.") % {"address": request.user.email})
        return redirect("profile")
    if accounts.count_attempt("email", request, f"account:{request.user.pk}"):
        return accounts.throttled_response(request, "email")
    accounts.send_link(profile, request.user.email)
    messages.success(
        request,
        gettext("We sent a new link to %(address)s; earlier links no longer work.") % {"address": request.user.email},
    )
    return redirect("profile")


@login_required
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the mail: GET shows what it confirms (mail scanners follow links), POST confirms."""
    profile = accounts.profile_for_link(token)
    template = "registration/email_confirm.html"
    if profile is None:
        log.info("email link invalid, expired or used user=%s", request.user.pk)
        return render(request, template, {"invalid": True}, status=400)
    if profile.user_id != request.user.pk:
        log.warning("email link opened by another account user=%s", request.user.pk)
        return render(request, template, {"other_account": True}, status=403)
    context = {"address": profile.email_link_address, "change": profile.pending_email != ""}
    if request.method != "POST":
        return render(request, template, context)
    try:
        address = accounts.confirm_link(profile)
    except accounts.AddressTaken:
        return render(request, template, {**context, "taken": True}, status=409)
    messages.success(request, gettext("%(address)s is your verified email address.") % {"address": address})
    return redirect("profile")


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    """Delete the account and everything in it, after the password: GET shows the page, POST deletes."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            accounts.delete_account(user)
            messages.success(request, gettext("Your account and everything in it have been deleted."))
            return redirect("home")
        return render(request, "registration/account_delete.html", {"form": form}, status=422)
    return render(request, "registration/account_delete.html", {"form": form})
