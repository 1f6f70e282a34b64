"""The API's resources against the pages: what one writes the other reads, with the forms' own rules."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from injuries.models import PainReport
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import RunFactory, ShoeFactory, local

TESTDATA = Path("/work/shared/testdata")
pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def frozen_now():
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def log_version(user) -> int:
    return Profile.objects.get(user=user).log_version


def test_a_run_posted_through_the_api_is_on_the_runs_page(alice, alice_api, alice_client):
    response = alice_api.post(
        "/api/v1/runs",
        {"start": "2026-11-24T07:30:00+01:00", "distance_km": 10, "duration_s": 3000, "notes": "River loop"},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["distance_km"] == 10.0
    assert body["duration_s"] == 3000
    assert body["start"] == "2026-11-24T07:30:00+01:00"
    run = Run.objects.get(pk=body["id"], user=alice)
    assert run.start == dt.datetime(2026, 11, 24, 6, 30, tzinfo=dt.UTC)
    assert "River loop" in alice_client.get("/runs/").content.decode()


def test_a_run_logged_on_the_page_reads_back_through_the_api(alice, alice_api, alice_client):
    alice_client.post(
        "/runs/new/",
        {"date": "2026-11-23", "time": "18:15", "distance": "8", "duration": "40:00", "kind": "tempo", "rpe": "7"},
    )

    items = alice_api.get("/api/v1/runs").json()["items"]

    assert len(items) == 1
    assert items[0] | {"id": 0} == items[0] | {
        "id": 0,
        "start": "2026-11-23T18:15:00+01:00",
        "distance_km": 8.0,
        "duration_s": 2400,
        "kind": "tempo",
        "rpe": 7,
        "source": "manual",
    }


def test_distances_are_kilometres_for_a_runner_who_reads_miles(bob, bob_api):
    response = bob_api.post(
        "/api/v1/runs", {"start": "2026-11-24T07:30:00-05:00", "distance_km": 16.093, "duration_s": 4800}
    )

    assert response.status_code == 201
    assert Run.objects.get(user=bob).distance_m == pytest.approx(16_093)


def test_the_api_refuses_what_the_form_refuses_with_the_same_message(alice, alice_api, alice_client):
    page = alice_client.post(
        "/runs/new/", {"date": "2026-11-24", "distance": "0.05", "duration": "5:00", "kind": "easy"}
    )
    form_message = page.context["form"].errors["distance"][0]

    response = alice_api.post("/api/v1/runs", {"start": "2026-11-24T07:30:00Z", "distance_km": 0.05, "duration_s": 300})

    assert response.status_code == 422
    assert response.json()["detail"] == [{"loc": ["body", "distance_km"], "msg": form_message, "type": "value_error"}]
    assert not Run.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start": "1969-12-31T12:00:00Z", "distance_km": 5, "duration_s": 1800}, "start"),
        ({"start": "2026-11-30T07:00:00Z", "distance_km": 5, "duration_s": 1800}, "start"),
        ({"start": "2026-11-24T07:00:00Z", "distance_km": 5, "duration_s": 30}, "duration_s"),
        ({"start": "2026-11-24T07:00:00Z", "distance_km": 5, "duration_s": 1800, "avg_hr": 400}, "avg_hr"),
        ({"start": "2026-11-24T07:00:00Z", "distance_km": 1e300, "duration_s": 1800}, "distance_km"),
    ],
)
def test_out_of_bounds_runs_are_refused_naming_the_field(body, field, alice, alice_api):
    response = alice_api.post("/api/v1/runs", body)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert not Run.objects.exists()


def test_patch_changes_only_the_fields_sent(alice, alice_api):
    run = RunFactory(user=alice, distance_m=10_000, duration_s=3000, kind="long", notes="Before")

    response = alice_api.patch(f"/api/v1/runs/{run.pk}", {"notes": "After"})

    assert response.status_code == 200
    run.refresh_from_db()
    assert (run.notes, run.distance_m, run.duration_s, run.kind) == ("After", 10_000, 3000, "long")


def test_patch_refuses_a_bad_value_and_keeps_the_saved_one(alice, alice_api):
    run = RunFactory(user=alice, duration_s=3000)

    response = alice_api.patch(f"/api/v1/runs/{run.pk}", {"duration_s": 0})

    assert response.status_code == 422
    run.refresh_from_db()
    assert run.duration_s == 3000


def test_every_write_bumps_the_log_version(alice, alice_api):
    versions = [log_version(alice)]
    created = alice_api.post("/api/v1/shoes", {"name": "Daily"}).json()
    versions.append(log_version(alice))
    alice_api.patch(f"/api/v1/shoes/{created['id']}", {"brand": "Asics"})
    versions.append(log_version(alice))
    alice_api.delete(f"/api/v1/shoes/{created['id']}")
    versions.append(log_version(alice))
    pain = alice_api.post(
        "/api/v1/pain-reports", {"date": "2026-11-24", "location": "shin", "side": "left", "during": 2}
    )
    assert pain.status_code == 201
    versions.append(log_version(alice))

    assert len(set(versions)) == 5


def test_delete_removes_the_entry(alice, alice_api):
    run = RunFactory(user=alice)

    response = alice_api.delete(f"/api/v1/runs/{run.pk}")

    assert response.status_code == 204
    assert not Run.objects.exists()


def test_lists_are_newest_first_paged_and_filtered_by_the_runners_days(alice, alice_api):
    for day in (20, 21, 22, 23, 24):
        RunFactory(user=alice, start=local(dt.date(2026, 11, day)))
    # 00:30 in Berlin on the 25th is still the 24th in UTC: the runner's own day counts.
    late = RunFactory(user=alice, start=dt.datetime(2026, 11, 25, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))))

    first = alice_api.get("/api/v1/runs", {"per_page": 2}).json()
    second = alice_api.get("/api/v1/runs", {"per_page": 2, "page": 2}).json()
    on_the_25th = alice_api.get("/api/v1/runs", {"since": "2026-11-25"}).json()
    up_to_the_21st = alice_api.get("/api/v1/runs", {"until": "2026-11-21"}).json()

    assert (first["count"], first["pages"]) == (6, 3)
    assert first["items"][0]["id"] == late.pk
    assert [item["start"][:10] for item in first["items"] + second["items"]] == [
        "2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22",
    ]  # fmt: skip
    assert [item["id"] for item in on_the_25th["items"]] == [late.pk]
    assert [item["start"][:10] for item in up_to_the_21st["items"]] == ["2026-11-21", "2026-11-20"]


def test_list_parameters_out_of_range_are_a_422_not_a_500(alice, alice_api):
    for query in ({"per_page": 0}, {"per_page": 101}, {"page": 0}, {"since": "not-a-day"}, {"until": "9999-12-31"}):
        response = alice_api.get("/api/v1/runs", query)
        assert response.status_code in (200, 422), query


def test_cross_training_and_pain_reports_round_trip(alice, alice_api, alice_client):
    session = alice_api.post(
        "/api/v1/cross-training", {"start": "2026-11-24T18:00:00+01:00", "activity": "yoga", "duration_s": 1800}
    )
    pain = alice_api.post(
        "/api/v1/pain-reports",
        {"date": "2026-11-24", "location": "inner_knee", "side": "left", "during": 3, "after": 4, "swelling": True},
    )

    assert session.status_code == pain.status_code == 201
    assert CrossTraining.objects.get(user=alice).duration_s == 1800
    report = PainReport.objects.get(user=alice)
    assert (report.during, report.after, report.swelling) == (3, 4, True)
    assert "Yoga" in alice_client.get("/cross-training/").content.decode()
    assert alice_api.get(f"/api/v1/pain-reports/{report.pk}").json()["after"] == 4


def test_a_pain_score_above_ten_is_refused(alice, alice_api):
    response = alice_api.post(
        "/api/v1/pain-reports", {"date": "2026-11-24", "location": "shin", "side": "left", "during": 11}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "during"]


def test_a_new_run_without_a_shoe_is_in_the_default_shoe_as_on_the_page(alice, alice_api):
    shoe = ShoeFactory(user=alice)
    Profile.objects.filter(user=alice).update(default_shoe=shoe)

    body = alice_api.post(
        "/api/v1/runs", {"start": "2026-11-24T07:00:00Z", "distance_km": 5, "duration_s": 1500}
    ).json()

    assert body["shoe"] == shoe.pk


def test_shoes_in_kilometres(alice, alice_api):
    body = alice_api.post("/api/v1/shoes", {"name": "Racer", "start_km": 120.5, "retire_at_km": 600}).json()

    shoe = Shoe.objects.get(pk=body["id"])
    assert (shoe.start_m, shoe.retire_at_m) == (120_500, 600_000)
    assert (body["start_km"], body["retire_at_km"]) == (120.5, 600.0)


def test_the_risk_document_is_the_risk_report_commands(alice, alice_api, capsys):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)), distance_m=12_000)

    response = alice_api.get("/api/v1/risk", {"on": "2026-11-24"})
    call_command("risk_report", "alice", "--on", "2026-11-24", "--format", "json")

    assert response.status_code == 200
    assert response.json() == json.loads(capsys.readouterr().out)
    assert response.json()["metrics"]["week_km"] == 12.0


def test_the_risk_document_refuses_a_day_outside_the_bounds(alice, alice_api):
    assert alice_api.get("/api/v1/risk", {"on": "1960-01-01"}).status_code == 422
    assert alice_api.get("/api/v1/risk", {"on": "2026-13-01"}).status_code == 422


def test_the_export_is_the_version_2_document(alice, alice_api):
    RunFactory(user=alice, distance_m=10_000)

    document = alice_api.get("/api/v1/export").json()

    assert (document["format"], document["version"]) == ("runlog.account", 2)
    assert [run["distance_km"] for run in document["runs"]] == [10.0]


def test_a_file_imported_through_the_api_reports_its_result(alice, alice_api):
    path = TESTDATA / "gpx" / "gpxpy_cerknicko-without-times.gpx"

    response = alice_api.post("/api/v1/imports", data={"file": path.open("rb")})

    assert response.status_code == 202, response.content
    batch = alice_api.get(f"/api/v1/imports/{response.json()['id']}").json()
    assert batch["status"] == "done"
    assert batch["totals"]["created"] + batch["totals"]["duplicates"] + batch["totals"]["rejected"] >= 1
    assert batch["report"][0]["name"] == path.name


def test_an_import_of_a_file_runlog_does_not_read_is_refused_before_anything_is_stored(alice, alice_api):
    upload = io.BytesIO(b"MZ...")
    upload.name = "setup.exe"

    response = alice_api.post("/api/v1/imports", data={"file": upload})

    assert response.status_code == 422
    assert response.json()["detail"].startswith("setup.exe: not a file type")
    assert not alice.import_batches.exists()


def test_a_read_token_cannot_import(alice, alice_read_api):
    path = sorted((TESTDATA / "gpx").glob("*.gpx"))[0]

    response = alice_read_api.post("/api/v1/imports", data={"file": path.open("rb")})

    assert response.status_code == 403


def test_the_openapi_document_and_the_docs_page_are_served_without_a_cdn(client):
    document = client.get("/api/v1/openapi.json").json()
    page = client.get("/api/v1/docs").content.decode()

    assert document["openapi"].startswith("3.")
    assert {"/api/v1/runs", "/api/v1/risk", "/api/v1/export", "/api/v1/imports"} <= set(document["paths"])
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_null_distances_of_a_shoe_get_the_forms_message_not_a_500(alice, alice_api):
    response = alice_api.post("/api/v1/shoes", {"name": "Daily", "start_km": None, "retire_at_km": None})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "retire_at_km"]


def test_a_number_is_not_read_as_a_day(alice, alice_api):
    assert alice_api.get("/api/v1/risk", {"on": "0"}).status_code == 422
    assert alice_api.post("/api/v1/pain-reports", {"date": 0, "location": "shin", "side": "left"}).status_code == 422


def test_an_id_that_is_not_a_number_and_an_unknown_path_answer_json(alice, alice_api):
    assert alice_api.get("/api/v1/runs/AAA").status_code == 422
    unknown = alice_api.get("/api/v1/nothing-here")
    assert unknown.status_code == 404
    assert unknown.json()["detail"]
