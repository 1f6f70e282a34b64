"""URL configuration of the whole site: each feature's URLs, Django's auth pages and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("runlog.dashboard.urls")),
    path("", include("runlog.log.urls")),
    path("", include("runlog.activity.urls")),
    path("", include("runlog.digest.urls")),
    path("", include("runlog.imports.urls")),
    path("", include("injuries.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
