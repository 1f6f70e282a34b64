"""The account life cycle: email links (verify, change), throttled sign-up and reset, account mails, deletion.

Every account mail is sent by a task, so a request answers the same way and in about the same time
whatever the address (the password reset above all: the view only enqueues, the task looks the user up).
Deleting a user, from Settings or in the admin, removes everything of theirs that no foreign key cascades
to: their sessions, their cached derived data and their login-attempt records.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from importlib import import_module

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from runlog.log import versions as derived
from runlog.log.models import Profile, profile_for
from runlog.site.emails import make_message

log = logging.getLogger("runlog.security")

EMAIL_LINK_SALT = "runlog.accounts.email-link"


# Addresses ---------------------------------------------------------------------------------------


def address_in_use(address: str, except_user=None) -> bool:
    """Whether another account has this address, whatever its case (Ann@X.org is ann@x.org)."""
    users = get_user_model().objects.filter(email__iexact=address.strip())
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
    return users.exists()


def mask(address: str) -> str:
    """a•••@example.com: enough for the owner to recognise, little for anyone reading over a shoulder."""
    name, _, domain = address.partition("@")
    return f"{name[:1]}•••@{domain}" if domain else "•••"


# Email links -------------------------------------------------------------------------------------


def link_token(profile: Profile) -> str:
    """The signed link for the profile's outstanding email link; it carries no address, only a nonce."""
    return signing.dumps({"u": profile.user_id, "n": profile.email_link_nonce}, salt=EMAIL_LINK_SALT)


def link_url(profile: Profile) -> str:
    return settings.SITE_URL + reverse("email_confirm", args=[link_token(profile)])


def profile_for_link(token: str) -> Profile | None:
    """The profile whose current link this is; None if forged, expired, used or replaced by a newer one."""
    try:
        data = signing.loads(token, salt=EMAIL_LINK_SALT, max_age=settings.EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str) or not isinstance(data.get("u"), int):
        return None
    profile = Profile.objects.select_related("user").filter(user_id=data["u"]).first()
    if profile is None or not profile.email_link_nonce or not profile.email_link_address:
        return None
    if not constant_time_compare(data["n"], profile.email_link_nonce):
        return None
    return profile


def send_link(profile: Profile, address: str) -> None:
    """Start a new link confirming `address` (the current one, or a new one to change to) and mail it.
    Any earlier link stops working: there is one outstanding link per runner."""
    profile.email_link_address = address
    profile.email_link_nonce = secrets.token_urlsafe(24)
    profile.save(update_fields=["email_link_address", "email_link_nonce"])
    send_email_link.enqueue(profile.user_id)
    if address != profile.user.email and profile.user.email:
        send_email_change_notice.enqueue(profile.user_id)


class AddressTaken(Exception):
    """Another account took the address between the request and the confirmation."""


def confirm_link(profile: Profile) -> str:
    """Open the link: the address becomes the runner's email, verified now. Returns the address."""
    user = profile.user
    address = profile.email_link_address
    with transaction.atomic():
        if address_in_use(address, except_user=user):
            raise AddressTaken(address)
        changed = address != user.email
        if changed:
            user.email = address
            user.save(update_fields=["email"])
        profile.verified_email = address
        profile.email_verified_at = timezone.now()
        profile.email_link_address = ""
        profile.email_link_nonce = ""
        profile.save(update_fields=["verified_email", "email_verified_at", "email_link_address", "email_link_nonce"])
    log.info("email %s user=%s", "changed and verified" if changed else "verified", user.pk)
    return address


# Account mails (tasks) ---------------------------------------------------------------------------


def _site_context(user) -> dict:
    return {"user": user, "site_url": settings.SITE_URL, "settings_url": settings.SITE_URL + reverse("profile")}


@task()
def send_email_link(user_id: int) -> str:
    """Mail the runner's outstanding email link to the address it confirms (the token is made here, so it
    is never stored in the task queue)."""
    profile = Profile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None or not profile.email_link_nonce or not profile.email_link_address:
        return "no link"
    change = profile.email_link_address != profile.user.email
    context = {
        **_site_context(profile.user),
        "link_url": link_url(profile),
        "address": profile.email_link_address,
        "days": settings.EMAIL_LINK_MAX_AGE // 86400,
    }
    make_message(
        "email_change" if change else "email_verify", context, profile.email_link_address, language=profile.language
    ).send()
    return "sent"


@task()
def send_email_change_notice(user_id: int) -> str:
    """Tell the current address that a change away from it was asked for (it may not have been the owner)."""
    profile = Profile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None or not profile.pending_email or not profile.user.email:
        return "no change"
    context = {
        **_site_context(profile.user),
        "new_address": mask(profile.pending_email),
        "reset_url": settings.SITE_URL + reverse("password_reset"),
    }
    make_message("email_change_notice", context, profile.user.email, language=profile.language).send()
    return "sent"


def reset_recipient(address: str):
    """The one account a reset for this address goes to, or None. Addresses are unique to one account
    (sign-up, the email change and the admin refuse one in use, whatever its case); should two older
    accounts still share one, only an account that verified it gets the link, and none if that is not
    exactly one: a link to another runner's account would hand it to whoever reads the mailbox."""
    users = list(PasswordResetForm().get_users(address))
    if len(users) <= 1:
        return users[0] if users else None
    verified = [user for user in users if profile_for(user).email_verified]
    log.warning("password reset for an address %s accounts share; verified: %s", len(users), len(verified))
    return verified[0] if len(verified) == 1 else None


@task()
def send_password_reset(address: str) -> int:
    """Look up the account with this address and mail it a reset link; nothing if there is none."""
    sent = 0
    for user in filter(None, [reset_recipient(address)]):
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        path = reverse(
            "password_reset_confirm", kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)}
        )
        context = {**_site_context(user), "reset_url": settings.SITE_URL + path}
        make_message("password_reset", context, user.email, language=profile_for(user).language).send()
        sent += 1
    return sent


# Throttling --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """How many attempts of one action an IP address and one email address (or account) get per window."""

    action: str
    per_ip: int
    per_address: int


def limit(action: str) -> Limit:
    per_ip, per_address = settings.ACCOUNT_THROTTLES[action]
    return Limit(action, per_ip, per_address)


def client_ip(request: HttpRequest) -> str:
    """The client's address as the login throttle sees it (behind TRUSTED_PROXY_COUNT proxies)."""
    return get_client_ip_address(request) or "-"


def _keys(action: str, request: HttpRequest, address: str) -> list[tuple[str, str]]:
    window = int(time.time() // settings.ACCOUNT_THROTTLE_WINDOW)
    keys = [("ip", f"throttle:{action}:ip:{client_ip(request)}:{window}")]
    if address:  # hashed: the cache never holds an address in clear
        digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]
        keys.append(("address", f"throttle:{action}:address:{digest}:{window}"))
    return keys


def _over(rule: Limit, which: str, count: int) -> bool:
    return count > (rule.per_ip if which == "ip" else rule.per_address)


def is_throttled(action: str, request: HttpRequest, address: str = "") -> bool:
    """Whether the next attempt would be over a limit (nothing is counted)."""
    rule = limit(action)
    counts = cache.get_many([key for _, key in _keys(action, request, address)])
    return any(_over(rule, which, counts.get(key, 0) + 1) for which, key in _keys(action, request, address))


def count_attempt(action: str, request: HttpRequest, address: str = "") -> bool:
    """Count an attempt for the IP and the address; True if it went over a limit (then refuse it).

    Fixed windows in the cache (Django's cache API, so every worker of a host, or every host with Redis,
    shares the counts); a cache that keeps nothing (dummy://) throttles nothing.
    """
    rule = limit(action)
    over = False
    for which, key in _keys(action, request, address):
        cache.add(key, 0, settings.ACCOUNT_THROTTLE_WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # the cache kept nothing
            continue
        # incr re-stores the value with the default timeout on some backends: keep it for the window.
        cache.touch(key, settings.ACCOUNT_THROTTLE_WINDOW)
        over = over or _over(rule, which, count)
    return over


def throttled_response(request: HttpRequest, action: str) -> HttpResponse:
    log.warning("throttled action=%s ip=%s path=%s", action, client_ip(request), request.path)
    minutes = settings.ACCOUNT_THROTTLE_WINDOW // 60
    return render(request, "registration/throttled.html", {"action": action, "minutes": minutes}, status=429)


# Deleting a user ---------------------------------------------------------------------------------


def _session_keys(user_id: int) -> list[str]:
    """The keys of every stored session logged in as this user (sessions have no foreign key)."""
    wanted = str(user_id)
    keys = []
    for session in Session.objects.iterator(chunk_size=2000):
        try:
            data = session.get_decoded()
        except Exception:  # noqa: BLE001 — an unreadable session belongs to nobody
            continue
        if str(data.get(SESSION_KEY)) == wanted:
            keys.append(session.session_key)
    return keys


def _remember_for_cleanup(sender, instance, **kwargs) -> None:
    # The profile (log version, units, time zone: what the cache keys carry) is gone by post_delete.
    instance._runlog_profile = Profile.objects.filter(user=instance).first()


def _clean_up_after(sender, instance, **kwargs) -> None:
    """What no foreign key cascades to: sessions, cached derived data, login-attempt records."""
    user_id, username = instance.pk, instance.get_username()
    profile = getattr(instance, "_runlog_profile", None)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = _session_keys(user_id)
    for key in sessions:
        store(session_key=key).delete()  # the database row and, for cached_db, its cached copy
    records = (AccessAttempt, AccessLog, AccessFailureLog)
    attempts = sum(model.objects.filter(username=username).delete()[0] for model in records)
    if profile is not None:
        derived.forget(profile)
        # Once more after the commit: a request reading the old log meanwhile may have cached it again.
        transaction.on_commit(lambda: derived.forget(profile))
    log.info("account deleted user=%s sessions=%s login_records=%s", user_id, len(sessions), attempts)


def delete_account(user) -> None:
    """The runner's own deletion: the signals above do the cleanup, as for a deletion in the admin."""
    log.info("account deletion asked by the runner user=%s", user.pk)
    user.delete()


def connect() -> None:
    User = get_user_model()
    pre_delete.connect(_remember_for_cleanup, sender=User, dispatch_uid="runlog-user-pre-delete")
    post_delete.connect(_clean_up_after, sender=User, dispatch_uid="runlog-user-post-delete")
