"""URLs of the calendar feed and the clinician shares (secret addresses) and their Settings pages."""

from django.urls import path

from runlog.sharing import views

urlpatterns = [
    path("calendar/<str:key>.ics", views.calendar_feed, name="calendar_feed"),
    path("settings/calendar/", views.calendar_settings, name="calendar_settings"),
    path("share/<str:token>/", views.clinician_share, name="clinician_share"),
    path("share/<str:token>/report.pdf", views.clinician_share_pdf, name="clinician_share_pdf"),
    path("settings/shares/", views.share_settings, name="share_settings"),
    path("settings/shares/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
]
