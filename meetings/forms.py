"""Forms for scheduling, agendas, minutes, attendance and action items; they own validation."""

import datetime
import html
import zoneinfo

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.forms import BaseInlineFormSet, BaseModelFormSet, inlineformset_factory, modelformset_factory
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from members.models import Committee, Organization, Person

from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion, date_label


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class FastSelect(forms.Select):
    """A <select> whose options are written in Python, not one template per option: the same markup,
    a fraction of the time on pages with many long lists (the minutes form has several per motion).
    A list of choices shared by several selects (_share_choices) is escaped once."""

    _escaped = {}  # id(choices) -> (choices, [(value, '<option value="..."', '>label</option>')])

    def _options(self):
        choices = self.choices
        cached = self._escaped.get(id(choices))
        if cached is not None and cached[0] is choices:
            return cached[1]
        options = []
        for option_value, label in choices:
            if isinstance(label, (list, tuple)):  # optgroups are not used here: let Django draw them
                return None
            option_value = "" if option_value is None else str(option_value)
            options.append((option_value, f'<option value="{_text(option_value)}"', f">{_text(label)}</option>"))
        if isinstance(choices, list):
            if len(self._escaped) > 64:
                self._escaped.clear()
            self._escaped[id(choices)] = (choices, options)
        return options

    def render(self, name, value, attrs=None, renderer=None):
        options = self._options()
        if options is None:
            return super().render(name, value, attrs, renderer)
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["name"] = name
        selected = {str(v) for v in self.format_value(value)}
        rows = "\n".join(
            f"{head} selected{tail}" if option_value in selected else f"{head}{tail}"
            for option_value, head, tail in options
        )
        return mark_safe(f"<select{flatatt(attrs)}>\n{rows}\n</select>")  # noqa: S308 (escaped above)


def _fast_selects(form):
    """Draw the form's plain selects with FastSelect (same attributes, same choices)."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            widget = FastSelect(attrs=field.widget.attrs)
            widget.choices = field.widget.choices
            widget.is_required = field.widget.is_required
            field.widget = widget


_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in ("input", "text", "number", "email", "url", "password", "hidden", "date", "time", "search", "tel")
)
_CHECKBOX_TEMPLATE = "django/forms/widgets/checkbox.html"
_TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


def _text(value):
    """What `{{ value|stringformat:'s' }}` writes, escaped as a template would (html.escape for plain
    strings: django.utils.html.escape without its lazy-string wrapper)."""
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(value if isinstance(value, SafeData) else str(value))


def _widget_attrs(attrs):
    """django/forms/widgets/attrs.html in Python."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastWidgetRenderer(DjangoTemplates):
    """Django's form renderer, except that inputs, checkboxes and textareas are written in Python
    (the same markup as Django's widget templates): the minutes form has a hundred such widgets,
    and a template per widget is most of its time. Everything else renders from the templates."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None and (template_name in _INPUT_TEMPLATES or template_name == _CHECKBOX_TEMPLATE):
            value = f' value="{_text(widget["value"])}"' if widget["value"] is not None else ""
            return mark_safe(  # noqa: S308 (every value is escaped)
                f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}'
                f"{_widget_attrs(widget['attrs'])}>"
            )
        if widget is not None and template_name == _TEXTAREA_TEMPLATE:
            value = conditional_escape(widget["value"]) if widget["value"] else ""
            return mark_safe(  # noqa: S308 (every value is escaped)
                f'<textarea name="{_text(widget["name"])}"{_widget_attrs(widget["attrs"])}>\n{value}</textarea>'
            )
        return super().render(template_name, context, request=request)


FAST_RENDERER = FastWidgetRenderer()


class FastForm:
    """Mixin: the form renders its widgets with FAST_RENDERER."""

    default_renderer = FAST_RENDERER


PERSON_FIELDS = ("moved_by", "seconded_by", "owner")


def _choices_sql():
    """One statement for the minutes form's lists: the people (see minutes_form_choices) and the earlier
    meetings whose minutes it may adopt (the fifty latest), as JSON. Table names come from the models."""
    person, attendance, meeting = Person._meta.db_table, Attendance._meta.db_table, Meeting._meta.db_table
    # Only the models' table names are formatted in; every value is a query parameter.
    return f"""
        SELECT
          (SELECT coalesce(json_agg(json_build_array(p.id, p.family_name, p.given_name)
                                    ORDER BY p.family_name, p.given_name), '[]')
             FROM {person} p
            WHERE NOT EXISTS (SELECT 1 FROM {attendance} a WHERE a.meeting_id = %(meeting)s)
               OR p.id IN (SELECT a.person_id FROM {attendance} a WHERE a.meeting_id = %(meeting)s)
               OR p.id = ANY(%(named)s::bigint[])),
          (SELECT coalesce(json_agg(json_build_array(m.id, m.starts_at) ORDER BY m.starts_at DESC), '[]')
             FROM (SELECT id, starts_at FROM {meeting}
                    WHERE committee_id = %(committee)s AND starts_at < %(starts_at)s
                      AND (minutes_state = %(draft)s OR minutes_approved_at_id = %(meeting)s)
                    ORDER BY starts_at DESC LIMIT 50) m)
    """  # noqa: S608


def minutes_form_choices(meeting, data=None, named=()):
    """(people, earlier meetings) for the minutes form's selects, in one query. The people the minutes'
    movers, seconders and owners are chosen from: those on the meeting's attendance list, `named` (the
    people its motions and action items already name), and anyone just posted; until attendance is taken,
    everyone in the registry. The earlier meetings: those whose minutes it may adopt (Meeting.objects.
    minutes_to_approve_at), the fifty latest."""
    named = {pk for pk in named if pk is not None}
    for key, value in (data or {}).items():
        if key.rpartition("-")[2] in PERSON_FIELDS and str(value).isdigit() and len(str(value)) < 10:
            named.add(int(value))
    with connection.cursor() as cursor:
        cursor.execute(
            _choices_sql(),
            {
                "meeting": meeting.pk,
                "named": sorted(named),
                "committee": meeting.committee_id,
                "starts_at": meeting.starts_at,
                "draft": Meeting.MinutesState.DRAFT.value,
            },
        )
        people, earlier = cursor.fetchone()
    zone = timezone.get_current_timezone()
    return (
        [("", "---------"), *((pk, f"{family}, {given}") for pk, family, given in people)],
        [
            ("", "---------"),
            *(
                (pk, date_label(timezone.localtime(datetime.datetime.fromisoformat(start), zone)))
                for pk, start in earlier
            ),
        ],
    )


def meeting_people_choices(meeting, data=None, named=()):
    """The people list of minutes_form_choices."""
    return minutes_form_choices(meeting, data, named)[0]


class LeanLayout:
    """How meetings_tags.lean_form lays a formset form out: rows (a tuple of names is one row of columns),
    `narrow` the names drawn in a narrow column. Built once per form class, not per form."""

    def __init__(self, *rows, narrow=()):
        self.rows, self.narrow = rows, frozenset(narrow)


def _helper(*rows):
    """A crispy helper that lays a formset form out in rows, inside the page's own <form>."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.render_unmentioned_fields = True  # the formset's id and delete fields
    helper.render_hidden_fields = True
    helper.rows = rows  # what meetings_tags.lean_form lays out
    helper.layout = Layout(
        *(Row(*(Column(name, css_class="col-md") for name in row)) if isinstance(row, tuple) else row for row in rows)
    )
    return helper


def _share_choices(form, choices_by_field):
    # Setting choices on a ModelChoiceField replaces its per-form query; validation still uses the queryset.
    # The list (already (value, label) pairs) is shared as it is, so each select does not copy it and
    # FastSelect escapes it once for every form.
    for name, choices in choices_by_field.items():
        if name in form.fields:
            field = form.fields[name]
            field._choices = field.widget._choices = choices  # the setters would copy (normalize) the list


class MeetingForm(FastForm, forms.ModelForm):
    """When and where: the date and times are entered in the task force's time zone."""

    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label="Starts at", widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label="Ends at", widget=forms.TimeInput(attrs={"type": "time"}))

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
                label="Who may see it",
                choices=[
                    ("default", "As this committee's meetings usually are"),
                    ("public", "Public: anyone sees its published agenda and approved minutes"),
                    ("members", "Members only"),
                ],
                initial="default",
            )
        if self.instance.pk:
            start, end = self.instance.local_start, self.instance.local_end
            self.initial.update({"date": start.date(), "start_time": start.time(), "end_time": end.time()})
            self.fields["committee"].disabled = True
            self.fields["status"] = forms.ChoiceField(label="Status", choices=Meeting.Status.choices)
            self.initial["status"] = self.instance.status
        self.order_fields(["committee", "title", "date", "start_time", "end_time"])

    def clean(self):
        cleaned = super().clean()
        date, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if date and start and end:
            cleaned["starts_at"] = datetime.datetime.combine(date, start, tzinfo=_zone())
            cleaned["ends_at"] = datetime.datetime.combine(date, end, tzinfo=_zone())
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end_time", ValidationError("The meeting must end after it starts.", code="order"))
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


class VersionForm(FastForm, forms.Form):
    """The version of the meeting the editor started from: a later save by someone else is a conflict."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaItemForm(FastForm, forms.ModelForm):
    """One agenda item; "part of" makes it a part (3a, 3b) of a main item of the same meeting."""

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "kind", "parent", "presenters", "duration_minutes", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, main_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The meeting's main items, read once for every form of the formset (no query per form).
        self._main_items = {item.pk: item for item in main_items if item.pk != self.instance.pk}
        self.fields["parent"] = forms.TypedChoiceField(
            label="Part of",
            required=False,
            coerce=int,
            empty_value=None,
            choices=[
                ("", "None: a main item"),
                *((pk, f"{i.position}. {i.title}") for pk, i in self._main_items.items()),
            ],
            help_text="To make this a part (3a, 3b) of a main item. Save a new item before giving it parts.",
        )
        self.helper = _helper(
            ("position", "title", "kind"), ("parent", "presenters", "duration_minutes"), "description"
        )
        _fast_selects(self)

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        return None if pk is None else self._main_items[pk]


class MinutesItemForm(FastForm, forms.ModelForm):
    helper = LeanLayout(("position", "title"), "minutes", narrow={"position"})

    class Meta:
        model = AgendaItem
        fields = ["position", "title", "minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 6})}


AgendaItemFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, extra=1, can_delete=True, renderer=FAST_RENDERER
)
MinutesItemFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=MinutesItemForm, extra=1, can_delete=False, renderer=FAST_RENDERER
)


class MinutesForm(FastForm, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["status", "announcements", "next_meeting_note"]
        widgets = {"announcements": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _fast_selects(self)


class AmendmentForm(FastForm, forms.Form):
    """Approved minutes are locked: staff change them by an amendment whose reason is kept in the history."""

    amendment_reason = forms.CharField(
        label="Reason for the amendment",
        required=False,
        max_length=100,
        help_text="These minutes were approved: say why they change. The reason is kept in the history.",
    )

    def __init__(self, *args, meeting, may_amend, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting, self.may_amend = meeting, may_amend

    def clean(self):
        cleaned = super().clean()
        if self.meeting.minutes_approved:
            if not self.may_amend:
                raise ValidationError(
                    "These minutes were approved and are locked; only staff can amend them.", code="locked"
                )
            if not cleaned.get("amendment_reason"):
                self.add_error(
                    "amendment_reason",
                    ValidationError("Approved minutes change only by an amendment: give the reason.", code="reason"),
                )
        return cleaned

    @property
    def change_reason(self):
        """What the history records for this save, or None for an ordinary draft edit."""
        if self.meeting.minutes_approved and self.cleaned_data.get("amendment_reason"):
            return f"Amendment: {self.cleaned_data['amendment_reason']}"
        return None


class MotionForm(FastForm, forms.ModelForm):
    helper = LeanLayout(
        ("agenda_item", "result"),
        "text",
        ("moved_by", "seconded_by"),
        ("yes_count", "no_count", "abstain_count"),
        "approves_minutes_of",
    )

    class Meta:
        model = Motion
        fields = [
            "agenda_item",
            "text",
            "moved_by",
            "seconded_by",
            "result",
            "yes_count",
            "no_count",
            "abstain_count",
            "approves_minutes_of",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _fast_selects(self)

    def clean(self):
        cleaned = super().clean()
        moved, seconded = cleaned.get("moved_by"), cleaned.get("seconded_by")
        if moved and seconded and moved == seconded:
            self.add_error(
                "seconded_by",
                ValidationError("A motion cannot be seconded by the person who moved it.", code="same_person"),
            )
        return cleaned


class SharedChoicesMixin:
    """A formset whose forms' selects share ``self.choices`` (one list for all of them, escaped once);
    ``prepare_form`` sets what each form validates against, built once for the formset."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        self.prepare_form(form)
        _share_choices(form, self.choices)
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        _share_choices(form, self.choices)
        return form

    def prepare_form(self, form):
        form.fields["agenda_item"].queryset = self.agenda_items


class BaseMotionFormSet(SharedChoicesMixin, BaseModelFormSet):
    def __init__(self, *args, meeting, choices, may_approve, **kwargs):
        self.meeting, self.choices, self.may_approve = meeting, choices, may_approve
        # What the selects validate against, built once for every form of the formset.
        self.agenda_items = AgendaItem.objects.filter(meeting=meeting)
        self.earlier_meetings = Meeting.objects.minutes_to_approve_at(meeting)
        super().__init__(*args, **kwargs)

    def prepare_form(self, form):
        super().prepare_form(form)
        form.fields["approves_minutes_of"].queryset = self.earlier_meetings
        form.fields["approves_minutes_of"].help_text = "Only for a motion adopting an earlier meeting's minutes."

    def clean(self):
        super().clean()
        if self.may_approve:
            return
        for form in self.forms:
            if "approves_minutes_of" in form.changed_data and form.cleaned_data.get("approves_minutes_of"):
                form.add_error("approves_minutes_of", ValidationError("Only staff approve minutes.", code="approve"))


MotionFormSet = modelformset_factory(
    Motion, form=MotionForm, formset=BaseMotionFormSet, extra=1, can_delete=True, renderer=FAST_RENDERER
)


class ActionItemForm(FastForm, forms.ModelForm):
    helper = LeanLayout("description", ("owner", "due_on", "status"), "agenda_item")

    class Meta:
        model = ActionItem
        fields = ["agenda_item", "description", "owner", "due_on", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "due_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _fast_selects(self)

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        meeting = self.instance.meeting if self.instance.meeting_id else None
        if due_on and meeting and due_on < meeting.local_start.date():
            raise ValidationError("The due date cannot be before the meeting.", code="before_meeting")
        return due_on


class BaseActionItemFormSet(SharedChoicesMixin, BaseInlineFormSet):
    def __init__(self, *args, choices, **kwargs):
        self.choices = choices
        super().__init__(*args, **kwargs)
        self.agenda_items = AgendaItem.objects.filter(meeting=self.instance)  # built once for every form

    def save_new(self, form, commit=True):
        form.instance.committee_id = self.instance.committee_id
        return super().save_new(form, commit=commit)


ActionItemFormSet = inlineformset_factory(
    Meeting,
    ActionItem,
    form=ActionItemForm,
    formset=BaseActionItemFormSet,
    fk_name="meeting",
    extra=1,
    can_delete=True,
    renderer=FAST_RENDERER,
)


class GuestForm(AmendmentForm):
    """Add someone to the attendance list: a person already in the registry, or a new one."""

    person = forms.ModelChoiceField(
        label="Someone already in the registry",
        queryset=Person.objects.all(),
        required=False,
        help_text="Search by name above; the first match is chosen.",
    )
    given_name = forms.CharField(label="Or a new person: given name", max_length=100, required=False)
    family_name = forms.CharField(label="Family name", max_length=100, required=False)
    organization = forms.ModelChoiceField(
        label="Organization they represent", queryset=Organization.objects.all(), required=False
    )
    new_organization = forms.CharField(
        label="Or a new organization's name", max_length=200, required=False, help_text="Added as a prospect."
    )
    role = forms.ChoiceField(label="Role", choices=Attendance.Role.choices, initial=Attendance.Role.GUEST)

    def __init__(self, *args, meeting, may_amend=False, choices=None, **kwargs):
        super().__init__(*args, meeting=meeting, may_amend=may_amend, **kwargs)
        self.order_fields([*(name for name in self.fields if name != "amendment_reason"), "amendment_reason"])
        _fast_selects(self)
        if choices:
            _share_choices(self, choices)

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        given, family = cleaned.get("given_name", "").strip(), cleaned.get("family_name", "").strip()
        if not person and not (given and family):
            raise ValidationError(
                "Choose someone from the registry, or give a new person's given and family name.", code="who"
            )
        if person and (given or family):
            raise ValidationError("Choose someone from the registry or type a new name, not both.", code="both")
        if person and Attendance.objects.filter(meeting=self.meeting, person=person).exists():
            self.add_error("person", ValidationError("This person is already on the attendance list.", code="twice"))
        new_org = cleaned.get("new_organization", "").strip()
        if new_org and Organization.objects.filter(name__iexact=new_org).exists():
            self.add_error(
                "new_organization",
                ValidationError("That organization is already registered: choose it from the list.", code="exists"),
            )
        return cleaned


class AttendanceFilterForm(FastForm, forms.Form):
    """The period of an attendance report."""

    start = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="Until", widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", ValidationError("The end of the period must be after its start.", code="order"))
        return cleaned


class MeetingFilterForm(forms.Form):
    committee = forms.ModelChoiceField(
        label="Committee",
        queryset=Committee.objects.filter(is_active=True),
        required=False,
        empty_label="All",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    year = forms.TypedChoiceField(
        label="Year", coerce=int, required=False, empty_value=None, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All"), *((year, year) for year in years)]
