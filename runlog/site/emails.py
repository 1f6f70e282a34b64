"""Email templates come in threes (subject, text body, HTML body); make_message renders them into one mail."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def make_message(name: str, context: dict, to: str, headers: dict | None = None) -> EmailMultiAlternatives:
    """`emails/{name}_subject.txt`, `emails/{name}.txt` and `emails/{name}.html`, text part first."""
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    text = render_to_string(f"emails/{name}.txt", context)
    html = render_to_string(f"emails/{name}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    return message
