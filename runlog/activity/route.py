"""A run's route drawn from its own points: an SVG path, projected and scaled, with a privacy zone.

The privacy zone hides the first and the last stretch of the route (200 m by default) wherever it is
drawn, so a route shown or shared does not point at the runner's door. The drawing is scaled to the
visible part only: the hidden ends do not even widen the frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from runlog.activity.samples import Samples
from runlog.activity.series import distance_axis

PRIVACY_ZONE_M = 200.0
WIDTH, HEIGHT, PADDING = 600, 400, 12
MAX_ROUTE_POINTS = 800  # an SVG path of this many points draws a run's shape to the pixel
MIN_STEP_PX = 1.0  # points closer than this to the last one drawn add nothing visible
# A jump this long between two points with no distance covered (a new track in a GPX file) starts a new line.
BREAK_PX = 60.0


@dataclass
class Route:
    path: str  # the SVG path's `d`
    width: int
    height: int
    start: tuple[float, float]  # where the visible route begins and ends, for markers
    end: tuple[float, float]
    hidden_m: float  # metres hidden at each end
    points: int  # points drawn


def project(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Metres east and north of the route's centre (equirectangular: exact enough for one run)."""
    centre = math.radians(float(np.mean(lat)))
    east = np.radians(lon) * math.cos(centre) * 6_371_000.0
    north = np.radians(lat) * 6_371_000.0
    return east, north


def _decimated(x: np.ndarray, y: np.ndarray, limit: int) -> np.ndarray:
    """Indices of the points to draw: each at least MIN_STEP_PX from the one before, the last always."""
    stride = max(1, x.size // (20 * limit))  # a very dense track is thinned before the point-by-point pass
    if stride > 1:
        kept = np.unique(np.append(np.arange(0, x.size, stride), x.size - 1))
        return kept[_decimated(x[kept], y[kept], limit)]
    keep = [0]
    last_x, last_y = x[0], y[0]
    for i, (px, py) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
        if (px - last_x) ** 2 + (py - last_y) ** 2 >= MIN_STEP_PX**2:
            keep.append(i)
            last_x, last_y = px, py
    if keep[-1] != x.size - 1:
        keep.append(x.size - 1)
    indices = np.array(keep)
    if indices.size > limit:
        indices = indices[np.unique(np.linspace(0, indices.size - 1, limit).round().astype(int))]
    return indices


def route(
    samples: Samples,
    privacy_m: float = PRIVACY_ZONE_M,
    width: int = WIDTH,
    height: int = HEIGHT,
    limit: int = MAX_ROUTE_POINTS,
) -> Route | None:
    """The route to draw, or None when the run has no positions or is no longer than its privacy zone."""
    if samples.lat is None or samples.lon is None:
        return None
    distance = distance_axis(samples)
    placed = ~(np.isnan(samples.lat) | np.isnan(samples.lon))
    if distance is None or placed.sum() < 2:
        return None
    total = float(distance[placed][-1])
    visible = placed & (distance >= privacy_m) & (distance <= total - privacy_m)
    if visible.sum() < 2:
        return None
    east, north = project(samples.lat[visible], samples.lon[visible])
    span_x, span_y = float(np.ptp(east)), float(np.ptp(north))
    scale = min(
        (width - 2 * PADDING) / span_x if span_x else math.inf, (height - 2 * PADDING) / span_y if span_y else math.inf
    )
    if not math.isfinite(scale):
        return None  # every visible point in one place: nothing to draw
    # Centre the drawing in the frame; north is up (SVG's y grows downwards).
    x = (width - span_x * scale) / 2 + (east - east.min()) * scale
    y = (height - span_y * scale) / 2 + (north.max() - north) * scale
    along = distance[visible]
    indices = _decimated(x, y, limit)
    commands = []
    for position, i in enumerate(indices.tolist()):
        jump = position and math.hypot(x[i] - x[indices[position - 1]], y[i] - y[indices[position - 1]])
        new_line = position == 0 or (jump > BREAK_PX and along[i] == along[indices[position - 1]])
        commands.append(f"{'M' if new_line else 'L'}{x[i]:.1f} {y[i]:.1f}")
    first, last = indices[0], indices[-1]
    return Route(
        path=" ".join(commands),
        width=width,
        height=height,
        start=(round(float(x[first]), 1), round(float(y[first]), 1)),
        end=(round(float(x[last]), 1), round(float(y[last]), 1)),
        hidden_m=privacy_m,
        points=int(indices.size),
    )
