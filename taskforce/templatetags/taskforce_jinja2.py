"""Placing a Jinja2 template (taskforce/jinja2.py) in a page drawn by Django's engine."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja2_include(context, template_name):
    """``{% jinja2_include "goals/_plan.html" %}``: the Jinja2 template drawn with the page's context, in place, as
    ``{% include %}`` draws a Django one. Only for the templates docs/architecture.md lists as Jinja2's."""
    drawn = engines["jinja2"].get_template(template_name).render(context.flatten(), context.get("request"))
    return mark_safe(drawn)  # noqa: S308 -- the output of an autoescaping template (taskforce/jinja2.py)
