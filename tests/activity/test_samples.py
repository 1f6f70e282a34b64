"""The samples' arrays and their on-disk format: exact round trips, the documented bytes, damaged files."""

import math
import zlib

import numpy as np
import pytest

from runlog.activity.samples import (
    CHANNEL_NAMES,
    FORMAT_VERSION,
    MAGIC,
    Lap,
    SampleRecorder,
    Samples,
    SamplesCorrupt,
    decode,
    encode,
)


def body(blob: bytes) -> bytes:
    assert blob[:5] == MAGIC + bytes([FORMAT_VERSION])
    return zlib.decompress(blob[5:])


def test_a_time_axis_alone_is_stored_as_the_documented_bytes():
    samples = Samples(t_s=[0.0, 1.0, 2.0])

    # n=3, 1 channel; channel 0 (t_s), scale 1000 (varint e8 07), flags 0b0010 (second-order deltas,
    # 1-byte width), 3 values; first value 0, first difference 1000 ms (zigzag 2000 = varint d0 0f),
    # then the one second-order delta, 0.
    assert body(encode(samples)) == bytes([3, 1, 0, 0xE8, 0x07, 0x02, 3, 0, 0xD0, 0x0F, 0])


def test_a_channel_with_gaps_carries_a_presence_bitmap():
    samples = Samples(t_s=[0, 1, 2, 3], hr=[150, math.nan, math.nan, 152])

    hr_block = body(encode(samples))[12:]  # after the head (2 bytes) and the time axis (10)

    # channel 5 (hr), scale 1, flags 0b0001 (gaps, first-order, 1 byte), 2 values, bitmap 0b1001,
    # first value 150 (zigzag 300 = varint ac 02), one delta +2 (zigzag 4).
    assert hr_block == bytes([5, 1, 0x01, 2, 0b1001, 0xAC, 0x02, 4])


def test_every_channel_round_trips_exactly_once_quantized():
    rng = np.random.default_rng(7)
    n = 5000
    t = np.cumsum(rng.uniform(0.5, 1.5, n))
    distance = np.cumsum(rng.uniform(0, 4, n))
    hr = rng.integers(90, 190, n).astype(float)
    hr[rng.random(n) < 0.1] = np.nan
    samples = Samples(
        t_s=t,
        distance_m=distance,
        lat=47.3 + np.cumsum(rng.normal(0, 1e-5, n)),
        lon=-122.2 + np.cumsum(rng.normal(0, 1e-5, n)),
        elevation_m=np.cumsum(rng.normal(0, 0.3, n)) - 30,
        hr=hr,
        cadence_spm=rng.integers(140 * 64, 190 * 64, n) / 64,
        speed_m_s=rng.uniform(0, 6, n),
        power_w=rng.integers(0, 400, n).astype(float),
    ).quantize()

    decoded = decode(encode(samples))

    assert decoded.equals(samples)
    assert np.isnan(decoded.hr).sum() == np.isnan(hr).sum()
    assert encode(decoded) == encode(samples)


def test_quantizing_keeps_each_value_within_half_its_resolution():
    samples = Samples(t_s=[0.0004, 1.2346], lat=[47.123456789, 47.1234567], distance_m=[0.004, 3.14159])

    stored = decode(encode(samples))

    assert stored.t_s.tolist() == [0.0, 1.235]
    assert stored.lat.tolist() == pytest.approx([47.1234568, 47.1234567], abs=1e-12)
    assert stored.distance_m.tolist() == [0.0, 3.14]


def test_absent_channels_stay_absent_and_a_single_sample_is_kept():
    samples = Samples(t_s=[12.5], hr=[140])

    decoded = decode(encode(samples))

    assert decoded.t_s.tolist() == [12.5] and decoded.hr.tolist() == [140]
    assert [name for name in CHANNEL_NAMES if decoded.channel(name) is None] == [
        "distance_m",
        "lat",
        "lon",
        "elevation_m",
        "cadence_spm",
        "speed_m_s",
        "power_w",
    ]


def test_the_columns_use_the_apis_names_with_null_for_gaps_and_absent_channels():
    columns = Samples(t_s=[0, 1], hr=[150, math.nan]).as_columns()

    assert columns["t_s"] == [0.0, 1.0]
    assert columns["hr"] == [150.0, None]
    assert columns["cadence_spm"] is None and columns["power_w"] is None


def test_a_channel_of_another_length_than_the_time_axis_is_refused():
    with pytest.raises(ValueError, match="hr has 1 samples"):
        Samples(t_s=[0, 1], hr=[150])


def test_the_recorder_pads_channels_that_start_late_or_pause():
    recorder = SampleRecorder()
    recorder.add(0, distance_m=0.0)
    recorder.add(1, distance_m=3.0, hr=140)
    recorder.add(2, distance_m=6.0, cadence_spm=None)

    samples = recorder.samples()

    assert samples.hr.tolist()[1] == 140 and np.isnan(samples.hr[[0, 2]]).all()
    assert samples.distance_m.tolist() == [0.0, 3.0, 6.0]
    assert samples.cadence_spm is None  # never had a value


def test_an_empty_recorder_has_no_samples():
    assert SampleRecorder().samples() is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a Runlog samples file"),
        (b"PK\x03\x04garbage", "not a Runlog samples file"),
        (MAGIC + b"\x09" + zlib.compress(b"\x00\x00"), "version 9 is not known"),
        (MAGIC + b"\x01not zlib", "damaged"),
        (MAGIC + b"\x01" + zlib.compress(bytes([3, 1, 0, 0xE8, 0x07, 0x02, 3, 0, 0xD0]))[:-4], "end too early"),
        (MAGIC + b"\x01" + zlib.compress(bytes([3, 1, 0, 0xE8, 0x07, 0x02, 3, 0, 0xD0])), "end too early"),
        (MAGIC + b"\x01" + zlib.compress(bytes([3, 1, 0, 0xE8, 0x07, 0x02, 3, 0, 0xD0, 0x0F, 0, 0])), "trailing"),
        (MAGIC + b"\x01" + zlib.compress(bytes([3, 1, 42, 1, 0, 3])), "unknown channel layout"),
        (MAGIC + b"\x01" + zlib.compress(bytes([2, 1, 5, 1, 0, 2, 1, 1])), "no time axis"),
    ],
)
def test_damaged_or_foreign_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(SamplesCorrupt, match=reason):
        decode(data)


def test_a_lap_round_trips_through_its_dict():
    lap = Lap(start_s=579.0, distance_m=1000.0, duration_s=622.39, avg_hr=157, max_hr=171, avg_cadence_spm=None)

    assert Lap.from_dict(lap.as_dict()) == lap
