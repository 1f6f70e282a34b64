"""The pseudo-locale: every message of every catalogue (Runlog's and Django's own) wrapped in ⟦…⟧.

Built at test time from the catalogues' msgids, in a temporary LOCALE_PATHS entry that comes first, under
the code of a real language (German): a page shown in it has every translated text wrapped, so any text
left bare on a page never went through the translation machinery. A message no catalogue holds yet (marked
in the code since the catalogues were last made) is wrapped too, by a fallback first in the language's
chain: the walk judges the code, not how far the catalogues are; that every marked string is in them is
test_every_string_marked_in_the_code_is_in_the_catalogues's job (tests/i18n/test_languages.py).
"""

from __future__ import annotations

import gettext as gnu_gettext
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.utils.translation import trans_real

from runlog.site.catalogues import Entry, parse_po, write_mo

PSEUDO_LANGUAGE = "de"
OPEN, CLOSE = "⟦", "⟧"


def wrapped(entry: Entry) -> Entry:
    forms = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
    return Entry(entry.msgid, entry.msgid_plural, entry.msgctxt, [f"{OPEN}{text}{CLOSE}" for text in forms])


def catalogues_of(language: str) -> list[Path]:
    """Every django.po a page can draw on: Django's own, the installed apps', the project's."""
    roots = [Path(django.__file__).parent / "conf" / "locale"]
    roots += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    roots += [Path(path) for path in django_settings.LOCALE_PATHS]
    return [root / language / "LC_MESSAGES" / "django.po" for root in roots if (root / language).is_dir()]


def build_pseudo_locale(directory: Path, language: str = PSEUDO_LANGUAGE) -> int:
    entries: dict[tuple, Entry] = {}
    for po in catalogues_of(language):
        if po.exists():
            for entry in parse_po(po)[1]:
                entries[entry.key] = wrapped(entry)
    header = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    return write_mo(directory / language / "LC_MESSAGES" / "django.mo", header, list(entries.values()))


class WrapAnyMessage(gnu_gettext.NullTranslations):
    """What gettext says for a message that is in no catalogue: the message wrapped (a context dropped, as
    Django's pgettext drops it when it finds no translation)."""

    def gettext(self, message):
        return f"{OPEN}{message.rsplit(CONTEXT, 1)[-1]}{CLOSE}"

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


CONTEXT = "\x04"


def wrap_messages_missing_from_catalogues(language: str = PSEUDO_LANGUAGE) -> None:
    translation = trans_real.translation(language)
    if not isinstance(translation._fallback, WrapAnyMessage):
        fallback = WrapAnyMessage()
        fallback._fallback = None
        translation._fallback = fallback


@pytest.fixture(scope="session")
def pseudo_locale_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("pseudo-locale")
    build_pseudo_locale(directory)
    return directory


@pytest.fixture
def pseudo_locale(settings, pseudo_locale_dir):
    """German pages become the pseudo-locale (first in LOCALE_PATHS; Django clears its catalogues cache)."""
    settings.LOCALE_PATHS = [str(pseudo_locale_dir), *settings.LOCALE_PATHS]
    wrap_messages_missing_from_catalogues()
    yield PSEUDO_LANGUAGE
