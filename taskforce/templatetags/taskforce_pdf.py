"""What a PDF's stylesheet says to its reader, in the page's language."""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

PLACEHOLDER = re.compile(r"%\((number|total)\)s")
COUNTERS = {"number": "counter(page)", "total": "counter(pages)"}


def css_string(text: str) -> str:
    """Text as a quoted CSS string that is safe in a <style> element: a quote, a backslash, a line break or a "<"
    (which could close the element) is written as its CSS escape."""
    return '"' + "".join(f"\\{ord(char):x} " if char in '"\\<\n\r' else char for char in text) + '"'


@register.simple_tag
def page_of_pages():
    """``content: {% page_of_pages %}`` in a PDF's @page rule: "Page 3 of 12" in the page's language, the numbers
    WeasyPrint's page counters placed where the translator put them ("第 3 頁，共 12 頁")."""
    parts = PLACEHOLDER.split(gettext("Page %(number)s of %(total)s"))  # a placeholder's name at each odd index
    css = " ".join(COUNTERS[part] if index % 2 else css_string(part) for index, part in enumerate(parts) if part)
    return mark_safe(css)  # noqa: S308 -- CSS made by css_string and the two counters, nothing else
