"""App configuration for the training log."""

from django.apps import AppConfig


class RunlogConfig(AppConfig):
    name = "runlog"
    verbose_name = "Training log"

    def ready(self):
        from . import security  # noqa: F401 — connects the failed-login logger
