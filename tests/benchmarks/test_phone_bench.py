"""The home page on a phone, measured in a real Chromium at 390 x 844 (a cold cache, the demo runner):

- the page weight: HTML + CSS + JS transferred (response headers and bodies as the browser received them);
- where the quick "log today's run" form starts (its top, in px from the top of the page);
- the time from opening the home page to a saved run: go to /, fill distance and time, tap Save, until the
  run is in the list (the median of seven fresh journeys, each with a new browser context, the service
  worker allowed as on a real phone).

The page weight is that of the page itself (service workers blocked, so that every byte is counted on the
network); where the site has a service worker, its one-time download (the worker and the files it keeps
for offline use, once per release) is printed on its own line.

    RUNLOG_BENCH=1 .venv/bin/python -m pytest -q -s -p no:randomly tests/benchmarks/test_phone_bench.py
"""

import io
import json
import os
import statistics
import time

import pytest
from django.core.management import call_command

from runlog.log.models import Run

pytestmark = pytest.mark.django_db(transaction=True)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS"}
ROUNDS = 7


def _log_in(context, base):
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "demo-password")
    page.click("main button[type=submit]")
    page.wait_for_url(base + "/")
    page.close()


def _weight(context, base) -> dict[str, int]:
    """Bytes of HTML, CSS and JS the home page transfers on a first visit (nothing cached), as Chromium's
    network layer counts them (encodedDataLength: headers and body as they came over the wire)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds, sizes = {}, {}
    cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], (e["type"], e["response"]["url"])))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(base + "/", wait_until="networkidle")
    totals = dict.fromkeys(KINDS.values(), 0)
    for request_id, (kind, url) in kinds.items():
        label = KINDS.get(kind.lower())
        if label is not None and url.startswith(base):
            totals[label] += int(sizes.get(request_id, 0))
    totals["form top px"] = round(page.locator("#run-new-form").bounding_box()["y"])
    page.close()
    return totals


def _worker_download(browser, base) -> int | None:
    """Bytes of the worker's script and of the files it keeps, fetched once; None without a worker."""
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    response = page.request.get(base + "/sw.js")
    if not response.ok:
        context.close()
        return None
    body = response.text()
    start = body.index("const FILES = ") + len("const FILES = ")
    files = json.loads(body[start : body.index(";", start)])
    total = len(response.body()) + sum(len(page.request.get(base + name).body()) for name in files)
    context.close()
    return total


def _journey(context, base, n: int) -> float:
    page = context.new_page()
    began = time.perf_counter()
    page.goto(base + "/")
    form = page.locator("#run-new-form")
    form.locator("#id_distance").fill(f"{5 + n}.3")
    form.locator("#id_duration").fill("31:00")
    form.locator("button[type=submit]").click()
    page.locator("#run-items").get_by_text(f"{5 + n}.3 km").first.wait_for()
    elapsed = time.perf_counter() - began
    page.close()
    return elapsed


def test_the_home_page_on_a_phone(live_server):
    from playwright.sync_api import sync_playwright

    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(**PHONE, service_workers="block")
        _log_in(context, base)
        weight = _weight(context, base)
        context.close()
        worker = _worker_download(browser, base)
        times = []
        before = Run.objects.count()
        for n in range(ROUNDS):
            context = browser.new_context(**PHONE, service_workers=os.environ.get("SW", "allow"))
            _log_in(context, base)
            times.append(_journey(context, base, n))
            context.close()
        browser.close()
    assert Run.objects.count() == before + ROUNDS
    total = weight["HTML"] + weight["CSS"] + weight["JS"]
    parts = ", ".join(f"{kind} {weight[kind]} B" for kind in KINDS.values())
    print(f"\nhome page at 390 px: {parts}, total {total} B")
    print(f"quick log form starts at {weight['form top px']} px (the viewport is 844 px high)")
    if worker is not None:
        print(f"service worker, once per release: {worker} B (the worker and the files it keeps offline)")
    each = [round(t * 1000) for t in times]
    print(f"open home -> saved run: median {statistics.median(times) * 1000:.0f} ms of {each}")
