"""The `ldate` filter writes a moment in the runner's zone, like Django's own `date` filter does."""

import datetime as dt

from django.utils import timezone, translation

from runlog.templatetags.runlog_tags import ldate

NOON_UTC = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def test_a_moment_is_written_in_the_runners_zone():
    with timezone.override("Pacific/Kiritimati"), translation.override("en"):  # UTC+14
        assert ldate(NOON_UTC, "j M Y H:i") == "2 Dec 2026 02:00"
    with timezone.override("America/Los_Angeles"), translation.override("de"):  # UTC−8
        assert ldate(NOON_UTC, "H:i") == "04:00"


def test_extreme_stored_moments_do_not_overflow():
    with timezone.override("Pacific/Kiritimati"):
        assert ldate(dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC), "Y")  # no OverflowError
    with timezone.override("Pacific/Pago_Pago"):
        assert ldate(dt.datetime(1, 1, 1, 1, 0, tzinfo=dt.UTC), "Y")


def test_a_plain_date_is_written_as_it_is():
    with timezone.override("Pacific/Kiritimati"):
        assert ldate(dt.date(2026, 12, 1), "j M Y") == "1 Dec 2026"
