"""The "stored values" promise of docs/reliability.md: every date, duration and number a form accepts can be
shown on every page, in every time zone, and exported.

The extremes each form accepts (1970-01-01 and today at both edges of the runner's day, 24 hours, 350 km,
RPE 10, 230 bpm, a climb of 15,000 m, a shoe that starts at 3,000 km, pain 10 at every time point) are
stored through the real forms, then every GET route of the URLconf is walked for the runner, plain and as
htmx, with the charts, the CSV and JSON exports, the digest and `risk_report`, in UTC, Pacific/Kiritimati
(UTC+14) and Pacific/Pago_Pago (UTC-11). Rows of year 1 and 9999, stored directly as old data or a
restore could, must not take a page down either. Hypothesis adds random accepted dates in random zones.
"""

import csv
import datetime as dt
import io
import json
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from injuries.models import PainReport, ReturnPlan
from runlog.api.models import ApiToken
from runlog.digest.delivery import preview
from runlog.digest.unsubscribe import unsubscribe_token
from runlog.imports.models import ImportBatch
from runlog.log.bounds import DATE_MIN
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from runlog.sharing.models import CalendarFeed, ClinicianShare
from tests.dashboard.charts import chart_json
from tests.factories import (
    CrossTrainingFactory,
    PainReportFactory,
    ReturnPlanFactory,
    RunFactory,
    ShoeFactory,
    verified_email,
)

# Wednesday 25 November 2026, 12:00 UTC: Thursday 02:00 in Kiritimati, Wednesday 01:00 in Pago Pago.
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
ZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
# Routes that are not a page of the runner's log: the reset link needs a token from a mail, logging out
# and the morning score only take a POST.
# Not pages to walk: POST-only actions, and links whose token is made for them (tested with their views).
# A run's original file exists only for runs imported from a file (its download: tests/activity/).
NOT_PAGES = {
    "password_reset_confirm",
    "logout",
    "pain_morning",
    "email_resend",
    "email_confirm",
    "plan_pause",
    "plan_resume",
    "plan_end",
    "run_original",
    "share_revoke",  # POST only
}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox = []


def local_now(zone: str) -> dt.datetime:
    return NOW.astimezone(zoneinfo.ZoneInfo(zone))


def post(client: Client, path: str, data: dict) -> None:
    response = client.post(path, data)
    assert response.status_code == 302, (path, data, response.context and response.context["form"].errors)


def store_extremes(client: Client, zone: str) -> dict:
    """The extremes the forms accept, through the forms; returns what was stored, for the completeness checks."""
    now = local_now(zone)
    today, latest = now.date().isoformat(), now.strftime("%H:%M")
    first = DATE_MIN.isoformat()
    post(
        client,
        "/shoes/new/",
        {
            "name": "Old",
            "support": "neutral",
            "start_distance": "3000",
            "retire_distance": "5000",
            "purchased_on": first,
        },
    )
    post(
        client,
        "/shoes/new/",
        {"name": "New", "support": "stability", "start_distance": "0", "retire_distance": "1", "purchased_on": today},
    )
    old, new = Shoe.objects.order_by("pk")
    longest = {"distance": "350", "duration": "24:00:00", "confirm_long": "on", "kind": "race", "rpe": "10"}
    most = {"avg_hr": "230", "elevation_gain_m": "15000", "warm_up": "on", "surface": "trail", "notes": "x" * 2000}
    shortest = {"distance": "0.1", "duration": "1:00", "kind": "recovery", "rpe": "0", "avg_hr": "30"}
    post(client, "/runs/new/", {**longest, **most, "date": first, "time": "00:00", "shoe": old.pk})
    post(client, "/runs/new/", {**shortest, "date": first, "time": "23:59", "shoe": new.pk})
    post(client, "/runs/new/", {**longest, **most, "date": today, "time": "00:00", "shoe": old.pk})
    post(client, "/runs/new/", {**shortest, "date": today, "time": latest})
    for day, at in ((first, "00:00"), (first, "23:59"), (today, "00:00"), (today, latest)):
        post(
            client,
            "/cross-training/new/",
            {"date": day, "time": at, "activity": "other", "duration": "24:00:00", "rpe": "10"},
        )
    signs = {"swelling": "on", "warmth": "on", "stiffness": "on", "locking": "on", "cannot_bear_weight": "on"}
    scores = {"during": "10", "after": "10", "next_morning": "10"}
    for day in (first, today):
        post(client, "/pain/new/", {"date": day, "location": "inner_knee", "side": "both", **scores, **signs})
    post(
        client,
        "/pain/new/",
        {"date": today, "location": "calf_achilles", "side": "left", "during": "10", "run": Run.objects.first().pk},
    )
    # A return-to-run plan started today (a red flag is recent, so with the confirmation), ended at once.
    post(client, "/plans/start/", {"location": "inner_knee", "cleared": "clinician"})
    post(client, f"/plans/{ReturnPlan.objects.get().pk}/end/", {})
    # Retired today (the only way a retirement date is set), and back: both states shown.
    post(client, f"/shoes/{new.pk}/retire/", {})
    return {"today": now.date(), "runs": Run.objects.count(), "sessions": CrossTraining.objects.count()}


def routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if str(entry.pattern).startswith(("api/", "^api/")):
            continue  # the API answers tokens, not sessions: tests/api
        if isinstance(entry, URLResolver):
            if not str(entry.pattern).startswith("admin/"):
                yield from routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name not in NOT_PAGES:
            yield entry.name, "/" + prefix + str(entry.pattern)


def every_page(user, today: dt.date) -> list[str]:
    """Every GET route of the URLconf, filled with each of the runner's objects and with the dates shown."""
    objects = {
        "run": Run.objects.filter(user=user),
        "shoe": Shoe.objects.filter(user=user),
        "xt": CrossTraining.objects.filter(user=user),
        "pain": PainReport.objects.filter(user=user),
        "import": ImportBatch.objects.filter(user=user),
        "plan": ReturnPlan.objects.filter(user=user),
        "session": Run.objects.filter(user=user),  # a plan session's pain
        "api": ApiToken.objects.filter(user=user),
    }
    feed, _ = CalendarFeed.objects.get_or_create(user=user)  # the calendar feed shows the extremes too
    # So does a clinician share of the longest period, up to today (its page and its PDF).
    _, share_token = ClinicianShare.create(
        user,
        start_date=today - dt.timedelta(weeks=16) + dt.timedelta(days=1),
        end_date=today,
        include_notes=True,
        expires_at=dt.datetime(9999, 1, 1, tzinfo=dt.UTC),
    )
    values = {
        "<str:key>": [feed.key],
        "<slug:slug>": ["pain-red-flag"],
        "<str:token>": [unsubscribe_token(user)],
        "<str:day>": [DATE_MIN.isoformat(), today.isoformat()],
    }
    paths = []
    for name, pattern in routes():
        if name in ("clinician_share", "clinician_share_pdf"):
            paths.append(pattern.replace("<str:token>", share_token))
            continue
        if "<int:pk>" in pattern:
            paths += [
                pattern.replace("<int:pk>", str(pk)) for pk in objects[name.split("_")[0]].values_list("pk", flat=True)
            ]
            continue
        filled = [pattern]
        for key, options in values.items():
            filled = [p.replace(key, option) for p in filled for option in options]
        paths += filled
    months = {DATE_MIN.strftime("%Y-%m"), today.strftime("%Y-%m")}
    paths += [f"/calendar/?month={m}" for m in months] + ["/?weeks=52", "/charts/?weeks=52", "/runs/?kind=race"]
    return paths


def walk(client: Client, paths: list[str]) -> int:
    for path in paths:
        variants = [{}, {"HTTP_HX_REQUEST": "true"}]
        if path.startswith("/calendar/?"):
            variants.append({"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "calendar"})  # the month fragment
        for headers in variants:
            response = client.get(path, follow=True, **headers)
            assert response.status_code == 200, (path, headers, response.status_code)
            if not response.streaming:
                assert response.content, path
    return len(paths)


def download(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("zone", ZONES)
def test_the_extremes_the_forms_accept_are_shown_exported_and_sent_in_every_zone(alice, alice_client, zone, db):
    Profile.objects.filter(user=alice).update(timezone=zone)
    stored = store_extremes(alice_client, zone)
    today = stored["today"]

    assert walk(alice_client, every_page(alice, today)) > 40

    # Charts: this week holds today's two runs, 350.1 km in all.
    charts = alice_client.get("/charts/?weeks=52").content.decode()
    data = chart_json(charts)
    assert data["weekly"][-1]["km"] == 350.1
    assert data["weekly"][-1]["xt_min"] == 2 * 24 * 60
    assert {s["name"] for s in data["shoes"]} == {"Old"}  # "New" is retired

    # Exports: every row, every run.
    runs_csv = list(csv.DictReader(io.StringIO(download(alice_client, "/export/runs.csv"))))
    assert len(runs_csv) == stored["runs"] == 4
    assert [r["distance_km"] for r in runs_csv] == ["350.000", "0.100", "350.000", "0.100"]
    assert runs_csv[0]["start"].startswith("1970-01-01T00:00:00") and runs_csv[-1]["start"].startswith(
        today.isoformat()
    )
    sessions_csv = list(csv.DictReader(io.StringIO(download(alice_client, "/export/cross-training.csv"))))
    assert len(sessions_csv) == stored["sessions"] == 4
    account = json.loads(download(alice_client, "/export/account.json"))
    assert len(account["runs"]) == 4 and len(account["cross_training"]) == 4 and len(account["shoes"]) == 2

    # The risk report, today and on the first day of 1970.
    for extra in ((), ("--on", today.isoformat()), ("--on", DATE_MIN.isoformat())):
        out = io.StringIO()
        call_command("risk_report", "alice", "--format", "json", *extra, stdout=out)
        assert json.loads(out.getvalue())["user"] == "alice"

    # The digest of the week holding today: previewed, then sent on the Monday after at 08:00 local time.
    monday = today + dt.timedelta(days=7 - today.weekday())
    send_at = dt.datetime.combine(monday, dt.time(8), tzinfo=zoneinfo.ZoneInfo(zone))
    Profile.objects.filter(user=alice).update(digest_enabled=True, digest_weekday=0, **verified_email(alice))
    with time_machine.travel(send_at, tick=False):
        content, message = preview(Profile.objects.select_related("user").get(user=alice))
        assert content.week.runs == 2 and round(content.week.distance_m) == 350_100
        assert "Distance: 350.1 km" in message.body
        out = io.StringIO()
        call_command("send_weekly_digests", "--inline", stdout=out)
    assert "1 sent" in out.getvalue()
    (sent,) = mail.outbox
    assert sent.to == [alice.email] and "Distance: 350.1 km" in sent.body and "Runs: 2" in sent.body


def store_old_rows(user) -> None:
    """Rows no form accepts, inserted directly as old data or a restore could."""
    ancient, far = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC), dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)
    shoe = ShoeFactory(user=user, purchased_on=dt.date(1, 1, 1), start_m=3_000_000)
    ShoeFactory(user=user, purchased_on=dt.date(9999, 12, 31), retired_on=dt.date(9999, 12, 31))
    ShoeFactory(user=user, retired_on=dt.date(1, 1, 1))
    run = RunFactory(user=user, start=ancient, shoe=shoe, distance_m=350_000, duration_s=86_400)
    RunFactory(user=user, start=far, shoe=shoe)
    CrossTrainingFactory(user=user, start=ancient)
    CrossTrainingFactory(user=user, start=far)
    PainReportFactory(user=user, date=dt.date(1, 1, 1), run=run, during=10, after=10, next_morning=10)
    PainReportFactory(user=user, date=dt.date(9999, 12, 31), during=10)
    ReturnPlanFactory(user=user, started_on=dt.date(1, 1, 1), cleared_on=dt.date(1, 1, 2), ended_on=dt.date(1, 1, 3))
    ReturnPlanFactory(user=user, started_on=dt.date(9999, 12, 31), cleared_on=dt.date(9999, 12, 31))


@pytest.mark.parametrize("zone", [*ZONES, "America/New_York"])
def test_rows_of_year_1_and_9999_do_not_take_a_page_down(alice, alice_client, zone, admin_client):
    Profile.objects.filter(user=alice).update(timezone=zone)
    store_old_rows(alice)
    today = local_now(zone).date()

    walk(alice_client, [p for p in every_page(alice, today) if not p.startswith("/export/")])

    for path in ("/admin/runlog/profile/{}/digest-preview/", "/admin/runlog/profile/{}/digest-preview/html/"):
        assert admin_client.get(path.format(alice.profile.pk)).status_code == 200
    out = io.StringIO()
    call_command("risk_report", "alice", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["on"] == today.isoformat()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(min_value=DATE_MIN, max_value=dt.date(2026, 11, 26)),
    at=st.times(),
    zone=st.sampled_from(sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})),
)
def test_any_accepted_date_in_any_zone_is_shown_and_exported(alice, day, at, zone):
    client = Client()
    client.force_login(alice)
    with transaction.atomic():
        Profile.objects.filter(user=alice).update(timezone=zone)
        today = local_now(zone).date()
        data = {"date": day.isoformat(), "time": at.strftime("%H:%M"), "distance": "350", "duration": "24:00:00"}
        response = client.post("/runs/new/", {**data, "kind": "long", "confirm_long": "on"})
        moment = dt.datetime.combine(day, at.replace(second=0, microsecond=0), tzinfo=zoneinfo.ZoneInfo(zone))
        accepted = day <= today and moment <= NOW + dt.timedelta(minutes=5)
        assert response.status_code == (302 if accepted else 422)
        if accepted:
            (run,) = Run.objects.filter(user=alice)
            walk(
                client,
                [
                    "/",
                    "/runs/",
                    f"/runs/{run.pk}/edit/",
                    "/charts/",
                    f"/calendar/{day}/",
                    f"/calendar/?month={day:%Y-%m}",
                ],
            )
            (row,) = csv.DictReader(io.StringIO(download(client, "/export/runs.csv")))
            # A time that does not exist locally (a DST gap) is stored as the moment it names, shown after the gap.
            shown = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
            assert row["start"].startswith(shown.strftime("%Y-%m-%dT%H:%M"))
        transaction.set_rollback(True)
