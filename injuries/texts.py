"""The risk engine's texts said in the runner's language: Django's gettext for the msgids, the locale's
decimal separator for numbers and its day and month names for dates.

injuries/apps.py installs `RENDERER` into the pure engine (injuries/risk/text.py), so a flag's title, a
check's note or a plan session's "why" renders in the active language wherever a page, an email or a feed
shows it, while its value (the risk_report document, the tests) stays English. In English nothing is
translated: the engine's own sentence is shown, exactly as before.
"""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

from injuries.risk.text import Day, Num, Text, render

__all__ = ["RENDERER", "english", "plain_english", "said"]

# A percent sign after a number: a no-break space before it where the language's typography asks for one.
PERCENT_SIGN = {"de": "\u00a0%", "fr": "\u00a0%", "es": "\u00a0%"}


def _language() -> str:
    return (translation.get_language() or "en").split("-")[0]


class DjangoRenderer:
    def active(self) -> bool:
        return _language() != "en"

    def translate(self, text: Text) -> str:
        if text.plural is not None:
            if text.context:
                return npgettext(text.context, text.msgid, text.plural, text.count)
            return ngettext(text.msgid, text.plural, text.count)
        if text.context:
            return pgettext(text.context, text.msgid)
        return gettext(text.msgid)

    def number(self, value: Num) -> str:
        shown = value.english().replace(".", formats.get_format("DECIMAL_SEPARATOR"))
        if shown.endswith("%"):
            shown = shown[:-1] + PERCENT_SIGN.get(_language(), "%")
        return shown

    def day(self, value: Day) -> str:
        # Translators: the date format of a day inside a warning ("Tue 3 Mar"), in Django's date format letters.
        return formats.date_format(value.value, pgettext("date format of a day in a warning", "D j M"))


RENDERER = DjangoRenderer()


def said(value) -> str:
    """A Text in the active language as a plain string (a plain string unchanged)."""
    return render(value)


def english(value) -> str:
    """A Text's English as a plain str."""
    return str.__str__(value) if isinstance(value, str) else str(value)


def plain_english(value):
    """Every Text in a document (dicts and lists inside) as its plain English string: the public JSON."""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, dict):
        return {key: plain_english(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_english(item) for item in value]
    return value
