"""Best efforts inside a run: the fastest stretch of 400 m, 1 km, 1 mile, 5 km, 10 km, half and full
marathon, from its distance and time samples.

Between two samples the runner is taken to move at an even pace (distance and time interpolated
linearly). The fastest stretch of a given length then starts or ends exactly on a sample, so trying every
sample as a start and as an end finds it. Time is elapsed time: a stop inside the stretch counts, as on a
race clock.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils import translation
from django.utils.translation import gettext_lazy

from runlog.activity.samples import Samples
from runlog.activity.series import distance_axis
from runlog.log.units import MILE

# Distance in metres → its name; the records page lists personal records per distance in this order.
EFFORT_DISTANCES: dict[float, str] = {  # names translated when shown
    400.0: "400 m",
    1000.0: "1 km",
    MILE: gettext_lazy("1 mile"),
    5000.0: "5 km",
    10000.0: "10 km",
    21097.5: gettext_lazy("Half marathon"),
    42195.0: gettext_lazy("Marathon"),
}


@dataclass
class Effort:
    distance_m: float
    duration_s: float
    start_s: float  # from the run's start
    start_distance_m: float

    @property
    def name(self) -> str:
        return EFFORT_DISTANCES.get(self.distance_m, f"{self.distance_m:g} m")

    @property
    def stored_name(self) -> str:
        """The name as stored with the recording (and exported): English, whatever the runner reads."""
        with translation.override("en"):
            return str(self.name)

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s

    def as_dict(self) -> dict[str, float | str]:
        return {
            "distance_m": self.distance_m,
            "name": self.stored_name,
            "duration_s": round(self.duration_s, 1),
            "start_s": round(self.start_s, 1),
            "start_distance_m": round(self.start_distance_m, 1),
        }


def _time_reaching(distance: np.ndarray, t_s: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The earliest time at which the runner has covered each target distance."""
    after = np.searchsorted(distance, targets, side="left")  # first sample at or past the target
    after = np.clip(after, 1, distance.size - 1)
    before = after - 1
    span = distance[after] - distance[before]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(span > 0, (targets - distance[before]) / span, 1.0)
    return t_s[before] + fraction * (t_s[after] - t_s[before])


def _time_leaving(distance: np.ndarray, t_s: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The latest time at which the runner was still at (not past) each target distance."""
    after = np.searchsorted(distance, targets, side="right")  # first sample past the target
    after = np.clip(after, 1, distance.size - 1)
    before = after - 1
    span = distance[after] - distance[before]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(span > 0, (targets - distance[before]) / span, 0.0)
    return t_s[before] + fraction * (t_s[after] - t_s[before])


def best_effort(t_s: np.ndarray, distance: np.ndarray, length_m: float) -> Effort | None:
    """The fastest stretch of `length_m` metres, or None when the run is shorter."""
    if distance.size < 2 or distance[-1] - distance[0] < length_m:
        return None
    # Stretches starting on a sample (those that fit before the end)...
    starts = np.flatnonzero(distance + length_m <= distance[-1])
    start_times = t_s[starts]
    durations_from = _time_reaching(distance, t_s, distance[starts] + length_m) - start_times
    # ... and stretches ending on a sample (those that start after the beginning).
    ends = np.flatnonzero(distance - length_m >= distance[0])
    leave = _time_leaving(distance, t_s, distance[ends] - length_m)
    durations_to = t_s[ends] - leave
    best_from = int(np.argmin(durations_from)) if starts.size else None
    best_to = int(np.argmin(durations_to)) if ends.size else None
    if best_to is None or (best_from is not None and durations_from[best_from] <= durations_to[best_to]):
        index = starts[best_from]
        return Effort(length_m, float(durations_from[best_from]), float(t_s[index]), float(distance[index]))
    index = ends[best_to]
    return Effort(length_m, float(durations_to[best_to]), float(leave[best_to]), float(distance[index] - length_m))


def best_efforts(samples: Samples, lengths: tuple[float, ...] = tuple(EFFORT_DISTANCES)) -> list[Effort]:
    """The run's best effort at each standard distance it is long enough for, shortest first."""
    distance = distance_axis(samples)
    if distance is None or len(samples) < 2:
        return []
    # A clock that steps back (a device's time correction) must not make a stretch take negative time.
    t_s = np.maximum.accumulate(samples.t_s)
    found = (best_effort(t_s, distance, length) for length in sorted(lengths))
    return [effort for effort in found if effort is not None]
