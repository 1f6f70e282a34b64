"""The account life cycle: verified addresses, change of email by link, deletion, throttled sign-up and reset."""

import datetime as dt
import io
import logging
import re

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client

from injuries.models import PainReport
from runlog.digest.models import DigestDelivery
from runlog.imports.models import ImportBatch, ImportFile
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from runlog.log.versions import KINDS, key
from tests.conftest import PASSWORD
from tests.factories import CrossTrainingFactory, PainReportFactory, RunFactory, ShoeFactory, UserFactory, local
from tests.log.conftest import NOW

User = get_user_model()
LINK = re.compile(r"https?://[^\s\"]+/accounts/email/confirm/[^\s\"/]+/")


def signup_data(username="carol", email="carol@example.com", password="a-long-enough-passphrase"):
    return {
        "username": username,
        "email": email,
        "password1": password,
        "password2": password,
        "timezone": "Europe/Paris",
        "units": "km",
    }


def link_in(message) -> str:
    (url,) = set(LINK.findall(message.body))
    assert url in message.alternatives[0][0]  # the HTML part carries the same link
    return url.removeprefix("http://127.0.0.1:8000")


def verify(user, when=NOW):
    Profile.objects.filter(user=user).update(verified_email=user.email, email_verified_at=when)


# Sign-up -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["alice@example.com", "ALICE@Example.COM", " Alice@example.com "])
def test_sign_up_with_another_accounts_address_in_any_case_is_refused(client, alice, typed):
    response = client.post("/accounts/signup/", signup_data(email=typed))

    assert response.status_code == 422
    assert "can’t be used for a new account" in response.content.decode()
    assert not User.objects.filter(username="carol").exists()


def test_the_refusal_does_not_say_whose_address_it_is(client, alice):
    response = client.post("/accounts/signup/", signup_data(email="alice@example.com"))
    html = response.content.decode()

    assert response.status_code == 422
    assert "alice" not in html.replace("alice@example.com", "")  # the typed address is echoed, no username


def test_sign_up_mails_a_link_and_the_address_counts_only_once_it_is_opened(client, db, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    carol = User.objects.get(username="carol")
    assert not carol.profile.email_verified
    (message,) = mailoutbox
    assert message.to == ["carol@example.com"] and "Confirm your email address" in message.subject
    url = link_in(message)

    page = client.get(url)  # mail scanners open links: a GET only asks
    assert page.status_code == 200 and "carol@example.com" in page.content.decode()
    assert not Profile.objects.get(user=carol).email_verified

    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC), tick=False):
        assert client.post(url).status_code == 302
    profile = Profile.objects.get(user=carol)
    assert profile.email_verified
    assert profile.email_verified_at == dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    assert "Email verified on 25 Nov 2026" in client.get("/settings/").content.decode()


def test_a_link_works_once(client, db, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    url = link_in(mailoutbox[0])
    client.post(url)

    again = client.post(url)

    assert again.status_code == 400 and "no longer works" in again.content.decode()


def test_a_link_expires_after_three_days(client, db, mailoutbox):
    start = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.post("/accounts/signup/", signup_data())
    url = link_in(mailoutbox[0])

    with time_machine.travel(start + dt.timedelta(days=3, minutes=1), tick=False):
        assert client.post(url).status_code == 400
    with time_machine.travel(start + dt.timedelta(days=2, hours=23), tick=False):
        assert client.get(url).status_code == 200  # still good just before
    assert not Profile.objects.get(user__username="carol").email_verified


def test_a_resent_link_replaces_the_earlier_one(client, db, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    first = link_in(mailoutbox[0])

    assert client.post("/accounts/email/verify/").status_code == 302
    second = link_in(mailoutbox[1])

    assert second != first
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 302
    assert Profile.objects.get(user__username="carol").email_verified


def test_a_tampered_link_changes_nothing(client, db, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    url = link_in(mailoutbox[0])

    assert client.post(url[:-3] + "xx/").status_code == 400
    assert not Profile.objects.get(user__username="carol").email_verified


def test_another_runner_cannot_use_someone_elses_link(client, db, bob_client, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    url = link_in(mailoutbox[0])

    assert bob_client.get(url).status_code == 403
    assert bob_client.post(url).status_code == 403
    assert not Profile.objects.get(user__username="carol").email_verified
    assert client.post(url).status_code == 302  # the owner still can


def test_a_link_opened_logged_out_asks_to_log_in_first(client, db, mailoutbox):
    client.post("/accounts/signup/", signup_data())
    url = link_in(mailoutbox[0])
    client.logout()

    response = client.post(url)

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Profile.objects.get(user__username="carol").email_verified


def test_settings_say_not_verified_and_offer_a_new_link(alice_client, alice):
    html = alice_client.get("/settings/").content.decode()

    assert "Email not verified" in html and 'action="/accounts/email/verify/"' in html


def test_resend_answers_post_only(alice_client, alice, mailoutbox):
    assert alice_client.get("/accounts/email/verify/").status_code == 405
    assert mailoutbox == []


# Existing accounts and the demo ------------------------------------------------------------------


def test_an_account_from_before_verification_starts_unverified(alice):
    profile = Profile.objects.get(user=alice)

    assert (profile.email_verified, profile.email_verified_at, profile.verified_email) == (False, None, "")


def test_the_demo_runner_is_verified(db):
    call_command("seed_demo", stdout=io.StringIO())

    assert Profile.objects.get(user__username="demo").email_verified


def test_an_address_changed_elsewhere_is_no_longer_verified(alice):
    verify(alice)
    alice.email = "someone.else@example.com"  # e.g. by an administrator
    alice.save()

    assert not Profile.objects.get(user=alice).email_verified


# Changing the email ------------------------------------------------------------------------------


def change(client, email, password=PASSWORD):
    return client.post("/accounts/email/", {"email": email, "password": password})


def test_a_change_mails_a_link_to_the_new_address_and_a_notice_to_the_old(alice_client, alice, mailoutbox):
    verify(alice)

    response = change(alice_client, "alice.new@example.org")

    assert response.status_code == 302
    link, notice = sorted(mailoutbox, key=lambda m: m.to[0] != "alice.new@example.org")
    assert link.to == ["alice.new@example.org"] and "new email address" in link.subject
    assert notice.to == ["alice@example.com"] and "a•••@example.org" in notice.body
    assert "alice.new@example.org" not in notice.body
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"  # nothing changes before the link is opened
    assert (
        "Waiting for you to open the link sent to alice.new@example.org"
        in alice_client.get("/settings/").content.decode()
    )

    url = link_in(link)
    assert "Switch to alice.new@example.org" in alice_client.get(url).content.decode()
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"  # GET still changes nothing
    assert alice_client.post(url).status_code == 302
    alice.refresh_from_db()
    profile = Profile.objects.get(user=alice)
    assert alice.email == "alice.new@example.org" and profile.email_verified and profile.pending_email == ""


def test_a_change_needs_the_password(alice_client, alice, mailoutbox):
    response = change(alice_client, "alice.new@example.org", password="not-my-password")

    assert response.status_code == 422 and "That is not your password." in response.content.decode()
    assert mailoutbox == []
    assert Profile.objects.get(user=alice).pending_email == ""


@pytest.mark.parametrize("typed", ["bob@example.com", "BOB@EXAMPLE.COM"])
def test_a_change_to_another_accounts_address_is_refused(alice_client, alice, bob, typed, mailoutbox):
    response = change(alice_client, typed)

    assert response.status_code == 422 and "can’t be used" in response.content.decode()
    assert mailoutbox == []


def test_an_address_taken_before_the_link_is_opened_is_not_switched_to(alice_client, alice, mailoutbox):
    change(alice_client, "shared@example.org")
    url = link_in(next(m for m in mailoutbox if m.to == ["shared@example.org"]))
    UserFactory(username="dora", email="Shared@example.org")

    response = alice_client.post(url)

    assert response.status_code == 409
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_a_newer_change_request_supersedes_the_older_link(alice_client, alice, mailoutbox):
    change(alice_client, "first@example.org")
    first = link_in(next(m for m in mailoutbox if m.to == ["first@example.org"]))
    change(alice_client, "second@example.org")

    assert alice_client.post(first).status_code == 400
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


# The digest --------------------------------------------------------------------------------------


def test_no_digest_goes_to_an_unverified_address_and_the_skip_is_recorded(db, settings):
    from tests import mail_backends as mb
    from tests.digest.test_digest import MONDAY_8_BERLIN, WEEK, runner, send

    settings.MAILERS = {"default": {"BACKEND": "tests.mail_backends.ScriptedBackend"}}
    mb.reset()
    verified = runner("vera")
    unverified = runner("ursula", verified_email="", email_verified_at=None)

    send(MONDAY_8_BERLIN)

    assert [m.to for m in mb.SENT] == [[verified.email]]
    delivery = DigestDelivery.objects.get(user=unverified, week_start=WEEK)
    assert (delivery.status, delivery.last_error) == ("skipped", "email address not verified")
    mb.reset()


# Deleting the account ----------------------------------------------------------------------------


@pytest.fixture
def alices_things(alice, bob):
    shoe = ShoeFactory(user=alice)
    RunFactory(user=alice, shoe=shoe)
    CrossTrainingFactory(user=alice)
    PainReportFactory(user=alice)
    batch = ImportBatch.objects.create(user=alice, status="done")
    ImportFile.objects.create(batch=batch, name="a.gpx", size=3, stored=ContentFile(b"abc", name="a.gpx"))
    DigestDelivery.objects.create(user=alice, week_start=dt.date(2026, 11, 16), status="sent")
    RunFactory(user=bob)
    return alice


def owned_rows(user_id: int) -> dict:
    return {
        "runs": Run.objects.filter(user_id=user_id).count(),
        "shoes": Shoe.objects.filter(user_id=user_id).count(),
        "cross_training": CrossTraining.objects.filter(user_id=user_id).count(),
        "pain_reports": PainReport.objects.filter(user_id=user_id).count(),
        "imports": ImportBatch.objects.filter(user_id=user_id).count(),
        "import_files": ImportFile.objects.filter(batch__user_id=user_id).count(),
        "digests": DigestDelivery.objects.filter(user_id=user_id).count(),
        "profile": Profile.objects.filter(user_id=user_id).count(),
    }


def sessions_of(user_id: int) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_id))


def test_the_delete_page_asks_for_the_password_and_a_get_deletes_nothing(alice_client, alices_things):
    page = alice_client.get("/accounts/delete/")

    assert page.status_code == 200 and 'type="password"' in page.content.decode()
    wrong = alice_client.post("/accounts/delete/", {"password": "not-it"})
    assert wrong.status_code == 422 and "That is not your password." in wrong.content.decode()
    assert User.objects.filter(username="alice").exists()


def test_deleting_the_account_removes_every_row_and_session_of_theirs(
    alices_things, bob, upload_storage, django_capture_on_commit_callbacks
):
    alice = alices_things
    stored = [p for p in upload_storage.rglob("*") if p.is_file()]
    assert len(stored) == 1
    laptop, phone = Client(), Client()
    for device, ip in ((laptop, "10.0.0.1"), (phone, "10.0.0.2")):
        assert (
            device.post("/accounts/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ip).status_code
            == 302
        )
    bob_device = Client()
    bob_device.force_login(bob)
    assert sessions_of(alice.pk) == 2
    before_bob = owned_rows(bob.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = laptop.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/"
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not stored[0].exists()  # their uploaded file went with them
    assert set(owned_rows(alice.pk).values()) == {0}
    assert sessions_of(alice.pk) == 0
    assert phone.get("/runs/").status_code == 302  # the other device is logged out too
    assert "have been deleted" in laptop.get("/").content.decode()
    assert owned_rows(bob.pk) == before_bob and sessions_of(bob.pk) == 1


def fail_login(username, ip="10.0.0.7"):
    Client().post("/accounts/login/", {"username": username, "password": "wrong-password"}, REMOTE_ADDR=ip)


@pytest.mark.usefixtures("real_cache")
def test_an_admin_deleting_a_user_clears_their_cache_entries_and_login_records(alice, bob, admin_client, caplog):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    alice_client = Client()
    alice_client.force_login(alice)
    alice_client.get("/")  # caches the charts, the week and the assessment
    bob_client = Client()
    bob_client.force_login(bob)
    bob_client.get("/")
    profile = Profile.objects.get(user=alice)
    today = profile.today()
    from django.core.cache import cache

    assert all(cache.get(key(kind, profile, today)) is not None for kind in KINDS)
    fail_login("alice")
    Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    fail_login("bob")
    for username in ("alice", "bob"):  # what axes writes with AXES_ENABLE_ACCESS_FAILURE_LOG on
        AccessFailureLog.objects.create(username=username, ip_address="10.0.0.7", user_agent="", path_info="/")
    assert AccessAttempt.objects.filter(username="alice").exists()
    assert AccessFailureLog.objects.filter(username="alice").exists()
    assert AccessLog.objects.filter(username="alice").exists()

    with caplog.at_level(logging.INFO, logger="runlog.security"):
        response = admin_client.post(f"/admin/auth/user/{alice.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    assert all(cache.get(key(kind, profile, today)) is None for kind in KINDS)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(username="alice").exists()
    assert AccessFailureLog.objects.filter(username="bob").exists()  # another runner's records stay
    assert AccessAttempt.objects.filter(username="bob").exists()
    bobs = Profile.objects.get(user=bob)
    assert all(cache.get(key(kind, bobs, bobs.today())) is not None for kind in KINDS)
    (line,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("account deleted")]
    assert line.startswith(f"account deleted user={alice.pk} ")
    assert "alice" not in line and "@" not in line  # the id only, no name or address


@pytest.mark.usefixtures("real_cache")
def test_entries_cached_in_both_units_and_either_date_go_too(alice):
    from django.core.cache import cache

    from runlog.log.versions import forget

    profile = Profile.objects.get(user=alice)
    today = profile.today()
    keys = []
    for units in ("km", "mi"):
        profile.units = units
        for day in (today - dt.timedelta(days=1), today):
            for kind in KINDS:
                keys.append(key(kind, profile, day))
    cache.set_many(dict.fromkeys(keys, "x"))

    forget(profile)

    assert cache.get_many(keys) == {}


def test_a_queued_mail_for_a_deleted_account_is_dropped_quietly(alice):
    from runlog.digest.delivery import deliver_for_user
    from runlog.log.accounts import send_email_change_notice, send_email_link

    user_id = alice.pk
    alice.delete()

    assert send_email_link.call(user_id) == "no link"
    assert send_email_change_notice.call(user_id) == "no change"
    assert deliver_for_user(user_id, dt.date(2026, 11, 16)) == "gone"


# Throttling --------------------------------------------------------------------------------------


@pytest.mark.usefixtures("real_cache")
def test_the_sixth_sign_up_from_one_address_in_an_hour_gets_429(client, db, caplog):
    for i in range(5):
        response = Client().post("/accounts/signup/", signup_data(f"runner{i}", f"r{i}@example.com"))
        assert response.status_code == 302

    with caplog.at_level(logging.WARNING, logger="runlog.security"):
        response = Client().post("/accounts/signup/", signup_data("runner6", "r6@example.com"))

    assert response.status_code == 429 and "Too many requests" in response.content.decode()
    assert not User.objects.filter(username="runner6").exists()
    assert any("throttled action=signup ip=127.0.0.1" in r.getMessage() for r in caplog.records)
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        assert Client().post("/accounts/signup/", signup_data("runner6", "r6@example.com")).status_code == 302


@pytest.mark.usefixtures("real_cache")
def test_the_fourth_sign_up_attempt_for_one_address_gets_429_whatever_the_ip(alice):
    for i in range(3):
        response = Client().post(
            "/accounts/signup/", signup_data(f"x{i}", "ALICE@example.com"), REMOTE_ADDR=f"10.1.0.{i}"
        )
        assert response.status_code == 422

    response = Client().post("/accounts/signup/", signup_data("x9", "alice@example.com"), REMOTE_ADDR="10.1.0.9")

    assert response.status_code == 429


@pytest.mark.usefixtures("real_cache")
def test_mistyped_passwords_at_sign_up_do_not_use_up_the_limit(client, db):
    for _ in range(6):
        assert client.post("/accounts/signup/", signup_data(password="123456789")).status_code == 422

    assert client.post("/accounts/signup/", signup_data()).status_code == 302


@pytest.mark.usefixtures("real_cache")
def test_password_resets_are_limited_per_ip_and_per_address(alice, mailoutbox):
    for i in range(5):
        assert Client().post("/accounts/password_reset/", {"email": f"n{i}@example.com"}).status_code == 302
    assert Client().post("/accounts/password_reset/", {"email": "n9@example.com"}).status_code == 429

    for i in range(3):
        response = Client().post("/accounts/password_reset/", {"email": "alice@example.com"}, REMOTE_ADDR=f"10.2.0.{i}")
        assert response.status_code == 302
    response = Client().post("/accounts/password_reset/", {"email": "Alice@Example.com"}, REMOTE_ADDR="10.2.0.9")
    assert response.status_code == 429
    assert len(mailoutbox) == 3


@pytest.mark.usefixtures("real_cache")
def test_the_limits_are_settings(alice, settings):
    settings.ACCOUNT_THROTTLES = {**settings.ACCOUNT_THROTTLES, "reset": (1, 1)}

    assert Client().post("/accounts/password_reset/", {"email": "a@example.com"}).status_code == 302
    assert Client().post("/accounts/password_reset/", {"email": "b@example.com"}).status_code == 429


@pytest.mark.usefixtures("real_cache")
def test_email_links_are_limited_per_account(alice_client, alice, mailoutbox):
    for _ in range(3):
        assert alice_client.post("/accounts/email/verify/").status_code == 302

    assert alice_client.post("/accounts/email/verify/").status_code == 429
    assert len(mailoutbox) == 3


# Password reset ----------------------------------------------------------------------------------


def comparable(response) -> tuple:
    # Per-response values aside: the CSRF token and the CSP nonce.
    body = re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', "", response.content.decode())
    body = re.sub(r'"X-CSRFToken": "[^"]+"', "", body)
    return response.status_code, response.get("Location"), body


def test_the_reset_answer_is_the_same_for_a_known_and_an_unknown_address(alice, mailoutbox):
    known = Client().post("/accounts/password_reset/", {"email": "alice@example.com"}, follow=True)
    unknown = Client().post("/accounts/password_reset/", {"email": "nobody@example.com"}, follow=True)

    assert comparable(known) == comparable(unknown)
    assert [r[1] for r in known.redirect_chain] == [302]
    assert [m.to for m in mailoutbox] == [["alice@example.com"]]


def test_the_reset_view_only_queues_the_mail(alice, settings, mailoutbox):
    from django.tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()

    Client().post("/accounts/password_reset/", {"email": "alice@example.com"})

    assert mailoutbox == []  # the lookup and the sending are the task's
    (queued,) = default_task_backend.results
    assert queued.task.name == "send_password_reset" and queued.args == ["alice@example.com"]


def test_the_reset_mail_is_made_from_the_templates_and_its_link_sets_a_new_password(alice, mailoutbox, settings):
    settings.SITE_URL = "https://runlog.example.com"
    Client().post("/accounts/password_reset/", {"email": "ALICE@example.com"})
    (message,) = mailoutbox
    assert message.subject == "Reset your Runlog password"
    url = re.search(r"https://runlog\.example\.com(/accounts/reset/\S+/)", message.body).group(1)
    assert url in message.alternatives[0][0]

    client = Client()
    form = client.get(url, follow=True)
    new = "a-brand-new-passphrase-7"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


@pytest.mark.usefixtures("real_cache")
def test_refused_email_changes_do_not_use_up_the_links_sent(alice_client, alice, mailoutbox):
    UserFactory(username="dora", email="dora@example.com")
    assert alice_client.post("/accounts/email/verify/").status_code == 302  # link 1
    wrong = {"email": "alice.new@example.com", "password": "not-it"}
    assert alice_client.post("/accounts/email/", wrong).status_code == 422
    taken = {"email": "DORA@example.com", "password": PASSWORD}
    assert alice_client.post("/accounts/email/", taken).status_code == 422

    right = {"email": "alice.new@example.com", "password": PASSWORD}
    assert alice_client.post("/accounts/email/", right).status_code == 302  # link 2
    assert alice_client.post("/accounts/email/", right).status_code == 302  # link 3
    assert alice_client.post("/accounts/email/", right).status_code == 429  # a fourth link is over 3
    assert sorted(m.to[0] for m in mailoutbox if "alice.new" in m.to[0]) == ["alice.new@example.com"] * 2


@pytest.mark.usefixtures("real_cache")
def test_password_guesses_at_the_email_change_are_capped_at_five_an_hour(alice_client, alice, mailoutbox):
    wrong = {"email": "alice.new@example.com", "password": "not-it"}
    for _ in range(5):
        assert alice_client.post("/accounts/email/", wrong).status_code == 422
    assert alice_client.post("/accounts/email/", wrong).status_code == 429
    # Over the limit even the right password waits: a guesser cannot tell it was right.
    right = {"email": "alice.new@example.com", "password": PASSWORD}
    assert alice_client.post("/accounts/email/", right).status_code == 429
    assert mailoutbox == []
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        assert alice_client.post("/accounts/email/", right).status_code == 302


def test_a_changed_address_is_stored_as_sign_up_stores_one_with_the_domain_lowercased(alice_client, alice, mailoutbox):
    assert change(alice_client, "Ana.New@Example.NET").status_code == 302
    (link,) = [m for m in mailoutbox if m.to != ["alice@example.com"]]
    assert link.to == ["Ana.New@example.net"]
    assert alice_client.post(link_in(link)).status_code == 302
    alice.refresh_from_db()
    assert alice.email == "Ana.New@example.net"


def test_a_sign_up_refused_for_its_address_puts_the_cursor_in_the_address(client, alice):
    response = client.post("/accounts/signup/", signup_data("carol", "ALICE@example.com"))
    assert response.status_code == 422
    page = response.content.decode()
    focused = re.findall(r"<input[^>]*autofocus[^>]*>", page)
    assert len(focused) == 1 and 'name="email"' in focused[0]


def test_admin_pages_find_the_favicon_at_its_usual_address(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("runlog/favicon.svg")
