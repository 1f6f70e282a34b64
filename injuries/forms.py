"""The pain report form: where it hurts, how much and when, and the symptoms that matter."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from injuries.models import NRS_FIELDS, SYMPTOM_FIELDS, Location, PainReport, Side
from runlog.log.forms import SplitFieldsMixin, VersionedFormMixin, check_date, date_input
from runlog.log.models import Profile, Run
from runlog.site.localtime import in_zone
from runlog.site.widgets import FastSelect

NRS_CHOICES = [("", "—")] + [(i, str(i)) for i in range(11)]


def nrs_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        widget=FastSelect,
        label=label,
        choices=NRS_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("0 no pain … 10 worst imaginable"),
    )


def run_choice_label(run: Run, profile: Profile) -> str:
    """ "Tue 03 Mar · 8.2 km easy": a run to link a report to, its day and kind in the runner's language."""
    kind = run.kind_in_sentence
    distance = f"{run.distance_m / profile.unit_m:.1f}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))
    day = formats.date_format(in_zone(run.start, profile.tz), "D d M")
    return f"{day} · {distance} {profile.units} {kind}"


# The form's main part; the linked run and notes fold under "More details".
PAIN_PRIMARY = ("date", "location", "side", *NRS_FIELDS, *SYMPTOM_FIELDS)


class PainReportForm(VersionedFormMixin, SplitFieldsMixin, forms.ModelForm):
    primary = PAIN_PRIMARY
    during = nrs_field(_("During the run"))
    after = nrs_field(_("After the run"))
    next_morning = nrs_field(_("Next morning"))

    class Meta:
        model = PainReport
        fields = [*PAIN_PRIMARY, "run", "notes"]
        widgets = {
            "date": date_input(),
            "location": forms.RadioSelect(attrs={"class": "pills"}),
            "side": forms.RadioSelect(attrs={"class": "pills"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "run": FastSelect,
        }
        labels = {"run": _("Linked run (optional)")}

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        today = profile.today()
        self.initial.setdefault("date", today)
        recent = Run.objects.for_user(profile.user).in_window(today - dt.timedelta(days=30), today, profile.tz)
        if self.instance.pk and self.instance.run_id:
            recent = recent | Run.objects.filter(pk=self.instance.run_id, user=profile.user)
        self.fields["run"].queryset = recent.select_related(None).order_by("-start")
        self.fields["run"].empty_label = _("None")
        self.fields["run"].label_from_instance = lambda run: run_choice_label(run, profile)

    def clean_date(self):
        return check_date(self.cleaned_data["date"], self.profile)

    def save(self, commit: bool = True) -> PainReport:
        report = super().save(commit=False)
        report.user = self.profile.user
        if commit:
            report.save()
        return report


class MorningScoreForm(forms.ModelForm):
    """The next-morning follow-up the dashboard asks for."""

    next_morning = nrs_field(_("This morning"))

    class Meta:
        model = PainReport
        fields = ["next_morning"]

    def clean_next_morning(self):
        value = self.cleaned_data.get("next_morning")
        if value is None:
            raise forms.ValidationError(_("Pick this morning's score (0 = no pain)."))
        return value


CLEARANCE_CHOICES = [
    ("clinician", _("A clinician (doctor or physiotherapist) has seen it")),
    ("walking", _("30 minutes of brisk walking are pain-free")),
]
CONFIRM = _("Confirm that a clinician has seen it or that 30 minutes of brisk walking are pain-free.")


class PlanStartForm(forms.Form):
    """Start a return-to-run plan: where it hurts and, while a red flag is recent, the confirmation first."""

    location = forms.ChoiceField(
        choices=Location.choices, widget=forms.RadioSelect(attrs={"class": "pills"}), label=_("Where did it hurt?")
    )
    cleared = forms.ChoiceField(
        choices=CLEARANCE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        label=_("Before you start"),
        help_text=_(
            "Your log shows a red-flag symptom in the last 14 days (swelling, warmth, locking, not bearing "
            "weight or pain of 8 or more): confirm one of these first."
        ),
    )

    def __init__(self, *args, needs_confirmation: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_confirmation = needs_confirmation
        if needs_confirmation:
            self.fields["cleared"].required = True
            self.fields["cleared"].error_messages["required"] = CONFIRM
        else:
            del self.fields["cleared"]


class PlanResumeForm(forms.Form):
    """Resume a paused plan: after a red flag (the pause's, or one logged since), the same confirmation as at
    a start; a pause the runner chose without one asks for nothing more than the click."""

    cleared = forms.ChoiceField(
        choices=CLEARANCE_CHOICES,
        widget=forms.RadioSelect,
        label=_("Before you run again"),
        error_messages={"required": CONFIRM},
    )

    def __init__(self, *args, needs_confirmation: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_confirmation = needs_confirmation
        if not needs_confirmation:
            del self.fields["cleared"]


class SessionPainForm(forms.Form):
    """The scores of a plan session, asked at once when it is saved (the next morning is asked tomorrow)."""

    during = nrs_field(_("During the session"))
    after = nrs_field(_("Right after"))
    side = forms.ChoiceField(choices=Side.choices, widget=forms.RadioSelect(attrs={"class": "pills"}), label=_("Side"))

    def clean(self):
        data = super().clean()
        if data.get("during") is None and data.get("after") is None:
            raise forms.ValidationError(_("Give the pain during or after the session (0 = no pain)."))
        return data
