"""App configuration for the training log."""

from django.apps import AppConfig


class RunlogConfig(AppConfig):
    name = "runlog"
    verbose_name = "Training log"

    def ready(self):
        # Connect the log-version signals and the failed-login logger.
        from runlog.log import accounts, versions  # noqa: F401
        from runlog.sharing import pdf  # noqa: F401  (its system check: is WeasyPrint with Pango there?)
        from runlog.site import security  # noqa: F401

        accounts.connect()  # a deleted user's sessions, cache entries and login records go with them
