"""manage.py resume_imports: queue again the imports whose worker died (run from cron, e.g. every 5 minutes)."""

from django.core.management.base import BaseCommand

from runlog.imports.tasks import requeue_stale_imports


class Command(BaseCommand):
    help = "Queue again the waiting imports no worker has reported on for IMPORT_STALE_SECONDS."

    def handle(self, *args, **options):
        queued = requeue_stale_imports()
        self.stdout.write(f"{queued} import(s) queued again.")
