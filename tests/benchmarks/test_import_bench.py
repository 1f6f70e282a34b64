"""Import throughput: a generated 5,000-row Strava activities.csv and an hour-long FIT-sized file.

Run with `make bench`; peak memory is reported by tracemalloc in the benchmark's extra info.
"""

import datetime as dt
import io
import random
import tracemalloc
from pathlib import Path

import pytest

from runlog.imports.files import Upload, import_files
from runlog.log.models import Profile, Run
from tests.factories import UserFactory

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"


def strava_csv(rows: int) -> bytes:
    header = (TESTDATA / "csv/strava_activities_sample.csv").read_text().splitlines()[0]
    columns = header.split(",")
    rng = random.Random(rows)
    out = io.StringIO()
    out.write(header + "\n")
    start = dt.datetime(2012, 1, 1, 7, 0)
    for i in range(rows):
        when = start + dt.timedelta(days=i, minutes=rng.randint(0, 600))
        km = rng.uniform(4, 25)
        cells = [""] * len(columns)
        cells[0] = str(10_000_000 + i)
        cells[1] = '"' + when.strftime("%b %-d, %Y, %-I:%M:%S %p") + '"'
        cells[2] = "Morning Run"
        cells[3] = "Run"
        cells[5] = str(int(km * 330))
        cells[6] = f"{km:.2f}"
        cells[11] = rng.choice(["Pegasus 40", "Ghost 16", "Speedgoat"])
        cells[15] = f"{km * 335:.1f}"
        cells[16] = f"{km * 330:.1f}"
        cells[17] = f"{km * 1000:.1f}"
        cells[31] = f"{rng.uniform(130, 165):.1f}"
        out.write(",".join(cells) + "\n")
    return out.getvalue().encode()


def peak_memory(call) -> float:
    """Peak Python allocation during one call, in MB (a separate run: tracing slows the code down)."""
    tracemalloc.start()
    try:
        call()
        return round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    finally:
        tracemalloc.stop()


@pytest.fixture
def runner(db):
    user = UserFactory(username="importer")
    return Profile.objects.create(user=user, timezone="Europe/Berlin")


@pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
def test_import_5000_strava_rows(benchmark, runner):
    data = strava_csv(5000)

    def run():
        Run.objects.filter(user=runner.user).delete()
        (report,) = import_files(runner, [Upload("activities.csv", data)])
        return report

    report = benchmark.pedantic(run, rounds=3, iterations=1)
    assert report.created == 5000
    peak = peak_memory(run)
    benchmark.extra_info["peak_mb"] = peak
    print(f"\n5,000-row Strava CSV ({len(data) // 1024} kB): created {report.created}, peak {peak} MB traced")


@pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
def test_parse_an_hour_long_fit_file(benchmark, runner):
    data = (TESTDATA / "fit/runpandas_run.fit").read_bytes()  # 53 minutes of 1 s records, HR and cadence

    def run():
        Run.objects.filter(user=runner.user).delete()
        (report,) = import_files(runner, [Upload("run.fit", data)])
        return report

    report = benchmark.pedantic(run, rounds=5, iterations=1)
    assert report.created == 1
    peak = peak_memory(run)
    benchmark.extra_info["peak_mb"] = peak
    print(f"\nFIT ({len(data) // 1024} kB): peak {peak} MB traced")
