"""Log versions, and per-runner caching by them of what is derived from the log (assessment, charts, week).

Every change to a runner's log replaces `Profile.log_version` with a fresh random value (signals for
single saves and deletes, an explicit call after bulk imports), and cache keys carry that version and the
runner's date, so a cached value is never served after the log or the day has changed.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from runlog.log.models import CrossTraining, Profile, Run, Shoe, Units, new_log_version

TIMEOUT = 6 * 3600
# Every kind of value cached by log version: what a deleted runner's entries are found by.
KINDS = ("charts", "week", "assessment")


def bump_log_version(user_id: int) -> None:
    Profile.objects.filter(user_id=user_id).update(log_version=new_log_version())


def key(kind: str, profile: Profile, today: dt.date, *extra) -> str:
    return _key(kind, profile, today, profile.units, *extra)


def _key(kind: str, profile: Profile, today: dt.date, units: str, *extra) -> str:
    parts = [kind, str(profile.user_id), str(profile.log_version), today.isoformat(), units, profile.timezone]
    return ":".join([*parts, *map(str, extra)])


def get_or_compute(kind: str, profile: Profile, today: dt.date, compute):
    if kind not in KINDS:
        raise ValueError(f"cache kind {kind!r} is not listed in KINDS")
    name = key(kind, profile, today)
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, TIMEOUT)
    return value


def forget(profile: Profile) -> None:
    """Delete a runner's cached values (their account is being deleted), not merely leave them unreachable.

    Keys carry the log version, the date, the unit and the time zone: every kind in both units, for the
    runner's yesterday, today and tomorrow (a value lives 6 hours), in their current zone and version.
    Values stored under an earlier version or zone could not be read again by anyone and expire within
    TIMEOUT.
    """
    today = profile.today()
    days = [today + dt.timedelta(days=offset) for offset in (-1, 0, 1)]
    cache.delete_many([_key(kind, profile, day, units) for kind in KINDS for day in days for units in Units.values])


def log_changed(sender, instance, **kwargs) -> None:
    """A signal receiver for every model of the log (runs, shoes, cross-training, pain reports)."""
    if kwargs.get("raw"):
        return
    bump_log_version(instance.user_id)


for model in (Run, CrossTraining, Shoe):
    post_save.connect(log_changed, sender=model, dispatch_uid=f"log-version-save-{model.__name__}")
    post_delete.connect(log_changed, sender=model, dispatch_uid=f"log-version-delete-{model.__name__}")
