"""The weekly digest: content, timing across time zones and DST, exactly-once delivery, unsubscribe."""

import datetime as dt
import io
import re
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client

from runlog.digest.content import build_contents
from runlog.digest.due import due_filter, due_profiles, week_covered
from runlog.digest.models import DigestDelivery
from runlog.digest.unsubscribe import unsubscribe_token
from runlog.log.models import Profile
from tests import mail_backends as mb
from tests.factories import PainReportFactory, ReturnPlanFactory, RunFactory, ShoeFactory, UserFactory, local

# Monday 30 November 2026, 08:00 in Berlin (07:00 UTC): the digest covers Mon 23 – Sun 29 November.
MONDAY_8_BERLIN = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
WEEK = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def scripted_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.mail_backends.ScriptedBackend"}}
    mb.reset()
    yield mb
    mb.reset()


def runner(username: str, tz: str = "Europe/Berlin", weekday: int = 0, runs: int = 3, **profile):
    user = UserFactory(username=username)
    verified = {"verified_email": user.email, "email_verified_at": MONDAY_8_BERLIN - dt.timedelta(days=30)}
    Profile.objects.update_or_create(
        user=user, defaults={"timezone": tz, "digest_weekday": weekday, "digest_enabled": True, **verified, **profile}
    )
    shoe = ShoeFactory(user=user, name=f"{username}'s trainers", start_m=500_000)
    for i in range(runs):
        RunFactory(
            user=user,
            shoe=shoe,
            start=local(WEEK + dt.timedelta(days=i * 2), tz=tz),
            distance_m=10_000,
            duration_s=3000,
        )
    for i in range(4):
        RunFactory(
            user=user, start=local(WEEK - dt.timedelta(days=7 * (i + 1)), tz=tz), distance_m=8_000, duration_s=2400
        )
    return user


def send(now=MONDAY_8_BERLIN, *extra) -> str:
    out = io.StringIO()
    with time_machine.travel(now, tick=False):
        call_command("send_weekly_digests", "--inline", "--now", now.isoformat(), *extra, stdout=out)
    return out.getvalue()


# Content -----------------------------------------------------------------------------------------


def test_the_digest_tells_the_week_against_the_4_week_average(db):
    alice = runner("alice")
    PainReportFactory(user=alice, date=WEEK + dt.timedelta(days=2), during=6, after=7)

    send()

    (message,) = mb.SENT
    text, html = message.body, message.alternatives[0][0]
    for fact in (
        "30.0 km",
        "avg 8.0 km",
        "Runs: 3",
        "Inner knee: up to 7/10",
        "alice's trainers: 530 km",
        "Make this week lighter",
    ):
        assert fact.replace("avg ", "4-week average ") in text or fact in text
    assert "30.0 km" in html and "avg 8.0 km" in html
    assert "Inner knee: up to 7/10" in html
    assert "alice&#x27;s trainers: 530 km" in html
    assert "alice's trainers: 530 km" in text  # the text body is not HTML-escaped
    assert "&#x27;" not in text and "&amp;" not in text
    assert re.fullmatch(r"Your running week of 23 Nov: 30\.0 km, \d+ warnings?", message.subject)


def test_the_digest_shows_the_plans_week(db):
    alice = runner("alice", runs=0)
    ReturnPlanFactory(user=alice, started_on=WEEK - dt.timedelta(days=3))
    for offset, (during, after) in ((0, (1, 1)), (2, (0, 2)), (4, (4, 3))):
        run = RunFactory(
            user=alice,
            start=local(WEEK + dt.timedelta(days=offset)),
            distance_m=3000,
            duration_s=1800,
            plan_session=True,
        )
        PainReportFactory(user=alice, date=run.start.date(), run=run, during=during, after=after, next_morning=0)

    send()

    (message,) = mb.SENT
    text, html = message.body, message.alternatives[0][0]
    assert "YOUR RETURN-TO-RUN PLAN" in text
    assert "Phase 2 of 8: 6 × (2 min run, 3 min walk) (active)." in text
    assert "- Mon 23 Nov, phase 1: green." in text
    assert "- Wed 25 Nov, phase 1: green. Second green session at phase 1: on to phase 2." in text
    assert "- Fri 27 Nov, phase 2: amber." in text
    assert "Your return-to-run plan" in html and "Amber (pain 4/10): phase 2 is repeated." in html


def test_both_bodies_carry_the_same_warnings_with_advice_links(db):
    runner("alice")
    send()
    (message,) = mb.SENT
    text, html = message.body, message.alternatives[0][0]
    content = build_contents(
        [Profile.objects.get(user__username="alice")], {Profile.objects.get(user__username="alice").user_id: WEEK}
    )
    flags = next(iter(content.values())).flags

    assert flags
    for flag, advice in flags:
        assert flag.title in text
        assert advice.get_absolute_url() in text and advice.get_absolute_url() in html


def test_the_message_is_multipart_with_no_remote_images_and_unsubscribe_headers(db):
    runner("alice")
    send()
    (message,) = mb.SENT
    html = message.alternatives[0][0]

    assert message.alternatives[0][1] == "text/html"
    assert "<img" not in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/digest/unsubscribe/" in message.body


def test_nothing_to_say_means_no_email_and_the_decision_is_recorded(db):
    runner("idle", runs=0)
    from runlog.log.models import Run

    Run.objects.filter(user__username="idle").delete()

    send()

    assert mb.SENT == []
    delivery = DigestDelivery.objects.get(user__username="idle")
    assert delivery.status == "skipped" and "no activity" in delivery.last_error


# Who and when ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (dt.datetime(2026, 11, 30, 5, 59, tzinfo=dt.UTC), False),  # 06:59 in Berlin
        (dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC), True),  # 07:00 in Berlin
        (dt.datetime(2026, 11, 29, 22, 0, tzinfo=dt.UTC), False),  # Sunday 23:00 in Berlin
        (dt.datetime(2026, 11, 30, 22, 59, tzinfo=dt.UTC), True),  # Monday 23:59
        (dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.UTC), False),  # Tuesday already
    ],
)
def test_due_on_the_runners_weekday_after_7_local(db, now, due):
    runner("monday", "Europe/Berlin", weekday=0)

    found = [p.user.username for batch, _ in due_profiles(now) for p in batch]

    assert found == (["monday"] if due else [])


def test_dst_change_moves_the_utc_moment(db):
    # Berlin leaves summer time on Sun 25 Oct 2026: 07:00 is 05:00 UTC before and 06:00 UTC after.
    assert due_filter(dt.datetime(2026, 10, 19, 5, 0, tzinfo=dt.UTC), ["Europe/Berlin"]) is not None
    assert due_filter(dt.datetime(2026, 10, 26, 5, 30, tzinfo=dt.UTC), ["Europe/Berlin"]) is None
    assert due_filter(dt.datetime(2026, 10, 26, 6, 0, tzinfo=dt.UTC), ["Europe/Berlin"]) is not None


def test_each_runner_is_due_in_their_own_time_zone(db):
    runner("berlin", "Europe/Berlin")
    runner("tokyo", "Asia/Tokyo")
    runner("newyork", "America/New_York")

    # 07:00 UTC Monday: 08:00 Berlin, 16:00 Tokyo, 02:00 New York.
    send(MONDAY_8_BERLIN)
    assert sorted(m.to[0] for m in mb.SENT) == ["berlin@example.com", "tokyo@example.com"]
    send(dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC))  # 07:00 in New York
    assert sorted(m.to[0] for m in mb.SENT) == ["berlin@example.com", "newyork@example.com", "tokyo@example.com"]


def test_the_covered_week_is_the_last_full_monday_to_sunday():
    assert week_covered(dt.date(2026, 11, 30)) == dt.date(2026, 11, 23)  # Monday
    assert week_covered(dt.date(2026, 12, 3)) == dt.date(2026, 11, 23)  # Thursday
    assert week_covered(dt.date(2026, 12, 6)) == dt.date(2026, 11, 23)  # Sunday


def test_only_the_chosen_weekday(db):
    runner("thursday", weekday=3)

    send(MONDAY_8_BERLIN)
    assert mb.SENT == []
    send(dt.datetime(2026, 12, 3, 7, 0, tzinfo=dt.UTC))
    assert len(mb.SENT) == 1


def test_unsubscribed_runners_and_runners_without_email_get_nothing(db):
    runner("off", digest_enabled=False)
    noemail = runner("noemail")
    noemail.email = ""
    noemail.save()

    assert "0 digest(s) due" in send()
    assert mb.SENT == []


# Exactly once ------------------------------------------------------------------------------------


def test_running_twice_sends_one_email_per_runner(db):
    for name in ("a", "b", "c"):
        runner(name)

    send()
    second = send()

    assert len(mb.SENT) == 3
    assert "0 digest(s) due" in second
    assert DigestDelivery.objects.filter(status="sent").count() == 3


def test_queueing_through_tasks_sends_once_even_if_queued_twice(db, settings):
    runner("alice")
    with time_machine.travel(MONDAY_8_BERLIN, tick=False):
        for _ in range(2):  # the immediate backend runs each queued task at once
            call_command("send_weekly_digests", "--now", MONDAY_8_BERLIN.isoformat(), stdout=io.StringIO())

    assert len(mb.SENT) == 1


def test_dry_run_lists_who_is_due_and_records_nothing(db):
    runner("alice")

    out = send(MONDAY_8_BERLIN, "--dry-run")

    assert "due: alice (week of 2026-11-23)" in out
    assert mb.SENT == [] and not DigestDelivery.objects.exists()


def test_the_dry_run_says_an_unverified_runner_is_skipped_as_the_real_run_does(db):
    runner("alice")
    runner("eve", verified_email="", email_verified_at=None)

    out = send(MONDAY_8_BERLIN, "--dry-run")

    assert "due: alice (week of 2026-11-23)" in out
    assert "due: eve" not in out
    assert "would skip: eve (week of 2026-11-23): email address not verified" in out
    assert "2 digest(s) due at 2026-11-30T07:00:00+00:00, 1 of them to skip (email address not verified)" in out
    assert not DigestDelivery.objects.exists()
    send(MONDAY_8_BERLIN)
    assert DigestDelivery.objects.get(user__username="eve").last_error == "email address not verified"


def test_a_transient_421_is_retried_and_delivered_once(db):
    runner("alice")
    mb.FAILURES["alice@example.com"] = [mb.smtp_421()]

    send()

    assert len(mb.SENT) == 1
    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_three_transient_failures_give_up_and_are_recorded(db):
    runner("alice")
    mb.FAILURES["alice@example.com"] = [mb.smtp_421(), mb.smtp_421(), mb.smtp_421()]

    send()

    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert "421" in delivery.last_error


def test_a_550_for_one_runner_does_not_stop_the_others(db):
    for name in ("a", "b", "c"):
        runner(name)
    mb.FAILURES["b@example.com"] = [mb.smtp_550("b@example.com")]

    out = send()

    assert sorted(m.to[0] for m in mb.SENT) == ["a@example.com", "c@example.com"]
    failed = DigestDelivery.objects.get(status="failed")
    assert failed.user.username == "b" and failed.attempts == 1 and "550" in failed.last_error
    assert "1 failed, 2 sent" in out


def test_a_crash_then_a_rerun_skips_nobody_and_duplicates_at_most_the_in_flight_one(db):
    names = [f"r{i}" for i in range(6)]
    for name in names:
        runner(name)
    mb.CRASH_AFTER.append(3)

    with pytest.raises(mb.Crash):
        send()
    assert len(mb.SENT) == 3
    mb.CRASH_AFTER.clear()
    send(MONDAY_8_BERLIN + dt.timedelta(minutes=5))  # the in-flight lease (10 min) still holds
    send(MONDAY_8_BERLIN + dt.timedelta(minutes=11))  # now it has run out

    per_runner = {name: sum(1 for m in mb.SENT if m.to[0] == f"{name}@example.com") for name in names}
    assert all(count >= 1 for count in per_runner.values())
    assert sum(per_runner.values()) <= len(names) + 1
    assert DigestDelivery.objects.filter(status="sent").count() == len(names)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_send_exactly_one_email_per_runner():
    names = [f"c{i}" for i in range(8)]
    for name in names:
        runner(name)
    errors = []

    def worker():
        try:
            send()
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(m.to[0] for m in mb.SENT) == sorted(f"{n}@example.com" for n in names)


def test_the_batch_builder_query_count_does_not_grow_with_runners(db, django_assert_num_queries):
    few = [runner(f"f{i}") for i in range(2)]
    many = few + [runner(f"m{i}") for i in range(8)]

    def build(users):
        profiles = list(Profile.objects.filter(user__in=users).select_related("user"))
        with django_assert_num_queries(6):
            build_contents(profiles, {p.user_id: WEEK for p in profiles})

    build(few)
    build(many)


# Unsubscribe -------------------------------------------------------------------------------------


def test_get_on_the_unsubscribe_link_only_asks(db):
    alice = runner("alice")
    response = Client().get(f"/digest/unsubscribe/{unsubscribe_token(alice)}/")

    assert response.status_code == 200
    assert "Stop the weekly digest?" in response.content.decode()
    assert Profile.objects.get(user=alice).digest_enabled


def test_one_click_post_without_cookies_or_csrf_unsubscribes(db):
    alice = runner("alice")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/digest/unsubscribe/{unsubscribe_token(alice)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Profile.objects.get(user=alice).digest_enabled
    assert "You're unsubscribed" in response.content.decode()


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "garbage"])
def test_a_tampered_token_changes_nothing(db, mangle):
    alice = runner("alice")

    response = Client().post(f"/digest/unsubscribe/{mangle(unsubscribe_token(alice))}/")

    assert response.status_code == 400
    assert Profile.objects.get(user=alice).digest_enabled


def test_the_admin_previews_a_digest_without_sending(admin_client, db):
    alice = runner("alice")
    profile = Profile.objects.get(user=alice)

    page = admin_client.get(f"/admin/runlog/profile/{profile.pk}/digest-preview/")
    html = admin_client.get(f"/admin/runlog/profile/{profile.pk}/digest-preview/html/")

    assert page.status_code == 200 and "Your running week of" in page.content.decode()
    assert html.status_code == 200 and "Open your log" in html.content.decode()
    assert "sandbox" in html["Content-Security-Policy"]
    assert mb.SENT == [] and not DigestDelivery.objects.exists()
    assert admin_client.get("/admin/runlog/digestdelivery/").status_code == 200
