"""Figures over an activity's samples: climb and descent, moving time, step rate, and charts' series.

Conventions shared by every function here: a sample's value holds until the next sample (it weighs the
interval it starts); an interval is "moving" when it covers ground faster than `STOPPED_M_PER_S`, the
threshold the GPX and TCX importers use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from runlog.activity.samples import Samples

STOPPED_M_PER_S = 1 / 3.6  # slower than 1 km/h between two samples is standing still
# Elevation changes smaller than this are noise (GPS altitude wanders by a metre or two while standing).
HYSTERESIS_M = 3.0
EARTH_RADIUS_M = 6_371_000.0
CHART_POINTS = 300  # points a chart needs at most: about one per two pixels of a wide screen


def cumulative_distance(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Metres along the track at each sample (haversine); samples without a position add nothing."""
    lat_r, lon_r = np.radians(lat), np.radians(lon)
    has = ~(np.isnan(lat_r) | np.isnan(lon_r))
    lat_r, lon_r = lat_r[has], lon_r[has]
    steps = np.zeros(lat_r.size)
    if lat_r.size > 1:
        dlat, dlon = np.diff(lat_r), np.diff(lon_r)
        a = np.sin(dlat / 2) ** 2 + np.cos(lat_r[:-1]) * np.cos(lat_r[1:]) * np.sin(dlon / 2) ** 2
        steps[1:] = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    along = np.zeros(lat.size)
    along[has] = np.cumsum(steps)
    # A sample without a position is where the previous one was.
    return np.maximum.accumulate(along)


def distance_axis(samples: Samples) -> np.ndarray | None:
    """Metres at each sample: the file's own distance (gaps filled, never decreasing), else from the track."""
    if samples.distance_m is not None:
        distance = samples.distance_m.copy()
        known = ~np.isnan(distance)
        if not known.any():
            return None
        # A gap holds the last known distance; before the first one, the distance is 0.
        index = np.where(known, np.arange(distance.size), -1)
        index = np.maximum.accumulate(index)
        distance = np.where(index >= 0, distance[np.maximum(index, 0)], 0.0)
        return np.maximum.accumulate(distance)
    if samples.lat is not None and samples.lon is not None:
        return cumulative_distance(samples.lat, samples.lon)
    return None


def moving_intervals(t_s: np.ndarray, distance_m: np.ndarray) -> np.ndarray:
    """For each interval between two samples, whether the runner was moving."""
    seconds = np.diff(t_s)
    metres = np.diff(distance_m)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (seconds > 0) & (metres / seconds > STOPPED_M_PER_S)


def moving_time(samples: Samples) -> float | None:
    """Seconds spent moving; None without a distance or a track."""
    distance = distance_axis(samples)
    if distance is None or len(samples) < 2:
        return None
    moving = moving_intervals(samples.t_s, distance)
    return float(np.diff(samples.t_s)[moving].sum())


def elapsed_time(samples: Samples) -> float:
    return float(samples.t_s[-1] - samples.t_s[0]) if len(samples) else 0.0


def maximum(values: np.ndarray | None) -> float | None:
    if values is None or np.isnan(values).all():
        return None
    return float(np.nanmax(values))


def weighted_mean(
    t_s: np.ndarray, values: np.ndarray | None, counted: np.ndarray | None = None
) -> tuple[float, float] | None:
    """(mean, seconds weighed) of a channel, each sample holding until the next, over the intervals
    marked in `counted` (all when None); None when no weighed interval has a value."""
    if values is None or t_s.size < 2:
        return None
    seconds = np.diff(t_s)
    starts = values[:-1]
    use = ~np.isnan(starts) & (seconds > 0)
    if counted is not None:
        use &= counted
    weight = float(seconds[use].sum())
    if not weight:
        return None
    return float((starts[use] * seconds[use]).sum() / weight), weight


def step_rate(samples: Samples, moving_only: bool = True) -> float | None:
    """Time-weighted steps per minute over the moving intervals (all intervals with `moving_only=False`)."""
    counted = None
    if moving_only:
        distance = distance_axis(samples)
        if distance is None:
            return None
        counted = moving_intervals(samples.t_s, distance)
    mean = weighted_mean(samples.t_s, samples.cadence_spm, counted)
    return mean[0] if mean else None


def gain_and_loss(elevation: np.ndarray | None, hysteresis_m: float = HYSTERESIS_M) -> tuple[float, float] | None:
    """Metres climbed and descended, counting a climb or a descent only once it exceeds the hysteresis.

    Turning points are confirmed when the profile reverses by at least `hysteresis_m`; the climb (or
    descent) between confirmed turning points counts in full, so a steady 10 m climb counts 10 m, while
    wobbles smaller than the hysteresis count nothing."""
    if elevation is None:
        return None
    values = elevation[~np.isnan(elevation)]
    if values.size < 2:
        return None
    gain = loss = 0.0
    turn = candidate = float(values[0])
    direction = 0
    for value in values[1:].tolist():
        if direction == 0:
            if value - turn >= hysteresis_m:
                direction, candidate = 1, value
            elif turn - value >= hysteresis_m:
                direction, candidate = -1, value
        elif direction == 1:
            if value > candidate:
                candidate = value
            elif candidate - value >= hysteresis_m:
                gain += candidate - turn
                turn, candidate, direction = candidate, value, -1
        else:
            if value < candidate:
                candidate = value
            elif value - candidate >= hysteresis_m:
                loss += turn - candidate
                turn, candidate, direction = candidate, value, 1
    if direction == 1:
        gain += candidate - turn
    elif direction == -1:
        loss += turn - candidate
    return gain, loss


@dataclass
class ChartSeries:
    """Charts' data on one shared distance axis: each list as long as `distance_m`, None for no value."""

    distance_m: list[float]
    elevation_m: list[float | None] | None
    pace_s_per_km: list[float | None] | None
    hr: list[float | None] | None
    cadence_spm: list[float | None] | None

    def rows(self) -> list[dict[str, float | None]]:
        """One dict per point, for the tables shown beside (and instead of) the charts."""
        channels = {
            name: values
            for name in ("elevation_m", "pace_s_per_km", "hr", "cadence_spm")
            if (values := getattr(self, name)) is not None
        }
        return [
            {"distance_m": distance, **{name: values[i] for name, values in channels.items()}}
            for i, distance in enumerate(self.distance_m)
        ]


def _none_for_nan(values: np.ndarray, digits: int) -> list[float | None]:
    return [None if math.isnan(v) else round(v, digits) for v in values.tolist()]


def _bucket_mean(bucket: np.ndarray, values: np.ndarray, weights: np.ndarray, buckets: int) -> np.ndarray:
    use = ~np.isnan(values) & (weights > 0)
    total = np.bincount(bucket[use], weights=values[use] * weights[use], minlength=buckets)
    weight = np.bincount(bucket[use], weights=weights[use], minlength=buckets)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(weight > 0, total / weight, np.nan)


def chart_series(samples: Samples, points: int = CHART_POINTS) -> ChartSeries | None:
    """The activity's channels averaged into at most `points` equal stretches of distance.

    Each stretch's value is the time-weighted mean of the intervals in it; its pace is the moving
    time over the moving distance of those intervals (a stop does not show as a slow stretch), and its
    step rate counts moving intervals only. None without a distance axis."""
    distance = distance_axis(samples)
    if distance is None or len(samples) < 2 or distance[-1] <= 0:
        return None
    total = float(distance[-1])
    buckets = max(1, min(points, len(samples) - 1))
    width = total / buckets
    # An interval belongs to the stretch its middle lies in; one ending on a boundary to the stretch it ends.
    middle = (distance[:-1] + distance[1:]) / 2
    bucket = np.clip(np.ceil(middle / width).astype(np.int64) - 1, 0, buckets - 1)
    seconds = np.diff(samples.t_s)
    metres = np.diff(distance)
    moving = moving_intervals(samples.t_s, distance)
    axis = [round((i + 1) * width, 1) for i in range(buckets)]

    def mean(values: np.ndarray | None, weights: np.ndarray, digits: int) -> list[float | None] | None:
        if values is None:
            return None
        return _none_for_nan(_bucket_mean(bucket, values[:-1], weights, buckets), digits)

    moving_seconds = np.where(moving, seconds, 0.0)
    moving_metres = np.bincount(bucket, weights=np.where(moving, metres, 0.0), minlength=buckets)
    moving_time_per_bucket = np.bincount(bucket, weights=moving_seconds, minlength=buckets)
    with np.errstate(divide="ignore", invalid="ignore"):
        pace = np.where(moving_metres > 0, moving_time_per_bucket / moving_metres * 1000, np.nan)
    elevation = None
    if samples.elevation_m is not None:
        # Elevation is a place, not a rate: the mean of the samples in the stretch, unweighted.
        elevation = _none_for_nan(_bucket_mean(bucket, samples.elevation_m[1:], np.ones(bucket.size), buckets), 1)
    return ChartSeries(
        distance_m=axis,
        elevation_m=elevation,
        pace_s_per_km=_none_for_nan(pace, 1),
        hr=mean(samples.hr, seconds, 0),
        cadence_spm=mean(samples.cadence_spm, moving_seconds, 1),
    )
