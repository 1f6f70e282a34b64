"""Schemathesis against our own OpenAPI document: every operation, as two runners with read and write
tokens. No answer is a 5xx, every answer matches the document, and no runner reads or changes another's."""

import datetime as dt
import zlib

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks

from injuries.models import PainReport
from runlog.api.models import ApiToken
from runlog.api.tokens import create_token
from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Run, Shoe
from tests.factories import (
    CrossTrainingFactory,
    ImportBatchFactory,
    PainReportFactory,
    ProfileFactory,
    ShoeFactory,
    UserFactory,
    recorded_run,
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# Examples per operation that hypothesis generates (27 operations × 16 = 432); with schemathesis's coverage
# phase (boundary values, other methods) the run makes about 1,650 requests.
EXAMPLES = 16
ORIGINAL = b"<gpx>the file as uploaded</gpx>"  # what tests.factories.recorded_run stores
MODELS = {
    "runs": Run,
    "shoes": Shoe,
    "cross-training": CrossTraining,
    "pain-reports": PainReport,
    "imports": ImportBatch,
}


def entries_of(user) -> dict:
    """Everything of a runner's the API can reach, as stored."""
    return {name: list(model.objects.filter(user=user).order_by("pk").values()) for name, model in MODELS.items()}


def own_log(user) -> dict[str, int]:
    shoe = ShoeFactory(user=user)
    # A run imported from a file, so its samples, splits and original answer with content.
    run = recorded_run(user, shoe=shoe, start=dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC))
    return {
        "runs": run.pk,
        "shoes": shoe.pk,
        "cross-training": CrossTrainingFactory(user=user).pk,
        "pain-reports": PainReportFactory(user=user, run=run, date=dt.date(2026, 11, 20)).pk,
        "imports": ImportBatchFactory(user=user).pk,
    }


@pytest.fixture
def open_connection():
    """Requests through the WSGI app would close the test's database connection at their end (Django's
    test client keeps it open the same way)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def runners(db, open_connection):
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    ProfileFactory(user=alice, timezone="Pacific/Kiritimati")
    ProfileFactory(user=bob, timezone="America/New_York", units="mi")
    return {
        "alice": alice,
        "bob": bob,
        "ids": {"alice": own_log(alice), "bob": own_log(bob)},
        "tokens": {
            "write": create_token(alice, "fuzz write", ApiToken.Scope.WRITE)[1],
            "read": create_token(alice, "fuzz read", ApiToken.Scope.READ)[1],
        },
    }


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_keeps_its_document_and_each_runner_to_their_own(case, runners):
    # Each example picks a token and (for an id) whose object, from the example itself: reproducible.
    seed = zlib.crc32(repr((case.method, case.path, case.path_parameters, case.query, case.body)).encode())
    scope = "write" if seed % 2 else "read"
    resource = case.path.split("/")[3]
    owner = None
    if "pk" in (case.path_parameters or {}) and seed % 3:
        owner = "bob" if seed % 3 == 1 else "alice"
        case.path_parameters["pk"] = runners["ids"][owner][resource]
    bobs_before = entries_of(runners["bob"])

    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {runners['tokens'][scope]}"},
        # The bounds of the forms are not in the document (a valid-looking run can be refused, 422), and
        # unknown query parameters are ignored: neither is a fault.
        excluded_checks=[checks.positive_data_acceptance, checks.negative_data_rejection],
    )

    assert response.status_code < 500
    assert entries_of(runners["bob"]) == bobs_before, "alice's token changed bob's log"
    if owner == "bob":
        # Not found; or refused before the id is looked at (a bad token, a method the path lacks, bad input).
        assert response.status_code in (400, 401, 403, 404, 405, 422), response.text
    if case.method != "GET" and scope == "read" and response.status_code < 400:
        raise AssertionError(f"a read token wrote: {case.method} {case.path}")
    if case.path.endswith("/original"):
        if response.status_code == 200:  # the file, not JSON: alice's own, never bob's
            assert response.content == ORIGINAL and owner != "bob"
        return
    if response.status_code == 200 and "items" in (body := response.json()):
        mine = {row["id"] for row in entries_of(runners["alice"])[resource]}
        assert {item["id"] for item in body["items"]} <= mine
