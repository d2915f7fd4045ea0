"""Template filters for meetings: Markdown rendered and sanitized."""

import threading

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

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
