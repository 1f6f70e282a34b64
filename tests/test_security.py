"""The promises of docs/reliability.md that a test can prove: throttling, sessions, passwords, CSP, CSRF,
logging, production settings and SQLite under concurrent writers."""

import datetime as dt
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from injuries.models import PainReport
from runlog.api.tokens import create_token
from runlog.log.models import CrossTraining, Run, Shoe
from runlog.sharing.models import CalendarFeed, ClinicianShare
from tests.conftest import PASSWORD
from tests.factories import PainReportFactory, ReturnPlanFactory, RunFactory, ShoeFactory, UserFactory

ROOT = Path(__file__).resolve().parents[1]


def login(client: Client, username: str, password: str, ip: str = "10.0.0.1"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


# Login throttling ----------------------------------------------------------------------------------


def test_five_failures_lock_the_username_and_ip_even_with_the_right_password(alice):
    client = Client()
    for _ in range(4):
        assert login(client, "alice", "wrong-password").status_code == 200
    assert login(client, "alice", "wrong-password").status_code in (200, 429)  # the fifth failure locks

    locked = login(client, "alice", PASSWORD)

    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert login(Client(), "alice", PASSWORD, ip="10.0.0.2").status_code == 302  # another IP is unaffected


START = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("minutes", "status"), [(10, 429), (14, 429), (16, 302)])
def test_the_lockout_lasts_15_minutes(alice, minutes, status):
    # An attempt while locked out counts as a failure too, so each case makes a single try.
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            login(Client(), "alice", "wrong-password")
    with time_machine.travel(START + dt.timedelta(minutes=minutes), tick=False):
        assert login(Client(), "alice", PASSWORD).status_code == status


def test_four_failures_then_success_resets_the_count(alice):
    for _ in range(4):
        login(Client(), "alice", "wrong-password")
    assert login(Client(), "alice", PASSWORD).status_code == 302
    for _ in range(4):
        login(Client(), "alice", "wrong-password")

    assert login(Client(), "alice", PASSWORD).status_code == 302


# Sessions ------------------------------------------------------------------------------------------


@pytest.fixture(params=["no cache", "cache"])
def session_cache(request, settings):
    """Sessions are read through the cache (cached_db): every session promise holds with and without one."""
    from django.core.cache import cache

    if request.param == "cache":
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def test_the_session_key_changes_at_login(alice, session_cache):
    client = Client()
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key

    login(client, "alice", PASSWORD)

    assert client.session.session_key != before


def test_logout_ends_the_session_on_the_server(alice, session_cache):
    client = Client()
    login(client, "alice", PASSWORD)
    key = client.cookies["sessionid"].value
    assert client.get("/runs/").status_code == 200  # read once, so a cache holds it

    client.post("/accounts/logout/")

    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/runs/").status_code == 302
    replay = Client()  # a copy of the old cookie is worth nothing either
    replay.cookies["sessionid"] = key
    assert replay.get("/runs/").status_code == 302


def test_a_password_change_logs_out_other_sessions(alice, session_cache):
    laptop, phone = Client(), Client()
    login(laptop, "alice", PASSWORD)
    login(phone, "alice", PASSWORD, ip="10.0.0.9")
    assert phone.get("/runs/").status_code == 200
    new = "another-long-passphrase-42"

    response = laptop.post(
        "/accounts/password_change/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )

    assert response.status_code == 302
    assert laptop.get("/runs/").status_code == 200  # the session that changed it stays in
    assert phone.get("/runs/").status_code == 302  # every other session is out


# Passwords -----------------------------------------------------------------------------------------


def test_all_four_validators_and_a_minimum_of_ten(settings):
    names = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]

    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] >= 10


def production_settings(code: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    clean.update(DEBUG="0", SECRET_KEY="x" * 64, ALLOWED_HOSTS="runlog.example.com", RUNLOG_TESTING="0", **env)
    result = subprocess.run(
        [sys.executable, "-c", f"import runlog.settings as s; print({code})"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_hashes_with_argon2():
    assert production_settings("s.PASSWORD_HASHERS[0]") == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_production_cookies_and_hsts():
    values = production_settings(
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT"
    )

    assert values == "True True Lax True 31536000 True"


# Content Security Policy ---------------------------------------------------------------------------


def check_csp(response, path):
    if "text/html" not in response.get("Content-Type", ""):
        return
    policy = response.get("Content-Security-Policy", "")
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy, f"{path}: {directive} missing in {policy!r}"
    script = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "unsafe-inline" not in script and "unsafe-eval" not in script, path


# The API answers bearer tokens with JSON (no cookie, so no CSRF): tests/api walks it, its schema fuzzed.
API_PATTERNS = ("api/", "^api/")


def pages(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if str(entry.pattern).startswith(API_PATTERNS):
            continue
        if isinstance(entry, URLResolver):
            if not str(entry.pattern).startswith("admin/"):
                yield from pages(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry, prefix + str(entry.pattern)


@pytest.fixture
def alice_log(alice):
    return {
        "run": RunFactory(user=alice),
        "shoe": ShoeFactory(user=alice),
        "pain": PainReportFactory(user=alice),
        "plan": ReturnPlanFactory(user=alice),
        "xt": CrossTraining.objects.create(
            user=alice, start=dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC), duration_s=1800
        ),
    }


def concrete_paths(alice, log):
    from runlog.digest.unsubscribe import unsubscribe_token
    from runlog.imports.models import ImportBatch

    batch = ImportBatch.objects.create(user=alice, status="done")
    feed = CalendarFeed.objects.create(user=alice)
    values = {
        "pk": None,
        "slug": "pain-red-flag",
        "token": unsubscribe_token(alice),
        "day": "2026-11-20",
        "key": feed.key,
    }
    for pattern, path in pages():
        if pattern.name in ("password_reset_confirm",):
            continue
        name = pattern.name or ""
        prefix = name.split("_")[0]
        pk = {
            "run": log["run"],
            "shoe": log["shoe"],
            "xt": log["xt"],
            "pain": log["pain"],
            "import": batch,
            "plan": log["plan"],
            "session": log["run"],  # a plan session's pain
            "api": create_token(alice, "phone")[0],
            "share": ClinicianShare.create(
                alice,
                start_date=dt.date(2026, 9, 3),
                end_date=dt.date(2026, 11, 25),
                expires_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC),
            )[0],
        }.get(prefix)
        concrete = path
        if "<int:pk>" in path:
            concrete = path.replace("<int:pk>", str(pk.pk))
        for key, value in values.items():
            concrete = concrete.replace(f"<slug:{key}>", str(value)).replace(f"<str:{key}>", str(value))
        yield name, "/" + concrete


def test_every_html_response_carries_the_policy(alice, alice_log, alice_client, admin_client):
    seen = 0
    for _name, path in concrete_paths(alice, alice_log):
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = alice_client.get(path, **headers)
            check_csp(response, path)
            seen += 1
    for path in ("/no-such-page/", "/runs/999999/edit/"):
        response = alice_client.get(path)
        assert response.status_code == 404
        check_csp(response, path)
    for path in ("/admin/", "/admin/runlog/run/", "/admin/injuries/advice/"):
        check_csp(admin_client.get(path), path)
    check_csp(Client().get("/accounts/login/"), "/accounts/login/")
    assert seen > 40


def test_the_csrf_failure_page_has_the_policy_and_is_logged(alice, caplog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    with caplog.at_level(logging.WARNING, logger="runlog.security"):
        response = client.post("/runs/new/", {"distance": "5"})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    check_csp(response, "csrf failure")
    assert any("csrf failure" in r.getMessage() and "/runs/new/" in r.getMessage() for r in caplog.records)


# CSRF ----------------------------------------------------------------------------------------------


def test_htmx_requests_pass_with_the_token_in_the_header(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get("/runs/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/runs/new/",
        {"date": "2026-11-20", "distance": "5", "duration": "30:00", "kind": "easy"},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 200
    assert Run.objects.filter(user=alice).count() == 1


def test_the_only_csrf_exempt_view_is_the_one_click_unsubscribe():
    exempt = {pattern.name for pattern, _ in pages() if getattr(pattern.callback, "csrf_exempt", False)}

    assert exempt == {"digest_unsubscribe"}


def snapshot():
    return [list(m.objects.order_by("pk").values()) for m in (Run, Shoe, CrossTraining, PainReport)]


def test_no_get_changes_anything(alice, alice_log, alice_client):
    before = snapshot()
    for _, path in concrete_paths(alice, alice_log):
        alice_client.get(path)
        alice_client.get(path, HTTP_HX_REQUEST="true")

    assert snapshot() == before


# Logging -------------------------------------------------------------------------------------------


def test_security_events_are_logged_without_secrets(alice, bob_client, caplog):
    run = RunFactory(user=alice)
    with caplog.at_level(logging.INFO, logger="runlog.security"):
        login(Client(), "alice", "hunter2-wrong-password", ip="10.1.2.3")
        bob_client.get(f"/runs/{run.pk}/edit/")
        bob_client.post("/import/", {})
    text = "\n".join(r.getMessage() for r in caplog.records)

    assert "login failed username='alice' ip=10.1.2.3 path=/accounts/login/" in text
    assert f"ownership denied user={bob_client.session['_auth_user_id']} path=/runs/{run.pk}/edit/" in text
    assert "upload rejected" in text
    assert "hunter2" not in text
    assert bob_client.cookies["sessionid"].value not in text


# SQLite ----------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_eight_threads_of_read_then_write_transactions_never_see_a_locked_database():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite locking; PostgreSQL uses row locks")
    users = [UserFactory(username=f"t{i}") for i in range(8)]
    errors: list[Exception] = []

    def writer(user):
        try:
            for i in range(100):
                with transaction.atomic():
                    count = Run.objects.filter(user=user).count()  # read, then write in one transaction
                    Run.objects.create(
                        user=user,
                        start=dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i),
                        distance_m=1000 + count,
                        duration_s=600,
                    )
        except OperationalError as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Run.objects.count() == 800
