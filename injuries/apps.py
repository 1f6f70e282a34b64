"""App configuration for pain reports, advice and the risk engine."""

from django.apps import AppConfig


class InjuriesConfig(AppConfig):
    name = "injuries"
    verbose_name = "Injuries and advice"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from injuries.models import PainReport, ReturnPlan
        from runlog.log.versions import log_changed

        # Pain reports and plans are part of the log: saving or deleting one gives the runner a new log version.
        for model in (PainReport, ReturnPlan):
            post_save.connect(log_changed, sender=model, dispatch_uid=f"log-version-save-{model.__name__}")
            post_delete.connect(log_changed, sender=model, dispatch_uid=f"log-version-delete-{model.__name__}")
