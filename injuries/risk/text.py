"""Texts the engine says, in English and ready to be said in another language.

The engine stays pure: it never translates. Each title, message and note is a `Text`, a `str` whose value
is the English sentence (what tests, logs and the public risk_report document read, unchanged), which also
carries its msgid with named placeholders, the parameters, an optional plural count and context. The
presentation layer installs a renderer (injuries/apps.py) that says it in the active language with Django's
gettext, numbers and dates in that locale; in an HTML template a Text renders that way by itself.

The markers below are what makemessages extracts (see docs/operations.md, "Translations"):
`N_(msgid, **params)`, `NP_(singular, plural, count, **params)` and `NC_(context, msgid, **params)`,
used for a term (a body location, a red-flag sign) that is put into other sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Protocol

import pandas as pd


@dataclass(frozen=True)
class Num:
    """A number in a message: its English form is `format(value, spec)`; a renderer localises it."""

    value: float
    spec: str = "g"

    def english(self) -> str:
        return format(self.value, self.spec)


@dataclass(frozen=True)
class Day:
    """A day in a message, said as "Tue 3 Mar" in English."""

    value: dt.date

    def english(self) -> str:
        return pd.Timestamp(self.value).strftime("%a %-d %b")


@dataclass(frozen=True)
class Many:
    """Texts listed with a separator (", " or "; "): each item is a whole clause or a term."""

    items: tuple
    separator: str = ", "

    def english(self) -> str:
        return self.separator.join(english_of(item) for item in self.items)


def english_of(value) -> str:
    """The English of a parameter: a Text's own value (never its rendering in the active language)."""
    if isinstance(value, (Num, Day, Many)):
        return value.english()
    if isinstance(value, str):
        return str.__str__(value)
    return str(value)


class Text(str):
    """An English sentence that knows its msgid; equal to, and usable as, the plain English string.

    Comparing, slicing, `json.dumps` and the string methods read the English; `str()`, f-strings and
    templates say it in the active language once the presentation layer has installed a renderer."""

    msgid: str | None  # None: whole sentences in a row (`parts`), each said on its own
    plural: str | None
    count: int | None
    context: str | None
    params: dict
    parts: tuple

    def __new__(cls, msgid: str, plural: str | None = None, count: int | None = None, context=None, **params):
        chosen = msgid if plural is None or count == 1 else plural
        values = {name: english_of(value) for name, value in params.items()}
        if count is not None:
            values.setdefault("count", str(count))
        # Formatted only when there is something to put in ("%%" then stands for a percent sign).
        text = super().__new__(cls, chosen % values if values else chosen)
        text.msgid, text.plural, text.count, text.context, text.params = msgid, plural, count, context, params
        text.parts = ()
        return text

    @classmethod
    def sentences(cls, *parts: Text) -> Text:
        """Whole sentences in a row, separated by a space (a sentence added to another when it applies)."""
        text = str.__new__(cls, " ".join(parts))
        text.msgid, text.plural, text.count, text.context, text.params = None, None, None, None, {}
        text.parts = parts
        return text

    def capitalized(self) -> Text:
        """The same text, its English starting with a capital (a title that starts with a term); other
        languages place the term where their sentence needs it."""
        text = str.__new__(Text, self[:1].upper() + self[1:])
        text.__dict__.update(self.__dict__)
        return text

    @property
    def english(self) -> str:
        """The English sentence as a plain str (what the risk_report document and the tests read)."""
        return str.__str__(self)

    def __str__(self) -> str:
        """Said in the active language, like Django's lazy translations (the English without a renderer)."""
        return render(self)

    def __reduce__(self):
        return (_rebuild, (str.__str__(self), self.__dict__))

    def __html__(self) -> str:
        """In a template: said in the active language by the installed renderer, escaped."""
        return escape(render(self), quote=True)


def _rebuild(english, state):
    text = str.__new__(Text, english)
    text.__dict__.update(state)
    return text


class Renderer(Protocol):
    """What the presentation layer supplies to say a Text in the active language."""

    def active(self) -> bool:
        """False while the active language is English: the Text's own value is then what is said."""

    def translate(self, text: Text) -> str:
        """The msgid (or its plural by `count`, in its context) in the active language."""

    def number(self, value: Num) -> str: ...

    def day(self, value: Day) -> str: ...


_renderer: Renderer | None = None


def install_renderer(renderer: Renderer | None) -> None:
    global _renderer
    _renderer = renderer


def render(value) -> str:
    """A Text (or a plain string) as the runner reads it: in the active language when a renderer is installed
    and the language is not English; otherwise the English string, unchanged."""
    if not isinstance(value, Text):
        return str(value)
    if _renderer is None or not _renderer.active():
        return str.__str__(value)
    return _said(value, _renderer)


def _said(value, renderer: Renderer) -> str:
    if isinstance(value, Text):
        if value.msgid is None:
            return " ".join(_said(part, renderer) for part in value.parts)
        template = renderer.translate(value)
        values = {name: _said(param, renderer) for name, param in value.params.items()}
        if value.count is not None:
            values.setdefault("count", renderer.number(Num(value.count)))
        return template % values if values else template
    if isinstance(value, Num):
        return renderer.number(value)
    if isinstance(value, Day):
        return renderer.day(value)
    if isinstance(value, Many):
        return value.separator.join(_said(item, renderer) for item in value.items)
    return str(value)


def N_(msgid: str, **params) -> Text:
    return Text(msgid, **params)


def NP_(singular: str, plural: str, count: int, **params) -> Text:
    return Text(singular, plural, count, **params)


def NC_(context: str, msgid: str, **params) -> Text:
    return Text(msgid, context=context, **params)


__all__ = ["NC_", "NP_", "N_", "Day", "Many", "Num", "Text", "Renderer", "english_of", "install_renderer", "render"]
