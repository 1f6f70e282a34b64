"""Load test: gunicorn on 127.0.0.1, 50 simulated runners, 80 % reads / 20 % writes, then reconciliation.

    python tests/load/loadtest.py --database sqlite            # or: --database postgres --pg-url URL
    make load                                                   # both, with the defaults below

It creates a throw-away database, seeds the runners, starts gunicorn in production mode (two gthread
workers), drives a paced open-loop load for a bounded time from this process, stops everything and
checks the database for every write the server acknowledged. Traffic goes to 127.0.0.1 only.
Prints requests/s, p50/p95/p99 per request class, errors, "database is locked" errors and lost writes;
exits 1 if a target is missed (0 errors, 0 lock errors, 0 lost writes, fragment p95 <= 300 ms).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "load-test-passphrase-1"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env() -> dict:
    """Production mode on plain HTTP over the loopback address, tasks run inline."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": "load-test-" + uuid.uuid4().hex * 2,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_HOST": "127.0.0.1",
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }


def environment(args, port: int) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SQLITE_PATH", "RUNLOG_TESTING", "CACHE_URL", "CACHE_DIR")
    }
    env.update(
        production_env(),
        ALLOWED_HOSTS="127.0.0.1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(args.workers),
        GUNICORN_ACCESSLOG="",
        PYTHONUNBUFFERED="1",
    )
    if args.cache == "file":
        env["CACHE_DIR"] = os.path.join(args.tmp, "cache")
    elif args.cache == "locmem":
        env["CACHE_URL"] = "locmem://"
    else:
        env["CACHE_URL"] = args.redis_url
    if args.database == "sqlite":
        env["SQLITE_PATH"] = args.sqlite_path
    else:
        env["DATABASE_URL"] = args.pg_url
    return env


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


SEED = """
import datetime as dt, zoneinfo
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from runlog.models import Profile, Run, Shoe
User = get_user_model()
hashed = make_password({password!r})
users = User.objects.bulk_create([User(username=f"load{{i}}", email=f"load{{i}}@example.com", password=hashed)
                                  for i in range({runners})])
Profile.objects.bulk_create([Profile(user=u, timezone="Europe/Berlin") for u in users])
tz = zoneinfo.ZoneInfo("Europe/Berlin")
today = dt.datetime.now(tz).date()
runs = []
for u in users:
    shoe = Shoe.objects.create(user=u, name="Trainers")
    for d in range(1, 120):
        if d % 7 not in (0, 3):
            day = today - dt.timedelta(days=d)
            runs.append(Run(user=u, shoe=shoe, start=dt.datetime.combine(day, dt.time(7), tz),
                            distance_m=6000 + (d % 5) * 1500, duration_s=1900 + (d % 5) * 500, rpe=4))
Run.objects.bulk_create(runs, batch_size=2000)
"""


def seed(env, runners: int):
    code = SEED.format(password=PASSWORD, runners=runners)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True)


class Session:
    """One simulated runner with its own cookies.

    Each request opens its own connection, as a runner's browser does after an idle moment: with 50
    keep-alive connections opened once, gunicorn's workers would keep whichever connections they accepted
    at login and one worker would do most of the work while the other idles.
    """

    def __init__(self, port: int, username: str):
        self.port = port
        self.username = username
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, body: dict | None = None, htmx: bool = False):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Host": "127.0.0.1",
            "Connection": "close",
        }
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        if htmx:
            headers["HX-Request"] = "true"
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            content = response.read()
        finally:
            self.conn.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, dict(response.getheaders())

    def login(self):
        status, page, _ = self.request("GET", "/accounts/login/")
        token = CSRF_RE.search(page.decode()).group(1)
        status, _, headers = self.request(
            "POST",
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        if status != 302:
            raise RuntimeError(f"login of {self.username} failed with {status}")
        self.request("GET", "/runs/")  # picks up the csrftoken cookie


READS = [
    ("page", "/", False),
    ("page", "/runs/", False),
    ("fragment", "/week/", True),
    ("fragment", "/risk/panel/", True),
    ("fragment", "/runs/?page=2", True),
    ("fragment", "/charts/", True),
]


def runner_loop(session: Session, deadline: float, interval: float, results: list, acknowledged: dict, rng):
    today = time.strftime("%Y-%m-%d")
    next_at = time.perf_counter() + rng.uniform(0, interval)
    while True:
        next_at += rng.expovariate(1 / interval)
        now = time.perf_counter()
        if next_at > deadline:
            return
        if next_at > now:
            time.sleep(next_at - now)
        marker = ""
        if rng.random() < 0.8:
            kind, path, htmx = rng.choice(READS)
            method, body = "GET", None
        elif rng.random() < 0.7:
            marker = f"lt-{uuid.uuid4().hex[:12]}"
            kind, path, htmx, method = "write", "/runs/new/", True, "POST"
            body = {
                "date": today,
                "time": "00:01",
                "distance": f"{rng.uniform(3, 15):.2f}",
                "duration": "45:00",
                "kind": "easy",
                "rpe": "4",
                "notes": marker,
            }
        else:
            marker = f"lt-{uuid.uuid4().hex[:12]}"
            kind, path, htmx, method = "write", "/pain/new/", True, "POST"
            body = {
                "date": today,
                "location": "inner_knee",
                "side": "left",
                "during": str(rng.randint(0, 4)),
                "notes": marker,
            }
        started = time.perf_counter()
        try:
            status, content, headers = session.request(method, path, body, htmx)
        except Exception as exc:  # noqa: BLE001 — counted as an error
            results.append((kind, time.perf_counter() - started, 0, str(exc)))
            continue
        elapsed = time.perf_counter() - started
        note = "locked" if b"database is locked" in content else ""
        results.append((kind, elapsed, status, note))
        if method == "POST" and status == 200 and "logChanged" in headers.get("HX-Trigger-After-Settle", ""):
            acknowledged[session.username].append((path, marker))


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


RECONCILE = """
import json, sys
from runlog.models import Run
from injuries.models import PainReport
markers = set(json.loads(sys.stdin.read()))
found = set(Run.objects.filter(notes__startswith="lt-").values_list("notes", flat=True))
found |= set(PainReport.objects.filter(notes__startswith="lt-").values_list("notes", flat=True))
print(json.dumps({"missing": sorted(markers - found), "found": len(found & markers)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/runlog_load")
    parser.add_argument("--runners", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--rate", type=float, default=110.0, help="requests per second offered, all runners")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cache", choices=["file", "locmem", "redis"], default="file", help="file: the default (shared on disk)"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()
    tmp = args.tmp = tempfile.mkdtemp(prefix="runlog-load-")
    args.sqlite_path = os.path.join(tmp, "load.sqlite3")
    port = free_port()
    env = environment(args, port)

    if args.database == "postgres":
        name = args.pg_url.rsplit("/", 1)[1]
        admin = args.pg_url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    if args.cache == "redis":  # a fresh database reuses user ids: start from an empty cache
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    seed(env, args.runners)

    log_path = os.path.join(tmp, "gunicorn.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "runlog.wsgi", "-c", "runlog/gunicorn_conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/accounts/login/")
                break
            except OSError:
                time.sleep(0.2)
        sessions = [Session(port, f"load{i}") for i in range(args.runners)]
        for session in sessions:
            session.login()
        results: list = []
        acknowledged: dict = defaultdict(list)
        interval = args.runners / args.rate
        started = time.perf_counter()
        deadline = started + args.duration
        threads = [
            threading.Thread(target=runner_loop, args=(s, deadline, interval, results, acknowledged, random.Random(i)))
            for i, s in enumerate(sessions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.duration + 120)
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    import json

    markers = [m for writes in acknowledged.values() for _, m in writes]
    reconcile = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", RECONCILE],
        cwd=ROOT,
        env=env,
        input=json.dumps(markers),
        capture_output=True,
        text=True,
        check=True,
    )
    outcome = json.loads(reconcile.stdout.strip().splitlines()[-1])
    server_log = Path(log_path).read_text()
    lock_errors = sum(1 for r in results if r[3] == "locked") + server_log.count("database is locked")
    errors = [r for r in results if not (200 <= r[2] < 400)]

    print(
        f"\nLoad test on {args.database}: {args.runners} runners, {args.duration:.0f} s, "
        f"offered {args.rate:.0f} req/s, gunicorn {args.workers} workers x {os.environ.get('GUNICORN_THREADS', 2)} "
        f"threads, {args.cache} cache"
    )
    print(f"requests: {len(results)} in {elapsed:.1f} s = {len(results) / elapsed:.1f} req/s")
    for kind in ("page", "fragment", "write"):
        times = [r[1] * 1000 for r in results if r[0] == kind]
        if times:
            print(
                f"  {kind:9s} n={len(times):5d}  p50 {percentile(times, 50):6.1f} ms"
                f"  p95 {percentile(times, 95):6.1f} ms"
                f"  p99 {percentile(times, 99):6.1f} ms  mean {statistics.mean(times):6.1f} ms"
            )
    print(
        f"errors: {len(errors)}  lock errors: {lock_errors}  acknowledged writes: {len(markers)}  "
        f"found: {outcome['found']}  lost: {len(outcome['missing'])}"
    )
    if errors:
        print("  first errors:", errors[:5])
    fragment_p95 = percentile([r[1] * 1000 for r in results if r[0] == "fragment"], 95)
    ok = not errors and not lock_errors and not outcome["missing"] and fragment_p95 <= 300
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
