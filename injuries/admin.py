"""Admin for pain reports and the advice library (edit history comes from the admin's log)."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from runlog.log.admin import VersionedAdmin

from .advice import render_markdown
from .models import Advice, PainReport, ReturnPlan


@admin.register(PainReport)
class PainReportAdmin(VersionedAdmin):
    list_display = ["date", "user", "location", "side", "during", "after", "next_morning", "red_flags"]
    list_filter = ["location", "side", "swelling", "warmth", "locking", "cannot_bear_weight"]
    search_fields = ["user__username", "notes"]
    date_hierarchy = "date"
    raw_id_fields = ["user", "run"]
    list_select_related = ["user"]

    @admin.display(boolean=True, description="red flag signs")
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


@admin.register(Advice)
class AdviceAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "kind", "evidence_grade", "published", "updated_at"]
    list_filter = ["kind", "evidence_grade", "published"]
    list_editable = ["published"]
    search_fields = ["title", "key", "summary", "body", "references"]
    readonly_fields = ["preview", "updated_at"]
    prepopulated_fields = {"slug": ["key"]}
    fieldsets = [
        (None, {"fields": ["key", "slug", "kind", "title", "summary", "published"]}),
        ("Content", {"fields": ["body", "preview"]}),
        ("Evidence", {"fields": ["evidence_grade", "references", "updated_at"]}),
    ]

    @admin.display(description="Preview (as runners see it)")
    def preview(self, obj):
        if not obj.pk:
            return "—"
        # render_markdown strips every tag outside a safe list, so its output may be trusted here.
        return format_html('<div class="advice-preview">{}</div>', mark_safe(render_markdown(obj.body)))
