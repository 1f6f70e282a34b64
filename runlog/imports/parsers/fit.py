"""FIT activity files (fitdecode) to records, one per session message."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import warnings

import fitdecode
import numpy as np
from django.utils.translation import gettext as _

from runlog.activity.samples import Lap, SampleRecorder, Samples
from runlog.activity.series import step_rate
from runlog.imports.parsers.base import (
    ActivityRecord,
    ImportRejected,
    check_start,
    device_name,
    finite,
    reading,
)

# FIT timestamps below this are seconds since the device powered on, not since the FIT epoch.
FIT_RELATIVE_LIMIT = 0x10000000


SEMICIRCLE_DEGREES = 180 / 2**31  # FIT positions are in semicircles
# Manufacturer's short product names → what is printed on the watch ("fr645m" → "Forerunner 645M").
PRODUCT_FAMILIES = {
    "fr": "Forerunner",
    "fenix": "Fenix",
    "edge": "Edge",
    "vivoactive": "Vivoactive",
    "venu": "Venu",
    "epix": "Epix",
    "enduro": "Enduro",
    "instinct": "Instinct",
}
_PRODUCT = re.compile(r"^([a-z]+?)_?(\d[\w]*)$")


def _values(message) -> dict:
    return {field.name: field.value for field in message.fields if field.value is not None}


def _session_record(message) -> ActivityRecord:
    values = _values(message)

    def measured(name, what):
        return finite(values.get(name), f"the session's {what}")

    start = values.get("start_time")
    if isinstance(start, int | float) or start is None:
        raise ImportRejected(_("FIT file with times relative to the device: its start date is unknown"))
    if not isinstance(start, dt.datetime):
        raise ImportRejected(_("the FIT session's start time is not a time"))
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    start = check_start(start)
    timer = measured("total_timer_time", "timer time")
    elapsed = measured("total_elapsed_time", "elapsed time")
    sport = str(values.get("sport") or "running")
    record = ActivityRecord(
        start=start,
        sport=sport,
        distance_m=measured("total_distance", "distance"),
        duration_s=timer or elapsed,
        elapsed_s=elapsed or timer,
        avg_hr=measured("avg_heart_rate", "average heart rate"),
        max_hr=measured("max_heart_rate", "maximum heart rate"),
        elevation_gain_m=measured("total_ascent", "ascent"),
        elevation_loss_m=measured("total_descent", "descent"),
    )
    if record.is_run:
        record.avg_cadence_spm = _steps(values, "the session's")
    return record


def _steps(values: dict, whose: str | None) -> float | None:
    """Running cadence is per foot (strides/min), its fraction in a separate field: steps = 2 × both. The
    session's figures must be numbers (`whose` names them in the rejection); a lap's odd value is dropped."""
    whole, fraction = values.get("avg_running_cadence"), values.get("avg_fractional_cadence")
    if whose is None:
        strides, part = reading(whole), reading(fraction)
    else:
        strides = finite(whole, f"{whose} average cadence")
        part = finite(fraction, f"{whose} average cadence fraction")
    if not strides:
        return None
    return round(2 * (strides + (part or 0.0)), 1)


def _time(value) -> dt.datetime | None:
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _lap(values: dict, start: dt.datetime, running: bool) -> Lap | None:
    lap_start = _time(values.get("start_time"))
    if lap_start is None:
        return None
    return Lap(
        start_s=(lap_start - start).total_seconds(),
        distance_m=reading(values.get("total_distance")),
        duration_s=reading(values.get("total_timer_time")),
        avg_hr=reading(values.get("avg_heart_rate")),
        max_hr=reading(values.get("max_heart_rate")),
        avg_cadence_spm=_steps(values, None) if running else None,
    )


def _add_sample(recorder: SampleRecorder, values: dict) -> None:
    when = _time(values.get("timestamp"))
    if when is None:
        return  # a record with a device-relative time cannot be placed in the activity
    lat, lon = values.get("position_lat"), values.get("position_long")
    if isinstance(lat, int) and isinstance(lon, int):
        lat, lon = lat * SEMICIRCLE_DEGREES, lon * SEMICIRCLE_DEGREES
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None
    else:
        lat = lon = None
    cadence = reading(values.get("cadence"))
    if cadence is not None:
        cadence += reading(values.get("fractional_cadence")) or 0.0
    altitude = values.get("enhanced_altitude", values.get("altitude"))
    speed = values.get("enhanced_speed", values.get("speed"))
    recorder.add(
        when.timestamp(),
        distance_m=reading(values.get("distance")),
        lat=lat,
        lon=lon,
        elevation_m=reading(altitude),
        hr=reading(values.get("heart_rate")),
        cadence_spm=cadence,
        speed_m_s=reading(speed),
        power_w=reading(values.get("power")),
    )


def _product(values: dict) -> str:
    product = values.get("garmin_product", values.get("product"))
    if not isinstance(product, str):
        return ""
    match = _PRODUCT.match(product)
    if match and match.group(1) in PRODUCT_FAMILIES:
        return f"{PRODUCT_FAMILIES[match.group(1)]} {match.group(2).upper()}"
    return product.replace("_", " ").title() if product.islower() else product


def _device(file_id: dict, creators: list[dict]) -> str:
    """ "Garmin Forerunner 110", "Strava (Motorola Moto X4)": the maker and model the file names."""
    maker = file_id.get("manufacturer")
    maker = maker.replace("_", " ").title() if isinstance(maker, str) else ""
    model = _product(file_id) or next((_product(info) for info in creators if _product(info)), "")
    phone = next(
        (
            f"{info.get('device_manufacturer', '')} {info.get('device_model', '')}"
            for info in creators
            if info.get("device_model")
        ),
        "",
    )
    name = " ".join(part for part in (maker, model) if part)
    if phone.strip():
        name = f"{name} ({phone.strip()})" if name else phone.strip()
    return device_name(name)


def _session_samples(samples: Samples | None, start: dt.datetime, end: float | None, running: bool) -> Samples | None:
    """The samples of one session (between its start and `end`, POSIX seconds), times from its start."""
    if samples is None:
        return None
    begin = start.timestamp()
    times = samples.t_s
    if np.all(times[1:] >= times[:-1]):
        # Records in time order (as devices write them): the session's are one slice, a view, not a copy.
        first = int(np.searchsorted(times, begin, side="left"))
        last = int(np.searchsorted(times, end, side="left")) if end is not None else times.size
        inside = slice(first, last)
        if first >= last:
            return None
    else:
        inside = (times >= begin) & ((times < end) if end is not None else True)
        if not inside.any():
            return None
    channels = {name: values[inside] for name, values in samples.present().items()}
    channels["t_s"] -= begin  # in place: each session's slice is its own part of the recording
    cadence = channels.pop("cadence_spm", None)
    # A ride's pedalling cadence is never a step rate; a run's is per foot, so steps are twice it.
    if running and cadence is not None and not np.isnan(cadence).all():
        cadence *= 2
        channels["cadence_spm"] = cadence
    return Samples(**channels).quantize()


def parse_fit(data: bytes) -> list[ActivityRecord]:
    if len(data) < 12 or data[8:12] != b".FIT":
        raise ImportRejected(_("not a FIT file"))
    sessions, laps, creators = [], [], []
    file_id: dict = {}
    recorder = SampleRecorder()
    damaged_at = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # fitdecode warns about every unknown developer field
            with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    name = frame.name
                    if name == "record":
                        _add_sample(recorder, _values(frame))
                    elif name == "session":
                        sessions.append(frame)
                    elif name == "lap":
                        laps.append(_values(frame))
                    elif name == "file_id" and not file_id:
                        file_id = _values(frame)
                    elif name == "device_info":
                        info = _values(frame)
                        if info.get("device_index") in ("creator", 0, None):
                            creators.append(info)
    except fitdecode.FitCRCError:
        raise ImportRejected(_("corrupt file: the FIT checksum does not match")) from None
    except fitdecode.FitEOFError:
        raise ImportRejected(_("file is truncated: it ends in the middle of a record")) from None
    except fitdecode.FitHeaderError:
        raise ImportRejected(_("not a FIT file (bad header)")) from None
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
        raise ImportRejected(_("not a readable FIT file (%(error)s)") % {"error": type(exc).__name__}) from None
    if not sessions:
        if damaged_at:
            raise ImportRejected(_("damaged FIT file: no activity summary could be read"))
        raise ImportRejected(_("the FIT file holds no activity (no session message)"))
    records = sorted((_session_record(message) for message in sessions), key=lambda record: record.start)
    device = _device(file_id, creators)
    for record in records:
        record.device = device
    if damaged_at:
        for record in records:
            record.remarks.append(_("the file is damaged; imported from its activity summary (no heart rate or climb)"))
        return records
    _attach_samples_and_laps(records, recorder.samples(), laps)
    return records


def _attach_samples_and_laps(records: list[ActivityRecord], samples: Samples | None, laps: list[dict]) -> None:
    """Each session takes the records and laps from its start to the next session's start."""
    for i, record in enumerate(records):
        following = records[i + 1].start.timestamp() if i + 1 < len(records) else None
        running = record.is_run
        record.samples = _session_samples(samples, record.start, following, running)
        begin = record.start.timestamp()
        for values in laps:
            lap_start = _time(values.get("start_time"))
            if lap_start is None or lap_start.timestamp() < begin or (following and lap_start.timestamp() >= following):
                continue
            lap = _lap(values, record.start, running)
            if lap is not None:
                record.laps.append(lap)
        record.laps.sort(key=lambda lap: lap.start_s)
        if running and record.avg_cadence_spm is None:
            record.avg_cadence_spm = _fallback_step_rate(record)


def _fallback_step_rate(record: ActivityRecord) -> float | None:
    """No session average: the laps' averages weighted by lap time, else the samples while moving."""
    timed = [(lap.avg_cadence_spm, lap.duration_s) for lap in record.laps if lap.avg_cadence_spm and lap.duration_s]
    if timed:
        return round(sum(rate * seconds for rate, seconds in timed) / sum(seconds for _, seconds in timed), 1)
    if record.samples is not None:
        rate = step_rate(record.samples)
        return round(rate, 1) if rate else None
    return None
