"""Pain episodes, and what the log shows in the 14 days before each one began.

Shown to the runner as "these came before it; they may or may not be why": a list of facts from the
log, never a verdict (docs/risk-rules.md, "Pain episodes").
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .frames import Frames
from .rules.base import logged_since, ratio_over, span, to_km
from .rules.pain import body_part

EPISODE_SCORE = 3  # a report with any score this high can start an episode…
EPISODE_GAP_DAYS = 14  # …when no such report of that location is dated in the 14 days before it
EPISODE_DAYS = 90  # episodes whose onset lies in the last 90 days are listed
BEFORE_DAYS = 14  # what came before: the 14 days before the onset, the onset day excluded
SPIKE_OVER = 0.10  # overtraining.session_spike's caution line
WEEKLY_OVER = 0.30  # overtraining.weekly_increase's caution line
SPIKE_LOOKBACK_DAYS = 30  # a run against the longest run of the 30 days before it
WEEK = 7

# The order items are listed in on the same day.
BEFORE_CODES = (
    "overtraining.session_spike",
    "overtraining.weekly_increase",
    "rest.missing",
    "race",
    "footwear.worn",
    "footwear.new_pair",
)


@dataclass(frozen=True)
class Before:
    code: str
    date: dt.date
    evidence: dict

    def document(self) -> dict:
        return {"code": self.code, "date": self.date.isoformat(), "evidence": self.evidence}


@dataclass(frozen=True)
class Episode:
    location: str
    onset: dt.date
    report_id: int | None  # the report that started it
    before: list[Before]

    @property
    def location_label(self):
        """The body part, as a name (a Text: said in the runner's language in a page)."""
        return body_part(self.location)

    def document(self) -> dict:
        return {
            "location": self.location,
            "onset": self.onset.isoformat(),
            "before": [item.document() for item in self.before],
        }


def _id(value) -> int | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)


def onsets(pain: pd.DataFrame) -> list[tuple[str, pd.Timestamp, int | None]]:
    """(location, onset day, report id) of every episode start in the frame, in log order.

    One episode per location and day, however many reports share that day.
    """
    peak = pain[["during", "after", "next_morning"]].max(axis=1, skipna=True)
    sore = pain[peak >= EPISODE_SCORE]
    last_sore: dict = {}
    out = []
    for location, day, report_id in zip(sore["location"], sore["day"], sore["report_id"], strict=True):
        previous = last_sore.get(location)
        if previous is None or (day - previous).days > EPISODE_GAP_DAYS:
            out.append((location, day, _id(report_id)))
        if previous is None or day > previous:
            last_sore[location] = day
    return out


def episodes(frames: Frames, on: pd.Timestamp) -> list[Episode]:
    first = on - span(EPISODE_DAYS - 1)
    return [
        Episode(location, day.date(), report_id, before(frames, day))
        for location, day, report_id in onsets(frames.pain)
        if first <= day <= on
    ]


@dataclass(frozen=True)
class _Log:
    """The runs as plain arrays, with per-day series from the first run on: built once per assessment."""

    days: np.ndarray  # day ordinals (days since 1970-01-01) of each run, sorted
    metres: np.ndarray
    kinds: list
    run_ids: list
    shoe_ids: np.ndarray
    base: int  # the ordinal of index 0 of the per-day series
    km_sums: np.ndarray  # cumulative running km: km_sums[i] = km of the days before base + i
    ran: np.ndarray  # a run on that day
    streak: np.ndarray  # consecutive running days ending that day

    @classmethod
    def of(cls, frames: Frames) -> _Log:
        if "episode log" not in frames.cache:
            runs = frames.runs
            days = runs["day"].to_numpy().astype("datetime64[D]").astype(np.int64)
            metres = runs["distance_m"].to_numpy(float)
            base = int(days[0]) if len(days) else 0
            size = int(days[-1]) - base + 1 if len(days) else 0
            km = np.bincount(days - base, weights=metres / 1000.0, minlength=size) if size else np.zeros(0)
            ran = np.bincount(days - base, minlength=size) > 0 if size else np.zeros(0, dtype=bool)
            streak = np.zeros(size, dtype=int)
            count = 0
            for i, running in enumerate(ran.tolist()):
                count = count + 1 if running else 0
                streak[i] = count
            frames.cache["episode log"] = cls(
                days=days,
                metres=metres,
                kinds=runs["kind"].tolist(),
                run_ids=[_id(v) for v in runs["run_id"].tolist()],
                shoe_ids=runs["shoe_id"].to_numpy(float),
                base=base,
                km_sums=np.concatenate([[0.0], np.cumsum(km)]),
                ran=ran,
                streak=streak,
            )
        return frames.cache["episode log"]

    def km(self, first: int, last: int) -> float:
        """Running km on the day ordinals first…last (0 outside the log)."""
        lo = min(max(first - self.base, 0), len(self.ran))
        hi = min(max(last - self.base + 1, 0), len(self.ran))
        return float(self.km_sums[hi] - self.km_sums[lo]) if hi > lo else 0.0

    def ran_every_day(self, first: int, last: int) -> bool:
        if first < self.base or last - self.base >= len(self.ran):
            return False
        return bool(self.ran[first - self.base : last - self.base + 1].all())


def _ordinal(day: pd.Timestamp) -> int:
    return int(np.datetime64(day.date(), "D").astype(np.int64))


def _date(ordinal: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(ordinal))


def before(frames: Frames, onset: pd.Timestamp) -> list[Before]:
    """What the log shows in onset-14 … onset-1: each code once, at its latest date."""
    log = _Log.of(frames)
    last = _ordinal(onset) - 1
    first = last - BEFORE_DAYS + 1
    found: dict[str, tuple[tuple, Before]] = {}

    def keep(code: str, ordinal: int, evidence: dict, rank: float = 0.0) -> None:
        # The latest date wins; on the same day the larger value (a bigger spike).
        key = (ordinal, rank)
        if code not in found or key > found[code][0]:
            found[code] = (key, Before(code, _date(ordinal), evidence))

    lo, hi = int(log.days.searchsorted(first, side="left")), int(log.days.searchsorted(last, side="right"))
    for i in range(lo, hi):
        day = int(log.days[i])
        earlier = int(log.days.searchsorted(day, side="left"))
        start = int(log.days.searchsorted(day - SPIKE_LOOKBACK_DAYS, side="left"))
        if start < earlier:
            longest = float(np.nanmax(log.metres[start:earlier]))
            ratio = ratio_over(float(log.metres[i]), longest)
            if ratio > SPIKE_OVER:
                evidence = {
                    "run_id": log.run_ids[i],
                    "ratio": round(ratio, 2),
                    "run_km": to_km(log.metres[i]),
                    "longest_30d_km": to_km(longest),
                }
                keep("overtraining.session_spike", day, evidence, ratio)
        if log.kinds[i] == "race":
            keep("race", day, {"run_id": log.run_ids[i], "run_km": to_km(log.metres[i])})

    for day in range(first, last + 1):
        week, prev = log.km(day - WEEK + 1, day), log.km(day - 2 * WEEK + 1, day - WEEK)
        if prev > 0 and logged_since(frames, pd.Timestamp(_date(day - 2 * WEEK + 1))):
            change = ratio_over(week, prev)
            if change > WEEKLY_OVER:
                evidence = {"increase": round(change, 2), "week_km": round(week, 1), "prev_week_km": round(prev, 1)}
                keep("overtraining.weekly_increase", day, evidence)
        if log.ran_every_day(day - WEEK + 1, day):
            keep("rest.missing", day, {"rest_days_7d": 0, "run_streak_days": int(log.streak[day - log.base])})

    _shoes(frames, log, lo, hi, first, last, keep)
    items = [item for _, item in found.values()]
    return sorted(items, key=lambda b: (b.date, BEFORE_CODES.index(b.code)))


def _shoes(frames: Frames, log: _Log, lo: int, hi: int, first: int, last: int, keep) -> None:
    """Runs of the window in a pair past its retirement distance, and pairs first used in the window."""
    for shoe in frames.rows("shoes"):
        in_window = [i for i in range(lo, hi) if log.shoe_ids[i] == shoe.shoe_id]
        if not in_window:
            continue
        shoe_id = _id(shoe.shoe_id)
        # The pair's distance at the end of a day: its total now, less the runs in it after that day.
        mine = log.shoe_ids == shoe.shoe_id
        days, cumulative = log.days[mine], np.cumsum(log.metres[mine])
        total = float(shoe.start_m) + float(shoe.logged_m or 0.0)
        for i in in_window:
            through = int(days.searchsorted(log.days[i], side="right")) - 1
            metres_then = total - float(cumulative[-1] - cumulative[through])
            if metres_then >= float(shoe.retire_at_m):
                evidence = {
                    "shoe_id": shoe_id,
                    "shoe": shoe.name,
                    "run_id": log.run_ids[i],
                    "km": round(metres_then / 1000, 1),
                    "retire_at_km": round(float(shoe.retire_at_m) / 1000, 1),
                }
                keep("footwear.worn", int(log.days[i]), evidence)
        if not pd.isna(shoe.first_run_day):
            first_run = _ordinal(shoe.first_run_day)
            if first <= first_run <= last:
                evidence = {
                    "shoe_id": shoe_id,
                    "shoe": shoe.name,
                    "first_run_on": _date(first_run).isoformat(),
                    "run_ids": [log.run_ids[i] for i in in_window],
                }
                keep("footwear.new_pair", first_run, evidence)
