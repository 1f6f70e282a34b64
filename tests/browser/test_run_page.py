"""A run's own page and the records page in a real browser: no script errors or CSP violations on the
desktop, no horizontal scrolling at 390 px; with a tile URL set, the route on a map whose tiles come from a
tile server the test serves on 127.0.0.1."""

import io
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from runlog.imports.files import Upload, import_files
from runlog.log.models import profile_for
from runlog.settings import content_security_policy, map_tiles

from .conftest import SHOTS

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")


def demo_with_a_watch_run():
    call_command("seed_demo", stdout=io.StringIO())
    demo = get_user_model().objects.get(username="demo")
    data = (TESTDATA / "fit/runpandas_run.fit").read_bytes()
    import_files(profile_for(demo), [Upload("runpandas_run.fit", data)])
    return demo.runs.get(recording__original_name="runpandas_run.fit")


def log_in(page, base):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")


def test_the_run_page_draws_its_route_and_charts_without_errors(live_server, page, shot):
    run = demo_with_a_watch_run()
    log_in(page, live_server.url)

    page.goto(f"{live_server.url}/runs/")
    page.locator("article.entry a", has_text="Details").first.click()  # the latest run's page
    expect(page.locator("h1")).to_contain_text("run")
    page.goto(f"{live_server.url}/runs/{run.pk}/")

    expect(page.locator("h1")).to_contain_text("5.8 km")
    expect(page.locator("svg.route path")).to_be_visible()
    expect(page.locator(".line-chart")).to_have_count(4)  # elevation, pace, heart rate, step rate
    page.locator("details summary", has_text="The same as a table").click()
    expect(page.locator("details table tbody tr").first).to_be_visible()
    shot(page, "run")
    page.click("text=Your records")
    expect(page.locator("h1")).to_have_text("Records and totals")
    shot(page, "records")


@pytest.mark.parametrize("which", ["run", "records"])
def test_the_run_page_and_records_fit_a_390_px_phone(live_server, phone, shot, which):
    run = demo_with_a_watch_run()
    log_in(phone, live_server.url)

    phone.goto(live_server.url + (f"/runs/{run.pk}/" if which == "run" else "/records/"))

    width = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, which)
    assert width <= 390, f"{which} is {width}px wide"


def png_tile(size: int = 256) -> bytes:
    """A pale green PNG tile with a darker edge, so the tiles show in a screenshot."""
    edge, fill = b"\x9c\xc4\x9c", b"\xe3\xf2\xe3"
    rows = b"".join(
        b"\x00" + b"".join(edge if 0 in (row, column) else fill for column in range(size)) for row in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def tile_server():
    """A tile server on 127.0.0.1 answering every /tiles/z/x/y.png with the same PNG; it notes each path."""
    tile = png_tile()
    requested = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):
            requested.append(self.path)
            if not self.path.startswith("/tiles/"):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.requested = requested
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_with_a_tile_url_the_route_is_drawn_on_tiles_from_that_host_only(
    live_server, browser, settings, tile_server, shot
):
    port = tile_server.server_address[1]
    url, attribution, origin = map_tiles(f"http://127.0.0.1:{port}/tiles/{{z}}/{{x}}/{{y}}.png", "Test tiles")
    settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION = url, attribution
    settings.SECURE_CSP = content_security_policy(origin)
    run = demo_with_a_watch_run()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    errors, hosts = [], set()
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    phone.on("console", lambda msg: errors.append(msg.text) if msg.type in ("error", "warning") else None)
    phone.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    log_in(phone, live_server.url)

    phone.goto(f"{live_server.url}/runs/{run.pk}/")

    expect(phone.locator("#route-map")).to_have_attribute("data-drawn", "true")
    expect(phone.locator("#route-map .leaflet-overlay-pane path.leaflet-interactive")).to_have_count(3)  # line, 2 dots
    expect(phone.locator("#route-map img.leaflet-tile-loaded").first).to_be_visible()
    expect(phone.locator("svg.route")).to_be_hidden()  # the map replaces the SVG; the SVG stays for no-JavaScript
    expect(phone.locator("#route-map .leaflet-control-attribution")).to_contain_text("Test tiles")
    line = phone.locator("#route-map .leaflet-overlay-pane path.leaflet-interactive").first
    assert len(line.get_attribute("d")) > 100
    box = phone.locator("#route-map").bounding_box()
    assert box["width"] <= 390 and box["height"] > 200
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "route-on-tiles")
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.locator("#route").screenshot(path=str(SHOTS / "route-on-tiles-390px-map.png"))  # the map at full size
    context.close()

    assert errors == []  # no script error, no CSP violation
    tiles = [path for path in tile_server.requested if path.startswith("/tiles/")]
    assert tiles and all(path.endswith(".png") for path in tiles)
    live = urlsplit(live_server.url).netloc
    assert hosts == {live, f"127.0.0.1:{port}"}, hosts  # the app and the tile server, nothing else
    assert urlsplit(live_server.url).hostname in ("127.0.0.1", "localhost")


def test_without_javascript_the_route_stays_an_svg_even_with_a_tile_url(live_server, browser, settings, tile_server):
    port = tile_server.server_address[1]
    url, attribution, origin = map_tiles(f"http://127.0.0.1:{port}/tiles/{{z}}/{{x}}/{{y}}.png", "Test tiles")
    settings.MAP_TILE_URL, settings.MAP_TILE_ATTRIBUTION = url, attribution
    settings.SECURE_CSP = content_security_policy(origin)
    run = demo_with_a_watch_run()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url)

    page.goto(f"{live_server.url}/runs/{run.pk}/")

    expect(page.locator("svg.route path")).to_be_visible()
    expect(page.locator("#route-map")).to_be_hidden()
    context.close()
    assert tile_server.requested == []  # no tile is fetched for a page that cannot draw the map
