"""Importers at the edges: non-finite and huge numbers, dates out of range, text encodings, optional
device values out of bounds (dropped with a note), and the device values a file carries."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from runlog.imports.files import Upload, import_files, parse_activity_file
from runlog.imports.parsers.base import ImportRejected
from runlog.imports.parsers.csv import decode_csv, parse_garmin_csv, parse_strava_csv
from runlog.log.models import Profile, Run
from tests.imports.activity_files import START, gpx, running_session, strava, tcx

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
real_files = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def runner(alice) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=alice)
    return profile


# --- non-finite and huge numbers: rejections with a reason, never another exception ---------------------


@pytest.mark.parametrize("value", ["NaN", "inf", "-Infinity", "1e400", "9" * 5000])
def test_a_tcx_with_a_non_finite_lap_time_is_rejected_naming_the_field(value):
    with pytest.raises(ImportRejected, match="lap's total time .* (not a finite number|too large)"):
        parse_activity_file("run.tcx", tcx(total_time=value))


@pytest.mark.parametrize("value", ["nan", "inf", "1e400"])
def test_a_gpx_point_whose_latitude_is_not_a_number_is_rejected(value):
    with pytest.raises(ImportRejected, match="latitude"):
        parse_activity_file("run.gpx", gpx(lat=value))


def test_a_gpx_point_off_the_earth_is_rejected():
    with pytest.raises(ImportRejected, match="not a place on Earth"):
        parse_activity_file("run.gpx", gpx(lat="91.5"))


@pytest.mark.parametrize("value", ["inf", "NaN", "1e400"])
def test_a_gpx_with_an_infinite_elevation_is_rejected(value):
    with pytest.raises(ImportRejected, match="elevation .* (not a finite number|too large)"):
        parse_activity_file("run.gpx", gpx(ele=value))


def test_a_gpx_with_an_elevation_too_large_to_be_measured_is_rejected():
    with pytest.raises(ImportRejected, match="too large to be a measurement"):
        parse_activity_file("run.gpx", gpx(ele="1e300"))


def test_three_tcx_files_with_a_nan_in_the_middle_one_import_the_other_two(runner):
    files = [
        Upload("one.tcx", tcx(start="2026-03-01T07:00:00Z")),
        Upload("two.tcx", tcx(start="2026-03-02T07:00:00Z", total_time="NaN")),
        Upload("three.tcx", tcx(start="2026-03-03T07:00:00Z")),
    ]

    reports = import_files(runner, files)

    assert [r.created for r in reports] == [1, 0, 1]
    assert reports[1].file_rejected and "not a finite number" in reports[1].rejected[0]
    assert Run.objects.filter(user=runner.user).count() == 2


@pytest.mark.parametrize("cell", ["nan", "inf", "-inf", "1e400", "9" * 400])
def test_a_strava_row_with_a_non_finite_distance_is_rejected_and_the_others_kept(cell):
    text = strava(
        '1,"Mar 1, 2026, 7:00:00 AM",Morning Run,Run,1800,5.0,150',
        f'2,"Mar 2, 2026, 7:00:00 AM",Broken Run,Run,1800,{cell},150',
    )

    rows = parse_strava_csv(text.encode())

    assert rows[0][1].distance_m == 5000
    assert isinstance(rows[1][1], ImportRejected)
    assert "the distance" in rows[1][1].reason


def test_a_garmin_row_with_an_infinite_time_is_rejected():
    text = 'Activity Type,Date,Title,Distance,Time,Avg HR\nRunning,2026-03-01 07:00:00,Run,5.00,"1e400",150\n'

    ((_, row, _),) = parse_garmin_csv(text.encode(), dt.UTC, "km")

    assert isinstance(row, ImportRejected)
    assert "the time" in row.reason


def test_a_fit_session_with_a_huge_distance_is_rejected_by_the_run_bounds(runner):
    data = running_session(START, total_distance=0xFFFFFFFE)  # 42,949 km: a broken device

    (report,) = import_files(runner, [Upload("run.fit", data)])

    assert report.created == 0
    assert "350 km" in report.rejected[0]


# --- dates: from 1970-01-01 to today, in the runner's zone -----------------------------------------------


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "1969-06-01T00:00:00Z"])
def test_a_gpx_dated_before_1970_is_rejected(when):
    with pytest.raises(ImportRejected, match="before 1970"):
        parse_activity_file("run.gpx", gpx(time=when))


def test_a_tcx_dated_in_year_9999_is_rejected():
    with pytest.raises(ImportRejected, match="in the future"):
        parse_activity_file("run.tcx", tcx(start="9999-12-31T23:59:59Z"))


def test_a_year_one_garmin_row_in_a_zone_west_of_utc_is_rejected_not_an_overflow():
    text = "Activity Type,Date,Title,Distance,Time\nRunning,0001-01-01 00:30:00,Run,5.00,00:30:00\n"

    ((_, row, _),) = parse_garmin_csv(text.encode(), dt.timezone(dt.timedelta(hours=5)), "km")

    assert isinstance(row, ImportRejected)
    assert "1970" in row.reason


def test_a_year_one_strava_row_is_rejected():
    ((_, row, _),) = parse_strava_csv(strava('1,"Jan 1, 0001, 7:00:00 AM",Old,Run,1800,5.0,150').encode())

    assert isinstance(row, ImportRejected)
    assert "before 1970" in row.reason


def test_a_fit_session_two_days_ahead_is_rejected(runner):
    (report,) = import_files(runner, [Upload("run.fit", running_session(NOW + dt.timedelta(days=3)))])

    assert report.created == 0
    assert "in the future" in report.rejected[0]


def test_the_last_evening_of_1969_in_utc_is_1970_in_tokyo(runner):
    data = tcx(start="1969-12-31T23:30:00Z")
    runner.timezone = "UTC"

    (in_utc,) = import_files(runner, [Upload("run.tcx", data)], dry_run=True)
    runner.timezone = "Asia/Tokyo"
    (in_tokyo,) = import_files(runner, [Upload("run.tcx", data)], dry_run=True)

    assert in_utc.created == 0 and "before 1970" in in_utc.rejected[0]
    assert in_tokyo.created == 1


def test_a_run_dated_tomorrow_in_the_runners_zone_is_rejected(runner):
    data = tcx(start="2026-11-26T01:00:00Z")  # Nov 26 in UTC; still Nov 25, 14:00 in Pago Pago (UTC-11)
    runner.timezone = "UTC"

    (in_utc,) = import_files(runner, [Upload("run.tcx", data)], dry_run=True)
    runner.timezone = "Pacific/Pago_Pago"
    (in_pago_pago,) = import_files(runner, [Upload("run.tcx", data)], dry_run=True)

    assert in_utc.created == 0 and "in the future" in in_utc.rejected[0]
    assert in_pago_pago.created == 1


# --- text encodings of CSV files --------------------------------------------------------------------------

CAFE = strava('1,"Mar 1, 2026, 7:00:00 AM",Café run,Run,1800,5.0,150')


@pytest.mark.parametrize(
    "data",
    [
        CAFE.encode("utf-8"),
        b"\xef\xbb\xbf" + CAFE.encode("utf-8"),
        CAFE.encode("utf-16"),  # with its byte-order mark, as Excel writes "Unicode text"
        b"\xfe\xff" + CAFE.encode("utf-16-be"),
        CAFE.encode("cp1252"),
        CAFE.encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1252", "latin-1"],
)
def test_a_strava_csv_keeps_its_accents_in_every_encoding(runner, data):
    (report,) = import_files(runner, [Upload("activities.csv", data)])

    assert report.created == 1
    assert Run.objects.get(user=runner.user).notes == "Café run"


def test_windows_1252_quotes_and_euro_signs_are_read_as_such():
    text = strava('1,"Mar 1, 2026, 7:00:00 AM",“Fast” 5 € run,Run,1800,5.0,150')

    assert decode_csv(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe" + CAFE.encode("utf-16-le")[:-1], b"Activity ID\x00\x01\x02,Date\n", bytes(range(256)) * 4],
    ids=["odd-length-utf-16", "nul-bytes", "binary"],
)
def test_an_undecodable_csv_is_rejected_for_its_encoding(runner, data):
    (report,) = import_files(runner, [Upload("activities.csv", data)])

    assert report.file_rejected
    assert "text encoding could not be read" in report.rejected[0]


# --- optional device values: dropped with a note, the activity kept --------------------------------------


def test_a_gpx_run_with_an_average_heart_rate_of_16_is_kept_without_it(runner):
    (report,) = import_files(runner, [Upload("run.gpx", gpx(hr=16))])

    run = Run.objects.get(user=runner.user)
    assert report.created == 1
    assert run.avg_hr is None and run.max_hr is None
    assert "average heart rate 16 bpm dropped: outside 30–230" in report.remarks


def test_a_fit_run_with_a_step_rate_of_400_is_kept_without_it(runner):
    data = running_session(START, avg_cadence=200, avg_fractional_cadence=0)  # 200 strides = 400 steps/min

    (report,) = import_files(runner, [Upload("run.fit", data)])

    run = Run.objects.get(user=runner.user)
    assert (report.created, run.avg_cadence_spm, run.avg_hr) == (1, None, 150)
    assert "average step rate 400 steps/min dropped: outside 60–260" in report.remarks


def test_a_strava_row_with_a_heart_rate_of_16_is_kept_and_the_report_names_the_row(runner):
    text = strava('1,"Mar 1, 2026, 7:00:00 AM",Run,Run,1800,5.0,16')

    (report,) = import_files(runner, [Upload("activities.csv", text.encode())])

    assert report.created == 1
    assert Run.objects.get(user=runner.user).avg_hr is None
    assert report.remarks == ["row 2: average heart rate 16 bpm dropped: outside 30–230"]


def test_a_tcx_with_a_climb_of_20_km_keeps_the_run_without_the_climb(runner):
    data = tcx().replace(b"<Track>", b"<Track><Trackpoint><AltitudeMeters>0</AltitudeMeters></Trackpoint>")
    data = data.replace(b"</Track>", b"<Trackpoint><AltitudeMeters>20000</AltitudeMeters></Trackpoint></Track>")

    (report,) = import_files(runner, [Upload("run.tcx", data)])

    assert Run.objects.get(user=runner.user).elevation_gain_m is None
    assert "elevation gain 20000 m dropped: outside 0–15,000" in report.remarks


# --- device values stored: elapsed beside moving time, max heart rate, step rate -------------------------


def test_a_fit_run_stores_elapsed_time_max_heart_rate_and_step_rate(runner):
    import_files(runner, [Upload("run.fit", running_session(START))])

    run = Run.objects.get(user=runner.user)
    # timer 3000 s, elapsed 3060 s, 85 + 64/128 strides/min → 171 steps/min
    assert (run.duration_s, run.elapsed_s, run.max_hr, run.avg_cadence_spm) == (3000, 3060, 175, 171.0)


# Hand-computed step rates of PROVENANCE.md ("Step rate (cadence), computed by hand from the files").
STEP_RATES = [
    ("fit/runpandas_run.fit", 129.8),
    ("fit/fitparse_garmin-fenix-5-run.fit", 167.3),
    ("tcx/runpandas_run_garmin.tcx", 172.7),
    ("gpx/runpandas_strava_export.gpx", 171.3),  # over the moving samples (faster than 1 km/h)
]


@real_files
@pytest.mark.parametrize(("name", "steps_per_minute"), STEP_RATES)
def test_real_files_give_the_hand_computed_step_rate(name, steps_per_minute):
    (record,) = parse_activity_file(name, (TESTDATA / name).read_bytes())

    assert record.avg_cadence_spm == pytest.approx(steps_per_minute, abs=1)


@real_files
@pytest.mark.parametrize(
    "name", ["tcx/tcxreader_cross-country-skiing_activity_1.tcx", "fit/fitparse_2015-10-13-08-43-15.fit"]
)
def test_skiing_and_cycling_cadence_is_never_a_step_rate(name):
    (record,) = parse_activity_file(name, (TESTDATA / name).read_bytes())

    assert record.avg_cadence_spm is None


@real_files
@pytest.mark.parametrize(
    ("name", "max_hr"),
    [("tcx/tcxparser_test.tcx", 189), ("tcx/runpandas_run_garmin.tcx", 153), ("fit/runpandas_run.fit", 160)],
)
def test_real_files_give_their_maximum_heart_rate(name, max_hr):
    (record,) = parse_activity_file(name, (TESTDATA / name).read_bytes())

    assert record.max_hr == max_hr


@real_files
def test_an_imported_real_fit_run_stores_its_device_values(runner):
    import_files(runner, [Upload("run.fit", (TESTDATA / "fit/runpandas_run.fit").read_bytes())])

    run = Run.objects.get(user=runner.user)
    # session: timer = elapsed = 3164.606 s, max HR 160, (64 + 0.921875) × 2 = 129.84 steps/min
    assert (run.duration_s, run.elapsed_s, run.max_hr, run.avg_cadence_spm) == (3165, 3165, 160, 129.8)


def test_a_gpx_moving_time_excludes_a_stop_that_elapsed_time_keeps():
    # The last of the 40 points (10 s and 30 m apart) comes 10 minutes late: 610 s for 30 m is standing still.
    data = gpx().replace(
        f"{START + dt.timedelta(seconds=390):%H:%M:%S}Z".encode(),
        f"{START + dt.timedelta(seconds=990):%H:%M:%S}Z".encode(),
    )

    (record,) = parse_activity_file("run.gpx", data)

    assert record.elapsed_s == 990
    assert record.duration_s == 380  # 38 moving intervals of 10 s


@pytest.mark.parametrize("declaration", [b'encoding="ISO-8859-1"', b'encoding="windows-1252"', b'encoding="UTF-8"'])
def test_a_latin_1_gpx_keeps_its_name_whatever_its_declaration_says(declaration):
    data = gpx().replace(b'encoding="UTF-8"', declaration).replace(b"Lunch run", "Café run".encode("latin-1"))

    (record,) = parse_activity_file("run.gpx", data)

    assert record.name == "Café run"


def test_a_utf_16_tcx_is_read():
    data = tcx().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    (record,) = parse_activity_file("run.tcx", data)

    assert record.distance_m == 5000


@pytest.mark.parametrize("name, build", [("run.gpx", gpx), ("run.tcx", tcx)])
def test_an_xml_file_declaring_an_unknown_encoding_is_rejected_for_its_encoding(name, build):
    data = build().replace(b'encoding="UTF-8"', b'encoding="ATF-8"')

    with pytest.raises(ImportRejected, match="text encoding that could not be read"):
        parse_activity_file(name, data)
