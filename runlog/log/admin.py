"""Admin for the training log: useful columns, search and filters on every model."""

from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.csp import csp_override

from runlog.digest.models import DigestDelivery
from runlog.imports.models import ImportBatch
from runlog.log.models import CrossTraining, Profile, Run, Shoe


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "units", "timezone", "digest_enabled", "digest_weekday", "foot_type", "digest_preview"]
    list_filter = ["units", "digest_enabled", "digest_weekday", "foot_type"]
    search_fields = ["user__username", "user__email", "timezone"]
    raw_id_fields = ["user", "default_shoe"]
    list_select_related = ["user"]

    def get_urls(self):
        own = [
            path("<int:pk>/digest-preview/", self.admin_site.admin_view(self.preview_view), name="digest_preview"),
            path(
                "<int:pk>/digest-preview/html/",
                self.admin_site.admin_view(self.preview_html),
                name="digest_preview_html",
            ),
        ]
        return own + super().get_urls()

    @admin.display(description="digest")
    def digest_preview(self, obj):
        return format_html('<a href="{}">preview</a>', reverse("admin:digest_preview", args=[obj.pk]))

    def _preview(self, pk):
        from runlog.digest.weekly import preview

        return preview(get_object_or_404(Profile.objects.select_related("user"), pk=pk))

    def preview_view(self, request, pk):
        content, message = self._preview(pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Digest preview: {content.profile.user}",
            "content": content,
            "message": message,
            "profile": content.profile,
            "opts": self.model._meta,
            "html_url": reverse("admin:digest_preview_html", args=[pk]),
        }
        return TemplateResponse(request, "admin/runlog/digest_preview.html", context)

    # The email's HTML is ours and uses inline styles, as mail clients need; shown alone, in a sandboxed frame.
    @csp_override(
        {
            "default-src": ["'none'"],
            "style-src": ["'unsafe-inline'"],
            "img-src": ["data:"],
            "frame-ancestors": ["'self'"],
            "sandbox": [""],
        }
    )
    def preview_html(self, request, pk):
        _, message = self._preview(pk)
        response = HttpResponse(message.alternatives[0][0], content_type="text/html; charset=utf-8")
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["week_start", "user", "status", "attempts", "sent_at", "short_error"]
    list_filter = ["status", "week_start"]
    search_fields = ["user__username", "user__email", "last_error"]
    date_hierarchy = "week_start"
    list_select_related = ["user"]
    readonly_fields = ["user", "week_start", "created_at", "sent_at", "attempts", "lease_until", "last_error"]

    @admin.display(description="last error")
    def short_error(self, obj):
        return obj.last_error[:80]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "label", "status", "done_files", "total_files"]
    list_filter = ["status"]
    search_fields = ["user__username", "label"]
    list_select_related = ["user"]
    readonly_fields = ["report"]


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ["start", "user", "distance_km", "duration_s", "kind", "rpe", "shoe", "warm_up", "source"]
    list_filter = ["kind", "source", "warm_up", "surface"]
    search_fields = ["user__username", "notes", "shoe__name"]
    date_hierarchy = "start"
    raw_id_fields = ["user", "shoe"]
    list_select_related = ["user", "shoe"]
    readonly_fields = ["fingerprint", "created_at"]

    @admin.display(description="km", ordering="distance_m")
    def distance_km(self, obj):
        return f"{obj.distance_m / 1000:.2f}"


@admin.register(Shoe)
class ShoeAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "brand", "model", "support", "total_km", "retire_at_km", "retired_on"]
    list_filter = ["support", "retired_on"]
    search_fields = ["name", "brand", "model", "user__username"]
    raw_id_fields = ["user"]
    list_select_related = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_distance()

    @admin.display(description="km so far")
    def total_km(self, obj):
        return f"{obj.total_m() / 1000:.0f}"

    @admin.display(description="retire at km", ordering="retire_at_m")
    def retire_at_km(self, obj):
        return f"{obj.retire_at_m / 1000:.0f}"


@admin.register(CrossTraining)
class CrossTrainingAdmin(admin.ModelAdmin):
    list_display = ["start", "user", "activity", "duration_s", "rpe", "source"]
    list_filter = ["activity", "source"]
    search_fields = ["user__username", "notes"]
    date_hierarchy = "start"
    raw_id_fields = ["user"]
    list_select_related = ["user"]
