"""The clinician share: made in Settings, opened without a session at a link that expires and can be
revoked; it shows its period only (weekly distance and load, pain, episodes, warnings, shoes, the plan,
notes only when chosen), sends private headers, logs every view, and gives the same report as a PDF."""

import datetime as dt
import io
import logging
import re

import pypdf
import pytest
import time_machine
from django.core import checks
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from runlog.sharing import pdf
from runlog.sharing.models import ClinicianShare, ShareView, share_digest
from runlog.sharing.report import _evidence
from tests.factories import (
    CrossTrainingFactory,
    PainReportFactory,
    ReturnPlanFactory,
    RunFactory,
    ShoeFactory,
    local,
)

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)  # Wednesday 25 November in Berlin
LINK = re.compile(r'value="(http://testserver/share/([A-Za-z0-9_-]+)/)"')


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def log_of_alice(alice):
    """Two weeks, 12–25 November, and what lies just outside them (11 November)."""
    pegasus = ShoeFactory(user=alice, name="Pegasus 41", start_m=100_000)
    ShoeFactory(user=alice, name="Long gone pair", retired_on=dt.date(2026, 10, 1))
    # One day before the period: a half-marathon race with a note, and sore shins.
    RunFactory(user=alice, start=local(dt.date(2026, 11, 11)), distance_m=21_100, duration_s=6300, kind="race", rpe=9)
    Run = RunFactory._meta.model
    Run.objects.filter(user=alice, kind="race").update(notes="OUTSIDE NOTE race day")
    PainReportFactory(user=alice, date=dt.date(2026, 11, 11), location="shin", during=7, notes="OUTSIDE pain note")
    # Week 1 (12–18 Nov): 8 + 10 km; load 4 × 40 min + 4 × 50 min = 360.
    RunFactory(user=alice, start=local(dt.date(2026, 11, 12)), distance_m=8_000, duration_s=2400, rpe=4, shoe=pegasus)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 16)), distance_m=10_000, duration_s=3000, rpe=4)
    # Week 2 (19–25 Nov): one 24 km run, 144 min at RPE 5: load 720; 24 ÷ 21.1 − 1 = 13.7 %, a session spike.
    RunFactory(
        user=alice,
        start=local(dt.date(2026, 11, 20)),
        distance_m=24_000,
        duration_s=8640,
        kind="long",
        rpe=5,
        notes="Felt the knee on the hill",
    )
    # The next day the inner knee hurts: an episode begins, with the spike the day before it.
    PainReportFactory(
        user=alice, date=dt.date(2026, 11, 21), location="inner_knee", during=4, after=5, notes="Sore on stairs"
    )
    # 30 min of cycling without an effort: RPE 3 is assumed for cross-training, load 90 (week 2: 720 + 90).
    CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, 22), 18), duration_s=1800, rpe=None)
    return alice


def make_share(client, **fields):
    data = {"display_name": "Alice", "weeks": "2", "expires_in_days": "14", **fields}
    response = client.post("/settings/shares/", data)
    assert response.status_code == 200, response.content.decode()[:2000]
    url, token = LINK.search(response.content.decode()).groups()
    return url, token


def test_a_share_is_made_in_settings_and_its_link_is_shown_once(log_of_alice, alice_client):
    response = alice_client.post("/settings/shares/", {"display_name": "Alice", "weeks": "2", "expires_in_days": "14"})

    url, token = LINK.search(response.content.decode()).groups()
    share = ClinicianShare.objects.get()
    assert len(token) >= 43  # 32 random bytes: 256 bits
    assert share.digest == share_digest(token) and token not in str(ClinicianShare.objects.values().get())
    assert (share.start_date, share.end_date) == (dt.date(2026, 11, 12), dt.date(2026, 11, 25))
    assert share.expires_at == NOW + dt.timedelta(days=14)
    assert share.include_notes is False
    listing = alice_client.get("/settings/shares/").content.decode()
    assert token not in listing and f"/share/{token[:6]}…" in listing


def test_the_page_shows_the_periods_weeks_with_hand_computed_distance_and_load(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)

    response = client.get(f"/share/{token}/")

    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(
        r"<tr><td>(.*?)</td><td class=\"num\">(\d+)</td><td class=\"num\">([\d.]+)</td>.*?"
        r"<td class=\"num\">(\d+)</td></tr>",
        html,
    )
    assert rows == [("12 Nov – 18 Nov", "2", "18.0", "360"), ("19 Nov – 25 Nov", "1", "24.0", "810")]
    assert "42.0 km" in html  # the period's total
    assert "<svg" in html and "Running distance per week" in html


def test_nothing_outside_the_period_and_no_notes_unless_chosen(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)

    html = client.get(f"/share/{token}/").content.decode()

    # The race the day before the period: only its distance as the baseline of the spike after it.
    assert "race" not in html.lower()
    assert "21.1" not in html.replace("vs 21.1 km", "").replace("(21.1 km)", "").replace("<dd>21.1</dd>", "")
    assert "Shin" not in html  # the pain report the day before
    assert "Long gone pair" not in html  # retired before the period began
    assert "Pegasus 41" in html and "108 km" in html  # 100 km to start with + 8 km
    assert "OUTSIDE" not in html
    assert "Felt the knee" not in html and "Sore on stairs" not in html
    assert "The runner’s notes" not in html


def test_notes_of_the_period_are_shown_when_chosen(log_of_alice, alice_client, client):
    _, token = make_share(alice_client, include_notes="on")

    html = client.get(f"/share/{token}/").content.decode()

    assert "Felt the knee on the hill" in html and "Sore on stairs" in html
    assert "OUTSIDE" not in html  # the notes of the day before stay out


def test_a_run_logged_after_the_period_stays_out(log_of_alice, alice_client, client, frozen_now):
    _, token = make_share(alice_client)
    frozen_now.shift(dt.timedelta(days=2))
    RunFactory(user=log_of_alice, start=local(dt.date(2026, 11, 26)), distance_m=33_300, duration_s=12000)

    html = client.get(f"/share/{token}/").content.decode()

    assert "33.3" not in html and "75.3" not in html
    assert "42.0 km" in html


def test_episodes_list_what_came_before_them_inside_the_period(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)

    html = client.get(f"/share/{token}/").content.decode()

    [episode] = re.findall(r'<article class="episode".*?</article>', html, re.S)
    assert "Inner knee from Saturday 21 November 2026" in episode
    assert 'data-code="overtraining.session_spike"' in episode
    assert "a run 14 % longer" in episode and "(24.0 km vs 21.1 km)" in episode
    assert 'data-code="race"' not in episode  # the race on 11 November is outside the shared period


def test_flags_as_of_the_last_day_with_their_evidence(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)

    html = client.get(f"/share/{token}/").content.decode()

    flags = re.findall(
        r'<div class="flag (\w+)" data-code="([\w.]+)">(.*?)</div>\s*(?=<div class="flag|</section>)', html, re.S
    )
    codes = {code: severity for severity, code, _ in flags}
    assert codes["overtraining.session_spike"] == "caution"
    spike = next(body for _, code, body in flags if code == "overtraining.session_spike")
    assert "<dt>Ratio</dt><dd>0.14</dd>" in spike  # 24 ÷ 21.1 − 1
    assert "<dt>Longest run of the 30 days before, km</dt><dd>21.1</dd>" in spike
    assert "run id" not in spike.lower()


def test_the_return_to_run_plan_with_its_sessions(alice, alice_client, client):
    PainReportFactory(user=alice, date=dt.date(2026, 11, 14), location="inner_knee", during=7)
    ReturnPlanFactory(
        user=alice, location="inner_knee", started_on=dt.date(2026, 11, 18), cleared_on=dt.date(2026, 11, 18)
    )
    run = RunFactory(
        user=alice, start=local(dt.date(2026, 11, 20)), distance_m=3_000, duration_s=1800, plan_session=True
    )
    PainReportFactory(
        user=alice, date=dt.date(2026, 11, 20), location="inner_knee", during=1, after=1, next_morning=0, run=run
    )
    _, token = make_share(alice_client)

    html = client.get(f"/share/{token}/").content.decode()

    [plan] = re.findall(r'<div class="plan" data-testid="plan">.*?</table>', html, re.S)
    assert "Inner knee, started 18 November 2026" in plan
    assert "Under way" in plan and "phase 1 of 8" in plan
    assert "Fri 20 Nov" in plan and "green" in plan


def test_private_headers_and_no_link_into_the_account(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)

    response = client.get(f"/share/{token}/")

    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    hrefs = set(re.findall(r'href="([^"]*)"', html))
    assert hrefs == {"/static/runlog/share.css", "report.pdf"}
    assert "<form" not in html and "<script" not in html
    assert "alice" not in html.lower().replace("alice</h1>", "").replace("report: alice", "")  # only the name typed
    assert "example.com" not in html


def test_unknown_expired_and_revoked_links_get_the_same_404(log_of_alice, alice_client, client, frozen_now):
    _, token = make_share(alice_client, expires_in_days="1")
    _, revoked = make_share(alice_client)
    share = ClinicianShare.objects.get(digest=share_digest(revoked))
    assert client.get(f"/share/{revoked}/").status_code == 200

    assert alice_client.post(f"/settings/shares/{share.pk}/revoke/").status_code == 302

    gone = client.get(f"/share/{revoked}/")
    unknown = client.get("/share/" + "A" * 43 + "/")
    assert client.get(f"/share/{token}/").status_code == 200
    frozen_now.shift(dt.timedelta(days=1, seconds=1))
    expired = client.get(f"/share/{token}/")
    expired_pdf = client.get(f"/share/{token}/report.pdf")
    for response in (gone, unknown, expired, expired_pdf):
        assert response.status_code == 404
        assert response["Referrer-Policy"] == "no-referrer"
        assert "This report is not available" in response.content.decode()
    assert gone.content == unknown.content == expired.content
    assert ShareView.objects.count() == 2  # the two openings while live; refused ones are not views
    statuses = re.findall(r'data-status="(\w+)"', alice_client.get("/settings/shares/").content.decode())
    assert sorted(statuses) == ["expired", "revoked"]


def test_revoking_asks_for_post_and_only_the_owner_can(log_of_alice, alice_client, bob_client, client):
    _, token = make_share(alice_client)
    share = ClinicianShare.objects.get()

    assert alice_client.get(f"/settings/shares/{share.pk}/revoke/").status_code == 405
    assert bob_client.post(f"/settings/shares/{share.pk}/revoke/").status_code == 404
    assert client.get(f"/share/{token}/").status_code == 200


def test_every_view_is_logged_and_listed_for_the_runner(log_of_alice, alice_client, client, caplog):
    _, token = make_share(alice_client)
    share = ClinicianShare.objects.get()

    with caplog.at_level(logging.INFO, logger="runlog.security"):
        client.get(f"/share/{token}/", HTTP_USER_AGENT="Physio browser " + "x" * 300, REMOTE_ADDR="203.0.113.7")
        client.get(f"/share/{token}/report.pdf", HTTP_USER_AGENT="PDF reader")

    views = list(ShareView.objects.order_by("id"))
    assert [(v.share_id, v.format) for v in views] == [(share.pk, "html"), (share.pk, "pdf")]
    assert views[0].ip == "203.0.113.7" and views[0].user_agent.startswith("Physio browser")
    assert len(views[0].user_agent) == 200
    assert views[0].viewed_at == NOW
    logged = [r.getMessage() for r in caplog.records if "clinician share viewed" in r.getMessage()]
    assert logged == [
        f"clinician share viewed user={share.user_id} share={share.pk} format=html ip=203.0.113.7",
        f"clinician share viewed user={share.user_id} share={share.pk} format=pdf ip=127.0.0.1",
    ]
    listing = alice_client.get("/settings/shares/").content.decode()
    assert "Opened 2 times" in listing
    assert listing.count("25 Nov 2026 13:00 ·") == 2  # each view at 12:00 UTC, in the runner's Berlin time


def test_the_pdf_opens_and_holds_the_runners_numbers(log_of_alice, alice_client, client):
    _, token = make_share(alice_client, include_notes="on")

    response = client.get(f"/share/{token}/report.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Referrer-Policy"] == "no-referrer" and response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "no-store"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Training report: Alice" in text
    assert "12 Nov – 18 Nov 2 18.0 1:30:00 0 360" in text  # the week rows, as the table reads
    assert "19 Nov – 25 Nov 1 24.0 2:24:00 30 810" in text
    assert "42.0 km" in text
    assert "Felt the knee on the hill" in text
    assert "Download this report" not in text  # the screen-only links are not in the PDF


def test_the_report_is_in_the_runners_unit(bob, client):
    RunFactory(
        user=bob, start=local(dt.date(2026, 11, 24), tz="America/New_York"), distance_m=16_093.44, duration_s=4800
    )
    share, token = ClinicianShare.create(
        bob, start_date=dt.date(2026, 11, 19), end_date=dt.date(2026, 11, 25), expires_at=NOW + dt.timedelta(days=1)
    )

    html = client.get(f"/share/{token}/").content.decode()

    assert "Distance (mi)" in html
    assert '<td class="num">10.0</td>' in html and "10.0 mi" in html
    assert "Runner" in html  # no name given


def test_a_logged_in_runner_opening_someone_elses_share_sees_only_that_share(
    log_of_alice, alice_client, bob, bob_client
):
    RunFactory(user=bob, start=local(dt.date(2026, 11, 20), tz="America/New_York"), distance_m=7_777, notes="BOB NOTE")
    _, token = make_share(alice_client, include_notes="on")

    html = bob_client.get(f"/share/{token}/").content.decode()

    assert "24.0" in html and "Felt the knee" in html
    assert "<dd>3</dd>" in html and "42.0 km" in html  # alice's three runs, none of bob's
    assert "7.8" not in html.split("</svg>")[-1]  # bob's 7.8 km run (the charts' coordinates aside)
    assert "BOB NOTE" not in html and "bob" not in html.lower()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"weeks": "0"}, "Share at least 1 week."),
        ({"weeks": "17"}, "Share at most 16 weeks."),
        ({"weeks": "twelve"}, "Weeks must be a whole number."),
        ({"weeks": ""}, "Say how many weeks to share."),
        ({"expires_in_days": "0"}, "The link must work for at least 1 day."),
        ({"expires_in_days": "91"}, "The link can work for at most 90 days."),
        ({"expires_in_days": "1e9"}, "Days must be a whole number."),
        ({"display_name": "x" * 61}, "Ensure this value has at most 60 characters"),
    ],
)
def test_bad_input_is_a_form_error_and_makes_no_share(fields, message, alice_client):
    data = {"display_name": "Alice", "weeks": "12", "expires_in_days": "14", **fields}

    response = alice_client.post("/settings/shares/", data)

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ClinicianShare.objects.exists()


def test_the_settings_page_needs_a_login(db, client):
    assert client.get("/settings/shares/").status_code == 302
    assert client.post("/settings/shares/", {"weeks": "2", "expires_in_days": "2"}).status_code == 302
    assert not ClinicianShare.objects.exists()


def test_the_defaults_are_twelve_weeks_and_fourteen_days(alice_client):
    html = alice_client.get("/settings/shares/").content.decode()

    assert re.search(r'name="weeks" value="12"', html) and re.search(r'name="expires_in_days" value="14"', html)
    assert alice_client.get("/settings/").content.decode().count('href="/settings/shares/"') == 1


def test_the_share_page_costs_a_fixed_number_of_queries(log_of_alice, alice_client, client, django_assert_num_queries):
    _, token = make_share(alice_client, include_notes="on")
    client.get(f"/share/{token}/")  # the cache of the runner's log version is warm either way
    for day in range(1, 12):  # more runs add no query
        RunFactory(user=log_of_alice, start=local(dt.date(2026, 11, 12) + dt.timedelta(days=day), 19), distance_m=3000)

    # share, profile, 5 frames, plans, advice, 2 notes, the view's insert
    with django_assert_num_queries(12):
        assert client.get(f"/share/{token}/").status_code == 200


def test_without_weasyprint_the_pdf_link_explains_and_the_page_still_works(
    log_of_alice, alice_client, client, monkeypatch
):
    _, token = make_share(alice_client)
    monkeypatch.setattr(pdf, "weasyprint", None)
    monkeypatch.setattr(pdf, "IMPORT_ERROR", "cannot load library 'libpango-1.0-0'")

    page = client.get(f"/share/{token}/")
    response = client.get(f"/share/{token}/report.pdf")

    assert response.status_code == 503
    assert "The PDF cannot be made on this server" in response.content.decode()
    assert 'href="report.pdf"' not in page.content.decode()
    assert "Print → Save as PDF" in page.content.decode()
    [warning] = pdf.check_weasyprint()
    assert warning.id == "runlog.W001" and warning.level == checks.WARNING
    assert "libpango-1.0-0 libpangoft2-1.0-0" in warning.hint


def test_rendering_fetches_nothing(caplog):
    html = (
        '<html><head><link rel="stylesheet" href="file:///etc/passwd"></head>'
        '<body><p>Hello</p><img src="http://203.0.113.9/track.png"></body></html>'
    )

    with caplog.at_level(logging.WARNING, logger="runlog.security"):
        body = pdf.render(html)

    assert body.startswith(b"%PDF")
    refused = [r.getMessage() for r in caplog.records if "refused to fetch" in r.getMessage()]
    assert any("file:///etc/passwd" in m for m in refused) and any("203.0.113.9" in m for m in refused)


def test_shares_and_their_views_go_with_the_account(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)
    client.get(f"/share/{token}/")
    assert ShareView.objects.count() == 1

    log_of_alice.delete()

    assert not ClinicianShare.objects.exists() and not ShareView.objects.exists()
    assert client.get(f"/share/{token}/").status_code == 404


def test_a_deactivated_runners_share_no_longer_opens(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)
    log_of_alice.is_active = False
    log_of_alice.save()

    assert client.get(f"/share/{token}/").status_code == 404


def test_the_settings_page_costs_the_same_with_more_shares_and_views(alice, alice_client, client):
    def queries_of_the_page():
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get("/settings/shares/").status_code == 200
        return len(captured)

    for _ in range(2):
        client.get(f"/share/{make_share(alice_client)[1]}/")
    two = queries_of_the_page()
    for _ in range(3):
        token = make_share(alice_client)[1]
        client.get(f"/share/{token}/")
        client.get(f"/share/{token}/")

    assert queries_of_the_page() == two


def test_the_report_speaks_the_runners_language_whoever_opens_it(alice, bob, bob_client):
    alice.profile.language = "de"
    alice.profile.save()
    _, token = ClinicianShare.create(
        alice, start_date=dt.date(2026, 11, 19), end_date=dt.date(2026, 11, 25), expires_at=NOW + dt.timedelta(days=1)
    )

    html = bob_client.get(f"/share/{token}/").content.decode()

    assert '<html lang="de">' in html


def test_a_logged_in_visitor_gets_exactly_what_a_visitor_without_a_session_gets(
    log_of_alice, alice_client, bob_client, client
):
    _, token = make_share(alice_client, include_notes="on")

    # bob is in New York and counts in miles: the report stays in alice's Berlin time and kilometres.
    assert bob_client.get(f"/share/{token}/").content == client.get(f"/share/{token}/").content
    assert bob_client.get(f"/share/{token}/report.pdf").status_code == 200


def test_warning_numbers_and_zones_are_written_the_runners_way(log_of_alice, alice_client, client):
    _, token = make_share(alice_client)
    profile = ClinicianShare.objects.get().user.profile
    profile.language = "de"
    profile.save()

    html = client.get(f"/share/{token}/").content.decode()

    assert "<dd>0,14</dd>" in html  # the spike's ratio, 24 ÷ 21.1 − 1, with the German decimal comma
    with translation.override("de"):
        shown = dict(_evidence({"zone": "red", "ratio": 1.5, "run_id": 7}))
        red = translation.pgettext("session zone", "red")
    assert red != "red"  # the catalogue says it in German
    assert red in shown.values() and "1,5" in shown.values()
    assert all("7" not in value for value in shown.values())
