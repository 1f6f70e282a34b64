"""Time of the password-reset answer for a known and an unknown address: Django's stock view, which looks
the address up and sends the mail inside the request, against Runlog's, which only queues a task.

    .venv/bin/python tests/load/reset_timing.py [--requests 150]

A throwaway SQLite database and a local SMTP server (aiosmtpd) stand in for production; tasks go to the
database backend (no worker runs, so Runlog's mails stay queued, as they would until a worker takes them).
Prints the median and 90th percentile per case and the known − unknown difference of the medians.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]


class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def configure(port: int) -> None:
    folder = tempfile.mkdtemp(prefix="runlog-reset-timing-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "runlog.settings",
            "RUNLOG_TESTING": "0",
            "SQLITE_PATH": str(Path(folder) / "db.sqlite3"),
            "CACHE_URL": "locmem://",
            "TASKS_BACKEND": "database",
            "ALLOWED_HOSTS": "testserver",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "EMAIL_USE_TLS": "0",
            "THROTTLE_RESET_PER_IP": "1000000",
            "THROTTLE_RESET_PER_ADDRESS": "1000000",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=150, help="requests per case")
    args = parser.parse_args()
    port = free_port()
    smtp = Controller(Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    configure(port)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth import views as auth_views
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.urls import path

    import runlog.urls

    call_command("migrate", verbosity=0)
    get_user_model().objects.create_user("known", "known@example.com", "a-long-enough-passphrase")
    urls = type(sys)("reset_timing_urls")
    urls.urlpatterns = [path("stock-reset/", auth_views.PasswordResetView.as_view()), *runlog.urls.urlpatterns]
    sys.modules["reset_timing_urls"] = urls

    client = Client()
    cases = {
        (view, who): []
        for view in ("stock Django view (mail sent in the request)", "Runlog (task queued)")
        for who in ("known", "unknown")
    }
    routes = {
        "stock Django view (mail sent in the request)": "/stock-reset/",
        "Runlog (task queued)": "/accounts/password_reset/",
    }
    with override_settings(ROOT_URLCONF="reset_timing_urls"):
        for (view, who), _ in cases.items():  # warm up templates and connections
            client.post(routes[view], {"email": f"{who}@example.com"})
        for _ in range(args.requests):
            for (view, who), times in cases.items():  # interleaved, so drift hits every case alike
                start = time.perf_counter()
                response = client.post(routes[view], {"email": f"{who}@example.com"})
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 302, response.status_code
    smtp.stop()

    print(f"{args.requests} requests per case, milliseconds")
    medians = {}
    for (view, who), times in cases.items():
        medians[view, who] = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"  {view:48} {who:8} median {medians[view, who]:6.2f}  p90 {p90:6.2f}")
    for view in routes:
        gap = medians[view, "known"] - medians[view, "unknown"]
        print(f"  {view:48} known − unknown: {gap:+.2f} ms")


if __name__ == "__main__":
    main()
