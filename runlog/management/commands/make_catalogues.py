"""Update the translation catalogues (runlog/locale, and injuries/locale where it exists) from the code."""

import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command

from runlog.site.catalogues import LANGUAGES, MAKEMESSAGES_OPTIONS


@contextmanager
def working_directory(path: Path):
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def make_catalogues(root: Path, packages=("runlog", "injuries"), verbosity: int = 0) -> None:
    for package in packages:
        options = MAKEMESSAGES_OPTIONS[package]
        if package != "runlog" and not (root / package / "locale").is_dir():
            continue  # injuries/locale is made by its own developers; only kept up to date here
        with working_directory(root / options["cwd"]):
            call_command(
                "makemessages",
                locale=list(LANGUAGES),
                ignore_patterns=options["ignore"],
                no_obsolete=True,
                verbosity=verbosity,
            )


class Command(BaseCommand):
    help = "Update the .po catalogues of every language from the code and templates (makemessages, merged)."

    def handle(self, *args, verbosity=1, **options):
        make_catalogues(Path(settings.BASE_DIR), verbosity=verbosity)
