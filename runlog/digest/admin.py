"""Admin for the weekly digest: the deliveries, and a preview of a runner's next digest from their profile."""

from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.csp import csp_override

from runlog.digest.delivery import preview
from runlog.digest.models import DigestDelivery
from runlog.log import admin as log_admin
from runlog.log.models import Profile

# The profile's admin page gains the digest preview here, so the log's admin knows nothing of the digest.
admin.site.unregister(Profile)


@admin.register(Profile)
class ProfileWithDigestPreview(log_admin.ProfileAdmin):
    list_display = [*log_admin.ProfileAdmin.list_display, "digest_preview"]

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
        return preview(get_object_or_404(Profile.objects.select_related("user"), pk=pk))

    def preview_view(self, request, pk):
        content, message = self._preview(pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Digest preview: %(user)s") % {"user": content.profile.user},
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
