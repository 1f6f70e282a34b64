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


# Progress ----------------------------------------------------------------------------------------


def status_of(client, batch) -> str:
    return re.sub(r"\s+", " ", client.get(f"/import/{batch.pk}/", HTTP_HX_REQUEST="true").content.decode())


def test_an_archive_alone_shows_progress_in_activity_files_read(alice_client, alice):
    report = [report_entry(f"export/activities/{i}.gpx", created=1) for i in range(275)]
    batch = ImportBatch.objects.create(
        user=alice, status="running", total_files=1, done_files=0, report=report, heartbeat_at=NOW
    )
    text = status_of(alice_client, batch)
    assert "Importing… 275 activity files read so far from the archive." in text
    assert "0 of 1 files" not in text
    assert '<progress aria-label="Reading the archive">' in text  # moving, not an empty bar at 0
    assert "stalled" not in text


def test_a_running_import_whose_worker_went_silent_says_it_stalled_and_will_resume(alice_client, alice, settings):
    settings.IMPORT_STALE_SECONDS = 120
    batch = ImportBatch.objects.create(
        user=alice,
        status="running",
        total_files=3,
        done_files=1,
        report=[report_entry("a.gpx", created=1)],
        heartbeat_at=NOW - dt.timedelta(seconds=45),
    )
    text = status_of(alice_client, batch)
    assert "The import stalled: its worker has not been heard from for a while." in text
    assert "It will resume by itself where it left off" in text
    batch.refresh_from_db()
    assert batch.status == "running"  # its lease (120 s) has not run out yet


def test_after_its_lease_ran_out_the_import_waits_again_and_says_it_will_resume(alice_client, alice, settings):
    settings.IMPORT_STALE_SECONDS = 120
    batch = ImportBatch.objects.create(
        user=alice,
        status="running",
        total_files=2,
        done_files=0,
        report=[],
        heartbeat_at=NOW - dt.timedelta(seconds=300),
    )
    batch.files.create(name="a.gpx", size=10, items_done=3)
    batch.files.create(name="b.gpx", size=10)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # no worker takes it

    text = status_of(alice_client, batch)

    batch.refresh_from_db()
    assert batch.status == "pending"
    assert "The import stalled and will resume where it left off: waiting for a worker…" in text


def test_a_new_import_is_simply_waiting_for_a_worker(alice_client, alice):
    batch = ImportBatch.objects.create(user=alice, status="pending", total_files=2, heartbeat_at=NOW)
    text = status_of(alice_client, batch)
    assert "Waiting for a worker… 0 of 2 files." in text
    assert "stalled" not in text


# The report on a phone, and a long one ----------------------------------------------------------


def test_file_names_wrap_after_slashes_and_dashes_and_stay_escaped(alice_client, alice):
    name = "export_2026/activities/morning-run-<b>.gpx"
    batch = ImportBatch.objects.create(user=alice, status="done", report=[report_entry(name, created=1)])
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "export_<wbr>2026/<wbr>activities/<wbr>morning-<wbr>run-<wbr>&lt;b&gt;.<wbr>gpx" in page
    assert "<b>" not in page.split("<table")[1]
    # Stacked on a phone: every count says what it counts.
    assert '<td data-label="New">1</td><td data-label="Skipped">0</td><td data-label="Rejected">0</td>' in page


def test_a_long_report_shows_the_files_with_rejections_first_and_folds_the_rest(alice_client, alice):
    report = [report_entry(f"activities/{i}.gpx", created=1) for i in range(899)]
    report.insert(450, report_entry("activities/bad.gpx", rejected=["could not be read"], file_rejected=True))
    batch = ImportBatch.objects.create(user=alice, status="done", report=report)

    page = re.sub(r"\s+", " ", alice_client.get(f"/import/{batch.pk}/").content.decode())

    before_fold, folded = page.split('<details class="report-all">')
    assert "Files with something rejected (1)" in before_fold
    assert "bad.<wbr>gpx" in before_fold and "activities/<wbr>17.<wbr>gpx" not in before_fold
    assert "<summary>Show all 900 files: 899 created, 0 duplicates skipped, 1 rejected</summary>" in folded
    assert "activities/<wbr>17.<wbr>gpx" in folded


def test_a_short_report_is_one_open_table(alice_client, alice):
    report = [report_entry(f"{i}.gpx", created=1) for i in range(20)]
    batch = ImportBatch.objects.create(user=alice, status="done", report=report)
    page = alice_client.get(f"/import/{batch.pk}/").content.decode()
    assert "<details" not in page
    assert page.count("<table") == 1
