"""`manage.py seed_demo`: a demo runner whose log already shows several warnings; safe to re-run."""

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command

from injuries.assessment import assessment_for
from runlog.log.models import Run, Shoe


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_seed_demo_creates_a_runner_with_warnings_and_is_idempotent(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=out)
    first, link, second = out.getvalue().splitlines()

    assert first.startswith("Created demo runner 'demo'")
    assert link.startswith("Clinician share of the last 12 weeks (works 14 days): http://")
    assert "already exists; nothing changed" in second  # the share still works: no second one
    runs = Run.objects.filter(user__username="demo")
    assert 100 < runs.count() < 200
    first_run = runs.order_by("start").first().start.date()
    assert first_run <= dt.date(2026, 11, 25) - dt.timedelta(days=175)

    from django.contrib.auth import get_user_model

    demo = get_user_model().objects.get(username="demo")
    assert demo.check_password("demo-password")
    codes = {f.code: f.severity for f in assessment_for(demo.profile).flags}
    assert codes["pain.monitor"] == "high"  # the inner-knee episode after the half marathon
    assert "overtraining.session_spike" in codes
    assert "footwear.worn" in codes
    worn = max(Shoe.objects.filter(user=demo).with_distance(), key=lambda s: s.total_m())
    assert worn.total_m() > 700_000


def test_seed_demo_takes_a_username_and_password(db):
    call_command("seed_demo", "--username", "trial", "--password", "another-password", stdout=io.StringIO())

    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="trial").check_password("another-password")


@pytest.mark.parametrize("weekday_offset", range(7))
def test_the_demo_works_whatever_the_weekday(db, weekday_offset):
    when = dt.datetime(2026, 11, 23 + weekday_offset, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(when, tick=False):
        call_command("seed_demo", stdout=io.StringIO())
        from django.contrib.auth import get_user_model

        demo = get_user_model().objects.get(username="demo")
        assert assessment_for(demo.profile).flags


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_demo_runner_has_a_finished_plan_and_one_just_begun(db):
    call_command("seed_demo", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    from injuries.assessment import plan_history

    demo = get_user_model().objects.get(username="demo")
    finished, current = plan_history(demo.profile, dt.date(2026, 11, 25))

    assert (finished.location, finished.status, finished.phase, len(finished.sessions)) == ("kneecap", "done", 8, 16)
    assert (current.location, current.status, current.phase, current.last_session) == (
        "inner_knee",
        "active",
        1,
        "amber",
    )
    assert current.rest_today is True  # yesterday's session: a day off between sessions
    assert assessment_for(demo.profile).plan.document()["status"] == "active"


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_demo_has_one_live_clinician_share_whose_link_opens_the_report(db, client):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=out)
    from runlog.sharing.models import ClinicianShare

    [share] = ClinicianShare.objects.filter(user__username="demo")
    assert (share.start_date, share.end_date) == (dt.date(2026, 9, 3), dt.date(2026, 11, 25))  # 84 days
    assert share.include_notes and share.status == "active"
    url = out.getvalue().splitlines()[1].rsplit(" ", 1)[1]
    html = client.get(urlsplit(url).path).content.decode()
    assert "Training report: Demo runner" in html
    assert 'data-testid="episode"' in html and 'data-testid="plan"' in html
    assert "Inner side of the left knee, worse on the downhill" in html  # the demo's note, notes included


def test_a_demo_whose_share_expired_gets_a_new_one_on_the_next_run(db):
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False):
        call_command("seed_demo", stdout=out)
    with time_machine.travel(dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.UTC), tick=False):
        call_command("seed_demo", stdout=out)
        from runlog.sharing.models import ClinicianShare

        assert ClinicianShare.objects.live().count() == 1
    lines = out.getvalue().splitlines()
    assert "its clinician share had stopped working, so there is a new one" in lines[2]
    assert lines[3].startswith("Clinician share of the last 12 weeks")
    assert ClinicianShare.objects.count() == 2
