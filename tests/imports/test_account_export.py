"""Contract: the JSON account export version 1 (docs/product.md) — still read, strict, and kept by version 2."""

import copy
import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from injuries.models import PainReport
from runlog.imports.account_json import export_document
from runlog.imports.files import Upload, import_files
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import UserFactory

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
DOCUMENT = {
    "format": "runlog.account",
    "version": 1,
    "exported_at": "2026-11-25T10:00:00Z",
    "profile": {"units": "km", "timezone": "Europe/Berlin", "digest": True},
    "shoes": [
        {
            "key": "s1",
            "name": "Daily trainer",
            "brand": "",
            "model": "",
            "support": "neutral",
            "start_km": 0.0,
            "retire_at_km": 800.0,
            "purchased_on": None,
            "retired_on": None,
        },
        {
            "key": "s2",
            "name": "Old racer",
            "brand": "Asics",
            "model": "Metaspeed",
            "support": "neutral",
            "start_km": 312.5,
            "retire_at_km": 600.0,
            "purchased_on": "2024-03-01",
            "retired_on": "2026-01-15",
        },
    ],
    "runs": [
        {
            "start": "2026-11-02T07:30:00+01:00",
            "distance_km": 10.0,
            "duration_s": 3000,
            "kind": "easy",
            "rpe": 5,
            "shoe": "s1",
            "warm_up": True,
            "avg_hr": None,
            "elevation_gain_m": None,
            "notes": "",
        },
        {
            "start": "2026-11-08T09:00:00+01:00",
            "distance_km": 21.097,
            "duration_s": 6900,
            "kind": "race",
            "rpe": 9,
            "shoe": "s1",
            "warm_up": False,
            "avg_hr": 171,
            "elevation_gain_m": 88.5,
            "notes": "PB!",
        },
    ],
    "cross_training": [
        {"start": "2026-11-03T18:00:00+01:00", "activity": "strength", "duration_s": 2400, "rpe": 6, "notes": ""}
    ],
    "pain_reports": [
        {
            "date": "2026-11-04",
            "location": "inner_knee",
            "side": "left",
            "during": 3,
            "after": 4,
            "next_morning": 2,
            "swelling": False,
            "warmth": False,
            "stiffness": False,
            "locking": False,
            "cannot_bear_weight": False,
            "notes": "",
        }
    ],
}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def carol(db):
    user = UserFactory(username="carol")
    Profile.objects.create(user=user, timezone="UTC", units="mi")
    return user


def import_document(user, document) -> list:
    data = json.dumps(document).encode()
    return import_files(user.profile, [Upload("runlog.json", data)])


def as_version_1(document: dict) -> dict:
    """Only the fields version 1 has (version 2 adds fields, it renames or drops none)."""
    lists = ("shoes", "runs", "cross_training", "pain_reports")
    out = {k: v for k, v in document.items() if k not in ("exported_at", "version", "plans", *lists)}
    out["profile"] = {k: v for k, v in document["profile"].items() if k in DOCUMENT["profile"]}
    for name in lists:
        out[name] = [{k: v for k, v in item.items() if k in DOCUMENT[name][0]} for item in document[name]]
    return out


def test_a_version_1_export_imported_into_an_empty_account_exports_again_with_the_same_values(carol):
    (report,) = import_document(carol, DOCUMENT)

    assert not report.file_rejected, report.rejected
    again = export_document(Profile.objects.get(user=carol))
    assert again["version"] == 2
    assert as_version_1(again) == {k: v for k, v in DOCUMENT.items() if k not in ("exported_at", "version")}
    assert again["exported_at"] == "2026-11-25T10:00:00Z"


def test_the_export_keeps_every_version_1_field(carol):
    import_document(carol, DOCUMENT)
    doc = export_document(carol.profile)

    assert list(doc)[:8] == [
        "format",
        "version",
        "exported_at",
        "profile",
        "shoes",
        "runs",
        "cross_training",
        "pain_reports",
    ]
    assert set(doc["profile"]) >= {"units", "timezone", "digest"}
    assert set(doc["shoes"][0]) >= set(DOCUMENT["shoes"][0])
    assert set(doc["runs"][0]) >= set(DOCUMENT["runs"][0])
    assert set(doc["cross_training"][0]) >= set(DOCUMENT["cross_training"][0])
    assert set(doc["pain_reports"][0]) >= set(DOCUMENT["pain_reports"][0])


def test_import_stores_si_units_and_local_times(carol):
    import_document(carol, DOCUMENT)

    race = Run.objects.get(user=carol, kind="race")
    assert race.distance_m == pytest.approx(21_097)
    assert race.start == dt.datetime(2026, 11, 8, 8, 0, tzinfo=dt.UTC)
    assert race.shoe.name == "Daily trainer"
    assert Shoe.objects.get(user=carol, name="Old racer").start_m == 312_500
    assert Profile.objects.get(user=carol).timezone == "Europe/Berlin"


def test_importing_the_same_export_twice_skips_everything_the_second_time(carol):
    import_document(carol, DOCUMENT)
    (second,) = import_document(carol, DOCUMENT)

    assert second.created == 0
    assert second.duplicates == 4  # 2 runs, 1 session, 1 pain report; shoes are matched by name
    assert Run.objects.filter(user=carol).count() == 2


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("runs", 1, "distance_km"), 0, "runs[1].distance_km: must be > 0"),
        (("runs", 0, "distance_km"), 400, "runs[0].distance_km: That is over 350 km"),
        (("runs", 0, "kind"), "jog", "runs[0].kind: must be one of easy, long, tempo, intervals, race, recovery"),
        (("runs", 0, "rpe"), 11, "runs[0].rpe: must be ≤ 10"),
        (("runs", 0, "shoe"), "s9", "runs[0].shoe: “s9” is not the key of a shoe in this file"),
        (("runs", 0, "start"), "2026-11-02T07:30:00", "runs[0].start: must include a UTC offset"),
        (("runs", 0, "start"), "2026-12-24T07:30:00+01:00", "runs[0].start: is in the future"),
        (("runs", 0, "avg_hr"), 250, "runs[0].avg_hr: must be ≤ 230"),
        (("cross_training", 0, "activity"), "kayak", "cross_training[0].activity: must be one of"),
        (("pain_reports", 0, "location"), "elbow", "pain_reports[0].location: must be one of"),
        (("pain_reports", 0, "during"), 12, "pain_reports[0].during: must be ≤ 10"),
        (("shoes", 0, "support"), "max", "shoes[0].support: must be one of neutral, stability, motion_control"),
        (("shoes", 1, "start_km"), 3500, "shoes[1].start_km: must be ≤ 3000"),
        (("profile", "timezone"), "Mars/Base", "profile.timezone: must be one of"),
    ],
)
def test_a_wrong_value_is_rejected_with_its_path_and_nothing_is_saved(carol, path, value, message):
    document = copy.deepcopy(DOCUMENT)
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value

    (report,) = import_document(carol, document)

    assert report.file_rejected
    assert report.rejected[0].startswith(message)
    assert not Run.objects.exists() and not Shoe.objects.exists()
    assert not CrossTraining.objects.exists() and not PainReport.objects.exists()


def test_a_pain_report_without_any_score_is_rejected(carol):
    document = copy.deepcopy(DOCUMENT)
    for key in ("during", "after", "next_morning"):
        document["pain_reports"][0][key] = None

    (report,) = import_document(carol, document)

    assert report.rejected == ["pain_reports[0]: needs at least one of during, after, next_morning"]


def test_unknown_fields_are_ignored(carol):
    document = copy.deepcopy(DOCUMENT)
    document["runs"][0]["cadence"] = 180
    document["extra"] = {"anything": True}

    (report,) = import_document(carol, document)

    assert not report.file_rejected
    assert report.created == 2 + 2 + 1 + 1  # shoes, runs, session, pain report


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "other"}', "not a Runlog account export"),
        (b'{"format": "runlog.account", "version": 3}', "unsupported export version 3"),
    ],
)
def test_a_file_that_is_not_an_export_is_rejected(carol, payload, reason):
    (report,) = import_files(carol.profile, [Upload("x.json", payload)])

    assert report.rejected[0].startswith(reason)


def test_export_account_command_writes_the_document(carol, tmp_path):
    import_document(carol, DOCUMENT)
    out = io.StringIO()
    target = tmp_path / "carol.json"

    call_command("export_account", "carol", "-o", str(target), stdout=out)

    assert json.loads(target.read_text())["runs"][1]["notes"] == "PB!"
    assert out.getvalue().startswith("Exported carol to")


def test_export_account_to_stdout_and_unknown_runner(carol):
    out = io.StringIO()
    call_command("export_account", "carol", stdout=out)

    assert json.loads(out.getvalue())["format"] == "runlog.account"
    with pytest.raises(CommandError, match="no runner called"):
        call_command("export_account", "nobody", stdout=io.StringIO())
