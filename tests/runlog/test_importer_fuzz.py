"""Arbitrary bytes into every parser: a record list or ImportRejected, never another exception."""

import datetime as dt
import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runlog.importers import parse_activity_file
from runlog.importers.account_json import parse as parse_account
from runlog.importers.base import ImportRejected
from runlog.importers.csvfiles import parse_garmin_csv, parse_strava_csv

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def seed(relative: str) -> bytes:
    path = TESTDATA / relative
    return path.read_bytes()[:4000] if path.exists() else b""


def mutated(base: bytes):
    """Real file prefixes with bytes flipped, cut or appended, plus plain random bytes."""
    return st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.integers(0, max(len(base) - 1, 0)), st.binary(min_size=1, max_size=40)).map(
            lambda t: base[: t[0]] + t[1] + base[t[0] + len(t[1]) :]
        ),
        st.integers(0, len(base)).map(lambda n: base[:n]),
    )


def only_rejections(call):
    try:
        call()
    except ImportRejected:
        pass


@pytest.mark.parametrize(
    ("name", "sample"),
    [
        ("x.gpx", "gpx/runpandas_strava_export.gpx"),
        ("x.tcx", "tcx/tcxparser_test.tcx"),
        ("x.fit", "fit/runpandas_run.fit"),
    ],
)
def test_activity_parsers_raise_only_their_own_error(name, sample):
    @FUZZ
    @given(mutated(seed(sample)))
    @example(b"")
    @example(b"<?xml version='1.0'?>")
    def run(data):
        only_rejections(lambda: parse_activity_file(name, data))
        only_rejections(lambda: parse_activity_file(name + ".gz", data))
        only_rejections(lambda: parse_activity_file(name + ".gz", gzip.compress(data)))

    run()


@FUZZ
@given(mutated(seed("csv/strava_activities_sample.csv")))
def test_the_csv_parsers_raise_only_their_own_error(data):
    only_rejections(lambda: parse_strava_csv(data))
    only_rejections(lambda: parse_garmin_csv(data, dt.UTC, "km"))


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
        max_leaves=25,
    )
)
def test_the_account_import_raises_only_its_own_error(value):
    import json

    document = (
        {"format": "runlog.account", "version": 1, "runs": value}
        if not isinstance(value, dict)
        else {"format": "runlog.account", "version": 1, **value}
    )
    only_rejections(lambda: parse_account(json.dumps(document).encode()))
