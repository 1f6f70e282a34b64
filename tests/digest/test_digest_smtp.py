"""Digests through Django's SMTP backend to a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import email.policy
import io
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import translation
from django.utils.formats import date_format

from runlog.digest.content import build_contents
from runlog.digest.models import DigestDelivery
from runlog.site.formats import local_format
from tests.digest.test_digest import MONDAY_8_BERLIN, WEEK, runner


class Handler:
    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []
        self.transient: dict[str, int] = {}  # recipient -> how many 421s to answer before accepting
        self.refused: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        recipient = envelope.rcpt_tos[0]
        if self.transient.get(recipient, 0) > 0:
            self.transient[recipient] -= 1
            return "421 4.3.2 Service busy, try again later"
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }
    yield handler
    controller.stop()


def send():
    with time_machine.travel(MONDAY_8_BERLIN, tick=False):
        out = io.StringIO()
        call_command("send_weekly_digests", "--inline", "--now", MONDAY_8_BERLIN.isoformat(), stdout=out)
        return out.getvalue()


def test_n_runners_get_n_parseable_multipart_messages(db, smtp):
    names = ["ana", "ben", "cai", "dee"]
    for name in names:
        runner(name)

    send()

    assert sorted(r[0] for r, _ in smtp.messages) == sorted(f"{n}@example.com" for n in names)
    for _, raw in smtp.messages:
        message = email.message_from_bytes(raw)
        assert message.get_content_type() == "multipart/alternative"
        text, html = message.get_payload()
        assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
        assert "Your week of 23 Nov" in text.get_payload(decode=True).decode()
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["Subject"].startswith("Your running week of 23 Nov")


def test_a_421_then_250_delivers_once(db, smtp):
    runner("ana")
    smtp.transient["ana@example.com"] = 1

    send()

    assert len(smtp.messages) == 1
    assert DigestDelivery.objects.get().attempts == 2


def test_a_550_for_one_recipient_does_not_stop_the_others(db, smtp):
    for name in ("ana", "ben", "cai"):
        runner(name)
    smtp.refused.add("ben@example.com")

    send()

    assert sorted(r[0] for r, _ in smtp.messages) == ["ana@example.com", "cai@example.com"]
    assert DigestDelivery.objects.get(user__username="ben").status == "failed"


def subject_of(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"])


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
def test_each_runner_gets_the_digest_in_their_language(db, smtp, language):
    """The subject is the catalogue's translation of its message, the week and distance written the
    language's way (three 10 km runs in the week of Monday 23 November 2026, no warnings)."""
    user = runner("ana", language=language)
    with time_machine.travel(MONDAY_8_BERLIN, tick=False):
        warnings = len(build_contents([user.profile], {user.pk: WEEK})[user.pk].flags)

    send()

    ((_, raw),) = smtp.messages
    with translation.override(language):
        values = {
            "week": date_format(WEEK, local_format("j M")),
            "distance": "30,0 km",  # every one of the four writes a decimal comma
            "counter": warnings,
        }
        if warnings:
            singular = "Your running week of %(week)s: %(distance)s, %(counter)s warning"
            expected = translation.ngettext(singular, singular + "s", warnings) % values
        else:
            expected = translation.gettext("Your running week of %(week)s: %(distance)s, no warnings") % values
    assert subject_of(raw) == expected
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Content-Language"] == language
    html = message.get_body(("html",)).get_content()
    assert f'<html lang="{language}">' in html


def test_the_digest_is_whole_in_the_pseudo_locale(db, smtp, pseudo_locale):
    """Every word of the digest went through the catalogue: in the pseudo-locale each is wrapped."""
    runner("ana", language=pseudo_locale)

    send()

    ((_, raw),) = smtp.messages
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert subject_of(raw).startswith("⟦Your running week of 23. ⟦Nov⟧: 30,0 km, ")
    text = message.get_body(("plain",)).get_content()
    assert "⟦Hi ana,⟧" in text
    assert "⟦NEXT STEP⟧" in text
    assert "⟦You get this because the weekly digest is on in your Runlog settings.⟧" in text
