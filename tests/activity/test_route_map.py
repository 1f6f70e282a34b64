"""The route on map tiles (MAP_TILE_URL): off by default, so the run page fetches nothing from outside; on,
the page loads Leaflet from our own static files, hands it the route less its privacy zone, and the CSP
lets images come from the tile host and nothing else changes."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from runlog.settings import content_security_policy, map_tiles
from tests.factories import RunFactory, recorded_run

TILES = "https://tiles.example.org/osm/{z}/{x}/{y}.png"
METRES_PER_DEGREE = 111_195  # as in recorded_run: its latitude grows by distance / 111,195


@pytest.fixture
def tiles(settings):
    settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION, origin = map_tiles(TILES, "© OpenStreetMap contributors")
    settings.SECURE_CSP = content_security_policy(origin)
    return settings


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def map_data(html: str) -> dict:
    (attribute,) = re.findall(r'id="route-map"[^>]*data-json="([^"]*)"', html)
    return json.loads(unescape(attribute))


def test_without_a_tile_url_the_run_page_loads_no_map_and_names_no_outside_host(alice, alice_client):
    run = recorded_run(alice)

    response = alice_client.get(reverse("run_detail", args=[run.pk]))

    html = response.content.decode()
    assert '<path d="M' in html  # the SVG route
    assert "route-map" not in html and "leaflet" not in html.lower()
    assert "://" not in html  # no host at all but this one (every link and asset is a relative path)
    assert directives(response["Content-Security-Policy"])["img-src"] == ["'self'", "data:"]


def test_with_a_tile_url_the_page_draws_the_route_on_tiles_from_our_own_copy_of_leaflet(alice, alice_client, tiles):
    run = recorded_run(alice)

    html = alice_client.get(reverse("run_detail", args=[run.pk])).content.decode()

    assert re.search(r'<link rel="stylesheet" href="/static/runlog/vendor/leaflet/leaflet.css">', html)
    assert re.search(r'<script src="/static/runlog/vendor/leaflet/leaflet.js" nonce="[^"]+">', html)
    assert re.search(r'<script src="/static/runlog/routemap.js" nonce="[^"]+">', html)
    assert '<path d="M' in html  # the SVG stays, for a browser without JavaScript
    data = map_data(html)
    assert data["tiles"] == TILES
    assert data["attribution"] == "© OpenStreetMap contributors"
    assert html.count("tiles.example.org") == 1  # only in the map's data: every script and style is our own


def test_the_map_gets_only_the_points_outside_the_privacy_zone(alice, alice_client, tiles):
    # recorded_run: 10 km due north along 8° E from 47° N, a sample every 33⅓ m (every 10 s at 5:00/km).
    run = recorded_run(alice)

    (line,) = map_data(alice_client.get(reverse("run_detail", args=[run.pk])).content.decode())["lines"]

    first_shown, last_shown = 47 + 200 / METRES_PER_DEGREE, 47 + 9800 / METRES_PER_DEGREE  # 47.001799°, 47.088133°
    # Within 0.1 m (1e-6°, the map's rounding of the stored 1e-7°); the next samples are 33⅓ m (3e-4°) away.
    assert line[0] == pytest.approx([47.001799, 8.0], abs=1e-6)  # the sample at 200.0 m (60 s)
    assert line[-1] == pytest.approx([47.088133, 8.0], abs=1e-6)  # the sample at 9800.0 m (2940 s)
    assert all(first_shown - 1e-6 <= lat <= last_shown + 1e-6 and lon == 8.0 for lat, lon in line)
    assert len(line) == 289  # 60 s to 2940 s, every 10 s
    # The samples at 166⅔ m and 9833⅓ m, just inside the zones, are not sent.
    assert min(lat for lat, _ in line) > 47.0016 and max(lat for lat, _ in line) < 47.0883


def test_the_privacy_zone_setting_applies_to_the_map(alice, alice_client, tiles):
    tiles.RUNLOG_PRIVACY_ZONE_M = 1000
    run = recorded_run(alice)

    (line,) = map_data(alice_client.get(reverse("run_detail", args=[run.pk])).content.decode())["lines"]

    assert line[0] == pytest.approx([47.008993, 8.0], abs=1e-6)  # 47 + 1000 / 111,195: the sample at 1000 m (300 s)
    assert line[-1] == pytest.approx([47.080939, 8.0], abs=1e-6)  # 47 + 9000 / 111,195: at 9000 m (2700 s)
    assert len(line) == 241  # 300 s to 2700 s, every 10 s


def test_the_csp_lets_images_come_from_the_tile_host_and_changes_nothing_else(alice, alice_client, settings):
    run = recorded_run(alice)
    url = reverse("run_detail", args=[run.pk])
    before = directives(alice_client.get(url)["Content-Security-Policy"])
    settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION, origin = map_tiles(TILES, "© OpenStreetMap contributors")
    settings.SECURE_CSP = content_security_policy(origin)

    after = directives(alice_client.get(url)["Content-Security-Policy"])

    assert after["img-src"] == ["'self'", "data:", "https://tiles.example.org"]
    nonce = re.compile(r"'nonce-[^']+'")
    same = {name: [nonce.sub("'nonce'", v) for v in values] for name, values in before.items() if name != "img-src"}
    assert {
        name: [nonce.sub("'nonce'", v) for v in values] for name, values in after.items() if name != "img-src"
    } == same
    assert not any("unsafe" in value for values in after.values() for value in values)


def test_a_manual_run_has_no_map_even_with_a_tile_url(alice, alice_client, tiles):
    run = RunFactory(user=alice)

    html = alice_client.get(reverse("run_detail", args=[run.pk])).content.decode()

    assert "route-map" not in html and "leaflet" not in html.lower()
