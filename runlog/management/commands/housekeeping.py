"""Forgets what has served its purpose: create forms' one-time tokens older than a day."""

from django.core.management.base import BaseCommand

from runlog.site import submissions


class Command(BaseCommand):
    help = "Forget the one-time tokens of create forms posted more than a day ago. Run it daily (cron)."

    def handle(self, *args, **options) -> None:
        pruned = submissions.prune()
        self.stdout.write(f"forgot {pruned} form token{'' if pruned == 1 else 's'} older than a day")
