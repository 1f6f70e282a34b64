"""Every URL that takes an object id answers 404 to another runner, for GET and POST, and changes nothing.

The test walks the URLconf: a new route with an id that is not listed here fails, so ownership is
checked for it before it ships.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from injuries.models import PainReport, ReturnPlan
from runlog.api.models import ApiToken
from runlog.api.tokens import create_token
from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Run, Shoe
from runlog.sharing.models import ClinicianShare
from tests.factories import (
    CrossTrainingFactory,
    ImportBatchFactory,
    PainReportFactory,
    ReturnPlanFactory,
    RunFactory,
    ShoeFactory,
    recorded_run,
)

# Routes whose parameter is not a runner's object: public advice slugs and signed tokens (password reset,
# digest unsubscribe — tested with tampered tokens in tests/digest/test_digest.py; email links — opened by
# another runner in tests/log/test_accounts.py), and a calendar date, whose page only ever lists the
# runner's own entries (tests/dashboard/test_dashboard.py).
NOT_OWNED = {
    "advice_detail",
    "password_reset_confirm",
    "digest_unsubscribe",
    "email_confirm",
    "calendar_day",
    "calendar_feed",  # a secret key, not an id: tests/sharing/test_calendar_feed.py
    # A clinician share's secret link, opened without a session: test_a_share_token_opens_its_runners_report_only
    # below, and tests/sharing/test_clinician_share.py.
    "clinician_share",
    "clinician_share_pdf",
}
# URL name → how to make alice's object for it. Admin routes are staff-only and covered by Django.
OWNED = {
    "run_item": RunFactory,
    "run_detail": recorded_run,
    "run_samples": recorded_run,
    "run_splits": recorded_run,
    "run_original": recorded_run,
    "run_edit": RunFactory,
    "run_delete": RunFactory,
    "shoe_item": ShoeFactory,
    "shoe_edit": ShoeFactory,
    "shoe_delete": ShoeFactory,
    "shoe_retire": ShoeFactory,
    "xt_item": CrossTrainingFactory,
    "xt_edit": CrossTrainingFactory,
    "xt_delete": CrossTrainingFactory,
    "pain_item": PainReportFactory,
    "pain_edit": PainReportFactory,
    "pain_delete": PainReportFactory,
    "pain_morning": PainReportFactory,
    "import_detail": ImportBatchFactory,
    "import_undo": ImportBatchFactory,
    "plan_detail": ReturnPlanFactory,
    "plan_pause": ReturnPlanFactory,
    "plan_resume": ReturnPlanFactory,
    "plan_end": ReturnPlanFactory,
    "session_pain": RunFactory,
    "import_undo_confirm": ImportBatchFactory,
    "api_token_revoke": lambda user, **kwargs: create_token(user, "phone")[0],
    "share_revoke": lambda user, **kwargs: _share(user)[0],
}
# The API's routes (/api/v1/…) answer bearer tokens, not sessions: tests/api/test_api_ownership.py walks
# every operation of the OpenAPI document with another runner's token instead.
API_PREFIX = "api/v1/"
POST_DATA = {
    "date": "2026-11-20",
    "distance": "1",
    "duration": "10:00",
    "kind": "easy",
    "name": "Mine now",
    "retire_distance": "800",
    "support": "neutral",
    "activity": "cycling",
    "location": "inner_knee",
    "side": "left",
    "during": "1",
    "next_morning": "3",
    "cleared": "clinician",
    "after": "2",
}


def _share(user):
    today = dt.date(2026, 11, 25)
    return ClinicianShare.create(
        user,
        start_date=today - dt.timedelta(days=83),
        end_date=today,
        include_notes=True,
        expires_at=dt.datetime(2100, 1, 1, tzinfo=dt.UTC),
    )


def routes_with_ids(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue
            yield from routes_with_ids(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.pattern.converters:
            yield entry.name, prefix + str(entry.pattern)


def snapshot():
    # API tokens last: tests/api/test_api_ownership.py leaves them out (each request records a token's last use).
    return [
        list(model.objects.order_by("pk").values())
        for model in (Run, Shoe, CrossTraining, PainReport, ImportBatch, ReturnPlan, ClinicianShare, ApiToken)
    ]


def test_every_route_with_an_id_is_covered():
    uncovered = {name for name, route in routes_with_ids() if not route.startswith(API_PREFIX)} - set(OWNED) - NOT_OWNED

    assert not uncovered, f"add an ownership case for: {sorted(uncovered)}"


@pytest.mark.parametrize("name", sorted(OWNED))
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("htmx", [False, True])
def test_another_runner_gets_404_and_nothing_changes(name, method, htmx, alice, bob_client):
    obj = OWNED[name](user=alice, **({"date": dt.date(2026, 11, 20)} if OWNED[name] is PainReportFactory else {}))
    path = "/" + dict(routes_with_ids())[name].replace("<int:pk>", str(obj.pk))
    before = snapshot()
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}

    response = getattr(bob_client, method)(path, POST_DATA if method == "post" else None, **headers)

    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("name", sorted(OWNED))
def test_the_owner_reaches_every_route(name, alice, alice_client):
    obj = OWNED[name](user=alice)
    path = "/" + dict(routes_with_ids())[name].replace("<int:pk>", str(obj.pk))

    if name in (
        "shoe_retire",
        "import_undo",
        "pain_morning",
        "plan_pause",
        "plan_resume",
        "plan_end",
        "api_token_revoke",
        "share_revoke",
    ):
        response = alice_client.post(path, {"next_morning": "2"})
    else:
        response = alice_client.get(path)

    assert response.status_code in (200, 302)


def test_a_runner_cannot_tag_a_run_with_someone_elses_shoe(alice, bob, alice_client):
    bobs_shoe = ShoeFactory(user=bob)

    response = alice_client.post("/runs/new/", {**POST_DATA, "date": "2026-11-20", "shoe": bobs_shoe.pk})

    assert response.status_code == 422
    assert not Run.objects.exists()


def test_a_runner_cannot_link_pain_to_someone_elses_run(alice, bob, alice_client):
    bobs_run = RunFactory(user=bob)

    response = alice_client.post("/pain/new/", {**POST_DATA, "run": bobs_run.pk})

    assert response.status_code == 422
    assert not PainReport.objects.exists()


def test_a_share_token_opens_its_runners_report_only(alice, bob, alice_client, bob_client, client):
    RunFactory(
        user=alice, start=dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC), distance_m=12_345, notes="FIRST-RUNNER-NOTE"
    )
    RunFactory(
        user=bob, start=dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC), distance_m=9_876, notes="SECOND-RUNNER-NOTE"
    )
    _, alice_token = _share(alice)
    _, bob_token = _share(bob)

    for viewer in (client, alice_client, bob_client):  # no session, the owner, and the other runner logged in
        for token, mine, theirs in (
            (alice_token, "FIRST-RUNNER-NOTE", "SECOND-RUNNER-NOTE"),
            (bob_token, "SECOND-RUNNER-NOTE", "FIRST-RUNNER-NOTE"),
        ):
            for suffix in ("", "report.pdf"):
                response = viewer.get(f"/share/{token}/{suffix}")
                assert response.status_code == 200
            html = viewer.get(f"/share/{token}/").content.decode()
            assert mine in html and theirs not in html
            assert "alice" not in html.lower() and "bob" not in html.lower()
