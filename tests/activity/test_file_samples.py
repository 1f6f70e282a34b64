"""Samples, laps and devices from the real files of ../shared/testdata (PROVENANCE.md), and what is computed
from them: step rate, splits that add up, the bytes a sample costs on disk."""

from pathlib import Path

import numpy as np
import pytest

from runlog.activity import series
from runlog.activity.samples import decode, encode
from runlog.activity.splits import splits
from runlog.imports.files import parse_activity_file
from runlog.imports.parsers.base import reading

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/testdata is not beside the project")
MILE = 1609.344


def parsed(name: str):
    (record,) = parse_activity_file(name, (TESTDATA / name).read_bytes())
    return record


# name, samples (record messages / trackpoints with a time, counted in the files), the device's distance (m),
# elapsed (s), device name
FILES = [
    ("fit/fitparse_2013-02-06-12-11-14.fit", 590, 4835.38, 2625.14, "Garmin Forerunner 110"),
    ("fit/fitparse_garmin-fenix-5-run.fit", 21, 157.56, 56.887, "Garmin Fenix 5"),
    ("fit/runpandas_run.fit", 1202, 5839.77, 3164.6, "Garmin Forerunner 645M"),
    ("fit/fitparse_2015-10-13-08-43-15.fit", 221, 11536.43, 1623.198, "Garmin Edge 200"),
    ("gpx/runpandas_garmin_connect.gpx", 3, None, None, "Garmin Connect"),
    ("gpx/runpandas_strava_export.gpx", 1697, 12600, 5127, "StravaGPX"),
    ("gpx/runpandas_nike_run.gpx", 727, 8260, 3170, "gpx.py"),
    ("tcx/tcxparser_test.tcx", 384, 4686.31, 1992.78, "Forerunner 410"),
    ("tcx/runpandas_run_garmin.tcx", 147, 2153.67, 823, "Garmin Forerunner 620"),
    ("tcx/tcxreader_cross-country-skiing_activity_1.tcx", 486, 5692.01, 2401.26, "vívoactive HR"),
]


@pytest.mark.parametrize(("name", "count", "metres", "elapsed", "device"), FILES)
def test_every_file_with_samples_gives_them_all_with_the_devices_totals(name, count, metres, elapsed, device):
    record = parsed(name)
    samples = record.samples

    assert len(samples) == count
    assert samples.t_s[0] == pytest.approx(0, abs=1)
    assert np.all(np.diff(samples.t_s) >= 0)
    if metres is not None:
        assert np.nanmax(samples.distance_m) == pytest.approx(metres, rel=0.01)
        # The last record can come a moment after the timer stops (runpandas_run.fit: 2.4 s).
        assert samples.t_s[-1] == pytest.approx(elapsed, abs=3)
    assert record.device == device


def test_sparse_heart_rate_and_elevation_keep_their_gaps():
    samples = parsed("gpx/runpandas_nike_run.gpx").samples

    # PROVENANCE.md: elevation on 290 of 727 points, heart rate on 494.
    assert (~np.isnan(samples.elevation_m)).sum() == 290
    assert (~np.isnan(samples.hr)).sum() == 494
    assert samples.cadence_spm is None


def test_fit_positions_are_degrees_and_heart_rate_is_per_sample():
    samples = parsed("fit/fitparse_2013-02-06-12-11-14.fit").samples

    # The session starts at semicircles (684625100, -52850953): 57.3846° N, 4.4298° W.
    assert (samples.lat[0], samples.lon[0]) == pytest.approx((684625100 * 180 / 2**31, -52850953 * 180 / 2**31))
    assert np.nanmean(samples.hr) == pytest.approx(147, abs=3)


# Step rates computed by hand in PROVENANCE.md, and how each file stores it.
@pytest.mark.parametrize(
    ("name", "steps_per_minute"),
    [
        ("fit/runpandas_run.fit", 129.8),
        ("fit/fitparse_garmin-fenix-5-run.fit", 167.3),
        ("tcx/runpandas_run_garmin.tcx", 172.7),
        ("gpx/runpandas_strava_export.gpx", 171.3),
    ],
)
def test_the_runs_step_rate_is_provenances_and_the_samples_agree(name, steps_per_minute):
    record = parsed(name)

    assert record.avg_cadence_spm == pytest.approx(steps_per_minute, abs=1)
    # The samples are steps per minute too (twice the file's per-foot value), not strides.
    assert 100 < np.nanmedian(record.samples.cadence_spm) < 220


def test_the_strava_gpx_step_rate_over_moving_samples_and_over_all_of_them():
    samples = parsed("gpx/runpandas_strava_export.gpx").samples

    # PROVENANCE.md: 171.3 over moving samples, 167.2 over all of them.
    assert series.step_rate(samples) == pytest.approx(171.3, abs=1)
    assert series.step_rate(samples, moving_only=False) == pytest.approx(167.2, abs=1)


@pytest.mark.parametrize(
    "name", ["tcx/tcxreader_cross-country-skiing_activity_1.tcx", "fit/fitparse_2015-10-13-08-43-15.fit"]
)
def test_skiing_and_cycling_cadence_is_never_a_step_rate_sample(name):
    record = parsed(name)

    assert record.samples.cadence_spm is None
    assert all(lap.avg_cadence_spm is None for lap in record.laps)


# The laps' distances and timer times as the files' lap messages hold them.
LAPS = {
    "fit/fitparse_2013-02-06-12-11-14.fit": [
        (1000, 578.73),
        (1000, 622.39),
        (1000, 704.01),
        (1000, 344.15),
        (835.38, 375.86),
    ],
    "fit/runpandas_run.fit": [
        (1000, 465.09),
        (1000, 679.482),
        (1000, 515.21),
        (1000, 396.211),
        (1000, 530.959),
        (839.77, 577.654),
    ],
    "fit/fitparse_garmin-fenix-5-run.fit": [(157.56, 56.887)],
    "fit/fitparse_2015-10-13-08-43-15.fit": [(11536.43, 1558.198)],
    "tcx/tcxparser_test.tcx": [(1609.34399414, 608.47), (1609.34399414, 714.8), (1470.5546875, 669.51)],
    "tcx/runpandas_run_garmin.tcx": [(1000, 390), (1000, 372), (153.67, 54)],
    "tcx/tcxreader_cross-country-skiing_activity_1.tcx": [(5000, 2160.432), (692.01, 240.828)],
}


@pytest.mark.parametrize("name", sorted(LAPS))
def test_the_devices_laps(name):
    laps = parsed(name).laps

    assert [lap.distance_m for lap in laps] == pytest.approx([metres for metres, _ in LAPS[name]])
    assert [lap.duration_s for lap in laps] == pytest.approx([seconds for _, seconds in LAPS[name]])
    assert laps[0].start_s == 0
    assert all(later.start_s > earlier.start_s for earlier, later in zip(laps, laps[1:], strict=False))


def test_laps_carry_heart_rate_and_step_rate_per_lap():
    fit = parsed("fit/runpandas_run.fit").laps
    tcx = parsed("tcx/runpandas_run_garmin.tcx").laps
    heart = parsed("tcx/tcxparser_test.tcx").laps

    # FIT lap 1: avg_running_cadence 68 + avg_fractional_cadence 0.4375 strides/min = 136.875 steps/min.
    assert (fit[0].avg_hr, fit[0].max_hr, fit[0].avg_cadence_spm) == (136, 159, pytest.approx(136.9, abs=0.05))
    # TCX AvgRunCadence 87, 86, 84 per foot.
    assert [lap.avg_cadence_spm for lap in tcx] == [174, 172, 168]
    assert [(lap.avg_hr, lap.max_hr) for lap in heart] == [(139, 189), (172, 188), (167, 180)]
    assert heart[1].start_s == pytest.approx(609, abs=1)  # StartTime 21:40:02 − 21:29:53


def test_gpx_files_have_no_laps():
    assert parsed("gpx/runpandas_strava_export.gpx").laps == []


@pytest.mark.parametrize("name", [name for name, *_ in FILES])
@pytest.mark.parametrize("unit", [1000, MILE])
def test_splits_add_up_to_the_runs_distance(name, unit):
    record = parsed(name)

    result = splits(record.samples, unit_m=unit)

    assert sum(split.distance_m for split in result) == pytest.approx(record.distance_m, abs=0.05)
    assert all(split.distance_m == pytest.approx(unit) for split in result[:-1])


def test_the_damaged_strava_fit_keeps_its_summary_but_no_samples():
    record = parsed("fit/fitparse_strava-android-app-201.10-b1218918.fit")

    assert record.samples is None and record.laps == []
    assert record.device == "Strava (Motorola Moto X4)"


@pytest.mark.parametrize("name", [name for name, *_ in FILES])
def test_samples_round_trip_exactly_and_cost_at_most_16_bytes_each(name):
    samples = parsed(name).samples

    stored = encode(samples)

    assert decode(stored).equals(samples)
    if len(samples) >= 20:
        assert len(stored) / len(samples) <= 16
    else:
        assert len(stored) <= 100  # three points: the format's fixed cost dominates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (150, 150.0),
        (3.25, 3.25),
        ("12.5", 12.5),
        (float("nan"), None),
        (float("inf"), None),
        (10**400, None),
        (2e9, None),
        ("NaN", None),
        ("fast", None),
        (True, None),
        ((1, 2), None),
        (None, None),
    ],
)
def test_one_odd_sample_value_is_dropped_not_the_activity(value, expected):
    assert reading(value) == expected
