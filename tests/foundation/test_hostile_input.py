"""Hostile values a logged-in user can type: dates from year 1 to 9999 and integers past 64 bits.

Written as the class, not the single case: every model date field is checked for the range
(taskforce/dates.py) in Python and in the database; every form with a date input that the URL walk
finds (the app's pages and the admin's) is posted with dates from year 1 to 9999; every paginated
list is asked for pages from -2^63 to beyond 2^63; every URL that takes a number is given huge ones.
"""

import datetime
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from taskforce import dates
from tests.test_access import URLS, all_samples
from tests.test_fuzz_forms import row_counts

OUR_APPS = ["accounts", "goals", "meetings", "members", "reports", "taskforce"]
RANGE_MESSAGE = "Enter a date between January 1, 1990 and December 31, 2100."
EDGES = [
    datetime.date(1, 1, 1),
    datetime.date(1989, 12, 31),
    datetime.date(1990, 1, 1),
    datetime.date(2100, 12, 31),
    datetime.date(2101, 1, 1),
    datetime.date(9999, 12, 31),
]
ANY_DATE = st.one_of(st.dates(), st.sampled_from(EDGES))
EXAMPLES = hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
)
# Some thirty forms are posted: a few drawn dates each besides the edges, fewer for the admin's heavy pages
# (its forms are the models' validators, which test_every_date_column_takes_exactly_the_range draws for).
FORM_EXAMPLES = hypothesis_settings(EXAMPLES, max_examples=4)
ADMIN_EXAMPLES = hypothesis_settings(EXAMPLES, max_examples=1)
# A refused form shows its errors: crispy's invalid-feedback, the admin's errorlist.
ERROR_MARK = r"invalid-feedback|errorlist|is-invalid"


def edge_examples(test):
    for day in EDGES:
        test = example(day=day)(test)
    return test


# Moments only the background worker writes (the time it finished), in no form and not in the admin.
# Timestamps the app writes itself (the PDF worker's progress, a calendar link's use), never a person.
SET_BY_THE_SYSTEM = {
    f"{model}.{field}"
    for model in ("reports.ReportPDF", "members.PamphletPDF", "meetings.MeetingPacketPDF")
    for field in ("requested_at", "started_at", "rendered_at")
} | {"meetings.CalendarToken.last_used_at", "meetings.CalendarToken.revoked_at"}


def entered_date_fields():
    """(model, field) for every date and time column of our apps a person or the admin can set:
    everything but the automatic timestamps and SET_BY_THE_SYSTEM; django-simple-history's copies are
    left to their originals."""
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.DateField) or field.auto_now or field.auto_now_add:
                    continue
                if f"{model._meta.label}.{field.name}" not in SET_BY_THE_SYSTEM:
                    yield model, field


ENTERED = [pytest.param(model, field, id=f"{model.__name__}.{field.name}") for model, field in entered_date_fields()]


def constraint_name(model, field):
    return f"{model._meta.app_label}_{model._meta.model_name}_{field.name}_in_range"


# --- every column: a validator next to the field and a check constraint in the database -----------------


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), ENTERED)
def test_every_date_column_is_bounded_in_python_and_in_the_database(model, field):
    assert dates.validate_date in field.validators
    names = {
        constraint.name % {"app_label": model._meta.app_label, "class": model._meta.model_name}
        for constraint in model._meta.constraints
    }
    assert constraint_name(model, field) in names
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    assert found[constraint_name(model, field)]["check"], "the migration did not create the constraint"


@pytest.mark.parametrize(("model", "field"), ENTERED)
@given(day=ANY_DATE)
@EXAMPLES
def test_every_date_column_takes_exactly_the_range(model, field, day):
    value = day
    if isinstance(field, models.DateTimeField):
        value = datetime.datetime.combine(day, datetime.time(18), tzinfo=timezone.get_current_timezone())
    inside = dates.EARLIEST <= day <= dates.LATEST
    try:
        field.run_validators(value)
    except ValidationError as error:
        assert not inside and error.messages == [RANGE_MESSAGE]
    else:
        assert inside


@pytest.mark.django_db
def test_the_database_refuses_a_meeting_in_year_9999_that_bypasses_every_form(world):
    from meetings.models import Meeting

    evening = datetime.datetime(9999, 12, 31, 18, tzinfo=datetime.UTC)  # the probe's meeting, as near as Python goes
    with pytest.raises(IntegrityError, match=r"meetings_meeting_(starts|ends)_at_in_range"), transaction.atomic():
        Meeting.objects.create(committee=world.youth, starts_at=evening, ends_at=evening + datetime.timedelta(hours=2))


@pytest.mark.django_db
def test_the_database_refuses_year_9999_in_a_date_column_written_past_the_model(world):
    from members.models import Membership

    with pytest.raises(IntegrityError, match="members_membership_start_on_in_range"), transaction.atomic():
        Membership.objects.filter(person=world.member).update(start_on=datetime.date(9999, 12, 31))


def test_a_year_is_bounded_like_the_dates():
    dates.validate_year(1990)
    dates.validate_year(2100)
    for year in (1, 1989, 2101, 9999):
        with pytest.raises(ValidationError, match=r"Enter a year between 1990 and 2100\."):
            dates.validate_year(year)


# --- every form with a date input, posted with years 1 to 9999 ------------------------------------------


class FilledForm(HTMLParser):
    """The forms of a page with the values a browser would send, empty required fields filled in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea, self._textarea_required = [], None, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action"),
                "fields": {},
                "dates": [],
                "times": [],
            }
            self.forms.append(self._form)
            return
        if tag == "option" and self._form is not None and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
            return
        if self._form is None or not attrs.get("name"):
            return
        name, kind, css = attrs["name"], attrs.get("type", "text"), attrs.get("class") or ""
        fields = self._form["fields"]
        if tag == "input":
            if kind in {"submit", "button", "file", "image", "reset"} or name == "csrfmiddlewaretoken":
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs or (kind == "radio" and name not in fields):
                    fields[name] = attrs.get("value", "on")
                return
            if kind == "date" or "vDateField" in css:
                self._form["dates"].append(name)
            elif kind == "time" or "vTimeField" in css:
                self._form["times"].append(name)
            fields[name] = attrs.get("value") or self._filler(kind, "required" in attrs)
        elif tag == "select":
            self._select, self._options, self._select_required = name, [], "required" in attrs
        elif tag == "textarea":
            self._textarea = name
            self._textarea_required = "required" in attrs
            fields[name] = ""

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            text = self._form["fields"][self._textarea] + data
            self._form["fields"][self._textarea] = text.removeprefix("\n")  # as browsers read a <textarea>

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._form is not None and self._select:
            # The selected option, else the first (as a browser sends); a required select gets a real choice.
            offered = [value for value, _selected in self._options if value or not self._select_required]
            chosen = [value for value, selected in self._options if selected and value in offered]
            self._form["fields"][self._select] = (chosen or offered or [""])[0]
            self._select = None
        elif tag == "textarea":
            if self._form is not None and self._textarea_required and not self._form["fields"][self._textarea].strip():
                self._form["fields"][self._textarea] = "Written by the property test."
            self._textarea = None

    @staticmethod
    def _filler(kind, required):
        if not required:
            return ""
        return {"email": "someone@example.org", "url": "https://example.org/", "number": "1"}.get(kind, "Property test")


def date_forms(client, urls):
    """(where, action, form) for every form with a date input on the pages at urls."""
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = FilledForm()
        parser.feed(response.content.decode())
        for form in parser.forms:
            if form["dates"]:
                action = html.unescape(form["action"]) if form["action"] else url
                if action.startswith("?"):
                    action = urlsplit(url).path + action
                found.append((url, action, form))
    return found


def project_pages(world):
    samples = all_samples()
    for name, _pattern in URLS:
        sample = samples.get(name)
        yield reverse(name, kwargs=sample.kwargs(world) if sample else {})


def admin_pages():
    """The admin's form of every model with a date column: the change page of its first row, or the add page."""
    bounded = {model for model, _field in entered_date_fields()}
    for model in admin.site._registry:
        if model in bounded:
            prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
            first = model.objects.order_by("pk").first()
            yield reverse(f"{prefix}_change", args=[first.pk]) if first else reverse(f"{prefix}_add")


def dated_rows_outside_the_range():
    return [
        f"{model.__name__}.{field.name}"
        for model, field in entered_date_fields()
        if model.objects.filter(
            Q(
                **{
                    f"{field.name}__lt": dates.EARLIEST_MOMENT
                    if isinstance(field, models.DateTimeField)
                    else dates.EARLIEST
                }
            )
            | Q(
                **{
                    f"{field.name}__gte": dates.AFTER_LATEST_MOMENT
                    if isinstance(field, models.DateTimeField)
                    else dates.LATEST + datetime.timedelta(days=1)
                }
            )
        ).exists()
    ]


def dated_inputs(form):
    """The form's date inputs, except in a formset's empty extra rows (a row with only a date is refused
    for its other fields, whatever the date)."""
    for name in form["dates"]:
        row = re.match(r"^(.+-(?:\d+|__prefix__))-", name)
        if row is None or form["fields"].get(f"{row.group(1)}-id"):
            yield name


def current_fields(client, where, form):
    """The form's fields as the page draws them now: a record's version moves with every save (taskforce/versions.py),
    so each post starts from a fresh read, as a person reloading the page would."""
    if not any("version" in name for name in form["fields"]):
        return form["fields"]
    parser = FilledForm()
    parser.feed(client.get(where).content.decode())
    same = [fresh for fresh in parser.forms if fresh["action"] == form["action"] and fresh["dates"] == form["dates"]]
    return same[0]["fields"] if same else form["fields"]


def post_dates(client, where, action, form, saved, *, examples):
    """Hypothesis: one date for every date input of the form (start and end alike), times in the evening.
    A date outside the range is refused with a message and nothing saved; the form's own rules may speak
    first (a due date before its meeting), but then the range speaks for a date on the other side."""
    refused = []

    @examples
    @given(day=st.dates())
    @edge_examples
    def post(day):
        values = dict(current_fields(client, where, form))
        values.update(dict.fromkeys(dated_inputs(form), day.isoformat()))
        for name, clock in zip(form["times"], ["18:00", "20:00", "21:00"], strict=False):
            values[name] = clock
        before = row_counts()
        send = client.post if form["method"] == "post" else client.get
        response = send(action, values)
        assert response.status_code < 500, f"{where}: {action} answered {response.status_code} to {day}"
        inside = dates.EARLIEST <= day <= dates.LATEST
        if not inside:
            body = html.unescape(response.content.decode())
            assert response.status_code in (200, 400) and re.search(ERROR_MARK, body), f"{where}: no error for {day}"
            refused.append(RANGE_MESSAGE in body)
            if form["method"] == "post":
                assert row_counts() == before, f"{where}: saved something for {day}"
        elif form["method"] == "post" and response.status_code == 302:
            saved.append((action, day))

    post()
    assert any(refused), f"{where}: the range was never the message"


@pytest.mark.django_db
def test_every_date_form_saves_a_date_in_the_range_or_says_why_and_every_page_still_answers(client_as, world):
    from tests.goals.factories import plan_for

    plan_for(world)
    world.staff.user.is_superuser = True  # model permissions are the admin's business, not this test's
    world.staff.user.save()
    client = client_as("staff")
    pages = list(project_pages(world))
    forms = date_forms(client, [*pages, *admin_pages()])
    where = {urlsplit(action).path for _url, action, _form in forms}
    # The pages the probe named are among them: scheduling, minutes (action items), work plans, goals, MOUs.
    assert {"/meetings/new/", "/meetings/attendance-report/", "/resources/pamphlets/"} <= where, where
    assert any(path.startswith("/admin/meetings/meeting/") for path in where), where
    saved = []
    for url, action, form in forms:
        post_dates(client, url, action, form, saved, examples=ADMIN_EXAMPLES if "/admin/" in url else FORM_EXAMPLES)
        client = client_as("staff")
    kept = {urlsplit(action).path for action, _day in saved}
    # Dates inside the range were saved, the probe's meeting form and the admin's among them.
    assert {"/meetings/new/", "/resources/pamphlets/"} <= kept, kept
    assert any(path.startswith("/admin/meetings/meeting/") for path in kept), kept
    assert dated_rows_outside_the_range() == []
    # Whatever was saved, from 1990 to 2100, the pages that list it still draw it (calendar feeds anonymously too).
    listings = [url for url in pages if "/new/" not in url and "/edit/" not in url]
    changelists = [url.rsplit("/", 3)[0] + "/" for url in admin_pages()]
    for url in [*listings, *changelists]:
        assert client.get(url).status_code < 500, url
    anonymous = client_as("anonymous")
    for url in [reverse("meetings:calendar"), reverse("meetings:list")]:
        assert anonymous.get(url).status_code == 200, url


# --- integers: page numbers, counts and numbers in the address -------------------------------------------

INTEGER_EDGES = [2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**31, 10**40, 0, -1]
# Each example asks every paginated list (or every numbered URL): a few draws besides the edges.
LIST_EXAMPLES = hypothesis_settings(EXAMPLES, max_examples=6)
HUGE_INTEGERS = st.one_of(
    st.integers(min_value=-(2**63) - 2, max_value=2**63 + 2),
    st.integers(),
    st.sampled_from(INTEGER_EDGES),
)


def integer_edges(test):
    for number in INTEGER_EDGES:
        test = example(number=number)(test)
    return test


def paginated_lists(world, meeting):
    return [
        ("/resources/", "page"),
        ("/members/", "page"),
        ("/members/organizations/", "page"),
        ("/meetings/", "page"),
        ("/actions/", "page"),
        ("/members/eligibility/", "page"),
        ("/members/eligibility/", "others_page"),
        ("/meetings/attendance-report/", "page"),
        ("/meetings/attendance-report/", "organizations_page"),
        (reverse("meetings:attendance", args=[meeting.pk]), "page"),
    ]


def test_every_paginated_view_reads_its_page_number_through_the_one_helper():
    root = Path(settings.BASE_DIR)
    calls = [
        f"{path.relative_to(root)}:{number}"
        for app in OUR_APPS
        for path in (root / app).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ".get_page(" in line and path.name != "pagination.py"
    ]
    assert calls == [], "paginate with taskforce.pagination.get_page, which bounds the number"


@pytest.mark.django_db
def test_page_numbers_from_minus_2_63_to_past_2_63_never_answer_500(client_as, world):
    from meetings.models import Meeting

    start = timezone.now() - datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    client = client_as("staff")

    @LIST_EXAMPLES
    @given(number=HUGE_INTEGERS)
    @integer_edges
    def ask(number):
        for url, parameter in paginated_lists(world, meeting):
            response = client.get(url, {parameter: str(number)})
            assert response.status_code == 200, f"{url}?{parameter}={number} answered {response.status_code}"

    ask()


@pytest.mark.django_db
def test_numbers_in_the_address_past_2_63_answer_404_not_500(client_as, world):
    from tests.goals.factories import plan_for

    plan_for(world)
    samples = all_samples()
    client = client_as("staff")
    numbered = [
        (name, pattern, samples[name].kwargs(world))
        for name, pattern in URLS
        if any(type(converter).__name__ == "IntConverter" for converter in pattern.pattern.converters.values())
    ]
    assert numbered

    @LIST_EXAMPLES
    @given(number=st.integers(min_value=0))
    @integer_edges
    def ask(number):
        number = abs(number)  # the URL's int converter takes digits only
        for name, pattern, sample in numbered:
            kwargs = dict(sample)
            for key, converter in pattern.pattern.converters.items():
                if type(converter).__name__ == "IntConverter":
                    kwargs[key] = number
            response = client.get(reverse(name, kwargs=kwargs))
            assert response.status_code < 500, f"{name} with {number} answered {response.status_code}"

    ask()


@pytest.mark.django_db
def test_agency_counts_past_the_integer_column_are_refused_next_to_the_field(client_as, world):
    from reports.models import AgencySubmission
    from reports.sections import active_categories
    from tests.reports.helpers import default_categories, make_year
    from tests.reports.test_submissions import entry_data

    default_categories()
    year = make_year(2025)
    client = client_as("data_contact")
    url = reverse("reports:submissions", args=[year.year])
    unknown = [c for members in active_categories().values() for c in members if c.name == "Unknown"]
    client.get(url)  # the page creates the submission, whose version each post then carries (entry_data)

    @EXAMPLES
    @given(
        number=HUGE_INTEGERS,
        field=st.sampled_from(["total_identified", "traffickers_identified", "convictions_vacated"]),
    )
    def post(number, field):
        data = entry_data(world.legal_aid, 3)
        data[field] = str(number)
        if field == "total_identified":
            data.update({f"count_{c.pk}": str(number) for c in unknown})
        before = row_counts()
        response = client.post(url, data)
        assert response.status_code < 500, f"{field}={number} answered {response.status_code}"
        if 0 <= number <= 2_147_483_647:
            assert response.status_code == 302
            assert getattr(AgencySubmission.objects.get(organization=world.legal_aid), field) == number
        else:
            assert response.status_code == 400 and row_counts() == before
            assert re.search(r"Ensure this value is (less|greater) than or equal to", response.content.decode())

    post()


@pytest.mark.django_db
def test_an_organization_name_as_long_as_the_registry_allows_goes_through_the_pamphlet_feed(client_as, world):
    from goals.models import Measurement, Metric
    from members.models import Organization, PamphletDistribution

    longest = Organization._meta.get_field("name").max_length
    agency = Organization.objects.create(name="A" * longest)
    PamphletDistribution.objects.create(organization=agency, distributed_on=datetime.date(2025, 5, 1), quantity=40)
    metric = Metric.objects.create(name="# pamphlets", unit="pamphlets", feed=Metric.Feed.PAMPHLETS)
    response = client_as("staff").post(reverse("goals:update_from_pamphlets", args=[metric.pk]))
    assert response.status_code == 302
    assert Measurement.objects.get(metric=metric).breakdown == agency.name


@pytest.mark.django_db
def test_a_case_summary_decision_with_a_bad_id_answers_400_and_changes_nothing(client_as, world):
    from tests.reports.helpers import make_year

    year = make_year(2025)
    client = client_as("staff")
    url = reverse("reports:case_summaries", args=[year.year])

    @EXAMPLES
    @given(
        narrative=st.one_of(st.text(max_size=30), HUGE_INTEGERS.map(str)),
        action=st.sampled_from(["clear", "withdraw", "x"]),
    )
    def post(narrative, action):
        before = row_counts()
        response = client.post(url, {"action": action, "narrative": narrative})
        assert response.status_code == 400
        assert "not one of this year" in response.content.decode()
        assert row_counts() == before

    post()


@pytest.mark.django_db
def test_a_reporting_year_from_1_to_9999_and_beyond_is_kept_inside_the_range_by_the_admin(client_as, world):
    from reports.models import ReportingYear
    from tests.reports.helpers import make_year

    reporting_year = make_year(2025)
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client = client_as("staff")
    url = reverse("admin:reports_reportingyear_change", args=[reporting_year.pk])
    parser = FilledForm()
    parser.feed(client.get(url).content.decode())
    form = next(form for form in parser.forms if "year" in form["fields"])

    @EXAMPLES
    @given(year=st.one_of(st.integers(min_value=1, max_value=9999), HUGE_INTEGERS))
    @example(year=1)
    @example(year=9999)
    @example(year=2100)
    def post(year):
        response = client.post(url, {**form["fields"], "year": str(year)})
        assert response.status_code < 500, f"year {year} answered {response.status_code}"
        saved = ReportingYear.objects.get(pk=reporting_year.pk).year
        if 1990 <= year <= 2100:
            assert response.status_code == 302 and saved == year, re.findall(
                r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S
            )
        else:
            assert response.status_code == 200 and saved != year
        # The report pages of every stored year still answer (its period's bounds are computed from the year).
        assert client.get(reverse("reports:report", args=[saved])).status_code == 200

    post()
