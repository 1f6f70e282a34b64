"""Claim, send and mark each digest exactly once.

Delivery follows healthchecks' report sender: a DigestDelivery row per (runner, week) is claimed with a
conditional UPDATE (pending → sending, with a lease) before anything is sent, so two workers never send
the same digest, and a crash leaves at most the one in-flight mail to be sent again when its lease ends.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import socket
import time

from django.conf import settings
from django.core.mail import mailers
from django.db.models import F, Q
from django.utils import timezone

from runlog.digest.content import DigestContent, build_contents, render_digest
from runlog.digest.due import week_covered
from runlog.digest.models import DigestDelivery
from runlog.log.models import Profile

log = logging.getLogger("runlog.digest")


LEASE = dt.timedelta(minutes=10)


MAX_ATTEMPTS = 3


UNVERIFIED = "email address not verified"


ERROR = "error"  # an outcome: our code failed for this runner (not the mail server); the command exits 1


def record_error(user_id: int, week_start: dt.date, now: dt.datetime, error: str) -> bool:
    """Mark a digest that our own code could not build as failed (unless another worker has it), so that
    the operator sees it in the admin and it is not retried on every run."""
    DigestDelivery.objects.get_or_create(user_id=user_id, week_start=week_start)
    if not claim(user_id, week_start, now):
        return False
    _mark(user_id, week_start, DigestDelivery.Status.FAILED, last_error=error)
    return True


def _is_transient(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError | socket.timeout | TimeoutError)


def ensure_rows(contents: list[DigestContent]) -> None:
    """One pending DigestDelivery per (runner, week) of a batch, in one INSERT; existing rows are kept."""
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(user_id=c.profile.user_id, week_start=c.week_start) for c in contents],
        ignore_conflicts=True,
    )


def claim(user_id: int, week_start: dt.date, now: dt.datetime) -> bool:
    """Take the delivery for sending (and count the first attempt), unless another worker has it or it is done.

    The conditional UPDATE is the lock: of two workers racing for the same row, one updates it and the
    other updates nothing. A 'sending' row whose lease ran out belonged to a worker that died: take it over.
    """
    free = Q(status=DigestDelivery.Status.PENDING) | Q(status=DigestDelivery.Status.SENDING, lease_until__lt=now)
    return bool(
        DigestDelivery.objects.filter(free, user_id=user_id, week_start=week_start).update(
            status=DigestDelivery.Status.SENDING, lease_until=now + LEASE, attempts=F("attempts") + 1
        )
    )


def _mark(user_id: int, week_start: dt.date, status: str, **fields) -> None:
    DigestDelivery.objects.filter(user_id=user_id, week_start=week_start).update(
        status=status, lease_until=None, **fields
    )


def deliver(
    content: DigestContent,
    now: dt.datetime | None = None,
    connection=None,
    prior_attempts: int = 0,
    backoff: float | None = None,
) -> str:
    """Claim, render, send with retries, mark. Returns the final status, 'busy' if not ours to send, or
    'error' if the message could not be rendered (logged with the traceback, the delivery marked failed).

    `prior_attempts` are attempts already spent on this delivery by a worker that died mid-way.
    """
    now = now or timezone.now()
    backoff = settings.DIGEST_RETRY_BACKOFF if backoff is None else backoff
    user_id, week = content.profile.user_id, content.week_start
    if not claim(user_id, week, now):
        return "busy"
    if not content.profile.email_verified:
        # Sign-up lets anyone type any address: nothing is mailed to one its owner has not confirmed.
        _mark(user_id, week, DigestDelivery.Status.SKIPPED, last_error=UNVERIFIED)
        return DigestDelivery.Status.SKIPPED
    if not content.has_something_to_say:
        _mark(user_id, week, DigestDelivery.Status.SKIPPED, last_error="no activity in the last 4 weeks")
        return DigestDelivery.Status.SKIPPED
    try:
        message = render_digest(content)
    except Exception as exc:  # noqa: BLE001 — a bug or odd data for this runner must not stop the others
        log.exception("digest to user %s could not be rendered", user_id)
        _mark(user_id, week, DigestDelivery.Status.FAILED, last_error=f"{type(exc).__name__}: {exc}"[:1000])
        return ERROR
    error = ""
    attempt = prior_attempts + 1
    while True:
        try:
            if connection is not None:
                connection.send_messages([message])
            else:
                message.send()
        except Exception as exc:  # noqa: BLE001 — every failure is recorded; transient ones are retried
            error = f"{type(exc).__name__}: {exc}"[:1000]
            if connection is not None:
                connection.close()  # the next send opens a fresh connection
            if _is_transient(exc) and attempt < MAX_ATTEMPTS:
                log.warning("digest to user %s: transient failure, retrying: %s", user_id, error)
                time.sleep(backoff * 2 ** (attempt - 1))
                attempt += 1
                DigestDelivery.objects.filter(user_id=user_id, week_start=week).update(attempts=F("attempts") + 1)
                continue
            log.error("digest to user %s failed: %s", user_id, error)
            _mark(user_id, week, DigestDelivery.Status.FAILED, last_error=error)
            return DigestDelivery.Status.FAILED
        _mark(user_id, week, DigestDelivery.Status.SENT, sent_at=timezone.now(), last_error=error)
        return DigestDelivery.Status.SENT


def deliver_batch(contents: list[DigestContent], now: dt.datetime) -> dict[str, int]:
    """Send a batch in this process over one SMTP connection; a fixed number of queries plus two per runner."""
    ensure_rows(contents)
    prior = {
        (uid, week): attempts
        for uid, week, attempts in DigestDelivery.objects.filter(
            user_id__in=[c.profile.user_id for c in contents], week_start__in={c.week_start for c in contents}
        ).values_list("user_id", "week_start", "attempts")
    }
    outcomes: dict[str, int] = {}
    connection = mailers.default
    try:
        for content in contents:
            status = deliver(content, now, connection, prior.get((content.profile.user_id, content.week_start), 0))
            outcomes[status] = outcomes.get(status, 0) + 1
    finally:
        connection.close()
    return outcomes


def deliver_for_user(user_id: int, week_start: dt.date, now: dt.datetime | None = None) -> str:
    """One runner's digest, as a background task does it."""
    profile = Profile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None:  # the account was deleted after the task was queued
        return "gone"
    content = build_contents([profile], {user_id: week_start})[user_id]
    ensure_rows([content])
    prior = DigestDelivery.objects.filter(user_id=user_id, week_start=week_start).values_list("attempts", flat=True)
    return deliver(content, now, prior_attempts=prior.first() or 0)


def preview(profile: Profile, now: dt.datetime | None = None):
    """The digest this runner would get for the last full week, without sending or recording anything."""
    now = now or timezone.now()
    week_start = week_covered(now.astimezone(profile.tz).date())
    content = build_contents([profile], {profile.user_id: week_start})[profile.user_id]
    return content, render_digest(content)
