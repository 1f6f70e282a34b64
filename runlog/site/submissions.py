"""One entry per create form, however often it is posted: the form's one-time token is stored with the entry.

Each rendering of a create form carries a fresh UUID (`{% form_token %}`, never part of a cached
fragment). The entry and its token are inserted in one transaction, and (user, token) is unique, so of
two concurrent posts of the same form one commits and the other fails on the token and is answered with
the first one's entry. Tokens are kept for `KEEP` and pruned by `manage.py housekeeping`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from runlog.site.models import FormSubmission

TOKEN_FIELD = "form_token"
KEEP = dt.timedelta(days=1)


def new_token() -> str:
    return str(uuid.uuid4())


def posted_token(request: HttpRequest) -> uuid.UUID | None:
    """The token the form was rendered with; None for a post without one (a script, an old page)."""
    try:
        return uuid.UUID(request.POST.get(TOKEN_FIELD, ""))
    except ValueError:
        return None


def earlier(user, token: uuid.UUID | None) -> FormSubmission | None:
    """The record of an earlier post of this form, if there was one."""
    if token is None:
        return None
    return FormSubmission.objects.filter(user=user, token=token).first()


def entry_of(submission: FormSubmission, queryset: models.QuerySet) -> models.Model | None:
    """The entry an earlier post created, from `queryset` (the runner's own); None if deleted since."""
    if submission.model != queryset.model._meta.label_lower:
        return None
    return queryset.filter(pk=submission.object_pk).first()


def create_once(
    user, token: uuid.UUID | None, save: Callable[[], models.Model], queryset: models.QuerySet
) -> tuple[models.Model | None, bool]:
    """Run `save` and record the token with its entry in one transaction: (the entry, True). When the
    token was used before, nothing of this post is kept: (the earlier entry from `queryset`, False)."""
    try:
        with transaction.atomic():
            obj = save()
            if token is not None:
                FormSubmission.objects.create(user=user, token=token, model=obj._meta.label_lower, object_pk=obj.pk)
    except IntegrityError:
        done = earlier(user, token)
        if done is None:  # another constraint failed, not the token's
            raise
        return entry_of(done, queryset), False
    return obj, True


def prune(now: dt.datetime | None = None) -> int:
    """Forget the tokens older than KEEP; returns how many."""
    cutoff = (now or timezone.now()) - KEEP
    deleted, _ = FormSubmission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
