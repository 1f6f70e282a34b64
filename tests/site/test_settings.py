"""settings.py: environment-driven, loud on bad values, SQLite in WAL mode by default."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from runlog.settings import map_tiles

ROOT = Path(__file__).resolve().parents[2]


def python(code: str, drop=(), **env) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter in the project, without the variables in `drop`, with `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in drop}
    clean.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def load_settings(**env) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with the given environment."""
    code = "import runlog.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])"
    return python(code, drop={"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}, **env)


def test_development_defaults_need_no_environment():
    result = load_settings()

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DEBUG="0", ALLOWED_HOSTS="runlog.example.com")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings(DEBUG="0", SECRET_KEY="x" * 60)

    assert "ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "maybe"), ("EMAIL_PORT", "twenty-five")])
def test_a_bad_value_fails_loudly(name, value):
    env = {name: value, "EMAIL_HOST": "smtp.example.com"} if name == "EMAIL_PORT" else {name: value}
    result = load_settings(**env)

    assert result.returncode != 0
    assert name in result.stderr


def test_email_host_switches_to_smtp_with_tls_and_a_timeout():
    code = (
        "import runlog.settings as s; o = s.MAILERS['default'];"
        "print(o['BACKEND'], o['OPTIONS']['use_tls'], o['OPTIONS']['timeout'])"
    )
    emails = {k for k in os.environ if k.startswith("EMAIL_")}
    result = python(code, drop=emails, EMAIL_HOST="smtp.example.com", EMAIL_PORT="587")

    assert result.stdout.split() == ["django.core.mail.backends.smtp.EmailBackend", "True", "10"], result.stderr


def test_database_url_switches_to_postgresql():
    result = load_settings(DATABASE_URL="postgres://runlog@db.example.com:5432/runlog")

    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_sqlite_options_follow_the_reliability_page():
    options = settings.SQLITE_OPTIONS

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    assert "synchronous=NORMAL" in options["init_command"]
    assert "foreign_keys=ON" in options["init_command"]


@pytest.mark.django_db
def test_a_live_sqlite_connection_is_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("runs on SQLite; the PostgreSQL run of the suite does not use WAL")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
        cursor.execute("PRAGMA foreign_keys")
        fks = cursor.fetchone()[0]
    # The in-memory test database reports "memory"; a file database reports "wal".
    assert mode in ("wal", "memory")
    assert fks == 1


def test_a_file_database_is_in_wal_mode(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='runlog.settings'; django.setup();"
        "from django.db import connection; c=connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0])"
    )
    result = python(code, drop={"DATABASE_URL"}, SQLITE_PATH=str(tmp_path / "wal.sqlite3"))

    assert result.stdout.strip() == "wal", result.stderr


def test_csp_forbids_inline_script_and_framing(client, db):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]

    assert "object-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "'nonce-" in script


def test_unsafe_requests_without_the_csrf_token_are_refused(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    assert client.post("/runs/new/", {"distance": "5"}).status_code == 403


def cache_settings(**env) -> subprocess.CompletedProcess:
    code = (
        "import runlog.settings as s; c = s.CACHES['default']; print(c['BACKEND'].rsplit('.', 1)[1], c.get('LOCATION'))"
    )
    return python(code, drop={"CACHE_URL", "CACHE_DIR"}, **{"RUNLOG_TESTING": "0", **env})


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["SampledCullFileCache", str(ROOT / ".runlog-cache")]),
        ({"CACHE_DIR": "/srv/runlog/cache"}, ["SampledCullFileCache", "/srv/runlog/cache"]),
        ({"CACHE_URL": "file:///var/cache/runlog"}, ["SampledCullFileCache", "/var/cache/runlog"]),
        ({"CACHE_URL": "locmem://"}, ["LocMemCache", "None"]),
        ({"CACHE_URL": "redis://127.0.0.1:6379/2"}, ["RedisCache", "redis://127.0.0.1:6379/2"]),
    ],
)
def test_cache_url_picks_the_cache(env, expected):
    result = cache_settings(**env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "file://relative/dir", "locmem://name", "redis://"])
def test_an_unsupported_cache_url_fails_loudly(url):
    result = cache_settings(CACHE_URL=url)

    assert result.returncode != 0
    assert "CACHE_URL=" in result.stderr and "is not supported" in result.stderr


def test_the_default_cache_is_shared_by_processes(tmp_path):
    """What one gunicorn worker computed, another one finds: the default cache is on disk."""
    put = "from django.core.cache import cache; cache.set('shared-key', {'acwr': 1.11}, 60)"
    get = "from django.core.cache import cache; print(cache.get('shared-key'))"
    for code, out in ((put, ""), (get, "{'acwr': 1.11}")):
        result = python(
            f"import django; django.setup(); {code}",
            drop={"CACHE_URL", "DATABASE_URL"},
            RUNLOG_TESTING="0",
            CACHE_DIR=str(tmp_path),
            DJANGO_SETTINGS_MODULE="runlog.settings",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == out


def test_the_disk_cache_stays_bounded_while_culling_by_sampling(tmp_path, monkeypatch):
    from runlog.site import diskcache

    monkeypatch.setattr(diskcache, "CULL_EVERY", 5)
    cache = diskcache.SampledCullFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2}})
    for i in range(600):
        cache.set(f"entry-{i}", "<article>…</article>", 60)
    stored = len(list(tmp_path.glob("*.djcache")))
    # A cull halves the directory once it holds 20; at most a run of sets (p = 0.8 ** 100) passes unchecked.
    assert 0 < stored <= 20 + 100


def test_loading_the_app_opens_no_database_connection():
    """gunicorn loads the app once and forks its workers from it (preload_app): a connection opened while
    loading would be one socket shared by every worker."""
    code = (
        "import runlog.wsgi; from django.db import connections;"
        "print(sum(c.connection is not None for c in connections.all()))"
    )
    result = python(code, RUNLOG_TESTING="0", DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="127.0.0.1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("http://127.0.0.1:8081/tiles/{z}/{x}/{-y}{r}.png?key=k-123", "http://127.0.0.1:8081"),
        ("https://Tiles.Example.org:8443/{z}/{y}/{x}", "https://tiles.example.org:8443"),
        ("http://[::1]:9000/{z}/{x}/{y}.png", "http://[::1]:9000"),
    ],
)
def test_a_map_tile_url_gives_the_one_origin_the_csp_adds(url, origin):
    assert map_tiles(f"  {url} ", " © OpenStreetMap contributors ") == (url, "© OpenStreetMap contributors", origin)


def test_no_map_tile_url_means_no_map():
    assert map_tiles(None, None) == ("", "", "")
    assert map_tiles("  ", "© someone") == ("", "", "")


@pytest.mark.parametrize(
    ("url", "attribution", "message"),
    [
        ("tile.openstreetmap.org/{z}/{x}/{y}.png", "©", "must be an http:// or https:// URL"),
        ("ftp://tiles.example.org/{z}/{x}/{y}.png", "©", "must be an http:// or https:// URL"),
        ("https://tiles.example.org/{z}/{x}.png", "©", "lacks {y}"),
        ("https://tiles.example.org/{x}/{y}.png", "©", "lacks {z}"),
        ("https://tiles.example.org/{z}/{x}/{y}/{style}.png", "©", "has {style}"),
        ("https://tiles.example.org/{z}/{x}/{y}}.png", "©", "unclosed brace"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "©", "no {s} subdomains"),
        ("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", "©", "user name or password"),
        ("https://tiles.example.org;script-src:443/{z}/{x}/{y}", "©", "not a plain name"),
        ("https://tiles.example.org;script-src/{z}/{x}/{y}", "©", "not a plain name"),
        ("https://tiles.example.org/{z}/{x}/{y}.png 'unsafe-inline'", "©", "has spaces"),
        ("https://tiles.example.org:http/{z}/{x}/{y}.png", "©", "not a URL"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "", "MAP_TILE_ATTRIBUTION must be set"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", '<a href="x">OSM</a>', "plain text"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "© a\nsecond line", "one line"),
    ],
)
def test_a_malformed_map_tile_setting_fails_loudly(url, attribution, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        map_tiles(url, attribution)


def test_a_map_tile_url_adds_its_host_to_the_csp_img_src_and_nothing_else():
    code = "import json, runlog.settings as s; print(json.dumps(s.SECURE_CSP))"
    plain = python(code, drop={"MAP_TILE_URL", "MAP_TILE_ATTRIBUTION"})
    mapped = python(code, MAP_TILE_URL="https://tile.openstreetmap.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© OSM")

    before, after = json.loads(plain.stdout), json.loads(mapped.stdout)
    assert before["img-src"] == ["'self'", "data:"]
    assert after["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert {k: v for k, v in after.items() if k != "img-src"} == {k: v for k, v in before.items() if k != "img-src"}


def test_the_app_refuses_to_start_with_a_malformed_map_tile_url():
    result = load_settings(MAP_TILE_URL="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="©")

    assert result.returncode != 0
    assert "MAP_TILE_URL" in result.stderr and "ImproperlyConfigured" in result.stderr
