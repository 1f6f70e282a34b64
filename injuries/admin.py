"""Admin for pain reports and the advice library (edit history comes from the admin's log).

Advice is written in English on the Advice page; below it, one form per language puts each English field
beside its translation. A field left empty there falls back to the English for runners, and the list
shows which languages still miss something.
"""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from runlog.log.admin import VersionedAdmin

from .advice import render_markdown
from .models import TRANSLATED_FIELDS, TRANSLATION_LANGUAGES, Advice, AdviceTranslation, PainReport, ReturnPlan


@admin.register(PainReport)
class PainReportAdmin(VersionedAdmin):
    list_display = ["date", "user", "location", "side", "during", "after", "next_morning", "red_flags"]
    list_filter = ["location", "side", "swelling", "warmth", "locking", "cannot_bear_weight"]
    search_fields = ["user__username", "notes"]
    date_hierarchy = "date"
    raw_id_fields = ["user", "run"]
    list_select_related = ["user"]

    @admin.display(boolean=True, description=_("red flag signs"))
    def red_flags(self, obj):
        return obj.swelling or obj.warmth or obj.locking or obj.cannot_bear_weight


@admin.register(ReturnPlan)
class ReturnPlanAdmin(admin.ModelAdmin):
    list_display = ["started_on", "user", "location", "baseline", "paused_on", "cleared_on", "ended_on"]
    list_filter = ["location"]
    search_fields = ["user__username"]
    date_hierarchy = "started_on"
    raw_id_fields = ["user"]
    list_select_related = ["user"]


def _missing_in(language: str) -> Q:
    """Advice where some English field has no translation in `language` (no row, or that field empty)."""
    complete = AdviceTranslation.objects.filter(advice=OuterRef("pk"), language=language)
    for name in TRANSLATED_FIELDS:
        complete = complete.filter(Q(**{f"{name}__gt": ""}) | Q(**{f"advice__{name}": ""}))
    return ~Q(Exists(complete))


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        names = dict(AdviceTranslation.Language.choices)
        return [("any", _("in any language"))] + [(code, names[code]) for code in TRANSLATION_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() == "any":
            missing = Q()
            for language in TRANSLATION_LANGUAGES:
                missing |= _missing_in(language)
            return queryset.filter(missing)
        if self.value() in TRANSLATION_LANGUAGES:
            return queryset.filter(_missing_in(self.value()))
        return queryset


class TranslationFormSet(BaseInlineFormSet):
    """A change posted without the translation forms (a script, an older page) leaves the translations as
    they are, instead of failing on the missing management form."""

    def __init__(self, data=None, *args, **kwargs):
        prefix = kwargs.get("prefix") or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "0"
            kwargs["initial"] = None
        super().__init__(data, *args, **kwargs)


class AdviceTranslationInline(admin.StackedInline):
    """One form per language, each translated field on the same line as the English it translates."""

    model = AdviceTranslation
    formset = TranslationFormSet
    extra = 0
    max_num = len(TRANSLATION_LANGUAGES)
    can_delete = True
    fields = ["language", ("english_title", "title"), ("english_summary", "summary"), ("english_body", "body")]
    readonly_fields = ["english_title", "english_summary", "english_body"]
    classes = ["advice-translation"]

    def _english(self, obj, name):
        advice = getattr(obj, "advice", None) if obj is not None and obj.advice_id else None
        text = getattr(advice, name, "") if advice is not None else ""
        if not text:
            return "—"
        return format_html('<div class="english" lang="en">{}</div>', mark_safe(linebreaks(text, autoescape=True)))

    @admin.display(description=_("English title"))
    def english_title(self, obj):
        return self._english(obj, "title")

    @admin.display(description=_("English summary"))
    def english_summary(self, obj):
        return self._english(obj, "summary")

    @admin.display(description=_("English body"))
    def english_body(self, obj):
        return self._english(obj, "body")


@admin.register(Advice)
class AdviceAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "kind", "evidence_grade", "published", "missing_translations", "updated_at"]
    list_filter = ["kind", "evidence_grade", "published", MissingTranslationFilter]
    list_editable = ["published"]
    search_fields = ["title", "key", "summary", "body", "references"]
    readonly_fields = ["preview", "updated_at"]
    prepopulated_fields = {"slug": ["key"]}
    inlines = [AdviceTranslationInline]
    fieldsets = [
        (None, {"fields": ["key", "slug", "kind", "title", "summary", "published"]}),
        (_("Content"), {"fields": ["body", "preview"]}),
        (_("Evidence"), {"fields": ["evidence_grade", "references", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_translations()

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """The languages not translated yet come as blank forms, their language already chosen."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AdviceTranslationInline):
            done = set(obj.translations.values_list("language", flat=True)) if obj is not None and obj.pk else set()
            kwargs["initial"] = [{"language": code} for code in TRANSLATION_LANGUAGES if code not in done]
        return kwargs

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        for inline in instances:
            if isinstance(inline, AdviceTranslationInline):
                done = obj.translations.count() if obj is not None and obj.pk else 0
                inline.extra = len(TRANSLATION_LANGUAGES) - done
        return instances

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        missing = obj.missing_languages()
        return ", ".join(missing) if missing else "—"

    @admin.display(description=_("Preview (as runners see it)"))
    def preview(self, obj):
        if not obj.pk:
            return "—"
        # render_markdown strips every tag outside a safe list, so its output may be trusted here.
        return format_html('<div class="advice-preview">{}</div>', mark_safe(render_markdown(obj.body)))
