"""The one-time tokens of create forms, stored with what they created."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FormSubmission(models.Model):
    """The one-time token of a create form, stored with the entry it created in the same transaction: the
    same form posted again (a double tap, a retry after a lost answer) finds it and creates nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()
    model = models.CharField(max_length=100, help_text='The created entry\'s model, as "runlog.run".')
    object_pk = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="one_entry_per_form_token")]

    def __str__(self) -> str:
        return f"{self.model} {self.object_pk} from form {self.token}"
