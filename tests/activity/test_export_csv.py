"""What the export CSVs add to a run: Strava's cadence column as a step rate, the older Garmin Connect layout."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine

from runlog.imports.parsers.csv import looks_like_garmin, parse_garmin_csv, parse_strava_csv

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
BERLIN = dt.timezone(dt.timedelta(hours=2))  # CEST, as on 25 May 2012


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def strava_with_cadence(cadence_by_type: dict[str, str]) -> str:
    """The real sample export with its (empty) Average Cadence cells filled for the first row of each type."""
    rows = list(csv.reader(io.StringIO((TESTDATA / "csv/strava_activities_sample.csv").read_text("utf-8"))))
    header = rows[0]
    kind, column = header.index("Activity Type"), header.index("Average Cadence")
    for row in rows[1:]:
        if row[kind] in cadence_by_type:
            row[column] = cadence_by_type.pop(row[kind])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
def test_stravas_cadence_column_becomes_the_runs_step_rate_and_never_a_rides():
    parsed = parse_strava_csv(strava_with_cadence({"Run": "84.5", "Ride": "88"}))

    records = [record for _, record, _ in parsed]
    runs = [record for record in records if record.is_run]
    rides = [record for record in records if record.activity == "cycling"]
    assert runs[0].avg_cadence_spm == 169.0  # 84.5 per foot
    assert all(run.avg_cadence_spm is None for run in runs[1:])  # empty cells stay unknown
    assert all(ride.avg_cadence_spm is None for ride in rides)


OLD_GARMIN = (
    "Aktivitäten von Erika Mustermann\n"
    "\n"
    " Aktivitätstyp,Datum,Titel,Distanz,Zeit,Ø Herzfrequenz\n"
    ' "Laufen","Fr, 25 Mai 2012 20:31","Abendlauf","10,20","52:13","151"\n'
    ' "Laufen","Do, 24 Mai 2012 07:05","Langer Lauf","21,10","1:55:40","146"\n'
    ' "Radfahren","Mi, 23 Mai 2012 18:00","Pendeln","15,00","45:00","--"\n'
)


def test_the_older_garmin_connect_export_imports():
    assert looks_like_garmin(OLD_GARMIN)

    rows = parse_garmin_csv(OLD_GARMIN.encode("utf-8"), BERLIN, "km")

    evening, long_run, ride = (record for _, record, _ in rows)
    assert evening.start == dt.datetime(2012, 5, 25, 18, 31, tzinfo=dt.UTC)  # 20:31 in Berlin
    assert (evening.distance_m, evening.duration_s, evening.avg_hr) == (pytest.approx(10200), 3133, 151)
    assert (evening.name, evening.is_run) == ("Abendlauf", True)
    assert long_run.distance_m == pytest.approx(21100)
    assert long_run.duration_s == 1 * 3600 + 55 * 60 + 40
    assert ride.activity == "cycling" and ride.avg_hr is None
