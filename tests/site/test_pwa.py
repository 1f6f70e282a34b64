"""The web app manifest, the service worker and the offline page: what a phone needs to install Runlog on its
home screen and to show something useful without a connection, without any runner's data in them."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from PIL import Image

from runlog.site import pwa
from tests.factories import UserFactory


@pytest.fixture
def client():
    return Client()


def test_the_manifest_names_the_app_its_start_and_its_icons(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["short_name"] == "Runlog"
    assert data["start_url"] == "/" and data["scope"] == "/"
    assert data["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", data["theme_color"]) and re.fullmatch(
        r"#[0-9a-f]{6}", data["background_color"]
    )
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}


def test_every_icon_of_the_manifest_is_a_png_of_its_stated_size(client, db):
    for icon in json.loads(client.get("/manifest.webmanifest").content)["icons"]:
        assert icon["src"].startswith("/static/runlog/icons/")
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
            if icon.get("purpose") == "maskable":
                # Full bleed: the corners are the background, not transparent (a mask would show holes).
                assert image.convert("RGBA").getpixel((0, 0))[3] == 255


def test_the_manifest_is_the_same_for_everyone(client, db):
    anonymous = client.get("/manifest.webmanifest").content
    client.force_login(UserFactory(username="alice"))
    assert client.get("/manifest.webmanifest").content == anonymous
    assert b"alice" not in anonymous


def test_the_worker_is_javascript_for_the_whole_site_and_never_cached_stale(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    # The page's policy allows a worker and a manifest from this origin, and nothing else.
    policy = response["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy


def test_the_worker_keeps_static_files_and_the_offline_page_only(client, db):
    body = client.get("/sw.js").content.decode()
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", body).group(1))
    assert "/offline/" in files
    assert all(name.startswith("/static/") for name in files if name != "/offline/")
    assert "/static/runlog/offline.js" in files and "/static/runlog/site.css" in files
    # Posts are left to the network (the page keeps what could not be sent); pages are never stored.
    assert 'if (request.method !== "GET") return;' in body
    assert "cache.put" not in body


def test_the_worker_cache_is_renamed_when_its_files_change(client, db, monkeypatch):
    first = re.search(r'const CACHE = "(runlog-[0-9a-f]{12})";', client.get("/sw.js").content.decode()).group(1)
    monkeypatch.setattr(pwa, "OFFLINE_FILES", (*pwa.OFFLINE_FILES, "runlog/charts.js"))
    second = re.search(r'const CACHE = "(runlog-[0-9a-f]{12})";', client.get("/sw.js").content.decode()).group(1)
    assert first != second


def test_the_offline_page_has_no_runner_data_and_can_be_cached(client, db):
    client.force_login(UserFactory(username="alice"))
    response = client.get("/offline/")
    assert response.status_code == 200
    assert b"You are offline" in response.content
    assert b"alice" not in response.content
    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("path", ["/manifest.webmanifest", "/sw.js", "/offline/"])
def test_only_get(client, db, path):
    assert client.post(path).status_code == 405


def test_every_page_links_the_manifest_and_registers_the_worker(client, db):
    client.force_login(UserFactory(username="alice"))
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page
    assert '<meta name="theme-color"' in page
    assert 'data-worker="/sw.js"' in page
    assert re.search(r'<script src="/static/runlog/offline.js" nonce="[^"]+" defer>', page)


def test_the_bottom_bar_marks_where_the_runner_is(client, db):
    client.force_login(UserFactory(username="alice"))
    page = client.get("/calendar/").content.decode()
    bar = re.search(r'<nav class="bottom-nav" aria-label="Quick">(.*?)</nav>', page, re.S).group(1)
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', bar)
    assert current == ["/calendar/"]
    assert "<svg" in bar and "http" not in bar  # icons drawn in the page, nothing fetched


def test_no_bottom_bar_when_logged_out(client, db):
    assert 'class="bottom-nav"' not in client.get("/accounts/login/").content.decode()


@override_settings(DEBUG=False)
def test_the_worker_names_hashed_static_files_in_production(db, settings, tmp_path):
    """With the manifest storage, the worker caches the file names a release serves (and a new release,
    with new names, gets a new worker and cache)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    files = pwa.offline_files()
    assert all(re.search(r"\.[0-9a-f]{12}\.\w+$", name) for name in files), files
