"""Digests queued as tasks and shared by two real `manage.py db_worker` processes: one mail per runner."""

import email
import io

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command

from runlog.digest.models import DigestDelivery
from tests.digest.test_digest import MONDAY_8_BERLIN, runner
from tests.digest.test_digest_smtp import Handler, free_port
from tests.imports.test_worker import run_db_workers


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_queue_and_send_each_digest_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    names = [f"w{i}" for i in range(12)]
    for name in names:
        runner(name)
    with time_machine.travel(MONDAY_8_BERLIN, tick=False):
        out = io.StringIO()
        call_command("send_weekly_digests", "--now", MONDAY_8_BERLIN.isoformat(), stdout=out)
    assert "12 queued for the workers" in out.getvalue()

    handler, port = Handler(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        outcomes = run_db_workers(2, smtp_port=port)
    finally:
        controller.stop()

    assert [code for code, _ in outcomes] == [0, 0], outcomes
    recipients = sorted(r[0] for r, _ in handler.messages)
    assert recipients == sorted(f"{n}@example.com" for n in names)
    assert all(email.message_from_bytes(raw).is_multipart() for _, raw in handler.messages)
    assert DigestDelivery.objects.filter(status="sent").count() == len(names)
