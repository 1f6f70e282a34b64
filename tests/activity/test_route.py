"""The route's SVG path: projected, scaled into its frame, decimated, its ends hidden by the privacy zone."""

import re

import numpy as np
import pytest

from runlog.activity.route import HEIGHT, MAX_MAP_POINTS, MAX_ROUTE_POINTS, PADDING, WIDTH, map_lines, route
from runlog.activity.samples import Samples

METRES_PER_DEGREE = 6_371_000 * np.pi / 180  # 111,194.9 m along a meridian


def points(path: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+) (-?[\d.]+)", path)]


def north_then_east(north_m: float, east_m: float, step_m: float = 10) -> Samples:
    """A run due north from (0°, 0°) for `north_m`, then due east for `east_m`, a sample every `step_m`."""
    north = np.arange(0, north_m + step_m / 2, step_m)
    east = np.arange(step_m, east_m + step_m / 2, step_m)
    lat = np.concatenate([north, np.full(east.size, north_m)]) / METRES_PER_DEGREE
    lon = np.concatenate([np.zeros(north.size), east]) / METRES_PER_DEGREE
    distance = np.concatenate([north, north_m + east])
    return Samples(t_s=np.arange(lat.size) * 3.0, distance_m=distance, lat=lat, lon=lon)


def test_a_straight_run_north_fills_the_frame_from_bottom_to_top():
    drawn = route(north_then_east(1400, 0))

    (x0, y0), *_, (x1, y1) = points(drawn.path)
    # The visible 1000 m (200 m hidden at each end) span the frame's height between the paddings.
    assert (x0, y0) == (WIDTH / 2, HEIGHT - PADDING)
    assert (x1, y1) == (WIDTH / 2, PADDING)
    assert drawn.path.startswith("M") and drawn.path.count("M") == 1
    assert (drawn.start, drawn.end) == ((x0, y0), (x1, y1))


def test_the_privacy_zone_hides_the_first_and_last_200_metres():
    # North 200 m, then east 1000 m: the whole northward leg is the hidden start, so every drawn point lies on
    # the eastward leg (one horizontal line), which ends 200 m early.
    drawn = route(north_then_east(200, 1000))

    ys = {y for _, y in points(drawn.path)}
    xs = [x for x, _ in points(drawn.path)]
    assert len(ys) == 1
    # Visible: 200 → 1000 m of distance, i.e. 0 → 800 m east, drawn across the frame's width.
    assert (min(xs), max(xs)) == (PADDING, WIDTH - PADDING)
    assert drawn.hidden_m == 200


def test_a_custom_privacy_zone_and_none_at_all():
    whole = route(north_then_east(1000, 0), privacy_m=0)
    inner = route(north_then_east(1000, 0), privacy_m=400)

    assert whole.points > inner.points
    assert inner.hidden_m == 400


def test_a_run_no_longer_than_its_privacy_zones_draws_nothing():
    assert route(north_then_east(390, 0)) is None
    assert route(Samples(t_s=[0, 1], hr=[120, 121])) is None


def test_a_long_dense_track_is_decimated():
    # 40 km sampled every metre: 40,000 points, far more than the frame can show.
    drawn = route(north_then_east(20000, 20000, step_m=1))

    assert drawn.points <= MAX_ROUTE_POINTS
    assert len(points(drawn.path)) == drawn.points


def test_a_jump_without_distance_starts_a_new_line():
    # Two tracks of one file: the second starts 5 km away, and the distance does not grow across the jump.
    lat = np.concatenate([np.arange(0, 1001, 10), np.arange(5000, 6001, 10)]) / METRES_PER_DEGREE
    distance = np.concatenate([np.arange(0, 1001, 10), np.arange(1000, 2001, 10)]).astype(float)
    samples = Samples(t_s=np.arange(lat.size) * 3.0, distance_m=distance, lat=lat, lon=np.zeros(lat.size))

    drawn = route(samples)

    assert drawn.path.count("M") == 2


@pytest.mark.parametrize("size", [(390, 260), (600, 400)])
def test_the_drawing_stays_inside_its_frame(size):
    width, height = size
    drawn = route(north_then_east(3000, 2000), width=width, height=height)

    for x, y in points(drawn.path):
        assert PADDING - 0.05 <= x <= width - PADDING + 0.05
        assert PADDING - 0.05 <= y <= height - PADDING + 0.05


def test_the_map_gets_the_same_visible_points_as_latitudes_and_longitudes():
    # North 200 m, then east 1000 m, a sample every 10 m: the hidden start is the whole northward leg, the hidden
    # end the last 200 m east. Visible: 200 → 1000 m of distance, i.e. 0 → 800 m east at 200 m north.
    (line,) = map_lines(north_then_east(200, 1000))

    north = round(200 / METRES_PER_DEGREE, 6)  # 0.001799°
    assert {lat for lat, _ in line} == {north}
    assert line[0] == [north, 0.0]
    assert line[-1] == [north, round(800 / METRES_PER_DEGREE, 6)]  # 0.007195°
    assert len(line) == 81  # 0, 10, … 800 m east: every sample is more than MAP_STEP_M from the last


def test_the_map_shows_nothing_the_svg_hides():
    assert map_lines(north_then_east(390, 0)) is None
    assert map_lines(Samples(t_s=[0, 1], hr=[120, 121])) is None
    assert len(map_lines(north_then_east(1000, 0), privacy_m=0)[0]) == 101


def test_the_map_of_a_long_dense_track_is_decimated_and_keeps_its_gaps():
    dense = map_lines(north_then_east(20000, 20000, step_m=1))
    lat = np.concatenate([np.arange(0, 1001, 10), np.arange(5000, 6001, 10)]) / METRES_PER_DEGREE
    distance = np.concatenate([np.arange(0, 1001, 10), np.arange(1000, 2001, 10)]).astype(float)
    two_tracks = Samples(t_s=np.arange(lat.size) * 3.0, distance_m=distance, lat=lat, lon=np.zeros(lat.size))

    assert sum(len(line) for line in dense) <= MAX_MAP_POINTS
    assert len(map_lines(two_tracks)) == 2
