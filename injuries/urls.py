"""URLs of pain reports, advice and the risk panel."""

from django.urls import path

from . import views

urlpatterns = [
    path("pain/", views.pain_list, name="pain_list"),
    path("pain/new/", views.pain_new, name="pain_new"),
    path("pain/<int:pk>/", views.pain_item, name="pain_item"),
    path("pain/<int:pk>/edit/", views.pain_edit, name="pain_edit"),
    path("pain/<int:pk>/delete/", views.pain_delete, name="pain_delete"),
    path("pain/<int:pk>/morning/", views.pain_morning, name="pain_morning"),
    path("risk/panel/", views.risk_panel, name="risk_panel"),
    path("advice/", views.advice_list, name="advice_list"),
    path("advice/<slug:slug>/", views.advice_detail, name="advice_detail"),
]
