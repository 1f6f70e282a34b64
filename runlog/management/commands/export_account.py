"""manage.py export_account USERNAME [-o FILE]: the JSON account export."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from runlog.importers.account_json import export_document, export_json
from runlog.models import profile_for


class Command(BaseCommand):
    help = "Write a runner's whole log as the JSON account export (stdout, or -o FILE)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, username, output, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no runner called {username!r}")
        profile = profile_for(user)
        text = export_json(profile)
        if not output:
            self.stdout.write(text)
            return
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
        doc = export_document(profile)
        self.stdout.write(
            f"Exported {username} to {output}: {len(doc['runs'])} runs, {len(doc['shoes'])} shoes, "
            f"{len(doc['cross_training'])} cross-training sessions, {len(doc['pain_reports'])} pain reports."
        )
