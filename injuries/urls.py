"""URLs of pain reports, return-to-run plans, advice and the risk panel."""

from django.urls import path

from runlog.log import crud

from . import views

urlpatterns = [
    path("pain/episodes/", views.pain_episodes, name="pain_episodes"),
    *crud.routes(views.PAIN, "pain"),
    path("pain/<int:pk>/morning/", views.pain_morning, name="pain_morning"),
    path("risk/panel/", views.risk_panel, name="risk_panel"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/start/", views.plan_start, name="plan_start"),
    path("plans/today/", views.plan_today, name="plan_today"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/pause/", views.plan_pause, name="plan_pause"),
    path("plans/<int:pk>/resume/", views.plan_resume, name="plan_resume"),
    path("plans/<int:pk>/end/", views.plan_end, name="plan_end"),
    path("plans/session/<int:pk>/pain/", views.session_pain, name="session_pain"),
    path("advice/", views.advice_list, name="advice_list"),
    path("advice/<slug:slug>/", views.advice_detail, name="advice_detail"),
]
