"""Best efforts on constructed runs whose fastest stretches are computed by hand."""

import numpy as np
import pytest

from runlog.activity.efforts import EFFORT_DISTANCES, best_efforts
from runlog.activity.samples import Samples
from tests.activity.constructed import paced_run

MILE = 1609.344
# 1 km in 300 s (5:00/km), 1 km in 240 s (4:00/km), 1 km in 360 s (6:00/km).
THREE_KM = [(1000, 300), (1000, 240), (1000, 360)]


def efforts_of(samples: Samples) -> dict[str, tuple[float, float, float]]:
    return {
        effort.name: (effort.duration_s, effort.start_s, effort.start_distance_m) for effort in best_efforts(samples)
    }


def test_the_fastest_stretches_of_a_run_of_three_paces():
    efforts = efforts_of(paced_run(THREE_KM))

    assert set(efforts) == {"400 m", "1 km", "1 mile"}  # 3 km: too short for 5 km and longer
    # 400 m inside the 4:00 km: 400 × 0.24 s.
    assert efforts["400 m"][0] == pytest.approx(96.0)
    assert 1000 <= efforts["400 m"][2] <= 1600
    # 1 km: the second km itself, starting at 300 s and 1000 m.
    assert efforts["1 km"] == pytest.approx((240.0, 300.0, 1000.0))
    # 1 mile: the 4:00 km plus 609.344 m of the 5:00 km before it (0.3 s/m), not the 6:00 km after it.
    # 240 + 609.344 × 0.3 = 422.8032 s, starting at 1000 − 609.344 = 390.656 m, at 390.656 × 0.3 s.
    assert efforts["1 mile"] == pytest.approx((422.8032, 117.1968, 390.656))


def test_the_fastest_stretch_can_start_between_two_samples():
    # Samples every 7 s do not fall on 390.656 m; inside a stretch of even pace, interpolation is exact.
    efforts = efforts_of(paced_run(THREE_KM, every_s=7))

    assert efforts["1 mile"] == pytest.approx((422.8032, 117.1968, 390.656))
    assert efforts["1 km"][0] == pytest.approx(240.0)


def test_a_stop_inside_a_stretch_counts_like_a_race_clock():
    # 500 m in 150 s, a 30 s stop, 1500 m in 450 s: all at 5:00/km when moving.
    efforts = efforts_of(paced_run([(500, 150), (0, 30), (1500, 450)]))

    # The km after the stop takes 300 s; any km across the stop takes 330 s.
    assert efforts["1 km"][0] == pytest.approx(300.0)
    assert efforts["1 km"][2] >= 500
    assert efforts["1 mile"][0] == pytest.approx(MILE * 0.3 + 30)  # every mile of this 2 km run crosses the stop


def test_a_half_marathon_effort_needs_a_half_marathon():
    short = paced_run([(21000, 6300)], every_s=60)
    long = paced_run([(21100, 6330)], every_s=60)

    assert "Half marathon" not in efforts_of(short)
    assert efforts_of(long)["Half marathon"][0] == pytest.approx(21097.5 * 0.3)
    assert efforts_of(long)["10 km"][0] == pytest.approx(3000.0)


def test_the_standard_distances_are_the_ones_runners_race():
    assert list(EFFORT_DISTANCES.values()) == ["400 m", "1 km", "1 mile", "5 km", "10 km", "Half marathon", "Marathon"]


def test_no_distance_no_efforts():
    assert best_efforts(Samples(t_s=np.arange(100.0), hr=np.full(100, 150.0))) == []


def test_a_clock_stepping_back_never_gives_a_negative_time():
    samples = Samples(t_s=[0, 100, 90, 200, 300], distance_m=[0, 400, 450, 800, 1200])

    (effort,) = [effort for effort in best_efforts(samples) if effort.name == "400 m"]

    assert effort.duration_s > 0
