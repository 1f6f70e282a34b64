"""Rows stored at the ends of the calendar (old data, a restore, an admin edit: no form accepts them) are
shown on every page in every time zone, and the weekly digest batch survives a runner it cannot build."""

import datetime as dt
import io
import logging

import pytest
import time_machine
from django.core.management import CommandError, call_command

from runlog.digest import content as digest
from runlog.digest import delivery
from runlog.digest.models import DigestDelivery
from runlog.log.models import Profile
from tests import mail_backends as mb
from tests.factories import (
    CrossTrainingFactory,
    PainReportFactory,
    RunFactory,
    ShoeFactory,
    UserFactory,
    local,
    verified_email,
)

# Monday 30 November 2026, 13:00 UTC: 08:00 in New York, 14:00 in Berlin; both runners' digest day.
MONDAY = dt.datetime(2026, 11, 30, 13, 0, tzinfo=dt.UTC)
WEEK = dt.date(2026, 11, 23)
# Half past midnight UTC on the first day Python knows: still year 0 in New York.
YEAR_1 = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC)
# Half past eleven on the last day Python knows: already year 10000 in Kiritimati.
YEAR_9999 = dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(MONDAY, tick=False):
        yield


@pytest.fixture(autouse=True)
def scripted_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.mail_backends.ScriptedBackend"}}
    mb.reset()
    yield mb
    mb.reset()


def in_zone(user, name: str) -> None:
    Profile.objects.filter(user=user).update(timezone=name)


def old_rows(user):
    shoe = ShoeFactory(user=user, purchased_on=dt.date(1, 1, 1), retired_on=dt.date(9999, 12, 31))
    early = RunFactory(user=user, start=YEAR_1, shoe=shoe)
    late = RunFactory(user=user, start=YEAR_9999)
    CrossTrainingFactory(user=user, start=YEAR_1)
    CrossTrainingFactory(user=user, start=YEAR_9999)
    PainReportFactory(user=user, date=dt.date(1, 1, 1), run=early)
    PainReportFactory(user=user, date=dt.date(9999, 12, 31))
    return early, late


PAGES = ["/", "/runs/", "/cross-training/", "/charts/", "/week/", "/risk/panel/", "/pain/", "/shoes/", "/calendar/"]


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_pages_show_runs_stored_in_year_1_and_year_9999(alice, alice_client, zone, htmx_headers):
    early, late = old_rows(alice)
    in_zone(alice, zone)

    for path in [*PAGES, f"/runs/{early.pk}/edit/", f"/runs/{late.pk}/edit/", f"/pain/new/?run={early.pk}"]:
        assert alice_client.get(path).status_code == 200, path
    for path in (f"/runs/{early.pk}/", f"/runs/{late.pk}/", "/runs/?page=1"):
        assert alice_client.get(path, **htmx_headers).status_code == 200, path


def test_a_run_of_year_1_shows_its_first_representable_moment_in_new_york(alice, alice_client, htmx_headers):
    early, _ = old_rows(alice)
    in_zone(alice, "America/New_York")

    html = alice_client.get(f"/runs/{early.pk}/", **htmx_headers).content.decode()

    # 00:30 UTC on 1 January of year 1 is 31 December of year 0 in New York: the page shows the
    # earliest time that exists, in the runner's zone (New York's local mean time then: UTC-4:56:02).
    assert '<time datetime="0001-01-01T00:00:00-04:56:02">Mon 1 Jan 0001, 00:00</time>' in html


def test_the_edit_form_of_a_year_1_run_asks_for_a_real_date(alice, alice_client):
    early, _ = old_rows(alice)
    in_zone(alice, "America/New_York")

    response = alice_client.post(
        f"/runs/{early.pk}/edit/", {"date": "0001-01-01", "distance": "10", "duration": "50:00"}
    )

    assert response.status_code == 422
    assert response.context["form"].errors["date"] == ["That date is before 1970 — check the year."]


def test_the_admin_previews_the_digest_of_a_runner_with_a_run_of_year_1(alice, admin_client):
    old_rows(alice)
    in_zone(alice, "America/New_York")

    for path in ("/admin/runlog/profile/{}/digest-preview/", "/admin/runlog/profile/{}/digest-preview/html/"):
        assert admin_client.get(path.format(alice.profile.pk)).status_code == 200


# The digest batch ---------------------------------------------------------------------------------


def runner(username: str, tz: str):
    user = UserFactory(username=username)
    Profile.objects.update_or_create(
        user=user,
        defaults={"timezone": tz, "digest_weekday": 0, "digest_enabled": True, **verified_email(user)},
    )
    for i in range(3):
        RunFactory(user=user, start=local(WEEK + dt.timedelta(days=i * 2), tz=tz), distance_m=10_000)
    return user


def send() -> str:
    out = io.StringIO()
    call_command("send_weekly_digests", "--inline", "--now", MONDAY.isoformat(), stdout=out)
    return out.getvalue()


def test_a_run_of_year_1_does_not_stop_anyones_digest(db):
    ny = runner("ny", "America/New_York")
    runner("berlin", "Europe/Berlin")
    RunFactory(user=ny, start=YEAR_1)

    out = send()

    assert sorted(m.to[0] for m in mb.SENT) == ["berlin@example.com", "ny@example.com"]
    assert "2 sent" in out


def test_a_runner_whose_digest_cannot_be_built_is_logged_and_the_others_are_sent(db, monkeypatch, caplog):
    """The assessment fails for one runner's data (here: a run of exactly 12,345 m, made to break it); the
    batch is rebuilt runner by runner, that runner's delivery is marked failed with the error, and the
    command exits non-zero after sending the others."""
    for name in ("ana", "ben", "cai"):
        runner(name, "Europe/Berlin")
    RunFactory(user=UserFactory(username="ben"), start=local(WEEK, tz="Europe/Berlin"), distance_m=12_345)
    assess = digest.assess

    def assess_breaking_on_ben(frames, on):
        if (frames.runs["distance_m"] == 12_345).any():
            raise ZeroDivisionError("a rule divided by zero")
        return assess(frames, on)

    monkeypatch.setattr(digest, "assess", assess_breaking_on_ben)

    with caplog.at_level(logging.ERROR, logger="runlog.digest"), pytest.raises(CommandError, match="1 digest"):
        send()

    assert sorted(m.to[0] for m in mb.SENT) == ["ana@example.com", "cai@example.com"]
    failed = DigestDelivery.objects.get(user__username="ben")
    assert failed.status == "failed" and failed.last_error == "ZeroDivisionError: a rule divided by zero"
    assert any(r.exc_info and "could not be built" in r.getMessage() for r in caplog.records)
    # Marked failed: the next run does not try (and log) it again, and sends nothing twice.
    assert "0 digest(s) due" in send()


def test_a_digest_that_cannot_be_rendered_is_marked_failed_and_the_batch_goes_on(db, monkeypatch, caplog):
    for name in ("ana", "ben", "cai"):
        runner(name, "Europe/Berlin")
    render = digest.render_digest

    def render_breaking_on_ben(content):
        if content.profile.user.username == "ben":
            raise ValueError("a template tag broke")
        return render(content)

    monkeypatch.setattr(delivery, "render_digest", render_breaking_on_ben)  # where delivery looks it up

    with caplog.at_level(logging.ERROR, logger="runlog.digest"), pytest.raises(CommandError):
        send()

    assert sorted(m.to[0] for m in mb.SENT) == ["ana@example.com", "cai@example.com"]
    assert DigestDelivery.objects.get(user__username="ben").status == "failed"
    assert any(r.exc_info and "could not be rendered" in r.getMessage() for r in caplog.records)
