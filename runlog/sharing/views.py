"""The calendar feed and clinician shares: their secret addresses (no session needed), and their pages in
Settings."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from runlog.log.models import profile_for
from runlog.sharing import pdf
from runlog.sharing.feed import feed_text
from runlog.sharing.forms import ShareForm
from runlog.sharing.models import USER_AGENT_CHARS, CalendarFeed, ClinicianShare, ShareView
from runlog.sharing.report import report
from runlog.site.ownership import owned_or_404
from runlog.site.security import client_ip

log = logging.getLogger("runlog.security")


def private_headers(response: HttpResponse) -> HttpResponse:
    """A secret address stays out of search engines and out of the Referer of any link followed from it."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def calendar_feed(request: HttpRequest, key: str) -> HttpResponse:
    feed = CalendarFeed.objects.select_related("user").filter(key=key).first()
    if feed is None or not feed.user.is_active:
        log.info("calendar feed refused ip=%s", client_ip(request))
        raise Http404("No such calendar.")
    CalendarFeed.objects.filter(pk=feed.pk).update(fetches=F("fetches") + 1, last_fetched_at=timezone.now())
    log.info("calendar feed fetched user=%s feed=%s ip=%s", feed.user_id, feed.pk, client_ip(request))
    response = HttpResponse(feed_text(profile_for(feed.user)), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="runlog.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return private_headers(response)


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create" and feed is None:
            CalendarFeed.objects.create(user=request.user)
            messages.success(request, gettext("Your calendar address is ready."))
        elif action == "regenerate" and feed is not None:
            feed.regenerate()
            log.info("calendar feed regenerated user=%s", request.user.pk)
            messages.success(request, gettext("New calendar address made: the old one no longer works."))
        elif action == "delete" and feed is not None:
            feed.delete()
            log.info("calendar feed turned off user=%s", request.user.pk)
            messages.success(request, gettext("Calendar feed turned off: its address no longer works."))
        return redirect("calendar_settings")
    url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.key])) if feed else None
    response = render(request, "sharing/calendar_settings.html", {"feed": feed, "feed_url": url})
    # The address is in the page, not in its URL: the site's Referrer-Policy stays, since no-referrer would make
    # the browser send `Origin: null` with the page's forms, which CSRF protection refuses.
    response["Cache-Control"] = "no-store"
    return response


# Clinician shares ---------------------------------------------------------------------------------


def _share_headers(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return private_headers(response)


def _record_view(request: HttpRequest, share: ClinicianShare, fmt: str) -> None:
    ip = client_ip(request)
    try:
        validate_ipv46_address(ip)
    except ValidationError:
        ip = None
    ShareView.objects.create(
        share=share,
        format=fmt,
        ip=ip,
        user_agent=request.headers.get("User-Agent", "")[:USER_AGENT_CHARS],
    )
    log.info(
        "clinician share viewed user=%s share=%s format=%s ip=%s", share.user_id, share.pk, fmt, client_ip(request)
    )


def _gone(request: HttpRequest) -> HttpResponse:
    """The same 404 for an unknown, expired or revoked link: nothing tells them apart."""
    log.info("clinician share refused ip=%s", client_ip(request))
    return _share_headers(HttpResponse(render_to_string("sharing/share_gone.html"), status=404))


def _page(share: ClinicianShare, for_pdf: bool) -> str:
    """The report in the runner's language (the page and its PDF alike, whoever opens it)."""
    with translation.override(profile_for(share.user).language):
        context = {**report(share), "for_pdf": for_pdf, "pdf_available": pdf.available()}
        if for_pdf:
            context["stylesheet"] = pdf.stylesheet()
        # No request: no context processor runs, so nothing of a logged-in visitor's own account is even read.
        return render_to_string("sharing/share.html", context)


@require_GET
def clinician_share(request: HttpRequest, token: str) -> HttpResponse:
    """The report a clinician opens: no session needed, and a logged-in visitor's own account is never read."""
    share = ClinicianShare.for_token(token)
    if share is None:
        return _gone(request)
    _record_view(request, share, ShareView.Format.HTML)
    return _share_headers(HttpResponse(_page(share, for_pdf=False)))


@require_GET
def clinician_share_pdf(request: HttpRequest, token: str) -> HttpResponse:
    share = ClinicianShare.for_token(token)
    if share is None:
        return _gone(request)
    if not pdf.available():
        log.warning("clinician share pdf unavailable: %s", pdf.IMPORT_ERROR)
        page = render_to_string("sharing/share_no_pdf.html", {"page_url": request.path.rsplit("/", 2)[0] + "/"})
        return _share_headers(HttpResponse(page, status=503))
    _record_view(request, share, ShareView.Format.PDF)
    body = pdf.render(_page(share, for_pdf=True))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="runlog-report-{share.start_date}-{share.end_date}.pdf"'
    return _share_headers(response)


@login_required
def share_settings(request: HttpRequest) -> HttpResponse:
    """Make a share, see every share with its views, revoke one."""
    profile = profile_for(request.user)
    created_url = None
    status = 200
    if request.method == "POST":
        form = ShareForm(request.POST)
        if form.is_valid():
            today = profile.today()
            weeks = form.cleaned_data["weeks"]
            share, token = ClinicianShare.create(
                request.user,
                display_name=form.cleaned_data["display_name"].strip(),
                start_date=today - dt.timedelta(days=7 * weeks - 1),
                end_date=today,
                include_notes=form.cleaned_data["include_notes"],
                expires_at=timezone.now() + dt.timedelta(days=form.cleaned_data["expires_in_days"]),
            )
            log.info("clinician share created user=%s share=%s weeks=%s", request.user.pk, share.pk, weeks)
            created_url = request.build_absolute_uri(reverse("clinician_share", args=[token]))
            form = ShareForm(initial={"display_name": share.display_name})
        else:
            status = 422
    else:
        form = ShareForm(initial={"display_name": request.user.first_name})
    shares = list(ClinicianShare.objects.filter(user=request.user).prefetch_related("views"))
    context = {"form": form, "shares": shares, "created_url": created_url, "tz": profile.tz}
    response = render(request, "sharing/share_settings.html", context, status=status)
    # The new link is in the page, not in its address: the site's own Referrer-Policy stays (no-referrer here
    # would make the browser send `Origin: null` with the page's forms, which CSRF protection refuses).
    response["Cache-Control"] = "no-store"
    return response


@login_required
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Ownership first: someone else's share is a 404 whatever the method, never a 405.
    share = owned_or_404(ClinicianShare.objects.filter(user=request.user), request, pk, "clinician share")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        log.info("clinician share revoked user=%s share=%s", request.user.pk, share.pk)
        messages.success(request, _("The link is revoked: it no longer opens the report."))
    return redirect("share_settings")
