"""What the log's forms say matches what they do: the start time's hint, the distance's messages."""

import datetime as dt
import re

import pytest
import time_machine

from runlog.log.models import Run, Shoe
from tests.log.conftest import NOW

RUN = {"date": "2026-11-20", "time": "07:30", "duration": "50:00", "kind": "easy"}


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_quick_log_hint_says_the_time_shown_is_kept_and_an_empty_one_is_seven(alice_client, alice):
    page = alice_client.get("/runs/").content.decode()
    field = re.search(r'<input[^>]*name="time"[^>]*>', page).group(0)
    assert 'value="13:00:00"' in field  # NOW in Berlin, alice's zone: the field is prefilled
    assert "07:00 if left empty" not in page
    assert "Local time, as shown; cleared, 07:00" in page

    assert alice_client.post("/runs/new/", {**RUN, "distance": "10", "time": ""}).status_code == 302
    (run,) = Run.objects.filter(user=alice)
    assert run.start == dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)  # 07:00 in Berlin


@pytest.mark.parametrize("typed", ["99999999999", "1e308", "9" * 400, "351"])
def test_a_huge_distance_gets_the_runners_message_not_a_count_of_digits(alice_client, alice, typed):
    response = alice_client.post("/runs/new/", {**RUN, "distance": typed})
    assert response.status_code == 422
    assert response.context["form"].errors["distance"] == ["That is over 350 km — check the distance and the unit."]
    assert not Run.objects.exists()


def test_a_distance_with_more_than_three_decimals_is_still_refused(alice_client, alice):
    response = alice_client.post("/runs/new/", {**RUN, "distance": "10.12345"})
    assert response.status_code == 422
    assert "distance" in response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("start_distance", "Starting distance can be at most 3,000 km."),
        ("retire_distance", "Retirement distance can be at most 5,000 km."),
    ],
)
def test_a_huge_shoe_distance_gets_the_runners_message(alice_client, alice, field, message):
    data = {"name": "Trainers", "support": "neutral", "retire_distance": "800", field: "99999999999"}
    response = alice_client.post("/shoes/new/", data)
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert not Shoe.objects.exists()
