"""URLs of the training log: runs, shoes, cross-training, settings and the account."""

from django.contrib.auth import views as auth_views
from django.urls import path

from runlog.log import crud, views

urlpatterns = [
    *crud.routes(views.RUNS, "runs", list_view=views.run_list),
    *crud.routes(views.SHOES, "shoes"),
    path("shoes/<int:pk>/retire/", views.shoe_retire, name="shoe_retire"),
    *crud.routes(views.CROSS_TRAINING, "cross-training"),
    path("settings/", views.profile, name="profile"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/email/", views.email_change, name="email_change"),
    path("accounts/email/verify/", views.email_resend, name="email_resend"),
    path("accounts/email/confirm/<str:token>/", views.email_confirm, name="email_confirm"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
]
