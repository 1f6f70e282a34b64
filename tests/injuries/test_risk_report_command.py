"""Contract: `manage.py risk_report USERNAME [--on] [--format json|text]` (docs/product.md)."""

import datetime as dt
import io
import json
import math

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.factories import PainReportFactory, RunFactory, local

METRIC_KEYS = {
    "week_km",
    "prev_week_km",
    "longest_run_30d_km",
    "acute_load",
    "chronic_load",
    "acwr",
    "monotony",
    "strain",
    "rest_days_7d",
    "run_streak_days",
    "cadence_spm",
}
FLAG_KEYS = {"code", "severity", "title", "message", "evidence", "advice"}
CODES = {
    "overtraining.session_spike",
    "overtraining.returning",
    "overtraining.acwr",
    "overtraining.weekly_increase",
    "overtraining.monotony",
    "rest.missing",
    "footwear.worn",
    "footwear.rotation",
    "footwear.untagged",
    "pain.monitor",
    "pain.red_flag",
    "pain.persistent",
    "prevention.strength",
    "prevention.cross_training",
    "prevention.warm_up",
    "form.cadence",
    "plan.return_to_run",
}
ON = dt.date(2026, 11, 25)


def run_report(*args) -> str:
    out = io.StringIO()
    call_command("risk_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def spike_log(alice):
    """Three 10 km runs in the month, then 22.5 km yesterday: 2.25× the longest, a >100 % spike."""
    for offset in (20, 15, 10):
        RunFactory(user=alice, start=local(ON - dt.timedelta(days=offset)), distance_m=10_000, duration_s=3000, rpe=4)
    RunFactory(user=alice, start=local(ON - dt.timedelta(days=1)), distance_m=22_500, duration_s=135 * 60, rpe=5)
    return alice


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_json_has_exactly_the_documented_shape(spike_log):
    report = json.loads(run_report("alice", "--format", "json"))

    assert set(report) == {"user", "on", "metrics", "flags", "plan", "episodes"}
    assert report["user"] == "alice"
    assert report["on"] == "2026-11-25"
    assert set(report["metrics"]) == METRIC_KEYS
    for flag in report["flags"]:
        assert set(flag) == FLAG_KEYS
        assert flag["code"] in CODES
        assert flag["severity"] in {"info", "caution", "high"}
        assert isinstance(flag["evidence"], dict)
        assert flag["advice"] is None or flag["advice"].startswith("/advice/")


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_metrics_match_hand_computed_values(spike_log):
    metrics = json.loads(run_report("alice", "--format", "json"))["metrics"]

    assert metrics["week_km"] == 22.5  # only yesterday's run in d-6..d
    assert metrics["prev_week_km"] == 10.0  # the run 10 days ago
    assert metrics["longest_run_30d_km"] == 22.5
    # Daily loads d-6..d: [0, 0, 0, 0, 0, 675, 0] → monotony = mean/SD = 1/√6, strain = 675/√6.
    assert metrics["monotony"] == round(1 / math.sqrt(6), 2)
    assert metrics["strain"] == round(675 / math.sqrt(6), 1)
    assert metrics["rest_days_7d"] == 6
    assert metrics["run_streak_days"] == 0  # no run today
    # The log starts 20 days back: ACWR needs 28 days with a session in each week.
    assert metrics["acute_load"] is None
    assert metrics["chronic_load"] is None
    assert metrics["acwr"] is None


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_spike_flag_carries_its_evidence_and_advice_link(spike_log):
    flags = json.loads(run_report("alice", "--format", "json"))["flags"]
    spike = next(f for f in flags if f["code"] == "overtraining.session_spike")

    assert spike["severity"] == "high"
    assert spike["evidence"] == {"ratio": 1.25, "run_km": 22.5, "longest_30d_km": 10.0}
    assert spike["advice"] == "/advice/overtraining-session-spike/"
    weekly = next(f for f in flags if f["code"] == "overtraining.weekly_increase")
    assert weekly["severity"] == "caution"  # +125 % on a previous week of 10 km
    assert weekly["evidence"]["increase"] == 1.25


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_flags_are_ordered_by_severity(spike_log):
    PainReportFactory(user=spike_log, date=ON, during=3, swelling=True)
    flags = json.loads(run_report("alice", "--format", "json"))["flags"]
    order = {"high": 0, "caution": 1, "info": 2}

    assert [order[f["severity"]] for f in flags] == sorted(order[f["severity"]] for f in flags)
    assert flags[0]["severity"] == "high"
    assert "pain.red_flag" in {f["code"] for f in flags}


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_on_assesses_an_earlier_date_ignoring_later_runs(spike_log):
    report = json.loads(run_report("alice", "--on", "2026-11-20", "--format", "json"))

    assert report["on"] == "2026-11-20"
    assert report["metrics"]["week_km"] == 10.0  # the run of Nov 15; the 22.5 km run is in the future
    assert "overtraining.session_spike" not in {f["code"] for f in report["flags"]}


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_text_format_lists_each_warning_with_its_severity(spike_log):
    text = run_report("alice")

    assert text.startswith("Risk report for alice on 2026-11-25")
    assert "[HIGH] overtraining.session_spike" in text
    assert "/advice/overtraining-session-spike/" in text


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_runner_without_a_log_gets_nulls_and_no_flags(alice):
    report = json.loads(run_report("alice", "--format", "json"))

    assert report["flags"] == []
    assert report["metrics"]["week_km"] == 0.0
    assert report["metrics"]["longest_run_30d_km"] is None
    assert report["metrics"]["monotony"] is None
    assert report["metrics"]["rest_days_7d"] is None
    assert "No warnings. Checked:" in run_report("alice")


def test_an_unknown_runner_is_an_error(db):
    with pytest.raises(CommandError, match="no runner called 'nobody'"):
        run_report("nobody")


def test_a_malformed_date_is_an_error(alice):
    with pytest.raises(CommandError, match="not a date"):
        run_report("alice", "--on", "25/11/2026")
