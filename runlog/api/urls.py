"""URLs of the HTTP API (/api/v1/…) and of the token pages in Settings."""

from django.urls import path

from runlog.api import pages
from runlog.api.views import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("settings/api-tokens/", pages.token_list, name="api_tokens"),
    path("settings/api-tokens/<int:pk>/revoke/", pages.token_revoke, name="api_token_revoke"),
]
