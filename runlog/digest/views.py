"""One-click unsubscribe from the weekly digest (RFC 8058): GET asks, POST unsubscribes, no login needed."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from runlog.digest.unsubscribe import user_for_token
from runlog.log.models import Profile

log = logging.getLogger("runlog.security")


@csrf_exempt  # mail clients post the one-click request without cookies or a CSRF token (RFC 8058)
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = user_for_token(token)
    if user is None:
        log.warning("unsubscribe with an invalid token path=%s ip=%s", request.path, request.META.get("REMOTE_ADDR"))
        return render(request, "digest/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        Profile.objects.update_or_create(user=user, defaults={"digest_enabled": False})
        return render(request, "digest/unsubscribe.html", {"done": True, "email": user.email})
    # Scanners follow links in mail: a GET only asks.
    return render(request, "digest/unsubscribe.html", {"email": user.email})
