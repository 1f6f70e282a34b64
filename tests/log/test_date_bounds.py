"""Dates and numbers at every form entry stay inside the input bounds, and URLs that take a date 404 outside
the calendar's range: a form error in the runner's words, never a 500 or a stored year 1."""

import datetime as dt

import pytest
import time_machine

from injuries.models import PainReport
from runlog.log.models import CrossTraining, Profile, Run, Shoe

# Wednesday 25 November 2026, 12:00 UTC: already Thursday 26 in Kiritimati (UTC+14), still Wednesday
# 01:00 in Pago Pago (UTC-11).
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
RUN = {"time": "07:00", "distance": "10", "duration": "50:00", "kind": "easy"}
SESSION = {"time": "07:00", "activity": "cycling", "duration": "45:00"}
PAIN = {"location": "inner_knee", "side": "left", "during": "3"}
SHOE = {"name": "Trainers", "support": "neutral", "retire_distance": "800"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def in_zone(user, name: str) -> None:
    Profile.objects.filter(user=user).update(timezone=name)


def form_errors(response) -> str:
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


# Dates at the forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Tokyo", "Pacific/Pago_Pago", "Pacific/Kiritimati"])
def test_it_rejects_a_run_dated_in_year_1_in_any_time_zone(alice, alice_client, zone):
    in_zone(alice, zone)

    response = alice_client.post("/runs/new/", {**RUN, "date": "0001-01-01"})

    assert response.status_code == 422
    assert "That date is before 1970 — check the year." in form_errors(response)
    assert not Run.objects.exists()


def test_it_rejects_a_run_dated_before_1970_and_keeps_one_on_the_first_day_of_1970(alice, alice_client):
    in_zone(alice, "Pacific/Pago_Pago")

    refused = alice_client.post("/runs/new/", {**RUN, "date": "1969-12-31", "time": "23:59"})
    kept = alice_client.post("/runs/new/", {**RUN, "date": "1970-01-01", "time": "00:00"})

    assert refused.status_code == 422 and kept.status_code == 302
    # 1970-01-01 00:00 in Pago Pago (UTC-11) is 11:00 UTC that day.
    assert list(Run.objects.values_list("start", flat=True)) == [dt.datetime(1970, 1, 1, 11, 0, tzinfo=dt.UTC)]


def test_today_is_the_runners_own_today(alice, alice_client):
    """At 12:00 UTC on 25 November it is already the 26th in Kiritimati, and still the 25th in Pago Pago."""
    in_zone(alice, "Pacific/Kiritimati")
    early_morning_26th = alice_client.post("/runs/new/", {**RUN, "date": "2026-11-26", "time": "00:30"})
    in_zone(alice, "Pacific/Pago_Pago")
    the_26th_too_early = alice_client.post("/runs/new/", {**RUN, "date": "2026-11-26", "time": "00:30"})

    assert early_morning_26th.status_code == 302
    assert the_26th_too_early.status_code == 422
    assert "That date is in the future" in form_errors(the_26th_too_early)


@pytest.mark.parametrize(
    ("path", "data", "field", "model"),
    [
        ("/cross-training/new/", SESSION, "date", CrossTraining),
        ("/pain/new/", PAIN, "date", PainReport),
        ("/shoes/new/", SHOE, "purchased_on", Shoe),
    ],
)
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("0001-01-01", "That date is before 1970 — check the year."),
        ("1969-12-31", "That date is before 1970 — check the year."),
        ("2026-11-26", "That date is in the future"),
    ],
)
def test_every_date_a_runner_enters_is_bounded(alice, alice_client, path, data, field, model, day, message):
    in_zone(alice, "Asia/Tokyo")  # 21:00 on the 25th

    response = alice_client.post(path, {**data, field: day})

    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert not model.objects.exists()


@pytest.mark.parametrize(
    ("path", "data", "field"),
    [("/cross-training/new/", SESSION, "date"), ("/pain/new/", PAIN, "date"), ("/shoes/new/", SHOE, "purchased_on")],
)
def test_the_first_day_of_1970_and_today_are_accepted_everywhere(alice, alice_client, path, data, field):
    in_zone(alice, "Pacific/Kiritimati")

    first = alice_client.post(path, {**data, field: "1970-01-01"})
    today = alice_client.post(path, {**data, field: "2026-11-26", "time": "00:10"})

    assert (first.status_code, today.status_code) == (302, 302)


def test_the_date_pickers_start_in_1970(alice_client):
    for path in ("/runs/new/", "/cross-training/new/", "/pain/new/", "/shoes/new/"):
        assert 'min="1970-01-01"' in alice_client.get(path).content.decode(), path


# Numbers at the forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("duration", ["9" * 400, "9" * 309, "9" * 5000, "99999999999:00:00", "99999999999h"])
def test_an_absurd_duration_is_a_form_error(alice, alice_client, duration):
    response = alice_client.post("/runs/new/", {**RUN, "date": "2026-11-25", "duration": duration})
    session = alice_client.post("/cross-training/new/", {**SESSION, "date": "2026-11-25", "duration": duration})

    assert (response.status_code, session.status_code) == (422, 422)
    assert "duration" in response.context["form"].errors and "duration" in session.context["form"].errors
    assert not Run.objects.exists() and not CrossTraining.objects.exists()


def test_four_hundred_nines_of_minutes_is_longer_than_a_day(alice, alice_client):
    response = alice_client.post("/runs/new/", {**RUN, "date": "2026-11-25", "duration": "9" * 400})

    assert response.context["form"].errors["duration"] == ["That is longer than 24 hours — check the time."]


@pytest.mark.parametrize("number", ["NaN", "nan", "inf", "-Infinity", "1e400", "9" * 5000])
@pytest.mark.parametrize(
    ("path", "data", "field"),
    [
        ("/runs/new/", RUN, "distance"),
        ("/runs/new/", RUN, "avg_hr"),
        ("/runs/new/", RUN, "elevation_gain_m"),
        ("/shoes/new/", SHOE, "start_distance"),
        ("/shoes/new/", SHOE, "retire_distance"),
    ],
)
def test_no_infinite_or_unreadable_number_reaches_the_log(alice, alice_client, path, data, field, number):
    response = alice_client.post(path, {**data, "date": "2026-11-25", field: number})

    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not Run.objects.exists() and not Shoe.objects.exists()


# Dates in URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/calendar/?month=0001-01",
        "/calendar/?month=1969-12",
        "/calendar/?month=9999-12",
        "/calendar/?month=2027-12",  # a year after November 2026 is the last month shown
        "/calendar/0001-01-01/",
        "/calendar/1969-12-31/",
        "/calendar/9999-12-31/",
        "/calendar/2027-12-01/",
    ],
)
def test_a_date_outside_the_calendar_is_not_found(alice_client, path, htmx_headers):
    assert alice_client.get(path).status_code == 404
    assert alice_client.get(path, HTTP_HX_TARGET="calendar", **htmx_headers).status_code == 404


@pytest.mark.parametrize("path", ["/calendar/?month=1970-01", "/calendar/?month=2027-11", "/calendar/1970-01-01/"])
def test_the_calendar_reaches_from_1970_to_a_year_ahead(alice_client, path):
    assert alice_client.get(path).status_code == 200


def test_the_first_month_has_no_link_back_and_its_days_of_1969_none_at_all(alice_client):
    html = alice_client.get("/calendar/?month=1970-01").content.decode()

    assert 'rel="prev"' not in html and 'href="?month=1970-02"' in html
    assert "/calendar/1969-12-31/" not in html and "/calendar/1970-01-01/" in html


def test_the_last_month_has_no_link_forward(alice_client):
    html = alice_client.get("/calendar/?month=2027-11").content.decode()

    assert 'rel="next"' not in html and 'href="?month=2027-10"' in html
    assert "/calendar/2027-11-30/" in html and "/calendar/2027-12-01/" not in html


def test_an_unreadable_month_shows_this_month(alice_client):
    assert "November 2026" in alice_client.get("/calendar/?month=not-a-month").content.decode()


@pytest.mark.parametrize("path", ["/runs/new/", "/cross-training/new/", "/pain/new/"])
def test_the_calendars_add_links_open_the_form_on_that_day(alice_client, path):
    html = alice_client.get("/calendar/1970-01-01/").content.decode()
    assert f'href="{path}?date=1970-01-01"' in html

    form = alice_client.get(f"{path}?date=1970-01-01").context["form"]

    assert form.initial["date"] == dt.date(1970, 1, 1)


@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "2026-11-26", "9999-12-31", "not-a-day"])
@pytest.mark.parametrize("path", ["/runs/new/", "/cross-training/new/", "/pain/new/"])
def test_a_form_asked_for_a_day_it_would_refuse_is_not_found(alice_client, path, day):
    assert alice_client.get(f"{path}?date={day}").status_code == 404
