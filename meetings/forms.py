"""Forms for scheduling, agendas, minutes, attendance and action items; they own validation."""

import datetime
import zoneinfo

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from members.models import Committee, Organization, Person
from taskforce import dates
from taskforce.versions import VersionedRowForm

from .models import ActionItem, AgendaItem, Attendance, Meeting, MeetingDocument, Motion

EARLIER_MEETINGS_LISTED = 50  # the minutes form lists the latest earlier meetings whose minutes it may adopt


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def formset_helper(*rows, narrow=(), people=()):
    """A crispy helper for the forms of a formset inside the page's own <form>: rows (a tuple of names is one
    row of columns, `narrow` names drawn in a narrow column, `people` names drawn as a person picker); the id
    and delete fields come last."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.render_unmentioned_fields = True
    helper.render_hidden_fields = True
    helper.layout = Layout(
        *(
            Row(
                *(
                    Column(_field(name, people), css_class="col-3 col-md-2" if name in narrow else "col-md")
                    for name in row
                )
            )
            if isinstance(row, tuple)
            else _field(row, people)
            for row in rows
        )
    )
    return helper


def _field(name, people):
    return Field(name, template=PERSON_FIELD_TEMPLATE) if name in people else name


class PersonChoiceField(forms.ModelChoiceField):
    """A person, listed "Family, Given"."""

    default_error_messages = {
        "invalid_choice": _("Nobody in the registry has this id: choose a person from the list."),
    }

    def label_from_instance(self, obj):
        return obj.sort_name


class AgendaItemChoiceField(forms.ModelChoiceField):
    """An agenda item, listed "2. Review of minutes"."""

    def label_from_instance(self, obj):
        return f"{obj.position}. {obj.title}"


class MeetingChoiceField(forms.ModelChoiceField):
    """A meeting, listed by its date."""

    def label_from_instance(self, obj):
        return obj.date_label


MAX_ROWS = 100  # rows a minutes formset takes in one save: a larger TOTAL_FORMS is a form error, not a slow request
# The minutes' motion and action-item formsets: no blank row drawn on load (one on request, ?add=..., or fetched
# by "Add another": meetings:minutes_blank_row), a blank row left blank rather than deleted, at most MAX_ROWS.
MINUTES_ROWS = {
    "extra": 0,
    "can_delete": True,
    "can_delete_extra": False,
    "max_num": MAX_ROWS,
    "absolute_max": MAX_ROWS,
    "validate_max": True,
}


def _choice_list(field, objects):
    """What `field` lists for these objects, read once: handed to every form of a formset."""
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    return [*empty, *((obj.pk, field.label_from_instance(obj)) for obj in objects)]


PERSON_FIELD_TEMPLATE = "meetings/_person_field.html"  # the select, and a search for someone not listed in it


class MinutesPeople:
    """What the minutes' person selects (mover, seconder, owner) list: the meeting's attendees and whoever the
    row names already. Anyone else in the registry is found by the search beside each select
    (``meetings:people_search``) and accepted by the field's queryset, the whole registry."""

    FIELDS = ("moved_by", "seconded_by", "owner")

    def __init__(self, attendees):
        self._attendees = attendees  # read when a row first draws its select: a page of no rows reads nothing
        self._posted = None

    @cached_property
    def attendees(self):
        return [(person.pk, person.sort_name) for person in self._attendees]

    @cached_property
    def _listed(self):
        return {pk for pk, _name in self.attendees}

    def choices(self, form, name):
        """The select's choices for `form`'s field `name`: empty, the attendees, then the person it names."""
        field = form.fields[name]
        groups = [("", field.empty_label)]
        if self.attendees:
            groups.append((_("Attended this meeting"), self.attendees))
        named = self._named(form, name)
        if named and named[0] not in self._listed:
            groups.append((_("Named in these minutes"), [named]))
        return groups

    def _named(self, form, name):
        """(pk, name) of the person the row names: as saved, or as posted (several rows' posted people read in
        one query)."""
        if not form.is_bound:
            person = getattr(form.instance, name, None)
            return (person.pk, person.sort_name) if person else None
        value = str(form.data.get(form.add_prefix(name), ""))
        if not value.isdecimal():
            return None
        if self._posted is None:
            posted = {
                int(value)
                for key, value in form.data.items()
                if key.rsplit("-", 1)[-1] in self.FIELDS and str(value).isdecimal() and len(str(value)) < 12
            }
            people = Person.objects.filter(pk__in=posted - self._listed).only("given_name", "family_name")
            self._posted = {person.pk: person.sort_name for person in people}
        pk = int(value) if len(value) < 12 else None
        return (pk, self._posted[pk]) if pk in self._posted else None


class SharedChoices:
    """Querysets and choices read once for a formset whose forms list the same rows in their selects:
    ``fields`` maps a field name to (the queryset it validates against, the objects it lists); ``people`` is
    the MinutesPeople of the person selects."""

    def __init__(self, people=None, **fields):
        self.fields = fields
        self.people = people
        self._lists = {}

    def apply(self, form):
        for name, (queryset, objects) in self.fields.items():
            field = form.fields.get(name)
            if field is None:
                continue
            if name not in self._lists:
                self._lists[name] = _choice_list(field, objects)
            field.queryset = queryset
            field.choices = self._lists[name]  # public setter: the list replaces the per-form query
        if self.people is not None:
            for name in MinutesPeople.FIELDS:
                if name in form.fields:
                    form.fields[name].queryset = Person.objects.all()
                    form.fields[name].choices = self.people.choices(form, name)


class MeetingForm(forms.ModelForm):
    """When and where: the date and times are entered in the task force's time zone."""

    date = dates.DateField(label=_("Date"))
    start_time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = Meeting
        fields = ["committee", "title", "location", "address", "online_link", "is_public"]

    def __init__(self, *args, committees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["committee"].queryset = committees
        if not self.instance.pk:
            # A new meeting is as public as the committee's meetings usually are, unless said otherwise.
            del self.fields["is_public"]
            self.fields["visibility"] = forms.ChoiceField(
                label=_("Who may see it"),
                choices=[
                    ("default", _("As this committee's meetings usually are")),
                    ("public", _("Public: anyone sees its published agenda and approved minutes")),
                    ("members", _("Members only")),
                ],
                initial="default",
            )
        if self.instance.pk:
            start, end = self.instance.local_start, self.instance.local_end
            self.initial.update({"date": start.date(), "start_time": start.time(), "end_time": end.time()})
            self.fields["committee"].disabled = True
            self.fields["status"] = forms.ChoiceField(label=_("Status"), choices=Meeting.Status.choices)
            self.initial["status"] = self.instance.status
        self.order_fields(["committee", "title", "date", "start_time", "end_time"])

    def clean(self):
        cleaned = super().clean()
        date, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if date and start and end:
            cleaned["starts_at"] = datetime.datetime.combine(date, start, tzinfo=_zone())
            cleaned["ends_at"] = datetime.datetime.combine(date, end, tzinfo=_zone())
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end_time", ValidationError(_("The meeting must end after it starts."), code="order"))
            elif cleaned.get("status") == Meeting.Status.HELD and cleaned["starts_at"] > timezone.now():
                self.add_error(
                    "status", ValidationError(_("A meeting can be marked held once it has started."), code="not_yet")
                )
        return cleaned

    def meeting_fields(self):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}
        fields.update(starts_at=self.cleaned_data["starts_at"], ends_at=self.cleaned_data["ends_at"])
        if "status" in self.cleaned_data:
            fields["status"] = self.cleaned_data["status"]
        visibility = self.cleaned_data.get("visibility")
        if visibility:
            default = fields["committee"].meetings_are_public
            fields["is_public"] = {"public": True, "members": False}.get(visibility, default)
        return fields


class OwnRowsOnly:
    """Mixin for a meeting's formsets: a posted row that is not one of this meeting's (another meeting's id,
    a row deleted meanwhile) refuses the whole form; Django's formsets would skip it and say "saved". A row marked
    for deletion that someone else changed meanwhile (VersionedRowForm.conflict) refuses it too: a formset
    ignores a deleted row's own errors."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if getattr(form, "conflict", None) and self._should_delete_form(form):
                raise ValidationError(form.conflict, code="conflict")
        if any(form.instance.pk is None for form in self.initial_forms):
            raise ValidationError(
                _(
                    "A row of this form is not one of this meeting's, or no longer exists. Reload the page and try again."
                ),
                code="unknown_row",
            )


class BoundedRows:
    """Mixin for a formset built with max_num=absolute_max=MAX_ROWS and validate_max: what it says when more is posted."""

    default_error_messages = {
        "too_many_forms": _("At most %(num)d rows can be saved at once: save, then add the rest."),
    }


class OwnRowsInlineFormSet(OwnRowsOnly, BoundedRows, BaseInlineFormSet):
    pass


class AgendaItemForm(forms.ModelForm):
    """One agenda item; "part of" makes it a part (3a, 3b) of a main item of the same meeting."""

    helper = formset_helper(("position", "title", "kind"), ("parent", "presenters", "duration_minutes"), "description")

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "kind", "parent", "presenters", "duration_minutes", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, main_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The meeting's main items, read once for every form of the formset (no query per form).
        self.main_items = {item.pk: item for item in main_items if item.pk != self.instance.pk}
        self.fields["parent"] = forms.TypedChoiceField(
            label=_("Part of"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[
                ("", _("None: a main item")),
                *((pk, f"{item.position}. {item.title}") for pk, item in self.main_items.items()),
            ],
            help_text=_("To make this a part (3a, 3b) of a main item. Save a new item before giving it parts."),
        )

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        return None if pk is None else self.main_items[pk]


class MinutesItemForm(VersionedRowForm, forms.ModelForm):
    """One agenda item's minutes, on its own page (meetings:minutes_item_edit)."""

    helper = formset_helper(("position", "title"), "minutes", narrow={"position"})

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 10})}


class NewMinutesItemForm(forms.ModelForm):
    """An agenda item added while the minutes are written (the minutes' overview), after the last one: its
    minutes (and another place, if need be) are then written on its own page."""

    helper = formset_helper("title")

    class Meta:
        model = AgendaItem
        fields = ["title"]
        labels = {"title": _("Title of the item to add")}


AgendaItemFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, formset=OwnRowsInlineFormSet, extra=1, can_delete=True
)


class MinutesForm(VersionedRowForm, forms.ModelForm):
    """The minutes' closing part; the meeting's version is this part's (VersionedRowForm)."""

    class Meta:
        model = Meeting
        fields = ["status", "announcements", "next_meeting_note"]
        widgets = {"announcements": forms.Textarea(attrs={"rows": 3})}

    def conflict_item(self):
        return _("the closing part of these minutes (status, announcements, next meeting)")


class AmendmentForm(forms.Form):
    """Approved minutes are locked: staff change them by an amendment whose reason is kept in the history."""

    amendment_reason = forms.CharField(
        label=_("Reason for the amendment"),
        required=False,
        max_length=100,
        help_text=_("These minutes were approved: say why they change. The reason is kept in the history."),
    )

    def __init__(self, *args, meeting, may_amend, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting, self.may_amend = meeting, may_amend

    @property
    def locked(self):
        """Approved minutes that this person may not amend: the page shows them, its form cannot be used."""
        return self.meeting.minutes_approved and not self.may_amend

    def clean(self):
        cleaned = super().clean()
        if self.meeting.minutes_approved:
            if not self.may_amend:
                raise ValidationError(
                    _("These minutes were approved and are locked; only staff can amend them."), code="locked"
                )
            if not cleaned.get("amendment_reason"):
                self.add_error(
                    "amendment_reason",
                    ValidationError(_("Approved minutes change only by an amendment: give the reason."), code="reason"),
                )
        return cleaned

    @property
    def change_reason(self):
        """What the history records for this save, or None for an ordinary draft edit."""
        if self.meeting.minutes_approved and self.cleaned_data.get("amendment_reason"):
            return f"Amendment: {self.cleaned_data['amendment_reason']}"
        return None


class SharedChoicesFormSet:
    """Mixin: every form of the formset gets the same SharedChoices (its lists read once for all of them) and
    the moment the page was opened (VersionedRowForm)."""

    opened = None

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "choices": self.choices, "opened": self.opened}


class MotionForm(VersionedRowForm, forms.ModelForm):
    """A motion of one agenda item (its page of the minutes: the item is the formset's, not a choice)."""

    helper = formset_helper(
        "text",
        ("moved_by", "seconded_by"),
        ("result", "yes_count", "no_count", "abstain_count"),
        "approves_minutes_of",
        people={"moved_by", "seconded_by"},
    )

    class Meta:
        model = Motion
        fields = [
            "text",
            "moved_by",
            "seconded_by",
            "result",
            "yes_count",
            "no_count",
            "abstain_count",
            "approves_minutes_of",
        ]
        field_classes = {
            "moved_by": PersonChoiceField,
            "seconded_by": PersonChoiceField,
            "approves_minutes_of": MeetingChoiceField,
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"approves_minutes_of": _("Only for a motion adopting an earlier meeting's minutes.")}

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            choices.apply(self)

    def clean(self):
        cleaned = super().clean()
        moved, seconded = cleaned.get("moved_by"), cleaned.get("seconded_by")
        if moved and seconded and moved == seconded:
            self.add_error(
                "seconded_by",
                ValidationError(_("A motion cannot be seconded by the person who moved it."), code="same_person"),
            )
        return cleaned


class BaseMotionFormSet(OwnRowsOnly, BoundedRows, SharedChoicesFormSet, BaseInlineFormSet):
    """The motions of one agenda item (the formset's instance)."""

    def __init__(self, *args, choices, may_approve, opened=None, **kwargs):
        self.choices, self.may_approve, self.opened = choices, may_approve, opened
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        self._check_votes_against_attendance()
        if self.may_approve:
            return
        # A motion's result and the minutes it names decide whether those minutes are approved (and locked), so
        # only staff write, change or delete a motion that approves minutes, or did before this change.
        for form in self.forms:
            if not form.has_changed():
                continue
            before = form.initial.get("approves_minutes_of")
            if self._should_delete_form(form):
                if before:
                    form.add_error(
                        DELETION_FIELD_NAME,
                        ValidationError(_("Only staff delete a motion that approves minutes."), code="approve"),
                    )
                continue
            changed = [name for name in ("approves_minutes_of", "result") if name in form.changed_data]
            if changed and (before or form.cleaned_data.get("approves_minutes_of")):
                form.add_error(changed[0], ValidationError(_("Only staff approve minutes."), code="approve"))

    def _check_votes_against_attendance(self):
        """A motion counts no more votes than people attended the meeting (present or remote), once its attendance is
        taken: 70 typed for 7 is caught where it is typed."""
        counted = [
            form
            for form in self.forms
            if form.is_valid() and not self._should_delete_form(form) and form.instance.votes_counted
        ]
        if not counted:
            return
        attended = self.instance.meeting.attendances.filter(status__in=Attendance.ATTENDED).count()
        for form in counted:
            if attended and form.instance.votes_counted > attended:
                form.add_error(
                    "yes_count",
                    ValidationError(
                        _(
                            "%(votes)d votes are counted, but %(attended)d people attended this meeting: check the "
                            "counts, or the attendance."
                        ),
                        code="more_votes_than_attended",
                        params={"votes": form.instance.votes_counted, "attended": attended},
                    ),
                )


MotionFormSet = inlineformset_factory(
    AgendaItem,
    Motion,
    form=MotionForm,
    formset=BaseMotionFormSet,
    fk_name="agenda_item",
    **MINUTES_ROWS,
)


class ActionItemForm(VersionedRowForm, forms.ModelForm):
    """An action item of the minutes: on an agenda item's page its item is the formset's; those of no agenda item
    have their own page, where the item is a choice (to give them one)."""

    helper = formset_helper("description", ("owner", "due_on", "status"), "agenda_item", people={"owner"})

    class Meta:
        model = ActionItem
        fields = ["agenda_item", "description", "owner", "due_on", "status"]
        field_classes = {"agenda_item": AgendaItemChoiceField, "owner": PersonChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due_on": dates.DateInput(),
        }

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            choices.apply(self)

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        meeting = self.instance.meeting if self.instance.meeting_id else None
        if due_on and meeting and due_on < meeting.local_start.date():
            raise ValidationError(_("The due date cannot be before the meeting."), code="before_meeting")
        return due_on


class BaseActionItemFormSet(OwnRowsOnly, BoundedRows, SharedChoicesFormSet, BaseInlineFormSet):
    """The action items of a meeting that belong to no agenda item (the formset's instance is the meeting)."""

    def __init__(self, *args, choices, opened=None, **kwargs):
        self.choices, self.opened = choices, opened
        super().__init__(*args, **kwargs)

    def save_new(self, form, commit=True):
        form.instance.committee_id = self.instance.committee_id
        return super().save_new(form, commit=commit)


ActionItemFormSet = inlineformset_factory(
    Meeting,
    ActionItem,
    form=ActionItemForm,
    formset=BaseActionItemFormSet,
    fk_name="meeting",
    **MINUTES_ROWS,
)


class BaseItemActionFormSet(OwnRowsOnly, BoundedRows, SharedChoicesFormSet, BaseInlineFormSet):
    """The action items of one agenda item (the formset's instance, its ``meeting`` read): a new one is of the
    item's meeting and committee."""

    def __init__(self, *args, choices, opened=None, **kwargs):
        self.choices, self.opened = choices, opened
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if form.instance.meeting_id is None:
            form.instance.meeting = self.instance.meeting  # the due date is checked against its day
            form.instance.committee_id = self.instance.meeting.committee_id
        return form


ItemActionFormSet = inlineformset_factory(
    AgendaItem,
    ActionItem,
    form=ActionItemForm,
    formset=BaseItemActionFormSet,
    fk_name="agenda_item",
    **MINUTES_ROWS,
)


def minutes_choices(meeting, agenda=None):
    """What the minutes' selects list and validate against, read once for all the rows of a page: the people
    who attended the meeting (anyone else in the registry is found by the search beside each person select, and
    accepted), the earlier meetings whose minutes a motion may adopt (Meeting.objects.minutes_to_approve_at, the
    latest listed) and, given ``agenda`` (the meeting's items, in order), the agenda item of an action item."""
    earlier = Meeting.objects.minutes_to_approve_at(meeting)
    listed_earlier = earlier.only("starts_at").order_by("-starts_at")[:EARLIER_MEETINGS_LISTED]
    fields = {"approves_minutes_of": (earlier, listed_earlier)}
    if agenda is not None:
        fields["agenda_item"] = (AgendaItem.objects.filter(meeting=meeting), agenda)
    return SharedChoices(people=MinutesPeople(meeting.minutes_people().only("given_name", "family_name")), **fields)


def minutes_conflicts(forms_):
    """The messages of the minutes' rows (``forms_``: forms and formsets) that someone else saved while this
    editor changed them."""
    rows = [row for form in forms_ for row in getattr(form, "forms", [form])]
    return [row.conflict_summary for row in rows if row.conflict]


class GuestForm(AmendmentForm):
    """Add someone to the attendance list: a person already in the registry, or a new one."""

    person = forms.ModelChoiceField(
        label=_("Someone already in the registry"),
        queryset=Person.objects.all(),
        required=False,
        help_text=_("Search by name above; the first match is chosen."),
    )
    given_name = forms.CharField(label=_("Or a new person: given name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    organization = forms.ModelChoiceField(
        label=_("Organization they represent"),
        queryset=Organization.objects.all(),
        required=False,
        help_text=_("Search by name above; the first match is chosen."),
    )
    new_organization = forms.CharField(
        label=_("Or a new organization's name"), max_length=200, required=False, help_text=_("Added as a prospect.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Attendance.Role.choices, initial=Attendance.Role.GUEST)

    def __init__(self, *args, meeting, may_amend=False, choices=None, **kwargs):
        """`choices`: what the person and organization selects list, as (pk, label) pairs (the attendance
        page lists the people its search found, not the registry); validation still uses the querysets."""
        super().__init__(*args, meeting=meeting, may_amend=may_amend, **kwargs)
        self.order_fields([*(name for name in self.fields if name != "amendment_reason"), "amendment_reason"])
        for name, listed in (choices or {}).items():
            self.fields[name].choices = listed

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        given, family = cleaned.get("given_name", "").strip(), cleaned.get("family_name", "").strip()
        if not person and not (given and family):
            raise ValidationError(
                _("Choose someone from the registry, or give a new person's given and family name."), code="who"
            )
        if person and (given or family):
            raise ValidationError(_("Choose someone from the registry or type a new name, not both."), code="both")
        if person and Attendance.objects.filter(meeting=self.meeting, person=person).exists():
            self.add_error("person", ValidationError(_("This person is already on the attendance list."), code="twice"))
        new_org = cleaned.get("new_organization", "").strip()
        if new_org and Organization.objects.filter(name__iexact=new_org).exists():
            self.add_error(
                "new_organization",
                ValidationError(_("That organization is already registered: choose it from the list."), code="exists"),
            )
        return cleaned


class AttendanceFilterForm(forms.Form):
    """The period of an attendance report."""

    start = dates.DateField(label=_("From"))
    end = dates.DateField(label=_("Until"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", ValidationError(_("The end of the period must be after its start."), code="order"))
        return cleaned


class ActionItemFilterForm(forms.Form):
    """The action-items page's filters: one committee (by its slug in the address) and "only mine"."""

    committee = forms.ModelChoiceField(
        label=_("Committee"),
        queryset=Committee.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("All committees"),
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)  # ids "committee" and "mine", as the page's links expect


class MeetingFilterForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Committee"),
        queryset=Committee.objects.filter(is_active=True),
        required=False,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All")), *((year, year) for year in years)]


class NotYetHeldForm(forms.Form):
    """Attendance or minutes of a meeting whose day is still ahead are saved only once confirmed: a slip of the
    meeting picker (next month's meeting for last month's) should not quietly record a meeting nobody held."""

    confirm_not_yet_held = forms.BooleanField(required=False)

    QUESTIONS = {
        "attendance": _("This meeting is on %(date)s; record attendance anyway?"),
        "minutes": _("This meeting is on %(date)s; record minutes anyway?"),
    }

    def __init__(self, *args, meeting, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.needed = meeting.not_yet_held()
        if not self.needed:
            del self.fields["confirm_not_yet_held"]
            return
        day = meeting.local_start.date()
        # The language's own order ("miércoles, 4 de marzo"); the year only when it is not this one.
        date = dates.weekday_date(day, "MONTH_DAY_FORMAT" if day.year == timezone.localdate().year else "DATE_FORMAT")
        self.fields["confirm_not_yet_held"].label = self.QUESTIONS[record] % {"date": date}
        self.fields["confirm_not_yet_held"].help_text = _("Tick to save: the meeting's day has not come yet.")

    def clean(self):
        cleaned = super().clean()
        if self.needed and not cleaned.get("confirm_not_yet_held"):
            self.add_error(
                "confirm_not_yet_held",
                ValidationError(
                    _("Nothing was saved: tick the box to confirm, or choose the meeting that took place."),
                    code="not_yet_held",
                ),
            )
        return cleaned


class MeetingDocumentForm(forms.ModelForm):
    """Attach a file to a meeting or one of its agenda items; only staff choose who may open it."""

    class Meta:
        model = MeetingDocument
        fields = ["title", "agenda_item", "file", "visibility"]
        widgets = {"visibility": forms.RadioSelect}

    def __init__(self, *args, meeting, may_publish, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position", "pk")
        self.fields["agenda_item"].empty_label = _("The whole meeting")
        self.fields["file"].widget.attrs["accept"] = ".pdf,.docx,.pptx,.png,.jpg,.jpeg"
        if not may_publish:
            del self.fields["visibility"]
        elif not meeting.agenda_published:
            # Public only once the agenda is published (MeetingDocument.clean): not offered before, rather than
            # chosen, refused, and the chosen file to pick again.
            visibility = self.fields["visibility"]
            visibility.choices = [
                (value, label) for value, label in visibility.choices if value != MeetingDocument.Visibility.PUBLIC
            ]
            visibility.help_text = _("It can be made public once the meeting's agenda is published.")
