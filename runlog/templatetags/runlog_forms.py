"""Template tags of the log's forms: the one-time token of a create form."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from runlog.site.submissions import TOKEN_FIELD, new_token

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context) -> SafeString:
    """The hidden one-time token of a create form (runlog.submissions): the one the runner posted when
    the form comes back with errors, a fresh one on any other rendering. It sits outside the cached
    fields of the empty quick-log form, so every rendering has its own."""
    token = context.get("form_token") or new_token()
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, token)
