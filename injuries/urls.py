"""URLs of pain reports, advice and the risk panel."""

from django.urls import path

from runlog.log import crud

from . import views

urlpatterns = [
    *crud.routes(views.PAIN, "pain"),
    path("pain/<int:pk>/morning/", views.pain_morning, name="pain_morning"),
    path("risk/panel/", views.risk_panel, name="risk_panel"),
    path("advice/", views.advice_list, name="advice_list"),
    path("advice/<slug:slug>/", views.advice_detail, name="advice_detail"),
]
