"""Create forms posted twice (a double tap, a retry after a lost answer) create one entry."""

import datetime as dt
import re
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client

from injuries.models import PainReport
from runlog.log.models import CrossTraining, Run, Shoe
from runlog.site.models import FormSubmission
from tests.factories import RunFactory, ShoeFactory
from tests.log.conftest import NOW

RUN = {"date": "2026-11-24", "time": "07:30", "distance": "10", "duration": "50:00", "kind": "easy"}

SHOE = {"name": "Pegasus", "support": "neutral", "retire_distance": "700"}
SESSION = {"date": "2026-11-24", "activity": "cycling", "duration": "60"}
PAIN = {"date": "2026-11-24", "location": "inner_knee", "side": "left", "during": "4"}

# Each create form: its page, where it posts, what it posts, what it creates and its entries' DOM id.
CREATE_FORMS = {
    "run quick-log on the dashboard": ("/", "/runs/new/", RUN, Run, "run"),
    "run on its list": ("/runs/", "/runs/new/", RUN, Run, "run"),
    "run full form": ("/runs/new/", "/runs/new/", RUN, Run, "run"),
    "shoe": ("/shoes/", "/shoes/new/", SHOE, Shoe, "shoe"),
    "cross-training": ("/cross-training/", "/cross-training/new/", SESSION, CrossTraining, "xt"),
    "pain report": ("/pain/", "/pain/new/", PAIN, PainReport, "pain"),
}


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def token_on(html: str) -> str:
    match = re.search(r'name="form_token" value="([0-9a-f-]{36})"', html)
    assert match, "the form carries no one-time token"
    return match.group(1)


def opened(client, page: str) -> str:
    response = client.get(page)
    assert response.status_code == 200
    return token_on(response.content.decode())


@pytest.mark.parametrize("name", CREATE_FORMS)
def test_a_create_form_posted_twice_creates_one_entry(alice_client, alice, htmx_headers, name):
    page, action, data, model, dom = CREATE_FORMS[name]
    data = {**data, "form_token": opened(alice_client, page)}
    first = alice_client.post(action, data, **htmx_headers)
    again = alice_client.post(action, data, **htmx_headers)

    assert first.status_code == again.status_code == 200
    assert model.objects.filter(user=alice).count() == 1
    entry = model.objects.get(user=alice)
    assert f'id="{dom}-{entry.pk}"' in again.content.decode()  # the repeat answers with the first one's entry
    assert again["HX-Trigger-After-Settle"] == first["HX-Trigger-After-Settle"]


@pytest.mark.parametrize("name", CREATE_FORMS)
def test_a_plain_create_form_posted_twice_creates_one_entry_and_redirects_both_times(alice_client, alice, name):
    page, action, data, model, _ = CREATE_FORMS[name]
    data = {**data, "form_token": opened(alice_client, page)}
    first = alice_client.post(action, data)
    again = alice_client.post(action, data)

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert model.objects.filter(user=alice).count() == 1


def test_the_pain_follow_up_after_a_run_posted_twice_creates_one_report(alice_client, alice):
    run = RunFactory(user=alice)
    token = opened(alice_client, f"/pain/new/?run={run.pk}")
    data = {"date": "2026-11-20", "location": "shin", "side": "right", "after": "3", "run": run.pk, "form_token": token}
    alice_client.post("/pain/new/", data)
    alice_client.post("/pain/new/", data)
    assert list(PainReport.objects.filter(user=alice).values_list("run_id", flat=True)) == [run.pk]


def test_each_rendering_of_a_create_form_has_its_own_token(alice_client, alice, htmx_headers):
    tokens = {opened(alice_client, "/runs/"), opened(alice_client, "/runs/"), opened(alice_client, "/")}
    created = alice_client.post("/runs/new/", {**RUN, "form_token": tokens.pop()}, **htmx_headers)
    tokens.add(token_on(created.content.decode()))  # the fresh form that replaces the saved one
    assert len(tokens) == 3


def test_two_forms_with_the_same_values_are_two_runs(alice_client, alice):
    """Two runs of the same distance on one day are real (a double session); only the same form is one."""
    alice_client.post("/runs/new/", {**RUN, "form_token": opened(alice_client, "/runs/")})
    alice_client.post("/runs/new/", {**RUN, "time": "18:00", "form_token": opened(alice_client, "/runs/")})
    assert Run.objects.filter(user=alice).count() == 2


def test_a_form_that_came_back_with_errors_keeps_its_token(alice_client, alice, htmx_headers):
    token = opened(alice_client, "/runs/")
    refused = alice_client.post("/runs/new/", {**RUN, "distance": "-3", "form_token": token}, **htmx_headers)
    assert refused.status_code == 422 and token_on(refused.content.decode()) == token
    alice_client.post("/runs/new/", {**RUN, "form_token": token}, **htmx_headers)
    alice_client.post("/runs/new/", {**RUN, "form_token": token}, **htmx_headers)
    assert Run.objects.filter(user=alice).count() == 1


def test_a_repeat_that_no_longer_validates_is_answered_as_saved(alice_client, alice):
    shoe = ShoeFactory(user=alice)
    data = {**RUN, "shoe": shoe.pk, "form_token": opened(alice_client, "/runs/")}
    assert alice_client.post("/runs/new/", data).status_code == 302
    Shoe.objects.filter(pk=shoe.pk).update(retired_on=dt.date(2026, 11, 24))  # no longer offered
    assert alice_client.post("/runs/new/", data).status_code == 302
    assert Run.objects.filter(user=alice).count() == 1


def test_a_repeat_after_the_entry_was_deleted_creates_nothing(alice_client, alice, htmx_headers):
    data = {**RUN, "form_token": opened(alice_client, "/runs/")}
    alice_client.post("/runs/new/", data, **htmx_headers)
    Run.objects.filter(user=alice).delete()
    again = alice_client.post("/runs/new/", data, **htmx_headers)
    assert again.status_code == 200 and Run.objects.filter(user=alice).count() == 0


def test_another_runner_posting_the_same_token_gets_their_own_entry(alice_client, alice, bob_client, bob):
    data = {**RUN, "form_token": opened(alice_client, "/runs/")}
    alice_client.post("/runs/new/", data)
    bob_client.post("/runs/new/", data)
    assert Run.objects.filter(user=alice).count() == Run.objects.filter(user=bob).count() == 1


def test_a_post_without_a_token_still_creates(alice_client, alice):
    """Scripts and pages rendered before the upgrade post no token; they are not refused."""
    assert alice_client.post("/runs/new/", RUN).status_code == 302
    assert Run.objects.filter(user=alice).count() == 1


def test_housekeeping_forgets_tokens_older_than_a_day(alice_client, alice):
    alice_client.post("/runs/new/", {**RUN, "form_token": opened(alice_client, "/runs/")})
    with time_machine.travel(NOW + dt.timedelta(hours=23), tick=False):
        call_command("housekeeping")
    assert FormSubmission.objects.count() == 1
    with time_machine.travel(NOW + dt.timedelta(hours=25), tick=False):
        call_command("housekeeping")
    assert FormSubmission.objects.count() == 0
    assert Run.objects.filter(user=alice).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_two_concurrent_posts_of_one_form_create_one_run(alice, htmx):
    """Two threads, two connections, one token: the database's unique (user, token) decides."""
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(alice)
    data = {**RUN, "form_token": opened(clients[0], "/runs/")}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    start = threading.Barrier(2)
    statuses = []

    def post(client):
        try:
            start.wait()
            statuses.append(client.post("/runs/new/", data, **headers).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == ([200, 200] if htmx else [302, 302])
    assert Run.objects.filter(user=alice).count() == 1
    assert FormSubmission.objects.filter(user=alice).count() == 1
