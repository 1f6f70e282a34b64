"""API tokens in the admin: seen and revoked, never shown or edited (only their hash is stored)."""

from django.contrib import admin
from django.http import HttpRequest

from runlog.api.models import ApiToken
from runlog.api.tokens import revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope",)
    search_fields = ("name", "user__username")
    readonly_fields = ("user", "name", "scope", "prefix", "created_at", "last_used_at", "revoked_at")
    exclude = ("digest",)
    actions = ["revoke_tokens"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a token's secret is shown once, to its runner: `create_api_token` or Settings

    @admin.action(description="Revoke the selected tokens")
    def revoke_tokens(self, request: HttpRequest, queryset) -> None:
        for token in queryset:
            revoke(token)
