"""The form a runner fills in to share a period of their log with a clinician."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from runlog.sharing.models import (
    SHARE_DAYS_DEFAULT,
    SHARE_DAYS_MAX,
    SHARE_DAYS_MIN,
    SHARE_WEEKS_DEFAULT,
    SHARE_WEEKS_MAX,
    SHARE_WEEKS_MIN,
)


class ShareForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name shown on the report"),
        max_length=60,
        required=False,
        help_text=_(
            "Your first name, say. Left empty, the report says “Runner”. Nothing else about your account is shown."
        ),
    )
    weeks = forms.IntegerField(
        label=_("Weeks to share"),
        min_value=SHARE_WEEKS_MIN,
        max_value=SHARE_WEEKS_MAX,
        initial=SHARE_WEEKS_DEFAULT,
        help_text=format_lazy(_("The weeks up to today, {min} to {max}."), min=SHARE_WEEKS_MIN, max=SHARE_WEEKS_MAX),
        error_messages={
            "required": _("Say how many weeks to share."),
            "invalid": _("Weeks must be a whole number."),
            "min_value": _("Share at least %(limit_value)s week."),
            "max_value": _("Share at most %(limit_value)s weeks."),
        },
    )
    include_notes = forms.BooleanField(
        label=_("Include my notes on runs and pain reports"),
        required=False,
        initial=False,
    )
    expires_in_days = forms.IntegerField(
        label=_("The link works for (days)"),
        min_value=SHARE_DAYS_MIN,
        max_value=SHARE_DAYS_MAX,
        initial=SHARE_DAYS_DEFAULT,
        help_text=format_lazy(
            _("{min} to {max} days; you can revoke it sooner."), min=SHARE_DAYS_MIN, max=SHARE_DAYS_MAX
        ),
        error_messages={
            "required": _("Say how many days the link should work."),
            "invalid": _("Days must be a whole number."),
            "min_value": _("The link must work for at least %(limit_value)s day."),
            "max_value": _("The link can work for at most %(limit_value)s days."),
        },
    )
