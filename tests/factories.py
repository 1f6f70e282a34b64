"""factory_boy factories for the log, and a tiny builder for hand-made risk-engine frames."""

import datetime as dt
import zoneinfo

import factory
import numpy as np
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from injuries.models import PainReport, ReturnPlan
from injuries.risk import Frames
from runlog.activity.models import Recording
from runlog.activity.samples import Samples, encode
from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Profile, Run, Shoe


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"runner{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery-staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    timezone = "Europe/Berlin"
    units = "km"


def local(day: dt.date, hour: int = 7, minute: int = 0, tz: str = "Europe/Berlin") -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(tz))


class ShoeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shoe

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Shoe {n}")
    support = "neutral"


class RunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Run

    user = factory.SubFactory(UserFactory)
    start = factory.LazyFunction(lambda: local(dt.date(2026, 11, 20)))
    distance_m = 10_000.0
    duration_s = 3000
    kind = "easy"
    rpe = 4


class CrossTrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrossTraining

    user = factory.SubFactory(UserFactory)
    start = factory.LazyFunction(lambda: local(dt.date(2026, 11, 20), 18))
    activity = "cycling"
    duration_s = 3600
    rpe = 4


class PainReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PainReport

    user = factory.SubFactory(UserFactory)
    date = dt.date(2026, 11, 20)
    location = "inner_knee"
    side = "left"
    during = 2


class ReturnPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReturnPlan

    user = factory.SubFactory(UserFactory)
    location = "inner_knee"
    started_on = dt.date(2026, 11, 10)
    baseline = 0


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    user = factory.SubFactory(UserFactory)
    status = "done"
    total_files = 1
    done_files = 1


ON = dt.date(2026, 11, 25)  # a Wednesday: the assessment day of the pure tests


def day(offset: int) -> dt.date:
    """ON + offset days (offset ≤ 0 for the past)."""
    return ON + dt.timedelta(days=offset)


def run(
    offset: int,
    km: float = 10.0,
    minutes: float = 50.0,
    rpe: float | None = 4,
    kind: str = "easy",
    shoe: int | None = None,
    warm_up: bool = False,
    run_id: int | None = None,
    cadence: float | None = None,
    plan_session: bool = False,
) -> dict:
    return {
        "day": day(offset),
        "distance_m": km * 1000,
        "duration_s": minutes * 60,
        "kind": kind,
        "rpe": rpe,
        "shoe_id": shoe,
        "warm_up": warm_up,
        "run_id": run_id,
        "cadence_spm": cadence,
        "plan_session": plan_session,
    }


def session(offset: int, run_id: int | None = None, minutes: float = 30.0) -> dict:
    """A return-to-run plan session: about 30 minutes of walk-run at an easy effort."""
    return run(offset, km=3.0, minutes=minutes, rpe=3, kind="recovery", run_id=run_id, plan_session=True)


def cross(offset: int, minutes: float = 60, rpe: float | None = 4, activity: str = "cycling") -> dict:
    return {"day": day(offset), "activity": activity, "duration_s": minutes * 60, "rpe": rpe}


def pain(
    offset: int,
    during=None,
    after=None,
    next_morning=None,
    location="inner_knee",
    report_id: int | None = None,
    run_id: int | None = None,
    **signs,
) -> dict:
    return {
        "day": day(offset),
        "location": location,
        "side": "left",
        "during": during,
        "after": after,
        "next_morning": next_morning,
        **{k: signs.get(k, False) for k in ("swelling", "warmth", "stiffness", "locking", "cannot_bear_weight")},
        "report_id": report_id,
        "run_id": run_id,
    }


def shoe(
    shoe_id: int,
    logged_km: float,
    start_km: float = 0.0,
    retire_km: float = 800.0,
    last_offset: int | None = -1,
    retired_offset: int | None = None,
    name: str | None = None,
    first_offset: int | None = None,
) -> dict:
    return {
        "shoe_id": shoe_id,
        "name": name or f"Shoe {shoe_id}",
        "start_m": start_km * 1000,
        "retire_at_m": retire_km * 1000,
        "logged_m": logged_km * 1000,
        "retired_on": None if retired_offset is None else day(retired_offset),
        "last_run_day": None if last_offset is None else day(last_offset),
        "first_run_day": None if first_offset is None else day(first_offset),
    }


def plan(
    started_offset: int,
    location: str = "inner_knee",
    baseline: float = 0.0,
    cleared_offset: int | None = None,
    ended_offset: int | None = None,
    plan_id: int = 1,
    paused_offset: int | None = None,
) -> dict:
    return {
        "plan_id": plan_id,
        "location": location,
        "started_on": day(started_offset),
        "baseline": baseline,
        "cleared_on": None if cleared_offset is None else day(cleared_offset),
        "ended_on": None if ended_offset is None else day(ended_offset),
        "paused_on": None if paused_offset is None else day(paused_offset),
    }


def frames(runs=(), crosses=(), pains=(), shoes=(), first_offset: int | None = None, plans=()) -> Frames:
    return Frames.build(
        runs=runs,
        cross=crosses,
        pain=pains,
        shoes=shoes,
        first_day=None if first_offset is None else day(first_offset),
        plans=plans,
    )


def verified_email(user) -> dict:
    """Profile fields of a runner who has opened the verification link of their current address."""
    return {"verified_email": user.email, "email_verified_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)}


def recorded_run(user, **fields) -> Run:
    """A run imported from a file: 10 km along a meridian at 5:00/km, its samples and a stand-in original."""
    run = RunFactory(user=user, source="file", **fields)
    seconds = np.arange(0, 3001, 10.0)
    samples = Samples(
        t_s=seconds,
        distance_m=seconds * 10_000 / 3000,
        lat=47.0 + seconds * 10_000 / 3000 / 111_195,
        lon=np.full(seconds.size, 8.0),
        hr=np.full(seconds.size, 150.0),
    )
    recording = Recording(user=user, run=run, sample_count=len(samples), original_name="run.gpx", device="Test watch")
    recording.samples_file.save("samples", ContentFile(encode(samples)), save=False)
    recording.original.save("original", ContentFile(b"<gpx>the file as uploaded</gpx>"), save=False)
    recording.save()
    return run
