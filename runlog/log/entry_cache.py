"""Markup rendered once and cached by exactly what it shows: log entries as lists show them (one run,
shoe, session or pain report), and the empty quick-log forms.

An entry's markup depends only on its own row, the related rows it shows (a run's shoe, a pain report's
run), the runner's unit, time zone and language, the date and the code. It holds no per-session token: its
buttons post through htmx with the page's CSRF header, or lead to a confirmation page without
JavaScript. So it is cached under a fingerprint of exactly those, shared by every worker, and a list
page renders only the entries it has not shown before. The code is part of every cache key
(settings.CACHES KEY_PREFIX), so a deploy never serves markup of the previous release; with DEBUG on,
where templates change under a running server, entries are always rendered afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

TIMEOUT = 7 * 24 * 3600


def _fields(obj: models.Model) -> list:
    return sorted((name, value) for name, value in vars(obj).items() if not name.startswith("_"))


def fingerprint(obj: models.Model) -> str:
    """A digest of everything an entry can show: the row with its annotations, and the related rows
    loaded with it (select_related)."""
    related = sorted(
        (name, _fields(value) if value is not None else None) for name, value in obj._state.fields_cache.items()
    )
    payload = repr((type(obj).__name__, _fields(obj), related))
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


def render_entries(section, objects, unit: str, today: dt.date) -> list[SafeString]:
    """The markup of each object's list entry, in order: cached ones fetched in one call, the others
    rendered and stored."""
    objects = list(objects)
    if not objects:
        return []
    template = get_template(f"{section.template}#item")
    if settings.DEBUG:
        return [mark_safe(template.render({"obj": obj, "section": section, "unit": unit})) for obj in objects]
    tz = timezone.get_current_timezone_name()
    language = translation.get_language()
    keys = [f"entry:{section.name}:{fingerprint(obj)}:{unit}:{tz}:{language}:{today.isoformat()}" for obj in objects]
    found = cache.get_many(keys)
    missing = {}
    out = []
    for key, obj in zip(keys, objects, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = template.render({"obj": obj, "section": section, "unit": unit})
        out.append(mark_safe(html))  # rendered by our own autoescaping template
    if missing:
        cache.set_many(missing, TIMEOUT)
    return out


def blank_form_fields(form) -> SafeString | None:
    """The fields of an empty quick-log form (`log/_form_fields.html`), cached by everything they
    show: each field's label, help, initial value, choices and widget attributes. Only for forms whose
    class says their fields carry nothing per response (`cache_blank`, no nonce, no token); None
    otherwise, and the template renders them itself."""
    if form.is_bound or not getattr(form, "cache_blank", False) or settings.DEBUG:
        return None
    # The language too: the template's own words ("More details") and the localized numbers.
    state = [type(form).__module__, type(form).__qualname__, form.prefix, form.auto_id, translation.get_language()]
    for bound in form:
        field = bound.field
        choices = None
        if hasattr(field, "choices"):
            field.choices = [choice for choice in field.choices]  # one query, for the key and a render
            choices = [(str(value), str(label)) for value, label in field.choices]
        attrs = sorted((str(key), str(value)) for key, value in field.widget.attrs.items())
        state.append(
            (
                bound.name,
                str(bound.label),
                str(field.help_text),
                repr(bound.initial),
                field.required,
                field.disabled,
                type(field.widget).__name__,
                attrs,
                choices,
            )
        )
    key = "form:" + hashlib.blake2b(repr(state).encode(), digest_size=16).hexdigest()
    html = cache.get(key)
    if html is None:
        html = get_template("log/_form_fields.html").render({"form": form})
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)
