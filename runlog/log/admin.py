"""Admin for the training log: useful columns, search and filters on profiles, runs, shoes and cross-training;
change forms refused when stale, like the runner's; user forms that keep every email address to one account."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import BaseUserManager
from django.utils.translation import gettext

from runlog.log.accounts import address_in_use
from runlog.log.forms import VersionedFormMixin
from runlog.log.models import CrossTraining, Profile, Run, Shoe

STALE_ADMIN_FORM = "Saved meanwhile by someone else — {changes}. Nothing was saved; save again to keep your values."


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """The admin's change form with the runner's edit-form protection: it carries a signed copy of the
    values it showed, and a save after the row was saved with other values (by the runner, an import)
    is refused with each changed field, both values. Saved again, it keeps the admin's values."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        # The admin reads the row afresh for every POST, inside the request's transaction.
        if self.instance.pk and self.check_version():
            changes = "; ".join(f"{c.label}: yours {c.yours}, saved {c.saved}" for c in self.conflict)
            self.add_error(None, STALE_ADMIN_FORM.format(changes=changes))
        return data


class VersionedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose change form is refused when stale (answering 409, as the runner's edit does)."""

    form = VersionedAdminForm

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method == "POST":
            # Locked until the save commits (the admin's change view is one transaction): no other save
            # slips between the version check and the write.
            obj = type(obj)._default_manager.select_for_update().filter(pk=obj.pk).first() or obj
        return obj

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        form = context["adminform"].form
        if getattr(form, "conflict", None):
            response.status_code = 409
        return response


def _unique_address(form: forms.ModelForm) -> str:
    """The form's email, normalised as sign-up does, refused when another account uses it in any case."""
    address = BaseUserManager.normalize_email(form.cleaned_data.get("email", "").strip())
    if address and address_in_use(address, except_user=form.instance if form.instance.pk else None):
        raise forms.ValidationError(gettext("Another account uses this email address."), code="address_in_use")
    return address


class RunnerChangeForm(UserChangeForm):
    def clean_email(self):
        return _unique_address(self)


class RunnerCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        fields = ("username", "email")

    def clean_email(self):
        return _unique_address(self)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class RunnerAdmin(UserAdmin):
    form = RunnerChangeForm
    add_form = RunnerCreationForm
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "usable_password", "password1", "password2")}),
    )


@admin.register(Profile)
class ProfileAdmin(VersionedAdmin):
    list_display = ["user", "units", "timezone", "digest_enabled", "digest_weekday", "foot_type"]
    list_filter = ["units", "digest_enabled", "digest_weekday", "foot_type"]
    search_fields = ["user__username", "user__email", "timezone"]
    raw_id_fields = ["user", "default_shoe"]
    list_select_related = ["user"]


@admin.register(Run)
class RunAdmin(VersionedAdmin):
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
class ShoeAdmin(VersionedAdmin):
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
class CrossTrainingAdmin(VersionedAdmin):
    list_display = ["start", "user", "activity", "duration_s", "rpe", "source"]
    list_filter = ["activity", "source"]
    search_fields = ["user__username", "notes"]
    date_hierarchy = "start"
    raw_id_fields = ["user"]
    list_select_related = ["user"]
