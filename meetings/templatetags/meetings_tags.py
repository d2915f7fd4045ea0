"""Template filters for meetings: Markdown rendered and sanitized."""

import html
import threading

import markdown as markdown_lib
import nh3
from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from meetings.models import date_label

register = template.Library()

_converters = threading.local()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code", "pre", "h3", "h4", "hr"}


@register.filter
def markdown(text):
    """Minutes are Markdown (bullets, numbered lists); anything else a browser could run is dropped."""
    if not text:
        return ""
    converter = getattr(_converters, "markdown", None)
    if converter is None:  # one converter per thread, reset between texts: building one costs more than converting
        converter = _converters.markdown = markdown_lib.Markdown(extensions=["sane_lists"], tab_length=4)
    rendered = converter.reset().convert(text)
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href"}, "ol": {"start"}}))  # noqa: S308


ROW = (
    '<tr>\n  <th scope="row" data-label="Name">{family}, {given}{badge}</th>\n'
    '  <td data-label="Organization">{organization}</td>\n{cells}</tr>\n'
)
CELL = (
    '  <td data-label="{label}" class="text-center status-cell">'
    '<input class="form-check-input status-{value}" type="radio" name="status-{pk}" value="{value}"'
    ' id="status-{pk}-{value}"{checked}>'
    '<label class="visually-hidden" for="status-{pk}-{value}">{label}: {full_name}</label></td>\n'
)


@register.simple_tag
def attendance_rows(rows, statuses):
    """The attendance list's rows, one radio per status: written in Python because the list holds every
    task-force representative and committee member (hundreds of rows, four radios each)."""
    out = []
    statuses = [(_esc(value), _esc(label)) for value, label in statuses]
    for item in rows:
        row, status = item["row"], item["status"]
        pk = int(row.person_id)
        full_name = _esc(row.full_name)
        cells = "".join(
            CELL.format(
                label=label, value=value, pk=pk, full_name=full_name, checked=" checked" if status == value else ""
            )
            for value, label in statuses
        )
        badge = (
            f' <span class="badge text-bg-light border">{_esc(capfirst(row.role))}</span>'
            if row.role != "member"
            else ""
        )
        out.append(
            ROW.format(
                family=_esc(row.family_name),
                given=_esc(row.given_name),
                badge=badge,
                organization=_esc(row.organization_name),
                cells=cells,
            )
        )
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped)


def _esc(text):
    """django.utils.html.escape without its lazy-string wrapper (thousands of calls on the long tables)."""
    return html.escape(str(text))


def _cells(pairs):
    """Table cells, the first a row header: [(label, text), ...] with every text escaped."""
    (first_label, first), *rest = pairs
    out = [f'<th scope="row" data-label="{_esc(first_label)}">{_esc(first)}</th>']
    out.extend(f'<td data-label="{_esc(label)}">{_esc(text)}</td>' for label, text in rest)
    return "<tr>" + "".join(out) + "</tr>"


@register.simple_tag
def eligibility_rows(rows, window_size, voters):
    """Eligibility table rows (hundreds of people), written in Python rather than a template loop."""
    out = []
    for row in rows:
        if voters:
            pairs = [
                ("Name", row.person.sort_name),
                ("Representing", row.representing),
                ("Signed MOU", "Yes" if row.has_mou else "No"),
                ("Meetings attended", f"{row.attended} of {window_size}"),
            ]
        else:
            pairs = [
                ("Name", row.person.sort_name),
                ("Representing", row.representing),
                ("Why not", "; ".join(row.reasons)),
            ]
        out.append(_cells(pairs))
    return mark_safe("\n".join(out))  # noqa: S308 (_cells escapes every value)


@register.simple_tag
def report_organization_rows(organizations):
    out = []
    for org in organizations:
        consistency = org.consistency
        out.append(
            _cells(
                [
                    ("Organization", org.organization.name),
                    ("Task-force attendances", org.task_force),
                    ("Committee attendances", org.committee),
                    ("Representatives sent", org.representatives),
                    ("Usual representative", org.usual_representative or ""),
                    ("Consistency", f"{consistency}%" if consistency is not None else ""),
                ]
            )
        )
    return mark_safe("\n".join(out))  # noqa: S308 (_cells escapes every value)


@register.simple_tag
def report_people_rows(people, task_force_meetings):
    out = [
        _cells(
            [
                ("Name", row.person.sort_name),
                ("Representing", "; ".join(row.organizations)),
                ("Task-force meetings", f"{row.task_force} of {task_force_meetings}"),
                ("Committee meetings", row.committee),
                ("Counted under the policy", row.counted),
            ]
        )
        for row in people
    ]
    return mark_safe("\n".join(out))  # noqa: S308 (_cells escapes every value)


@register.simple_tag
def page_nav(query, page, param="page", label="Pages"):
    """Bootstrap pagination for one of several paginated tables on a page: its own page parameter,
    every other parameter of `query` (the filters, the other tables' pages) kept in the links."""
    if page.paginator.num_pages < 2:
        return ""

    def link(number):
        linked = query.copy()
        linked[param] = number
        return "?" + linked.urlencode()

    items = []
    if page.has_previous():
        items.append(
            format_html(
                '<li class="page-item"><a class="page-link" href="{}">Previous</a></li>',
                link(page.previous_page_number()),
            )
        )
    items.append(
        format_html(
            '<li class="page-item active" aria-current="page"><span class="page-link">Page {} of {}</span></li>',
            page.number,
            page.paginator.num_pages,
        )
    )
    if page.has_next():
        items.append(
            format_html(
                '<li class="page-item"><a class="page-link" href="{}">Next</a></li>', link(page.next_page_number())
            )
        )
    return format_html(
        '<nav aria-label="{}" class="no-print"><ul class="pagination flex-wrap">{}</ul></nav>',
        label,
        mark_safe("".join(items)),  # noqa: S308 (each item is built with format_html)
    )


@register.simple_tag
def showing(page, noun):
    """'Showing 1-50 of 812 people.'"""
    count = page.paginator.count
    if count <= page.paginator.per_page:
        return f"{count} {noun}."
    return f"Showing {page.start_index()}-{page.end_index()} of {count} {noun}."


def _long_date(day):
    """'December 14, 2016' (the date filter's "F j, Y")."""
    return f"{MONTHS[day.month]} {day.day}, {day.year}"


ACTION_ROW = (
    "<tr{row_class}>\n"
    '    <th scope="row" data-label="Who">{owner}</th>\n'
    '    <td data-label="What">{description} <a href="{minutes}" class="small">from {meeting}</a></td>\n'
    '    <td data-label="Committee">{committee}</td>\n'
    '    <td data-label="Due">{due}</td>\n'
    "    <td>{form}</td>\n"
    "  </tr>\n"
)
ACTION_FORM = (
    '\n      <form method="post" action="{action}" class="d-flex gap-1">{csrf}\n'
    '        <input type="hidden" name="next" value="{next}">\n'
    "        {buttons}\n"
    "      </form>"
)
ACTION_BUTTON = (
    '<button type="submit" name="status" value="{value}" class="btn btn-sm btn-outline-primary">Mark {label}'
    '<span class="visually-hidden">: {short}</span></button>'
)


@register.simple_tag(takes_context=True)
def action_item_rows(context, items, today, statuses):
    """The open action items' rows (a page of fifty, each with its own small form), written in Python:
    items are the view's dicts of values; the URLs come from one reverse() each."""
    request = context["request"]
    minutes_url = reverse("meetings:minutes", args=[0])[: -len("0/minutes/")]
    status_url = reverse("meetings:action_item_status", args=[0])[: -len("0/status/")]
    csrf = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )  # what {% csrf_token %} writes
    next_url = _esc(request.get_full_path())
    statuses = [(_esc(value), _esc(str(label).lower())) for value, label in statuses]
    zone = timezone.get_current_timezone()
    out = []
    for item in items:
        due_on = item["due_on"]
        overdue = due_on is not None and due_on < today
        if due_on is None:
            due = "No date"
        elif overdue:
            due = f'<span class="overdue">{_long_date(due_on)} (overdue)</span>'
        else:
            due = f"<span>{_long_date(due_on)}</span>"
        form = ""
        if item["may_update"]:
            short = _esc(Truncator(item["description"]).chars(40))
            buttons = "".join(ACTION_BUTTON.format(value=value, label=label, short=short) for value, label in statuses)
            form = ACTION_FORM.format(
                action=f"{status_url}{int(item['pk'])}/status/", csrf=csrf, next=next_url, buttons=buttons
            )
        if item["owner_id"] is None:
            owner = "Unassigned"
        else:
            owner = _esc(f"{item['owner__given_name']} {item['owner__family_name']}".strip())
        start = timezone.localtime(item["meeting__starts_at"], zone)
        out.append(
            ACTION_ROW.format(
                row_class=' class="table-danger"' if overdue else "",
                owner=owner,
                description=_esc(item["description"]),
                minutes=f"{minutes_url}{int(item['meeting_id'])}/minutes/",
                meeting=_esc(date_label(start)),
                committee=_esc(item["committee__name"]),
                due=due,
                form=form,
            )
        )
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped)
