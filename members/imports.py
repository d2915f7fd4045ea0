"""CSV import and export of the roster (django-import-export), all-or-nothing with per-row errors."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from .models import Membership, Organization, Person


class OrganizationResource(resources.ModelResource):
    class Meta:
        model = Organization
        fields = ["name", "acronym", "sector", "status", "website", "joined_on", "description"]
        import_id_fields = ["name"]
        clean_model_instances = True
        skip_unchanged = True

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        sector = (row.get("sector") or "").strip()
        if sector and sector not in Organization.Sector.values:
            labels = {label.lower(): value for value, label in Organization.Sector.choices}
            if sector.lower() in labels:
                row["sector"] = labels[sector.lower()]
            else:
                errors["sector"] = _("“%(sector)s” is not a sector. Use one of: %(sectors)s.") % {
                    "sector": sector,
                    "sectors": ", ".join(Organization.Sector.values),
                }
        status = (row.get("status") or "").strip()
        if not status:
            row["status"] = Organization.Status.MEMBER
        elif status not in Organization.Status.values:
            errors["status"] = _("“%(status)s” is not a status. Use member, prospect or former.") % {"status": status}
        if errors:
            raise ValidationError(errors)
        super().import_instance(instance, row, **kwargs)


class PersonResource(resources.ModelResource):
    organization = fields.Field(column_name="organization", readonly=True)

    class Meta:
        model = Person
        fields = ["honorific", "given_name", "family_name", "job_title", "email", "phone", "organization"]
        import_id_fields = ["given_name", "family_name"]
        clean_model_instances = True

    def dehydrate_organization(self, person):
        return "; ".join(m.organization.name for m in person.memberships.all() if m.end_on is None)

    def get_export_queryset(self, request=None):
        return Person.objects.prefetch_related("memberships__organization")

    def import_instance(self, instance, row, **kwargs):
        name = (row.get("organization") or "").strip()
        if name and not Organization.objects.filter(name=name).exists():
            raise ValidationError(
                {
                    "organization": _("No organization is named “%(name)s”. Import the organization first.")
                    % {"name": name}
                }
            )
        if not (row.get("given_name") or "").strip() or not (row.get("family_name") or "").strip():
            raise ValidationError({"family_name": _("Both the given name and the family name are needed.")})
        super().import_instance(instance, row, **kwargs)

    def after_save_instance(self, instance, row, **kwargs):
        name = (row.get("organization") or "").strip()
        if name and not kwargs.get("dry_run"):
            organization = Organization.objects.get(name=name)
            Membership.objects.get_or_create(person=instance, organization=organization, end_on=None)
