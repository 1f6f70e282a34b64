"""Real-browser tests: Playwright driving Debian's Chromium against the live test server.

Screenshots of every step go to artifacts/screenshots/ (kept by CI as artefacts).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        return  # in CI a missing browser must fail, not skip
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console", lambda msg: errors.append(f"{page.url}: {msg.text} {msg.location}") if msg.type == "error" else None
    )
    page.errors = errors
    yield page
    context.close()
    # A form answered 422 shows its errors: the browser logs the status, nothing is wrong. Anything else
    # (a script error, a CSP violation, an htmx swap without a target) fails the journey.
    unexpected = [e for e in errors if "the server responded with a status of 422" not in e]
    assert unexpected == [], unexpected


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def shot(request):
    SHOTS.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 100))

    def take(page, name: str):
        node = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
        page.screenshot(path=str(SHOTS / f"{node}-{next(counter):02d}-{name}.png"), full_page=True)

    return take
