"""URLs of the weekly digest: the signed unsubscribe link."""

from django.urls import path

from runlog.digest import views

urlpatterns = [
    path("digest/unsubscribe/<str:token>/", views.digest_unsubscribe, name="digest_unsubscribe"),
]
