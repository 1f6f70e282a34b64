"""Migration runlog 0008: uploads waiting in database rows move to storage; finished ones are dropped."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("runlog", "0007_run_device_fields_profile_language")]
AFTER = [("runlog", "0008_import_files_in_storage")]


@pytest.mark.django_db(transaction=True)
def test_waiting_uploads_move_from_the_database_to_storage(upload_storage):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(username="carol")
    batches = old.get_model("runlog", "ImportBatch").objects
    files = old.get_model("runlog", "ImportFile").objects
    waiting = batches.create(user=user, status="running", total_files=2, done_files=1)
    files.create(batch=waiting, name="read.gpx", size=3, data=b"")  # the old worker emptied what it had read
    files.create(batch=waiting, name="next.gpx", size=5, data=b"<gpx>")
    finished = batches.create(user=user, status="failed", total_files=1)
    files.create(batch=finished, name="left.gpx", size=4, data=b"left")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("runlog", "ImportFile").objects

    rows = {f.name: f for f in new.all()}
    assert (rows["read.gpx"].done, rows["read.gpx"].stored.name) == (True, "")
    assert (rows["left.gpx"].done, rows["left.gpx"].stored.name) == (True, "")
    assert rows["next.gpx"].done is False
    stored = upload_storage / rows["next.gpx"].stored.name
    assert stored.read_bytes() == b"<gpx>"
    assert stored.parent == upload_storage / "imports" / str(user.pk)
    assert [p for p in upload_storage.rglob("*") if p.is_file()] == [stored]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
