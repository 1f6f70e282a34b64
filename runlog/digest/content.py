"""What a digest says, for a whole batch of runners in a fixed number of queries, and its rendered email."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import pandas as pd
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from injuries.advice import advice_for
from injuries.assessment import load_frames_bulk
from injuries.models import PainReport
from injuries.risk import Assessment, assess
from injuries.risk.plan import sessions_per_week
from injuries.risk.rules.footwear import wear_state
from runlog.digest.unsubscribe import unsubscribe_url
from runlog.log.models import Profile
from runlog.log.weeks import WeekTotals, week_totals
from runlog.site.emails import make_message

log = logging.getLogger("runlog.digest")


@dataclass
class DigestContent:
    profile: Profile
    week_start: dt.date
    week: WeekTotals
    average: WeekTotals  # mean of the 4 weeks before
    assessment: Assessment
    flags: list = field(default_factory=list)  # (flag, advice or None)
    worn_shoes: list = field(default_factory=list)  # (name, km, fraction)
    pain: list = field(default_factory=list)  # (location label, this week's max, previous week's max)
    next_step: str = ""
    active_4w: bool = True

    @property
    def plan(self):
        """The return-to-run plan at the end of the week, if one is under way or finished that week."""
        plan = self.assessment.plan
        if plan is None or (plan.status == "done" and (plan.done_on is None or plan.done_on < self.week_start)):
            return None
        return plan

    @property
    def plan_week(self) -> list:
        """The plan's sessions of the week, each with its zone and why it counted as it did."""
        return [] if self.plan is None else sessions_per_week(self.plan, self.week_start)

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)

    @property
    def has_something_to_say(self) -> bool:
        return self.active_4w


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
        average = week_totals(runs, sessions, before, week_start - dt.timedelta(days=1)).per_week(4)
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
            week=week_totals(runs, sessions, week_start, week_end),
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


def _next_step(assessment: Assessment) -> str:
    """Lazy: translated when the digest is rendered, in the runner's language."""
    codes = [f.code for f in assessment.flags]
    if "pain.red_flag" in codes:
        return _("Book an appointment with a clinician before your next run.")
    if any(f.code.startswith("pain.") and f.severity == "high" for f in assessment.flags):
        return _("Make this week lighter: shorter, easier runs, and log tomorrow morning's pain score.")
    if "overtraining.session_spike" in codes:
        # Translators: "10 %" is a percentage, not a placeholder: write it as your language writes 10 percent.
        # xgettext:no-python-format
        return _("Keep your long run this week within 10 % of your recent longest.")
    if "rest.missing" in codes:
        return _("Put at least one rest day in your plan this week.")
    if any(c.startswith("footwear.worn") for c in codes):
        return _("Check the wear on your shoes and plan a new pair.")
    if "prevention.strength" in codes:
        return _("Add two short strength sessions this week: squats, lunges, calf raises.")
    return _("Keep it steady: one longer run, easy days easy, at least one rest day.")


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
    return make_message("digest", context, user.email, headers, language=content.profile.language)
