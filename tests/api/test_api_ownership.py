"""Every operation of the OpenAPI document that takes an id answers 404 to another runner's token, for
every method, and changes nothing: the ownership walk of tests/test_ownership.py, over the API."""

import json

import pytest

from tests.factories import CrossTrainingFactory, ImportBatchFactory, PainReportFactory, ShoeFactory, recorded_run
from tests.test_ownership import snapshot as whole_snapshot


def snapshot():
    return whole_snapshot()[:-1]  # without the tokens, whose last use each request records


# The first segment of a path → how to make alice's object for it. A new id-taking path fails until listed.
OWNED = {
    "runs": recorded_run,  # a run imported from a file: its samples, splits and original are there to take
    "shoes": ShoeFactory,
    "cross-training": CrossTrainingFactory,
    "pain-reports": PainReportFactory,
    "imports": ImportBatchFactory,
}
BODY = {"distance_km": 5, "name": "Mine now", "duration_s": 600, "during": 2, "notes": "bob was here"}


def operations_with_ids(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    for path, methods in document["paths"].items():
        if "{pk}" in path:
            for method in methods:
                yield method, path


def test_every_operation_with_an_id_has_an_owner_case(alice_api):
    segments = {path.split("/")[3] for _, path in operations_with_ids(alice_api)}

    assert segments, "the walk found no operation"
    assert segments <= set(OWNED), f"add an ownership case for: {sorted(segments - set(OWNED))}"


def test_bob_gets_404_for_every_operation_on_alices_objects_and_nothing_changes(alice, alice_api, bob_api):
    operations = list(operations_with_ids(alice_api))
    assert len(operations) >= 16
    for method, path in operations:
        obj = OWNED[path.split("/")[3]](user=alice)
        before = snapshot()

        url = path.replace("{pk}", str(obj.pk))
        response = (
            bob_api.get(url) if method == "get" else getattr(bob_api, method)(url, *([BODY] * (method != "delete")))
        )

        assert response.status_code == 404, (method, path, response.content)
        assert response.json()["detail"]
        assert snapshot() == before, (method, path)


def test_the_owner_reaches_every_read_operation_with_an_id(alice, alice_read_api):
    reads = [path for method, path in operations_with_ids(alice_read_api) if method == "get"]
    assert {"/api/v1/runs/{pk}/samples", "/api/v1/runs/{pk}/splits", "/api/v1/runs/{pk}/original"} <= set(reads)
    for path in reads:
        obj = OWNED[path.split("/")[3]](user=alice)

        response = alice_read_api.get(path.replace("{pk}", str(obj.pk)))

        assert response.status_code == 200, (path, response.content)


@pytest.mark.parametrize("resource", ["runs", "shoes", "cross-training", "pain-reports"])
def test_lists_hold_only_the_token_owners_entries(resource, alice, bob, bob_api):
    factory = OWNED[resource]
    factory(user=alice)
    mine = factory(user=bob)

    listed = bob_api.get(f"/api/v1/{resource}").json()

    assert [item["id"] for item in listed["items"]] == [mine.pk]
    assert listed["count"] == 1


def test_a_run_cannot_be_put_in_another_runners_shoe_through_the_api(alice, bob_api):
    alices_shoe = ShoeFactory(user=alice)

    response = bob_api.post(
        "/api/v1/runs", {"start": "2026-11-20T07:00:00Z", "distance_km": 5, "duration_s": 1800, "shoe": alices_shoe.pk}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "shoe"]
