"""Importers on the real files of ../shared/testdata (PROVENANCE.md), and on hostile ones we generate."""

import datetime as dt
import gzip
import io
import zipfile
from pathlib import Path

import pytest
import time_machine

from runlog.imports.files import Upload, finish_batch, import_files, parse_activity_file
from runlog.imports.models import ImportBatch
from runlog.imports.parsers.base import ImportRejected
from runlog.imports.parsers.csv import parse_garmin_csv, parse_strava_csv
from runlog.log.models import CrossTraining, Run, Shoe

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def read(relative: str) -> bytes:
    return (TESTDATA / relative).read_bytes()


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# name, distance m, duration (moving) s, elapsed s, start, avg HR, is a run
PARSES = [
    ("fit/fitparse_2013-02-06-12-11-14.fit", 4835.38, 2625.14, 2625.14, utc(2013, 2, 6, 12, 11, 14), 147, True),
    ("fit/fitparse_garmin-fenix-5-run.fit", 157.56, 56.887, 56.887, utc(2017, 6, 11, 14, 34, 9), 90, True),
    ("fit/runpandas_run.fit", 5839.77, 3164.6, 3164.6, utc(2019, 9, 14, 15, 22, 5), 130, True),
    ("fit/fitparse_2015-10-13-08-43-15.fit", 11536.43, 1558.198, 1623.198, None, None, False),
    ("gpx/runpandas_strava_export.gpx", 12600, None, 5127, utc(2021, 1, 10, 8, 54, 28), None, True),
    ("gpx/runpandas_nike_run.gpx", 8260, None, 3170, utc(2021, 7, 4, 11, 23, 19), None, True),
    ("tcx/tcxparser_test.tcx", 4686.31, 1992.78, 1992.78, utc(2012, 12, 26, 21, 29, 53), 156, True),
    ("tcx/runpandas_run_garmin.tcx", 2153.67, None, 823, utc(2018, 11, 25, 7, 20, 49), None, True),
    ("tcx/tcxreader_cross-country-skiing_activity_1.tcx", 5692.01, 2401.26, 2401.26, None, None, False),
]


@pytest.mark.parametrize(("name", "metres", "moving", "elapsed", "start", "hr", "is_run"), PARSES)
def test_real_files_reproduce_their_known_values(name, metres, moving, elapsed, start, hr, is_run):
    (record,) = parse_activity_file(name, read(name))

    assert record.distance_m == pytest.approx(metres, rel=0.01)
    if moving is not None:
        assert record.duration_s == pytest.approx(moving, abs=2)
    assert record.elapsed_s == pytest.approx(elapsed, abs=2)
    if start is not None:
        assert abs((record.start - start).total_seconds()) < 2
    if hr is not None:
        assert record.avg_hr == pytest.approx(hr, abs=1)
    assert record.is_run is is_run


def test_the_fit_ride_becomes_cycling_and_the_ski_file_other_cross_training():
    (ride,) = parse_activity_file("x.fit", read("fit/fitparse_2015-10-13-08-43-15.fit"))
    (ski,) = parse_activity_file("x.tcx", read("tcx/tcxreader_cross-country-skiing_activity_1.tcx"))

    assert (ride.is_run, ride.activity) == (False, "cycling")
    assert (ski.is_run, ski.activity) == (False, "other")


def test_the_tiny_garmin_gpx_parses_with_its_heart_rate():
    (record,) = parse_activity_file("g.gpx", read("gpx/runpandas_garmin_connect.gpx"))

    assert record.start == utc(2018, 2, 21, 14, 30, 50)
    assert record.avg_hr == 125  # 120 → 130


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("fit/fitparse_activity-filecrc.fit", "corrupt file"),
        ("fit/fitparse_activity-unexpected-eof.fit", "file is truncated"),
        ("fit/fitparse_compressed-speed-distance.fit", "times relative to the device"),
        ("gpx/gpxpy_route.gpx", "a planned route, not a recorded activity"),
        ("gpx/gpxpy_cerknicko-without-times.gpx", "no timestamps"),
        ("gpx/furkot_invalid.gpx", "malformed XML"),
        ("tcx/runpandas_malformed.tcx", "malformed XML"),
    ],
)
def test_bad_real_files_are_rejected_with_a_reason(name, reason):
    with pytest.raises(ImportRejected, match=reason):
        parse_activity_file(name, read(name))


def test_the_broken_strava_fit_is_salvaged_from_its_session_and_says_so():
    (record,) = parse_activity_file("s.fit", read("fit/fitparse_strava-android-app-201.10-b1218918.fit"))

    assert record.start == utc(2021, 9, 27, 14, 13, 10)
    assert record.distance_m == pytest.approx(11274.04)
    assert record.duration_s == pytest.approx(3558)
    assert "damaged" in record.remarks[0]


def test_gzipped_files_are_read_too():
    data = gzip.compress(read("tcx/tcxparser_test.tcx"))

    (record,) = parse_activity_file("activity.tcx.gz", data)

    assert record.distance_m == pytest.approx(4686.31)


def test_a_tcx_with_whitespace_before_the_declaration_is_read():
    (record,) = parse_activity_file("x.tcx", b"\n\n   " + read("tcx/runpandas_run_garmin.tcx"))

    assert record.distance_m == pytest.approx(2153.67)


def test_the_strava_csv_has_the_documented_mix():
    rows = parse_strava_csv(read("csv/strava_activities_sample.csv"))
    sports = [r.sport for _, r, _ in rows]

    assert len(rows) == 100
    assert (sports.count("running"), sports.count("cycling"), sports.count("swimming"), sports.count("strength")) == (
        78,
        5,
        7,
        10,
    )
    swim = next(r for _, r, _ in rows if r.sport == "swimming")
    assert swim.distance_m == 2400.0  # "2,400" in the first Distance column; metres in the second
    run = rows[0][1]
    assert (run.distance_m, run.shoe_name, run.source_id) == (5395.0, "Pegasus 40", "15000107091")
    assert run.start == utc(2026, 5, 5, 12, 54)


def test_a_garmin_csv_in_the_runners_unit_with_missing_values():
    text = (
        '"Activity Type","Date","Favorite","Title","Distance","Calories","Time","Avg HR","Max HR","Total Ascent",'
        '"Moving Time","Elapsed Time"\n'
        '"Running","2026-11-20 07:15:00","false","Morning Run","6.21","500","00:50:00","150","171","45",'
        '"00:49:30","00:50:00.4"\n'
        '"Pool Swim","2026-11-21 18:00:00","false","Pool","1,650","300","00:40:00","--","--","--","--","--"\n'
    )
    rows = parse_garmin_csv(text.encode(), dt.UTC, "mi")
    run, swim = rows[0][1], rows[1][1]

    assert run.distance_m == pytest.approx(6.21 * 1609.344)
    assert (run.duration_s, run.elapsed_s, run.avg_hr) == (2970, pytest.approx(3000.4), 150)
    assert run.elevation_gain_m == pytest.approx(45 * 0.3048)
    assert swim.sport == "swimming" and swim.avg_hr is None
    assert swim.distance_m == pytest.approx(1650 * 0.9144)  # yards in a miles account


def test_a_garmin_csv_with_a_localized_header_and_decimal_comma():
    text = (
        '"Aktivitätstyp","Datum","Titel","Distanz","Zeit","Ø Herzfrequenz"\n'
        '"Laufen","2026-11-20 07:15:00","Lauf","10,52","00:55:00","148"\n'
    )
    (row,) = parse_garmin_csv(text.encode(), dt.UTC, "km")

    assert row[1].sport == "running"
    assert row[1].distance_m == pytest.approx(10520)
    assert row[1].avg_hr == 148


def test_a_strava_csv_with_a_localized_header():
    text = (
        "Aktivitäts-ID,Aktivitätsdatum,Aktivitätsname,Aktivitätsart,Verstrichene Zeit,Distanz\n"
        '123,"5. Juli 2018, 15:00:00",Lauf,Lauf,3000,"10,00"\n'
    )
    (row,) = parse_strava_csv(text.encode())

    assert row[1].start == utc(2018, 7, 5, 15, 0)
    assert row[1].is_run


# Saving ---------------------------------------------------------------------------------------------


def test_importing_the_strava_csv_creates_runs_cross_training_and_shoes(alice):
    (report,) = import_files(alice.profile, [Upload("activities.csv", read("csv/strava_activities_sample.csv"))])

    assert report.created + len(report.rejected) == 100
    assert Run.objects.filter(user=alice).count() + CrossTraining.objects.filter(user=alice).count() == report.created
    assert Shoe.objects.filter(user=alice, name="Pegasus 40").exists()
    assert CrossTraining.objects.filter(user=alice, activity="strength").count() == 10


def test_importing_the_same_file_twice_skips_duplicates(alice):
    upload = Upload("run.tcx", read("tcx/tcxparser_test.tcx"))
    import_files(alice.profile, [upload])
    (again,) = import_files(alice.profile, [upload])

    assert (again.created, again.duplicates) == (0, 1)
    assert Run.objects.filter(user=alice).count() == 1


def test_a_duplicate_is_the_same_start_within_60_s_and_distance_within_2_percent(alice):
    (record,) = parse_activity_file("run.tcx", read("tcx/tcxparser_test.tcx"))
    Run.objects.create(
        user=alice, start=record.start + dt.timedelta(seconds=59), distance_m=record.distance_m * 1.019, duration_s=2000
    )

    (report,) = import_files(alice.profile, [Upload("run.tcx", read("tcx/tcxparser_test.tcx"))])
    assert report.duplicates == 1

    Run.objects.all().delete()
    Run.objects.create(
        user=alice, start=record.start + dt.timedelta(seconds=61), distance_m=record.distance_m, duration_s=2000
    )
    (report,) = import_files(alice.profile, [Upload("run.tcx", read("tcx/tcxparser_test.tcx"))])
    assert report.created == 1


def test_a_run_below_the_bounds_is_rejected_with_the_forms_reason(alice):
    (report,) = import_files(alice.profile, [Upload("tiny.gpx", read("gpx/runpandas_garmin_connect.gpx"))])

    assert report.created == 0
    assert "at least 0.1 km" in report.rejected[0]


def test_a_bad_file_in_a_batch_does_not_stop_the_others(alice):
    uploads = [
        Upload("good.fit", read("fit/runpandas_run.fit")),
        Upload("bad.fit", read("fit/fitparse_activity-filecrc.fit")),
        Upload("ride.fit", read("fit/fitparse_2015-10-13-08-43-15.fit")),
    ]

    good, bad, ride = import_files(alice.profile, uploads)

    assert (good.created, bad.file_rejected, ride.created) == (1, True, 1)
    assert CrossTraining.objects.get(user=alice).activity == "cycling"


def strava_zip(extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        csv = read("csv/strava_activities_sample.csv").decode()
        archive.writestr("activities.csv", csv)
        archive.writestr("activities/15000107091.tcx.gz", gzip.compress(read("tcx/tcxparser_test.tcx")))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_strava_bulk_export_zip_is_imported_from_its_csv(alice):
    (report,) = import_files(alice.profile, [Upload("export_123.zip", strava_zip())])

    assert report.name == "export_123.zip/activities.csv"
    assert report.created > 90


def test_a_zip_of_activity_files_reports_each_entry(alice):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.fit", read("fit/runpandas_run.fit"))
        archive.writestr("b.gpx", read("gpx/gpxpy_route.gpx"))
        archive.writestr("../../etc/evil.tcx", read("tcx/runpandas_run_garmin.tcx"))

    reports = import_files(alice.profile, [Upload("files.zip", buffer.getvalue())])

    assert [(r.name, r.created, r.file_rejected) for r in reports] == [
        ("files.zip/a.fit", 1, False),
        ("files.zip/b.gpx", 0, True),
        ("files.zip/../../etc/evil.tcx", 1, False),
    ]
    assert not Path("/etc/evil.tcx").exists()


def test_a_zip_bomb_is_refused_before_inflating(alice):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.gpx", b"\0" * (30 * 1024 * 1024))

    (report,) = import_files(alice.profile, [Upload("bomb.zip", buffer.getvalue())])

    assert report.file_rejected
    assert "expands suspiciously" in report.rejected[0] or "larger than" in report.rejected[0]


def test_too_many_entries_are_refused(alice):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(5001):
            archive.writestr(f"{i}.gpx", b"")

    (report,) = import_files(alice.profile, [Upload("many.zip", buffer.getvalue())])

    assert "at most 5000" in report.rejected[0]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<gpx><trk><name>&lol3;</name></trk></gpx>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TrainingCenterDatabase><Activities><Activity Sport="Running"><Notes>&xxe;</Notes></Activity></Activities>
</TrainingCenterDatabase>"""


@pytest.mark.parametrize(("name", "data"), [("lol.gpx", BILLION_LAUGHS), ("xxe.tcx", EXTERNAL_ENTITY)])
def test_xml_bombs_and_external_entities_are_refused(name, data):
    with pytest.raises(ImportRejected, match="DTD or entities"):
        parse_activity_file(name, data)


@pytest.mark.parametrize("name", ["empty.gpx", "empty.fit", "empty.tcx", "empty.fit.gz"])
def test_an_empty_file_is_rejected(name):
    with pytest.raises(ImportRejected, match="empty|not a FIT"):
        parse_activity_file(name, b"")


def test_an_unknown_file_type_is_rejected():
    with pytest.raises(ImportRejected, match="not a file type"):
        parse_activity_file("notes.docx", b"hello")


def test_a_file_with_rejected_rows_still_saves_the_good_ones_atomically(alice):
    text = read("csv/strava_activities_sample.csv").decode().splitlines()
    broken = "\n".join([text[0], text[1], text[2].replace("May 6, 2026", "Not a date")]) + "\n"

    (report,) = import_files(alice.profile, [Upload("activities.csv", broken.encode())])

    assert report.created == 1
    assert report.rejected[0].startswith("row 3: unreadable date")


def test_import_batches_remember_what_they_created(alice):
    batch = ImportBatch.objects.create(user=alice, total_files=1)
    reports = import_files(alice.profile, [Upload("a.csv", read("csv/strava_activities_sample.csv"))], batch=batch)
    finish_batch(batch, reports)
    batch.refresh_from_db()

    assert batch.status == "done"
    assert batch.totals()["created"] == batch.runs.count() + batch.cross_training.count()
    assert batch.shoes.filter(name="Pegasus 40").exists()
