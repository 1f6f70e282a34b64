"""`frame()`: the fixed columns and dtypes every rule relies on, whatever shape the records come in."""

import datetime as dt
import math

import pandas as pd

from injuries.risk.frames import PAIN_COLUMNS, RUN_COLUMNS, SHOE_COLUMNS, frame

RUN_DTYPES = {
    "day": "datetime64[ns]",
    "distance_m": "float64",
    "duration_s": "float64",
    "kind": "object",
    "rpe": "float64",
    "shoe_id": "float64",
    "warm_up": "bool",
    "run_id": "float64",
    "cadence_spm": "float64",
    "plan_session": "bool",
}


def dtypes(df):
    return {column: str(dtype) for column, dtype in df.dtypes.items()}


def test_empty_frame_has_every_column_with_its_dtype():
    df = frame([], RUN_COLUMNS)
    assert list(df.columns) == RUN_COLUMNS
    assert len(df) == 0
    assert dtypes(df) == RUN_DTYPES


def test_rows_as_the_database_gives_them():
    rows = [
        {
            "day": dt.date(2026, 3, 2),
            "distance_m": 8000,
            "duration_s": 2700,
            "kind": "easy",
            "rpe": None,
            "shoe_id": 4,
            "warm_up": True,
        },
        {
            "day": dt.date(2026, 3, 4),
            "distance_m": 12000.5,
            "duration_s": 4000,
            "kind": "long",
            "rpe": 6,
            "shoe_id": None,
            "warm_up": None,
        },
    ]
    df = frame(rows, RUN_COLUMNS)
    assert dtypes(df) == RUN_DTYPES
    assert list(df["day"]) == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-04")]
    assert list(df["distance_m"]) == [8000.0, 12000.5]
    assert math.isnan(df["rpe"][0]) and df["rpe"][1] == 6.0
    assert df["shoe_id"][0] == 4.0 and math.isnan(df["shoe_id"][1])
    assert list(df["warm_up"]) == [True, False]  # unknown warm-up counts as none
    assert list(df["kind"]) == ["easy", "long"]


def test_other_shapes_are_normalised_to_days_numbers_and_flags():
    rows = [
        {"day": "2026-03-02", "during": "4", "swelling": float("nan"), "location": "inner_knee"},
        {"day": dt.datetime(2026, 3, 3, 18, 45), "during": "n/a", "swelling": 1, "location": None},
        {"day": pd.Timestamp("2026-03-04 06:10"), "after": 2},  # missing keys
    ]
    df = frame(rows, PAIN_COLUMNS)
    assert list(df.columns) == PAIN_COLUMNS
    assert list(df["day"]) == [pd.Timestamp(f"2026-03-0{d}") for d in (2, 3, 4)]  # times dropped
    assert df["during"][0] == 4.0 and math.isnan(df["during"][1]) and math.isnan(df["during"][2])
    assert df["after"][2] == 2.0
    assert list(df["swelling"]) == [False, True, False]
    assert df["location"][0] == "inner_knee" and pd.isna(df["location"][1]) and pd.isna(df["location"][2])
    assert str(df["during"].dtype) == "float64" and str(df["swelling"].dtype) == "bool"
    assert str(df["location"].dtype) == "object"


def test_optional_dates_stay_missing():
    df = frame(
        [{"shoe_id": 1, "name": "Trainers", "retired_on": None, "last_run_day": dt.date(2026, 1, 5)}], SHOE_COLUMNS
    )
    assert pd.isna(df["retired_on"][0])
    assert df["last_run_day"][0] == pd.Timestamp("2026-01-05")
    assert str(df["retired_on"].dtype) == "datetime64[ns]"
