"""Signed unsubscribe links: the link in every digest, and the runner it names."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "runlog.digest.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_for_token(token: str):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("u")).first() if isinstance(data, dict) else None


def unsubscribe_url(user) -> str:
    return settings.SITE_URL + reverse("digest_unsubscribe", args=[unsubscribe_token(user)])
