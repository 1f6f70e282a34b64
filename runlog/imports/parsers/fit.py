"""FIT activity files (fitdecode) to records, one per session message."""

from __future__ import annotations

import datetime as dt
import io
import struct
import warnings

import fitdecode

from runlog.imports.parsers.base import ActivityRecord, ImportRejected, check_start, finite

# FIT timestamps below this are seconds since the device powered on, not since the FIT epoch.
FIT_RELATIVE_LIMIT = 0x10000000


def _session_record(message) -> ActivityRecord:
    def value(name):
        return message.get_value(name, fallback=None) if message.has_field(name) else None

    def measured(name, what):
        return finite(value(name), f"the session's {what}")

    start = value("start_time")
    if isinstance(start, int | float) or start is None:
        raise ImportRejected("FIT file with times relative to the device: its start date is unknown")
    if not isinstance(start, dt.datetime):
        raise ImportRejected("the FIT session's start time is not a time")
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    start = check_start(start)
    timer = measured("total_timer_time", "timer time")
    elapsed = measured("total_elapsed_time", "elapsed time")
    sport = str(value("sport") or "running")
    record = ActivityRecord(
        start=start,
        sport=sport,
        distance_m=measured("total_distance", "distance"),
        duration_s=timer or elapsed,
        elapsed_s=elapsed or timer,
        avg_hr=measured("avg_heart_rate", "average heart rate"),
        max_hr=measured("max_heart_rate", "maximum heart rate"),
        elevation_gain_m=measured("total_ascent", "ascent"),
    )
    if record.is_run:
        # Running cadence is per foot (strides/min), with its fraction in a separate field: steps = 2 × both.
        strides = measured("avg_running_cadence", "average cadence")
        if strides:
            fraction = measured("avg_fractional_cadence", "average cadence fraction") or 0.0
            record.avg_cadence_spm = round(2 * (strides + fraction), 1)
    return record


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
