"""Shoes, cross-training, settings and sign-up pages."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model

from runlog.log.models import CrossTraining, Profile, Shoe
from tests.factories import RunFactory, ShoeFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_shoes_show_their_current_mileage_with_starting_km(alice_client, alice):
    shoe = ShoeFactory(user=alice, name="Ghost", start_m=100_000)
    RunFactory(user=alice, shoe=shoe, distance_m=21_000)
    RunFactory(user=alice, shoe=shoe, distance_m=21_000)

    html = alice_client.get("/shoes/").content.decode()

    assert "142.0 km" in html  # 100 + 2 × 21
    assert "of 800.0 km" in html


def test_adding_a_shoe_from_the_page(alice_client, alice, htmx_headers):
    response = alice_client.post(
        "/shoes/new/",
        {"name": "Pegasus", "support": "neutral", "start_distance": "", "retire_distance": "700"},
        **htmx_headers,
    )

    assert response.status_code == 200
    shoe = Shoe.objects.get(user=alice)
    assert (shoe.name, shoe.start_m, shoe.retire_at_m) == ("Pegasus", 0.0, 700_000.0)


def test_retire_and_unretire_a_shoe(alice_client, alice, htmx_headers):
    shoe = ShoeFactory(user=alice)
    Profile.objects.filter(user=alice).update(default_shoe=shoe)

    response = alice_client.post(f"/shoes/{shoe.pk}/retire/", **htmx_headers)
    shoe.refresh_from_db()
    assert shoe.retired_on == dt.date(2026, 11, 25)
    assert "Unretire" in response.content.decode()
    assert Profile.objects.get(user=alice).default_shoe is None  # a retired pair is nobody's default

    alice_client.post(f"/shoes/{shoe.pk}/retire/")
    shoe.refresh_from_db()
    assert shoe.retired_on is None


def test_retiring_asks_first_on_get_and_retires_on_post(alice_client, alice):
    """Without JavaScript the entry's Retire link leads to a question; only its POST retires the pair."""
    shoe = ShoeFactory(user=alice, name="Pegasus")
    Profile.objects.filter(user=alice).update(default_shoe=shoe)

    page = alice_client.get(f"/shoes/{shoe.pk}/retire/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Retire Pegasus?" in html and "no longer your default pair" in html
    assert 'name="csrfmiddlewaretoken"' in html
    shoe.refresh_from_db()
    assert shoe.retired_on is None

    response = alice_client.post(f"/shoes/{shoe.pk}/retire/")
    assert response.status_code == 302
    shoe.refresh_from_db()
    assert shoe.retired_on == dt.date(2026, 11, 25)
    assert "Put Pegasus back in use?" in alice_client.get(f"/shoes/{shoe.pk}/retire/").content.decode()


def test_the_shoes_page_query_count_does_not_grow_with_shoes(alice_client, alice, django_assert_num_queries):
    ShoeFactory(user=alice)
    with django_assert_num_queries(5) as first:
        alice_client.get("/shoes/")
    for _ in range(10):
        RunFactory(user=alice, shoe=ShoeFactory(user=alice))
    with django_assert_num_queries(len(first.captured_queries)):
        alice_client.get("/shoes/")


def test_logging_cross_training(alice_client, alice):
    response = alice_client.post(
        "/cross-training/new/",
        {"date": "2026-11-24", "time": "18:00", "activity": "strength", "duration": "40", "rpe": "6"},
    )

    assert response.status_code == 302
    session = CrossTraining.objects.get(user=alice)
    assert (session.activity, session.duration_s, session.rpe) == ("strength", 2400, 6)


def test_the_cross_training_list_query_count_is_fixed(alice_client, alice, django_assert_num_queries):
    from tests.factories import CrossTrainingFactory

    CrossTrainingFactory(user=alice)
    with django_assert_num_queries(5) as first:
        alice_client.get("/cross-training/")
    for i in range(30):
        CrossTrainingFactory(user=alice, start=local(dt.date(2026, 10, 1) + dt.timedelta(days=i)))
    with django_assert_num_queries(len(first.captured_queries)):
        alice_client.get("/cross-training/")


def test_settings_change_units_and_time_zone(alice_client, alice):
    response = alice_client.post(
        "/settings/", {"units": "mi", "timezone": "Asia/Tokyo", "digest_enabled": "on", "digest_weekday": "6"}
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=alice)
    assert (profile.units, profile.timezone, profile.digest_weekday) == ("mi", "Asia/Tokyo", 6)


def test_settings_reject_an_unknown_time_zone(alice_client, alice):
    response = alice_client.post("/settings/", {"units": "km", "timezone": "Mars/Olympus", "digest_weekday": "0"})

    assert response.status_code == 422
    assert Profile.objects.get(user=alice).timezone == "Europe/Berlin"


def test_default_shoe_choices_are_the_runners_own(alice_client, alice, bob):
    bobs = ShoeFactory(user=bob, name="Bob's racer")
    html = alice_client.get("/settings/").content.decode()

    assert "Bob&#x27;s racer" not in html
    response = alice_client.post(
        "/settings/", {"units": "km", "timezone": "UTC", "digest_weekday": "0", "default_shoe": bobs.pk}
    )
    assert response.status_code == 422


def test_signing_up_creates_the_runner_and_logs_in(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "carol",
            "email": "carol@example.com",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
            "timezone": "Europe/Paris",
            "units": "mi",
        },
    )

    assert response.status_code == 302
    carol = get_user_model().objects.get(username="carol")
    assert (carol.profile.timezone, carol.profile.units) == ("Europe/Paris", "mi")
    assert client.get("/").context["user"] == carol


def test_a_weak_password_is_refused(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "dave",
            "email": "d@example.com",
            "password1": "123456789",
            "password2": "123456789",
            "timezone": "UTC",
            "units": "km",
        },
    )

    assert response.status_code == 422
    assert not get_user_model().objects.filter(username="dave").exists()


def test_a_64_character_password_works(client, db):
    password = "x7" * 32
    client.post(
        "/accounts/signup/",
        {
            "username": "erin",
            "email": "e@example.com",
            "password1": password,
            "password2": password,
            "timezone": "UTC",
            "units": "km",
        },
    )
    client.logout()

    response = client.post("/accounts/login/", {"username": "erin", "password": password})
    assert response.status_code == 302 and response["Location"] == "/"


def test_password_reset_sends_an_email(client, alice, mailoutbox):
    client.post("/accounts/password_reset/", {"email": "alice@example.com"})

    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body
