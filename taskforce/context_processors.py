"""Values every template needs: the task force's name, the viewer's roles, and whether the page's language is a
draft translation."""

from django.conf import settings
from django.utils import translation

from . import permissions
from .models import TranslationReview


def _translation_is_draft():
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return False
    return not TranslationReview.objects.is_reviewed(language)


def site(request):
    roles = permissions.roles_of(request.user)
    return {
        "task_force_name": settings.TASK_FORCE_NAME,
        "roles": roles,
        "is_staff_user": permissions.Role.STAFF in roles,
        # Called (one query) only by a page drawn in a language other than English.
        "translation_is_draft": _translation_is_draft,
    }
