"""Keeping what a file recorded when its activity is imported: samples and original to storage, a row each.

The files are written inside the import's transaction, just before the rows; if the transaction fails
the caller deletes what was written (`discard`), so neither rows without files nor files without rows
stay behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from runlog.activity import series
from runlog.activity.efforts import best_efforts
from runlog.activity.models import ORIGINAL_NAME_LENGTH, Recording
from runlog.activity.samples import Lap, Samples, encode


@dataclass
class Recorded:
    """What a parser read beside the summary, for one activity."""

    samples: Samples | None = None
    laps: list[Lap] = field(default_factory=list)
    device: str = ""
    original: bytes | None = None
    original_name: str = ""

    def __bool__(self) -> bool:
        return self.samples is not None or self.original is not None or bool(self.laps) or bool(self.device)


def summary_of(samples: Samples | None, is_run: bool) -> dict:
    """The figures kept on the row, so that pages listing runs never read samples."""
    if samples is None:
        return {"sample_count": 0, "moving_s": None, "elevation_loss_m": None, "efforts": []}
    climb = series.gain_and_loss(samples.elevation_m)
    return {
        "sample_count": len(samples),
        "moving_s": series.moving_time(samples),
        "elevation_loss_m": round(climb[1], 1) if climb else None,
        "efforts": [effort.as_dict() for effort in best_efforts(samples)] if is_run else [],
    }


class RecordingWriter:
    """Writes recordings for one import transaction and remembers the stored names until it commits."""

    def __init__(self):
        self.written: list[str] = []

    def build(self, user_id: int, recorded: Recorded, is_run: bool, loss_m: float | None = None) -> Recording:
        recording = Recording(
            user_id=user_id,
            device=recorded.device[:80],
            laps=[lap.as_dict() for lap in recorded.laps],
            original_name=recorded.original_name[-ORIGINAL_NAME_LENGTH:],
            **summary_of(recorded.samples, is_run),
        )
        if loss_m is not None:
            recording.elevation_loss_m = loss_m  # the device's own figure wins over the samples'
        if recorded.samples is not None:
            recording.samples_file.save("samples", ContentFile(encode(recorded.samples)), save=False)
            self.written.append(recording.samples_file.name)
        if recorded.original is not None:
            recording.original.save("original", ContentFile(recorded.original), save=False)
            self.written.append(recording.original.name)
        return recording

    def discard(self) -> None:
        """The transaction failed: remove every file this writer stored."""
        for name in self.written:
            default_storage.delete(name)
        self.written = []
