"""What every rule family shares: the Flag and Check records, and the small date and number helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import metrics as m
from ..frames import Frames

SEVERITY_ORDER = {"high": 0, "caution": 1, "info": 2}


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str  # info | caution | high
    title: str
    message: str
    evidence: dict = field(default_factory=dict)


@dataclass
class Check:
    code: str
    label: str
    status: str = "ok"  # ok | flagged | not enough data
    note: str = ""


class Checks(list):
    def record(self, code: str, label: str, status: str = "ok", note: str = "") -> None:
        self.append(Check(code, label, status, note))


def span(n: int) -> pd.Timedelta:
    return pd.Timedelta(days=n)


def within(df: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> pd.DataFrame:
    """Rows with first <= day <= last; frames are sorted by day, so a slice is enough."""
    return m.between(df, first, last)


def logged_since(frames: Frames, day: pd.Timestamp) -> bool:
    """True when the log reaches back to `day` (the rule's minimum span of data)."""
    return frames.first_day is not None and frames.first_day <= day


def weekday_label(day: pd.Timestamp) -> str:
    return day.strftime("%a %-d %b")


def ratio_over(value: float, reference: float) -> float:
    """value ÷ reference − 1, rounded so that a value exactly at a threshold compares as equal to it."""
    return round(value / reference - 1, 9)


def to_km(metres: float) -> float:
    return round(metres / 1000.0, 2)
