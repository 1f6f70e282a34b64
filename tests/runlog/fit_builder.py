"""A minimal FIT encoder for tests: one session message with the fields a test chooses (raw values)."""

import datetime as dt
import struct

from fitdecode.utils import compute_crc

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
# session field: (number, struct format, FIT base type)
SESSION_FIELDS = {
    "start_time": (2, "I", 0x86),
    "sport": (5, "B", 0x00),
    "total_elapsed_time": (7, "I", 0x86),  # ms
    "total_timer_time": (8, "I", 0x86),  # ms
    "total_distance": (9, "I", 0x86),  # cm
    "avg_heart_rate": (16, "B", 0x02),
    "max_heart_rate": (17, "B", 0x02),
    "avg_cadence": (18, "B", 0x02),  # strides/min when running
    "total_ascent": (22, "H", 0x84),
    "avg_fractional_cadence": (92, "B", 0x02),  # 1/128
}


def fit_seconds(when: dt.datetime) -> int:
    return int((when - FIT_EPOCH).total_seconds())


def session_fit(**raw: int) -> bytes:
    """A FIT file holding one session message with these raw field values."""
    fields = [(SESSION_FIELDS[name], value) for name, value in raw.items()]
    definition = struct.pack("<BBBHB", 0x40, 0, 0, 18, len(fields)) + b"".join(
        struct.pack("<BBB", number, struct.calcsize(fmt), base) for (number, fmt, base), _ in fields
    )
    data = b"\x00" + b"".join(struct.pack("<" + fmt, value) for (_, fmt, _), value in fields)
    body = definition + data
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(body), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    return header + body + struct.pack("<H", compute_crc(header + body))


def running_session(start: dt.datetime, **overrides: int) -> bytes:
    """A plausible 10 km, 50 min run starting at `start`, with any raw field replaced."""
    raw = {
        "start_time": fit_seconds(start),
        "sport": 1,
        "total_elapsed_time": 3_060_000,
        "total_timer_time": 3_000_000,
        "total_distance": 1_000_000,
        "avg_heart_rate": 150,
        "max_heart_rate": 175,
        "avg_cadence": 85,
        "avg_fractional_cadence": 64,
        "total_ascent": 120,
    }
    raw.update(overrides)
    return session_fit(**raw)
