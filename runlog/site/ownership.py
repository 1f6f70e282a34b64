"""The one ownership check: a runner's own object, or 404 — someone else's object does not exist for them."""

from __future__ import annotations

import logging

from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext

log = logging.getLogger("runlog.security")


def owned_or_404(own: models.QuerySet, request: HttpRequest, pk: int, noun: str) -> models.Model:
    """`own` is the runner's own objects (already filtered by user); a miss is logged and answered 404."""
    obj = own.filter(pk=pk).first()
    if obj is None:
        log.warning("ownership denied user=%s path=%s", request.user.pk, request.path)
        # Translators: the API's answer for an entry that is not the runner's; noun is e.g. "run", "shoe".
        raise Http404(gettext("No such %(noun)s.") % {"noun": noun})
    return obj
