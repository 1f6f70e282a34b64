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
            changed = (
                "its clinician share had stopped working, so there is a new one"
                if result.share_url
                else "nothing changed"
            )
            self.stdout.write(f"Demo runner {username!r} already exists; {changed}.")
        else:
            self.stdout.write(
                f"Created demo runner {username!r}: {result.runs} runs, {result.cross_training} cross-training "
                f"sessions, {result.pain_reports} pain reports, {result.shoes} shoes."
            )
        if result.share_url:
            # Shown once: only the link's hash is stored (Settings → Share with a clinician makes more).
            self.stdout.write(f"Clinician share of the last 12 weeks (works 14 days): {result.share_url}")
