"""App configuration for pain reports, advice and the risk engine."""

from django.apps import AppConfig


class InjuriesConfig(AppConfig):
    name = "injuries"
    verbose_name = "Injuries and advice"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from injuries.models import PainReport
        from runlog.log.versions import log_changed

        # A pain report is part of the log: saving or deleting one gives the runner a new log version.
        post_save.connect(log_changed, sender=PainReport, dispatch_uid="log-version-save-PainReport")
        post_delete.connect(log_changed, sender=PainReport, dispatch_uid="log-version-delete-PainReport")
