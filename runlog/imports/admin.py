"""Admin for imports: every batch with its status and per-file report."""

from django.contrib import admin

from runlog.imports.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "label", "status", "done_files", "total_files"]
    list_filter = ["status"]
    search_fields = ["user__username", "label"]
    list_select_related = ["user"]
    readonly_fields = ["report"]
