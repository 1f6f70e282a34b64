"""URLs of the runner's overview: home, its panels, and the calendar."""

from django.urls import path

from runlog.dashboard import calendar, views

urlpatterns = [
    path("", views.home, name="home"),
    path("week/", views.week_panel, name="week_panel"),
    path("charts/", views.charts_panel, name="charts_panel"),
    path("panels/", views.risk_and_charts_panels, name="dashboard_panels"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/<str:day>/", calendar.calendar_day, name="calendar_day"),
]
