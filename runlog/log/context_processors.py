"""Template context shared by every page: the runner's unit label and colour theme."""

from runlog.log.models import Profile, Theme, Units


def units(request):
    """unit for the distances; theme for <html data-theme>, "auto" (follow the device) when signed out."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unit": "km", "theme": Theme.AUTO.value}
    try:
        profile = user.profile
    except Profile.DoesNotExist:
        return {"unit": Units.KM.value, "theme": Theme.AUTO.value}
    return {"unit": profile.units, "theme": profile.theme}
