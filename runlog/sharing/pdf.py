"""The clinician share as PDF: the same HTML, rendered by WeasyPrint with the print stylesheet.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0 and libpangoft2-1.0-0). Without it the
import fails; the share page still works (the browser's Print → Save as PDF gives the same report), the
PDF link answers a clear message, and `manage.py check` warns (runlog.W001).

The HTML carries its stylesheet inline and its charts as inline SVG, so nothing needs fetching: the URL
fetcher refuses every URL, and no page can make the server reach the network or read a file.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from django.core import checks

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
INSTALL_HINT = f"apt-get install {PANGO_PACKAGES}"

try:
    import weasyprint
except (ImportError, OSError) as error:  # OSError: WeasyPrint is there but Pango is not
    weasyprint = None
    IMPORT_ERROR = str(error).splitlines()[0] if str(error) else type(error).__name__
else:
    IMPORT_ERROR = ""

log = logging.getLogger("runlog.security")
STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "runlog" / "share.css"


class FetchRefused(ValueError):
    pass


if weasyprint is not None:

    class RefusingFetcher(weasyprint.URLFetcher):
        """Nothing is fetched while rendering (no network, no file, no data: URL): the report holds
        everything it shows. WeasyPrint leaves out what it could not fetch and goes on."""

        def fetch(self, url, headers=None):
            log.warning("clinician share pdf refused to fetch url=%.120s", url)
            raise FetchRefused(f"no fetching while rendering a share: {url[:120]}")


@cache
def stylesheet() -> str:
    """The share page's stylesheet, put inline in the HTML WeasyPrint reads."""
    return STYLESHEET.read_text(encoding="utf-8")


def available() -> bool:
    return weasyprint is not None


def render(html: str) -> bytes:
    """The PDF of a share page's HTML (A4, the page's own print stylesheet)."""
    if weasyprint is None:
        raise RuntimeError(f"WeasyPrint cannot run: {IMPORT_ERROR}. Install Pango: {INSTALL_HINT}")
    document = weasyprint.HTML(string=html, url_fetcher=RefusingFetcher(), base_url="about:blank")
    return document.write_pdf()


@checks.register()
def check_weasyprint(app_configs=None, **kwargs):
    if weasyprint is not None:
        return []
    return [
        checks.Warning(
            f"The clinician share's PDF cannot be made: {IMPORT_ERROR}.",
            hint=f"Install Pango ({INSTALL_HINT} on Debian or Ubuntu) and WeasyPrint (pip install weasyprint). "
            "The share page works without it; its PDF link explains what is missing.",
            id="runlog.W001",
        )
    ]
