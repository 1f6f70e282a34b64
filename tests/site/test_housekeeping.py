"""Housekeeping forgets finished task results after a day: a reset task's row keeps the typed address."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from tests.log.conftest import NOW


@pytest.fixture
def database_tasks(settings):
    # Production's backend: the tasks wait in the database for a worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_waiting_tasks() -> None:
    """What a worker records when it has run them (the worker itself closes the test's connection)."""
    for result in DBTaskResult.objects.filter(status="READY"):
        result.set_successful(result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"]))


@pytest.mark.usefixtures("database_tasks")
def test_a_finished_reset_tasks_row_with_the_typed_address_is_forgotten_after_a_day(db):
    with time_machine.travel(NOW, tick=False):
        Client().post("/accounts/password_reset/", {"email": "nobody-here@example.com"})
        run_waiting_tasks()
    (result,) = DBTaskResult.objects.all()
    assert result.status == "SUCCESSFUL"
    assert result.args_kwargs["args"] == ["nobody-here@example.com"]

    with time_machine.travel(NOW + dt.timedelta(hours=23), tick=False):
        call_command("housekeeping", stdout=io.StringIO())
    assert DBTaskResult.objects.count() == 1
    out = io.StringIO()
    with time_machine.travel(NOW + dt.timedelta(hours=25), tick=False):
        call_command("housekeeping", stdout=out)
    assert DBTaskResult.objects.count() == 0
    assert "forgot 1 finished task result older than a day" in out.getvalue()


@pytest.mark.usefixtures("database_tasks")
def test_housekeeping_keeps_tasks_still_waiting_however_old(db):
    with time_machine.travel(NOW, tick=False):
        Client().post("/accounts/password_reset/", {"email": "someone@example.com"})
    with time_machine.travel(NOW + dt.timedelta(days=3), tick=False):
        call_command("housekeeping", stdout=io.StringIO())
    (waiting,) = DBTaskResult.objects.all()
    assert waiting.status == "READY"
