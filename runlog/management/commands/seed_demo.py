"""manage.py seed_demo [--username U --password P]: the demo runner with six months of history."""

from django.core.management.base import BaseCommand

from runlog.demo import seed_demo


class Command(BaseCommand):
    help = "Create the demo runner (demo / demo-password) with ~6 months of history. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")
        parser.add_argument("--password", default="demo-password")

    def handle(self, *args, username, password, **options):
        result = seed_demo(username, password)
        if not result.created:
            self.stdout.write(f"Demo runner {username!r} already exists; nothing changed.")
            return
        self.stdout.write(
            f"Created demo runner {username!r}: {result.runs} runs, {result.cross_training} cross-training sessions, "
            f"{result.pain_reports} pain reports, {result.shoes} shoes."
        )
