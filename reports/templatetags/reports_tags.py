"""Template helpers of the reports app."""

from django import template

from taskforce.permissions import published_report_exists

register = template.Library()


@register.simple_tag
def report_published():
    """Whether members have a published report to read (asked only for plain members)."""
    return published_report_exists()
