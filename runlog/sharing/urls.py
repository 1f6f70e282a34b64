"""URLs of the calendar feed (a secret address) and its Settings page."""

from django.urls import path

from runlog.sharing import views

urlpatterns = [
    path("calendar/<str:key>.ics", views.calendar_feed, name="calendar_feed"),
    path("settings/calendar/", views.calendar_settings, name="calendar_settings"),
]
