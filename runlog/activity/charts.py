"""Server-drawn SVG line charts of a run over distance, and the tables that stand in for them.

Every chart shares one x axis (distance) so that a climb, a slow stretch and a heart-rate rise line up.
Nothing is drawn by JavaScript: the page reads the same with scripts off.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from runlog.activity.series import ChartSeries
from runlog.log import units as u

WIDTH, HEIGHT, TOP, BOTTOM = 600, 110, 8, 8
# The tables' rows: a row per stretch of this many equal parts of the run.
TABLE_ROWS = 40


@dataclass
class Chart:
    key: str
    title: str
    points: str  # the SVG polyline's `points`, empty when nothing to draw
    low: str  # the axis' labels, in the runner's units
    high: str
    width: int = WIDTH
    height: int = HEIGHT


def _pace_in_unit(seconds_per_km: float | None, unit: str) -> float | None:
    return None if seconds_per_km is None else seconds_per_km * u.unit_m(unit) / u.KM


def _polyline(xs: list[float], ys: list[float | None], invert: bool, robust: bool = True) -> tuple[str, float, float]:
    """The points of one line; with `robust`, the axis spans the 2nd to 98th percentile and the rare values
    beyond (a stop's crawl, a sensor's dropout to 0) are drawn at its edge instead of flattening the rest."""
    known = sorted(y for y in ys if y is not None)
    if len(known) < 2 or not xs or xs[-1] <= 0:
        return "", 0.0, 0.0
    low, high = known[0], known[-1]
    if robust:
        low, high = known[int(0.02 * (len(known) - 1))], known[int(round(0.98 * (len(known) - 1)))]
    spread = (high - low) or 1.0
    scale_x = WIDTH / xs[-1]
    points = []
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            continue
        share = min(max((y - low) / spread, 0.0), 1.0)
        if invert:
            share = 1 - share  # faster (a smaller pace) is higher
        points.append(f"{x * scale_x:.1f},{TOP + (1 - share) * (HEIGHT - TOP - BOTTOM):.1f}")
    return " ".join(points), low, high


def _per(value: float, unit: str) -> str:
    """ "150 bpm", "172 steps/min" in the runner's words."""
    if unit == "bpm":
        return gettext("%(value).0f bpm") % {"value": value}
    return gettext("%(value).0f steps/min") % {"value": value}


def charts_for(series: ChartSeries, unit: str) -> list[Chart]:
    """Elevation, pace, heart rate and step rate over distance: the ones the run has."""
    xs = series.distance_m
    found = []
    if series.elevation_m is not None:
        points, low, high = _polyline(xs, series.elevation_m, invert=False, robust=False)
        found.append(Chart("elevation", gettext("Elevation"), points, f"{low:.0f} m", f"{high:.0f} m"))
    if series.pace_s_per_km is not None:
        paces = [_pace_in_unit(p, unit) for p in series.pace_s_per_km]
        points, low, high = _polyline(xs, paces, invert=True)
        found.append(
            Chart(
                "pace",
                gettext("Pace"),
                points,
                u.format_pace(high * u.KM / u.unit_m(unit), unit),
                u.format_pace(low * u.KM / u.unit_m(unit), unit),
            )
        )
    if series.hr is not None:
        points, low, high = _polyline(xs, series.hr, invert=False)
        found.append(Chart("hr", gettext("Heart rate"), points, _per(low, "bpm"), _per(high, "bpm")))
    if series.cadence_spm is not None:
        points, low, high = _polyline(xs, series.cadence_spm, invert=False)
        found.append(Chart("cadence", gettext("Step rate"), points, _per(low, "steps/min"), _per(high, "steps/min")))
    return [chart for chart in found if chart.points]


def rows_for(series: ChartSeries, unit: str) -> list[dict]:
    """The charts as table rows, in the runner's units and formats."""
    rows = []
    for row in series.rows():
        rows.append(
            {
                "distance": u.format_distance(row["distance_m"], unit, digits=2),
                "elevation": None if row.get("elevation_m") is None else f"{row['elevation_m']:.0f} m",
                "pace": u.format_pace(row.get("pace_s_per_km"), unit) if row.get("pace_s_per_km") else None,
                "hr": None if row.get("hr") is None else f"{row['hr']:.0f}",
                "cadence": None if row.get("cadence_spm") is None else f"{row['cadence_spm']:.0f}",
            }
        )
    return rows
