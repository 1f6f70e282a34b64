"""Draw the home-screen icons (PNG) from runlog/static/runlog/favicon.svg with Debian's Chromium.

    .venv/bin/python tests/tools/make_icons.py

Writes icon-192.png, icon-512.png (the favicon as it is) and icon-maskable-192.png, icon-maskable-512.png
(the mark on a full-bleed background, inside the middle 70 % so a round or squircle mask keeps it whole)
to runlog/static/runlog/icons/.
"""

import base64
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SVG = (ROOT / "runlog" / "static" / "runlog" / "favicon.svg").read_text()
OUT = ROOT / "runlog" / "static" / "runlog" / "icons"
BACKGROUND = "#1d2430"  # the favicon's own background
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def page_for(size: int, maskable: bool) -> str:
    src = "data:image/svg+xml;base64," + base64.b64encode(SVG.encode()).decode()
    mark = round(size * 0.7) if maskable else size
    return (
        f"<html><body style='margin:0;width:{size}px;height:{size}px;display:grid;place-items:center;"
        f"background:{BACKGROUND if maskable else 'transparent'}'>"
        f"<img src='{src}' width='{mark}' height='{mark}'></body></html>"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for size in (192, 512):
            for maskable in (False, True):
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(page_for(size, maskable))
                name = f"icon-{'maskable-' if maskable else ''}{size}.png"
                page.screenshot(path=str(OUT / name), omit_background=not maskable)
                page.close()
                print(OUT / name)
        browser.close()


if __name__ == "__main__":
    main()
