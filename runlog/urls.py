"""URL configuration of the whole site: each feature's URLs, Django's auth pages, the admin, the favicon and
the web app manifest and service worker."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from runlog.site import pwa


def favicon(request: HttpRequest) -> HttpResponse:
    """Where browsers look for a page's icon when the page names none (the admin's pages)."""
    return redirect(static("runlog/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    # Home-screen install and offline use: at the root, so the worker's scope is the whole site.
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("offline/", pwa.offline, name="offline"),
    path("", include("runlog.dashboard.urls")),
    # Before the log: a run's own page answers at runs/<id>/, where the log's list keeps its inline entry.
    path("", include("runlog.activity.urls")),
    path("", include("runlog.log.urls")),
    path("", include("runlog.digest.urls")),
    path("", include("runlog.imports.urls")),
    path("", include("injuries.urls")),
    path("", include("runlog.api.urls")),
    path("", include("runlog.sharing.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
