"""Stored moments in a runner's time zone, safe at the ends of the calendar (years 1 and 9999).

A moment stored near `datetime.min` or `datetime.max` (old data, a restore, an admin edit) can have a
local time that Python cannot hold: 0001-01-01 03:00 UTC is still year 0 in Kiritimati (UTC+14). Every
page converts stored moments through here, so such a row shows at the nearest time that exists instead
of taking the page down.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


class LocalMoment(dt.datetime):
    """A datetime already in the runner's zone: Django's templates must not convert it again."""

    convert_to_local_time = False


def in_zone(moment: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """`moment.astimezone(tz)`, or the first/last representable time in `tz` when that overflows."""
    try:
        return moment.astimezone(tz)
    except OverflowError:
        edge = dt.datetime.min if moment.year < 5000 else dt.datetime.max
        return edge.replace(tzinfo=tz)


def local_date(moment: dt.datetime, tz: dt.tzinfo) -> dt.date:
    """The runner's calendar day of a stored moment."""
    return in_zone(moment, tz).date()


def for_template(moment: dt.datetime | None, tz: dt.tzinfo | None = None) -> LocalMoment | None:
    """A stored moment in the active (runner's) zone, marked so that template filters show it as it is."""
    if moment is None:
        return None
    if timezone.is_naive(moment):
        return moment
    local = in_zone(moment, tz or timezone.get_current_timezone())
    return LocalMoment(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        local.tzinfo,
        fold=local.fold,
    )
