"""What a clinician share shows: one period of a runner's log, read the way the runner's own pages read it.

Everything comes from the risk engine's frames loaded as of the share's last day (five queries, the log
of the 180 days up to it; a share covers at most 16 weeks, so every episode's 14 days before fit too),
cut to the period: nothing before its first day or after its last is shown, and notes only if the runner
chose them. No email, no username: the name shown is the one the runner typed when making the share.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from injuries.advice import with_advice
from injuries.assessment import frames_for, plan_history
from injuries.models import Location, PainReport, Side
from injuries.risk import Episode, assess
from injuries.risk import episodes as ep
from injuries.risk import metrics as m
from injuries.risk.plan import session_label
from runlog.log import units as u
from runlog.log.models import Run, local_day_bounds, profile_for
from runlog.sharing import svg
from runlog.sharing.models import ClinicianShare
from runlog.site.localtime import in_zone, local_date

SCORES = ("during", "after", "next_morning")
# A pain zone of the pain-monitoring model, as the rest of the site says it.
ZONES = {
    "green": pgettext_lazy("session zone", "green"),
    "amber": pgettext_lazy("session zone", "amber"),
    "red": pgettext_lazy("session zone", "red"),
}
# The names of the numbers a warning rests on (the engine's evidence keys); any other key is shown as written.
EVIDENCE_LABELS = {
    "acute_load": gettext_lazy("acute load (7 days)"),
    "chronic_load": gettext_lazy("chronic load (28 days)"),
    "acwr": gettext_lazy("acute:chronic ratio"),
    "after": gettext_lazy("pain after"),
    "baseline": gettext_lazy("baseline morning score"),
    "cadence_spm": gettext_lazy("step rate (steps/min)"),
    "cross_training_14d": gettext_lazy("cross-training sessions, 14 days"),
    "date": gettext_lazy("date"),
    "days_since_previous_run": gettext_lazy("days since the previous run"),
    "during": gettext_lazy("pain during"),
    "fraction": gettext_lazy("share of retirement distance"),
    "increase": gettext_lazy("increase"),
    "km": gettext_lazy("km"),
    "location": gettext_lazy("location"),
    "longest_30d_km": gettext_lazy("longest run of the 30 days before, km"),
    "monotony": gettext_lazy("monotony"),
    "needs_confirmation": gettext_lazy("needs a clinician's or walking confirmation"),
    "next_morning": gettext_lazy("pain next morning"),
    "prev_week_km": gettext_lazy("previous week, km"),
    "ratio": gettext_lazy("ratio"),
    "reason": gettext_lazy("reason"),
    "red_reports_7d": gettext_lazy("red-zone reports, 7 days"),
    "red_zone_7d": gettext_lazy("red-zone reports, 7 days"),
    "reports_14d": gettext_lazy("reports, 14 days"),
    "rest_days_7d": gettext_lazy("rest days, 7 days"),
    "retire_at_km": gettext_lazy("retire at, km"),
    "run_km": gettext_lazy("run, km"),
    "run_streak_days": gettext_lazy("running days in a row"),
    "runs": gettext_lazy("runs"),
    "runs_14d": gettext_lazy("runs, 14 days"),
    "runs_30d": gettext_lazy("runs, 30 days"),
    "share": gettext_lazy("share"),
    "shoe": gettext_lazy("shoe"),
    "strain": gettext_lazy("strain"),
    "strain_p90_12w": gettext_lazy("strain, 90th percentile of 12 weeks"),
    "strength_sessions_14d": gettext_lazy("strength sessions, 14 days"),
    "target_max_spm": gettext_lazy("target up to (steps/min)"),
    "target_min_spm": gettext_lazy("target from (steps/min)"),
    "untagged_runs_14d": gettext_lazy("runs without a shoe, 14 days"),
    "warm_ups_last_10": gettext_lazy("warm-ups in the last 10 runs"),
    "week_km": gettext_lazy("last 7 days, km"),
    "weeks": gettext_lazy("weeks"),
    "zone": gettext_lazy("zone"),
}


def _score(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _weeks(frames, start: dt.date, end: dt.date, units: str) -> list[dict]:
    """Seven-day blocks from the period's first day; the last may be shorter if the period is."""
    runs, cross = frames.runs, frames.cross
    out = []
    first = start
    while first <= end:
        last = min(first + dt.timedelta(days=6), end)
        lo, hi = pd.Timestamp(first), pd.Timestamp(last)
        week_runs = m.between(runs, lo, hi)
        week_cross = m.between(cross, lo, hi)
        distance_m = float(week_runs["distance_m"].sum())
        out.append(
            {
                "first": first,
                "last": last,
                "runs": len(week_runs),
                "distance_m": distance_m,
                "distance": round(distance_m / u.unit_m(units), 1),
                "duration": u.format_duration(float(week_runs["duration_s"].sum())) if len(week_runs) else "—",
                "xt_minutes": round(float(week_cross["duration_s"].sum()) / 60),
                "load": round(float(m.load_values(frames, lo, hi).sum())),
            }
        )
        first = last + dt.timedelta(days=1)
    return out


def _pain(frames, start: dt.date, end: dt.date) -> list[dict]:
    """One chart per location and side with reports in the period, and the reports beside it."""
    reports = m.between(frames.pain, pd.Timestamp(start), pd.Timestamp(end))
    days = (end - start).days + 1
    names = {"during": _("During the run"), "after": _("After it"), "next_morning": _("Next morning")}
    locations, sides = dict(Location.choices), dict(Side.choices)
    out = []
    for (location, side), rows in reports.groupby(["location", "side"], sort=True):
        label = f"{locations.get(location, location)} ({str(sides.get(side, side)).lower()})"
        series = []
        for key in SCORES:
            points = [
                ((day.date() - start).days, _score(value))
                for day, value in zip(rows["day"], rows[key], strict=True)
                if _score(value) is not None
            ]
            series.append((names[key], points))
        table = [
            {
                "day": day.date(),
                **{key: _score(row[key]) for key in SCORES},
                "signs": [
                    str(PainReport._meta.get_field(sign).verbose_name)
                    for sign in ("swelling", "warmth", "stiffness", "locking", "cannot_bear_weight")
                    if bool(row[sign])
                ],
            }
            for day, (_i, row) in zip(rows["day"], rows.iterrows(), strict=True)
        ]
        chart = svg.pain_chart(
            _("Pain, %(location)s, scores 0 to 10") % {"location": label},
            days,
            series,
            date_format(start, "j M"),
            date_format(end, "j M"),
        )
        out.append({"label": label, "chart": chart, "reports": table})
    return out


def _episodes(frames, start: dt.date, end: dt.date) -> list[Episode]:
    """Episodes that began in the period, each with what the log shows in the 14 days before it — only what
    lies inside the period (the runner shared that much and no more)."""
    out = []
    for location, day, report_id in ep.onsets(frames.pain):
        if start <= day.date() <= end:
            before = [item for item in ep.before(frames, day) if start <= item.date <= end]
            out.append(Episode(location, day.date(), report_id, before))
    return out


def _shoes(frames, start: dt.date, units: str) -> list[dict]:
    """The pairs not retired before the period began, with their distance at its end."""
    out = []
    for shoe in frames.rows("shoes"):
        retired = None if pd.isna(shoe.retired_on) else pd.Timestamp(shoe.retired_on).date()
        if retired is not None and retired < start:
            continue
        km = float(shoe.start_m) + float(shoe.logged_m or 0.0)
        retire = float(shoe.retire_at_m)
        out.append(
            {
                "name": shoe.name,
                "distance": u.format_distance(km, units, 0),
                "retire_at": u.format_distance(retire, units, 0),
                "worn": round(100 * km / retire) if retire else None,
                "retired_on": retired,
            }
        )
    return sorted(out, key=lambda s: -(s["worn"] or 0))


def _plans(profile, start: dt.date, end: dt.date) -> list[dict]:
    """Return-to-run plans under way at some point of the period, with the sessions run in it."""
    out = []
    for plan in plan_history(profile, end):
        finished = plan.done_on or plan.ended_on
        if plan.started_on > end or (finished is not None and finished < start):
            continue
        sessions = [s for s in plan.sessions if start <= s.day <= end]
        out.append(
            {
                "plan": plan,
                "location": dict(Location.choices).get(plan.location, plan.location),
                "next_label": session_label(plan.phase) if plan.status in ("active", "paused") else None,
                "sessions": sessions,
            }
        )
    return out


def _notes(user, start: dt.date, end: dt.date, tz) -> list[dict]:
    """The runner's notes on runs and pain reports of the period (two queries), oldest first."""
    first, last = local_day_bounds(start, end, tz)
    notes = [
        {"day": local_date(when, tz), "what": _("Run"), "text": text}
        for when, text in Run.objects.filter(user=user, start__gte=first, start__lt=last)
        .exclude(notes="")
        .order_by("start")
        .values_list("start", "notes")
    ]
    locations = dict(Location.choices)
    notes += [
        {"day": day, "what": _("Pain report, %(location)s") % {"location": locations.get(loc, loc)}, "text": text}
        for day, loc, text in PainReport.objects.filter(user=user, date__gte=start, date__lte=end)
        .exclude(notes="")
        .order_by("date", "id")
        .values_list("date", "location", "notes")
    ]
    return sorted(notes, key=lambda n: n["day"])


def _evidence(evidence: dict) -> list[tuple[str, str]]:
    """A flag's numbers as (name, value), without the ids of the runner's records (they mean nothing here)."""
    shown, locations = [], dict(Location.choices)
    for key, value in evidence.items():
        if key.endswith(("_id", "_ids")) or isinstance(value, (dict, list)):
            continue
        if key == "location":
            value = locations.get(value, value)
        elif key == "zone":
            value = ZONES.get(value, value)
        if isinstance(value, bool):
            text = _("yes") if value else _("no")
        elif isinstance(value, float):
            text = f"{value:g}".replace(".", get_format("DECIMAL_SEPARATOR"))
        else:
            text = str(value).replace("_", " ")
        shown.append((str(EVIDENCE_LABELS.get(key, key.replace("_", " "))), text))
    return shown


def _before(evidence: dict, start: dt.date) -> bool:
    """The flag is about a report or run dated before the period (its evidence's `date`)."""
    try:
        return dt.date.fromisoformat(str(evidence.get("date", ""))) < start
    except ValueError:
        return False


def _flags(assessment, start: dt.date) -> list[dict]:
    """The warnings the runner saw on the period's last day, less those about a day before the period (a
    pain report of the weeks before, say): the period is all the runner shared."""
    return [
        {
            "code": item.code,
            "severity": item.severity,
            "title": item.flag.title,
            "message": item.flag.message,
            "evidence": _evidence(item.flag.evidence),
            "advice": item.advice,
        }
        for item in with_advice(assessment)
        if not _before(item.flag.evidence, start)
    ]


def report(share: ClinicianShare) -> dict:
    """The share's whole content, as template context."""
    profile = profile_for(share.user)
    units = profile.units
    start, end = share.start_date, share.end_date
    frames = frames_for(profile, end)
    assessment = assess(frames, end)
    weeks = _weeks(frames, start, end, units)
    labels = [date_format(w["first"], "j M") for w in weeks]
    return {
        "share": share,
        "name": share.display_name or _("Runner"),
        "start": start,
        "end": end,
        "units": units,
        "generated": in_zone(timezone.now(), profile.tz),
        "timezone": profile.timezone,
        "weeks": weeks,
        "total_distance": u.format_distance(sum(w["distance_m"] for w in weeks), units, 1),
        "total_runs": sum(w["runs"] for w in weeks),
        "distance_chart": svg.bar_chart(_("Running distance per week"), labels, [w["distance"] for w in weeks], units),
        "load_chart": svg.bar_chart(_("Training load per week (effort × minutes)"), labels, [w["load"] for w in weeks]),
        "pain": _pain(frames, start, end),
        "episodes": _episodes(frames, start, end),
        "flags": _flags(assessment, start),
        "estimated_load": assessment.estimated_load,
        "shoes": _shoes(frames, start, units),
        "plans": _plans(profile, start, end),
        "notes": _notes(share.user, start, end, profile.tz) if share.include_notes else None,
    }
