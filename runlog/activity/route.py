"""A run's route drawn from its own points: an SVG path, projected and scaled, with a privacy zone; and
the same visible points as latitudes and longitudes, for a map on tiles when the operator set one up.

The privacy zone hides the first and the last stretch of the route (200 m by default) wherever it is
drawn, so a route shown or shared does not point at the runner's door. The drawing is scaled to the
visible part only: the hidden ends do not even widen the frame. The map is handed the visible points
only, so the hidden ends never reach the browser.
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
# A map can be zoomed in to the street: more points than the SVG, each at least MAP_STEP_M from the last.
MAX_MAP_POINTS = 2000
MAP_STEP_M = 3.0
MAP_BREAK_M = 100.0  # the BREAK_PX of a map: a jump this long with no distance covered starts a new line
MAP_DECIMALS = 6  # 0.1 m of latitude: finer than any watch's position


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


def _decimated(x: np.ndarray, y: np.ndarray, limit: int, min_step: float = MIN_STEP_PX) -> np.ndarray:
    """Indices of the points to draw: each at least `min_step` from the one before, the last always."""
    stride = max(1, x.size // (20 * limit))  # a very dense track is thinned before the point-by-point pass
    if stride > 1:
        kept = np.unique(np.append(np.arange(0, x.size, stride), x.size - 1))
        return kept[_decimated(x[kept], y[kept], limit, min_step)]
    keep = [0]
    last_x, last_y = x[0], y[0]
    for i, (px, py) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
        if (px - last_x) ** 2 + (py - last_y) ** 2 >= min_step**2:
            keep.append(i)
            last_x, last_y = px, py
    if keep[-1] != x.size - 1:
        keep.append(x.size - 1)
    indices = np.array(keep)
    if indices.size > limit:
        indices = indices[np.unique(np.linspace(0, indices.size - 1, limit).round().astype(int))]
    return indices


def _visible(samples: Samples, privacy_m: float) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Latitude, longitude and distance of the placed points outside the privacy zone at both ends; None
    when fewer than two are left. Every drawing of the route (SVG or map) starts from these points."""
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
    return samples.lat[visible], samples.lon[visible], distance[visible]


def route(
    samples: Samples,
    privacy_m: float = PRIVACY_ZONE_M,
    width: int = WIDTH,
    height: int = HEIGHT,
    limit: int = MAX_ROUTE_POINTS,
) -> Route | None:
    """The route to draw, or None when the run has no positions or is no longer than its privacy zone."""
    points = _visible(samples, privacy_m)
    if points is None:
        return None
    lat, lon, along = points
    east, north = project(lat, lon)
    span_x, span_y = float(np.ptp(east)), float(np.ptp(north))
    scale = min(
        (width - 2 * PADDING) / span_x if span_x else math.inf, (height - 2 * PADDING) / span_y if span_y else math.inf
    )
    if not math.isfinite(scale):
        return None  # every visible point in one place: nothing to draw
    # Centre the drawing in the frame; north is up (SVG's y grows downwards).
    x = (width - span_x * scale) / 2 + (east - east.min()) * scale
    y = (height - span_y * scale) / 2 + (north.max() - north) * scale
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


def map_lines(
    samples: Samples, privacy_m: float = PRIVACY_ZONE_M, limit: int = MAX_MAP_POINTS
) -> list[list[list[float]]] | None:
    """The visible route as lines of [latitude, longitude] pairs (Leaflet's shape for a polyline with
    gaps), or None when there is nothing to draw: the same points as the SVG, the privacy zone already cut.

    The points kept are evenly spaced along the route (at least MAP_STEP_M apart, at most `limit` in all),
    so a stop adds none and a 4-hour run costs a few milliseconds; both ends of a gap are always kept."""
    points = _visible(samples, privacy_m)
    if points is None:
        return None
    lat, lon, along = points
    east, north = project(lat, lon)
    if not (np.ptp(east) or np.ptp(north)):
        return None  # every visible point in one place, as for the SVG
    step = np.hypot(np.diff(east), np.diff(north))
    gap = (step > MAP_BREAK_M) & (np.diff(along) == 0)  # between point i and i + 1
    path = np.concatenate([[0.0], np.cumsum(np.where(gap, 0.0, step))])  # a gap adds no length
    spacing = max(MAP_STEP_M, float(path[-1]) / max(1, limit - 1))
    ends = np.flatnonzero(gap)
    keep = np.unique(
        np.concatenate([np.searchsorted(path, np.arange(0.0, path[-1], spacing)), ends, ends + 1, [lat.size - 1]])
    )
    line_of = np.concatenate([[0], np.cumsum(gap)])[keep]
    pairs = np.column_stack([lat[keep].round(MAP_DECIMALS), lon[keep].round(MAP_DECIMALS)])
    cuts = np.flatnonzero(np.diff(line_of)) + 1
    return [part.tolist() for part in np.split(pairs, cuts)]
