"""What a runner shares: the private calendar feed (its secret key and fetches) and clinician shares (a
period of the log at a link that expires, and every view of it)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

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


# Clinician shares ---------------------------------------------------------------------------------
# The link carries 32 random bytes (256 bits, 43 URL-safe characters). Only their SHA-256 is stored: a
# copy of the database (a backup, a leak) opens no report. The runner sees the whole link once, when it
# is made (as with API tokens), and after that its first characters to tell the shares apart; a lost link
# is replaced by making a new share, which costs nothing.
SHARE_TOKEN_BYTES = 32
SHARE_PREFIX_CHARS = 6
SHARE_WEEKS_DEFAULT, SHARE_WEEKS_MIN, SHARE_WEEKS_MAX = 12, 1, 16
SHARE_DAYS_DEFAULT, SHARE_DAYS_MIN, SHARE_DAYS_MAX = 14, 1, 90
USER_AGENT_CHARS = 200


def share_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ShareQuerySet(models.QuerySet):
    def live(self, now=None):
        """Shares whose link still opens: not revoked, not expired, their runner's account active."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now(), user__is_active=True)


class ClinicianShare(models.Model):
    """A read-only report of one period of a runner's log, at a secret link that expires and can be revoked."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician_shares")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=SHARE_PREFIX_CHARS, editable=False)
    display_name = models.CharField(max_length=60, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    include_notes = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Clinician share {self.prefix}… of {self.user}"

    @classmethod
    def create(cls, user, **fields) -> tuple[ClinicianShare, str]:
        """A new share and the token its link carries (returned once, never stored)."""
        token = secrets.token_urlsafe(SHARE_TOKEN_BYTES)
        share = cls.objects.create(user=user, digest=share_digest(token), prefix=token[:SHARE_PREFIX_CHARS], **fields)
        return share, token

    @classmethod
    def for_token(cls, token: str) -> ClinicianShare | None:
        """The live share this token opens, or None (unknown, expired, revoked: the same answer)."""
        if not token or len(token) > 100:
            return None
        return cls.objects.live().select_related("user").filter(digest=share_digest(token)).first()

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= timezone.now() else "active"


class ShareView(models.Model):
    """One opening of a share's page or PDF: when, which, from where."""

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"

    share = models.ForeignKey(ClinicianShare, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(default=timezone.now)
    format = models.CharField(max_length=4, choices=Format.choices, default=Format.HTML)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=USER_AGENT_CHARS, blank=True)

    class Meta:
        ordering = ["-viewed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} view of {self.share_id} at {self.viewed_at:%Y-%m-%d %H:%M}"
