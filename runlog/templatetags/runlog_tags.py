"""Template filters that show stored metres, seconds and moments in the runner's unit and time zone, and
file names that wrap where a reader expects."""

import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from runlog.log import units as u
from runlog.log.entry_cache import blank_form_fields
from runlog.site.localtime import for_template

register = template.Library()


@register.filter
def local(moment):
    """A stored moment in the runner's zone, safe for any stored value (see runlog.localtime)."""
    return for_template(moment)


@register.filter
def distance(metres, unit="km"):
    return u.format_distance(metres, unit)


@register.filter
def distance_value(metres, unit="km"):
    value = u.to_unit(metres, unit)
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


@register.filter
def duration(seconds):
    return u.format_duration(seconds)


@register.filter
def pace(run, unit="km"):
    if not run.distance_m:
        return "—"
    return u.format_pace(run.duration_s / (run.distance_m / u.KM), unit)


@register.filter
def percent(fraction):
    return "—" if fraction is None else f"{fraction * 100:.0f}%"


@register.filter
def as_json(value) -> str:
    """JSON for a data attribute (escaped by the template like any text). Not a <script> block: htmx is
    configured to drop every script tag from swapped content, JSON ones included."""
    return json.dumps(value, cls=DjangoJSONEncoder, separators=(",", ":"))


@register.filter
def split_words(text):
    return text.split()


@register.filter
def km_to(km, unit="km"):
    """A distance given in km, shown in the runner's unit."""
    if km is None:
        return "—"
    return u.format_distance(float(km) * u.KM, unit)


@register.simple_tag
def cached_form_fields(form):
    """An empty quick-log form's fields from the cache (see runlog.log.entry_cache.blank_form_fields), or "" when
    the template must render them."""
    return blank_form_fields(form) or ""


_NAME_BREAKS = re.compile(r"([/\\_.-])")


@register.filter
def breakable(name) -> SafeString:
    """A file name (or path) that may wrap after its / - _ . on a narrow screen, never mid-word."""
    parts = _NAME_BREAKS.split(str(name))
    # Escaped part by part: the <wbr> we add is the only markup.
    return mark_safe("".join(escape(part) + ("<wbr>" if _NAME_BREAKS.fullmatch(part) else "") for part in parts))
