"""Cached assessments and chart data follow every change to the runner's log."""

import datetime as dt

import pytest
import time_machine

from runlog.log.models import Profile
from tests.factories import PainReportFactory, RunFactory, local
from tests.log.conftest import NOW

pytestmark = pytest.mark.usefixtures("real_cache")


def panel(client) -> str:
    return client.get("/risk/panel/").content.decode()


def test_a_cached_panel_is_recomputed_after_each_kind_of_change(alice_client, alice):
    assert "Nothing to flag" in panel(alice_client)
    versions = [Profile.objects.get(user=alice).log_version]

    report = PainReportFactory(user=alice, date=dt.date(2026, 11, 24), during=2, swelling=True)
    versions.append(Profile.objects.get(user=alice).log_version)
    assert "Seek medical attention" in panel(alice_client)
    report.delete()
    versions.append(Profile.objects.get(user=alice).log_version)
    assert "Nothing to flag" in panel(alice_client)
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    versions.append(Profile.objects.get(user=alice).log_version)
    run.delete()
    versions.append(Profile.objects.get(user=alice).log_version)
    assert len(set(versions)) == 5  # every change gave a new version


def test_the_second_dashboard_view_reuses_the_cached_assessment(alice_client, alice, django_assert_max_num_queries):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    alice_client.get("/")
    with django_assert_max_num_queries(10):  # no frames are loaded on a cache hit
        assert alice_client.get("/").status_code == 200


def test_a_new_day_is_a_new_assessment(alice_client, alice):
    PainReportFactory(user=alice, date=dt.date(2026, 11, 12), during=2, swelling=True)
    assert "Seek medical attention" in panel(alice_client)  # 13 days ago: inside the 14-day window

    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        assert "Seek medical attention" not in panel(alice_client)


def test_imports_bump_the_version(alice):
    from pathlib import Path

    from runlog.imports.files import Upload, import_files

    testdata = Path(__file__).resolve().parents[3] / "shared" / "testdata"
    if not testdata.is_dir():
        pytest.skip("../shared/testdata is not beside the project")
    before = Profile.objects.get(user=alice).log_version
    import_files(Profile.objects.get(user=alice), [Upload("r.tcx", (testdata / "tcx/tcxparser_test.tcx").read_bytes())])

    assert Profile.objects.get(user=alice).log_version != before


def test_a_restored_or_reused_log_never_meets_its_old_cache_entries(alice_client, alice):
    """The cache outlives processes; a new profile (a user id used again, a restored backup) and every change
    get versions drawn at random, so they do not repeat one that cached values were stored under."""
    from django.contrib.auth import get_user_model

    versions = {Profile.objects.get(user=alice).log_version}
    for i in range(20):
        user = get_user_model().objects.create(username=f"again{i}")
        versions.add(Profile.objects.get_or_create(user=user)[0].log_version)
    assert len(versions) == 21 and 0 not in versions


def test_the_cached_week_follows_every_run_saved_edited_or_deleted(alice_client, alice):
    def week():  # this week's distance, before its 4-week average
        return alice_client.get("/week/", HTTP_HX_REQUEST="true").content.decode().split("<dd>")[1].split("<span")[0]

    assert week() == "0.0 km"
    run = RunFactory(user=alice, distance_m=7000, start=local(dt.date(2026, 11, 24)))
    assert week() == "7.0 km"
    run.distance_m = 9500
    run.save()
    assert week() == "9.5 km"
    run.delete()
    assert week() == "0.0 km"
