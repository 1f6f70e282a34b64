"""Lists and the dashboard with a large database of recordings: 20 runners × 500 runs, each run with its
samples and original in storage. Query counts must not change; times are reported (not asserted).

    RUNLOG_BENCH=1 .venv/bin/python -m pytest -q -s tests/benchmarks/test_recordings_scale_bench.py
"""

import datetime as dt
import statistics
import time

import numpy as np
import time_machine
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client

from runlog.activity.models import Recording
from runlog.activity.samples import Samples, encode
from runlog.log.models import Profile, Run
from tests.factories import UserFactory

RUNNERS, RUNS = 20, 500
PAGES = ["/", "/runs/", "/calendar/"]


def samples_blob() -> bytes:
    seconds = np.arange(0, 3000.0, 1.0)
    return encode(
        Samples(
            t_s=seconds, distance_m=seconds * 3.3, hr=140 + seconds % 20, lat=47 + seconds * 3e-5, lon=8 + 0 * seconds
        )
    )


def runner(name: str) -> Profile:
    user = UserFactory(username=name)
    profile = Profile.objects.create(user=user, timezone="Europe/Berlin")
    start = dt.datetime(2026, 11, 24, 7, tzinfo=dt.UTC)
    Run.objects.bulk_create(
        Run(user=user, start=start - dt.timedelta(days=i), distance_m=10_000, duration_s=3000, source="file")
        for i in range(RUNS)
    )
    return profile


def record_all(profile: Profile, blob: bytes) -> None:
    recordings = []
    for run in Run.objects.filter(user=profile.user):
        recording = Recording(user=profile.user, run=run, sample_count=3000, original_name="run.fit")
        recording.samples_file.save("samples", ContentFile(blob), save=False)
        recording.original.save("original", ContentFile(b"\x0e\x10" * 200), save=False)
        recordings.append(recording)
    Recording.objects.bulk_create(recordings, batch_size=500)


def measure(client: Client) -> dict[str, tuple[int, float]]:
    found = {}
    for path in PAGES:
        assert client.get(path).status_code == 200  # warm
        caches["default"].clear()  # every request below computes its page: none is served from the cache
        statements: list[str] = []

        def count(execute, sql, *rest, statements=statements):
            statements.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(path)
        times = []
        for _ in range(7):
            caches["default"].clear()
            began = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - began)
        found[path] = (len(statements), statistics.median(times) * 1000)
    return found


def test_lists_and_the_dashboard_do_not_feel_the_recordings(db):
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=True):
        profiles = [runner(f"runner{i}") for i in range(RUNNERS)]
        client = Client()
        client.force_login(profiles[0].user)
        before = measure(client)
        blob = samples_blob()
        for profile in profiles:
            record_all(profile, blob)
        after = measure(client)

    for path in PAGES:
        print(
            f"\n{path}: {before[path][0]} → {after[path][0]} queries, {before[path][1]:.1f} → {after[path][1]:.1f} ms"
        )
        assert after[path][0] == before[path][0]
