"""Lists of names in the page's language: `{% list_separator as separator %}` and `{{ names|join_names }}`
join them with ", " or, in Chinese, "、", the pamphlet's rule (members.pamphlet_text.list_separator)."""

from django import template
from django.utils.translation import get_language

from members.pamphlet_text import list_separator as separator_in

register = template.Library()


@register.simple_tag
def list_separator():
    return separator_in(get_language())


@register.filter(is_safe=False)
def join_names(names):
    """Plain text names joined as the language writes a list (the template escapes the result)."""
    return separator_in(get_language()).join(str(name) for name in names)
