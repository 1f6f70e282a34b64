"""Template filters that show stored metres, seconds and moments in the runner's unit and time zone, and
file names that wrap where a reader expects."""

import datetime as dt
import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from runlog.log import units as u
from runlog.log.entry_cache import blank_form_fields
from runlog.site.formats import local_format
from runlog.site.localtime import for_template

register = template.Library()


@register.filter
def local(moment):
    """A stored moment in the runner's zone, safe for any stored value (see runlog.localtime)."""
    return for_template(moment)


@register.filter
def ldate(value, shape="j M Y"):
    """A date or moment in the active language's own writing of `shape` (runlog.site.formats): "1 Dec 2026"
    in English, "1. Dez. 2026" in German; month and weekday names translated. A moment is shown in the
    runner's zone (as Django's own `date` filter does), safely for any stored value."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = for_template(value)
    return date_filter(value, local_format(shape))


def _localized(text: str) -> str:
    """A number written with a dot (12.3) in the active language's own way (12,3 in German)."""
    if "." not in text:
        return text
    return text.replace(".", str(get_format("DECIMAL_SEPARATOR")))


@register.filter
def distance(metres, unit="km"):
    """ "12.3 km" in the runner's unit, with the decimal separator of their language."""
    return _localized(u.format_distance(metres, unit))


@register.filter
def distance_value(metres, unit="km"):
    value = u.to_unit(metres, unit)
    return "" if value is None else _localized(f"{value:.2f}".rstrip("0").rstrip("."))


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


# Codes the risk engine and the return-to-run plan give (severities, plan states, session zones), as a
# runner reads them in their language; an unknown code is shown as it is.
CODE_LABELS = {
    "high": pgettext_lazy("warning severity", "high"),
    "caution": pgettext_lazy("warning severity", "caution"),
    "info": pgettext_lazy("warning severity", "info"),
    "active": pgettext_lazy("plan status", "active"),
    "paused": pgettext_lazy("plan status", "paused"),
    "done": pgettext_lazy("plan status", "done"),
    "ended": pgettext_lazy("plan status", "ended"),
    # Translators: the zones of a return-to-run session, as traffic lights: pain 0-2 green, 3-5 amber, more red.
    "green": pgettext_lazy("session zone", "green"),
    "amber": pgettext_lazy("session zone", "amber"),
    "red": pgettext_lazy("session zone", "red"),
    "unknown": pgettext_lazy("session zone", "not scored yet"),
}


@register.filter
def code_label(code) -> str:
    """A severity, plan status or session zone code in the runner's words."""
    label = CODE_LABELS.get(str(code))
    return str(label) if label is not None else code


@register.simple_tag
def weekday_abbreviations() -> list[str]:
    """Mon … Sun in the active language (Django's own translated names), Monday first."""
    return [str(WEEKDAYS_ABBR[day]) for day in range(7)]


@register.filter
def split_words(text):
    return text.split()


@register.filter
def km_to(km, unit="km"):
    """A distance given in km, shown in the runner's unit."""
    if km is None:
        return "—"
    return _localized(u.format_distance(float(km) * u.KM, unit))


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
