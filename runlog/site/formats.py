"""Dates as each language writes them. Templates name a date's shape by its English format ("j M Y",
"l j F"); `local_format` gives the same shape in the active language: German puts a dot after the day
("1. Dez. 2026"), Spanish joins day, month and year with "de". Month and weekday names come translated
from Django's own catalogues. A shape a language does not list is used as it is."""

from __future__ import annotations

from django.utils import translation

_GERMAN = {
    "j M Y": "j. M Y",
    "j M Y, H:i": "j. M Y, H:i",
    "j M Y H:i": "j. M Y, H:i",
    "j M": "j. M",
    "j F": "j. F",
    "j F Y": "j. F Y",
    "l j F": "l, j. F",
    "l j F Y": "l, j. F Y",
    "l j F Y, H:i": "l, j. F Y, H:i",
    "D j M Y": "D, j. M Y",
    "D j M Y, H:i": "D, j. M Y, H:i",
    "D j M": "D, j. M",
}
_SPANISH = {
    "j F": r"j \d\e F",
    "j F Y": r"j \d\e F \d\e Y",
    "l j F": r"l, j \d\e F",
    "l j F Y": r"l, j \d\e F \d\e Y",
    "l j F Y, H:i": r"l, j \d\e F \d\e Y, H:i",
    "F Y": r"F \d\e Y",
}
# French: Django's three-letter months ("M") say "jui" for both June and July; its abbreviations ("N": "juin",
# "juil.") tell them apart.
_FRENCH = {
    shape: shape.replace("M", "N")
    for shape in ("j M Y", "j M Y, H:i", "j M Y H:i", "j M", "M Y", "M", "D j M Y", "D j M Y, H:i", "D j M")
}
FORMATS: dict[str, dict[str, str]] = {"de": _GERMAN, "es": _SPANISH, "fr": _FRENCH, "nl": {}, "en": {}}


def local_format(shape: str, language: str | None = None) -> str:
    """The date format for `shape` (an English format string) in `language` (default: the active one)."""
    language = (language or translation.get_language() or "en").split("-")[0]
    return FORMATS.get(language, {}).get(shape, shape)
