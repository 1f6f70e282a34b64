"""Bytes per sample on disk for every real file of ../shared/testdata that carries samples, and a 4-hour
1 Hz FIT, with the time to parse and encode each.

    .venv/bin/python tests/benchmarks/sample_bytes.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = ROOT.parent / "shared" / "testdata"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "runlog.settings")
django.setup()

from runlog.activity.samples import encode  # noqa: E402 (after django.setup())
from runlog.imports.files import ImportRejected, parse_activity_file  # noqa: E402
from tests.activity.fit_writer import long_run_fit  # noqa: E402


def measure(label: str, name: str, data: bytes) -> None:
    began = time.perf_counter()
    try:
        records = parse_activity_file(name, data)
    except ImportRejected:
        return
    parsed = time.perf_counter()
    for record in records:
        if record.samples is None:
            continue
        stored = encode(record.samples)
        done = time.perf_counter()
        count = len(record.samples)
        channels = ",".join(record.samples.present())
        print(
            f"{label:55} {count:6d} samples {len(stored):8d} B {len(stored) / count:6.2f} B/sample "
            f"(file {len(data) / count:7.1f} B/sample) parse {1000 * (parsed - began):6.1f} ms "
            f"encode {1000 * (done - parsed):5.1f} ms  [{channels}]"
        )


def main() -> None:
    for path in sorted(TESTDATA.glob("*/*")):
        if path.suffix.lower() in (".gpx", ".tcx", ".fit"):
            measure(str(path.relative_to(TESTDATA)), path.name, path.read_bytes())
    measure("generated: 4-hour run at 1 Hz (FIT)", "long.fit", long_run_fit(dt.datetime(2026, 3, 1, 6, tzinfo=dt.UTC)))


if __name__ == "__main__":
    main()
