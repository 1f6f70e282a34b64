"""Contract: `risk_report --format json` shows metrics.cadence_spm, "plan" and "episodes" (docs/product.md,
"risk_report additions"; docs/risk-rules.md)."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import PainReportFactory, ReturnPlanFactory, RunFactory, ShoeFactory, local

ON = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def report(*args) -> dict:
    out = io.StringIO()
    call_command("risk_report", "alice", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def days_ago(n: int) -> dt.date:
    return ON - dt.timedelta(days=n)


@pytest.fixture
def returning(alice):
    """A plan started on 10 Nov with a baseline of 1; two green sessions (one with a linked report, one with
    a report the next day), then an amber one yesterday."""
    ReturnPlanFactory(user=alice, started_on=days_ago(15), baseline=1)
    first = RunFactory(user=alice, start=local(days_ago(6)), distance_m=3000, duration_s=1800, plan_session=True)
    PainReportFactory(user=alice, date=days_ago(6), run=first, during=1, after=2, next_morning=1)
    RunFactory(user=alice, start=local(days_ago(4)), distance_m=3000, duration_s=1800, plan_session=True)
    PainReportFactory(user=alice, date=days_ago(3), during=0, after=1, next_morning=0)
    RunFactory(user=alice, start=local(days_ago(1)), distance_m=3200, duration_s=1800, plan_session=True)
    PainReportFactory(user=alice, date=days_ago(1), during=3, after=4)
    return alice


@time_machine.travel(NOW, tick=False)
def test_the_plan_is_reported_as_the_rules_document_it(returning):
    plan = report()["plan"]

    assert plan == {
        "kind": "return_to_run",
        "location": "inner_knee",
        "started_on": "2026-11-10",
        "phase": 2,  # two greens climbed from phase 1; yesterday's amber holds phase 2
        "phases": 8,
        "status": "active",
        "last_session": "amber",
        "green_at_phase": 0,
        "next_session": {"repeats": 6, "run_min": 2, "walk_min": 3},
    }


@time_machine.travel(NOW, tick=False)
def test_a_runner_without_a_plan_or_pain_gets_null_and_an_empty_list(alice):
    doc = report()

    assert doc["plan"] is None
    assert doc["episodes"] == []
    assert doc["metrics"]["cadence_spm"] is None


@time_machine.travel(NOW, tick=False)
def test_a_plan_ended_early_is_null_and_a_new_one_is_offered(alice):
    ReturnPlanFactory(user=alice, started_on=days_ago(15), ended_on=days_ago(5))
    PainReportFactory(user=alice, date=days_ago(3), during=7, after=6, next_morning=2)
    doc = report()

    assert doc["plan"] is None
    offer = next(f for f in doc["flags"] if f["code"] == "plan.return_to_run")
    assert offer["severity"] == "info"
    assert offer["evidence"] == {
        "location": "inner_knee",
        "date": days_ago(3).isoformat(),
        "reason": "red_zone",
        "needs_confirmation": False,
    }


@time_machine.travel(NOW, tick=False)
def test_a_done_plan_says_so_with_no_next_session(alice):
    ReturnPlanFactory(user=alice, started_on=days_ago(40))
    for i in range(16):
        run = RunFactory(
            user=alice, start=local(days_ago(35 - 2 * i)), distance_m=4000, duration_s=1800, plan_session=True
        )
        PainReportFactory(user=alice, date=run.start.date(), run=run, during=0, after=1, next_morning=0)
    plan = report()["plan"]

    assert (plan["status"], plan["phase"], plan["green_at_phase"], plan["next_session"]) == ("done", 8, 2, None)


@time_machine.travel(NOW, tick=False)
def test_the_step_rate_metric_and_the_cadence_flag_come_from_the_runs(alice):
    for n, spm in ((2, 158), (5, 162), (9, 160), (40, 190)):  # the run of 40 days ago is outside the 30 days
        RunFactory(user=alice, start=local(days_ago(n)), avg_cadence_spm=spm)
    PainReportFactory(user=alice, date=days_ago(2), location="kneecap", during=4, next_morning=0)
    doc = report()

    assert doc["metrics"]["cadence_spm"] == 160.0
    flag = next(f for f in doc["flags"] if f["code"] == "form.cadence")
    assert flag["severity"] == "info"
    assert (flag["evidence"]["target_min_spm"], flag["evidence"]["target_max_spm"]) == (168, 176)


@time_machine.travel(NOW, tick=False)
def test_episodes_list_what_came_before_with_run_and_shoe_ids(alice):
    old = ShoeFactory(user=alice)
    new = ShoeFactory(user=alice, name="Racers")
    RunFactory(user=alice, start=local(days_ago(40)), distance_m=10_000, shoe=old)
    RunFactory(user=alice, start=local(days_ago(20)), distance_m=10_000, shoe=old)
    spike = RunFactory(user=alice, start=local(days_ago(6)), distance_m=13_000, shoe=new)
    PainReportFactory(user=alice, date=days_ago(2), during=4, after=3)
    (episode,) = report()["episodes"]

    assert set(episode) == {"location", "onset", "before"}
    assert (episode["location"], episode["onset"]) == ("inner_knee", days_ago(2).isoformat())
    assert episode["before"] == [
        {
            "code": "overtraining.session_spike",
            "date": days_ago(6).isoformat(),
            "evidence": {"run_id": spike.pk, "ratio": 0.3, "run_km": 13.0, "longest_30d_km": 10.0},
        },
        {
            "code": "footwear.new_pair",
            "date": days_ago(6).isoformat(),
            "evidence": {
                "shoe_id": new.pk,
                "shoe": "Racers",
                "first_run_on": days_ago(6).isoformat(),
                "run_ids": [spike.pk],
            },
        },
    ]


@time_machine.travel(NOW, tick=False)
def test_the_text_format_names_the_plan_and_the_episodes(returning):
    out = io.StringIO()
    call_command("risk_report", "alice", stdout=out)
    text = out.getvalue()

    plan = "Return-to-run plan (inner knee, from 2026-11-10): active, phase 2 of 8, next 6 × (2 min run, 3 min walk)."
    assert plan in text
    assert "Pain episode inner_knee from 2026-11-24" in text
