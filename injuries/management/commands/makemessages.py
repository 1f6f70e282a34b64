"""makemessages, also extracting the risk engine's texts: N_(msgid), NP_(singular, plural, count) and
NC_(context, msgid) (injuries/risk/text.py). Otherwise Django's own command, unchanged."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=N_",
        "--keyword=NP_:1,2",
        "--keyword=NC_:1c,2",
    ]
