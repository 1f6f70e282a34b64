"""manage.py export_account USERNAME [-o FILE] [--archive]: the account export (version 2), JSON or ZIP."""

import os
import sys
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from runlog.imports.account_json import write_archive, write_json
from runlog.log.models import profile_for


class Command(BaseCommand):
    help = (
        "Write a runner's whole log as the account export (version 2): account.json, or with --archive a ZIP "
        "holding account.json and the original files. To standard output, or -o FILE."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--archive", action="store_true", help="a ZIP with account.json and files/… instead of plain JSON"
        )

    def handle(self, *args, username, output, archive, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no runner called {username!r}")
        profile = profile_for(user)
        write = write_archive if archive else write_json
        # Built whole into a temporary file first: a failure leaves no half-written backup behind.
        folder = Path(output).resolve().parent if output else None
        if folder is not None and not folder.is_dir():
            raise CommandError(f"cannot write {output}: no such folder {folder}")
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".runlog-export-", delete=False) as spool:
            try:
                counts = write(profile, spool)
            except BaseException:
                spool.close()
                os.unlink(spool.name)
                raise
        try:
            if output:
                os.replace(spool.name, output)
            else:
                self._to_stdout(Path(spool.name), binary=archive)
        except OSError as exc:
            raise CommandError(f"cannot write {output or 'standard output'}: {exc.strerror}") from None
        finally:
            if os.path.exists(spool.name):
                os.unlink(spool.name)
        if output:
            self.stdout.write(
                f"Exported {username} to {output}: {counts['runs']} runs, {counts['shoes']} shoes, "
                f"{counts['cross_training']} cross-training sessions, {counts['pain_reports']} pain reports."
            )

    def _to_stdout(self, path: Path, binary: bool) -> None:
        if not binary:
            with path.open(encoding="utf-8") as source:
                while chunk := source.read(1024 * 1024):
                    self.stdout.write(chunk, ending="")
            return
        stream = getattr(self.stdout._out, "buffer", None)
        if stream is None or (stream is sys.stdout.buffer and sys.stdout.isatty()):
            raise CommandError("--archive writes a ZIP: give -o FILE (or redirect standard output to a file)")
        with path.open("rb") as source:
            while chunk := source.read(1024 * 1024):
                stream.write(chunk)
        stream.flush()
