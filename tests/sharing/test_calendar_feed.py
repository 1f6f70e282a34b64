"""The private calendar feed: valid RFC 5545 (parsed back with icalendar), only its runner's entries,
distance and pace in each event, private headers, regenerate to revoke, every fetch logged."""

import datetime as dt
import logging

import icalendar
import pytest
import time_machine

from runlog.sharing import ical
from runlog.sharing.models import CalendarFeed
from tests.factories import CrossTrainingFactory, ReturnPlanFactory, RunFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def fetch(client, feed):
    return client.get(f"/calendar/{feed.key}.ics")


def events_of(response):
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_the_feed_parses_back_with_the_runs_distance_time_and_pace(alice, client):
    RunFactory(user=alice, start=dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC), distance_m=10_000, duration_s=3000)
    feed = CalendarFeed.objects.create(user=alice)

    response = fetch(client, feed)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = events_of(response)
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 11, 24, 7, 20, tzinfo=dt.UTC)
    assert str(event["SUMMARY"]) == "Run 10.00 km easy"
    description = str(event["DESCRIPTION"])
    assert "Distance: 10.00 km" in description
    assert "Time: 50:00" in description
    assert "Pace: 5:00 /km" in description  # 3000 s over 10 km


def test_pace_and_distance_are_in_the_runners_unit(bob, client):
    RunFactory(user=bob, distance_m=16_093.44, duration_s=4800)  # 10 miles in 80 minutes: 8:00 a mile
    feed = CalendarFeed.objects.create(user=bob)

    [event] = events_of(fetch(client, feed))

    assert "Distance: 10.00 mi" in str(event["DESCRIPTION"])
    assert "Pace: 8:00 /mi" in str(event["DESCRIPTION"])


def test_the_feed_holds_cross_training_and_only_its_runners_entries(alice, bob, client):
    CrossTrainingFactory(user=alice, activity="yoga", duration_s=1800)
    RunFactory(user=bob)
    feed = CalendarFeed.objects.create(user=alice)

    [event] = events_of(fetch(client, feed))

    assert str(event["SUMMARY"]) == "Yoga"
    assert "Time: 30:00" in str(event["DESCRIPTION"])


def test_the_feed_is_valid_rfc_5545_text(alice, client):
    RunFactory(user=alice, notes="x")
    feed = CalendarFeed.objects.create(user=alice)

    text = fetch(client, feed).content.decode()

    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")


def test_long_lines_are_folded_without_cutting_a_character_and_text_is_escaped():
    line = "DESCRIPTION:" + ical.escape("Knie; links, 5 km\n" + "ü" * 60)

    folded = ical.fold(line)

    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:Knie\\; links\\, 5 km\\n" + "ü" * 60


def test_the_feed_is_private_needs_no_session_and_every_fetch_is_logged(alice, client, caplog):
    feed = CalendarFeed.objects.create(user=alice)

    with caplog.at_level(logging.INFO, logger="runlog.security"):
        response = fetch(client, feed)
        fetch(client, feed)

    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert sum("calendar feed fetched" in message for message in caplog.messages) == 2
    feed.refresh_from_db()
    assert (feed.fetches, feed.last_fetched_at) == (2, NOW)


def test_the_key_carries_at_least_128_bits(alice):
    feed = CalendarFeed.objects.create(user=alice)

    assert len(feed.key) >= 32  # 24 random bytes in URL-safe base64: 192 bits


def test_regenerating_the_address_revokes_the_old_one(alice, alice_client, client):
    alice_client.post("/settings/calendar/", {"action": "create"})
    old = CalendarFeed.objects.get(user=alice)
    old_key = old.key

    alice_client.post("/settings/calendar/", {"action": "regenerate"})

    new = CalendarFeed.objects.get(user=alice)
    assert new.key != old_key
    assert client.get(f"/calendar/{old_key}.ics").status_code == 404
    assert fetch(client, new).status_code == 200
    assert new.key in alice_client.get("/settings/calendar/").content.decode()


def test_turning_the_feed_off_stops_it(alice, alice_client, client):
    feed = CalendarFeed.objects.create(user=alice)

    alice_client.post("/settings/calendar/", {"action": "delete"})

    assert fetch(client, feed).status_code == 404


def test_an_unknown_key_is_404(db, client):
    assert client.get("/calendar/not-a-key.ics").status_code == 404


def test_the_return_to_run_plans_next_session_is_an_all_day_event(alice, client):
    ReturnPlanFactory(user=alice, started_on=dt.date(2026, 11, 23))
    feed = CalendarFeed.objects.create(user=alice)

    planned = [event for event in events_of(fetch(client, feed)) if "Return-to-run plan" in str(event["SUMMARY"])]

    assert len(planned) == 1
    assert isinstance(planned[0].decoded("DTSTART"), dt.date)
    assert planned[0].decoded("DTSTART") >= dt.date(2026, 11, 23)
