"""The runner's training as calendar events: runs, cross-training and the return-to-run plan's next session."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from injuries.assessment import assessment_for
from runlog.log import units as u
from runlog.log.models import CrossTraining, Profile, Run
from runlog.sharing import ical

# A year back is what a calendar shows; older entries stay in the log and the export.
FEED_DAYS = 365
MAX_EVENTS = 2000


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "runlog"


def _end(start: dt.datetime, seconds: int) -> dt.datetime:
    """When a session ended; one stored at the calendar's last instant ends where it starts."""
    try:
        return start + dt.timedelta(seconds=seconds)
    except OverflowError:
        return start


def _pace(run: Run, units: str) -> str:
    return u.format_pace(run.duration_s / (run.distance_m / u.KM), units) if run.distance_m else "—"


def run_event(run: Run, profile: Profile, stamp: str) -> list[tuple[str, str]]:
    units = profile.units
    distance = u.format_distance(run.distance_m, units, 2)
    kind = run.kind_in_sentence
    if run.plan_session:
        summary = gettext("Run %(distance)s %(kind)s · return-to-run session") % {"distance": distance, "kind": kind}
    else:
        summary = gettext("Run %(distance)s %(kind)s") % {"distance": distance, "kind": kind}
    details = [
        gettext("Distance: %(distance)s") % {"distance": distance},
        gettext("Time: %(time)s") % {"time": u.format_duration(run.duration_s)},
        gettext("Pace: %(pace)s") % {"pace": _pace(run, units)},
    ]
    if run.rpe is not None:
        details.append(gettext("Effort (RPE): %(rpe)s/10") % {"rpe": run.rpe})
    if run.avg_hr:
        details.append(gettext("Average heart rate: %(hr)s bpm") % {"hr": run.avg_hr})
    return [
        ("UID", f"run-{run.pk}@{_host()}"),
        ("DTSTAMP", stamp),
        ("DTSTART", ical.utc(run.start)),
        ("DTEND", ical.utc(_end(run.start, run.duration_s))),
        ("SUMMARY", ical.escape(summary)),
        ("DESCRIPTION", ical.escape("\n".join(details))),
        ("CATEGORIES", "Run"),
        ("TRANSP", "OPAQUE"),
    ]


def cross_training_event(session: CrossTraining, profile: Profile, stamp: str) -> list[tuple[str, str]]:
    details = [gettext("Time: %(time)s") % {"time": u.format_duration(session.duration_s)}]
    if session.distance_m:
        distance = u.format_distance(session.distance_m, profile.units, 2)
        details.append(gettext("Distance: %(distance)s") % {"distance": distance})
    if session.rpe is not None:
        details.append(gettext("Effort (RPE): %(rpe)s/10") % {"rpe": session.rpe})
    return [
        ("UID", f"xt-{session.pk}@{_host()}"),
        ("DTSTAMP", stamp),
        ("DTSTART", ical.utc(session.start)),
        ("DTEND", ical.utc(_end(session.start, session.duration_s))),
        ("SUMMARY", ical.escape(session.get_activity_display())),
        ("DESCRIPTION", ical.escape("\n".join(details))),
        ("CATEGORIES", "Cross-training"),
    ]


def plan_event(profile: Profile, stamp: str) -> list[tuple[str, str]] | None:
    """The return-to-run plan's next session, on the first day it should be run (an all-day event)."""
    plan = assessment_for(profile).plan
    if plan is None or plan.status != "active" or plan.next_session_on is None or not plan.next_session_label:
        return None
    on = plan.next_session_on
    return [
        ("UID", f"plan-{plan.plan_id}-phase-{plan.phase}@{_host()}"),
        ("DTSTAMP", stamp),
        ("DTSTART;VALUE=DATE", ical.day(on)),
        ("DTEND;VALUE=DATE", ical.day(on + dt.timedelta(days=1) if on < dt.date.max else on)),
        ("SUMMARY", ical.escape(gettext("Return-to-run plan: %(session)s") % {"session": plan.next_session_label})),
        (
            "DESCRIPTION",
            ical.escape(
                gettext("%(where)s, phase %(phase)s. Score the pain after it.")
                % {"where": plan.location_label, "phase": plan.phase}
            ),
        ),
        ("CATEGORIES", "Return-to-run plan"),
        ("TRANSP", "TRANSPARENT"),
    ]


def feed_text(profile: Profile) -> str:
    """The whole feed, newest entries kept when there are more than MAX_EVENTS in the year, in the runner's
    language (a calendar app fetches it with its own Accept-Language, or none)."""
    with translation.override(profile.language):
        return _feed_text(profile)


def _feed_text(profile: Profile) -> str:
    stamp = ical.utc(timezone.now())
    since = timezone.now() - dt.timedelta(days=FEED_DAYS)
    runs = Run.objects.filter(user=profile.user, start__gte=since).order_by("-start")[:MAX_EVENTS]
    sessions = CrossTraining.objects.filter(user=profile.user, start__gte=since).order_by("-start")[:MAX_EVENTS]
    events = [run_event(run, profile, stamp) for run in runs]
    events += [cross_training_event(session, profile, stamp) for session in sessions]
    if (planned := plan_event(profile, stamp)) is not None:
        events.append(planned)
    return ical.calendar(f"Runlog · {profile.user.get_username()}", events)
