"""Security events, one log line each: failed logins, lockouts, CSRF failures (never a password or a session id)."""

from __future__ import annotations

import logging

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.shortcuts import render

log = logging.getLogger("runlog.security")


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "-") if request is not None else "-"


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    # `credentials` has the password already masked by Django; only the username is logged.
    log.warning(
        "login failed username=%r ip=%s path=%s",
        credentials.get("username", ""),
        client_ip(request),
        getattr(request, "path", "-"),
    )


def csrf_failure(request, reason=""):
    user = getattr(request, "user", None)
    log.warning(
        "csrf failure user=%s ip=%s path=%s reason=%s",
        user.pk if user is not None and user.is_authenticated else "-",
        client_ip(request),
        request.path,
        reason,
    )
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
