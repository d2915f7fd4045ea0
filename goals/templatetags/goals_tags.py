"""The part of /goals/ that Jinja2 draws (taskforce/jinja2.py), placed in the page's Django template."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_goals(context):
    """The goals, their objectives and the ease and importance grid: ``goals/jinja2/goals/_plan.html`` drawn with the
    page's context (escaped by that template, as Django's engine escapes)."""
    drawn = engines["jinja2"].get_template("goals/_plan.html").render(context.flatten(), context.get("request"))
    return mark_safe(drawn)  # noqa: S308 -- the output of an autoescaping template
