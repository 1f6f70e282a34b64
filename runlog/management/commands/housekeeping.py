"""Forgets what has served its purpose: create forms' one-time tokens and finished task results older than a day."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from runlog.site import submissions

# A finished task's row keeps its arguments (a password reset's typed address, known or not): a day is
# enough to look into a failure, and no longer than the form tokens are kept.
TASK_RESULTS_KEPT = dt.timedelta(days=1)


def prune_task_results(now: dt.datetime | None = None) -> int:
    """Delete task results that finished (done or failed) more than TASK_RESULTS_KEPT ago; returns how many."""
    cutoff = (now or timezone.now()) - TASK_RESULTS_KEPT
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Forget the one-time tokens of create forms posted, and the results of tasks finished, more than a day "
        "ago. Run it daily (cron)."
    )

    def handle(self, *args, **options) -> None:
        tokens = submissions.prune()
        results = prune_task_results()
        self.stdout.write(f"forgot {_plural(tokens, 'form token')} older than a day")
        self.stdout.write(f"forgot {_plural(results, 'finished task result')} older than a day")
