"""Server time per request: the load test's mix replayed in one process, without HTTP or concurrency.

    python tests/load/replay.py                    # 3,000 requests, mean time per kind of request
    python tests/load/replay.py --profile 40       # and the 40 costliest functions (cProfile, cumulative)

Production settings (DEBUG off, the default disk cache in a fresh directory) on a throw-away SQLite
database seeded like the load test's (50 runners, four months each; never DATABASE_URL's). Each
request goes through Django's whole stack by the test client, so the figures are what a gunicorn worker
spends on it, minus the HTTP parsing. Use it to see where time goes; `loadtest.py` is the load figure.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--warm-up", type=int, default=200)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()

    import loadtest  # beside this file: the seed, the mix and the production environment

    tmp = tempfile.mkdtemp(prefix="runlog-replay-")
    os.environ.update(
        loadtest.production_env(),
        ALLOWED_HOSTS="testserver",
        RUNLOG_TESTING="0",
        SQLITE_PATH=os.path.join(tmp, "replay.sqlite3"),
        CACHE_DIR=os.path.join(tmp, "cache"),
        DJANGO_SETTINGS_MODULE="runlog.settings",
    )
    os.environ.pop("CACHE_URL", None)
    os.environ.pop("DATABASE_URL", None)
    os.chdir(ROOT)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    exec(loadtest.SEED.format(password=loadtest.PASSWORD, runners=50), {})  # our own seed code, as loadtest.py runs it

    clients = []
    for user in get_user_model().objects.filter(username__startswith="load").order_by("pk"):
        client = Client()
        client.force_login(user)
        clients.append(client)
    rng = random.Random(1)
    today = time.strftime("%Y-%m-%d")
    times: dict[str, list[float]] = {}

    def one():
        client = rng.choice(clients)
        if rng.random() < 0.8:
            _, path, htmx = rng.choice(loadtest.READS)
            started = time.perf_counter()
            response = client.get(path, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
        elif rng.random() < 0.7:
            path, started = "/runs/new/", time.perf_counter()
            run = {"date": today, "time": "00:01", "distance": "5", "duration": "45:00", "kind": "easy", "rpe": "4"}
            response = client.post(path, run, HTTP_HX_REQUEST="true")
        else:
            path, started = "/pain/new/", time.perf_counter()
            pain = {"date": today, "location": "inner_knee", "side": "left", "during": "2"}
            response = client.post(path, pain, HTTP_HX_REQUEST="true")
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        times.setdefault(path, []).append(time.perf_counter() - started)

    for _ in range(args.warm_up):
        one()
    times.clear()
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    for _ in range(args.requests):
        one()
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - started

    print(f"{args.requests} requests in {elapsed:.1f} s: {1000 * elapsed / args.requests:.1f} ms each on average")
    for path, values in sorted(times.items()):
        print(f"  {path:16s} n={len(values):5d}  mean {1000 * sum(values) / len(values):6.1f} ms")
    if profiler:
        print("(times above include cProfile's own overhead)")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
