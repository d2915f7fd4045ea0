"""Template filters for meetings: Markdown rendered and sanitized."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code", "pre", "h3", "h4", "hr"}


@register.filter
def markdown(text):
    """Minutes are Markdown (bullets, numbered lists); anything else a browser could run is dropped."""
    if not text:
        return ""
    html = markdown_lib.markdown(text, extensions=["sane_lists"], tab_length=4)
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}, "ol": {"start"}}))  # noqa: S308
