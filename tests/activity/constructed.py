"""Constructed runs with hand-computable figures, for the tests of splits, efforts, series and routes."""

from collections.abc import Callable

import numpy as np

from runlog.activity.samples import Samples


def paced_run(stretches: list[tuple[float, float]], every_s: float = 20.0, **channels: Callable) -> Samples:
    """A run of stretches (metres, seconds), each at an even pace ((0, s) is a stop), with a sample every
    `every_s` seconds and at each stretch's end, so the straight lines between samples are the run itself.
    Each keyword builds a channel from the time and distance arrays."""
    times, distances = [0.0], [0.0]
    for metres, seconds in stretches:
        start_t, start_d = times[-1], distances[-1]
        ticks = [*np.arange(every_s, seconds, every_s).tolist(), seconds]
        for tick in ticks:
            times.append(start_t + tick)
            distances.append(start_d + metres * tick / seconds)
    t, d = np.array(times), np.array(distances)
    return Samples(t_s=t, distance_m=d, **{name: build(t, d) for name, build in channels.items()})
