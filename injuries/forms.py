"""The pain report form: where it hurts, how much and when, and the symptoms that matter."""

from __future__ import annotations

import datetime as dt

from django import forms

from injuries.models import NRS_FIELDS, SYMPTOM_FIELDS, PainReport
from runlog.log.forms import SplitFieldsMixin, VersionedFormMixin, check_date, date_input
from runlog.log.models import Profile, Run
from runlog.site.localtime import in_zone
from runlog.site.widgets import FastSelect

NRS_CHOICES = [("", "—")] + [(i, str(i)) for i in range(11)]


def nrs_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        widget=FastSelect,
        label=label,
        choices=NRS_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="0 no pain … 10 worst imaginable",
    )


# The form's main part; the linked run and notes fold under "More details".
PAIN_PRIMARY = ("date", "location", "side", *NRS_FIELDS, *SYMPTOM_FIELDS)


class PainReportForm(VersionedFormMixin, SplitFieldsMixin, forms.ModelForm):
    primary = PAIN_PRIMARY
    during = nrs_field("During the run")
    after = nrs_field("After the run")
    next_morning = nrs_field("Next morning")

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
        labels = {"run": "Linked run (optional)"}

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        today = profile.today()
        self.initial.setdefault("date", today)
        recent = Run.objects.for_user(profile.user).in_window(today - dt.timedelta(days=30), today, profile.tz)
        if self.instance.pk and self.instance.run_id:
            recent = recent | Run.objects.filter(pk=self.instance.run_id, user=profile.user)
        self.fields["run"].queryset = recent.select_related(None).order_by("-start")
        self.fields["run"].empty_label = "None"
        self.fields["run"].label_from_instance = lambda run: (
            f"{in_zone(run.start, profile.tz):%a %d %b} · {run.distance_m / profile.unit_m:.1f} {profile.units} "
            f"{run.get_kind_display().lower()}"
        )

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

    next_morning = nrs_field("This morning")

    class Meta:
        model = PainReport
        fields = ["next_morning"]

    def clean_next_morning(self):
        value = self.cleaned_data.get("next_morning")
        if value is None:
            raise forms.ValidationError("Pick this morning's score (0 = no pain).")
        return value
