"""The weekly risk digest: who is due, the content of a batch in fixed queries, and exactly-once delivery.

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
import zoneinfo
from dataclasses import dataclass, field

import pandas as pd
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import mailers
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from injuries.advice import advice_for
from injuries.assessment import load_frames_bulk
from injuries.models import PainReport
from injuries.risk import Assessment, assess
from injuries.risk.rules.footwear import wear_state
from runlog.digest.models import DigestDelivery
from runlog.log.models import Profile
from runlog.site.emails import make_message

log = logging.getLogger("runlog.digest")

SEND_AFTER_HOUR = 7
LEASE = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 3
BATCH_SIZE = 200
UNSUBSCRIBE_SALT = "runlog.digest.unsubscribe"
UNVERIFIED = "email address not verified"
ERROR = "error"  # an outcome: our code failed for this runner (not the mail server); the command exits 1


# Who and when ------------------------------------------------------------------------------------


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


# Content -----------------------------------------------------------------------------------------


@dataclass
class WeekNumbers:
    distance_m: float = 0.0
    duration_s: float = 0.0
    runs: int = 0
    rest_days: int = 7
    xt_minutes: float = 0.0


@dataclass
class DigestContent:
    profile: Profile
    week_start: dt.date
    week: WeekNumbers
    average: WeekNumbers  # mean of the 4 weeks before
    assessment: Assessment
    flags: list = field(default_factory=list)  # (flag, advice or None)
    worn_shoes: list = field(default_factory=list)  # (name, km, fraction)
    pain: list = field(default_factory=list)  # (location label, this week's max, previous week's max)
    next_step: str = ""
    active_4w: bool = True

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)

    @property
    def has_something_to_say(self) -> bool:
        return self.active_4w


def _week_numbers(runs, sessions, first: dt.date, last: dt.date) -> WeekNumbers:
    in_runs = [r for r in runs if first <= r[0] <= last]
    run_days = {r[0] for r in in_runs}
    return WeekNumbers(
        distance_m=sum(r[1] for r in in_runs),
        duration_s=sum(r[2] for r in in_runs),
        runs=len(in_runs),
        rest_days=7 - len(run_days),
        xt_minutes=sum(s[1] for s in sessions if first <= s[0] <= last) / 60,
    )


def build_contents(profiles: list[Profile], weeks: dict[int, dt.date]) -> dict[int, DigestContent]:
    """Digest content for a batch of runners in a fixed number of queries, whatever the batch size."""
    ends = {p.user_id: weeks[p.user_id] + dt.timedelta(days=6) for p in profiles}
    frames = load_frames_bulk(profiles, ends)  # 5 queries
    assessments = {uid: assess(frames[uid], ends[uid]) for uid in frames}
    advice = advice_for({f.code for a in assessments.values() for f in a.flags})  # 1 query
    labels = dict(PainReport._meta.get_field("location").choices)
    out = {}
    for profile in profiles:
        uid = profile.user_id
        fr, week_start, week_end = frames[uid], weeks[uid], ends[uid]
        runs = [(r.day.date(), r.distance_m, r.duration_s) for r in fr.runs.itertuples()]
        sessions = [(c.day.date(), c.duration_s) for c in fr.cross.itertuples()]
        before = week_start - dt.timedelta(days=28)
        history = _week_numbers(runs, sessions, before, week_start - dt.timedelta(days=1))
        average = WeekNumbers(
            distance_m=history.distance_m / 4,
            duration_s=history.duration_s / 4,
            runs=history.runs / 4,
            rest_days=0,
            xt_minutes=history.xt_minutes / 4,
        )
        assessment = assessments[uid]
        worn = []
        for shoe in fr.shoes.itertuples():
            if not pd.isna(shoe.retired_on):
                continue
            total = shoe.start_m + (shoe.logged_m or 0.0)
            if wear_state(total / shoe.retire_at_m) != "ok":
                worn.append((shoe.name, total / 1000, total / shoe.retire_at_m))
        pain_rows = []
        this_week = [p for p in fr.pain.itertuples() if week_start <= p.day.date() <= week_end]
        for location in sorted({p.location for p in this_week}):

            def peak(rows):
                values = [v for p in rows for v in (p.during, p.after, p.next_morning) if v == v and v is not None]
                return int(max(values)) if values else None

            prev = [
                p
                for p in fr.pain.itertuples()
                if p.location == location and week_start - dt.timedelta(days=7) <= p.day.date() < week_start
            ]
            pain_rows.append(
                (labels.get(location, location), peak([p for p in this_week if p.location == location]), peak(prev))
            )
        flags = [(f, advice.get(f.code)) for f in assessment.flags]
        active = any(before <= d <= week_end for d, *_ in runs) or any(before <= d <= week_end for d, _ in sessions)
        out[uid] = DigestContent(
            profile=profile,
            week_start=week_start,
            week=_week_numbers(runs, sessions, week_start, week_end),
            average=average,
            assessment=assessment,
            flags=flags,
            worn_shoes=worn,
            pain=pain_rows,
            next_step=_next_step(assessment),
            active_4w=active,
        )
    return out


def build_contents_each(profiles: list[Profile], weeks: dict[int, dt.date]) -> tuple[dict[int, DigestContent], list]:
    """`build_contents`, and if the batch fails, each runner alone: one runner's data that cannot be
    assessed leaves out that runner (logged with the traceback, returned in the failures) and no one else."""
    try:
        return build_contents(profiles, weeks), []
    except Exception:  # noqa: BLE001 — which runner broke the batch is found below, one by one
        log.warning("digest batch of %d runners failed; building each alone", len(profiles), exc_info=True)
    contents, failures = {}, []
    for profile in profiles:
        uid = profile.user_id
        try:
            contents.update(build_contents([profile], {uid: weeks[uid]}))
        except Exception as exc:  # noqa: BLE001 — recorded for this runner; the others go on
            log.exception("digest for user %s (week of %s) could not be built", uid, weeks[uid])
            failures.append((profile, weeks[uid], f"{type(exc).__name__}: {exc}"[:1000]))
    return contents, failures


def record_error(user_id: int, week_start: dt.date, now: dt.datetime, error: str) -> bool:
    """Mark a digest that our own code could not build as failed (unless another worker has it), so that
    the operator sees it in the admin and it is not retried on every run."""
    DigestDelivery.objects.get_or_create(user_id=user_id, week_start=week_start)
    if not claim(user_id, week_start, now):
        return False
    _mark(user_id, week_start, DigestDelivery.Status.FAILED, last_error=error)
    return True


def _next_step(assessment: Assessment) -> str:
    codes = [f.code for f in assessment.flags]
    if "pain.red_flag" in codes:
        return "Book an appointment with a clinician before your next run."
    if any(f.code.startswith("pain.") and f.severity == "high" for f in assessment.flags):
        return "Make this week lighter: shorter, easier runs, and log tomorrow morning's pain score."
    if "overtraining.session_spike" in codes:
        return "Keep your long run this week within 10 % of your recent longest."
    if "rest.missing" in codes:
        return "Put at least one rest day in your plan this week."
    if any(c.startswith("footwear.worn") for c in codes):
        return "Check the wear on your shoes and plan a new pair."
    if "prevention.strength" in codes:
        return "Add two short strength sessions this week: squats, lunges, calf raises."
    return "Keep it steady: one longer run, easy days easy, at least one rest day."


# Unsubscribe -------------------------------------------------------------------------------------


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


# Sending -----------------------------------------------------------------------------------------


def render_digest(content: DigestContent):
    user = content.profile.user
    url = unsubscribe_url(user)
    context = {
        "c": content,
        "user": user,
        "unit": content.profile.units,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": url,
        "settings_url": settings.SITE_URL + reverse("profile"),
    }
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return make_message("digest", context, user.email, headers)


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
