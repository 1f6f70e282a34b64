"""Two tabs, one entry: a form opened before the entry was saved elsewhere is refused, showing both versions."""

import datetime as dt
import html
import re

import pytest
import time_machine

from injuries.models import PainReport
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from tests.factories import CrossTrainingFactory, PainReportFactory, RunFactory, ShoeFactory, UserFactory, local
from tests.log.conftest import NOW
from tests.test_admin import posted_back

RUN = {"date": "2026-11-20", "time": "07:00", "distance": "10", "duration": "50:00", "kind": "easy", "rpe": "4"}


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def run(alice):
    return RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), distance_m=10_000.0, duration_s=3000)


def version_on(page: str) -> str:
    match = re.search(r'name="version" value="([^"]+)"', page)
    assert match, "the edit form carries no version"
    return html.unescape(match.group(1))


def opened(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return version_on(response.content.decode())


def test_the_second_tab_of_a_run_is_refused_with_both_versions_and_can_save_anyway(alice_client, run, htmx_headers):
    url = f"/runs/{run.pk}/edit/"
    first_tab = opened(alice_client, url, **htmx_headers)
    second_tab = opened(alice_client, url, **htmx_headers)

    saved = alice_client.post(url, {**RUN, "distance": "12", "version": first_tab}, **htmx_headers)
    assert saved.status_code == 200
    refused = alice_client.post(url, {**RUN, "notes": "tempo", "version": second_tab}, **htmx_headers)

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "<strong>Distance</strong>: yours 10 km, saved meanwhile 12.0 km" in page
    assert "Notes" not in re.search(r'<div class="conflict.*?</div>', page, re.S).group(0)  # unchanged meanwhile
    assert "Save mine anyway" in page and f'hx-get="/runs/{run.pk}/edit/"' in page  # or reload the saved one
    assert 'value="tempo"' in page or ">tempo</textarea>" in page  # the runner's edits are kept in the form
    run.refresh_from_db()
    assert run.distance_m == 12_000.0 and run.notes == ""

    anyway = alice_client.post(url, {**RUN, "notes": "tempo", "version": version_on(page)}, **htmx_headers)
    assert anyway.status_code == 200
    run.refresh_from_db()
    assert run.distance_m == 10_000.0 and run.notes == "tempo"


def test_a_stale_plain_form_is_refused_with_a_page_showing_both_versions(alice_client, run):
    url = f"/runs/{run.pk}/edit/"
    first_tab, second_tab = opened(alice_client, url), opened(alice_client, url)
    assert alice_client.post(url, {**RUN, "duration": "55:00", "version": first_tab}).status_code == 302

    refused = alice_client.post(url, {**RUN, "version": second_tab})

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "<strong>Duration</strong>: yours 50:00, saved meanwhile 55:00" in page
    assert f'href="/runs/{run.pk}/edit/">Reload the saved version' in page
    run.refresh_from_db()
    assert run.duration_s == 55 * 60
    assert alice_client.post(url, {**RUN, "version": version_on(page)}).status_code == 302
    run.refresh_from_db()
    assert run.duration_s == 50 * 60


def test_an_edit_in_the_admin_makes_the_open_form_stale(alice_client, run, htmx_headers):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    url = f"/runs/{run.pk}/edit/"
    version = opened(alice_client, url, **htmx_headers)
    alice_client.logout()
    alice_client.force_login(admin)
    admin_url = f"/admin/runlog/run/{run.pk}/change/"
    page = alice_client.get(admin_url).content.decode()
    assert alice_client.post(admin_url, posted_back(page, "notes", "shoe was wet")).status_code == 302
    alice_client.force_login(run.user)

    refused = alice_client.post(url, {**RUN, "version": version}, **htmx_headers)

    assert refused.status_code == 409
    assert "<strong>Notes</strong>: yours —, saved meanwhile shoe was wet" in refused.content.decode()
    run.refresh_from_db()
    assert run.notes == "shoe was wet"


# Each edit form: a maker, its edit URL, what the runner posts, the change saved meanwhile (as the
# admin or an import would: an update of the row) and the line the refusal shows for it.
EDITS = {
    "run": (
        lambda alice: RunFactory(user=alice, start=local(dt.date(2026, 11, 20))),
        "/runs/{}/edit/",
        RUN,
        {"kind": "long"},
        "<strong>Kind</strong>: yours Easy, saved meanwhile Long",
    ),
    "shoe": (
        lambda alice: ShoeFactory(user=alice, name="Pegasus"),
        "/shoes/{}/edit/",
        {"name": "Pegasus", "support": "neutral", "retire_distance": "700", "start_distance": "0"},
        {"name": "Pegasus 41"},
        "<strong>Name</strong>: yours Pegasus, saved meanwhile Pegasus 41",
    ),
    "cross-training": (
        lambda alice: CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, 20), 18)),
        "/cross-training/{}/edit/",
        {"date": "2026-11-20", "time": "18:00", "activity": "cycling", "duration": "1:00:00", "rpe": "4"},
        {"duration_s": 5400},
        "<strong>Duration</strong>: yours 1:00:00, saved meanwhile 1:30:00",
    ),
    "pain report": (
        lambda alice: PainReportFactory(user=alice, date=dt.date(2026, 11, 20), during=2),
        "/pain/{}/edit/",
        {"date": "2026-11-20", "location": "inner_knee", "side": "left", "during": "2"},
        {"during": 5},
        "<strong>During the run</strong>: yours 2, saved meanwhile 5",
    ),
}
MODELS = {"run": Run, "shoe": Shoe, "cross-training": CrossTraining, "pain report": PainReport}


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("name", EDITS)
def test_every_edit_form_refuses_a_stale_save(alice_client, alice, name, htmx):
    make, url, data, meanwhile, shown = EDITS[name]
    obj = make(alice)
    url = url.format(obj.pk)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    version = opened(alice_client, url, **headers)
    MODELS[name].objects.filter(pk=obj.pk).update(**meanwhile)

    refused = alice_client.post(url, {**data, "version": version}, **headers)

    assert refused.status_code == 409
    assert shown in refused.content.decode()
    obj.refresh_from_db()
    assert all(getattr(obj, field) == value for field, value in meanwhile.items())  # nothing overwritten


@pytest.mark.parametrize("name", EDITS)
def test_an_edit_form_opened_after_the_last_save_saves(alice_client, alice, name):
    make, url, data, _, _ = EDITS[name]
    obj = make(alice)
    url = url.format(obj.pk)
    assert alice_client.post(url, {**data, "version": opened(alice_client, url)}).status_code == 302
    text = "name" if name == "shoe" else "notes"
    assert alice_client.post(url, {**data, text: "again", "version": opened(alice_client, url)}).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, text) == "again"


def test_a_change_the_form_does_not_show_is_kept_and_no_conflict(alice_client, run, htmx_headers):
    url = f"/runs/{run.pk}/edit/"
    version = opened(alice_client, url, **htmx_headers)
    Run.objects.filter(pk=run.pk).update(max_hr=182)  # from a watch file, not on the form

    saved = alice_client.post(url, {**RUN, "notes": "hills", "version": version}, **htmx_headers)

    assert saved.status_code == 200
    run.refresh_from_db()
    assert run.notes == "hills" and run.max_hr == 182


def test_a_tampered_version_is_a_form_error(alice_client, run, htmx_headers):
    url = f"/runs/{run.pk}/edit/"
    other = RunFactory(user=run.user, start=local(dt.date(2026, 11, 21)))
    for version in ("forged", opened(alice_client, f"/runs/{other.pk}/edit/")):  # not signed; another run's
        response = alice_client.post(url, {**RUN, "notes": "x", "version": version}, **htmx_headers)
        assert response.status_code == 422
        assert "could not be checked against the saved version" in response.content.decode()
    run.refresh_from_db()
    assert run.notes == ""


def test_the_settings_form_of_a_second_tab_is_refused_with_both_versions(alice_client, alice):
    first_tab, second_tab = opened(alice_client, "/settings/"), opened(alice_client, "/settings/")
    settings = {"units": "km", "timezone": "Europe/Berlin", "digest_weekday": "0", "digest_enabled": "on"}
    assert alice_client.post("/settings/", {**settings, "units": "mi", "version": first_tab}).status_code == 302

    refused = alice_client.post("/settings/", {**settings, "timezone": "Europe/Paris", "version": second_tab})

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "<strong>Units</strong>: yours Kilometres, saved meanwhile Miles" in page
    assert Profile.objects.get(user=alice).units == "mi"
    assert Profile.objects.get(user=alice).timezone == "Europe/Berlin"
    anyway = alice_client.post("/settings/", {**settings, "timezone": "Europe/Paris", "version": version_on(page)})
    assert anyway.status_code == 302
    profile = Profile.objects.get(user=alice)
    assert (profile.units, profile.timezone) == ("km", "Europe/Paris")
