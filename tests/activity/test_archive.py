"""The version-2 ZIP export carries each run's original file under files/, and importing the ZIP into
another account keeps the files and rebuilds the samples from them."""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
import time_machine

from runlog.activity.models import Recording
from runlog.imports.account_json import export_document, write_archive
from runlog.imports.files import Upload, import_files
from runlog.log.models import Profile, profile_for

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
FILES = ["fit/runpandas_run.fit", "tcx/runpandas_run_garmin.tcx", "gpx/runpandas_strava_export.gpx"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def archive_of(profile: Profile) -> bytes:
    out = io.BytesIO()
    write_archive(profile, out)
    return out.getvalue()


def test_the_zip_carries_the_originals_and_an_import_rebuilds_the_samples(alice, bob):
    uploads = [Upload(Path(name).name, (TESTDATA / name).read_bytes()) for name in FILES]
    import_files(profile_for(alice), uploads)

    exported = archive_of(profile_for(alice))

    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        document = json.loads(archive.read("account.json"))
        files = {
            name: archive.read(name) for name in archive.namelist() if name.startswith("files/") and name[-1] != "/"
        }
    # Runs by start: the TCX (2018), the FIT (2019), the GPX (2021).
    assert [run["file"] for run in document["runs"]] == [
        "files/r1/runpandas_run_garmin.tcx",
        "files/r2/runpandas_run.fit",
        "files/r3/runpandas_strava_export.gpx",
    ]
    assert files["files/r2/runpandas_run.fit"] == (TESTDATA / "fit/runpandas_run.fit").read_bytes()

    (report,) = import_files(profile_for(bob), [Upload("backup.zip", exported)])

    assert report.created == 3 and not report.rejected, report.summary()
    theirs = Recording.objects.filter(user=bob).order_by("run__start")
    mine = Recording.objects.filter(user=alice).order_by("run__start")
    assert [r.sample_count for r in theirs] == [147, 1202, 1697]
    for restored, original in zip(theirs, mine, strict=True):
        assert restored.samples.equals(original.samples)
        assert (restored.laps, restored.device, restored.efforts, restored.elevation_loss_m) == (
            original.laps,
            original.device,
            original.efforts,
            original.elevation_loss_m,
        )
        assert restored.original.open("rb").read() == original.original.open("rb").read()
    again = export_document(profile_for(bob))
    assert [run["file"] for run in again["runs"]] == [run["file"] for run in document["runs"]]


def test_a_file_name_from_the_upload_cannot_leave_the_files_folder(alice):
    data = (TESTDATA / "tcx/runpandas_run_garmin.tcx").read_bytes()
    import_files(profile_for(alice), [Upload("../../etc/passwd.tcx", data)])

    (run,) = export_document(profile_for(alice))["runs"]

    assert run["file"] == "files/r1/passwd.tcx"


def test_a_strava_bulk_export_keeps_the_samples_and_file_its_csv_row_names(alice):
    header = (TESTDATA / "csv/strava_activities_sample.csv").read_text("utf-8").splitlines()[0]
    columns = header.split(",")
    row = [""] * len(columns)
    for name, value in {
        "Activity ID": "4587301",
        "Activity Date": '"Jan 10, 2021, 8:54:28 AM"',
        "Activity Name": "Recife",
        "Activity Type": "Run",
        "Elapsed Time": "5127",
        "Distance": "12.61",
        "Filename": "activities/4587301.gpx",
    }.items():
        row[columns.index(name)] = value
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("activities.csv", header + "\n" + ",".join(row) + "\n")
        archive.writestr("activities/4587301.gpx", (TESTDATA / "gpx/runpandas_strava_export.gpx").read_bytes())

    (report,) = import_files(profile_for(alice), [Upload("export_1.zip", buffer.getvalue())])

    assert report.created == 1, report.summary()
    (recording,) = Recording.objects.filter(user=alice)
    assert (recording.sample_count, recording.original_name, recording.device) == (1697, "4587301.gpx", "StravaGPX")
    assert recording.run.avg_cadence_spm == pytest.approx(171.3, abs=1)  # from the file: the row has none
