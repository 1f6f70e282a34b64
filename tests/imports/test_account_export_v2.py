"""Contract: the account export version 2 (docs/account-export.md) — lossless, as JSON or ZIP, strict import."""

import copy
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from injuries.models import PainReport, ReturnPlan
from runlog.activity.models import Recording
from runlog.imports.account_json import export_document, write_archive
from runlog.imports.files import Upload, import_files
from runlog.imports.models import ImportBatch
from runlog.imports.tasks import undo_batch
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import UserFactory

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
DOCUMENT = {
    "format": "runlog.account",
    "version": 2,
    "exported_at": "2026-11-25T10:00:00Z",
    "profile": {
        "units": "mi",
        "timezone": "America/New_York",
        "digest": False,
        "digest_weekday": 4,
        "foot_type": "overpronation",
        "default_shoe": "s2",
        "language": "de",
    },
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
            "name": "Trail shoe",
            "brand": "Hoka",
            "model": "Speedgoat 5",
            "support": "stability",
            "start_km": 120.701,
            "retire_at_km": 700.0,
            "purchased_on": "2025-06-01",
            "retired_on": None,
        },
    ],
    "runs": [
        {
            "key": "r1",
            "start": "2026-11-02T07:30:00-05:00",
            "distance_km": 16.09344,
            "duration_s": 5400,
            "elapsed_s": 5710,
            "kind": "long",
            "rpe": 6,
            "shoe": "s2",
            "warm_up": True,
            "surface": "trail",
            "avg_hr": 148,
            "max_hr": 171,
            "avg_cadence_spm": 172.5,
            "elevation_gain_m": 412.3,
            "plan_session": False,
            "notes": "Ridge loop, muddy",
            "source": "strava",
            "source_id": "12345678901",
            "file": None,
        },
        {
            "key": "r2",
            "start": "2026-11-08T09:00:00-05:00",
            "distance_km": 5.0,
            "duration_s": 1800,
            "elapsed_s": None,
            "kind": "recovery",
            "rpe": None,
            "shoe": None,
            "warm_up": False,
            "surface": None,
            "avg_hr": None,
            "max_hr": None,
            "avg_cadence_spm": None,
            "elevation_gain_m": None,
            "plan_session": True,
            "notes": "",
            "source": "manual",
            "source_id": "",
            "file": None,
        },
    ],
    "cross_training": [
        {
            "start": "2026-11-03T18:00:00-05:00",
            "activity": "cycling",
            "duration_s": 3600,
            "rpe": 4,
            "distance_km": 25.5,
            "notes": "commute",
            "source": "garmin",
            "source_id": "",
            "file": None,
        }
    ],
    "pain_reports": [
        {
            "date": "2026-11-03",
            "location": "outer_knee",
            "side": "right",
            "during": 2,
            "after": 4,
            "next_morning": None,
            "swelling": False,
            "warmth": False,
            "stiffness": True,
            "locking": False,
            "cannot_bear_weight": False,
            "run": "r1",
            "notes": "after the descent",
        },
        {
            "date": "2026-11-10",
            "location": "shin",
            "side": "both",
            "during": None,
            "after": None,
            "next_morning": 1,
            "swelling": False,
            "warmth": False,
            "stiffness": False,
            "locking": False,
            "cannot_bear_weight": False,
            "run": None,
            "notes": "",
        },
    ],
    "plans": [],
}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def carol(db):
    user = UserFactory(username="carol")
    Profile.objects.create(user=user, timezone="UTC", units="km")
    return user


def without_stamp(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


def import_document(user, document, name="runlog.json") -> list:
    return import_files(Profile.objects.get(user=user), [Upload(name, json.dumps(document).encode())])


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def rejection(user, document) -> str:
    (report,) = import_document(user, document)
    assert report.file_rejected
    assert not Run.objects.exists() and not Shoe.objects.exists()
    assert not CrossTraining.objects.exists() and not PainReport.objects.exists()
    return report.rejected[0]


def test_a_version_2_export_round_trips_through_an_empty_account_unchanged(carol):
    (report,) = import_document(carol, DOCUMENT)

    assert not report.file_rejected, report.rejected
    assert report.created == 2 + 2 + 1 + 2
    again = export_document(Profile.objects.get(user=carol))
    assert without_stamp(again) == without_stamp(DOCUMENT)


def test_the_export_has_exactly_the_documented_version_2_fields(carol):
    import_document(carol, DOCUMENT)
    doc = export_document(Profile.objects.get(user=carol))

    assert list(doc) == list(DOCUMENT)
    assert list(doc["profile"]) == list(DOCUMENT["profile"])
    for name in ("shoes", "runs", "cross_training", "pain_reports"):
        assert list(doc[name][0]) == list(DOCUMENT[name][0]), name


def test_a_restore_keeps_what_version_1_dropped(carol):
    import_document(carol, DOCUMENT)

    profile = Profile.objects.get(user=carol)
    assert (profile.digest_weekday, profile.foot_type, profile.language) == (4, "overpronation", "de")
    assert profile.default_shoe.name == "Trail shoe"
    ridge = Run.objects.get(user=carol, kind="long")
    assert ridge.surface == "trail" and ridge.source == "strava" and ridge.source_id == "12345678901"
    assert (ridge.elapsed_s, ridge.max_hr, ridge.avg_cadence_spm) == (5710, 171, 172.5)
    assert ridge.start == dt.datetime(2026, 11, 2, 12, 30, tzinfo=dt.UTC)
    assert ridge.distance_m == pytest.approx(16_093.44)  # 10 miles
    assert Run.objects.get(user=carol, kind="recovery").plan_session is True
    assert CrossTraining.objects.get(user=carol).distance_m == pytest.approx(25_500)
    assert PainReport.objects.get(user=carol, location="outer_knee").run == ridge
    assert PainReport.objects.get(user=carol, location="shin").run is None


def test_a_second_import_links_pain_to_the_run_already_in_the_account(carol):
    import_document(carol, DOCUMENT)
    PainReport.objects.filter(user=carol, location="outer_knee").delete()

    (second,) = import_document(carol, DOCUMENT)

    assert second.created == 1  # only the deleted pain report; the rest are duplicates
    assert PainReport.objects.get(user=carol, location="outer_knee").run == Run.objects.get(user=carol, kind="long")


def test_the_zip_export_holds_account_json_and_a_files_folder_and_round_trips(carol, alice):
    import_document(alice, {**DOCUMENT})
    buffer = io.BytesIO()
    write_archive(Profile.objects.get(user=alice), buffer)

    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    assert archive.namelist() == ["account.json", "files/"]
    assert without_stamp(json.loads(archive.read("account.json"))) == without_stamp(DOCUMENT)

    (report,) = import_files(Profile.objects.get(user=carol), [Upload("backup.zip", buffer.getvalue())])

    assert report.name == "backup.zip/account.json" and not report.file_rejected, report.rejected
    assert without_stamp(export_document(Profile.objects.get(user=carol))) == without_stamp(DOCUMENT)


def test_a_zip_naming_an_original_file_it_does_not_hold_is_rejected(carol):
    document = copy.deepcopy(DOCUMENT)
    document["runs"][0]["file"] = "files/r1.fit"

    (report,) = import_files(
        Profile.objects.get(user=carol), [Upload("backup.zip", zipped({"account.json": json.dumps(document)}))]
    )

    assert report.rejected == ["runs[0].file: “files/r1.fit” is not in this archive"]
    assert not Run.objects.exists()


def test_plans_are_restored_and_an_unreadable_original_is_kept_as_it_is(carol):
    document = copy.deepcopy(DOCUMENT)
    document["plans"] = [{"location": "outer_knee", "started_on": "2026-11-11"}]
    document["runs"][0]["file"] = "files/r1.fit"

    (report,) = import_files(
        Profile.objects.get(user=carol),
        [Upload("backup.zip", zipped({"account.json": json.dumps(document), "files/r1.fit": b"\x0e\x10"}))],
    )

    assert not report.file_rejected, report.rejected
    assert not any("return-to-run plan" in remark for remark in report.remarks)
    assert any("files/r1.fit: kept, but its samples could not be read" in remark for remark in report.remarks)
    (recording,) = Recording.objects.filter(user=carol)
    assert recording.original.open("rb").read() == b"\x0e\x10" and recording.samples is None
    plan = ReturnPlan.objects.get(user=carol)
    assert (plan.location, plan.started_on, plan.baseline, plan.cleared_on, plan.ended_on) == (
        "outer_knee",
        dt.date(2026, 11, 11),
        0,
        None,
        None,
    )


PLANS = [
    {
        "location": "inner_knee",
        "started_on": "2026-09-01",
        "baseline": 1,
        "cleared_on": None,
        "ended_on": "2026-10-12",
        "paused_on": None,
    },
    {
        "location": "kneecap",
        "started_on": "2026-11-05",
        "baseline": 0,
        "cleared_on": "2026-11-15",
        "ended_on": None,
        "paused_on": "2026-11-09",
    },
]


def test_plans_round_trip_and_a_second_import_counts_them_as_duplicates(carol):
    document = {**copy.deepcopy(DOCUMENT), "plans": PLANS}
    (first,) = import_document(carol, document)
    (second,) = import_document(carol, document)

    assert first.created == 2 + 2 + 1 + 2 + 2
    assert without_stamp(export_document(Profile.objects.get(user=carol))) == without_stamp(document)
    assert second.created == 0
    assert ReturnPlan.objects.filter(user=carol).count() == 2


def test_a_plan_exported_before_plans_could_be_paused_imports_unpaused(carol):
    older = [{k: v for k, v in plan.items() if k != "paused_on"} for plan in PLANS]
    (report,) = import_document(carol, {**copy.deepcopy(DOCUMENT), "plans": older})

    assert not report.file_rejected, report.rejected
    assert list(ReturnPlan.objects.filter(user=carol).values_list("paused_on", flat=True)) == [None, None]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"location": "elbow"}, "plans[1].location: must be one of"),
        ({"started_on": "2027-01-01"}, "plans[1].started_on: is in the future"),
        ({"ended_on": "2026-11-01"}, "plans[1].ended_on: must not be before started_on"),
        ({"baseline": 11}, "plans[1].baseline: must be"),
        ({"cleared_on": "soon"}, "plans[1].cleared_on: must be a date (YYYY-MM-DD)"),
        ({"paused_on": "2026-11-04"}, "plans[1].paused_on: must not be before started_on"),
        ({"paused_on": "2027-01-01"}, "plans[1].paused_on: is in the future"),
    ],
)
def test_a_wrong_plan_is_rejected_with_its_path_and_nothing_is_saved(carol, change, message):
    document = {**copy.deepcopy(DOCUMENT), "plans": [PLANS[0], {**PLANS[1], **change}]}
    (report,) = import_document(carol, document)

    assert report.file_rejected
    assert any(message in reason for reason in report.rejected), report.rejected
    assert not ReturnPlan.objects.exists() and not Run.objects.exists()


def test_original_files_named_in_a_plain_json_document_are_said_to_travel_in_the_zip(carol):
    document = copy.deepcopy(DOCUMENT)
    document["runs"][0]["file"] = "files/r1.fit"

    (report,) = import_files(Profile.objects.get(user=carol), [Upload("backup.json", json.dumps(document).encode())])

    assert not report.file_rejected, report.rejected
    assert any("1 original activity file named" in remark and "ZIP" in remark for remark in report.remarks)
    assert not Recording.objects.exists()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("profile", "digest_weekday"), 7, "profile.digest_weekday: must be one of 0, 1, 2, 3, 4, 5, 6"),
        (("profile", "foot_type"), "flat", "profile.foot_type: must be one of neutral, overpronation, supination"),
        (("profile", "default_shoe"), "s7", "profile.default_shoe: “s7” is not the key of a shoe in this file"),
        (("profile", "language"), "tlh", "profile.language: must be one of en, de, fr, es, nl"),
        (("runs", 1, "key"), "r1", "runs[1].key: “r1” is used twice"),
        (("runs", 0, "surface"), "sand", "runs[0].surface: must be one of road, trail"),
        (("runs", 0, "source"), "polar", "runs[0].source: must be one of manual, file, strava, garmin"),
        (("runs", 0, "elapsed_s"), 0, "runs[0].elapsed_s: must be > 0"),
        (("runs", 0, "max_hr"), 260, "runs[0].max_hr: must be ≤ 230"),
        (("runs", 0, "avg_cadence_spm"), 400, "runs[0].avg_cadence_spm: must be ≤ 260"),
        (("runs", 0, "plan_session"), "yes", "runs[0].plan_session: must be true or false"),
        (("runs", 0, "source_id"), "x" * 81, "runs[0].source_id: must be at most 80 characters"),
        (("runs", 0, "file"), "../../etc/passwd", "runs[0].file: must be a path under files/"),
        (("runs", 0, "start"), "0001-01-01T00:00:00+01:00", "runs[0].start: is before 1970-01-01"),
        (("runs", 0, "start"), "0001-01-01T00:00:00-05:00", "runs[0].start: is before 1970-01-01"),
        (("runs", 0, "start"), "1969-12-31T23:00:00-05:00", "runs[0].start: is before 1970-01-01"),
        (("runs", 0, "start"), "9999-12-31T23:59:59-12:00", "runs[0].start: is in the future"),
        (("runs", 0, "notes"), "a\x00b", "runs[0].notes: must not contain a NUL character"),
        (("runs", 0, "notes"), "\ud800", "runs[0].notes: must be valid text"),
        (("cross_training", 0, "distance_km"), 0, "cross_training[0].distance_km: must be > 0"),
        (("cross_training", 0, "start"), "0001-01-01T00:00:00Z", "cross_training[0].start: is before 1970-01-01"),
        (("pain_reports", 0, "run"), "r9", "pain_reports[0].run: “r9” is not the key of a run in this file"),
        (("pain_reports", 0, "date"), "0001-01-01", "pain_reports[0].date: is before 1970-01-01"),
        (("shoes", 1, "purchased_on"), "1969-07-20", "shoes[1].purchased_on: is before 1970-01-01"),
        (("plans",), {"location": "hip"}, "plans: must be a list"),
    ],
)
def test_a_wrong_version_2_value_is_rejected_with_its_path_and_nothing_is_saved(carol, path, value, message):
    document = copy.deepcopy(DOCUMENT)
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value

    assert rejection(carol, document).startswith(message)


@pytest.mark.parametrize(
    ("literal", "shown"),
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e400", "1e400"),
        ("-1e400", "-1e400"),
        ("9" * 5000, "a whole number of 5000 digits"),
    ],
)
@pytest.mark.parametrize("field", ["distance_km", "duration_s", "rpe", "avg_cadence_spm"])
def test_numbers_json_allows_but_no_value_can_be_are_rejected_with_their_path(carol, literal, shown, field):
    text = json.dumps(DOCUMENT).replace(
        f'"{field}": {json.dumps(DOCUMENT["runs"][0][field])}', f'"{field}": {literal}', 1
    )
    assert literal in text

    (report,) = import_files(Profile.objects.get(user=carol), [Upload("runlog.json", text.encode())])

    assert report.rejected == [f"runs[0].{field}: must be a finite number (not {shown})"]
    assert not Run.objects.exists()


def test_a_huge_number_in_an_unknown_field_is_ignored_like_any_unknown_field(carol):
    text = json.dumps(DOCUMENT)[:-1] + ', "extra": ' + "9" * 5000 + ', "more": NaN}'

    (report,) = import_files(Profile.objects.get(user=carol), [Upload("runlog.json", text.encode())])

    assert not report.file_rejected, report.rejected


def test_a_deeply_nested_document_is_rejected_not_a_crash(carol):
    text = '{"format": "runlog.account", "version": 2, "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"

    (report,) = import_files(Profile.objects.get(user=carol), [Upload("runlog.json", text.encode())])

    assert report.rejected == ["not valid JSON (nested too deeply)"]


def test_export_account_archive_writes_a_zip_the_importer_reads(carol, tmp_path):
    import_document(carol, DOCUMENT)
    out = io.StringIO()
    target = tmp_path / "carol.zip"

    call_command("export_account", "carol", "-o", str(target), "--archive", stdout=out)

    assert out.getvalue().startswith("Exported carol to")
    assert "2 runs, 2 shoes, 1 cross-training sessions, 2 pain reports" in out.getvalue()
    archive = zipfile.ZipFile(target)
    assert without_stamp(json.loads(archive.read("account.json"))) == without_stamp(DOCUMENT)
    assert [p.name for p in tmp_path.iterdir()] == ["carol.zip"]  # no temporary file left behind


def test_export_account_archive_to_a_text_stream_asks_for_a_file(carol):
    with pytest.raises(CommandError, match="give -o FILE"):
        call_command("export_account", "carol", "--archive", stdout=io.StringIO())


def test_export_account_into_a_missing_folder_is_a_clear_error(carol, tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        call_command("export_account", "carol", "-o", str(tmp_path / "nope" / "x.json"), stdout=io.StringIO())


def test_import_activities_reads_the_zip_export(carol, tmp_path):
    import_document(carol, DOCUMENT)
    target = tmp_path / "carol.zip"
    call_command("export_account", "carol", "-o", str(target), "--archive", stdout=io.StringIO())
    dave = UserFactory(username="dave")
    Profile.objects.create(user=dave)
    out = io.StringIO()

    call_command("import_activities", "dave", str(target), stdout=out)

    assert "carol.zip/account.json: 7 created" in out.getvalue()
    assert without_stamp(export_document(Profile.objects.get(user=dave))) == without_stamp(DOCUMENT)


def test_the_settings_page_offers_both_backups(alice_client):
    page = alice_client.get("/settings/").content.decode()

    assert 'href="/export/account.json"' in page and 'href="/export/account.zip"' in page


def test_the_zip_backup_downloads_complete_with_its_length(alice_client, alice):
    import_document(alice, DOCUMENT)

    response = alice_client.get("/export/account.zip")

    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert int(response["Content-Length"]) == len(body)
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(zipfile.ZipFile(io.BytesIO(body)).read("account.json"))
    assert without_stamp(document) == without_stamp(DOCUMENT)


def test_the_web_import_page_reads_the_zip_backup(alice_client, alice, bob):
    import_document(bob, DOCUMENT)
    buffer = io.BytesIO()
    write_archive(Profile.objects.get(user=bob), buffer)
    Run.objects.filter(user=bob).delete()

    alice_client.post("/import/", {"files": [SimpleUploadedFile("backup.zip", buffer.getvalue())]})

    assert Run.objects.filter(user=alice).count() == 2
    assert PainReport.objects.get(user=alice, location="outer_knee").run.kind == "long"


def test_undoing_the_restore_removes_the_plans_it_added_and_keeps_the_runners_own(carol):
    own = ReturnPlan.objects.create(user=carol, location="hip", started_on=dt.date(2026, 8, 1))
    batch = ImportBatch.objects.create(user=carol, status="done")
    document = {**copy.deepcopy(DOCUMENT), "plans": PLANS}
    import_files(Profile.objects.get(user=carol), [Upload("runlog.json", json.dumps(document).encode())], batch)

    counts = undo_batch(batch)

    assert counts["plans"] == 2
    assert list(ReturnPlan.objects.filter(user=carol)) == [own]


def test_settings_describes_the_zip_with_the_original_files_it_holds(alice_client, alice):
    page = alice_client.get("/settings/").content.decode()
    assert "the original file of every activity you imported from a watch file" in page

    response = alice_client.get("/export/account.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert [name for name in archive.namelist() if name != "files/"] == ["account.json"]  # nothing imported yet

    gpx = (Path(__file__).resolve().parents[3] / "shared" / "testdata" / "gpx/runpandas_strava_export.gpx").read_bytes()
    import_files(Profile.objects.get(user=alice), [Upload("morning.gpx", gpx)])
    response = alice_client.get("/export/account.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.read("files/r1/morning.gpx") == gpx
