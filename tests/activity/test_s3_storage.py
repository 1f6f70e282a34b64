"""Originals, samples and waiting uploads on an S3-compatible bucket, by settings alone: tested against a
real S3 protocol server (moto's standalone server) started by the test, on a free local port."""

import datetime as dt
import socket
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.urls import reverse

from runlog.activity.models import Recording
from runlog.imports.files import Upload, import_files
from runlog.log.models import profile_for
from runlog.settings import s3_storage

boto3 = pytest.importorskip("boto3", reason="boto3 is not installed (pip install -e '.[dev]')")
pytest.importorskip("storages", reason="django-storages is not installed (pip install -e '.[dev]')")
moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed (pip install -e '.[dev]')")

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
BUCKET = "runlog-test"
KEYS = {"RUNLOG_S3_ACCESS_KEY_ID": "testing", "RUNLOG_S3_SECRET_ACCESS_KEY": "testing", "RUNLOG_S3_REGION": "us-east-1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(BUCKET, {**KEYS, "RUNLOG_S3_ENDPOINT_URL": s3_endpoint}),
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_an_import_keeps_its_files_in_the_bucket_and_the_run_page_reads_them(
    alice, alice_client, bucket, upload_storage
):
    data = (TESTDATA / "fit/runpandas_run.fit").read_bytes()
    with time_machine.travel(dt.datetime(2026, 11, 25, tzinfo=dt.UTC), tick=False):
        (report,) = import_files(profile_for(alice), [Upload("runpandas_run.fit", data)])

    assert report.created == 1
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    (recording,) = Recording.objects.filter(user=alice)
    assert keys(bucket) == sorted([recording.samples_file.name, recording.original.name])
    assert not upload_storage.exists() or not any(p.is_file() for p in upload_storage.rglob("*"))  # nothing on disk
    assert bucket.get_object(Bucket=BUCKET, Key=recording.original.name)["Body"].read() == data

    page = alice_client.get(reverse("run_detail", args=[recording.run_id]))
    original = alice_client.get(reverse("run_original", args=[recording.run_id]))

    assert page.status_code == 200 and "Splits per km" in page.content.decode()
    assert b"".join(original.streaming_content) == data


def test_deleting_the_run_deletes_its_objects(alice, bucket, django_capture_on_commit_callbacks):
    data = (TESTDATA / "tcx/runpandas_run_garmin.tcx").read_bytes()
    with time_machine.travel(dt.datetime(2026, 11, 25, tzinfo=dt.UTC), tick=False):
        import_files(profile_for(alice), [Upload("run.tcx", data)])
    assert len(keys(bucket)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        Recording.objects.get(user=alice).run.delete()

    assert keys(bucket) == []
