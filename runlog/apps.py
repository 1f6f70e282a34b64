"""App configuration for the training log."""

from django.apps import AppConfig


class RunlogConfig(AppConfig):
    name = "runlog"
    verbose_name = "Training log"

    def ready(self):
        from runlog.log import accounts
        from runlog.log import versions as cache
        from runlog.site import security  # noqa: F401 — connect the log-version signals and failed-login logger

        cache.connect_pain_reports()
        accounts.connect()  # a deleted user's sessions, cache entries and login records go with them
