"""Compile every .po catalogue to the .mo file Django loads (without GNU gettext's msgfmt)."""

from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand

from runlog.site.catalogues import compile_po


class Command(BaseCommand):
    help = "Compile runlog/locale and injuries/locale (every django.po) into django.mo; make install runs it."

    def handle(self, *args, verbosity=1, **options):
        for root in settings.LOCALE_PATHS:
            for po in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                count = compile_po(po)
                if verbosity:
                    self.stdout.write(f"{po.relative_to(settings.BASE_DIR)}: {count} translated messages")
