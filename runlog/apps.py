"""App configuration for the training log."""

from django.apps import AppConfig


class RunlogConfig(AppConfig):
    name = "runlog"
    verbose_name = "Training log"

    def ready(self):
        # Connect the log-version signals and the failed-login logger.
        from runlog.log import accounts, versions  # noqa: F401
        from runlog.site import security  # noqa: F401

        accounts.connect()  # a deleted user's sessions, cache entries and login records go with them
