"""The runs pages: list, quick log, inline edit and delete — with htmx and without JavaScript."""

import datetime as dt
import json

import pytest
import time_machine

from runlog.log.models import Run
from tests.factories import RunFactory, ShoeFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def form_data(**overrides):
    data = {
        "date": "2026-11-25",
        "time": "07:30",
        "distance": "10",
        "duration": "50:00",
        "kind": "easy",
        "rpe": "4",
        "shoe": "",
        "surface": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_it_lists_only_the_runners_own_runs_newest_first(alice_client, alice, bob):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), distance_m=8000)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 22)), distance_m=12000)
    RunFactory(user=bob, start=local(dt.date(2026, 11, 21)), distance_m=42195, notes="bob's marathon")

    html = alice_client.get("/runs/").content.decode()

    assert html.index("12.0 km") < html.index("8.0 km")
    assert "bob&#x27;s marathon" not in html and "42.2 km" not in html


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/runs/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_logging_a_run_without_javascript_stores_metres_and_redirects(alice_client, alice):
    response = alice_client.post("/runs/new/", form_data())

    assert response.status_code == 302
    run = Run.objects.get(user=alice)
    assert run.distance_m == 10_000
    assert run.duration_s == 3000
    assert run.start == dt.datetime(2026, 11, 25, 6, 30, tzinfo=dt.UTC)  # 07:30 in Berlin


def test_a_runner_in_miles_logs_miles(bob_client, bob):
    bob_client.post("/runs/new/", form_data(distance="5", time="06:00", date="2026-11-25"))

    run = Run.objects.get(user=bob)
    assert run.distance_m == pytest.approx(5 * 1609.344)
    assert "5.0 mi" in bob_client.get("/runs/").content.decode()


def test_htmx_log_returns_the_new_row_a_fresh_form_and_the_change_event(alice_client, alice, htmx_headers):
    response = alice_client.post("/runs/new/", form_data(notes="felt great"), **htmx_headers)

    assert response.status_code == 200
    html = response.content.decode()
    run = Run.objects.get(user=alice)
    assert f'id="run-{run.pk}"' in html
    assert 'hx-swap-oob="true"' in html  # the quick form is replaced by an empty one
    assert "felt great" in html
    assert "logChanged" in json.loads(response["HX-Trigger-After-Settle"])


def test_an_invalid_run_is_a_422_with_the_form_and_nothing_saved(alice_client, alice, htmx_headers):
    response = alice_client.post("/runs/new/", form_data(distance="500"), **htmx_headers)

    assert response.status_code == 422
    assert response["HX-Retarget"] == "#run-new-form"
    assert "over 350 km" in response.content.decode()
    assert not Run.objects.exists()


def test_an_invalid_run_without_javascript_shows_the_form_page(alice_client, alice):
    response = alice_client.post("/runs/new/", form_data(duration="abc"))

    assert response.status_code == 422
    assert "Write the time as" in response.content.decode()
    assert not Run.objects.exists()


def test_inline_edit_returns_the_form_then_the_updated_row(alice_client, alice, htmx_headers):
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))

    form = alice_client.get(f"/runs/{run.pk}/edit/", **htmx_headers)
    assert form.status_code == 200
    assert f'hx-post="/runs/{run.pk}/edit/"' in form.content.decode()

    response = alice_client.post(
        f"/runs/{run.pk}/edit/",
        form_data(date="2026-11-24", distance="21.1", duration="1:50:00", kind="race"),
        **htmx_headers,
    )
    assert response.status_code == 200
    assert "21.1 km" in response.content.decode()
    run.refresh_from_db()
    assert (run.distance_m, run.duration_s, run.kind) == (21_100, 6600, "race")
    assert "logChanged" in response["HX-Trigger-After-Settle"]


def test_edit_without_javascript_is_a_full_page(alice_client, alice):
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))

    page = alice_client.get(f"/runs/{run.pk}/edit/")
    assert "<html" in page.content.decode()
    response = alice_client.post(f"/runs/{run.pk}/edit/", form_data(date="2026-11-24", distance="9"))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.distance_m == 9000


def test_delete_asks_first_on_get_and_deletes_on_post(alice_client, alice, htmx_headers):
    run = RunFactory(user=alice)

    confirm = alice_client.get(f"/runs/{run.pk}/delete/")
    assert "Delete this run?" in confirm.content.decode()
    assert Run.objects.filter(pk=run.pk).exists()

    response = alice_client.post(f"/runs/{run.pk}/delete/", **htmx_headers)
    assert response.status_code == 200
    assert response.content == b""
    assert "logChanged" in response["HX-Trigger-After-Settle"]
    assert not Run.objects.filter(pk=run.pk).exists()


def test_runs_can_be_filtered_by_kind_and_shoe(alice_client, alice):
    shoe = ShoeFactory(user=alice, name="Racers")
    RunFactory(user=alice, kind="race", shoe=shoe, distance_m=5000, start=local(dt.date(2026, 11, 1)))
    RunFactory(user=alice, kind="easy", distance_m=7000, start=local(dt.date(2026, 11, 2)))

    by_kind = alice_client.get("/runs/?kind=race").content.decode()
    by_shoe = alice_client.get(f"/runs/?shoe={shoe.pk}").content.decode()

    assert "5.0 km" in by_kind and "7.0 km" not in by_kind
    assert "5.0 km" in by_shoe and "7.0 km" not in by_shoe


def test_older_runs_load_page_by_page(alice_client, alice, htmx_headers):
    for i in range(30):
        RunFactory(user=alice, start=local(dt.date(2026, 10, 1) + dt.timedelta(days=i)), distance_m=1000 + i * 100)

    first = alice_client.get("/runs/").content.decode()
    more = alice_client.get("/runs/?page=2", **htmx_headers).content.decode()

    assert first.count('class="entry') == 25
    assert 'hx-get="?page=2"' in first
    assert more.count('class="entry') == 5
    assert "<html" not in more


def test_the_run_list_query_count_does_not_grow_with_runs(alice_client, alice, django_assert_num_queries):
    shoe = ShoeFactory(user=alice)
    RunFactory(user=alice, shoe=shoe)
    with django_assert_num_queries(7) as few:
        alice_client.get("/runs/")
    for i in range(40):
        RunFactory(user=alice, shoe=shoe, start=local(dt.date(2026, 9, 1) + dt.timedelta(days=i)))
    with django_assert_num_queries(len(few.captured_queries)):
        alice_client.get("/runs/")
