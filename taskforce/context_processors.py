"""Values every template needs: the task force's name and the viewer's roles."""

from django.conf import settings

from . import permissions


def site(request):
    roles = permissions.roles_of(request.user)
    return {
        "task_force_name": settings.TASK_FORCE_NAME,
        "roles": roles,
        "is_staff_user": permissions.Role.STAFF in roles,
    }
