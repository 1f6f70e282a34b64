"""Splits per km and per mile on constructed runs computed by hand."""

import numpy as np
import pytest

from runlog.activity.samples import Samples
from runlog.activity.splits import splits
from tests.activity.constructed import paced_run

MILE = 1609.344
# 1 km in 300 s, 1 km in 240 s, 500 m in 180 s; heart rate 140, 150, 160 and step rate 170, 176, 180 in
# each stretch; the road climbs 10 m over the first km, stays level, then drops 5 m over the last 500 m.
STRETCHES = [(1000, 300), (1000, 240), (500, 180)]


def by_stretch(first: float, second: float, third: float):
    return lambda t, d: np.where(d < 1000, first, np.where(d < 2000, second, third)).astype(float)


def height(t, d):
    return np.where(d <= 1000, d / 100, np.where(d <= 2000, 10.0, 10 - (d - 2000) / 100))


def run() -> Samples:
    samples = paced_run(
        STRETCHES, hr=by_stretch(140, 150, 160), cadence_spm=by_stretch(170, 176, 180), elevation_m=height
    )
    return samples


def test_kilometre_splits_carry_distance_time_pace_heart_rate_step_rate_and_climb():
    first, second, last = splits(run())

    assert [s.index for s in (first, second, last)] == [1, 2, 3]
    assert [s.distance_m for s in (first, second, last)] == pytest.approx([1000, 1000, 500])
    assert [s.duration_s for s in (first, second, last)] == pytest.approx([300, 240, 180])
    assert [s.pace_s() for s in (first, second, last)] == pytest.approx([300, 240, 360])
    assert [s.avg_hr for s in (first, second, last)] == pytest.approx([140, 150, 160])
    assert [s.avg_cadence_spm for s in (first, second, last)] == pytest.approx([170, 176, 180])
    assert [s.elevation_gain_m for s in (first, second, last)] == pytest.approx([10, 0, 0])
    assert [s.elevation_loss_m for s in (first, second, last)] == pytest.approx([0, 0, 5])


def test_mile_splits_share_the_interval_that_crosses_a_boundary():
    first, last = splits(run(), unit_m=MILE)

    # Mile 1: the first km (300 s) and 609.344 m at 0.24 s/m; mile 2 is the rest (890.656 m).
    assert first.distance_m == pytest.approx(MILE)
    assert first.duration_s == pytest.approx(300 + 609.344 * 0.24)
    assert last.distance_m == pytest.approx(2500 - MILE)
    assert last.duration_s == pytest.approx(390.656 * 0.24 + 180)
    # Heart rate weighted by time: (140 × 300 + 150 × 146.24256) / 446.24256.
    assert first.avg_hr == pytest.approx((140 * 300 + 150 * 146.24256) / 446.24256)
    assert first.pace_s(MILE) == pytest.approx(446.24256)


def test_a_stop_counts_in_elapsed_time_but_not_in_the_splits_duration():
    samples = paced_run([(500, 150), (0, 60), (500, 150)])

    (split,) = splits(samples)

    assert (split.distance_m, split.duration_s, split.elapsed_s) == pytest.approx((1000, 300, 360))


def test_splits_add_up_to_the_runs_distance():
    samples = paced_run([(4321.5, 1500)], every_s=3)

    result = splits(samples)

    assert len(result) == 5
    assert sum(s.distance_m for s in result) == pytest.approx(4321.5)
    assert result[-1].distance_m == pytest.approx(321.5)


def test_a_run_ending_on_a_boundary_has_no_empty_last_split():
    assert [s.distance_m for s in splits(paced_run([(2000, 600)]))] == pytest.approx([1000, 1000])


def test_a_gap_in_the_recording_is_shared_across_the_splits_it_spans():
    # Two samples 2.5 km and 750 s apart: an even pace of 0.3 s/m across the gap.
    samples = Samples(t_s=[0, 750], distance_m=[0, 2500])

    assert [s.duration_s for s in splits(samples)] == pytest.approx([300, 300, 150])


def test_without_distance_there_are_no_splits():
    assert splits(Samples(t_s=[0, 1, 2], hr=[120, 121, 122])) == []
