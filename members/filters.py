"""Search and filters of the directory (django-filter)."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .models import MOU, Committee, Membership, Organization, Person, containing

UNSIGNED = "unsigned"  # organizations with no signed MOU: the dashboard's list to chase


def _committee_filter():
    """The directory's and the organization list's committee filter (each filter set owns its method)."""
    return django_filters.ModelChoiceFilter(
        label=_("Committee"),
        queryset=Committee.objects.filter(is_active=True),
        method="on_committee",
        to_field_name="slug",
        empty_label=_("Any committee"),
    )


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by name, title or organization"), method="search")
    committee = _committee_filter()
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Organization.Sector.choices, method="in_sector", empty_label=_("Any sector")
    )

    class Meta:
        model = Person
        fields = []

    # The filters test memberships and roles with EXISTS rather than joins, so a person is never
    # listed twice and the list needs no DISTINCT (the directory reads its rows with .values()).
    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                containing(word, "given_name", "family_name", "job_title")
                | Exists(
                    Membership.objects.filter(person=OuterRef("pk")).filter(
                        containing(word, "organization__name") | Q(organization__acronym__iexact=word)
                    )
                )
            )
        return queryset

    def on_committee(self, queryset, name, committee):
        return queryset.filter(Exists(committee.roles.current().filter(person=OuterRef("pk"))))

    def in_sector(self, queryset, name, sector):
        return queryset.filter(
            Exists(Membership.objects.current().filter(person=OuterRef("pk"), organization__sector=sector))
        )


def _current_memberships():
    return Membership.objects.current()


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by name"), method="search")
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Organization.Sector.choices, empty_label=_("Any sector")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Organization.Status.choices, empty_label=_("Members and prospects")
    )
    mou = django_filters.ChoiceFilter(
        label=_("MOU"),
        choices=[*MOU.Status.choices, ("none", _("No MOU at all")), (UNSIGNED, _("No signed MOU"))],
        method="with_mou",
        empty_label=_("Any MOU"),
    )
    committee = _committee_filter()

    class Meta:
        model = Organization
        fields = []

    def search(self, queryset, name, value):
        return queryset.matching(value)

    def with_mou(self, queryset, name, value):
        if value == "none":
            return queryset.filter(mous__isnull=True)
        if value == UNSIGNED:
            return queryset.filter(~Exists(MOU.objects.filter(organization=OuterRef("pk"), status=MOU.Status.SIGNED)))
        return queryset.filter(mous__status=value).distinct()

    def on_committee(self, queryset, name, committee):
        people = committee.roles.current().values("person")
        return queryset.filter(memberships__in=_current_memberships().filter(person__in=people)).distinct()
