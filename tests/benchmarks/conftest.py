"""Benchmark personas: a runner with 10 years of near-daily history and one with 90 days, each with step
rates, pain episodes and a return-to-run plan under way for its last 40 days."""

import datetime as dt
import random
import zoneinfo

import pytest

from injuries.models import PainReport, ReturnPlan
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import UserFactory

TODAY = dt.date(2026, 11, 25)
KINDS = ["easy", "easy", "long", "tempo", "intervals", "recovery"]


def make_runner(username: str, days: int) -> Profile:
    rng = random.Random(days)
    user = UserFactory(username=username)
    profile = Profile.objects.create(user=user, timezone="Europe/Berlin")
    tz = zoneinfo.ZoneInfo(profile.timezone)
    shoes = [Shoe.objects.create(user=user, name=f"Pair {i}") for i in range(max(2, days // 300))]
    runs, sessions, pains = [], [], []
    for offset in range(days):
        day = TODAY - dt.timedelta(days=offset)
        if rng.random() < 0.85:
            kind = rng.choice(KINDS)
            km = rng.uniform(5, 22 if kind == "long" else 14)
            runs.append(
                Run(
                    user=user,
                    start=dt.datetime.combine(day, dt.time(7), tz),
                    distance_m=km * 1000,
                    duration_s=int(km * rng.uniform(280, 380)),
                    kind=kind,
                    rpe=rng.choice([None, 3, 4, 5, 6, 7]),
                    shoe=shoes[min(len(shoes) - 1, offset // 300)],
                    warm_up=rng.random() < 0.5,
                    avg_cadence_spm=round(rng.uniform(155, 182), 1),
                    plan_session=offset < 40 and offset % 2 == 0,  # a return-to-run plan's sessions
                )
            )
        if rng.random() < 0.3:
            sessions.append(
                CrossTraining(
                    user=user,
                    start=dt.datetime.combine(day, dt.time(18), tz),
                    activity=rng.choice(["cycling", "strength", "swimming"]),
                    duration_s=rng.choice([1800, 2700, 3600]),
                    rpe=rng.choice([None, 4, 5]),
                )
            )
        if rng.random() < 0.06:
            pains.append(
                PainReport(
                    user=user,
                    date=day,
                    location="inner_knee",
                    side="left",
                    during=rng.randint(0, 6),
                    after=rng.randint(0, 6),
                    next_morning=rng.randint(0, 4),
                )
            )
    Run.objects.bulk_create(runs, batch_size=1000)
    CrossTraining.objects.bulk_create(sessions, batch_size=1000)
    PainReport.objects.bulk_create(pains, batch_size=1000)
    ReturnPlan.objects.create(user=user, location="inner_knee", started_on=TODAY - dt.timedelta(days=45), baseline=1)
    return profile


@pytest.fixture
def ten_years(db):
    return make_runner("decade", 3653)


@pytest.fixture
def ninety_days(db):
    return make_runner("quarter", 90)
