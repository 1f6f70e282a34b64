"""Training-load metrics: session load, daily load, EWMA acute:chronic ratio, monotony, streaks, step rate."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from .frames import Frames, positions

# Borg CR-10 values imputed for runs logged without RPE (imported files), by kind.
IMPUTED_RPE = {"recovery": 2, "easy": 3, "long": 4, "tempo": 6, "intervals": 7, "race": 9}
IMPUTED_RPE_UNKNOWN = 4
# Cross-training without an RPE is counted as easy aerobic work.
IMPUTED_RPE_CROSS = 3

ACUTE_N, CHRONIC_N = 7, 28
ACWR_SERIES_DAYS = 84  # the EWMA runs over at most 12 weeks before the assessment date


def day_range(first: pd.Timestamp, last: pd.Timestamp) -> pd.DatetimeIndex:
    return pd.date_range(first, last, freq="D")


def between(df: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp) -> pd.DataFrame:
    """Rows of a day-sorted frame with first <= day <= last (binary search, no boolean mask).

    `first=None` leaves the window open towards the past.
    """
    lo, hi = positions(df, first, last)
    return df.iloc[lo:hi]


def run_loads(runs: pd.DataFrame) -> pd.DataFrame:
    """Runs with `load` (RPE × minutes) and `estimated` (RPE imputed from the kind)."""
    rpe = runs["rpe"]
    imputed = runs["kind"].map(IMPUTED_RPE).fillna(IMPUTED_RPE_UNKNOWN).astype(float)
    out = runs.assign(
        estimated=rpe.isna(),
        load=rpe.fillna(imputed) * runs["duration_s"] / 60.0,
    )
    return out


def cross_loads(cross: pd.DataFrame) -> pd.DataFrame:
    return cross.assign(
        estimated=cross["rpe"].isna(),
        load=cross["rpe"].fillna(IMPUTED_RPE_CROSS) * cross["duration_s"] / 60.0,
    )


def _per_day(frames: Frames) -> tuple[np.datetime64 | None, np.ndarray, np.ndarray]:
    """(first day, load per day, sessions per day) from the first to the last logged day, computed once."""
    if "per_day" not in frames.cache:
        days = np.concatenate([frames.runs["day"].to_numpy(), frames.cross["day"].to_numpy()])
        loads = np.concatenate(
            [run_loads(frames.runs)["load"].to_numpy(float), cross_loads(frames.cross)["load"].to_numpy(float)]
        )
        if len(days) == 0:
            frames.cache["per_day"] = (None, np.zeros(0), np.zeros(0))
        else:
            ordinals = days.astype("datetime64[D]").astype(np.int64)
            base = ordinals.min()
            offsets = ordinals - base
            size = int(offsets.max()) + 1
            frames.cache["per_day"] = (
                np.datetime64(int(base), "D"),
                np.bincount(offsets, weights=loads, minlength=size),
                np.bincount(offsets, minlength=size).astype(float),
            )
    return frames.cache["per_day"]


def _window(values: np.ndarray, base, first: pd.Timestamp, last: pd.Timestamp) -> np.ndarray:
    n = (last - first).days + 1
    out = np.zeros(max(n, 0))
    if base is None or n <= 0:
        return out
    start = int((np.datetime64(first.date(), "D") - base).astype(int))
    lo, hi = max(start, 0), min(start + n, len(values))
    if lo < hi:
        out[lo - start : hi - start] = values[lo:hi]
    return out


def load_values(frames: Frames, first: pd.Timestamp, last: pd.Timestamp) -> np.ndarray:
    """Daily load from first to last inclusive as a numpy array (0 on days without sessions)."""
    base, loads, _ = _per_day(frames)
    return _window(loads, base, first, last)


def daily_load(frames: Frames, first: pd.Timestamp, last: pd.Timestamp) -> pd.Series:
    """Sum of session loads per local day, runs and cross-training together; 0 on empty days."""
    return pd.Series(load_values(frames, first, last), index=day_range(first, last))


def ewma(loads: pd.Series, n: int, seed: float) -> pd.Series:
    """EWMA with λ = 2/(N+1) (Williams et al. 2017), starting from `seed` before the first day."""
    lam = 2.0 / (n + 1)
    values = np.empty(len(loads))
    previous = seed
    for i, load in enumerate(loads.to_numpy(dtype=float)):
        previous = lam * load + (1 - lam) * previous
        values[i] = previous
    return pd.Series(values, index=loads.index)


def acwr(frames: Frames, on: pd.Timestamp) -> tuple[float, float, float] | None:
    """(acute, chronic, ratio) on `on`, or None without 28 days with a session in each of the 4 weeks.

    The daily-load series starts at the later of the first logged session and `on` − 83 days; both
    averages are seeded with the mean of the series' first 7 days.
    """
    if frames.first_day is None or frames.first_day > on - pd.Timedelta(days=27):
        return None
    has_session = _session_days(frames, on - pd.Timedelta(days=27), on)
    for week in range(4):
        block = has_session[week * 7 : week * 7 + 7]
        if not block.any():
            return None
    start = max(frames.first_day, on - pd.Timedelta(days=ACWR_SERIES_DAYS - 1))
    loads = daily_load(frames, start, on)
    seed = float(loads.iloc[:7].mean())
    acute = float(ewma(loads, ACUTE_N, seed).iloc[-1])
    chronic = float(ewma(loads, CHRONIC_N, seed).iloc[-1])
    if chronic <= 0:
        return None
    return acute, chronic, acute / chronic


def _session_days(frames: Frames, first: pd.Timestamp, last: pd.Timestamp) -> np.ndarray:
    base, _, counts = _per_day(frames)
    return _window(counts, base, first, last) > 0


def monotony_strain(loads7) -> tuple[float, float]:
    """Foster's monotony (mean ÷ population SD, 10 when SD is 0) and strain (weekly load × monotony).

    A week without any load has monotony 0: nothing was done, so nothing was monotonous.
    """
    values = np.asarray(loads7, dtype=float)
    total = float(values.sum())
    if total == 0:
        return 0.0, 0.0
    sd = float(values.std())
    mono = 10.0 if sd < 1e-9 else float(values.mean()) / sd
    return mono, total * mono


def run_days(runs: pd.DataFrame) -> set[pd.Timestamp]:
    return set(runs["day"])


def streak(runs: pd.DataFrame, on: pd.Timestamp) -> int:
    """Consecutive days with a run, ending on `on` (0 if no run that day)."""
    days = run_days(runs)
    count = 0
    current = on
    while current in days:
        count += 1
        current -= pd.Timedelta(days=1)
    return count


def running_km(runs: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> float:
    return float(between(runs, first, last)["distance_m"].sum()) / 1000.0


CADENCE_DAYS = 30  # step rate: the median over the runs of the last 30 days that carry one
CADENCE_MIN_RUNS = 3


def cadence_spm(runs: pd.DataFrame, on: pd.Timestamp) -> tuple[float, int] | None:
    """(median step rate rounded to one decimal, runs it is taken over), or None with fewer than 3 such runs.

    The ordinary median: the mean of the two middle values for an even count.
    """
    rates = between(runs, on - pd.Timedelta(days=CADENCE_DAYS - 1), on)["cadence_spm"].dropna().to_numpy(float)
    if len(rates) < CADENCE_MIN_RUNS:
        return None
    return round_half_up(float(np.median(rates)), 1), len(rates)


def round_half_up(value: float, places: int) -> float:
    """Rounded as by hand (165.25 → 165.3), on the number's shortest decimal form, not its binary one."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
