"""manage.py import_activities USERNAME PATH… [--dry-run]: GPX/TCX/FIT(.gz), Strava/Garmin CSV, zip, JSON."""

from contextlib import ExitStack
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from runlog.imports.files import Upload, import_files, megabytes, upload_limit
from runlog.imports.tasks import import_now, reports_of
from runlog.log.models import profile_for


class Command(BaseCommand):
    help = "Import activity files for a runner; prints created / duplicates / rejected per file."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="parse and check everything, save nothing")

    def handle(self, *args, username, paths, dry_run, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no runner called {username!r}")
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                raise CommandError(f"{raw}: no such file")
            limit = upload_limit(path.name)
            if path.stat().st_size > limit:
                raise CommandError(f"{raw}: larger than {megabytes(limit)}")
        with ExitStack() as stack:
            opened = [(Path(raw).name, stack.enter_context(Path(raw).open("rb"))) for raw in paths]
            if dry_run:
                reports = import_files(profile_for(user), [Upload(name, f) for name, f in opened], dry_run=True)
            else:
                # The same pipeline as an upload: a batch that always ends with its report and can be undone.
                batch = import_now(user, [(name, File(f, name=name)) for name, f in opened])
                reports = reports_of(batch)
        for report in reports:
            self.stdout.write(report.summary())
        created = sum(r.created for r in reports)
        duplicates = sum(r.duplicates for r in reports)
        rejected_files = [r for r in reports if r.file_rejected]
        rejected_rows = sum(len(r.rejected) for r in reports if not r.file_rejected)
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {len(reports)} file(s) for {username}: {created} created, {duplicates} duplicates, "
            f"{rejected_rows} rows rejected, {len(rejected_files)} files rejected."
        )
        if rejected_files:
            raise CommandError(f"{len(rejected_files)} file(s) rejected: " + "; ".join(r.name for r in rejected_files))
