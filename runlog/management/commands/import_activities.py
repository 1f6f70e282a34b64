"""manage.py import_activities USERNAME PATH… [--dry-run]: GPX/TCX/FIT(.gz), Strava/Garmin CSV, zip, JSON."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from runlog.importers import Upload, finish_batch, import_files
from runlog.importers.base import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
from runlog.models import ImportBatch, profile_for


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
        uploads = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                raise CommandError(f"{raw}: no such file")
            limit = MAX_ARCHIVE_BYTES if path.suffix.lower() == ".zip" else MAX_FILE_BYTES
            if path.stat().st_size > limit:
                raise CommandError(f"{raw}: larger than {limit // (1024 * 1024)} MB")
            uploads.append(Upload(path.name, path.read_bytes()))
        profile = profile_for(user)
        batch = None
        if not dry_run:
            batch = ImportBatch.objects.create(
                user=user,
                label=", ".join(u.name for u in uploads)[:200],
                status=ImportBatch.Status.RUNNING,
                total_files=len(uploads),
            )
        reports = import_files(profile, uploads, batch=batch, dry_run=dry_run)
        if batch is not None:
            finish_batch(batch, reports)
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
