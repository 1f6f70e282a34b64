"""One list/create/edit/delete flow shared by every part of the log (runs, shoes, cross-training, pain).

Each section names its model, form and template; the template defines the partials `items`, `item`,
`new-form` and `edit-form`. The same views answer htmx (fragments, HX-Trigger "logChanged") and
plain browsers (full pages and redirects), so every page works without JavaScript. `routes()` gives a
section its five URLs (list, new, item, edit, delete), named `<name>_<action>`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django_htmx.http import reswap, retarget, trigger_client_event

from runlog.log.entry_cache import render_entries
from runlog.log.models import profile_for
from runlog.site import submissions
from runlog.site.ownership import owned_or_404

log = logging.getLogger("runlog.security")

LOG_CHANGED = "logChanged"
PAGE_SIZE = 25


@dataclass(frozen=True)
class Section:
    name: str  # "run": used in URL names (run_list, run_new, ...) and DOM ids (run-12)
    model: type[models.Model]
    form_class: type
    noun: str  # "run" as a runner says it
    title: str  # page heading, "Runs"
    add_label: str  # "Log a run"
    empty_text: str
    item_template: str  # the body of one entry
    queryset: Callable[[object], models.QuerySet]  # user -> their objects, ready for listing
    template: str = "log/section.html"
    extra_context: Callable[[HttpRequest], dict] = field(default=lambda request: {})
    initial: Callable[[HttpRequest], dict] = field(default=lambda request: {})  # a new entry's form
    # The section's own whole sentences (translated as they are: "Delete this run?" and "Delete this
    # shoe?" differ in gender elsewhere): new_title, edit_title, delete_title, delete_question, saved,
    # updated, deleted. A missing one is built from the noun.
    phrases: dict = field(default_factory=dict)

    def _phrase(self, key: str, fallback: str) -> str:
        phrase = self.phrases.get(key)
        return str(phrase) if phrase is not None else fallback % {"noun": self.noun}

    @property
    def new_title(self) -> str:
        return self._phrase("new_title", gettext("New %(noun)s"))

    @property
    def edit_title(self) -> str:
        return self._phrase("edit_title", gettext("Edit %(noun)s"))

    @property
    def delete_title(self) -> str:
        return self._phrase("delete_title", gettext("Delete %(noun)s"))

    @property
    def delete_question(self) -> str:
        return self._phrase("delete_question", gettext("Delete this %(noun)s?"))

    @property
    def saved_message(self) -> str:
        return self._phrase("saved", gettext("Saved the %(noun)s."))

    @property
    def updated_message(self) -> str:
        return self._phrase("updated", gettext("Updated the %(noun)s."))

    @property
    def deleted_message(self) -> str:
        return self._phrase("deleted", gettext("Deleted the %(noun)s."))

    def url(self, action: str, obj=None) -> str:
        return reverse(f"{self.name}_{action}", args=[obj.pk] if obj is not None else [])


def get_owned(section: Section, request: HttpRequest, pk: int):
    """The runner's own object, or 404 — someone else's object does not exist for them."""
    return owned_or_404(section.queryset(request.user), request, pk, section.noun)


def _context(section: Section, request: HttpRequest, **extra) -> dict:
    return {"section": section, "profile": profile_for(request.user), **section.extra_context(request), **extra}


def mark_changed(response: HttpResponse) -> HttpResponse:
    return trigger_client_event(response, LOG_CHANGED, after="settle")


def list_page(section: Section, request: HttpRequest, queryset=None, **extra) -> HttpResponse:
    queryset = section.queryset(request.user) if queryset is None else queryset
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    profile = profile_for(request.user)
    entries = render_entries(section, page.object_list, profile.units, profile.today())
    context = _context(section, request, page=page, entries=entries, **extra)
    if request.htmx and not request.htmx.boosted and request.GET.get("page"):
        return render(request, f"{section.template}#items", context)
    context["form"] = section.form_class(profile=profile)
    return render(request, section.template, context)


def create(section: Section, request: HttpRequest) -> HttpResponse:
    """A new entry. The form's one-time token makes a repeat of the same post (a double tap, a retry)
    create nothing and get the answer of the first."""
    profile = profile_for(request.user)
    if request.method != "POST":
        form = section.form_class(profile=profile, initial=section.initial(request))
        return render(request, "log/form_page.html", _context(section, request, form=form, action="new"))
    token = submissions.posted_token(request)
    form = section.form_class(request.POST, profile=profile)
    if not form.is_valid():
        # A repeat may no longer validate (the first one's shoe retired since): it was saved all the same.
        if done := submissions.earlier(request.user, token):
            return _created(section, request, submissions.entry_of(done, section.queryset(request.user)), [])
        context = _context(section, request, form=form, form_token=token)
        if request.htmx:
            response = render(request, f"{section.template}#new-form", context, status=422)
            return reswap(retarget(response, f"#{section.name}-new-form"), "outerHTML")
        return render(request, "log/form_page.html", {**context, "action": "new"}, status=422)
    obj, created = submissions.create_once(request.user, token, form.save, section.queryset(request.user))
    return _created(section, request, obj, getattr(form, "warnings", []) if created else [])


def _created(section: Section, request: HttpRequest, obj, warnings: list[str]) -> HttpResponse:
    """The answer to a saved create form; the same for a repeat of it (`obj` None: deleted since)."""
    if request.htmx:
        if obj is None:
            return mark_changed(HttpResponse(""))
        fresh = section.form_class(profile=profile_for(request.user))
        context = _context(section, request, obj=obj, form=fresh, warnings=warnings)
        return mark_changed(render(request, f"{section.template}#created", context))
    for warning in warnings:
        messages.info(request, warning)
    messages.success(request, section.saved_message)
    return redirect(section.url("list"))


def item(section: Section, request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_owned(section, request, pk)
    if request.htmx:
        return render(request, f"{section.template}#item", _context(section, request, obj=obj))
    return redirect(section.url("edit", obj))


def edit(section: Section, request: HttpRequest, pk: int) -> HttpResponse:
    """Edit an entry. A form opened before the entry was saved elsewhere (another tab, the admin) is
    refused with 409 and each field that changed meanwhile, both versions; posted again, it saves."""
    obj = get_owned(section, request, pk)
    profile = profile_for(request.user)
    fragment = f"{section.template}#edit-form"
    if request.method != "POST":
        form = section.form_class(instance=obj, profile=profile)
        if request.htmx:
            return render(request, fragment, _context(section, request, obj=obj, form=form))
        return render(request, "log/form_page.html", _context(section, request, obj=obj, form=form, action="edit"))
    with transaction.atomic():
        # The row as saved now, locked until this save commits: no other save slips between check and write.
        current = section.model._default_manager.select_for_update().get(pk=obj.pk)
        form = section.form_class(request.POST, instance=current, profile=profile)
        saved = form.is_valid() and not form.check_version()
        if saved:
            obj = form.save()
    if not saved:
        status = 409 if form.conflict else 422
        if request.htmx:
            return render(request, fragment, _context(section, request, obj=obj, form=form), status=status)
        context = _context(section, request, obj=obj, form=form, action="edit")
        return render(request, "log/form_page.html", context, status=status)
    if request.htmx:
        obj = get_owned(section, request, obj.pk)  # re-read with the list's annotations
        return mark_changed(render(request, f"{section.template}#item", _context(section, request, obj=obj)))
    messages.success(request, section.updated_message)
    return redirect(section.url("list"))


def delete(section: Section, request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_owned(section, request, pk)
    if request.method != "POST":
        return render(request, "log/confirm_delete.html", _context(section, request, obj=obj))
    with transaction.atomic():
        obj.delete()
    if request.htmx:
        return mark_changed(HttpResponse(""))
    messages.success(request, section.deleted_message)
    return redirect(section.url("list"))


def routes(section: Section, prefix: str, *, list_view: Callable | None = None) -> list[URLPattern]:
    """The section's list, new, item, edit and delete URLs under `prefix/`, for the runner logged in.

    `list_view` replaces the plain list (the runs list adds its filters)."""

    def view(action: str, handler: Callable) -> Callable:
        handler.__name__ = handler.__qualname__ = f"{section.name}_{action}"
        return login_required(handler)

    actions = [
        ("list", "", lambda request: list_page(section, request)),
        ("new", "new/", lambda request: create(section, request)),
        ("item", "<int:pk>/", lambda request, pk: item(section, request, pk)),
        ("edit", "<int:pk>/edit/", lambda request, pk: edit(section, request, pk)),
        ("delete", "<int:pk>/delete/", lambda request, pk: delete(section, request, pk)),
    ]
    return [
        path(
            f"{prefix}/{route}",
            list_view if action == "list" and list_view else view(action, handler),
            name=f"{section.name}_{action}",
        )
        for action, route, handler in actions
    ]
