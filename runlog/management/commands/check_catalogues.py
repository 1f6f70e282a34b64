"""Fail when a language is not complete: a catalogue missing, a message untranslated or fuzzy, or a string
marked in the code that its catalogue does not have yet (make_catalogues was not run)."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from runlog.site.catalogues import LANGUAGES, catalogue_path, parse_po, problems

PACKAGES = ("runlog", "injuries")
SHOWN = 5  # msgids listed per problem


def _fresh_keys(root: Path) -> dict[tuple[str, str], set]:
    """The msgids the code marks now: make_catalogues run in a copy of the tree, read back."""
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / "tree"
        skip = shutil.ignore_patterns("__pycache__", "*.mo", ".venv", "node_modules", "media", "staticfiles")
        for name in ("runlog", "injuries", "templates"):
            shutil.copytree(root / name, copy / name, ignore=skip)
        shutil.copy(root / "manage.py", copy / "manage.py")
        code = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'runlog.settings'); django.setup(); "
        code += "from pathlib import Path; from runlog.management.commands.make_catalogues import make_catalogues; "
        code += "make_catalogues(Path.cwd())"
        subprocess.run([sys.executable, "-c", code], cwd=copy, check=True, capture_output=True)
        found = {}
        for package in PACKAGES:
            for language in LANGUAGES:
                path = catalogue_path(copy, package, language)
                if path.exists():
                    found[(package, language)] = {entry.key for entry in parse_po(path)[1]}
        return found


class Command(BaseCommand):
    help = "Check that every catalogue of every language is complete, not fuzzy, and up to date with the code."

    def add_arguments(self, parser):
        parser.add_argument("--no-stale-check", action="store_true", help="Skip the comparison with the code.")

    def handle(self, *args, no_stale_check=False, **options):
        root = Path(settings.BASE_DIR)
        fresh = {} if no_stale_check else _fresh_keys(root)
        failures = []
        for package in PACKAGES:
            for language in LANGUAGES:
                path = catalogue_path(root, package, language)
                where = path.relative_to(root)
                if not path.exists():
                    failures.append(f"{where}: missing")
                    continue
                header, entries = parse_po(path)
                for kind, msgids in problems(header, entries).items():
                    if msgids:
                        shown = "; ".join(repr(m[:60]) for m in msgids[:SHOWN])
                        failures.append(f"{where}: {len(msgids)} {kind} ({shown}{' …' if len(msgids) > SHOWN else ''})")
                missing = fresh.get((package, language), set()) - {entry.key for entry in entries}
                if missing:
                    shown = "; ".join(repr(msgid[:60]) for _, msgid in sorted(missing, key=str)[:SHOWN])
                    failures.append(
                        f"{where}: stale, {len(missing)} marked strings missing ({shown}); run make messages"
                    )
                if options["verbosity"]:
                    done = sum(1 for entry in entries if entry.translated and not entry.fuzzy)
                    self.stdout.write(f"{where}: {done} of {len(entries)} translated")
        if failures:
            raise CommandError("The catalogues are not complete:\n  " + "\n  ".join(failures))
        self.stdout.write("Every catalogue is complete and up to date.")
