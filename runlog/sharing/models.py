"""A runner's private calendar feed: its secret key, when it was made, and its fetches."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

# 24 random bytes: 192 bits, URL-safe (32 characters).
KEY_BYTES = 24


def new_feed_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


class CalendarFeed(models.Model):
    """The secret address of a runner's iCalendar feed. Regenerating replaces the key: the old address
    stops working at once (that is how a runner revokes a calendar they shared)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    key = models.CharField(max_length=64, unique=True, default=new_feed_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    fetches = models.PositiveIntegerField(default=0, editable=False)
    last_fetched_at = models.DateTimeField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    def regenerate(self) -> None:
        self.key = new_feed_key()
        self.fetches = 0
        self.last_fetched_at = None
        self.save(update_fields=["key", "fetches", "last_fetched_at"])
