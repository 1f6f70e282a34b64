"""Digest throughput: 2,000 runners with a year of history, rendered and delivered to a local SMTP server.

Run with `make bench`. Prints runners per second and queries per runner for one process (--inline) and
for two `db_worker` processes sharing the queue.
"""

import datetime as dt
import io
import os
import random
import time
import zoneinfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from runlog.digest.models import DigestDelivery
from runlog.log.models import CrossTraining, Profile, Run
from tests.digest.test_digest_smtp import Handler, free_port
from tests.imports.test_worker import run_db_workers

RUNNERS = int(os.environ.get("BENCH_DIGEST_RUNNERS", "2000"))
NOW = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)  # Monday 08:00 in Berlin


def populate():
    rng = random.Random(7)
    User = get_user_model()
    User.objects.bulk_create(
        [User(username=f"runner{i}", email=f"runner{i}@example.com", password="!") for i in range(RUNNERS)],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="runner").order_by("pk"))
    Profile.objects.bulk_create(
        [
            Profile(user=u, timezone="Europe/Berlin", digest_weekday=0, verified_email=u.email, email_verified_at=NOW)
            for u in users
        ]
    )
    tz = zoneinfo.ZoneInfo("Europe/Berlin")
    runs, sessions = [], []
    for user in users:
        for offset in range(1, 366):
            day = dt.date(2026, 11, 29) - dt.timedelta(days=offset)
            if rng.random() < 0.55:
                km = rng.uniform(5, 18)
                runs.append(
                    Run(
                        user=user,
                        start=dt.datetime.combine(day, dt.time(7), tz),
                        distance_m=km * 1000,
                        duration_s=int(km * 330),
                        kind="easy",
                        rpe=rng.choice([3, 4, 5]),
                    )
                )
            elif rng.random() < 0.2:
                sessions.append(
                    CrossTraining(
                        user=user,
                        start=dt.datetime.combine(day, dt.time(18), tz),
                        activity="strength",
                        duration_s=1800,
                        rpe=5,
                    )
                )
        if len(runs) > 20000:
            Run.objects.bulk_create(runs, batch_size=5000)
            runs = []
    Run.objects.bulk_create(runs, batch_size=5000)
    CrossTraining.objects.bulk_create(sessions, batch_size=5000)


@pytest.fixture
def smtp(settings):
    handler, port = Handler(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    yield handler, port
    controller.stop()


@pytest.mark.django_db(transaction=True)
def test_digest_throughput(smtp, settings, capsys):
    handler, port = smtp
    started = time.perf_counter()
    populate()
    print(f"\npopulated {RUNNERS} runners, {Run.objects.count()} runs in {time.perf_counter() - started:.0f} s")

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(1)
        return execute(sql, params, many, context)

    with time_machine.travel(NOW, tick=True), connection.execute_wrapper(count):
        started = time.perf_counter()
        call_command("send_weekly_digests", "--inline", "--now", NOW.isoformat(), stdout=io.StringIO())
        inline_s = time.perf_counter() - started
    assert len(handler.messages) == RUNNERS
    one = RUNNERS / inline_s
    print(
        f"one process (--inline): {inline_s:.1f} s, {one:.0f} runners/s, "
        f"{len(executed) / RUNNERS:.2f} queries per runner"
    )

    results = {}
    for workers in (1, 2):
        DigestDelivery.objects.all().delete()
        handler.messages.clear()
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        with time_machine.travel(NOW, tick=True):
            call_command("send_weekly_digests", "--now", NOW.isoformat(), stdout=io.StringIO())
        started = time.perf_counter()
        run_db_workers(workers, smtp_port=port, timeout=1800)
        elapsed = time.perf_counter() - started
        assert len(handler.messages) == RUNNERS
        results[workers] = RUNNERS / elapsed
        print(f"{workers} db_worker process(es): {elapsed:.1f} s, {results[workers]:.0f} runners/s")
    print(f"speed-up with two workers: {results[2] / results[1]:.2f}x")
