"""Arbitrary bytes, and valid files with hostile numbers and dates, into every parser: a record list or
ImportRejected, never another exception."""

import datetime as dt
import gzip
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runlog.imports.account_json import parse as parse_account
from runlog.imports.files import parse_activity_file
from runlog.imports.parsers.base import EARLIEST_START, LATEST_START_AHEAD, ImportRejected
from runlog.imports.parsers.csv import parse_garmin_csv, parse_strava_csv
from runlog.imports.parsers.fit import parse_fit
from tests.imports.activity_files import START, running_session

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seed(relative: str) -> bytes:
    path = TESTDATA / relative
    return path.read_bytes()[:4000] if path.exists() else b""


def mutated(base: bytes):
    """Real file prefixes with bytes flipped, cut or appended, plus plain random bytes."""
    return st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.integers(0, max(len(base) - 1, 0)), st.binary(min_size=1, max_size=40)).map(
            lambda t: base[: t[0]] + t[1] + base[t[0] + len(t[1]) :]
        ),
        st.integers(0, len(base)).map(lambda n: base[:n]),
    )


def only_rejections(call):
    try:
        call()
    except ImportRejected:
        pass


@pytest.mark.parametrize(
    ("name", "sample"),
    [
        ("x.gpx", "gpx/runpandas_strava_export.gpx"),
        ("x.tcx", "tcx/tcxparser_test.tcx"),
        ("x.fit", "fit/runpandas_run.fit"),
    ],
)
def test_activity_parsers_raise_only_their_own_error(name, sample):
    @FUZZ
    @given(mutated(seed(sample)))
    @example(b"")
    @example(b"<?xml version='1.0'?>")
    def run(data):
        only_rejections(lambda: parse_activity_file(name, data))
        only_rejections(lambda: parse_activity_file(name + ".gz", data))
        only_rejections(lambda: parse_activity_file(name + ".gz", gzip.compress(data)))

    run()


@FUZZ
@given(mutated(seed("csv/strava_activities_sample.csv")))
def test_the_csv_parsers_raise_only_their_own_error(data):
    only_rejections(lambda: parse_strava_csv(data))
    only_rejections(lambda: parse_garmin_csv(data, dt.UTC, "km"))


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
        max_leaves=25,
    )
)
def test_the_account_import_raises_only_its_own_error(value):
    import json

    document = (
        {"format": "runlog.account", "version": 1, "runs": value}
        if not isinstance(value, dict)
        else {"format": "runlog.account", "version": 1, **value}
    )
    only_rejections(lambda: parse_account(json.dumps(document).encode()))


# --- hostile numbers and dates in otherwise valid files ---------------------------------------------------

NASTY_NUMBERS = st.one_of(
    st.sampled_from(["nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e400", "-1e400", "9" * 400, "9" * 5000]),
    st.sampled_from(["1e308", "-1e308", "1e-400", "-0", "0", "1e9", "4294967295", "0x1F", "1_000", "", " "]),
    st.integers(-(10**40), 10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
NASTY_TIMES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01T00:00:00Z",
            "0001-01-01T00:00:00+14:00",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-12:00",
            "1969-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z",
            "2026-11-27T00:00:00Z",
            "2026-13-45T99:99:99Z",
            "nan",
        ]
    ),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)).map(
        lambda d: d.isoformat() + "Z"
    ),
)
HOSTILE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMBER_FIELDS = ("distance_m", "duration_s", "elapsed_s", "avg_hr", "max_hr", "avg_cadence_spm", "elevation_gain_m")


def records_or_rejection(call) -> None:
    """A parser answers records that are finite and dated within the bounds somewhere on Earth, or rejects."""
    try:
        records = call()
    except ImportRejected:
        return
    now = dt.datetime.now(dt.UTC)
    for record in records:
        assert EARLIEST_START <= record.start <= now + LATEST_START_AHEAD
        for name in NUMBER_FIELDS:
            value = getattr(record, name)
            assert value is None or math.isfinite(value), (name, value)


GPX_POINT = (
    '<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{time}</time><extensions>'
    "<gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr><gpxtpx:cad>{cad}</gpxtpx:cad>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>"
)


def hostile_gpx(field: str, value: str, where: int) -> bytes:
    points = []
    for i in range(12):
        values = {
            "lat": f"{47 + i * 0.0003:.5f}",
            "lon": "8.0",
            "ele": str(100 + i),
            "time": f"{START + dt.timedelta(seconds=10 * i):%Y-%m-%dT%H:%M:%SZ}",
            "hr": "150",
            "cad": "85",
        }
        if i == where:
            values[field] = value
        points.append(GPX_POINT.format(**values))
    return (
        '<?xml version="1.0"?><gpx version="1.1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        "<trk><type>running</type><trkseg>" + "".join(points) + "</trkseg></trk></gpx>"
    ).encode()


@HOSTILE
@given(
    st.sampled_from(["lat", "lon", "ele", "hr", "cad"]).flatmap(lambda f: st.tuples(st.just(f), NASTY_NUMBERS))
    | st.tuples(st.just("time"), NASTY_TIMES),
    st.integers(0, 11),
)
def test_a_gpx_with_hostile_numbers_or_dates_is_rejected_or_sane(field_value, where):
    field, value = field_value
    records_or_rejection(lambda: parse_activity_file("x.gpx", hostile_gpx(field, value, where)))


TCX_TEMPLATE = """<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Running">
<Id>{start}</Id><Lap StartTime="{start}"><TotalTimeSeconds>{total}</TotalTimeSeconds>
<DistanceMeters>{distance}</DistanceMeters><MaximumHeartRateBpm><Value>{max_hr}</Value></MaximumHeartRateBpm>
<Extensions><LX><AvgRunCadence>{lap_cadence}</AvgRunCadence></LX></Extensions><Track>
<Trackpoint><Time>{start}</Time><AltitudeMeters>{altitude}</AltitudeMeters><DistanceMeters>0</DistanceMeters>
<HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>
<Trackpoint><Time>{end}</Time><AltitudeMeters>120</AltitudeMeters><DistanceMeters>{point_distance}</DistanceMeters>
<HeartRateBpm><Value>150</Value></HeartRateBpm><Extensions><TPX><RunCadence>{cadence}</RunCadence></TPX></Extensions>
</Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>"""
TCX_VALUES = {
    "start": "2026-03-01T07:00:00Z",
    "end": "2026-03-01T07:30:00Z",
    "total": "1800",
    "distance": "5000",
    "max_hr": "170",
    "lap_cadence": "85",
    "altitude": "100",
    "hr": "150",
    "point_distance": "5000",
    "cadence": "85",
}


@HOSTILE
@given(
    st.sampled_from(sorted(set(TCX_VALUES) - {"start", "end"})).flatmap(lambda f: st.tuples(st.just(f), NASTY_NUMBERS))
    | st.sampled_from(["start", "end"]).flatmap(lambda f: st.tuples(st.just(f), NASTY_TIMES))
)
def test_a_tcx_with_hostile_numbers_or_dates_is_rejected_or_sane(field_value):
    field, value = field_value
    data = TCX_TEMPLATE.format(**{**TCX_VALUES, field: value}).encode()
    records_or_rejection(lambda: parse_activity_file("x.tcx", data))


STRAVA_ROW = ["1", '"Mar 1, 2026, 7:00:00 AM"', "Morning Run", "Run", "1800", "5.0", "150", "1750", "48"]
STRAVA_FIELDS = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Average Heart Rate,"
STRAVA_FIELDS += "Moving Time,Elevation Gain"
GARMIN_ROW = ["Running", "2026-03-01 07:00:00", "Run", "5.00", "00:30:00", "150", "170", "00:29:00", "40"]
GARMIN_FIELDS = "Activity Type,Date,Title,Distance,Time,Avg HR,Max HR,Moving Time,Total Ascent"


@HOSTILE
@given(st.integers(0, 8), NASTY_NUMBERS | NASTY_TIMES | st.sampled_from(["Jan 1, 0001, 7:00:00 AM", "0001-01-01"]))
def test_csv_rows_with_hostile_numbers_or_dates_are_rejected_or_sane(column, value):
    cell = '"' + value.replace('"', "") + '"'
    strava = STRAVA_FIELDS + "\n" + ",".join(cell if i == column else c for i, c in enumerate(STRAVA_ROW)) + "\n"
    garmin = GARMIN_FIELDS + "\n" + ",".join(cell if i == column else c for i, c in enumerate(GARMIN_ROW)) + "\n"

    def rows(parsed):
        return [item for _, item, _ in parsed if not isinstance(item, ImportRejected)]

    records_or_rejection(lambda: rows(parse_strava_csv(strava.encode())))
    for zone in (dt.UTC, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")):
        records_or_rejection(lambda zone=zone: rows(parse_garmin_csv(garmin.encode("utf-16"), zone, "km")))


FIT_FIELDS = {
    "start_time": st.integers(0, 2**32 - 1),
    "sport": st.integers(0, 255),
    "total_elapsed_time": st.integers(0, 2**32 - 1),
    "total_timer_time": st.integers(0, 2**32 - 1),
    "total_distance": st.integers(0, 2**32 - 1),
    "avg_heart_rate": st.integers(0, 255),
    "max_heart_rate": st.integers(0, 255),
    "avg_cadence": st.integers(0, 255),
    "avg_fractional_cadence": st.integers(0, 255),
    "total_ascent": st.integers(0, 2**16 - 1),
}


@HOSTILE
@given(st.fixed_dictionaries({}, optional=FIT_FIELDS))
def test_a_fit_session_with_any_field_values_is_rejected_or_sane(fields):
    records_or_rejection(lambda: parse_fit(running_session(START, **fields)))
