"""URLs of the HTTP API (/api/v1/…) and of the token pages in Settings."""

from django.urls import path, re_path

from runlog.api import pages
from runlog.api.views import api, not_found_anywhere

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", not_found_anywhere),
    path("settings/api-tokens/", pages.token_list, name="api_tokens"),
    path("settings/api-tokens/<int:pk>/revoke/", pages.token_revoke, name="api_token_revoke"),
]
