"""App configuration for pain reports, advice and the risk engine."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InjuriesConfig(AppConfig):
    name = "injuries"
    verbose_name = _("Injuries and advice")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from injuries.models import PainReport, ReturnPlan
        from injuries.risk.text import install_renderer
        from injuries.texts import RENDERER
        from runlog.log.versions import log_changed

        # The engine's texts are said in the runner's language wherever they are shown (injuries/texts.py).
        install_renderer(RENDERER)

        # Pain reports and plans are part of the log: saving or deleting one gives the runner a new log version.
        for model in (PainReport, ReturnPlan):
            post_save.connect(log_changed, sender=model, dispatch_uid=f"log-version-save-{model.__name__}")
            post_delete.connect(log_changed, sender=model, dispatch_uid=f"log-version-delete-{model.__name__}")
