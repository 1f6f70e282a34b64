"""URLs of getting a log in and out: uploads, their progress and undo, the exports."""

from django.urls import path

from runlog.imports import views

urlpatterns = [
    path("import/", views.import_page, name="import_page"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/undo/", views.import_undo, name="import_undo"),
    path("import/<int:pk>/undo/confirm/", views.import_undo_confirm, name="import_undo_confirm"),
    path("export/account.json", views.export_account_json, name="export_account_json"),
    path("export/account.zip", views.export_account_zip, name="export_account_zip"),
    path("export/runs.csv", views.export_runs_csv, name="export_runs_csv"),
    path("export/cross-training.csv", views.export_cross_training_csv, name="export_cross_training_csv"),
]
