"""A run cut into splits of one kilometre or one mile, from its samples.

Each interval between two samples is shared between the splits it crosses in proportion to the distance
it covers in each (a sample's values hold until the next sample). A split's duration is its moving time
(as the run's), its pace that time over its distance; the last split is the remainder, so the splits'
distances add up to the run's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from runlog.activity.samples import Samples
from runlog.activity.series import distance_axis, gain_and_loss, moving_intervals
from runlog.log.units import KM

# A remainder shorter than this is rounding in the distance, not a split of its own.
SHORTEST_LAST_SPLIT_M = 1.0


@dataclass
class Split:
    index: int  # 1 for the first
    distance_m: float
    duration_s: float  # moving time
    elapsed_s: float
    avg_hr: float | None
    avg_cadence_spm: float | None
    elevation_gain_m: float | None
    elevation_loss_m: float | None

    def pace_s(self, unit_m: float = KM) -> float | None:
        """Seconds per `unit_m` (per km by default)."""
        return self.duration_s / self.distance_m * unit_m if self.distance_m > 0 and self.duration_s > 0 else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "index": self.index,
            "distance_m": round(self.distance_m, 2),
            "duration_s": round(self.duration_s, 1),
            "elapsed_s": round(self.elapsed_s, 1),
            "avg_hr": _rounded(self.avg_hr, 0),
            "avg_cadence_spm": _rounded(self.avg_cadence_spm, 1),
            "elevation_gain_m": _rounded(self.elevation_gain_m, 1),
            "elevation_loss_m": _rounded(self.elevation_loss_m, 1),
        }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def splits(samples: Samples, unit_m: float = KM) -> list[Split]:
    """The run's splits of `unit_m` metres; empty without a distance or with fewer than two samples."""
    distance = distance_axis(samples)
    if distance is None or len(samples) < 2 or distance[-1] <= 0:
        return []
    total = float(distance[-1])
    count = max(1, math.ceil((total - SHORTEST_LAST_SPLIT_M) / unit_m))
    t_s = samples.t_s
    seconds, metres = np.diff(t_s), np.diff(distance)
    moving = moving_intervals(t_s, distance)
    hr = samples.hr[:-1] if samples.hr is not None else np.full(seconds.size, np.nan)
    cadence = samples.cadence_spm[:-1] if samples.cadence_spm is not None else np.full(seconds.size, np.nan)
    pieces, share = _pieces(distance, metres, unit_m, count)
    piece_s = np.where(seconds[pieces.interval] > 0, seconds[pieces.interval], 0.0) * share
    piece_moving = moving[pieces.interval]
    piece_hr, piece_cadence = hr[pieces.interval], cadence[pieces.interval]
    has_hr = ~np.isnan(piece_hr)
    has_cadence = ~np.isnan(piece_cadence) & piece_moving

    def per_split(weights: np.ndarray) -> np.ndarray:
        return np.bincount(pieces.index, weights=weights, minlength=count)

    sums = np.column_stack(
        [
            per_split(piece_s),
            per_split(np.where(piece_moving, piece_s, 0.0)),
            per_split(np.where(has_hr, np.nan_to_num(piece_hr) * piece_s, 0.0)),
            per_split(np.where(has_hr, piece_s, 0.0)),
            per_split(np.where(has_cadence, np.nan_to_num(piece_cadence) * piece_s, 0.0)),
            per_split(np.where(has_cadence, piece_s, 0.0)),
        ]
    )
    climbs = _climbs(samples, distance, unit_m, count)
    result = []
    for index in range(count):
        start = index * unit_m
        end = total if index == count - 1 else (index + 1) * unit_m
        elapsed, moving_s, hr_sum, hr_s, cadence_sum, cadence_s = sums[index].tolist()
        gain, loss = climbs[index] if climbs[index] else (None, None)
        result.append(
            Split(
                index=index + 1,
                distance_m=end - start,
                duration_s=moving_s,
                elapsed_s=elapsed,
                avg_hr=hr_sum / hr_s if hr_s else None,
                avg_cadence_spm=cadence_sum / cadence_s if cadence_s else None,
                elevation_gain_m=gain,
                elevation_loss_m=loss,
            )
        )
    return result


@dataclass
class _Pieces:
    interval: np.ndarray  # which interval between two samples
    index: np.ndarray  # which split


def _pieces(distance: np.ndarray, metres: np.ndarray, unit_m: float, count: int) -> tuple[_Pieces, np.ndarray]:
    """Every interval's pieces, one per split it covers, with each piece's share of the interval."""
    first = np.minimum((distance[:-1] / unit_m).astype(np.int64), count - 1)
    last = np.minimum((distance[1:] / unit_m).astype(np.int64), count - 1)
    # An interval ending exactly on a boundary belongs to the split it ends.
    on_boundary = (distance[1:] % unit_m == 0) & (last > first)
    last = np.where(on_boundary, last - 1, last)
    inside = np.flatnonzero(first == last)
    intervals, splits_, shares = [inside], [first[inside]], [np.ones(inside.size)]
    # Few intervals cross a boundary (one a split at most, unless the recording has a gap).
    for interval in np.flatnonzero(first != last).tolist():
        begin, end = float(distance[interval]), float(distance[interval + 1])
        for index in range(int(first[interval]), int(last[interval]) + 1):
            low = max(begin, index * unit_m)
            high = end if index == count - 1 else min(end, (index + 1) * unit_m)
            if high > low:
                intervals.append(np.array([interval]))
                splits_.append(np.array([index]))
                shares.append(np.array([(high - low) / float(metres[interval])]))
    return _Pieces(np.concatenate(intervals), np.concatenate(splits_)), np.concatenate(shares)


def _climbs(samples: Samples, distance: np.ndarray, unit_m: float, count: int) -> list[tuple[float, float] | None]:
    """Each split's climb and descent: its samples' elevations with the profile's height at its ends."""
    elevation = samples.elevation_m
    if elevation is None:
        return [None] * count
    known = ~np.isnan(elevation)
    if known.sum() < 2:
        return [None] * count
    along, height = distance[known], elevation[known]
    result = []
    for index in range(count):
        start = index * unit_m
        end = float(distance[-1]) if index == count - 1 else (index + 1) * unit_m
        inside = (along > start) & (along < end)
        profile = np.concatenate(([np.interp(start, along, height)], height[inside], [np.interp(end, along, height)]))
        result.append(gain_and_loss(profile))
    return result
