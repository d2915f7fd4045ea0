"""Dates in the page's language: the weekday and the language's own date format, in the translator's order."""

from django import template
from django.utils.timezone import template_localtime

from taskforce import dates

register = template.Library()


@register.filter
def weekday_date(value, format_name="DATE_FORMAT"):
    """`{{ day|weekday_date }}`: 'Wednesday, December 14, 2016', 'miércoles, 14 de diciembre de 2016'."""
    if value in (None, ""):
        return ""
    return dates.weekday_date(template_localtime(value), format_name)
