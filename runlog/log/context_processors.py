"""Template context shared by every page: the runner's unit label."""

from runlog.log.models import Profile, Units


def units(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unit": "km"}
    try:
        return {"unit": user.profile.units}
    except Profile.DoesNotExist:
        return {"unit": Units.KM.value}
