"""A FIT activity writer for tests and benchmarks: records at 1 Hz, laps and a session, valid CRCs."""

from __future__ import annotations

import datetime as dt
import math
import struct

from fitdecode.utils import compute_crc

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
SEMICIRCLES = 2**31 / 180
# message number → [(field number, struct format, FIT base type)]
RECORD = (
    20,
    [
        (253, "I", 0x86),
        (0, "i", 0x85),
        (1, "i", 0x85),
        (5, "I", 0x86),
        (2, "H", 0x84),
        (3, "B", 0x02),
        (4, "B", 0x02),
        (6, "H", 0x84),
        (81, "B", 0x02),
    ],
)
LAP = (19, [(253, "I", 0x86), (2, "I", 0x86), (7, "I", 0x86), (8, "I", 0x86), (9, "I", 0x86), (15, "B", 0x02)])
SESSION = (
    18,
    [
        (253, "I", 0x86),
        (2, "I", 0x86),
        (5, "B", 0x00),
        (7, "I", 0x86),
        (8, "I", 0x86),
        (9, "I", 0x86),
        (16, "B", 0x02),
        (17, "B", 0x02),
        (18, "B", 0x02),
    ],
)
FILE_ID = (0, [(0, "B", 0x00), (1, "H", 0x84), (2, "H", 0x84), (4, "I", 0x86)])


def _definition(local: int, message: tuple) -> bytes:
    number, fields = message
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    return head + b"".join(struct.pack("<BBB", n, struct.calcsize(f), base) for n, f, base in fields)


def _data(local: int, message: tuple, values: list[int]) -> bytes:
    return bytes([local]) + b"".join(struct.pack("<" + f, v) for (_, f, _), v in zip(message[1], values, strict=True))


def seconds(when: dt.datetime) -> int:
    return int((when - FIT_EPOCH).total_seconds())


def long_run_fit(start: dt.datetime, hours: float = 4.0, lap_m: float = 1000.0) -> bytes:
    """A run at 1 Hz for `hours` (3 m/s, a gentle loop, rolling hills, heart rate and a step rate of 170–176),
    with a lap every `lap_m`."""
    count = int(hours * 3600)
    body = [_definition(0, FILE_ID), _data(0, FILE_ID, [4, 1, 1623, seconds(start)]), _definition(1, RECORD)]
    laps, lap_start, lap_from = [], 0, 0.0
    t0 = seconds(start)
    for i in range(count):
        metres = 3.0 * i
        angle = metres / 4000
        lat, lon = 47.0 + 0.01 * math.sin(angle), 8.0 + 0.015 * math.cos(angle)
        altitude = 450 + 20 * math.sin(metres / 900)
        strides = 85 + (i % 7) / 2
        body.append(
            _data(
                1,
                RECORD,
                [
                    t0 + i,
                    round(lat * SEMICIRCLES),
                    round(lon * SEMICIRCLES),
                    round(metres * 100),
                    round((altitude + 500) * 5),
                    140 + i % 20,
                    int(strides),
                    3000,
                    round((strides % 1) * 128),
                ],
            )
        )
        if metres - lap_from >= lap_m or i == count - 1:
            laps.append((lap_start, i - lap_start, metres - lap_from))
            lap_start, lap_from = i, metres
    body.append(_definition(2, LAP))
    for begin, length, metres in laps:
        body.append(
            _data(2, LAP, [t0 + begin + length, t0 + begin, length * 1000, length * 1000, round(metres * 100), 150])
        )
    total = 3.0 * (count - 1)
    body.append(_definition(3, SESSION))
    body.append(
        _data(
            3,
            SESSION,
            [t0 + count - 1, t0, 1, (count - 1) * 1000, (count - 1) * 1000, round(total * 100), 149, 159, 86],
        )
    )
    data = b"".join(body)
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(data), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    return header + data + struct.pack("<H", compute_crc(header + data))
