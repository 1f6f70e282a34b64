"""Email backends for digest tests: they record what was sent and fail on cue like a real SMTP server."""

import smtplib
import threading

from django.core.mail.backends.base import BaseEmailBackend

SENT: list = []
_lock = threading.Lock()
# recipient -> list of failures to raise, in order, before the send goes through
FAILURES: dict[str, list[Exception]] = {}
# raise CRASH after this many successful sends (a worker dying after the mail left, before it is marked)
CRASH_AFTER: list[int] = []


class Crash(BaseException):
    """Not an Exception: like a killed process, nothing in the sender may catch it."""


def reset():
    SENT.clear()
    FAILURES.clear()
    CRASH_AFTER.clear()


class ScriptedBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            recipient = message.to[0]
            with _lock:
                queue = FAILURES.get(recipient)
                failure = queue.pop(0) if queue else None
            if failure is not None:
                raise failure
            with _lock:
                SENT.append(message)
                crash = CRASH_AFTER and len(SENT) == CRASH_AFTER[0]
            if crash:
                raise Crash()
        return len(messages)


def smtp_421():
    return smtplib.SMTPResponseException(421, b"Service not available, try again later")


def smtp_550(recipient):
    return smtplib.SMTPRecipientsRefused({recipient: (550, b"Mailbox unavailable")})
