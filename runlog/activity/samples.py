"""An activity's samples as per-channel arrays, the device's laps, and the samples' compact on-disk form.

A sample is one moment of the recording. Each channel is a float array as long as the time axis, NaN
where the file had no value at that sample; a channel the file never carries is None.

On disk (`encode` / `decode`), format version 1:

    offset  bytes  content
    0       4      magic b"RLSM"
    4       1      format version (1)
    5       …      zlib stream of the body

    body:   varint n (samples), varint channel count, then per channel:
            varint  channel number (its index in CHANNELS)
            varint  scale: the stored integer is round(value × scale)
            byte    flags: bit 0 = some samples have no value (a presence bitmap follows),
                           bit 1 = second-order deltas (differences of differences),
                           bits 2–3 = width w of each delta: 0, 1, 2, 3 for 1, 2, 4, 8 bytes
            varint  m, the number of samples with a value
            [ceil(n / 8) bytes: presence bitmap, least significant bit first, when flag bit 0]
            svarint the first value (× scale); svarint the first difference too, when second-order
            the remaining deltas (m − 1, or m − 2 when second-order), zigzag-encoded unsigned integers
            of w bytes little-endian, stored as w byte planes (every delta's lowest byte, then every
            delta's next byte, …)

A varint is LEB128 (7 bits a byte, least significant first, high bit = more follows); an svarint is a
zigzag-encoded varint (0, −1, 1, −2, … → 0, 1, 2, 3, …). Byte planes put the mostly-zero high bytes of
small deltas side by side, where zlib squeezes them to almost nothing: a 1 Hz run costs about 8 to 10
bytes a sample.
"""

from __future__ import annotations

import math
import zlib
from array import array
from dataclasses import dataclass, field

import numpy as np

MAGIC = b"RLSM"
FORMAT_VERSION = 1
# Channel name (the API's vocabulary) → scale of its stored integers, i.e. its resolution's inverse.
CHANNELS: dict[str, int] = {
    "t_s": 1000,  # seconds since the activity's start, to the millisecond
    "distance_m": 100,  # centimetres
    "lat": 10_000_000,  # 1e-7 degree, about 1 cm
    "lon": 10_000_000,
    "elevation_m": 100,  # centimetres
    "hr": 1,  # beats per minute
    "cadence_spm": 64,  # steps per minute; FIT's fractional cadence is 1/128 stride = 1/64 step
    "speed_m_s": 1000,  # millimetres per second
    "power_w": 1,  # watts
}
CHANNEL_NAMES = tuple(CHANNELS)
# Decompressed bodies larger than this are not samples Runlog wrote (a 25 MB FIT holds ~1.3 M records).
MAX_BODY_BYTES = 256 * 1024 * 1024
_WIDTHS = (1, 2, 4, 8)


class SamplesCorrupt(ValueError):
    """Stored samples that cannot be read back (a damaged or foreign file)."""


@dataclass
class Lap:
    """One lap as the device recorded it. Times in seconds (the start counted from the activity's start)."""

    start_s: float
    distance_m: float | None = None
    duration_s: float | None = None  # timer time of the lap
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence_spm: float | None = None  # steps per minute; running laps only

    def as_dict(self) -> dict[str, float | None]:
        return {
            "start_s": self.start_s,
            "distance_m": self.distance_m,
            "duration_s": self.duration_s,
            "avg_hr": self.avg_hr,
            "max_hr": self.max_hr,
            "avg_cadence_spm": self.avg_cadence_spm,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Lap:
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


@dataclass
class Samples:
    """Per-channel arrays of one activity; `t_s` is always there, other channels are None when absent."""

    t_s: np.ndarray
    distance_m: np.ndarray | None = None
    lat: np.ndarray | None = None
    lon: np.ndarray | None = None
    elevation_m: np.ndarray | None = None
    hr: np.ndarray | None = None
    cadence_spm: np.ndarray | None = None
    speed_m_s: np.ndarray | None = None
    power_w: np.ndarray | None = None

    def __post_init__(self):
        self.t_s = np.asarray(self.t_s, dtype=np.float64)
        for name in CHANNEL_NAMES[1:]:
            values = getattr(self, name)
            if values is None:
                continue
            values = np.asarray(values, dtype=np.float64)
            if values.shape != self.t_s.shape:
                raise ValueError(f"channel {name} has {values.size} samples, the time axis {self.t_s.size}")
            setattr(self, name, values)

    def __len__(self) -> int:
        return int(self.t_s.size)

    def quantize(self) -> Samples:
        """Round every channel to its stored resolution in place (so what is computed is what is kept)."""
        for name, values in self.present().items():
            if values.flags.writeable:
                # In place: a long recording is not copied once more (rounding as `quantized`).
                np.multiply(values, CHANNELS[name], out=values)
                np.rint(values, out=values)
                np.divide(values, CHANNELS[name], out=values)
            else:
                setattr(self, name, quantized(values, CHANNELS[name]))
        return self

    def channel(self, name: str) -> np.ndarray | None:
        return getattr(self, name)

    def present(self) -> dict[str, np.ndarray]:
        """The channels the activity carries, by name."""
        return {name: values for name in CHANNEL_NAMES if (values := getattr(self, name)) is not None}

    def as_columns(self) -> dict[str, list[float | None] | None]:
        """The API's columnar form: a list per channel (null where a sample has no value), null channels."""
        columns: dict[str, list[float | None] | None] = {}
        for name in CHANNEL_NAMES:
            values = getattr(self, name)
            columns[name] = None if values is None else [None if math.isnan(v) else v for v in values.tolist()]
        return columns

    def equals(self, other: Samples) -> bool:
        """The same channels with the same values, NaN matching NaN."""
        for name in CHANNEL_NAMES:
            mine, theirs = getattr(self, name), getattr(other, name)
            if (mine is None) != (theirs is None):
                return False
            if mine is not None and not np.array_equal(mine, theirs, equal_nan=True):
                return False
        return True


@dataclass
class SampleRecorder:
    """Collects samples one at a time while a parser streams through a file (8 bytes a value, no objects)."""

    count: int = 0
    _columns: dict[str, array] = field(default_factory=dict)

    def add(self, t_s: float, **values: float | None) -> None:
        columns = self._columns
        if not columns:
            columns["t_s"] = array("d")
        columns["t_s"].append(t_s)
        for name, value in values.items():
            if value is None:
                continue
            column = columns.get(name)
            if column is None:
                if name not in CHANNELS:
                    raise KeyError(name)
                column = columns[name] = array("d", [math.nan]) * self.count
            column.append(value)
        self.count += 1
        # Channels this sample had no value for are padded with NaN to keep every column aligned.
        for column in columns.values():
            if len(column) < self.count:
                column.append(math.nan)

    def samples(self) -> Samples | None:
        """The samples collected, or None when there are none; a channel that never had a value is None.
        Called once: the recorder hands its memory over and starts empty again."""
        if not self.count:
            return None
        # The arrays share the recorder's memory (no copy of a long recording); the recorder is spent.
        arrays = {name: np.frombuffer(column, dtype=np.float64) for name, column in self._columns.items()}
        self._columns, self.count = {}, 0
        return Samples(**{name: values for name, values in arrays.items() if not np.isnan(values).all()})


def quantized(values: np.ndarray, scale: int) -> np.ndarray:
    """The values as they are stored (rounded to the channel's resolution)."""
    return np.rint(values * scale) / scale


def _zigzag(deltas: np.ndarray) -> np.ndarray:
    return ((deltas << 1) ^ (deltas >> 63)).astype(np.uint64)


def _unzigzag(encoded: np.ndarray) -> np.ndarray:
    return (encoded >> np.uint64(1)).astype(np.int64) ^ -((encoded & np.uint64(1)).astype(np.int64))


def _width(encoded: np.ndarray) -> int:
    largest = int(encoded.max()) if encoded.size else 0
    return next(width for width in _WIDTHS if largest < 1 << (8 * width))


def _planes(encoded: np.ndarray, width: int) -> bytes:
    as_bytes = encoded.astype(f"<u{width}").view(np.uint8).reshape(-1, width)
    return as_bytes.T.tobytes()


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _svarint(value: int) -> bytes:
    return _varint(value * 2 if value >= 0 else -value * 2 - 1)


def _channel_block(number: int, values: np.ndarray, scale: int) -> bytes:
    present = ~np.isnan(values)
    has_gaps = not present.all()
    integers = np.rint(values[present] * scale).astype(np.int64)
    first = np.diff(integers)
    second = np.diff(first)
    # Smooth series (time, distance, position) shrink with second-order deltas; noisy ones do not.
    use_second = second.size > 0 and int(np.abs(second).sum()) < int(np.abs(first).sum())
    deltas = second if use_second else first
    encoded = _zigzag(deltas)
    width = _width(encoded)
    flags = (1 if has_gaps else 0) | (2 if use_second else 0) | (_WIDTHS.index(width) << 2)
    parts = [_varint(number), _varint(scale), bytes([flags]), _varint(int(integers.size))]
    if has_gaps:
        parts.append(np.packbits(present, bitorder="little").tobytes())
    if integers.size:
        parts.append(_svarint(int(integers[0])))
        if use_second:
            parts.append(_svarint(int(first[0])))
    parts.append(_planes(encoded, width))
    return b"".join(parts)


def encode(samples: Samples) -> bytes:
    """The samples in the on-disk format described at the top of this module."""
    channels = samples.present()
    body = [_varint(len(samples)), _varint(len(channels))]
    for name, values in channels.items():
        if not np.isfinite(values[~np.isnan(values)]).all():
            raise ValueError(f"channel {name} holds an infinite value")
        body.append(_channel_block(CHANNEL_NAMES.index(name), values, CHANNELS[name]))
    return MAGIC + bytes([FORMAT_VERSION]) + zlib.compress(b"".join(body), 9)


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, size: int) -> bytes:
        if size < 0 or self.at + size > len(self.data):
            raise SamplesCorrupt("the stored samples end too early")
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def varint(self) -> int:
        value = shift = 0
        while True:
            (byte,) = self.take(1)
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            if shift > 63:
                raise SamplesCorrupt("the stored samples hold a number too long")

    def svarint(self) -> int:
        value = self.varint()
        return value >> 1 if not value & 1 else -((value + 1) >> 1)


def _inflate(data: bytes) -> bytes:
    if data[:4] != MAGIC:
        raise SamplesCorrupt("not a Runlog samples file")
    if len(data) < 5 or data[4] != FORMAT_VERSION:
        raise SamplesCorrupt(f"samples format version {data[4] if len(data) > 4 else '?'} is not known")
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(data[5:], MAX_BODY_BYTES)
    except zlib.error:
        raise SamplesCorrupt("the stored samples are damaged (not a zlib stream)") from None
    if inflater.unconsumed_tail:
        raise SamplesCorrupt("the stored samples are larger than any activity")
    if not inflater.eof:
        raise SamplesCorrupt("the stored samples end too early")
    return body


def decode(data: bytes) -> Samples:
    """Samples read back from `encode`'s bytes; SamplesCorrupt when they are not such bytes."""
    reader = _Reader(_inflate(data))
    count, channel_count = reader.varint(), reader.varint()
    channels: dict[str, np.ndarray] = {}
    for _ in range(channel_count):
        number, scale = reader.varint(), reader.varint()
        (flags,) = reader.take(1)
        stored = reader.varint()
        if number >= len(CHANNEL_NAMES) or not scale or stored > count or flags >> 4:
            raise SamplesCorrupt("the stored samples have an unknown channel layout")
        width = _WIDTHS[(flags >> 2) & 3]
        if flags & 1:
            bitmap = np.frombuffer(reader.take((count + 7) // 8), dtype=np.uint8)
            present = np.unpackbits(bitmap, count=count, bitorder="little").astype(bool)
        elif stored == count:
            present = np.ones(count, dtype=bool)
        else:
            raise SamplesCorrupt("the stored samples' count does not match")
        if int(present.sum()) != stored:
            raise SamplesCorrupt("the stored samples' presence map does not match their count")
        integers = np.zeros(0, dtype=np.int64)
        if stored:
            first_value = reader.svarint()
            second_order = bool(flags & 2)
            if second_order and stored < 3:
                raise SamplesCorrupt("the stored samples have an unknown channel layout")
            first_delta = reader.svarint() if second_order else 0
            delta_count = stored - 2 if second_order else stored - 1
            planes = np.frombuffer(reader.take(delta_count * width), dtype=np.uint8)
            encoded = planes.reshape(width, -1).T.copy().view(f"<u{width}").reshape(-1).astype(np.uint64)
            deltas = _unzigzag(encoded)
            if second_order:
                differences = np.concatenate(([first_delta], first_delta + np.cumsum(deltas)))
            else:
                differences = deltas
            integers = np.concatenate(([first_value], first_value + np.cumsum(differences)))
        values = np.full(count, np.nan)
        values[present] = integers / scale
        channels[CHANNEL_NAMES[number]] = values
    if reader.at != len(reader.data):
        raise SamplesCorrupt("the stored samples have trailing bytes")
    if "t_s" not in channels:
        raise SamplesCorrupt("the stored samples have no time axis")
    return Samples(**channels)
