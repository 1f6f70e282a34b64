"""Email templates come in threes (subject, text body, HTML body); make_message renders them into one mail."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

ONE_LINE = re.compile(r"[ \t\r\n\f\v]+")


def make_message(
    name: str, context: dict, to: str, headers: dict | None = None, *, language: str | None = None
) -> EmailMultiAlternatives:
    """`emails/{name}_subject.txt`, `emails/{name}.txt` and `emails/{name}.html`, text part first, in the
    recipient's `language` (their Settings language; None: the active one). A mail is sent in the
    language of whom it goes to, never in that of the request or task that happens to send it."""
    with translation.override(language or translation.get_language()):
        # One line: newlines and runs of spaces collapse, a no-break space (French before ":") stays.
        subject = ONE_LINE.sub(" ", render_to_string(f"emails/{name}_subject.txt", context)).strip()
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
        headers = {**(headers or {}), "Content-Language": translation.get_language()}
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message
