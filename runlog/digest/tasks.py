"""The digest's background task: one runner's weekly email, sent by a worker."""

from __future__ import annotations

import datetime as dt

from django.tasks import task

from runlog.digest.delivery import deliver_for_user


@task()
def send_digest(user_id: int, week_start: str) -> str:
    """Send one runner's weekly digest; safe to run twice (the delivery row is claimed first)."""
    return deliver_for_user(user_id, dt.date.fromisoformat(week_start))
