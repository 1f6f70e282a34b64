"""Charts as inline SVG, drawn on the server: they print, go into the PDF as vectors and need no script.

Each chart is plain shapes and text with a <title> for screen readers; the numbers are also in a table
beside it, so nothing is only in the picture.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 30
SERIES_COLOURS = ("#b45309", "#1d4ed8", "#047857")  # during, after, next morning
SERIES_DASH = ("", "6 3", "2 3")  # told apart without colour too
BAR_COLOUR = "#2563eb"


def _ticks(value: float) -> tuple[float, int]:
    """A round step (1, 2 or 5 times a power of ten) and how many steps, at most 5, reach the value."""
    if value <= 0:
        return 1.0, 4
    power = 10 ** math.floor(math.log10(value / 5))
    for step in (1, 2, 5, 10, 20):
        tick = step * power
        if value / tick <= 5:
            return tick, max(math.ceil(value / tick - 1e-9), 1)
    return 20 * power, 5


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _svg(title: str, body: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 — every piece of text in `body` is escaped where it is made
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet" font-family="sans-serif" '
        f'font-size="13"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def _axis(tick: float, steps: int, unit: str) -> list[str]:
    inner = HEIGHT - TOP - BOTTOM
    out = []
    for i in range(steps + 1):
        value = tick * i
        y = TOP + inner - inner * i / steps
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d1d5db" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#374151">{escape(_number(value))}</text>'
        )
    if unit:
        out.append(f'<text x="4" y="{TOP - 2}" fill="#374151">{escape(unit)}</text>')
    return out


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> SafeString:
    """One bar per value (a week), labelled underneath; every other label when there are many."""
    tick, steps = _ticks(max(values, default=0))
    top = tick * steps
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = inner_w / max(len(values), 1)
    every = 1 if len(values) <= 8 else 2
    body = _axis(tick, steps, unit)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = inner_h * value / top
        x = LEFT + i * slot + slot * 0.15
        body.append(
            f'<rect x="{x:.1f}" y="{TOP + inner_h - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
            f'fill="{BAR_COLOUR}"><title>{escape(label)}: {escape(_number(value))} {escape(unit)}</title></rect>'
        )
        if i % every == 0:
            body.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" '
                f'fill="#374151">{escape(label)}</text>'
            )
    return _svg(title, body)


def pain_chart(
    title: str, days: int, series: Sequence[tuple[str, Sequence[tuple[int, int]]]], first_label: str, last_label: str
) -> SafeString:
    """Pain scores 0–10 over the period's `days`: each series is (name, [(day index, score)]), drawn as a
    line with its points; a legend names the series."""
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM - 14
    body = []
    for score in (0, 2, 4, 6, 8, 10):
        y = TOP + inner_h - inner_h * score / 10
        stroke = "#fca5a5" if score == 6 else "#d1d5db"  # above 5: the red zone of the pain-monitoring model
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{stroke}"/>')
        body.append(f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#374151">{score}</text>')

    def x_of(index: int) -> float:
        return LEFT + (inner_w * index / (days - 1) if days > 1 else inner_w / 2)

    for n, (name, points) in enumerate(series):
        colour, dash = SERIES_COLOURS[n % 3], SERIES_DASH[n % 3]
        coords = [(x_of(i), TOP + inner_h - inner_h * score / 10, score) for i, score in points]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in coords)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for x, y, score in coords:
            point = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
            body.append(f"{point}<title>{escape(name)}: {score}</title></circle>")
        lx = LEFT + n * 150
        ly = HEIGHT - 8
        body.append(f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"')
        body.append(f' stroke-dasharray="{dash}"/>' if dash else "/>")
        body.append(f'<text x="{lx + 26}" y="{ly}" fill="#374151">{escape(name)}</text>')
    axis_y = TOP + inner_h + 14
    body.append(f'<text x="{LEFT}" y="{axis_y}" fill="#374151">{escape(first_label)}</text>')
    body.append(f'<text x="{WIDTH - RIGHT}" y="{axis_y}" text-anchor="end" fill="#374151">{escape(last_label)}</text>')
    return _svg(title, body)
