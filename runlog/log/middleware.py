"""Show every date and time in the runner's own time zone, and every page in the runner's language."""

import zoneinfo

from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from runlog.log.models import Profile


class RunnerTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.profile.timezone))
            except (Profile.DoesNotExist, zoneinfo.ZoneInfoNotFoundError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def runner_language(user) -> str | None:
    """The language a logged-in runner chose in Settings (None without a profile)."""
    try:
        return user.profile.language or None
    except Profile.DoesNotExist:
        return None


class RunnerLanguageMiddleware:
    """The language of every page: the one a logged-in runner chose in Settings; before login (and for a
    user without a profile) the best match of the browser's Accept-Language among settings.LANGUAGES,
    English otherwise. Unlike Django's LocaleMiddleware it never puts the language in the URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = None
        if user is not None and user.is_authenticated:
            language = runner_language(user)
        if language is None:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        # The same address answers in another language for another browser (or runner).
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
