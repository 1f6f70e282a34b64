"""What makes Runlog installable on a phone's home screen and usable offline: the web app manifest, the
service worker (served from the site root so its scope is the whole site) and the page it shows when a
page cannot be loaded offline. None of them carries a runner's data: the worker caches static files and
the offline page only, so logging out on a shared phone leaves nothing of the runner's pages readable."""

from __future__ import annotations

import hashlib
import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

THEME_COLOR = "#1d2430"  # the top bar (--ink) and the icon's background
BACKGROUND_COLOR = "#f6f7f9"  # the page (--bg)
# What the worker keeps for offline use: the look of every page and the scripts that queue a run or a
# pain report. Never a page with a runner's data in it.
OFFLINE_FILES = (
    "runlog/site.css",
    "runlog/site.js",
    "runlog/offline.js",
    "runlog/favicon.svg",
    "runlog/icons/icon-192.png",
    "django_htmx/htmx-2.min.js",
)


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request: HttpRequest) -> HttpResponse:
    icons = [
        {"src": static(f"runlog/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ] + [
        {
            "src": static(f"runlog/icons/icon-maskable-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable",
        }
        for size in (192, 512)
    ]
    data = {
        "name": _("Runlog: a training log that warns before it hurts"),
        "short_name": "Runlog",
        "description": _("Log a run in seconds; see overuse warnings before an injury."),
        "id": reverse("home"),
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
        "shortcuts": [
            {"name": _("Log a run"), "url": reverse("home")},
            {"name": _("Report pain"), "url": reverse("pain_new")},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


def offline_files() -> list[str]:
    return [static(name) for name in OFFLINE_FILES]


@require_GET
@cache_control(no_cache=True, max_age=0)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker's script. Its cache is named after the files it keeps (their hashed names in production),
    so a release with new files installs a new worker and drops the old cache."""
    files = [*offline_files(), reverse("offline")]
    version = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
    body = render_to_string(
        "site/sw.js",
        {
            "files_json": json.dumps(files),
            "cache_name": json.dumps(f"runlog-{version}"),
            "offline_url": json.dumps(reverse("offline")),
            "static_prefix": json.dumps(static("")),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("home")
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def offline(request: HttpRequest) -> HttpResponse:
    """The page the worker shows for a page that cannot be loaded offline: the same for everyone."""
    return render(request, "site/offline.html")
