"""CSV import and export of the roster (django-import-export): a preview of what would be created, changed
and left alone, then all-or-nothing, every bad row named by its line in the file (the header is line 1).

Names are compared by `members.names.name_key` (accents, case and typographic apostrophes ignored), so a
file's "Hediana Lopez" is the registry's "Hédiana López": the row updates that person, whose spelling is kept,
and the preview says so; it never creates a second one.
"""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import fields, resources

from .models import Membership, Organization, Person
from .names import closest, name_key


def text(row, column):
    return str(row.get(column) or "").strip()


def did_you_mean(suggestions):
    """' Did you mean “A” or “B”?', or nothing: to follow a sentence that says what is wrong."""
    if not suggestions:
        return ""
    quoted = [f"“{name}”" for name in suggestions]
    if len(quoted) == 1:
        return " " + _("Did you mean %(name)s?") % {"name": quoted[0]}
    return " " + _("Did you mean %(names)s or %(last)s?") % {"names": ", ".join(quoted[:-1]), "last": quoted[-1]}


class RosterDiff(resources.Diff):
    """The preview's before and after, read as the export reads them (the organization and role columns come from
    the person's memberships, which django-import-export's own Diff does not ask)."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left = [resource.export_field(field, instance) for field in resource.get_import_fields()]

    def compare_with(self, resource, instance):
        self.right = [resource.export_field(field, instance) for field in resource.get_import_fields()]


class RosterResource(resources.ModelResource):
    """What the roster's imports share: each row's line in the file, notes for the preview, readable errors."""

    def get_diff_class(self):
        return RosterDiff

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.line_numbers = getattr(dataset, "line_numbers", None) or [n + 1 for n in range(1, len(dataset) + 1)]
        self.notes = {}

    def line_of(self, row_number):
        """The file's line for the n-th data row (counted from 1), the header being line 1."""
        if 0 < row_number <= len(self.line_numbers):
            return self.line_numbers[row_number - 1]
        return row_number + 1

    def note(self, row_number, message):
        self.notes.setdefault(row_number, []).append(message)

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        row_number = kwargs.get("row_number", 0)
        row_result.line = self.line_of(row_number)
        row_result.notes = self.notes.get(row_number, [])

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        for invalid in result.invalid_rows:
            invalid.line = self.line_of(invalid.number)
            invalid.messages = [
                message
                if field in self.self_explaining or field == NON_FIELD_ERRORS
                else f"{self.label(field)}: {message}"
                for field, messages in invalid.error_dict.items()
                for message in messages
            ]
        for error_row in result.error_rows:
            error_row.line = self.line_of(error_row.number)

    # Errors on these fields are whole sentences; others ("Enter a valid email address.") get the field's name.
    self_explaining = ()

    def label(self, field_name):
        try:
            return capfirst(self._meta.model._meta.get_field(field_name).verbose_name)
        except FieldDoesNotExist:
            return capfirst(field_name.replace("_", " "))


class OrganizationResource(RosterResource):
    class Meta:
        model = Organization
        fields = ["name", "acronym", "sector", "status", "website", "joined_on", "description"]
        import_id_fields = ["name"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.organizations = Organization.objects.by_name_key()

    def get_instance(self, instance_loader, row):
        return self.organizations.get(name_key(text(row, "name")))

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "name" and instance.pk:
            return  # the registry's spelling of a name it already has is kept
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        row_number = kwargs.get("row_number", 0)
        if instance.pk and instance.name != text(row, "name"):
            self.note(
                row_number,
                _("Already in the registry as “%(name)s”; that spelling is kept.") % {"name": instance.name},
            )
        sector = text(row, "sector")
        if sector and sector not in Organization.Sector.values:
            labels = {str(label).lower(): value for value, label in Organization.Sector.choices}
            if sector.lower() in labels:
                row["sector"] = labels[sector.lower()]
            else:
                errors["sector"] = _("“%(sector)s” is not a sector. Use one of: %(sectors)s.") % {
                    "sector": sector,
                    "sectors": ", ".join(Organization.Sector.values),
                }
        status = text(row, "status")
        if not status:
            row["status"] = Organization.Status.MEMBER
        elif status not in Organization.Status.values:
            errors["status"] = _("“%(status)s” is not a status. Use member, prospect or former.") % {"status": status}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    self_explaining = ("sector", "status")


class PersonResource(RosterResource):
    organization = fields.Field(column_name="organization", readonly=True)
    role = fields.Field(column_name="role", readonly=True)

    class Meta:
        model = Person
        fields = ["honorific", "given_name", "family_name", "job_title", "email", "phone", "organization", "role"]
        import_id_fields = ["given_name", "family_name"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    # --- export ---

    def current_memberships(self, person):
        if person.pk is None:
            return []
        return [m for m in person.memberships.all() if m.end_on is None]

    def dehydrate_organization(self, person):
        return "; ".join(m.organization.name for m in self.current_memberships(person))

    def dehydrate_role(self, person):
        return "; ".join(m.role for m in self.current_memberships(person))

    def get_export_queryset(self, request=None):
        return Person.objects.prefetch_related("memberships__organization")

    # --- import ---

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.organizations = Organization.objects.by_name_key()
        self.people = Person.objects.prefetch_related("memberships").by_name_key()
        self.first_line_of = {}  # a name's key -> the line it first appears on, for duplicates within the file

    def get_instance(self, instance_loader, row):
        matches = self.people.get(name_key(f"{text(row, 'given_name')} {text(row, 'family_name')}"))
        return matches[0] if matches else None

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if instance.pk and (field.attribute in ("given_name", "family_name") or not text(row, field.column_name)):
            return  # the registry's spelling of a name is kept, and an empty cell erases nothing
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def role_in(self, row, errors):
        """The row's membership role (blank means representative), or an error naming the roles there are."""
        typed = text(row, "role")
        if not typed:
            return Membership.Role.REPRESENTATIVE
        spellings = {}
        for value, label in Membership.Role.choices:
            for spelling in (value, str(label), value.replace("_", " ")):
                spellings[name_key(spelling)] = value
        if name_key(typed) in spellings:
            return spellings[name_key(typed)]
        names = [str(label) for label in Membership.Role.labels]
        errors["role"] = _("“%(role)s” is not a role. Use one of: %(roles)s.") % {
            "role": typed,
            "roles": ", ".join(names),
        } + did_you_mean(closest(typed, names, n=1))
        return None

    def organization_in(self, row, errors):
        typed = text(row, "organization")
        if not typed:
            return None
        organization = self.organizations.get(name_key(typed))
        if organization is None:
            errors["organization"] = _("No organization called “%(name)s”.") % {"name": typed} + (
                did_you_mean(closest(typed, [o.name for o in self.organizations.values()]))
                or " " + _("Import the organization first, or check its spelling.")
            )
        return organization

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        row_number = kwargs.get("row_number", 0)
        given, family = text(row, "given_name"), text(row, "family_name")
        if not given and not family:
            errors["family_name"] = _("The name is missing: a person needs a given name and a family name.")
        elif not given:
            errors["given_name"] = _("The given name is missing.")
        elif not family:
            errors["family_name"] = _("The family name is missing.")
        else:
            key = name_key(f"{given} {family}")
            if len(self.people.get(key, [])) > 1:
                errors["family_name"] = _(
                    "%(count)d people in the registry are called %(name)s, so this row cannot say which one it "
                    "means. Change that person in the admin instead."
                ) % {"count": len(self.people[key]), "name": f"{given} {family}"}
            elif key in self.first_line_of:
                errors["family_name"] = _(
                    "%(name)s is already on line %(line)d of this file: list each person once."
                ) % {"name": f"{given} {family}", "line": self.first_line_of[key]}
            else:
                self.first_line_of[key] = self.line_of(row_number)
        organization = self.organization_in(row, errors)
        role = self.role_in(row, errors)
        if text(row, "role") and not text(row, "organization") and "role" not in errors:
            errors["role"] = _("A role needs an organization: say whom this person represents.")
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
        self.note_matches(instance, row_number, given, family)
        self.note_membership(instance, row_number, organization, role)
        row["organization"], row["role"] = organization, role  # cleaned, for skip_row and after_save_instance

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        exclude = set(errors)
        if exclude & {"given_name", "family_name"}:
            exclude |= {"given_name", "family_name"}  # one sentence says which name is missing, not three
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def note_matches(self, instance, row_number, given, family):
        if instance.pk:
            if instance.full_name != f"{given} {family}":
                self.note(
                    row_number,
                    _("Same person as “%(name)s” in the registry (spelled differently here); that spelling is kept.")
                    % {"name": instance.full_name},
                )
            return
        similar = closest(f"{given} {family}", [p.full_name for same in self.people.values() for p in same], n=2)
        if similar:
            self.note(
                row_number,
                _("New person, with a name like %(names)s already in the registry: check it is someone else.")
                % {"names": ", ".join(f"“{name}”" for name in similar)},
            )

    def note_membership(self, instance, row_number, organization, role):
        if organization is None:
            return
        current = {m.organization_id: m for m in self.current_memberships(instance)}
        held = current.get(organization.pk)
        role_label = Membership.Role(role).label
        if held is None:
            self.note(
                row_number,
                _("Will represent %(organization)s as %(role)s.") % {"organization": organization, "role": role_label},
            )
        elif held.role != role:
            self.note(
                row_number,
                _("Role for %(organization)s changes from %(old)s to %(new)s.")
                % {"organization": organization, "old": held.get_role_display(), "new": role_label},
            )

    def membership_changes(self, instance, row):
        organization, role = row.get("organization"), row.get("role")
        if not isinstance(organization, Organization):
            return False
        held = {m.organization_id: m.role for m in self.current_memberships(instance)}
        return held.get(organization.pk) != role

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or self.membership_changes(original, row):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_save_instance(self, instance, row, **kwargs):
        organization, role = row.get("organization"), row.get("role")
        if not isinstance(organization, Organization):
            return
        if kwargs.get("dry_run") and not kwargs.get("using_transactions"):
            return  # a preview writes only inside the transaction it rolls back
        held = Membership.objects.filter(person=instance, organization=organization, end_on=None).first()
        if held is None:
            Membership.objects.create(person=instance, organization=organization, role=role)
        elif held.role != role:
            held.role = role
            held.save(update_fields=["role"])
        # The preview's organization and role columns are read from the memberships just written.
        getattr(instance, "_prefetched_objects_cache", {}).pop("memberships", None)

    self_explaining = ("given_name", "family_name", "organization", "role")
