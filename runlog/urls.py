"""URL configuration of the whole site."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from runlog.dashboard import calendar as calendar_view
from runlog.digest import views as views_digest
from runlog.imports import views as views_io
from runlog.log import views

urlpatterns = [
    path("", views.home, name="home"),
    path("week/", views.week_panel, name="week_panel"),
    path("charts/", views.charts_panel, name="charts_panel"),
    path("calendar/", calendar_view.calendar_page, name="calendar"),
    path("calendar/<str:day>/", calendar_view.calendar_day, name="calendar_day"),
    path("runs/", views.run_list, name="run_list"),
    path("runs/new/", views.run_new, name="run_new"),
    path("runs/<int:pk>/", views.run_item, name="run_item"),
    path("runs/<int:pk>/edit/", views.run_edit, name="run_edit"),
    path("runs/<int:pk>/delete/", views.run_delete, name="run_delete"),
    path("shoes/", views.shoe_list, name="shoe_list"),
    path("shoes/new/", views.shoe_new, name="shoe_new"),
    path("shoes/<int:pk>/", views.shoe_item, name="shoe_item"),
    path("shoes/<int:pk>/edit/", views.shoe_edit, name="shoe_edit"),
    path("shoes/<int:pk>/delete/", views.shoe_delete, name="shoe_delete"),
    path("shoes/<int:pk>/retire/", views.shoe_retire, name="shoe_retire"),
    path("cross-training/", views.xt_list, name="xt_list"),
    path("cross-training/new/", views.xt_new, name="xt_new"),
    path("cross-training/<int:pk>/", views.xt_item, name="xt_item"),
    path("cross-training/<int:pk>/edit/", views.xt_edit, name="xt_edit"),
    path("cross-training/<int:pk>/delete/", views.xt_delete, name="xt_delete"),
    path("settings/", views.profile, name="profile"),
    path("digest/unsubscribe/<str:token>/", views_digest.digest_unsubscribe, name="digest_unsubscribe"),
    path("import/", views_io.import_page, name="import_page"),
    path("import/<int:pk>/", views_io.import_detail, name="import_detail"),
    path("import/<int:pk>/undo/", views_io.import_undo, name="import_undo"),
    path("export/account.json", views_io.export_account_json, name="export_account_json"),
    path("export/account.zip", views_io.export_account_zip, name="export_account_zip"),
    path("export/runs.csv", views_io.export_runs_csv, name="export_runs_csv"),
    path("export/cross-training.csv", views_io.export_cross_training_csv, name="export_cross_training_csv"),
    path("", include("injuries.urls")),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/email/", views.email_change, name="email_change"),
    path("accounts/email/verify/", views.email_resend, name="email_resend"),
    path("accounts/email/confirm/<str:token>/", views.email_confirm, name="email_confirm"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
