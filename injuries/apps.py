"""App configuration for pain reports, advice and the risk engine."""

from django.apps import AppConfig


class InjuriesConfig(AppConfig):
    name = "injuries"
    verbose_name = "Injuries and advice"
