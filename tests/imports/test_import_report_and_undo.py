"""The import page as a runner reads it: rejections look like rejections, undo asks first and counts right."""

import datetime as dt
import re

import pytest
import time_machine

from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Run, Shoe
from tests.factories import CrossTrainingFactory, RunFactory, ShoeFactory, local
from tests.log.conftest import NOW


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def report_entry(name: str, created=0, duplicates=0, rejected=(), remarks=(), file_rejected=False) -> dict:
    return {
        "name": name,
        "created": created,
        "duplicates": duplicates,
        "rejected": list(rejected),
        "remarks": list(remarks),
        "file_rejected": file_rejected,
    }


@pytest.fixture
def imported(alice):
    """A finished import that added 3 runs, 2 cross-training sessions and 2 shoes (one since tagged by hand)."""
    batch = ImportBatch.objects.create(
        user=alice,
        status="done",
        total_files=1,
        done_files=1,
        report=[report_entry("activities.csv", created=5)],
    )
    new_shoe = ShoeFactory(user=alice, name="Imported trainers", import_batch=batch)
    tagged = ShoeFactory(user=alice, name="Imported racers", import_batch=batch)
    for day in (10, 12, 14):
        RunFactory(user=alice, start=local(dt.date(2026, 11, day)), import_batch=batch, shoe=new_shoe)
    for day in (11, 13):
        CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, day), 18), import_batch=batch)
    own = RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), shoe=tagged)
    return batch, own, tagged


def test_every_rejection_looks_like_a_rejection_and_remarks_like_notes(alice_client, alice):
    batch = ImportBatch.objects.create(
        user=alice,
        status="done",
        total_files=2,
        done_files=2,
        report=[
            report_entry(
                "activities.csv",
                created=1,
                rejected=["row 3: A run is at least 0.1 km (100 m).", "row 4: That is shorter than a minute"],
                remarks=["row 5: the step rate of 400 was dropped"],
            ),
            report_entry("broken.gpx", rejected=["could not be read"], file_rejected=True),
        ],
    )
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()

    for reason in ("A run is at least 0.1 km (100 m).", "That is shorter than a minute", "could not be read"):
        (span,) = re.findall(rf'<span class="([^"]*)">[^<]*{re.escape(reason)}', page)
        assert "errorlist" in span.split() and "muted" not in span.split()
    (note,) = re.findall(r'<span class="([^"]*)">row 5: the step rate', page)
    assert "muted" in note.split() and "errorlist" not in note.split()


def test_the_undo_button_counts_what_undo_removes_and_asks_first(alice_client, alice, imported):
    batch, _, _ = imported
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()

    # 3 runs + 2 sessions + 1 shoe: the other shoe carries a run of alice's own, so undo keeps it.
    removes = "3 runs, 2 cross-training sessions and 1 shoe"
    assert f"Removes exactly the {removes} it added." in page
    button = re.search(r'<a class="btn danger small"[^>]*>Undo this import</a>', page, re.S).group(0)
    assert f'href="/import/{batch.pk}/undo/confirm/"' in button  # without JavaScript: a page that asks
    assert f'hx-post="/import/{batch.pk}/undo/"' in button
    assert f'hx-confirm="Undo this import? It removes the {removes} it added."' in button


def test_the_confirmation_page_asks_and_its_button_undoes_exactly_that(alice_client, alice, imported):
    batch, own, tagged = imported
    confirm = alice_client.get(f"/import/{batch.pk}/undo/confirm/")
    assert confirm.status_code == 200
    assert "3 runs, 2 cross-training sessions and 1 shoe" in confirm.content.decode()
    assert Run.objects.filter(user=alice).count() == 4  # asking removed nothing

    response = alice_client.post(f"/import/{batch.pk}/undo/", follow=True)

    assert "Import undone: removed the 3 runs, 2 cross-training sessions and 1 shoe it had added." in (
        response.content.decode()
    )
    assert list(Run.objects.filter(user=alice)) == [own]
    assert not CrossTraining.objects.filter(user=alice).exists()
    assert list(Shoe.objects.filter(user=alice)) == [tagged]


def test_one_item_is_said_in_the_singular(alice_client, alice):
    batch = ImportBatch.objects.create(user=alice, status="done", report=[report_entry("one.gpx", created=1)])
    RunFactory(user=alice, import_batch=batch)
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "Removes exactly the 1 run it added." in page
    assert "1 items" not in page


def test_undo_from_the_dialog_sends_the_browser_to_the_imports(alice_client, alice, imported, htmx_headers):
    batch, _, _ = imported
    response = alice_client.post(f"/import/{batch.pk}/undo/", **htmx_headers)
    assert response["HX-Redirect"] == "/import/"
    batch.refresh_from_db()
    assert batch.status == "undone"


def test_an_undone_import_has_nothing_left_to_confirm(alice_client, alice, imported):
    batch, _, _ = imported
    alice_client.post(f"/import/{batch.pk}/undo/")
    assert alice_client.get(f"/import/{batch.pk}/undo/confirm/").status_code == 302
