"""A 4-hour run recorded at 1 Hz (a FIT file written by tests/activity/fit_writer.py): every sample kept,
compactly, and everything computed from them."""

import datetime as dt

import pytest
import time_machine

from runlog.activity.efforts import best_efforts
from runlog.activity.route import MAX_ROUTE_POINTS, route
from runlog.activity.samples import decode, encode
from runlog.activity.series import CHART_POINTS, chart_series
from runlog.activity.splits import splits
from runlog.imports.files import parse_activity_file
from tests.activity.fit_writer import long_run_fit

START = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def record():
    with time_machine.travel(dt.datetime(2026, 11, 25, tzinfo=dt.UTC), tick=False):
        (parsed,) = parse_activity_file("long.fit", long_run_fit(START))
    return parsed


def test_every_second_of_a_four_hour_run_is_a_sample(record):
    samples = record.samples

    assert len(samples) == 4 * 3600
    assert samples.distance_m[-1] == pytest.approx(3.0 * (4 * 3600 - 1))
    # Per-foot cadence 85 … 88 with a fraction: steps are twice that.
    assert 170 <= samples.cadence_spm.min() and samples.cadence_spm.max() <= 176
    assert record.avg_cadence_spm == 172  # the session's 86 strides/min
    assert len(record.laps) == 44


def test_it_is_stored_in_a_few_bytes_a_sample_and_read_back_exactly(record):
    stored = encode(record.samples)

    assert len(stored) / len(record.samples) <= 16
    assert decode(stored).equals(record.samples)


def test_splits_efforts_route_and_charts_of_a_marathon_and_more(record):
    samples = record.samples

    assert len(splits(samples)) == 44
    assert [effort.name for effort in best_efforts(samples)][-1] == "Marathon"
    # An even 3 m/s: the marathon takes 42195 / 3 seconds.
    assert best_efforts(samples)[-1].duration_s == pytest.approx(42195 / 3)
    assert route(samples).points <= MAX_ROUTE_POINTS
    assert len(chart_series(samples).distance_m) == CHART_POINTS
