"""The resource list's service card, written in Python.

A card has some thirty tags and values; the template language costs more for twenty cards than
the rest of the page. The card's texts are worked out by resource_views._service_rows; this only
escapes and lays them out, in the markup the card always had.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def esc(value):
    """django.utils.html.escape's output (the same five characters), without wrapping each piece in a SafeString."""
    return escape(str(value))


@register.simple_tag(takes_context=True)
def resource_card(context, service):
    """One service: name, who runs it, how to refer, when it was last verified; staff may mark it verified."""
    is_staff_user = context.get("is_staff_user")
    parts = [
        f'<article class="card resource-card mb-3" aria-labelledby="service-{service.pk}-name">'
        f'<div class="card-body">'
        f'<h2 class="h5 card-title mb-1" id="service-{service.pk}-name">'
        f'<a href="{esc(service.url)}">{esc(service.name)}</a></h2>'
        f'<p class="mb-2 text-body-secondary">{esc(service.organization_name)}</p>'
        f'<p class="mb-2">'
    ]
    parts.extend(f'<span class="badge text-bg-light border me-1">{esc(name)}</span>' for name in service.category_names)
    if service.is_24_hour:
        parts.append('<span class="badge text-bg-success me-1">24 hours</span>')
    if service.visibility == "members":
        parts.append('<span class="badge text-bg-warning me-1">Members only</span>')
    parts.append("</p>")
    if service.description:
        parts.append(f'<p class="mb-2">{esc(service.summary)}</p>')
    parts.append('<dl class="resource-facts mb-2">')
    if service.how_to_refer:
        parts.append(f"<dt>How to refer</dt><dd>{esc(service.how_to_refer)}</dd>")
    if service.phone:
        day_and_night = " (24 hours)" if service.is_24_hour else ""
        parts.append(
            f'<dt>Phone</dt><dd><a href="{esc(service.phone_href)}">{esc(service.phone)}</a>{day_and_night}</dd>'
        )
    if service.for_whom:
        parts.append(f"<dt>For</dt><dd>{esc(service.for_whom)}</dd>")
    if service.language_text:
        parts.append(f"<dt>Languages</dt><dd>{esc(service.language_text)}</dd>")
    parts.append(f"<dt>Location</dt><dd>{esc(service.location)}</dd></dl>")
    tone = "text-danger-emphasis" if service.stale else "text-body-secondary"
    needs_checking = ": needs checking" if service.stale and is_staff_user else ""
    parts.append(f'<p class="small mb-0 {tone}">{esc(service.verified)}{needs_checking}</p>')
    if is_staff_user and service.stale:
        request = context["request"]
        parts.append(
            f'<form method="post" action="{esc(service.verify_url)}" class="mt-2">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(context.get("csrf_token"))}">'
            f'<input type="hidden" name="next" value="{esc(request.get_full_path())}">'
            f'<button type="submit" class="btn btn-sm btn-outline-primary">Verified today'
            f'<span class="visually-hidden">: {esc(service.name)}</span></button></form>'
        )
    parts.append("</div></article>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
