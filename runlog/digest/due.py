"""Who is due for the weekly digest, and which week it covers: their digest day, past 07:00 local time."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db.models import Q

from runlog.digest.models import DigestDelivery
from runlog.log.models import Profile

SEND_AFTER_HOUR = 7


BATCH_SIZE = 200


def week_covered(local_today: dt.date) -> dt.date:
    """Monday of the last full Monday–Sunday week before the runner's today."""
    return local_today - dt.timedelta(days=local_today.weekday() + 7)


def due_filter(now: dt.datetime, timezones: list[str]) -> Q | None:
    """Profiles whose local weekday is their digest day and whose local time is past 07:00 (DST-safe)."""
    clauses = Q()
    for name in timezones:
        try:
            local = now.astimezone(zoneinfo.ZoneInfo(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        if local.hour >= SEND_AFTER_HOUR:
            clauses |= Q(timezone=name, digest_weekday=local.weekday())
    return clauses or None


def due_profiles(now: dt.datetime):
    """Batches of profiles due at `now` that have no finished delivery for their week yet."""
    enabled = Profile.objects.filter(digest_enabled=True).exclude(user__email="").filter(user__is_active=True)
    timezones = list(enabled.values_list("timezone", flat=True).distinct())
    clause = due_filter(now, timezones)
    if clause is None:
        return
    last_pk = 0
    while True:
        batch = list(enabled.filter(clause, pk__gt=last_pk).select_related("user").order_by("pk")[:BATCH_SIZE])
        if not batch:
            return
        last_pk = batch[-1].pk
        weeks = {p.user_id: week_covered(now.astimezone(p.tz).date()) for p in batch}
        done = set(
            DigestDelivery.objects.filter(
                user_id__in=list(weeks),
                week_start__in=set(weeks.values()),
                status__in=[DigestDelivery.Status.SENT, DigestDelivery.Status.SKIPPED, DigestDelivery.Status.FAILED],
            ).values_list("user_id", "week_start")
        )
        due = [p for p in batch if (p.user_id, weeks[p.user_id]) not in done]
        if due:
            yield due, weeks
