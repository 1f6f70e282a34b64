"""FIT activity files (fitdecode) to records, one per session message."""

from __future__ import annotations

import datetime as dt
import io
import struct
import warnings

import fitdecode

from .base import ActivityRecord, ImportRejected

# FIT timestamps below this are seconds since the device powered on, not since the FIT epoch.
FIT_RELATIVE_LIMIT = 0x10000000


def _session_record(message) -> ActivityRecord:
    def value(name):
        return message.get_value(name, fallback=None) if message.has_field(name) else None

    start = value("start_time")
    if isinstance(start, int | float) or start is None:
        raise ImportRejected("FIT file with times relative to the device: its start date is unknown")
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    timer = value("total_timer_time")
    elapsed = value("total_elapsed_time")
    sub_sport = value("sub_sport")
    sport = str(value("sport") or "running")
    if sport == "running" and sub_sport in ("trail", "treadmill", "track", "street"):
        sport = "running"
    return ActivityRecord(
        start=start.astimezone(dt.UTC),
        sport=sport,
        distance_m=value("total_distance"),
        duration_s=timer or elapsed,
        elapsed_s=elapsed or timer,
        avg_hr=value("avg_heart_rate"),
        elevation_gain_m=value("total_ascent"),
    )


def parse_fit(data: bytes) -> list[ActivityRecord]:
    if len(data) < 12 or data[8:12] != b".FIT":
        raise ImportRejected("not a FIT file")
    sessions = []
    damaged_at = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # fitdecode warns about every unknown developer field
            with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
                for frame in reader:
                    if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                        sessions.append(frame)
    except fitdecode.FitCRCError:
        raise ImportRejected("corrupt file: the FIT checksum does not match") from None
    except fitdecode.FitEOFError:
        raise ImportRejected("file is truncated: it ends in the middle of a record") from None
    except fitdecode.FitHeaderError:
        raise ImportRejected("not a FIT file (bad header)") from None
    except fitdecode.FitParseError as exc:
        damaged_at = str(exc)
    except (
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        OverflowError,
        EOFError,
        UnicodeDecodeError,
        struct.error,
    ) as exc:
        raise ImportRejected(f"not a readable FIT file ({type(exc).__name__})") from None
    if not sessions:
        if damaged_at:
            raise ImportRejected("damaged FIT file: no activity summary could be read")
        raise ImportRejected("the FIT file holds no activity (no session message)")
    records = [_session_record(message) for message in sessions]
    if damaged_at:
        for record in records:
            record.remarks.append("the file is damaged; imported from its activity summary (no heart rate or climb)")
    return records
