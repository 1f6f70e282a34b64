"""The demo runner: about six months of varied, realistic history that triggers several warnings.

Built to show the product at work on first start: base weeks and easier weeks, a half-marathon that
spikes past the runner's recent longest run, a daily trainer past 700 km, strength work that stopped
two weeks ago, and an inner-knee pain episode that turns red after the long run. Five months ago a
kneecap pain was worked through with a return-to-run plan, finished; after the half marathon a new
plan for the inner knee has just begun.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from injuries.models import PainReport, ReturnPlan
from runlog.imports.files import Upload, import_files
from runlog.log.models import CrossTraining, Profile, Run, Shoe, profile_for
from runlog.log.versions import bump_log_version
from runlog.sharing.models import SHARE_DAYS_DEFAULT, SHARE_WEEKS_DEFAULT, ClinicianShare

DAYS = 182
# A real watch file (see demo_files/README.md): the demo's run with a route, samples, splits and laps.
WATCH_FILE = Path(__file__).resolve().parent / "demo_files" / "runpandas_run.fit"
TZ = "Europe/Berlin"
PACE_S_PER_KM = {"easy": 345, "long": 360, "tempo": 290, "intervals": 300, "recovery": 380, "race": 285}
RPE = {"easy": 3, "long": 5, "tempo": 7, "intervals": 8, "recovery": 2, "race": 9}
# The finished plan: kneecap pain turns red on day 18 of the log; the plan starts on day 21 and its 16
# sessions, every other day and all green, climb the eight phases by day 51.
KNEECAP_RED, FIRST_PLAN_START, FIRST_PLAN_SESSIONS = 18, 21, 16
FIRST_PLAN_LAST = FIRST_PLAN_START + 2 * (FIRST_PLAN_SESSIONS - 1)
# Walk-run minutes of each phase's session (two sessions a phase), and the distance they cover.
SESSION_MINUTES = (30, 30, 30, 30, 30, 30, 30, 40)


@dataclass(frozen=True)
class DemoResult:
    created: bool
    runs: int = 0
    cross_training: int = 0
    pain_reports: int = 0
    shoes: int = 0
    share_url: str = ""  # a clinician share made now (its link is shown once: only its hash is kept)


def _week_plan(week: int) -> dict[int, tuple[str, float] | str | None]:
    """Weekday → (kind, km) for a run, an activity name for cross-training, or None for rest."""
    easier = week % 4 == 3  # every fourth week is lighter
    scale = 0.65 if easier else 1.0 + 0.03 * (week % 4)
    long_km = round((11 + week * 0.12) * scale, 1)
    return {
        0: None,
        1: ("easy", round(8 * scale, 1)),
        2: ("intervals" if week % 2 else "tempo", round(8 * scale, 1)),
        3: "strength",
        4: ("easy", round(6 * scale, 1)) if not easier else None,
        5: "cycling" if week % 3 == 0 else ("recovery", round(5 * scale, 1)),
        6: ("long", long_km),
    }


def _at(day: dt.date, hour: int, minute: int, tz) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


@transaction.atomic
def seed_demo(username: str = "demo", password: str = "demo-password", today: dt.date | None = None) -> DemoResult:
    User = get_user_model()
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        # Nothing else changes; the demo's clinician share is made again only once the last one stopped working.
        has_share = ClinicianShare.objects.filter(user=existing).live().exists()
        return DemoResult(created=False, share_url="" if has_share else _clinician_share(existing))
    rng = random.Random(20261125)
    tz = zoneinfo.ZoneInfo(TZ)
    today = today or timezone.now().astimezone(tz).date()
    user = User.objects.create_user(username=username, email=f"{username}@example.com", password=password)
    first = today - dt.timedelta(days=DAYS - 1)

    daily = Shoe.objects.create(
        user=user,
        name="Daily trainer",
        brand="Brooks",
        model="Ghost 16",
        support="neutral",
        purchased_on=first - dt.timedelta(days=150),
        start_m=300_000.0,
    )
    tempo = Shoe.objects.create(
        user=user,
        name="Tempo shoe",
        brand="Saucony",
        model="Endorphin Speed",
        support="neutral",
        purchased_on=first + dt.timedelta(days=20),
    )
    trail = Shoe.objects.create(
        user=user,
        name="Old trail pair",
        brand="Salomon",
        model="Speedcross",
        support="neutral",
        purchased_on=first - dt.timedelta(days=500),
        start_m=650_000.0,
        retired_on=first + dt.timedelta(days=40),
    )
    Profile.objects.update_or_create(
        user=user,
        defaults={
            "timezone": TZ,
            "units": "km",
            "digest_enabled": True,
            "digest_weekday": 0,
            "default_shoe": daily,
            # Made by the operator, not signed up: its address counts as verified, so the digest goes out.
            "verified_email": user.email,
            "email_verified_at": timezone.now(),
        },
    )

    runs: list[Run] = []
    sessions: list[CrossTraining] = []
    plan_sessions: list[Run] = []
    race_day = today - dt.timedelta(days=2)
    strength_stops = today - dt.timedelta(days=15)
    for offset in range(DAYS):
        day = first + dt.timedelta(days=offset)
        week = offset // 7
        plan = _week_plan(week).get(day.weekday())
        in_plan = FIRST_PLAN_START <= offset <= FIRST_PLAN_LAST and (offset - FIRST_PLAN_START) % 2 == 0
        if KNEECAP_RED < offset <= FIRST_PLAN_LAST and not in_plan and not isinstance(plan, str):
            continue  # no running outside the plan's sessions; cross-training goes on
        if in_plan:
            phase = (offset - FIRST_PLAN_START) // 4 + 1
            minutes = SESSION_MINUTES[phase - 1]
            plan_sessions.append(_plan_session(user, _at(day, 7, 30, tz), minutes, daily, phase))
            continue
        if day == race_day:
            plan = ("race", 21.1)
        elif day == race_day + dt.timedelta(days=1):
            # The day after the race: the first session of the new plan (it turns out amber).
            plan_sessions.append(_plan_session(user, _at(day, 17, 30, tz), 30, daily, 1))
            continue
        elif race_day < day:
            plan = None  # a day off between plan sessions
        elif day > race_day - dt.timedelta(days=6) and isinstance(plan, tuple) and plan[0] == "long":
            plan = ("easy", 6.0)  # taper: no long run in the race week
        if plan is None:
            continue
        if isinstance(plan, str):
            if plan == "strength" and day >= strength_stops:
                continue
            sessions.append(
                CrossTraining(
                    user=user,
                    start=_at(day, 18, 30, tz),
                    activity=plan,
                    duration_s=rng.choice([1800, 2400, 2700]) if plan == "strength" else rng.choice([3600, 4500]),
                    rpe=rng.choice([4, 5, 6]),
                    notes="Squats, lunges, calf raises" if plan == "strength" else "",
                )
            )
            continue
        kind, km = plan
        km = max(3.0, round(km * rng.uniform(0.93, 1.07), 1)) if kind != "race" else km
        pace = PACE_S_PER_KM[kind] * rng.uniform(0.97, 1.04)
        shoe = tempo if kind in ("tempo", "intervals", "race") else daily
        if day <= trail.retired_on and kind == "long":
            shoe = trail
        runs.append(
            Run(
                user=user,
                start=_at(day, 7 if kind != "long" else 8, rng.choice([0, 15, 30]), tz),
                distance_m=km * 1000,
                duration_s=round(km * pace),
                kind=kind,
                rpe=min(10, max(1, RPE[kind] + rng.choice([-1, 0, 0, 1]))),
                shoe=shoe,
                warm_up=kind in ("tempo", "intervals", "race") or rng.random() < 0.2,
                surface="trail" if shoe == trail else "road",
                avg_hr=round(130 + RPE[kind] * 5 + rng.uniform(-4, 4)),
                elevation_gain_m=round(km * rng.uniform(4, 12)),
                notes="Half marathon — went out too fast" if kind == "race" else "",
            )
        )
    Run.objects.bulk_create(runs + plan_sessions)
    CrossTraining.objects.bulk_create(sessions)
    bump_log_version(user.pk)  # bulk_create sends no signals

    race = Run.objects.get(user=user, kind="race")
    episode = [
        (race_day - dt.timedelta(days=9), 2, 3, 1),
        (race_day - dt.timedelta(days=6), 3, 4, 2),
        (race_day - dt.timedelta(days=4), 3, 3, 2),
        (race_day, 6, 7, 4),
        (race_day + dt.timedelta(days=1), None, 4, 3),
    ]
    reports = [
        PainReport(
            user=user,
            date=day,
            location="inner_knee",
            side="left",
            during=during,
            after=after,
            next_morning=morning if day < today else None,
            stiffness=during is not None and during >= 6,
            run=race if day == race_day else None,
            notes="Inner side of the left knee, worse on the downhill" if day == race_day else "",
        )
        for day, during, after, morning in episode
        if day <= today
    ]
    reports += _plans(user, first, today, plan_sessions, race_day)
    PainReport.objects.bulk_create(reports)
    watch_runs = _watch_run(user)
    return DemoResult(
        created=True,
        runs=len(runs) + len(plan_sessions) + watch_runs,
        cross_training=len(sessions),
        pain_reports=len(reports),
        shoes=3,
        share_url=_clinician_share(user, today),
    )


def _clinician_share(user, today: dt.date | None = None) -> str:
    """One live clinician share of the last 12 weeks, notes included: its link, to print."""
    today = today or profile_for(user).today()
    _, token = ClinicianShare.create(
        user,
        display_name="Demo runner",
        start_date=today - dt.timedelta(weeks=SHARE_WEEKS_DEFAULT) + dt.timedelta(days=1),
        end_date=today,
        include_notes=True,
        expires_at=timezone.now() + dt.timedelta(days=SHARE_DAYS_DEFAULT),
    )
    return settings.SITE_URL + reverse("clinician_share", args=[token])


def _plan_session(user, start: dt.datetime, minutes: int, shoe: Shoe, phase: int) -> Run:
    """A walk-run session at an easy effort: the running share of each phase covered at a gentle pace."""
    km = round(minutes * 60 / 420 * (0.55 + 0.05 * phase), 1)
    return Run(
        user=user,
        start=start,
        distance_m=km * 1000,
        duration_s=minutes * 60,
        kind="recovery",
        rpe=3,
        shoe=shoe,
        surface="road",
        plan_session=True,
        notes="Return-to-run plan session",
    )


def _plans(user, first: dt.date, today: dt.date, plan_sessions: list[Run], race_day: dt.date) -> list[PainReport]:
    """The two plans and the pain reports that drive them: the kneecap plan finished, the inner-knee one begun."""
    kneecap_day = first + dt.timedelta(days=KNEECAP_RED)
    ReturnPlan.objects.create(
        user=user, location="kneecap", started_on=first + dt.timedelta(days=FIRST_PLAN_START), baseline=3
    )
    reports = [
        PainReport(
            user=user,
            date=kneecap_day,
            location="kneecap",
            side="right",
            during=6,
            after=6,
            next_morning=3,
            notes="Ache behind the kneecap on the stairs",
        )
    ]
    for run in plan_sessions:
        day = run.start.astimezone(zoneinfo.ZoneInfo(TZ)).date()
        if day > race_day:
            continue
        reports.append(
            PainReport(
                user=user, date=day, location="kneecap", side="right", during=1, after=1, next_morning=0, run=run
            )
        )
    # The new plan began the day after the race, from that morning's score; its first session was amber.
    ReturnPlan.objects.create(user=user, location="inner_knee", started_on=race_day + dt.timedelta(days=1), baseline=4)
    return reports


def _watch_run(user) -> int:
    """The real watch file imported as an upload would be: its run keeps the samples and the file."""
    (report,) = import_files(profile_for(user), [Upload(WATCH_FILE.name, WATCH_FILE.read_bytes())])
    return report.created
