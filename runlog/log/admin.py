"""Admin for the training log: useful columns, search and filters on profiles, runs, shoes and cross-training."""

from django.contrib import admin

from runlog.log.models import CrossTraining, Profile, Run, Shoe


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "units", "timezone", "digest_enabled", "digest_weekday", "foot_type"]
    list_filter = ["units", "digest_enabled", "digest_weekday", "foot_type"]
    search_fields = ["user__username", "user__email", "timezone"]
    raw_id_fields = ["user", "default_shoe"]
    list_select_related = ["user"]


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ["start", "user", "distance_km", "duration_s", "kind", "rpe", "shoe", "warm_up", "source"]
    list_filter = ["kind", "source", "warm_up", "surface"]
    search_fields = ["user__username", "notes", "shoe__name"]
    date_hierarchy = "start"
    raw_id_fields = ["user", "shoe"]
    list_select_related = ["user", "shoe"]
    readonly_fields = ["created_at"]

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
