"""Request checks that apply to every view."""

from django.shortcuts import render


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
                request, "400.html", {"reason": "The form contained a character that is not allowed."}, status=400
            )
        return self.get_response(request)


def _has_null(data):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())
