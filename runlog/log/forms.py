"""Forms for the log: they take the runner's units and local time, enforce the input bounds, store SI."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.contrib.auth.models import BaseUserManager
from django.core import signing
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from runlog.log import bounds
from runlog.log import units as u
from runlog.log.accounts import address_in_use, send_password_reset
from runlog.log.bounds import (
    CLIMB_MAX_M,
    DATE_MIN,
    HR_MAX,
    HR_MIN,
    SHOE_RETIRE_MAX_KM,
    SHOE_START_MAX_KM,
    date_problems,
    duration_problems,
    run_problems,
)
from runlog.log.models import CrossTraining, Language, Profile, Run, RunKind, Shoe, Theme, timezone_names
from runlog.site.localtime import in_zone
from runlog.site.widgets import FastSelect


def rpe_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        widget=FastSelect,
        # Translators: RPE, the rating of perceived exertion, 0 (rest) to 10 (maximal effort).
        label=_("Effort (RPE)"),
        choices=[("", "—")] + [(i, str(i)) for i in range(11)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("0 rest … 10 maximal"),
    )


class FocusFirstErrorMixin:
    """A form shown again with errors puts the cursor in the first field in error, not in its first field."""

    def full_clean(self) -> None:
        super().full_clean()
        in_error = [name for name in self.fields if name in self.errors]
        if not in_error:
            return
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)
        self.fields[in_error[0]].widget.attrs["autofocus"] = True


class SplitFieldsMixin(FocusFirstErrorMixin):
    """Forms name their few `primary` fields; the rest fold under "More details"."""

    primary: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _shown(self):
        return [f for f in self.visible_fields() if f.name != "confirm_long" or getattr(self, "needs_confirm", False)]

    def primary_fields(self):
        return [f for f in self._shown() if not self.primary or f.name in self.primary]

    def more_fields(self):
        return [f for f in self._shown() if self.primary and f.name not in self.primary]

    def more_has_errors(self) -> bool:
        return any(f.errors for f in self.more_fields())


VERSION_FIELD = "version"
_VERSION_SALT = "runlog.forms.version"
_UNIT_IN_LABEL = re.compile(r"^(?P<label>.*) \((?P<unit>km|mi)\)$")


@dataclass(frozen=True)
class Change:
    """A field that was saved with another value since the runner opened the form."""

    label: str
    yours: str
    saved: str


def _as_text(value) -> str:
    """A field's value as the form shows it, comparable between two renderings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple):
        return ",".join(_as_text(item) for item in value)
    return str(value)


class VersionedFormMixin:
    """Optimistic concurrency for an edit form. The form carries a hidden, signed copy of the values it
    showed when it was opened (`version`); before saving, the view compares them with the values the
    saved row shows now (`check_version`, inside the transaction that saves). A field saved meanwhile
    with another value (another tab, the admin, an import) refuses the save and lists each such field:
    the runner's value and the saved one. The refused form carries a fresh version, so posting it again
    saves the runner's values anyway. A change to a field the form does not show is kept by the save and
    is no conflict. A post without a version (a script, a page from before) saves as it always did."""

    version_ignores: tuple[str, ...] = ("confirm_long",)  # a confirmation, not a stored value

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: list[Change] = []
        if self.instance.pk:
            # Computed when rendered, after the form's own __init__ has filled in every initial value.
            self.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=self.version_stamp
            )

    def _versioned_names(self) -> list[str]:
        return [name for name in self.fields if name != VERSION_FIELD and name not in self.version_ignores]

    def saved_values(self) -> dict[str, str]:
        """What each field shows for the row as the form was built from it (its initial values)."""
        return {
            name: _as_text(self.fields[name].prepare_value(self.get_initial_for_field(self.fields[name], name)))
            for name in self._versioned_names()
        }

    def version_stamp(self) -> str:
        return signing.dumps({"pk": self.instance.pk, "values": self.saved_values()}, salt=_VERSION_SALT, compress=True)

    def _opened(self) -> dict | None:
        raw = self.data.get(VERSION_FIELD) if self.is_bound else None
        if not raw:
            return None
        try:
            opened = signing.loads(raw, salt=_VERSION_SALT)
        except signing.BadSignature:
            return {}
        return opened if opened.get("pk") == self.instance.pk else {}

    def clean(self):
        data = super().clean()
        if self._opened() == {}:
            self.add_error(
                None, gettext("This form could not be checked against the saved version. Reload it and edit again.")
            )
        return data

    def check_version(self) -> bool:
        """True (and `conflict` listed) when the row was saved with other values since the form was
        opened; the form then carries the saved row's version, so posting it again saves it anyway."""
        opened = self._opened()
        if not opened:
            return False
        saved = self.saved_values()
        before = opened["values"]
        self.conflict = [
            Change(*self._both_versions(name, saved[name]))
            for name in saved
            if before.get(name, saved[name]) != saved[name]
        ]
        if self.conflict:
            self.data = self.data.copy()
            self.data[VERSION_FIELD] = self.version_stamp()
        return bool(self.conflict)

    def _both_versions(self, name: str, saved: str) -> tuple[str, str, str]:
        """The field's label, the runner's value and the saved one, as a runner reads them."""
        field = self.fields[name]
        label, unit = str(self[name].label), ""
        if match := _UNIT_IN_LABEL.match(label):
            label, unit = match["label"], match["unit"]
        choices = {str(value): str(text) for value, text in getattr(field, "choices", ())}

        def readable(text: str) -> str:
            if isinstance(field, forms.BooleanField):
                return gettext("yes") if text else gettext("no")
            if text in choices:
                text = choices[text]
            if not text:
                return "—"
            return f"{text} {unit}" if unit else text

        return label, readable(_as_text(self[name].value())), readable(saved)


class DurationField(forms.CharField):
    """h:mm:ss, mm:ss, plain minutes or '1h 5m', bounded to 1 minute – 24 hours."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("h:mm:ss, mm:ss or minutes"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return u.format_duration(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            seconds = u.parse_duration(value)
        except ValueError:
            raise forms.ValidationError(
                gettext("Write the time as h:mm:ss (1:05:30), mm:ss (45:00) or minutes (45).")
            ) from None
        for problem in duration_problems(seconds):
            raise forms.ValidationError(problem.message)
        return seconds


def check_date(day: dt.date | None, profile: Profile) -> dt.date | None:
    """A date the runner entered, within the input bounds: 1970-01-01 to today in their own zone."""
    if day is not None:
        for problem in date_problems(day, profile.today()):
            raise forms.ValidationError(problem.message)
    return day


def initial_day(query, profile: Profile) -> dict:
    """The `?date=` of the calendar's "+ run" links as the form's initial date; an unreadable date, or
    one the form would refuse, is not found (the calendar never links to one)."""
    text = query.get("date")
    if not text:
        return {}
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise Http404(gettext("No such day.")) from None
    if date_problems(day, profile.today()):
        raise Http404(gettext("Entries can be logged from 1970 to today."))
    return {"date": day}


class DecimalInput(forms.TextInput):
    """A decimal in the runner's own writing (10,5 in German): a text box with the decimal keypad on a
    phone. Not type=number, which takes only the browser's own locale and shows an empty box for 10,5."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


def date_input() -> forms.DateInput:
    """A date picker that starts at the earliest day the bounds accept; the server checks both ends. Its
    value is always ISO (a date input reads nothing else): a German runner's today is not "01.12.2026"."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "min": DATE_MIN.isoformat()})


# The start time field shows a time (now for a new entry, the saved one when editing); cleared, 07:00.
START_TIME_HINT = _("Local time, as shown; cleared, 07:00")


class LocalStartMixin:
    """Turns the runner's local date + time fields into an aware `start`."""

    def _local_start(self, profile: Profile) -> dt.datetime | None:
        day = self.cleaned_data.get("date")
        at = self.cleaned_data.get("time") or dt.time(7, 0)
        if day is None:
            return None
        start = dt.datetime.combine(day, at, tzinfo=profile.tz)
        if start > timezone.now() + dt.timedelta(minutes=5):
            self.add_error("time", gettext("That time is still to come today."))
        return start

    def _initial_local(self, instance, profile: Profile) -> None:
        if instance is not None and instance.pk and instance.start:
            local = in_zone(instance.start, profile.tz)
            self.initial.setdefault("date", local.date())
            self.initial.setdefault("time", local.time().replace(second=0, microsecond=0))
        else:
            now = timezone.now().astimezone(profile.tz)
            self.initial.setdefault("date", now.date())
            self.initial.setdefault("time", now.time().replace(second=0, microsecond=0))


class RunForm(VersionedFormMixin, SplitFieldsMixin, LocalStartMixin, forms.ModelForm):
    cache_blank = True  # no per-response markup in its fields: the empty form is cached
    primary = ("date", "distance", "duration", "kind", "rpe", "shoe", "warm_up", "confirm_long")
    date = forms.DateField(label=_("Date"), widget=date_input())
    time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=START_TIME_HINT,
    )
    # No min_value nor max_digits: every distance out of bounds, negative or of a hundred digits, gets the
    # bounds module's one message in the runner's words.
    # Localized: a German or French runner writes 10,5 (and sees their own decimal comma when editing).
    distance = forms.DecimalField(decimal_places=3, label=_("Distance"), localize=True, widget=DecimalInput)
    duration = DurationField(label=_("Duration"))
    rpe = rpe_field()
    # Translators: the average heart rate of a run, short.
    avg_hr = forms.IntegerField(label=_("Avg HR"), required=False, min_value=HR_MIN, max_value=HR_MAX)
    confirm_long = forms.BooleanField(
        required=False, label=_("Yes, I really ran that far"), widget=forms.CheckboxInput(attrs={"class": "confirm"})
    )

    field_order = ["date", "distance", "duration", "kind", "rpe", "shoe", "warm_up", "confirm_long", "time"]

    class Meta:
        model = Run
        fields = ["kind", "rpe", "shoe", "warm_up", "plan_session", "surface", "avg_hr", "elevation_gain_m", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 2}),
            "kind": FastSelect,
            "shoe": FastSelect,
            "surface": FastSelect,
        }
        labels = {
            "kind": _("Kind"),
            "shoe": _("Shoe"),
            "warm_up": _("Warm-up done"),
            "plan_session": _("Return-to-run plan session"),
            "surface": _("Surface"),
            "notes": _("Notes"),
            "elevation_gain_m": _("Climb (m)"),
        }

    def __init__(self, *args, profile: Profile, plan_session: str | None = None, **kwargs):
        """`plan_session` names today's session of a return-to-run plan under way ("Phase 3 of 8: …"): the
        new run is then marked as one, and the mark sits with the main fields."""
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.warnings: list[str] = []
        self.needs_confirm = False
        if plan_session and not self.instance.pk:
            self.primary = (*self.primary, "plan_session")
            self.initial.setdefault("plan_session", True)
            self.fields["plan_session"].help_text = gettext("Today's session: %(session)s") % {"session": plan_session}
        else:
            self.fields["plan_session"].help_text = gettext("Only while you follow a return-to-run plan.")
        shoes = Shoe.objects.for_user(profile.user)
        current = self.instance.shoe_id if self.instance.pk else None
        shoes = shoes.filter(retired_on__isnull=True) | shoes.filter(pk=current)
        self.fields["shoe"].queryset = shoes.distinct()
        self.fields["shoe"].empty_label = gettext("No shoe")
        self.fields["distance"].label = gettext("Distance (%(unit)s)") % {"unit": profile.units}
        self.fields["elevation_gain_m"].min_value = 0
        self._initial_local(self.instance, profile)
        if self.instance.pk:
            self.initial.setdefault("distance", round(u.to_unit(self.instance.distance_m, profile.units), 3))
            self.initial.setdefault("duration", self.instance.duration_s)
        elif profile.default_shoe_id and not profile.default_shoe.is_retired:
            self.initial.setdefault("shoe", profile.default_shoe_id)

    def clean_date(self):
        return check_date(self.cleaned_data["date"], self.profile)

    def clean_elevation_gain_m(self):
        value = self.cleaned_data.get("elevation_gain_m")
        if value is not None and not 0 <= value <= CLIMB_MAX_M:
            raise forms.ValidationError(bounds.climb_message())
        return value

    def clean(self):
        data = super().clean()
        start = self._local_start(self.profile)
        distance = data.get("distance")
        seconds = data.get("duration")
        if distance is not None:
            metres = u.from_unit(distance, self.profile.units)
            field_for = {"distance": "distance", "duration": "duration", "confirm": "confirm_long"}
            for problem in run_problems(metres, seconds, confirmed_long=bool(data.get("confirm_long"))):
                if not problem.blocking:
                    self.warnings.append(problem.message)
                    continue
                if problem.field == "confirm":
                    self.needs_confirm = True
                if problem.field == "duration" and "duration" in self.errors:
                    continue
                self.add_error(field_for[problem.field], problem.message)
            data["distance_m"] = metres
        data["start"] = start
        return data

    def save(self, commit: bool = True) -> Run:
        run = super().save(commit=False)
        run.user = self.profile.user
        run.start = self.cleaned_data["start"]
        run.distance_m = self.cleaned_data["distance_m"]
        run.duration_s = self.cleaned_data["duration"]
        if commit:
            run.save()
        return run


class CrossTrainingForm(VersionedFormMixin, SplitFieldsMixin, LocalStartMixin, forms.ModelForm):
    cache_blank = True  # no per-response markup in its fields: the empty form is cached
    primary = ("date", "activity", "duration", "rpe")
    date = forms.DateField(label=_("Date"), widget=date_input())
    time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=START_TIME_HINT,
    )
    duration = DurationField(label=_("Duration"))
    rpe = rpe_field()

    field_order = ["date", "activity", "duration", "rpe", "time", "notes"]

    class Meta:
        model = CrossTraining
        fields = ["activity", "rpe", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "activity": FastSelect}
        labels = {"activity": _("Activity"), "notes": _("Notes")}

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.warnings: list[str] = []
        self._initial_local(self.instance, profile)
        if self.instance.pk:
            self.initial.setdefault("duration", self.instance.duration_s)

    def clean_date(self):
        return check_date(self.cleaned_data["date"], self.profile)

    def clean(self):
        data = super().clean()
        data["start"] = self._local_start(self.profile)
        return data

    def save(self, commit: bool = True) -> CrossTraining:
        session = super().save(commit=False)
        session.user = self.profile.user
        session.start = self.cleaned_data["start"]
        session.duration_s = self.cleaned_data["duration"]
        if commit:
            session.save()
        return session


class ShoeForm(VersionedFormMixin, SplitFieldsMixin, forms.ModelForm):
    cache_blank = True  # no per-response markup in its fields: the empty form is cached
    primary = ("name", "brand", "model", "support", "retire_distance")
    start_distance = forms.DecimalField(
        label=_("Already run in them"),
        decimal_places=1,
        min_value=0,
        required=False,
        help_text=_("If bought used or logged elsewhere"),
        localize=True,
        widget=DecimalInput,
    )
    # No max_digits: the bound below says it in a runner's words.
    retire_distance = forms.DecimalField(
        label=_("Retire at"), decimal_places=1, min_value=1, localize=True, widget=DecimalInput
    )

    class Meta:
        model = Shoe
        fields = ["name", "brand", "model", "support", "purchased_on"]
        widgets = {"purchased_on": date_input(), "support": FastSelect}
        labels = {
            "name": _("Name"),
            "brand": _("Brand"),
            # Translators: the model of a shoe (its product name).
            "model": _("Model"),
            "support": _("Support"),
            "purchased_on": _("Purchased on"),
        }

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        unit = profile.units
        self.fields["start_distance"].label = gettext("Already run in them (%(unit)s)") % {"unit": unit}
        self.fields["retire_distance"].label = gettext("Retire at (%(unit)s)") % {"unit": unit}
        self.initial.setdefault("start_distance", round(u.to_unit(self.instance.start_m, unit), 1))
        self.initial.setdefault("retire_distance", round(u.to_unit(self.instance.retire_at_m, unit), 1))

    def clean_purchased_on(self):
        return check_date(self.cleaned_data.get("purchased_on"), self.profile)

    def clean(self):
        data = super().clean()
        start = data.get("start_distance") or 0
        start_m = u.from_unit(start, self.profile.units)
        if start_m / u.KM > SHOE_START_MAX_KM:
            self.add_error("start_distance", bounds.shoe_start_message())
        data["start_m"] = start_m
        retire = data.get("retire_distance")
        if retire is not None:
            retire_m = u.from_unit(retire, self.profile.units)
            if retire_m / u.KM > SHOE_RETIRE_MAX_KM:
                self.add_error("retire_distance", bounds.shoe_retire_message())
            data["retire_at_m"] = retire_m
        return data

    def save(self, commit: bool = True) -> Shoe:
        shoe = super().save(commit=False)
        shoe.user = self.profile.user
        shoe.start_m = self.cleaned_data["start_m"]
        shoe.retire_at_m = self.cleaned_data["retire_at_m"]
        if commit:
            shoe.save()
        return shoe


class ProfileForm(VersionedFormMixin, SplitFieldsMixin, forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=(), widget=FastSelect)

    class Meta:
        model = Profile
        fields = [
            "language",
            "units",
            "timezone",
            "digest_enabled",
            "digest_weekday",
            "foot_type",
            "default_shoe",
            "theme",
        ]
        labels = {
            "language": _("Language"),
            "units": _("Units"),
            "digest_enabled": _("Weekly digest"),
            "digest_weekday": _("Digest day"),
            "foot_type": _("Foot type (optional)"),
            "default_shoe": _("Default shoe"),
            "theme": _("Colours"),
        }
        help_texts = {
            "language": _("Of every page, email and message."),
            "foot_type": _("For your information only; no warning is based on it."),
            "theme": _("Light or dark pages; as the device is set follows its light or dark mode."),
        }
        widgets = {
            "language": FastSelect,
            "theme": FastSelect,
            "units": FastSelect,
            "digest_weekday": FastSelect,
            "foot_type": FastSelect,
            "default_shoe": FastSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [(name, name) for name in timezone_names()]
        self.fields["default_shoe"].queryset = Shoe.objects.for_user(self.instance.user).active()
        self.fields["default_shoe"].empty_label = gettext("None")
        # A post from a page or script from before these settings keeps the runner's choice as it is.
        self.fields["language"].required = False
        self.fields["theme"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean_theme(self):
        return self.cleaned_data.get("theme") or self.instance.theme or Theme.AUTO


ADDRESS_UNAVAILABLE = _(
    "This email address can’t be used for a new account. If it is yours, log in or reset your password."
)


class SignupForm(SplitFieldsMixin, UserCreationForm):
    email = forms.EmailField(
        label=_("Email"),
        required=True,
        help_text=_("For password resets and the weekly digest; we’ll send a link to confirm it."),
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=(), initial="UTC", widget=FastSelect)
    units = forms.ChoiceField(
        label=_("Units"), choices=Profile._meta.get_field("units").choices, initial="km", widget=FastSelect
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args, language: str | None = None, **kwargs):
        """`language`: the new account's language, the one its sign-up page was shown in."""
        super().__init__(*args, **kwargs)
        self.language = language if language in Language.values else Language.ENGLISH
        self.fields["timezone"].choices = [(name, name) for name in timezone_names()]

    def clean_email(self):
        address = self.cleaned_data["email"].strip()
        if address_in_use(address):
            raise forms.ValidationError(ADDRESS_UNAVAILABLE, code="address_in_use")
        return address

    def save(self, commit: bool = True):
        user = super().save(commit=commit)
        if commit:
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "timezone": self.cleaned_data["timezone"],
                    "units": self.cleaned_data["units"],
                    "language": self.language,
                },
            )
        return user


class RunFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *RunKind.choices], required=False, widget=FastSelect
    )
    shoe = forms.ModelChoiceField(
        label=_("Shoe"), queryset=Shoe.objects.none(), required=False, empty_label=_("All shoes"), widget=FastSelect
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shoe"].queryset = Shoe.objects.for_user(user)


class PasswordCheckMixin:
    """Account changes that need the password again (a borrowed unlocked phone is not enough)."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise forms.ValidationError(gettext("That is not your password."), code="wrong_password")
        return password


class EmailChangeForm(FocusFirstErrorMixin, PasswordCheckMixin, forms.Form):
    email = forms.EmailField(label=_("New email address"), help_text=_("We’ll send a link there; open it to switch."))
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def clean_email(self):
        # As sign-up stores it: the domain lowercased, the local part as typed.
        address = BaseUserManager.normalize_email(self.cleaned_data["email"].strip())
        if address.lower() == self.user.email.lower():
            raise forms.ValidationError(gettext("That is already your email address."), code="same_address")
        if address_in_use(address, except_user=self.user):
            raise forms.ValidationError(gettext("This email address can’t be used."), code="address_in_use")
        return address


class DeleteAccountForm(FocusFirstErrorMixin, PasswordCheckMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Only enqueues the mail: the task looks the address up, so the answer is the same for every address."""

    def save(self, *args, **kwargs) -> None:
        send_password_reset.enqueue(self.cleaned_data["email"])
