"""Pain reports a runner logs, their return-to-run plans, and the advice content the administrator edits."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from runlog.log import bounds
from runlog.log.models import BoundedModel


class Location(models.TextChoices):
    INNER_KNEE = "inner_knee", "Inner knee"
    OUTER_KNEE = "outer_knee", "Outer knee"
    KNEECAP = "kneecap", "Kneecap"
    BACK_KNEE = "back_knee", "Back of knee"
    SHIN = "shin", "Shin"
    CALF_ACHILLES = "calf_achilles", "Calf / Achilles"
    FOOT_HEEL = "foot_heel", "Foot / heel"
    HIP = "hip", "Hip"
    LOWER_BACK = "lower_back", "Lower back"
    OTHER = "other", "Other"


class Side(models.TextChoices):
    LEFT = "left", "Left"
    RIGHT = "right", "Right"
    BOTH = "both", "Both"


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
    date = models.DateField(db_index=True)
    location = models.CharField(max_length=16, choices=Location.choices, default=Location.INNER_KNEE)
    side = models.CharField(max_length=5, choices=Side.choices, default=Side.LEFT)
    during = models.PositiveSmallIntegerField(
        "pain during the run (0–10)", null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    after = models.PositiveSmallIntegerField(
        "pain after the run (0–10)", null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    next_morning = models.PositiveSmallIntegerField(
        "pain the next morning (0–10)", null=True, blank=True, validators=[bounds.validate_pain_score]
    )
    swelling = models.BooleanField(default=False)
    warmth = models.BooleanField("warmth or redness", default=False)
    stiffness = models.BooleanField("stiffness or difficulty bending", default=False)
    locking = models.BooleanField("locking or giving way", default=False)
    cannot_bear_weight = models.BooleanField("cannot bear weight", default=False)
    run = models.ForeignKey("runlog.Run", null=True, blank=True, on_delete=models.SET_NULL, related_name="pain_reports")
    notes = models.TextField(blank=True)
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
        indexes = [models.Index(fields=["user", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(during__isnull=False) | Q(after__isnull=False) | Q(next_morning__isnull=False),
                name="pain_at_least_one_score",
                violation_error_message=(
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
        return f"{self.get_location_display()} ({self.side}) on {self.date}"

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
    location = models.CharField(max_length=16, choices=Location.choices, default=Location.INNER_KNEE)
    started_on = models.DateField()
    baseline = models.PositiveSmallIntegerField(
        "baseline morning score (0–10)", default=0, help_text="The last next-morning score before the start."
    )
    cleared_on = models.DateField(
        "cleared on",
        null=True,
        blank=True,
        help_text="The day the runner confirmed a clinician had seen it or 30 minutes of brisk walking were "
        "pain-free; sessions from then on count after a pause.",
    )
    ended_on = models.DateField("ended early on", null=True, blank=True)
    paused_on = models.DateField(
        "paused by the runner on",
        null=True,
        blank=True,
        help_text="The day the runner paused the plan (a holiday, an illness); resuming sets the cleared date, "
        "and sessions in between do not count.",
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


class EvidenceGrade(models.TextChoices):
    A = "A", "A — randomised trial or meta-analysis"
    B = "B", "B — prospective cohort"
    B_MINUS = "B-", "B− — cohort, contested or mixed"
    C = "C", "C — consensus or practitioner convention"
    NONE = "", "—"


class AdviceKind(models.TextChoices):
    RULE = "rule", "Warning (rule code)"
    PREVENTION = "prevention", "Prevention topic"
    TREATMENT = "treatment", "Treatment topic"


class AdviceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Advice(models.Model):
    key = models.CharField(
        max_length=64, unique=True, help_text="Rule code (e.g. overtraining.session_spike) or topic key."
    )
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=12, choices=AdviceKind.choices, default=AdviceKind.RULE)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=240, blank=True, help_text="One line, shown beside a warning.")
    body = models.TextField(help_text="Markdown. Rendered safely: raw HTML is stripped.")
    evidence_grade = models.CharField(max_length=2, choices=EvidenceGrade.choices, blank=True)
    references = models.TextField(blank=True, help_text="One reference per line.")
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdviceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key"]
        verbose_name_plural = "advice"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advice_detail", args=[self.slug])

    @property
    def reference_list(self) -> list[str]:
        return [line.strip() for line in self.references.splitlines() if line.strip()]
