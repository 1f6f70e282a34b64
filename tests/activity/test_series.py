"""Climb and descent, moving time, step rate and the charts' shared distance axis, computed by hand."""

import numpy as np
import pytest

from runlog.activity import series
from runlog.activity.samples import Samples
from tests.activity.constructed import paced_run


@pytest.mark.parametrize(
    ("profile", "gain", "loss"),
    [
        ([0, 1, 0, 1, 0, 2, 0], 0, 0),  # wobbles under the 3 m hysteresis are noise
        (list(range(11)) + [9, 8, 7, 6, 5, 4], 10, 6),  # a steady climb counts in full, then the descent
        ([0, 5, 4, 6, 5, 10, 8, 10], 10, 0),  # dips of 1–2 m inside a climb do not split it
        ([100, 96, 98, 90], 0, 10),
        ([0, 4], 4, 0),
    ],
)
def test_climb_and_descent_with_a_small_hysteresis(profile, gain, loss):
    assert series.gain_and_loss(np.array(profile, dtype=float)) == pytest.approx((gain, loss))


def test_climb_skips_samples_without_elevation():
    assert series.gain_and_loss(np.array([0, np.nan, 5, np.nan, 10.0])) == pytest.approx((10, 0))
    assert series.gain_and_loss(np.array([np.nan, 3.0])) is None


def samples_with_a_stop() -> Samples:
    # Intervals: 3 m/s, standing, 3 m/s, 3 m/s; step rate at each sample's start.
    return Samples(
        t_s=[0, 10, 20, 30, 40],
        distance_m=[0, 30, 30, 60, 90],
        cadence_spm=[170, 180, 100, 176, 150],
    )


def test_moving_time_leaves_out_standing_still():
    assert series.moving_time(samples_with_a_stop()) == 30
    assert series.elapsed_time(samples_with_a_stop()) == 40


def test_step_rate_is_time_weighted_over_moving_samples_or_all_of_them():
    # Moving intervals start at 170, 100 and 176; all four at 170, 180, 100, 176.
    assert series.step_rate(samples_with_a_stop()) == pytest.approx((170 + 100 + 176) / 3)
    assert series.step_rate(samples_with_a_stop(), moving_only=False) == pytest.approx((170 + 180 + 100 + 176) / 4)


def test_step_rate_weighs_each_sample_by_the_time_until_the_next():
    samples = Samples(t_s=[0, 30, 40], distance_m=[0, 90, 120], cadence_spm=[160, 180, 0])

    assert series.step_rate(samples) == pytest.approx((160 * 30 + 180 * 10) / 40)


def test_distance_from_positions_when_the_file_has_none():
    # 0.001° of latitude is 111.19 m on a 6371 km sphere.
    samples = Samples(t_s=[0, 30, 60], lat=[45.0, 45.001, 45.002], lon=[7.0, 7.0, 7.0])

    assert series.distance_axis(samples).tolist() == pytest.approx([0, 111.195, 222.39], abs=0.01)


def test_a_gap_in_the_distance_channel_holds_the_last_distance():
    samples = Samples(t_s=[0, 1, 2, 3], distance_m=[np.nan, 3, np.nan, 9])

    assert series.distance_axis(samples).tolist() == [0, 3, 3, 9]


def test_charts_share_one_distance_axis_and_a_stop_does_not_show_as_slow():
    # 1 km at 5:00/km, a 2-minute stop, 1 km at 4:00/km; heart rate 140 then 160.
    samples = paced_run(
        [(1000, 300), (0, 120), (1000, 240)],
        hr=lambda t, d: np.where(t < 300, 140.0, 160.0),
        elevation_m=lambda t, d: d / 100,
    )

    chart = series.chart_series(samples, points=2)

    assert chart.distance_m == [1000.0, 2000.0]
    assert chart.pace_s_per_km == pytest.approx([300, 240])
    # The stop at 1000 m belongs to the first stretch: 300 s at 140 bpm and 120 s at 160.
    assert chart.hr == pytest.approx([(140 * 300 + 160 * 120) / 420, 160], abs=0.5)
    assert len(chart.rows()) == 2 and set(chart.rows()[0]) == {"distance_m", "elevation_m", "pace_s_per_km", "hr"}
    assert chart.cadence_spm is None


def test_a_long_run_is_decimated_to_the_charts_points():
    samples = paced_run([(42195, 4 * 3600)], every_s=1)

    chart = series.chart_series(samples)

    assert len(chart.distance_m) == series.CHART_POINTS
    assert chart.distance_m[-1] == pytest.approx(42195, abs=0.1)
    assert chart.pace_s_per_km == pytest.approx([4 * 3600 / 42.195] * series.CHART_POINTS, abs=0.05)
