"""URLs of one activity's pages: a run's own page, its samples, splits and original file, and the records."""

from django.urls import path

from runlog.activity import views

urlpatterns = [
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/samples/", views.run_samples, name="run_samples"),
    path("runs/<int:pk>/splits/", views.run_splits, name="run_splits"),
    path("runs/<int:pk>/original/", views.run_original, name="run_original"),
    path("records/", views.records_page, name="records"),
]
