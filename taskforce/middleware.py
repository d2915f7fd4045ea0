"""Request checks that apply to every view."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext


class RejectNullCharactersMiddleware:
    """Refuse a request whose form data or query holds a NUL character.

    PostgreSQL cannot store or compare text containing NUL, and no person types one: such a
    request is a broken client or a probe, so it gets a plain 400 before any view sees it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_null(request.GET) or (request.method == "POST" and _has_null(request.POST)):
            return render(
                request,
                "400.html",
                {"reason": gettext("The form contained a character that is not allowed.")},
                status=400,
            )
        return self.get_response(request)


def _has_null(data):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class UserLanguageMiddleware:
    """A logged-in user's language (accounts.User.language) where this browser has made no choice of its own.

    LocaleMiddleware, which runs before the user is known, has already chosen from the language cookie or the
    browser's Accept-Language. The cookie is the choice made on this browser and wins; without it, the user's
    saved choice beats what the browser merely accepts. Logging in writes the saved choice into the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and request.user.is_authenticated:
            chosen = request.user.language
            if chosen and translation.check_for_language(chosen):
                translation.activate(chosen)
                request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # LocaleMiddleware varies on Accept-Language; the language cookie changes every page too, so a shared
        # cache must not hand one visitor's Spanish page (or PDF) to another.
        patch_vary_headers(response, ["Cookie"])
        return response
