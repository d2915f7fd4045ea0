"""The one range of dates the app accepts: every date and time a person enters lies inside it.

1 January 1990 to 31 December 2100. The task force's records begin in the 2010s (its oldest minutes,
memberships and MOUs; the benchmark's ten synthetic years), and nothing it plans (a work plan, an MOU's
expiry, a reporting year) reaches past the end of the century; an older founding date or a later expiry
would be a typo. The bound keeps every stored value well inside what Python's datetime and the pages'
date arithmetic can handle: without it, a meeting on 31 December 9999 at 18:00 in San Francisco is stored
past year 10000 in UTC and no page can read it back.

Each model's date and time fields carry ``validate_date`` (so the admin and every ModelForm show the message
next to the field) and a ``date_in_range`` / ``moment_in_range`` check constraint (so nothing bypasses it);
plain forms and filters use ``DateField``. tests/foundation/test_hostile_input.py checks every field.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

EARLIEST = datetime.date(1990, 1, 1)
LATEST = datetime.date(2100, 12, 31)

# Moments are stored in UTC. A day of slack either side lets every local time of an accepted day fit
# (time zones lie within 14 hours of UTC), so a value the validator takes is one the database takes.
EARLIEST_MOMENT = datetime.datetime.combine(EARLIEST - datetime.timedelta(days=1), datetime.time.min, datetime.UTC)
AFTER_LATEST_MOMENT = datetime.datetime.combine(
    LATEST + datetime.timedelta(days=2), datetime.time.min, datetime.UTC
)  # excluded

DATE_MESSAGE = _("Enter a date between %(earliest)s and %(latest)s.")
YEAR_MESSAGE = _("Enter a year between %(earliest)d and %(latest)d.")


def _date_error():
    return ValidationError(
        DATE_MESSAGE,
        code="date_out_of_range",
        params={
            "earliest": formats.date_format(EARLIEST, "DATE_FORMAT"),
            "latest": formats.date_format(LATEST, "DATE_FORMAT"),
        },
    )


def weekday_date(value, format_name="DATE_FORMAT"):
    """'Wednesday, December 14, 2016' for a date (or a local date and time), in the active language's words
    and order: the language's own format (``DATE_FORMAT``, or ``MONTH_DAY_FORMAT`` to leave the year out),
    with the weekday placed by the translator."""
    return pgettext("a weekday, then a date", "%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(value, "l"),
        "date": formats.date_format(value, format_name),
    }


def validate_date(value):
    """A date, or the local day of a date and time, from EARLIEST to LATEST (model and form validator)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # Compared as moments first: converting a moment near year 1 or 9999 to local time could overflow.
        if not EARLIEST_MOMENT <= value < AFTER_LATEST_MOMENT:
            raise _date_error()
        value = timezone.localtime(value).date()
    if not EARLIEST <= value <= LATEST:
        raise _date_error()


def validate_year(value):
    """A year whose days are all inside the range (a reporting year, a filter's year)."""
    if not EARLIEST.year <= value <= LATEST.year:
        raise ValidationError(
            YEAR_MESSAGE, code="year_out_of_range", params={"earliest": EARLIEST.year, "latest": LATEST.year}
        )


# The constraints' own messages (shown only if a value slipped past the validators) are plain text, as
# the other constraints' are: a constraint is read when the models load, before translations can be.
_DATE_RANGE = f"{EARLIEST.day} {EARLIEST:%B %Y} and {LATEST.day} {LATEST:%B %Y}"


def _constraint(field, condition):
    return models.CheckConstraint(
        condition=condition,
        name=f"%(app_label)s_%(class)s_{field}_in_range",
        violation_error_message=f"Enter a date between {_DATE_RANGE}.",
    )


def date_in_range(field):
    """The check constraint of a DateField (NULL passes, as in every SQL check)."""
    return _constraint(field, models.Q(**{f"{field}__gte": EARLIEST, f"{field}__lte": LATEST}))


def moment_in_range(field):
    """The check constraint of a DateTimeField."""
    return _constraint(field, models.Q(**{f"{field}__gte": EARLIEST_MOMENT, f"{field}__lt": AFTER_LATEST_MOMENT}))


def year_in_range(field):
    """The check constraint of a year stored as a number."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": EARLIEST.year, f"{field}__lte": LATEST.year}),
        name=f"%(app_label)s_%(class)s_{field}_in_range",
        violation_error_message=f"Enter a year between {EARLIEST.year} and {LATEST.year}.",
    )


class DateInput(forms.DateInput):
    """The browser's date picker, limited to the range (the server checks it again)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"min": EARLIEST.isoformat(), "max": LATEST.isoformat(), **(attrs or {})}, format="%Y-%m-%d"
        )


class DateField(forms.DateField):
    """A form date inside the range, for forms and filters that are not a model's (a report's period)."""

    widget = DateInput
    default_validators = [validate_date]
