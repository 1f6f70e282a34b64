"""The training log: runner profiles, runs, shoes and cross-training, stored in metres and seconds."""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from injuries.risk.rules.footwear import WORN_FRACTION, wear_state
from runlog.log import bounds
from runlog.log.units import KM, MILE
from runlog.site.localtime import in_zone


class Units(models.TextChoices):
    KM = "km", _("Kilometres")
    MI = "mi", _("Miles")


class FootType(models.TextChoices):
    UNKNOWN = "", _("Not set")
    NEUTRAL = "neutral", _("Neutral")
    OVERPRONATION = "overpronation", _("Overpronation")
    SUPINATION = "supination", _("Supination")


class Language(models.TextChoices):
    # Each language in its own name, whatever the page's language: a runner finds theirs.
    ENGLISH = "en", "English"
    GERMAN = "de", "Deutsch"
    FRENCH = "fr", "Français"
    SPANISH = "es", "Español"
    DUTCH = "nl", "Nederlands"


class Theme(models.TextChoices):
    AUTO = "auto", _("As the device is set")
    LIGHT = "light", _("Light")
    DARK = "dark", _("Dark")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class RunKind(models.TextChoices):
    EASY = "easy", _("Easy")
    LONG = "long", _("Long")
    TEMPO = "tempo", _("Tempo")
    INTERVALS = "intervals", _("Intervals")
    RACE = "race", _("Race")
    RECOVERY = "recovery", _("Recovery")


# A run's kind as sentences say it ("10.0 km easy run"): its own msgid, so that a language whose nouns keep
# their capital (German) or that puts the kind elsewhere says it its own way; never the label lower-cased.
RUN_KIND_IN_SENTENCE = {
    # Translators: a run's kind inside a sentence, e.g. "10.0 km easy run"; lower case in English.
    "easy": pgettext_lazy("run kind in a sentence", "easy"),
    "long": pgettext_lazy("run kind in a sentence", "long"),
    "tempo": pgettext_lazy("run kind in a sentence", "tempo"),
    "intervals": pgettext_lazy("run kind in a sentence", "intervals"),
    "race": pgettext_lazy("run kind in a sentence", "race"),
    "recovery": pgettext_lazy("run kind in a sentence", "recovery"),
}


class Surface(models.TextChoices):
    UNKNOWN = "", _("Not set")
    ROAD = "road", _("Road")
    TRAIL = "trail", _("Trail")
    TRACK = "track", _("Track")
    TREADMILL = "treadmill", _("Treadmill")
    GRASS = "grass", _("Grass")
    MIXED = "mixed", _("Mixed")


class Source(models.TextChoices):
    MANUAL = "manual", _("Manual")
    FILE = "file", _("File")
    STRAVA = "strava", _("Strava")
    GARMIN = "garmin", _("Garmin")


class ShoeSupport(models.TextChoices):
    NEUTRAL = "neutral", _("Neutral")
    STABILITY = "stability", _("Stability")
    MOTION_CONTROL = "motion_control", _("Motion control")


class Activity(models.TextChoices):
    CYCLING = "cycling", _("Cycling")
    SWIMMING = "swimming", _("Swimming")
    YOGA = "yoga", _("Yoga")
    STRENGTH = "strength", _("Strength")
    WALKING = "walking", _("Walking")
    ELLIPTICAL = "elliptical", _("Elliptical")
    OTHER = "other", _("Other")


@lru_cache(maxsize=1)
def timezone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def validate_timezone(value: str) -> None:
    if value not in set(timezone_names()):
        raise ValidationError(
            _("“%(value)s” is not a time zone we know (try e.g. Europe/Berlin).") % {"value": value}, code="timezone"
        )


def new_log_version() -> int:
    """A fresh random log version. Random rather than counted: the cache outlives a process (it is on disk
    or in Redis), and after restoring a backup, or for a user id used again, a counter would repeat a
    version whose cached values describe another log."""
    return secrets.randbelow(2**31 - 2) + 1


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    units = models.CharField(max_length=2, choices=Units.choices, default=Units.KM)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    digest_enabled = models.BooleanField(_("weekly digest"), default=True)
    digest_weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, default=Weekday.MONDAY)
    foot_type = models.CharField(max_length=16, choices=FootType.choices, blank=True, default="")
    default_shoe = models.ForeignKey("Shoe", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    # Light or dark pages: "auto" follows the device's prefers-color-scheme.
    theme = models.CharField(max_length=8, choices=Theme.choices, default=Theme.AUTO)
    # Replaced on every change to the runner's log; cached assessments are keyed by it.
    log_version = models.PositiveIntegerField(default=new_log_version, editable=False)
    # The address a verification link was opened for, and when: the current email is verified only while
    # it is still that address (an admin changing the email in the admin makes it unverified again).
    verified_email = models.EmailField(blank=True, editable=False)
    email_verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The one outstanding email link (verify the current address, or change to a new one): the address it
    # confirms and a random nonce the signed link carries. A new link replaces it; using it clears it.
    email_link_address = models.EmailField(blank=True, editable=False)
    email_link_nonce = models.CharField(max_length=64, blank=True, editable=False)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def today(self) -> dt.date:
        return timezone.now().astimezone(self.tz).date()

    @property
    def email_verified(self) -> bool:
        """Whether the runner's current email address is one they proved they receive mail at."""
        email = self.user.email
        return bool(email) and self.email_verified_at is not None and self.verified_email == email

    @property
    def pending_email(self) -> str:
        """A new address waiting for its confirmation link to be opened, or ""."""
        address = self.email_link_address
        return address if self.email_link_nonce and address and address != self.user.email else ""

    @property
    def unit_m(self) -> float:
        return MILE if self.units == Units.MI else KM


def profile_for(user) -> Profile:
    """The runner's profile, created with defaults the first time it is needed."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        user.profile = profile
        return profile


def local_day_bounds(first: dt.date, last: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes covering the local dates first..last inclusive (DST-safe)."""
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


# A start saved a few minutes "in the future" is a clock a little ahead, not a session still to come.
START_CLOCK_SLACK = dt.timedelta(minutes=5)
EARLIEST_ZONE = dt.timezone(dt.timedelta(hours=14))  # Pacific/Kiritimati: the first to reach a new day


class BoundedModel(models.Model):
    """The bounds of runlog/log/bounds.py that need more than one field: a date within 1970-01-01 .. today
    in the runner's own zone (the user's profile), and the pace of a run. Field-level bounds are the
    fields' validators. Both run in full_clean, which every ModelForm calls (the admin's included); a
    field the form does not show, or one already in error, is not checked again here."""

    bounded_days: tuple[str, ...] = ()  # DateFields
    bounded_starts: tuple[str, ...] = ()  # DateTimeFields, checked on the runner's local date

    class Meta:
        abstract = True

    def _runner_zone(self) -> tuple[dt.tzinfo, dt.date]:
        profile = Profile.objects.filter(user_id=self.user_id).first() if self.user_id else None
        # Without a runner yet (a form that sets the user on save checks the date itself), the earliest
        # zone on earth: no date that is today somewhere is refused.
        zone = profile.tz if profile else EARLIEST_ZONE
        return zone, timezone.now().astimezone(zone).date()

    def bound_errors(self, checked: set[str]) -> dict[str, list[str]]:
        """Errors of the cross-field bounds among the fields in `checked`, by field."""
        errors: dict[str, list[str]] = {}
        names = [name for name in (*self.bounded_days, *self.bounded_starts) if name in checked]
        if not any(getattr(self, name) is not None for name in names):
            return errors
        zone, today = self._runner_zone()
        for name in names:
            value = getattr(self, name)
            if value is None:
                continue
            day = in_zone(value, zone).date() if name in self.bounded_starts else value
            problems = bounds.date_problems(day, today)
            if not problems and name in self.bounded_starts and value > timezone.now() + START_CLOCK_SLACK:
                problems = [bounds.Problem("date", "That time is still to come.")]
            if problems:
                errors[name] = [problems[0].message]
        return errors

    def clean_fields(self, exclude=None) -> None:
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        checked = {f.name for f in self._meta.concrete_fields} - set(exclude or ()) - set(errors)
        errors |= self.bound_errors(checked)
        if errors:
            raise ValidationError(errors)


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class SessionQuerySet(OwnedQuerySet):
    def in_window(self, first: dt.date, last: dt.date, tz: dt.tzinfo):
        start, end = local_day_bounds(first, last, tz)
        return self.filter(start__gte=start, start__lt=end)


class ShoeQuerySet(OwnedQuerySet):
    def active(self):
        return self.filter(retired_on__isnull=True)

    def with_distance(self):
        """Annotate logged_m (runs tagged with the shoe) in the same query."""
        return self.annotate(logged_m=Sum("runs__distance_m", default=0.0))


class Shoe(BoundedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shoes")
    name = models.CharField(max_length=80)
    brand = models.CharField(max_length=60, blank=True)
    model = models.CharField(max_length=60, blank=True)
    support = models.CharField(max_length=16, choices=ShoeSupport.choices, default=ShoeSupport.NEUTRAL)
    purchased_on = models.DateField(null=True, blank=True)
    start_m = models.FloatField(_("starting distance (m)"), default=0.0, validators=[bounds.validate_shoe_start_m])
    retire_at_m = models.FloatField(
        "retirement distance (m)", default=800 * KM, validators=[bounds.validate_shoe_retire_m]
    )
    retired_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        "runlog.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="shoes", editable=False
    )

    objects = ShoeQuerySet.as_manager()
    bounded_days = ("purchased_on", "retired_on")

    class Meta:
        ordering = ["retired_on", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(start_m__gte=0), name="shoe_start_nonnegative"),
            models.CheckConstraint(condition=Q(retire_at_m__gt=0), name="shoe_retire_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    def total_m(self) -> float:
        """Starting distance plus tagged runs; uses the annotation when the queryset has it."""
        logged = getattr(self, "logged_m", None)
        if logged is None:
            logged = self.runs.aggregate(total=Sum("distance_m", default=0.0))["total"]
        return self.start_m + logged

    def wear_fraction(self) -> float:
        return self.total_m() / self.retire_at_m if self.retire_at_m else 0.0

    def wear_state(self) -> str:
        return wear_state(self.wear_fraction())

    @property
    def worn_at_m(self) -> float:
        """Where the pair counts as getting worn (the shoe list's meter marks it)."""
        return WORN_FRACTION * self.retire_at_m


class Run(BoundedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runs")
    start = models.DateTimeField(db_index=True)
    distance_m = models.FloatField(validators=[bounds.validate_run_distance_m])
    duration_s = models.PositiveIntegerField(validators=[bounds.validate_duration_s])
    kind = models.CharField(max_length=12, choices=RunKind.choices, default=RunKind.EASY)
    rpe = models.PositiveSmallIntegerField(
        _("effort (RPE 0–10)"), null=True, blank=True, validators=[bounds.validate_rpe]
    )
    shoe = models.ForeignKey(Shoe, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs")
    warm_up = models.BooleanField(_("warm-up done"), default=False)
    surface = models.CharField(max_length=12, choices=Surface.choices, blank=True, default="")
    avg_hr = models.PositiveSmallIntegerField(
        "average heart rate", null=True, blank=True, validators=[bounds.validate_heart_rate]
    )
    max_hr = models.PositiveSmallIntegerField(
        "maximum heart rate", null=True, blank=True, validators=[bounds.validate_heart_rate]
    )
    avg_cadence_spm = models.FloatField(
        "average step rate (steps/min)", null=True, blank=True, validators=[bounds.validate_step_rate]
    )
    elapsed_s = models.PositiveIntegerField(
        "elapsed time (s)",
        null=True,
        blank=True,
        help_text=_("Start to finish, pauses included; duration is moving time."),
        validators=[bounds.validate_elapsed_s],
    )
    elevation_gain_m = models.FloatField(null=True, blank=True, validators=[bounds.validate_climb_m])
    plan_session = models.BooleanField(_("return-to-run plan session"), default=False)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.MANUAL)
    source_id = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        "runlog.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="runs", editable=False
    )

    objects = SessionQuerySet.as_manager()
    bounded_starts = ("start",)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["user", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(distance_m__gt=0), name="run_distance_positive"),
            models.CheckConstraint(condition=Q(duration_s__gt=0), name="run_duration_positive"),
            models.CheckConstraint(condition=Q(rpe__lte=10), name="run_rpe_max_10"),
        ]

    def __str__(self) -> str:
        return gettext("%(distance)s km %(kind)s on %(day)s") % {
            "distance": f"{self.distance_m / KM:.1f}",
            "kind": self.kind_in_sentence,
            "day": f"{self.start:%Y-%m-%d}",
        }

    @property
    def kind_in_sentence(self) -> str:
        """The run's kind as a sentence says it, in the active language ("easy" in "10.0 km easy run")."""
        label = RUN_KIND_IN_SENTENCE.get(self.kind)
        return str(label) if label is not None else self.get_kind_display()

    @property
    def pace_s_per_km(self) -> float:
        return self.duration_s / (self.distance_m / KM)

    def bound_errors(self, checked: set[str]) -> dict[str, list[str]]:
        errors = super().bound_errors(checked)
        if {"distance_m", "duration_s"} <= checked and self.distance_m is not None and self.duration_s is not None:
            # The pace: a long run needs no confirmation here (the runner's form asks for it).
            for problem in bounds.run_problems(self.distance_m, self.duration_s, confirmed_long=True):
                if problem.blocking:
                    errors.setdefault("duration_s", []).append(problem.message)
        return errors


class CrossTraining(BoundedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cross_training")
    start = models.DateTimeField(db_index=True)
    activity = models.CharField(max_length=12, choices=Activity.choices, default=Activity.CYCLING)
    duration_s = models.PositiveIntegerField(validators=[bounds.validate_duration_s])
    rpe = models.PositiveSmallIntegerField(
        _("effort (RPE 0–10)"), null=True, blank=True, validators=[bounds.validate_rpe]
    )
    distance_m = models.FloatField(null=True, blank=True, validators=[bounds.validate_cross_training_m])
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.MANUAL)
    source_id = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        "runlog.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cross_training",
        editable=False,
    )

    objects = SessionQuerySet.as_manager()
    bounded_starts = ("start",)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("cross-training session")
        verbose_name_plural = _("cross-training sessions")
        indexes = [models.Index(fields=["user", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(duration_s__gt=0), name="xt_duration_positive"),
            models.CheckConstraint(condition=Q(rpe__lte=10), name="xt_rpe_max_10"),
        ]

    def __str__(self) -> str:
        return gettext("%(activity)s %(minutes)d min on %(day)s") % {
            "activity": self.get_activity_display(),
            "minutes": self.duration_s // 60,
            "day": f"{self.start:%Y-%m-%d}",
        }
