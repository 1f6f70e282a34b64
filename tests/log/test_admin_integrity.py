"""The admin keeps the runner's promises: stale forms refused, every bound applied, one account per address."""

import datetime as dt
import html
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from injuries.models import PainReport
from runlog.log.accounts import send_password_reset
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import (
    CrossTrainingFactory,
    PainReportFactory,
    RunFactory,
    ShoeFactory,
    UserFactory,
    local,
)
from tests.log.conftest import NOW
from tests.test_admin import posted_back


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def run(alice):
    return RunFactory(
        user=alice, start=local(dt.date(2026, 11, 20)), distance_m=10_000.0, duration_s=3000, elevation_gain_m=40.0
    )


def form_errors(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


# 1. Stale change forms ---------------------------------------------------------------------------


def test_a_stale_admin_change_of_a_run_is_refused_with_both_values_and_loses_nothing(admin_client, run):
    url = f"/admin/runlog/run/{run.pk}/change/"
    page = admin_client.get(url).content.decode()
    # Meanwhile the runner saves the run from their edit form (10 → 9.9 km and a note).
    Run.objects.filter(pk=run.pk).update(distance_m=9_900.0, notes="windy")

    refused = admin_client.post(url, posted_back(page, "elevation_gain_m", "66"))

    assert refused.status_code == 409
    run.refresh_from_db()
    assert (run.distance_m, run.notes, run.elevation_gain_m) == (9_900.0, "windy", 40.0)
    text = form_errors(refused)
    assert "Saved meanwhile by someone else" in text
    assert "yours 10000.0, saved 9900.0" in text
    assert "yours —, saved windy" in text
    # Posted again (the refused form carries the saved row's version now), the admin's values are kept.
    again = admin_client.post(url, posted_back(refused.content.decode(), None, None))
    assert again.status_code == 302
    run.refresh_from_db()
    assert (run.distance_m, run.elevation_gain_m) == (10_000.0, 66.0)


@pytest.mark.parametrize(
    ("path", "make", "field", "value", "meanwhile"),
    [
        ("runlog/shoe", lambda alice: ShoeFactory(user=alice, name="Pegasus"), "brand", "Nike", {"name": "Peg 41"}),
        (
            "runlog/crosstraining",
            lambda alice: CrossTrainingFactory(user=alice, notes=""),
            "notes",
            "hills",
            {"duration_s": 2700},
        ),
        (
            "injuries/painreport",
            lambda alice: PainReportFactory(user=alice, notes=""),
            "notes",
            "sore",
            {"during": 6},
        ),
        ("runlog/profile", lambda alice: alice.profile, "timezone", "Europe/Paris", {"units": "mi"}),
    ],
)
def test_every_log_change_form_in_the_admin_is_refused_when_stale(
    admin_client, alice, path, make, field, value, meanwhile
):
    obj = make(alice)
    url = f"/admin/{path}/{obj.pk}/change/"
    page = admin_client.get(url).content.decode()
    type(obj).objects.filter(pk=obj.pk).update(**meanwhile)

    refused = admin_client.post(url, posted_back(page, field, value))

    assert refused.status_code == 409
    obj.refresh_from_db()
    assert getattr(obj, field) != value
    for name, saved in meanwhile.items():
        assert getattr(obj, name) == saved


def test_an_admin_change_of_a_run_nobody_else_saved_goes_through(admin_client, run):
    url = f"/admin/runlog/run/{run.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert admin_client.post(url, posted_back(page, "elevation_gain_m", "66")).status_code == 302
    run.refresh_from_db()
    assert run.elevation_gain_m == 66.0


# 2. Bounds in the admin and in full_clean --------------------------------------------------------


def add_run(admin_client, alice, **changes) -> tuple[int, str]:
    data = posted_back(admin_client.get("/admin/runlog/run/add/").content.decode(), None, None)
    data |= {
        "user": [str(alice.pk)],
        "start_0": ["2026-11-20"],
        "start_1": ["07:00:00"],
        "distance_m": ["10000"],
        "duration_s": ["3000"],
    }
    data |= {name: [text] for name, text in changes.items()}
    response = admin_client.post("/admin/runlog/run/add/", data)
    return response.status_code, form_errors(response)


def test_the_admin_adds_a_run_within_the_bounds(admin_client, alice):
    status, _ = add_run(admin_client, alice)
    assert status == 302
    assert Run.objects.filter(user=alice).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # 1969-12-31 07:00 in Berlin (alice's zone) is before 1970 there.
        ({"start_0": "1969-12-31"}, "That date is before 1970 — check the year."),
        ({"start_0": "0001-01-01"}, "That date is before 1970 — check the year."),
        ({"start_0": "2026-11-26"}, "That date is in the future"),
        ({"duration_s": "99999999999"}, "That is longer than 24 hours — check the time."),
        ({"duration_s": "30"}, "That is shorter than a minute — check the time."),
        ({"distance_m": "99999999999"}, "That is over 350 km — check the distance and the unit."),
        ({"distance_m": "50"}, "A run is at least 0.1 km (100 m)."),
        # 10 km in 10:00 is a pace of 1:00 /km.
        ({"duration_s": "600"}, "faster than a human runs that far"),
        ({"rpe": "11"}, "Effort (RPE) is a whole number from 0 to 10."),
        ({"avg_hr": "16"}, "Heart rate must be between 30 and 230 bpm."),
        ({"max_hr": "400"}, "Heart rate must be between 30 and 230 bpm."),
        ({"avg_cadence_spm": "400"}, "Step rate must be between 60 and 260."),
        ({"elevation_gain_m": "20000"}, "Climb must be between 0 and 15,000 m."),
        ({"elapsed_s": "999999999"}, "Elapsed time must be at most 7 days."),
    ],
)
def test_the_admin_refuses_a_run_out_of_bounds(admin_client, alice, changes, message):
    status, page = add_run(admin_client, alice, **changes)
    assert status == 200
    assert message in page
    assert not Run.objects.exists()


def test_a_start_on_the_first_of_january_1970_in_the_runners_zone_is_accepted(admin_client, alice):
    # 1970-01-01 00:30 in Berlin is 1969-12-31 23:30 UTC: the runner's own date counts.
    alice.profile.timezone = "Europe/Berlin"
    alice.profile.save()
    run = RunFactory.build(user=alice, start=local(dt.date(1970, 1, 1), 0, 30), distance_m=5000.0, duration_s=1500)
    run.full_clean()


def test_full_clean_refuses_cross_training_shoes_and_pain_reports_out_of_bounds(alice):
    session = CrossTrainingFactory.build(user=alice, start=local(dt.date(1969, 7, 20)), duration_s=90_000)
    with pytest.raises(ValidationError) as refused:
        session.full_clean()
    assert refused.value.message_dict["start"] == ["That date is before 1970 — check the year."]
    assert refused.value.message_dict["duration_s"] == ["That is longer than 24 hours — check the time."]

    shoe = ShoeFactory.build(user=alice, start_m=3_000_001.0, purchased_on=dt.date(2026, 12, 1))
    with pytest.raises(ValidationError) as refused:
        shoe.full_clean()
    assert refused.value.message_dict["start_m"] == ["Starting distance can be at most 3,000 km."]
    assert refused.value.message_dict["purchased_on"] == [
        "That date is in the future; log sessions once they have happened."
    ]

    report = PainReportFactory.build(user=alice, during=11, date=dt.date(1969, 12, 31))
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert refused.value.message_dict["during"] == ["A pain score is a whole number from 0 to 10."]
    assert refused.value.message_dict["date"] == ["That date is before 1970 — check the year."]


def test_the_admin_refuses_a_shoe_a_session_and_a_pain_report_out_of_bounds(admin_client, alice):
    shoe = ShoeFactory(user=alice)
    url = f"/admin/runlog/shoe/{shoe.pk}/change/"
    response = admin_client.post(url, posted_back(admin_client.get(url).content.decode(), "start_m", "9000000"))
    assert response.status_code == 200
    assert "Starting distance can be at most 3,000 km." in form_errors(response)
    assert Shoe.objects.get(pk=shoe.pk).start_m == shoe.start_m

    session = CrossTrainingFactory(user=alice)
    url = f"/admin/runlog/crosstraining/{session.pk}/change/"
    response = admin_client.post(url, posted_back(admin_client.get(url).content.decode(), "start_0", "0001-01-01"))
    assert response.status_code == 200
    assert CrossTraining.objects.get(pk=session.pk).start == session.start

    report = PainReportFactory(user=alice)
    url = f"/admin/injuries/painreport/{report.pk}/change/"
    response = admin_client.post(url, posted_back(admin_client.get(url).content.decode(), "after", "12"))
    assert response.status_code == 200
    assert "A pain score is a whole number from 0 to 10." in form_errors(response)
    assert PainReport.objects.get(pk=report.pk).after == report.after


# 3. One account per address ----------------------------------------------------------------------


def test_the_admin_refuses_an_address_another_account_uses_whatever_its_case(admin_client, alice):
    alice.email = "demo@example.com"
    alice.save()
    eve = UserFactory(username="eve", email="eve@example.com")
    url = f"/admin/auth/user/{eve.pk}/change/"

    response = admin_client.post(url, posted_back(admin_client.get(url).content.decode(), "email", "DEMO@example.com"))

    assert response.status_code == 200
    assert "Another account uses this email address." in form_errors(response)
    eve.refresh_from_db()
    assert eve.email == "eve@example.com"


def test_the_admin_keeps_a_users_own_address_and_normalises_its_domain(admin_client, alice):
    alice.email = "alice@example.com"
    alice.save()
    url = f"/admin/auth/user/{alice.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert admin_client.post(url, posted_back(page, "first_name", "Alice")).status_code == 302
    page = admin_client.get(url).content.decode()
    assert admin_client.post(url, posted_back(page, "email", "Alice.New@Example.NET")).status_code == 302
    alice.refresh_from_db()
    assert alice.email == "Alice.New@example.net"


def test_the_admin_add_form_refuses_an_address_in_use(admin_client, alice):
    alice.email = "demo@example.com"
    alice.save()
    data = posted_back(admin_client.get("/admin/auth/user/add/").content.decode(), None, None)
    data |= {
        "username": ["eve"],
        "email": ["Demo@Example.com"],
        "usable_password": ["true"],
        "password1": ["a-long-unusual-passphrase"],
        "password2": ["a-long-unusual-passphrase"],
    }
    response = admin_client.post("/admin/auth/user/add/", data)
    assert response.status_code == 200
    assert "Another account uses this email address." in form_errors(response)
    assert not Profile.objects.filter(user__username="eve").exists()
    assert not type(alice).objects.filter(username="eve").exists()


def test_a_reset_for_an_address_two_old_accounts_share_goes_only_to_the_verified_one(alice, settings):
    # Two accounts from before addresses were kept unique; only alice proved she reads demo@example.com.
    alice.email = "demo@example.com"
    alice.save()
    Profile.objects.filter(user=alice).update(verified_email="demo@example.com", email_verified_at=NOW)
    eve = UserFactory(username="eve", email="DEMO@example.com")
    eve.set_password("whatever-it-is")
    eve.save()

    assert send_password_reset.call("demo@example.com") == 1
    assert len(mail.outbox) == 1
    assert "alice" in mail.outbox[0].body


def test_a_reset_for_an_address_two_unverified_accounts_share_goes_to_neither(alice):
    alice.email = "demo@example.com"
    alice.save()
    UserFactory(username="eve", email="DEMO@example.com", password="whatever-it-is")
    assert send_password_reset.call("demo@example.com") == 0
    assert mail.outbox == []
