"""What a file recorded for one run or session: its samples and original file in storage, laps, device."""

from __future__ import annotations

import secrets
from functools import cached_property

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver

from runlog.activity.efforts import Effort
from runlog.activity.samples import Lap, Samples, decode

ORIGINAL_NAME_LENGTH = 255


def recording_path(user_id: int, kind: str) -> str:
    """Stored under the runner's id with a random name: the runner's file name is only a label."""
    return f"activities/{user_id}/{secrets.token_hex(16)}.{kind}"


def samples_path(instance: Recording, filename: str) -> str:
    return recording_path(instance.user_id, "samples")


def original_path(instance: Recording, filename: str) -> str:
    return recording_path(instance.user_id, "original")


class Recording(models.Model):
    """One activity as its file recorded it. The samples and the original live in storage (STORAGES
    "default", private like the uploads), so list pages and the dashboard never read them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recordings")
    run = models.OneToOneField("runlog.Run", null=True, blank=True, on_delete=models.CASCADE, related_name="recording")
    cross_training = models.OneToOneField(
        "runlog.CrossTraining", null=True, blank=True, on_delete=models.CASCADE, related_name="recording"
    )
    samples_file = models.FileField(upload_to=samples_path, max_length=200, blank=True)
    sample_count = models.PositiveIntegerField(default=0)
    original = models.FileField(upload_to=original_path, max_length=200, blank=True)
    original_name = models.CharField(max_length=ORIGINAL_NAME_LENGTH, blank=True)
    device = models.CharField(max_length=80, blank=True)
    laps = models.JSONField(default=list, blank=True)  # [Lap.as_dict()]
    moving_s = models.FloatField(null=True, blank=True)  # from the samples (the run's duration is the device's)
    elevation_loss_m = models.FloatField(null=True, blank=True)
    # Best efforts found in the samples, kept so the records page reads no samples: [Effort.as_dict()].
    efforts = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(run__isnull=False, cross_training__isnull=True)
                | Q(run__isnull=True, cross_training__isnull=False),
                name="recording_of_one_activity",
            )
        ]

    def __str__(self) -> str:
        return f"Recording of {self.run or self.cross_training}"

    @cached_property
    def samples(self) -> Samples | None:
        """The samples read back from storage (once per object)."""
        if not self.samples_file.name:
            return None
        with self.samples_file.open("rb") as stored:
            return decode(stored.read())

    def lap_list(self) -> list[Lap]:
        return [Lap.from_dict(lap) for lap in self.laps]

    def effort_list(self) -> list[Effort]:
        return [Effort(e["distance_m"], e["duration_s"], e["start_s"], e["start_distance_m"]) for e in self.efforts]


@receiver(post_delete, sender=Recording)
def delete_stored_files(sender, instance: Recording, **kwargs) -> None:
    """A deleted recording (its run, its runner) takes its files along, once the deletion is committed."""
    for stored in (instance.samples_file, instance.original):
        if stored.name:
            storage, name = stored.storage, stored.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
