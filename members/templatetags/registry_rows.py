"""Rows of the directory and the organization list, written in Python.

Fifty rows of four or five cells cost the template language more than the rest of these pages; the
views work out each row's links and labels, and these tags only escape and lay them out, in the
markup (and the ``data-label`` cells the phone layout stacks) the rows always had.
"""

from django import template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe

register = template.Library()

NONE = '<span class="text-body-secondary">None</span>'


@register.simple_tag
def person_row(person):
    """A person: name and title, current organizations and committees (with any role beyond the plain one), contact."""
    honorific = f' <span class="text-body-secondary">({esc(person["honorific"])})</span>' if person["honorific"] else ""
    title = f'<div class="small text-body-secondary">{esc(person["job_title"])}</div>' if person["job_title"] else ""
    organizations = "<br>".join(
        f'<a href="{esc(o["url"])}">{esc(o["name"])}</a>'
        + (f' <span class="small text-body-secondary">({esc(o["role_label"])})</span>' if o["role_label"] else "")
        for o in person["organizations"]
    )
    committees = "<br>".join(
        f'<a href="{esc(c["url"])}">{esc(c["name"])}</a>' + (f" ({esc(c['role_label'])})" if c["role_label"] else "")
        for c in person["committees"]
    )
    contact = []
    if person["email"]:
        contact.append(f'<a href="mailto:{esc(person["email"])}">{esc(person["email"])}</a>')
    if person["phone"]:
        contact.append(f'<br><a href="tel:{esc(person["phone"])}">{esc(person["phone"])}</a>')
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<tr><td data-label="Name"><strong>{esc(person["family_name"])}, {esc(person["given_name"])}</strong>'
        f"{honorific}{title}</td>"
        f'<td data-label="Organization">{organizations or NONE}</td>'
        f'<td data-label="Committees">{committees or NONE}</td>'
        f'<td data-label="Contact">{"".join(contact)}</td></tr>'
    )


@register.simple_tag
def organization_row(organization):
    """An organization: name, sector, status, how many current representatives, its current MOU."""
    acronym = organization["acronym"]
    acronym = f' <span class="text-body-secondary">({esc(acronym)})</span>' if acronym else ""
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<tr><td data-label="Organization"><a href="{esc(organization["url"])}">{esc(organization["name"])}</a>'
        f"{acronym}</td>"
        f'<td data-label="Sector">{esc(organization["sector_label"])}</td>'
        f'<td data-label="Status">{esc(organization["status_label"])}</td>'
        f'<td data-label="Representatives">{organization["representative_count"]}</td>'
        f'<td data-label="MOU">{esc(organization["mou"]) if organization["mou"] else NONE}</td></tr>'
    )
