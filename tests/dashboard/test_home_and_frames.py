"""The home page (week summary + risk panel) and the ORM → DataFrame doorway."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

from injuries.assessment import assessment_for, load_frames
from runlog.log.models import CrossTraining, Profile, Run
from tests.factories import CrossTrainingFactory, PainReportFactory, RunFactory, ShoeFactory, UserFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def history(user, days: int, shoe=None):
    """A run on most days and a cross-training session twice a week, going back `days` days."""
    tz = zoneinfo.ZoneInfo("Europe/Berlin")
    runs, sessions = [], []
    for offset in range(days):
        day = dt.date(2026, 11, 25) - dt.timedelta(days=offset)
        if offset % 7 != 3:
            runs.append(
                Run(
                    user=user,
                    start=dt.datetime.combine(day, dt.time(7), tz),
                    distance_m=8000 + offset % 5 * 1000,
                    duration_s=2700,
                    kind="easy",
                    rpe=4,
                    shoe=shoe,
                )
            )
        if offset % 7 in (1, 4):
            sessions.append(
                CrossTraining(
                    user=user,
                    start=dt.datetime.combine(day, dt.time(18), tz),
                    activity="strength",
                    duration_s=1800,
                    rpe=5,
                )
            )
    Run.objects.bulk_create(runs)
    CrossTraining.objects.bulk_create(sessions)


def test_home_query_count_is_the_same_for_90_days_and_three_years(client, db, django_assert_num_queries):
    short = UserFactory(username="short")
    Profile.objects.create(user=short, timezone="Europe/Berlin")
    history(short, 90, ShoeFactory(user=short))
    long = UserFactory(username="long")
    Profile.objects.create(user=long, timezone="Europe/Berlin")
    history(long, 3 * 365, ShoeFactory(user=long))

    client.force_login(short)
    with django_assert_num_queries(16) as short_queries:
        assert client.get("/").status_code == 200
    client.force_login(long)
    with django_assert_num_queries(len(short_queries.captured_queries)):
        assert client.get("/").status_code == 200


def test_home_shows_the_week_and_the_risk_panel(alice_client, alice):
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)), distance_m=12_000, duration_s=3600)

    html = alice_client.get("/").content.decode()

    assert "This week" in html and "12.0 km" in html
    assert 'id="risk-panel"' in html
    assert 'hx-trigger="logChanged from:body"' in html


def test_an_anonymous_visitor_sees_the_welcome_page(client, db):
    html = client.get("/").content.decode()

    assert "warns you before your knee hurts" in html


def test_the_week_summary_compares_with_the_4_week_average(alice_client, alice):
    for weeks_ago in range(1, 5):
        RunFactory(user=alice, start=local(dt.date(2026, 11, 23) - dt.timedelta(weeks=weeks_ago)), distance_m=20_000)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24)), distance_m=5_000)
    CrossTrainingFactory(user=alice, start=local(dt.date(2026, 11, 23), 18), duration_s=1800)

    week = alice_client.get("/week/").context["week"]

    assert week.this_week.distance_m == 5_000
    assert week.average.distance_m == 20_000
    assert week.this_week.xt_minutes == 30
    assert week.rest_days == 2  # Monday (cross-training only) and today, Wednesday


def test_a_run_at_23_30_local_time_belongs_to_that_local_day(alice):
    # 23:30 in Berlin on Nov 24 is 22:30 UTC; in New York 23:30 on Nov 24 is 04:30 UTC on Nov 25.
    RunFactory(user=alice, start=local(dt.date(2026, 11, 24), 23, 30))
    bob = UserFactory(username="bob")
    Profile.objects.create(user=bob, timezone="America/New_York")
    RunFactory(user=bob, start=local(dt.date(2026, 11, 24), 23, 30, tz="America/New_York"))

    for user in (alice, bob):
        runs = load_frames(user.profile, dt.date(2026, 11, 25)).runs
        assert list(runs["day"].dt.date) == [dt.date(2026, 11, 24)]


def test_frames_hold_only_the_window_but_shoe_totals_cover_all_time(alice):
    shoe = ShoeFactory(user=alice, start_m=50_000)
    RunFactory(user=alice, shoe=shoe, start=local(dt.date(2020, 1, 1)), distance_m=300_000, duration_s=90_000)
    RunFactory(user=alice, shoe=shoe, start=local(dt.date(2026, 11, 20)), distance_m=10_000)
    RunFactory(user=alice, shoe=shoe, start=local(dt.date(2026, 11, 26)), distance_m=99_000)  # after the date

    fr = load_frames(alice.profile, dt.date(2026, 11, 25))

    assert len(fr.runs) == 1  # the window ends on the assessment date; 2020 is outside it
    assert fr.shoes.iloc[0]["logged_m"] == 310_000  # the future run is not counted
    assert fr.first_day.date() == dt.date(2020, 1, 1)


def test_an_assessment_reads_pain_and_cross_training(alice):
    PainReportFactory(user=alice, date=dt.date(2026, 11, 24), cannot_bear_weight=True)
    CrossTrainingFactory(user=alice)

    assessment = assessment_for(alice.profile)

    assert assessment.flags[0].code == "pain.red_flag"
