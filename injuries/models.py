"""Pain reports a runner logs, their return-to-run plans, and the advice content the administrator edits."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from injuries.risk.rules.pain import body_part
from runlog.log import bounds
from runlog.log.models import BoundedModel


class Location(models.TextChoices):
    INNER_KNEE = "inner_knee", _("Inner knee")
    OUTER_KNEE = "outer_knee", _("Outer knee")
    KNEECAP = "kneecap", _("Kneecap")
    BACK_KNEE = "back_knee", _("Back of knee")
    SHIN = "shin", _("Shin")
    CALF_ACHILLES = "calf_achilles", _("Calf / Achilles")
    FOOT_HEEL = "foot_heel", _("Foot / heel")
    HIP = "hip", _("Hip")
    LOWER_BACK = "lower_back", _("Lower back")
    OTHER = "other", _("Other")


class Side(models.TextChoices):
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")
    BOTH = "both", _("Both")


NRS_FIELDS = ("during", "after", "next_morning")
SYMPTOM_FIELDS = ("swelling", "warmth", "stiffness", "locking", "cannot_bear_weight")


class PainReportQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def in_window(self, first, last):
        return self.filter(date__gte=first, date__lte=last)

    def last_morning_score(self, location: str, before) -> int:
        """A return-to-run plan's baseline: the last next-morning score of `location` dated before `before`, 0
        if none (the same order as the engine's frames: by date, then by id)."""
        found = (
            self.filter(location=location, date__lt=before, next_morning__isnull=False)
            .order_by("-date", "-id")
            .values_list("next_morning", flat=True)
            .first()
        )
        return found or 0

    def awaiting_morning_score(self, today):
        """Yesterday's reports still waiting for their next-morning score (the model needs it)."""
        return self.filter(date=today - dt.timedelta(days=1), next_morning__isnull=True).order_by("pk")


class PainReport(BoundedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pain_reports")
    date = models.DateField(_("date"), db_index=True)
    location = models.CharField(_("location"), max_length=16, choices=Location.choices, default=Location.INNER_KNEE)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices, default=Side.LEFT)
    during = models.PositiveSmallIntegerField(
        _("pain during the run (0–10)"), null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    after = models.PositiveSmallIntegerField(
        _("pain after the run (0–10)"), null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    next_morning = models.PositiveSmallIntegerField(
        _("pain the next morning (0–10)"), null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    swelling = models.BooleanField(_("swelling"), default=False)
    warmth = models.BooleanField(_("warmth or redness"), default=False)
    stiffness = models.BooleanField(_("stiffness or difficulty bending"), default=False)
    locking = models.BooleanField(_("locking or giving way"), default=False)
    cannot_bear_weight = models.BooleanField(_("cannot bear weight"), default=False)
    run = models.ForeignKey(
        "runlog.Run", models.SET_NULL, null=True, blank=True, related_name="pain_reports", verbose_name=_("run")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        "runlog.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pain_reports",
        editable=False,
    )

    objects = PainReportQuerySet.as_manager()
    bounded_days = ("date",)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("pain report")
        verbose_name_plural = _("pain reports")
        indexes = [models.Index(fields=["user", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(during__isnull=False) | Q(after__isnull=False) | Q(next_morning__isnull=False),
                name="pain_at_least_one_score",
                violation_error_message=_(
                    "Give a pain score for at least one moment: during, after, or the next morning (0 = no pain)."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(during__lte=10) | Q(during__isnull=True))
                & (Q(after__lte=10) | Q(after__isnull=True))
                & (Q(next_morning__lte=10) | Q(next_morning__isnull=True)),
                name="pain_scores_max_10",
            ),
        ]

    def __str__(self) -> str:
        return _("%(location)s (%(side)s) on %(date)s") % {
            "location": self.get_location_display(),
            "side": self.get_side_display(),
            "date": self.date,
        }

    @property
    def place(self) -> str:
        """The body part as a sentence says it ("How is your inner knee this morning?"), in the active
        language: its own msgid, never the location's label lower-cased."""
        return str(body_part(self.location))

    @property
    def peak(self) -> int:
        return max((v for v in (self.during, self.after, self.next_morning) if v is not None), default=0)

    @property
    def symptoms(self) -> list[tuple[str, str]]:
        """(label, severity) of each symptom reported: red flags are "high", stiffness alone "caution"."""
        return [
            (self._meta.get_field(name).verbose_name, "caution" if name == "stiffness" else "high")
            for name in SYMPTOM_FIELDS
            if getattr(self, name)
        ]


class ReturnPlanQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class ReturnPlan(models.Model):
    """A return-to-run plan the runner started. Only what the runner decided is stored: where it hurts,
    when they started, the morning score they started from, when a red flag was cleared (or a pause
    resumed), when they paused it themselves and when they ended it early. The phase, the status and
    the next session are derived (injuries/risk/plan.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="return_plans")
    location = models.CharField(_("location"), max_length=16, choices=Location.choices, default=Location.INNER_KNEE)
    started_on = models.DateField(_("started on"))
    baseline = models.PositiveSmallIntegerField(
        _("baseline morning score (0–10)"), default=0, help_text=_("The last next-morning score before the start.")
    )
    cleared_on = models.DateField(
        _("cleared on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the runner confirmed a clinician had seen it or 30 minutes of brisk walking were "
            "pain-free; sessions from then on count after a pause."
        ),
    )
    ended_on = models.DateField(_("ended early on"), null=True, blank=True)
    paused_on = models.DateField(
        _("paused by the runner on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the runner paused the plan (a holiday, an illness); resuming sets the cleared date, "
            "and sessions in between do not count."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        "runlog.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="return_plans",
        editable=False,
    )

    objects = ReturnPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("return plan")
        verbose_name_plural = _("return plans")
        indexes = [models.Index(fields=["user", "started_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(baseline__lte=10), name="return_plan_baseline_max_10"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="return_plan_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(paused_on__isnull=True) | Q(paused_on__gte=models.F("started_on")),
                name="return_plan_pauses_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Return-to-run plan ({self.get_location_display()}) from {self.started_on}"

    def get_absolute_url(self) -> str:
        return reverse("plan_detail", args=[self.pk])

    @property
    def place(self) -> str:
        """The body part as a sentence says it ("Return-to-run plan: inner knee"), in the active language."""
        return str(body_part(self.location))


class EvidenceGrade(models.TextChoices):
    A = "A", _("A — randomised trial or meta-analysis")
    B = "B", _("B — prospective cohort")
    B_MINUS = "B-", _("B− — cohort, contested or mixed")
    C = "C", _("C — consensus or practitioner convention")
    NONE = "", "—"


class AdviceKind(models.TextChoices):
    RULE = "rule", _("Warning (rule code)")
    PREVENTION = "prevention", _("Prevention topic")
    TREATMENT = "treatment", _("Treatment topic")


# The languages advice is translated into (English is the Advice row itself), and the fields translated.
TRANSLATION_LANGUAGES = ("de", "fr", "es", "nl")
TRANSLATED_FIELDS = ("title", "summary", "body")


def language_code(language: str | None = None) -> str:
    """The active language (or `language`) without its region: "de" for "de-ch"."""
    return (language or translation.get_language() or "en").split("-")[0].lower()


class AdviceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def with_translations(self):
        """Every translation's fields read in the same query (one column per language and field), so that a
        batch of runners in different languages (the digest) costs what one does."""
        rows = AdviceTranslation.objects.filter(advice=OuterRef("pk"))
        return self.annotate(
            **{
                f"tr_{language}_{name}": Subquery(rows.filter(language=language).values(name)[:1])
                for language in TRANSLATION_LANGUAGES
                for name in TRANSLATED_FIELDS
            }
        )


class Advice(models.Model):
    key = models.CharField(
        _("key"), max_length=64, unique=True, help_text=_("Rule code (e.g. overtraining.session_spike) or topic key.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=AdviceKind.choices, default=AdviceKind.RULE)
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=240, blank=True, help_text=_("One line, shown beside a warning.")
    )
    body = models.TextField(_("body"), help_text=_("Markdown. Rendered safely: raw HTML is stripped."))
    evidence_grade = models.CharField(_("evidence grade"), max_length=2, choices=EvidenceGrade.choices, blank=True)
    references = models.TextField(_("references"), blank=True, help_text=_("One reference per line."))
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AdviceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key"]
        verbose_name = _("advice")
        verbose_name_plural = _("advice")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advice_detail", args=[self.slug])

    @property
    def reference_list(self) -> list[str]:
        return [line.strip() for line in self.references.splitlines() if line.strip()]

    def _translations(self) -> dict:
        """{(language, field): text} from the annotations of with_translations(), else from the database."""
        if hasattr(self, f"tr_{TRANSLATION_LANGUAGES[0]}_title"):
            return {
                (language, name): getattr(self, f"tr_{language}_{name}") or ""
                for language in TRANSLATION_LANGUAGES
                for name in TRANSLATED_FIELDS
            }
        if "_translations_read" not in self.__dict__:
            self._translations_read = {
                (row.language, name): getattr(row, name)
                for row in self.translations.all()
                for name in TRANSLATED_FIELDS
            }
        return self._translations_read

    def translated(self, name: str, language: str | None = None) -> str:
        """A field in `language` (the active one by default), the English where its translation is empty."""
        language = language_code(language)
        english = getattr(self, name)
        if language not in TRANSLATION_LANGUAGES:
            return english
        return self._translations().get((language, name)) or english

    def missing_languages(self) -> list[str]:
        """The languages in which some field falls back to English (an English field left empty needs none)."""
        found = self._translations()
        return [
            language
            for language in TRANSLATION_LANGUAGES
            if any(getattr(self, name) and not found.get((language, name)) for name in TRANSLATED_FIELDS)
        ]


class AdviceTranslation(models.Model):
    """One advice text in one language other than English; an empty field falls back to the English."""

    class Language(models.TextChoices):
        DE = "de", "Deutsch"
        FR = "fr", "Français"
        ES = "es", "Español"
        NL = "nl", "Nederlands"

    advice = models.ForeignKey(Advice, on_delete=models.CASCADE, related_name="translations", verbose_name=_("advice"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    summary = models.CharField(_("summary"), max_length=240, blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown. Rendered safely: raw HTML is stripped."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["advice", "language"]
        verbose_name = _("advice translation")
        verbose_name_plural = _("advice translations")
        constraints = [models.UniqueConstraint(fields=["advice", "language"], name="advice_translation_once")]

    def __str__(self) -> str:
        return f"{self.advice} ({self.language})"
