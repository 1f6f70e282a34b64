"""Property: for any account the forms and importers accept, export → import into an empty account →
export gives the same version-2 document (except `exported_at`), as JSON and as ZIP."""

import datetime as dt
import io
import json

import time_machine
from django.core.files.base import ContentFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from injuries.models import NRS_FIELDS, SYMPTOM_FIELDS, Location, PainReport, ReturnPlan, Side
from runlog.activity.models import Recording
from runlog.imports.account_json import export_document, write_archive
from runlog.imports.account_schema import CROSS_TRAINING_MAX_KM
from runlog.imports.files import Upload, import_files
from runlog.log import bounds
from runlog.log.models import (
    Activity,
    CrossTraining,
    FootType,
    Language,
    Profile,
    Run,
    RunKind,
    Shoe,
    ShoeSupport,
    Source,
    Surface,
    Units,
)
from tests.factories import UserFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
# Starts between 1970-01-03 and two days before NOW: inside the date bounds in every zone.
FIRST_START = dt.datetime(1970, 1, 3, tzinfo=dt.UTC)
LAST_DAY = dt.date(2026, 11, 23)
ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
SPACING_S = 600  # sessions at least ten minutes apart are never duplicates of each other
SLOTS = int((dt.datetime.combine(LAST_DAY, dt.time(), tzinfo=dt.UTC) - FIRST_START).total_seconds() // SPACING_S)

text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
name = text.filter(lambda s: s.strip()).map(lambda s: s[:60])
days = st.dates(bounds.DATE_MIN, LAST_DAY)
maybe = st.none().__or__


def starts(draw, count: int) -> list[dt.datetime]:
    slots = draw(st.lists(st.integers(0, SLOTS), min_size=count, max_size=count, unique=True))
    seconds = draw(st.lists(st.integers(0, 59), min_size=count, max_size=count))
    return [FIRST_START + dt.timedelta(seconds=slot * SPACING_S + s) for slot, s in zip(slots, seconds, strict=True)]


@st.composite
def run_values(draw) -> dict:
    km = draw(st.floats(bounds.RUN_MIN_KM, 120.0))
    pace = draw(st.floats(bounds.ELITE_PACE_S_PER_KM + 1, bounds.WALK_PACE_S_PER_KM))
    duration = min(max(round(km * pace), bounds.DURATION_MIN_S), bounds.DURATION_MAX_S)
    if any(p.blocking for p in bounds.run_problems(km * 1000, duration, confirmed_long=True)):
        km, duration = 10.0, 3000
    return {
        "distance_m": km * 1000,
        "duration_s": duration,
        "elapsed_s": draw(maybe(st.integers(duration, duration + 7200))),
        "kind": draw(st.sampled_from(RunKind.values)),
        "rpe": draw(maybe(st.integers(0, 10))),
        "warm_up": draw(st.booleans()),
        "surface": draw(st.sampled_from(Surface.values)),
        "avg_hr": draw(maybe(st.integers(bounds.HR_MIN, bounds.HR_MAX))),
        "max_hr": draw(maybe(st.integers(bounds.HR_MIN, bounds.HR_MAX))),
        "avg_cadence_spm": draw(maybe(st.floats(bounds.STEP_RATE_MIN, bounds.STEP_RATE_MAX))),
        "elevation_gain_m": draw(maybe(st.floats(0, 15000))),
        "plan_session": draw(st.booleans()),
        "notes": draw(text),
        "source": draw(st.sampled_from(Source.values)),
        "source_id": draw(text),
    }


def unique_id(prefix: str, i: int, source_id: str) -> str:
    """A source id is an activity's identity at its source: two different sessions never share one."""
    return f"{prefix}{i}:{source_id}"[:80] if source_id else ""


@st.composite
def accounts(draw) -> dict:
    shoes = [
        {
            "name": draw(name),
            "brand": draw(text),
            "model": draw(text),
            "support": draw(st.sampled_from(ShoeSupport.values)),
            "start_m": draw(st.floats(0, bounds.SHOE_START_MAX_KM)) * 1000,
            "retire_at_m": draw(st.floats(0.001, 5000)) * 1000,
            "purchased_on": draw(maybe(days)),
            "retired_on": draw(maybe(days)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    n_runs, n_sessions = draw(st.integers(0, 5)), draw(st.integers(0, 3))
    times = starts(draw, n_runs + n_sessions)
    runs = []
    for i, start in enumerate(times[:n_runs]):
        values = draw(run_values())
        shoe = draw(maybe(st.integers(0, len(shoes) - 1))) if shoes else None
        runs.append({**values, "start": start, "shoe": shoe, "source_id": unique_id("r", i, values["source_id"])})
    sessions = [
        {
            "start": start,
            "activity": draw(st.sampled_from(Activity.values)),
            "duration_s": draw(st.integers(bounds.DURATION_MIN_S, bounds.DURATION_MAX_S)),
            "rpe": draw(maybe(st.integers(0, 10))),
            "distance_m": draw(maybe(st.floats(0.001, CROSS_TRAINING_MAX_KM).map(lambda km: km * 1000))),
            "notes": draw(text),
            "source": draw(st.sampled_from(Source.values)),
            "source_id": unique_id("x", i, draw(text)),
        }
        for i, start in enumerate(times[n_runs:])
    ]
    identities = draw(
        st.lists(
            st.tuples(days, st.sampled_from(Location.values), st.sampled_from(Side.values)),
            max_size=3,
            unique=True,
        )
    )
    pains = []
    for day, location, side in identities:
        scores = {k: draw(maybe(st.integers(0, 10))) for k in NRS_FIELDS}
        if all(v is None for v in scores.values()):
            scores["after"] = draw(st.integers(0, 10))
        pains.append(
            {
                "date": day,
                "location": location,
                "side": side,
                **scores,
                **{k: draw(st.booleans()) for k in SYMPTOM_FIELDS},
                "notes": draw(text),
                "run": draw(maybe(st.integers(0, n_runs - 1))) if n_runs else None,
            }
        )
    profile = {
        "units": draw(st.sampled_from(Units.values)),
        "timezone": draw(st.sampled_from(ZONES)),
        "digest_enabled": draw(st.booleans()),
        "digest_weekday": draw(st.integers(0, 6)),
        "foot_type": draw(st.sampled_from(FootType.values)),
        "language": draw(st.sampled_from(Language.values)),
        "default_shoe": draw(maybe(st.integers(0, len(shoes) - 1))) if shoes else None,
    }
    plans = []
    for start in draw(st.lists(days, max_size=2, unique=True)):
        ended = draw(maybe(st.dates(start, LAST_DAY)))
        plans.append(
            {
                "location": draw(st.sampled_from(Location.values)),
                "started_on": start,
                "baseline": draw(st.integers(0, 10)),
                "cleared_on": draw(maybe(days)),
                "ended_on": ended,
                "paused_on": draw(maybe(st.dates(start, LAST_DAY))),
            }
        )
    # Some runs were imported from a file: its bytes as uploaded, under a name that needs no cleaning.
    originals = draw(st.lists(st.binary(min_size=1, max_size=40), max_size=len(runs)))
    return {
        "profile": profile,
        "shoes": shoes,
        "runs": runs,
        "sessions": sessions,
        "pains": pains,
        "plans": plans,
        "originals": originals,
    }


def build(username: str, account: dict) -> Profile:
    user = UserFactory(username=username)
    shoes = [Shoe.objects.create(user=user, **values) for values in account["shoes"]]
    runs = [
        Run.objects.create(user=user, **{**values, "shoe": None if values["shoe"] is None else shoes[values["shoe"]]})
        for values in account["runs"]
    ]
    for i, (run, data) in enumerate(zip(runs, account["originals"], strict=False)):
        recording = Recording(user=user, run=run, original_name=f"run-{i}.fit")
        recording.original.save("original", ContentFile(data), save=False)
        recording.save()
    for values in account["sessions"]:
        CrossTraining.objects.create(user=user, **values)
    for values in account["pains"]:
        PainReport.objects.create(
            user=user, **{**values, "run": None if values["run"] is None else runs[values["run"]]}
        )
    for values in account["plans"]:
        ReturnPlan.objects.create(user=user, **values)
    default = account["profile"]["default_shoe"]
    return Profile.objects.create(
        user=user, **{**account["profile"], "default_shoe": None if default is None else shoes[default]}
    )


def restored(username: str, upload: Upload) -> dict:
    user = UserFactory(username=username)
    profile = Profile.objects.create(user=user)
    (report,) = import_files(profile, [upload])
    assert not report.file_rejected, report.rejected
    assert not report.rejected and report.duplicates == 0
    return export_document(Profile.objects.get(user=user))


def without_files(document: dict) -> dict:
    return {
        **document,
        "runs": [{**item, "file": None} for item in document["runs"]],
        "cross_training": [{**item, "file": None} for item in document["cross_training"]],
    }


def originals(username: str) -> list[bytes]:
    recordings = Recording.objects.filter(user__username=username).order_by("run__start", "run__pk")
    return [recording.original.open("rb").read() for recording in recordings]


def without_stamp(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(account=accounts())
def test_any_account_round_trips_through_the_export_as_json_and_as_zip(db, account):
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        owner = build("owner", account)
        first = export_document(owner)
        archive = io.BytesIO()
        write_archive(owner, archive)

        from_json = restored("from_json", Upload("account.json", json.dumps(first).encode()))
        from_zip = restored("from_zip", Upload("backup.zip", archive.getvalue()))

        # account.json alone cannot carry the original files; the ZIP carries them, and they come back.
        assert without_stamp(from_json) == without_stamp(without_files(first))
        assert without_stamp(from_zip) == without_stamp(first)
        assert originals("from_zip") == originals("owner")
        transaction.set_rollback(True)  # the next example starts from an empty database again
