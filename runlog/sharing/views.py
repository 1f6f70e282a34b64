"""The calendar feed: its secret address (no session needed), and its page in Settings."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from runlog.log.models import profile_for
from runlog.sharing.feed import feed_text
from runlog.sharing.models import CalendarFeed
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
    response["Cache-Control"] = "no-store"
    return private_headers(response)
