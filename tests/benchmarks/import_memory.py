"""Peak memory of importing the largest accepted GPX, TCX and FIT (25 MB each), each in a fresh process.

    .venv/bin/python tests/benchmarks/import_memory.py

Generates the files in a temporary folder, then for each one starts a new Python process that sets Django
up on a throwaway SQLite database, parses and saves the file for one runner (`import_files`, as the worker
does) and reports `ru_maxrss` after setup and after the import. The promise (docs/reliability.md): the
worker's peak stays under 300 MB.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = ROOT.parent / "shared" / "testdata"
TARGET_BYTES = 25 * 1024 * 1024 - 64 * 1024  # just under the 25 MB limit
START = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)

# Child processes: `--prepare DB` migrates a database and adds the runner; `--one FILE DB` imports FILE into it.
if sys.argv[1:2] in (["--prepare"], ["--one"]):
    os.environ["DATABASE_URL"] = f"sqlite:///{sys.argv[-1]}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "runlog.settings")
sys.path.insert(0, str(ROOT))
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402 (after django.setup())
from django.core.management import call_command  # noqa: E402

from runlog.imports.files import Upload, import_files  # noqa: E402
from runlog.log.models import Profile  # noqa: E402


def _track(limit: int, point) -> bytes:
    """A 20-hour run at 3 m/s (ultra pace, within the bounds), its points as dense as fill `limit` bytes."""
    count = limit // len(point(0, 47.0, 8.0, START))
    step = 20 * 3600 / count
    chunks, size, i = [], 0, 0
    while size < limit:
        lat = 47.0 + i * 3.0 * step / 111_320
        lon = 8.0 + 0.001 * math.sin(i / 200)
        text = point(i, lat, lon, START + dt.timedelta(seconds=i * step))
        chunks.append(text)
        size += len(text)
        i += 1
    return "".join(chunks[:-1]).encode()


def gpx(limit: int) -> bytes:
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        b'xmlns="http://www.topografix.com/GPX/1/1" '
        b'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        b"<trk><name>Long run</name><type>running</type><trkseg>\n"
    )
    tail = b"</trkseg></trk></gpx>\n"

    def point(i, lat, lon, when):
        return (
            f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{400 + 20 * math.sin(i / 500):.1f}</ele>'
            f"<time>{when:%Y-%m-%dT%H:%M:%S.%fZ}</time><extensions><gpxtpx:TrackPointExtension>"
            f"<gpxtpx:hr>{140 + i % 20}</gpxtpx:hr><gpxtpx:cad>{84 + i % 4}</gpxtpx:cad>"
            "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        )

    return head + _track(limit - len(head) - len(tail), point) + tail


def tcx(limit: int) -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{START:%Y-%m-%dT%H:%M:%SZ}</Id>'
        f'<Lap StartTime="{START:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>68000</TotalTimeSeconds>'
        "<DistanceMeters>216000</DistanceMeters><Track>\n"
    ).encode()
    tail = b"</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"

    def point(i, lat, lon, when):
        return (
            f"<Trackpoint><Time>{when:%Y-%m-%dT%H:%M:%S.%fZ}</Time><Position><LatitudeDegrees>{lat:.7f}"
            f"</LatitudeDegrees><LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
            f"<AltitudeMeters>{400 + 20 * math.sin(i / 500):.1f}</AltitudeMeters>"
            f"<DistanceMeters>{(lat - 47.0) * 111_320:.1f}</DistanceMeters><HeartRateBpm><Value>{140 + i % 20}</Value>"
            "</HeartRateBpm></Trackpoint>\n"
        )

    return head + _track(limit - len(head) - len(tail), point) + tail


def fit(limit: int) -> bytes:
    """A chained FIT file: copies of a real 53-minute run (1 s records) up to the size limit."""
    one = (TESTDATA / "fit/runpandas_run.fit").read_bytes()
    return one * (limit // len(one))


def prepare() -> None:
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("bench", password="x")
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.timezone = "Europe/Zurich"
    profile.save()


def measure(path: Path) -> None:
    """Runs in a fresh process with the runner's database ready, like a worker waiting for a job."""
    profile = Profile.objects.get(user__username="bench")
    ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Setting up (settings, URLconf, templates) peaks above the idle process; on Linux the high-water mark
    # (VmHWM) can be reset so that the import's own peak shows; `ru_maxrss` keeps the process's maximum.
    clear_refs = Path("/proc/self/clear_refs")
    reset = clear_refs.exists()
    if reset:
        clear_refs.write_text("5")
    idle = _status_mb("VmRSS")
    data = path.read_bytes()
    report, *_ = import_files(profile, [Upload(path.name, data)])
    peak = _status_mb("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{path.name:>10} {len(data) / 2**20:5.1f} MB  setup peak {ready:4.0f} MB, idle {idle:4.0f} MB, "
        f"peak {'during the import' if reset else 'overall'} {peak:4.0f} MB  ({report.summary()})",
        flush=True,
    )


def _status_mb(key: str) -> float:
    status = Path("/proc/self/status")
    if not status.exists():
        return float("nan")
    line = next(line for line in status.read_text().splitlines() if line.startswith(key + ":"))
    return int(line.split()[1]) / 1024


def main() -> None:
    if sys.argv[1:2] == ["--prepare"]:
        prepare()
        return
    if sys.argv[1:2] == ["--one"]:
        measure(Path(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.sqlite3"
        subprocess.run([sys.executable, __file__, "--prepare", str(template)], check=True, cwd=ROOT)
        for name, build in (("long.gpx", gpx), ("long.tcx", tcx), ("long.fit", fit)):
            path = Path(folder) / name
            path.write_bytes(build(TARGET_BYTES))
            database = path.with_name(name + ".sqlite3")
            shutil.copy(template, database)
            subprocess.run([sys.executable, __file__, "--one", str(path), str(database)], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
