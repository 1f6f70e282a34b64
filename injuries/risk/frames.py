"""The fixed-column DataFrames the risk engine reads, and helpers to build them from plain records.

No Django here: `runlog.frames` fills these from the database, tests build them by hand. Ids travel
as float64 (missing = NaN), like every other number, and are turned back into ints where they leave
the engine.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

RUN_COLUMNS = [
    "day",
    "distance_m",
    "duration_s",
    "kind",
    "rpe",
    "shoe_id",
    "warm_up",
    "run_id",
    "cadence_spm",  # the run's average step rate, steps per minute (both feet)
    "plan_session",  # marked as a session of a return-to-run plan
]
CROSS_COLUMNS = ["day", "activity", "duration_s", "rpe"]
PAIN_COLUMNS = [
    "day",
    "location",
    "side",
    "during",
    "after",
    "next_morning",
    "swelling",
    "warmth",
    "stiffness",
    "locking",
    "cannot_bear_weight",
    "report_id",
    "run_id",  # the run the report is linked to, if any
]
SHOE_COLUMNS = [
    "shoe_id",
    "name",
    "start_m",
    "retire_at_m",
    "retired_on",
    "logged_m",
    "last_run_day",
    "first_run_day",  # the pair's first run ever, not just inside the window
]
# Return-to-run plans, every one the runner started (few): the phase is never stored, plan.py derives it.
# paused_on: the day the runner paused it themselves (a holiday, an illness); cleared_on resumes it.
PLAN_COLUMNS = ["plan_id", "location", "started_on", "baseline", "cleared_on", "ended_on", "paused_on"]

# How far back an assessment reads. Every rule's longest look-back fits inside (monotony's 12 prior
# weeks + 1 = 91 days; rotation's 22 weeks = 154 days), so the cost does not grow with years of log.
WINDOW_DAYS = 180

_DTYPES = {
    "distance_m": "float64",
    "duration_s": "float64",
    "rpe": "float64",
    "shoe_id": "float64",
    "during": "float64",
    "after": "float64",
    "next_morning": "float64",
    "start_m": "float64",
    "retire_at_m": "float64",
    "logged_m": "float64",
    "run_id": "float64",
    "cadence_spm": "float64",
    "report_id": "float64",
    "plan_id": "float64",
    "baseline": "float64",
}
_BOOLS = {"warm_up", "plan_session", "swelling", "warmth", "stiffness", "locking", "cannot_bear_weight"}
_DAYS = {"day", "retired_on", "last_run_day", "first_run_day", "started_on", "cleared_on", "ended_on", "paused_on"}


def to_day(value) -> pd.Timestamp | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    return pd.Timestamp(value).normalize()


def frame(records: Iterable[Mapping], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns` and stable dtypes, even when there are no records.

    Built column by column from plain lists and handed to pandas once: converting a finished DataFrame
    column after column costs ten times as much, and this runs on every page that shows an assessment.
    """
    rows = list(records)
    return pd.DataFrame({column: _column([row.get(column, np.nan) for row in rows], column) for column in columns})


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _column(values: list, column: str):
    if column in _DAYS:
        if all(value is None or type(value) is dt.date for value in values):
            return np.array(values, dtype="datetime64[D]").astype("datetime64[ns]")
        if not values:
            return np.array([], dtype="datetime64[ns]")
        return pd.to_datetime(pd.Series(values, dtype=object)).dt.normalize().astype("datetime64[ns]").to_numpy()
    if column in _BOOLS:
        return np.array([not _missing(value) and bool(value) for value in values], dtype=bool)
    if column in _DTYPES:
        try:
            return np.array(values, dtype=_DTYPES[column])
        except (TypeError, ValueError):
            return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype(_DTYPES[column]).to_numpy()
    # Inferred first (strings: missing values become NaN), then kept as plain objects.
    return pd.Series(values).astype(object)


def positions(df: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None) -> tuple[int, int]:
    """(lo, hi) such that df.iloc[lo:hi] holds the rows with first <= day <= last (binary search)."""
    days = df["day"].to_numpy()
    lo = 0 if first is None else int(days.searchsorted(np.datetime64(first, "ns"), side="left"))
    hi = len(days) if last is None else int(days.searchsorted(np.datetime64(last, "ns"), side="right"))
    return lo, hi


@cache
def _row_type(columns: tuple[str, ...]) -> type:
    return namedtuple("Row", ["Index", *columns])


@dataclass(frozen=True)
class Frames:
    """A runner's log around one assessment date, as the risk engine sees it.

    Every frame is sorted by `day`: the rules slice windows by binary search.
    """

    runs: pd.DataFrame
    cross: pd.DataFrame
    pain: pd.DataFrame
    shoes: pd.DataFrame
    first_day: pd.Timestamp | None  # the first logged run or cross-training session, whole log
    plans: pd.DataFrame = field(default_factory=lambda: frame([], PLAN_COLUMNS))  # sorted by started_on
    # Derived series computed once per assessment (e.g. load per day); never part of equality.
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def rows(self, name: str, first: pd.Timestamp | None = None, last: pd.Timestamp | None = None) -> list:
        """The rows of one frame as plain named tuples (`Index` = position), first <= day <= last.

        Built once per Frames: `DataFrame.itertuples()` reads the frame column by column on every call,
        which costs more than the rules that loop over a handful of rows.
        """
        key = ("rows", name)
        df = getattr(self, name)
        if key not in self.cache:
            kind = _row_type(tuple(df.columns))
            columns = [df[column].tolist() for column in df.columns]
            self.cache[key] = [kind(i, *values) for i, values in enumerate(zip(*columns, strict=True))]
        rows = self.cache[key]
        if first is None and last is None:
            return rows
        lo, hi = positions(df, first, last)
        return rows[lo:hi]

    @classmethod
    def build(
        cls,
        runs: Iterable[Mapping] = (),
        cross: Iterable[Mapping] = (),
        pain: Iterable[Mapping] = (),
        shoes: Iterable[Mapping] = (),
        first_day: dt.date | None = None,
        plans: Iterable[Mapping] = (),
    ) -> Frames:
        runs_df = frame(runs, RUN_COLUMNS)
        cross_df = frame(cross, CROSS_COLUMNS)
        first = to_day(first_day)
        if first is None:
            days = pd.concat([runs_df["day"], cross_df["day"]])
            first = days.min() if len(days) else None
        return cls(
            runs=runs_df.sort_values("day", kind="stable").reset_index(drop=True),
            cross=cross_df.sort_values("day", kind="stable").reset_index(drop=True),
            pain=frame(pain, PAIN_COLUMNS).sort_values("day", kind="stable").reset_index(drop=True),
            shoes=frame(shoes, SHOE_COLUMNS),
            first_day=None if first is None or pd.isna(first) else pd.Timestamp(first),
            plans=sorted_plans(frame(plans, PLAN_COLUMNS)),
        )


def sorted_plans(plans: pd.DataFrame) -> pd.DataFrame:
    """Plans in the order they were started (ties: by id), the order plan.py reads them in."""
    return plans.sort_values(["started_on", "plan_id"], kind="stable").reset_index(drop=True)
