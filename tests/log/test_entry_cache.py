"""Cached list entries: shared across sessions, never stale, never carrying a session's token."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from injuries.models import PainReport
from runlog.log.models import Profile, Run, Shoe
from tests.factories import PainReportFactory, RunFactory, ShoeFactory, local
from tests.log.conftest import NOW

pytestmark = pytest.mark.usefixtures("real_cache")


def entry(html: str, dom_id: str) -> str:
    match = re.search(rf'<article class="entry[^"]*" id="{dom_id}">.*?</article>', html, re.S)
    assert match, f"{dom_id} not on the page"
    return match.group(0)


def runs_page(client) -> str:
    response = client.get("/runs/")
    assert response.status_code == 200
    return response.content.decode()


def entry_keys() -> list[str]:
    return [key for key in cache._cache if ":entry:" in key]


def test_a_cached_entry_is_served_until_its_row_changes(alice_client, alice):
    run = RunFactory(user=alice, distance_m=8000, duration_s=2400, start=local(dt.date(2026, 11, 24)))
    assert "8.0 km" in entry(runs_page(alice_client), f"run-{run.pk}")
    # Prove the next page comes from the cache: replace the stored markup and see it served.
    [key] = entry_keys()
    cache.set(key.split(":", 2)[2], f'<article class="entry" id="run-{run.pk}">FROM CACHE</article>')
    assert "FROM CACHE" in entry(runs_page(alice_client), f"run-{run.pk}")

    Run.objects.filter(pk=run.pk).update(distance_m=9500)  # even a bulk update, which sends no signal
    html = entry(runs_page(alice_client), f"run-{run.pk}")
    assert "FROM CACHE" not in html and "9.5 km" in html


def test_entries_follow_related_rows_units_time_zone_and_date(alice_client, alice):
    shoe = ShoeFactory(user=alice, name="Pegasus")
    run = RunFactory(user=alice, shoe=shoe, distance_m=10000, start=local(dt.date(2026, 11, 24), hour=7))
    report = PainReportFactory(user=alice, run=run, date=dt.date(2026, 11, 24), during=3)
    assert "Pegasus" in entry(runs_page(alice_client), f"run-{run.pk}")

    Shoe.objects.filter(pk=shoe.pk).update(name="Vaporfly")
    assert "Vaporfly" in entry(runs_page(alice_client), f"run-{run.pk}")

    pain = lambda: entry(alice_client.get("/pain/").content.decode(), f"pain-{report.pk}")  # noqa: E731
    assert "after a 10.0 km run" in pain()
    Run.objects.filter(pk=run.pk).update(distance_m=12000)
    assert "after a 12.0 km run" in pain()

    Profile.objects.filter(user=alice).update(units="mi")  # 12 km = 7.46 mi
    assert "7.5 mi" in entry(runs_page(alice_client), f"run-{run.pk}")

    before = entry(runs_page(alice_client), f"run-{run.pk}")
    Profile.objects.filter(user=alice).update(timezone="America/New_York")
    after = entry(runs_page(alice_client), f"run-{run.pk}")
    assert "07:00" in before and "01:00" in after  # 07:00 in Berlin is 01:00 in New York

    cached = len(entry_keys())
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        runs_page(alice_client)
    assert len(entry_keys()) == cached + 1  # a new day renders afresh


def test_one_cached_entry_serves_every_session_and_holds_no_token(alice, bob):
    """Two browsers of the same runner get the same markup, and it contains no CSRF token: the buttons
    post through htmx with the page's header, or ask on a page of their own."""
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    shoe = ShoeFactory(user=alice)
    first, second = Client(), Client()
    first.force_login(alice)
    second.force_login(alice)

    a = entry(runs_page(first), f"run-{run.pk}")
    b = entry(runs_page(second), f"run-{run.pk}")
    assert a == b
    assert "csrfmiddlewaretoken" not in a and "<form" not in a
    assert f'href="/runs/{run.pk}/delete/"' in a and f'hx-post="/runs/{run.pk}/delete/"' in a
    shoe_entry = entry(first.get("/shoes/").content.decode(), f"shoe-{shoe.pk}")
    assert "csrfmiddlewaretoken" not in shoe_entry
    assert f'href="/shoes/{shoe.pk}/retire/"' in shoe_entry and f'hx-post="/shoes/{shoe.pk}/retire/"' in shoe_entry


def test_another_runner_never_gets_the_entry_of_the_same_content(alice_client, alice, bob_client, bob):
    """Identical rows of two runners differ in their ids, so their entries (and links) stay their own."""
    a = RunFactory(user=alice, distance_m=5000, duration_s=1500, start=local(dt.date(2026, 11, 24)))
    b = RunFactory(user=bob, distance_m=5000, duration_s=1500, start=local(dt.date(2026, 11, 24)))
    alice_html = runs_page(alice_client)
    bob_html = runs_page(bob_client)
    assert f"run-{a.pk}" in alice_html and f"run-{b.pk}" not in alice_html
    assert f"run-{b.pk}" in bob_html and f"run-{a.pk}" not in bob_html


def test_deleted_and_new_entries_show_at_once(alice_client, alice, htmx_headers):
    old = RunFactory(user=alice, start=local(dt.date(2026, 11, 20)))
    runs_page(alice_client)
    alice_client.post(f"/runs/{old.pk}/delete/", **htmx_headers)
    new = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    html = runs_page(alice_client)
    assert f"run-{old.pk}" not in html and f"run-{new.pk}" in html
    assert PainReport.objects.count() == 0


def test_the_code_version_changes_with_any_template_or_module(tmp_path, monkeypatch):
    import runlog.settings as project_settings

    for folder in ("runlog", "injuries", "templates"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.py").write_text("x = 1\n")
    (tmp_path / "templates" / "item.html").write_text("<article>{{ obj }}</article>")
    monkeypatch.setattr(project_settings, "BASE_DIR", tmp_path)
    first = project_settings.code_version()
    assert project_settings.code_version() == first

    (tmp_path / "templates" / "item.html").write_text("<article>{{ obj.name }}</article>")
    second = project_settings.code_version()
    (tmp_path / "injuries" / "a.py").write_text("x = 2\n")
    assert len({first, second, project_settings.code_version()}) == 3


def test_with_debug_on_entries_follow_template_edits_at_once(alice_client, alice, settings):
    """A developer editing templates under runserver sees every change: no entry comes from the cache."""
    settings.DEBUG = True
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 24)))
    runs_page(alice_client)

    assert entry_keys() == []
    assert f"run-{run.pk}" in runs_page(alice_client)


def form_keys() -> list[str]:
    return [key for key in cache._cache if ":form:" in key]


def quick_form(html: str) -> str:
    form = re.search(r'<form id="run-new-form".*?</form>', html, re.S).group(0)
    form = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", form)  # masked anew for each response
    return re.sub(r'name="form_token" value="[^"]+"', "", form)  # one per rendering, outside the cached fields


def form_token(html: str) -> str:
    return re.search(r'<form id="run-new-form".*?name="form_token" value="([^"]+)"', html, re.S).group(1)


def test_the_empty_quick_log_form_is_cached_and_follows_shoes_units_and_defaults(alice_client, alice):
    first_page = runs_page(alice_client)
    first = quick_form(first_page)
    assert len(form_keys()) == 1
    second_page = runs_page(alice_client)
    assert quick_form(second_page) == first and len(form_keys()) == 1  # served from the cache
    assert form_token(second_page) != form_token(first_page)  # while each rendering has its own token

    shoe = ShoeFactory(user=alice, name="Cloudmonster")
    assert "Cloudmonster" in quick_form(runs_page(alice_client))  # a new pair is offered at once
    Profile.objects.filter(user=alice).update(default_shoe=shoe)
    assert f'<option value="{shoe.pk}" selected>Cloudmonster' in quick_form(runs_page(alice_client))
    Profile.objects.filter(user=alice).update(units="mi")
    assert "Distance (mi)" in quick_form(runs_page(alice_client))
    Shoe.objects.filter(pk=shoe.pk).update(retired_on=dt.date(2026, 11, 20))
    assert "Cloudmonster" not in quick_form(runs_page(alice_client))
    assert len(form_keys()) == 5


def test_a_form_with_errors_or_a_nonce_is_never_taken_from_the_cache(alice_client, alice, htmx_headers):
    runs_page(alice_client)
    response = alice_client.post(
        "/runs/new/", {"date": "2026-11-24", "distance": "-3", "duration": "30"}, **htmx_headers
    )
    assert response.status_code == 422
    assert "errorlist" in response.content.decode()
    assert len(form_keys()) == 1  # only the empty form

    nonces = []
    for _ in range(2):  # the pain form's body map carries each response's own nonce
        response = alice_client.get("/pain/")
        nonce = re.search(r'bodymap\.js" nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert len(form_keys()) == 1
