"""Who may do what: the one module that decides access for every view.

Every view is wrapped in ``access(RULE)``; the rule is kept on the view so that
tests/test_access.py can walk every URL as every role and check the promise.
Roles (DESIGN.md): staff, co-chair, data contact, member (any login), public.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class Role(StrEnum):
    STAFF = "staff"
    COCHAIR = "co-chair"
    DATA_CONTACT = "data contact"
    MEMBER = "member"
    PUBLIC = "public"


@dataclass(frozen=True)
class Rule:
    """A named test of a user (and the view's URL arguments) that grants access."""

    name: str
    test: Callable[..., bool]

    def allows(self, user, **view_kwargs) -> bool:
        return bool(self.test(user, **view_kwargs))

    def __str__(self):
        return self.name


def access(rule: Rule):
    """Decorate a view so only users the rule allows reach it.

    Visitors who are not logged in are sent to the login page; logged-in users the
    rule refuses get 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not rule.allows(request.user, **kwargs):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(f"This page is for: {rule}.")
            return view(request, *args, **kwargs)

        wrapped.access_rule = rule
        return wrapped

    return decorator


# Facts about a user, each asked of the database at most once per request.


def _cached(user, key, compute):
    cache = user.__dict__.setdefault("_taskforce_access", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def person_of(user):
    """The registry's Person behind a login, or None."""
    if not user.is_authenticated:
        return None

    def compute():
        from members.models import Person

        return Person.objects.filter(user=user).first()

    return _cached(user, "person", compute)


def chaired_committee_ids(user) -> frozenset[int]:
    """Committees where the user holds a current chair or co-chair role."""
    if not user.is_authenticated:
        return frozenset()

    def compute():
        from members.models import CommitteeRole

        return frozenset(
            CommitteeRole.objects.current()
            .filter(person__user=user, role__in=CommitteeRole.CHAIR_ROLES)
            .values_list("committee_id", flat=True)
        )

    return _cached(user, "chaired", compute)


def data_contact_organization_ids(user) -> frozenset[int]:
    """Organizations for which the user is the current data contact."""
    if not user.is_authenticated:
        return frozenset()

    def compute():
        from members.models import Membership

        return frozenset(
            Membership.objects.current()
            .filter(person__user=user, is_data_contact=True)
            .values_list("organization_id", flat=True)
        )

    return _cached(user, "data_contact", compute)


def represented_organization_ids(user) -> frozenset[int]:
    """Organizations the user currently represents on the task force, in any role."""
    if not user.is_authenticated:
        return frozenset()

    def compute():
        from members.models import Membership

        return frozenset(
            Membership.objects.current().filter(person__user=user).values_list("organization_id", flat=True)
        )

    return _cached(user, "represents", compute)


def roles_of(user) -> frozenset[str]:
    """Every role the user holds, for navigation and the dashboard."""
    if not user.is_authenticated:
        return frozenset({Role.PUBLIC})
    roles = {Role.MEMBER}
    if user.is_staff:
        roles.add(Role.STAFF)
    if chaired_committee_ids(user):
        roles.add(Role.COCHAIR)
    if data_contact_organization_ids(user):
        roles.add(Role.DATA_CONTACT)
    return frozenset(roles)


def is_staff(user) -> bool:
    return user.is_authenticated and user.is_staff


def can_edit_committee(user, committee) -> bool:
    """Staff, or a current chair/co-chair of this committee."""
    return is_staff(user) or committee.pk in chaired_committee_ids(user)


def can_enter_data_for(user, organization) -> bool:
    """The organization's current data contact (staff review, they do not enter)."""
    return organization.pk in data_contact_organization_ids(user)


def can_see_organization_private(user, organization) -> bool:
    """Staff, or someone who currently represents the organization (its MOU file)."""
    return is_staff(user) or organization.pk in represented_organization_ids(user)


# The rules views are decorated with.
ANYONE = Rule("anyone", lambda user, **kw: True)
MEMBER_ONLY = Rule("members (any login)", lambda user, **kw: user.is_authenticated)
STAFF_ONLY = Rule("staff", lambda user, **kw: is_staff(user))
COCHAIR_OR_STAFF = Rule("co-chairs and staff", lambda user, **kw: is_staff(user) or bool(chaired_committee_ids(user)))
DATA_CONTACT_OR_STAFF = Rule(
    "data contacts and staff",
    lambda user, **kw: is_staff(user) or bool(data_contact_organization_ids(user)),
)


# --- resources ---


def can_see_members_only_services(user) -> bool:
    """Members (any login) see the services shared only with members; the public sees public ones."""
    return user.is_authenticated


def can_see_inactive_services(user) -> bool:
    """Staff open inactive services (to fix or revive them); everyone else sees active ones only."""
    return is_staff(user)
