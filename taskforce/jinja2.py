"""The Jinja2 environment, for the one template Django's engine draws too slowly (/goals/'s objective rows).

docs/architecture.md says when a page uses it. The environment gives a template what the page's Django template
had: ``_()`` (Django's ``gettext``: ``makemessages`` finds ``{{ _("...") }}`` as it does in a Django template),
``interpolate`` (what ``{% blocktranslate with ... %}`` does with the translated text), ``url()`` and Django's
``date`` and ``floatformat`` filters. Every value is escaped as Django escapes it, so the HTML is byte for byte
what Django's engine drew (``&#x27;``, not Jinja2's ``&#39;``).
"""

import html

from django.template.defaultfilters import date, floatformat
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from jinja2 import Environment


def interpolate(translated: str, **values) -> str:
    """``{% blocktranslate %}``'s last step: the catalogue's text (the template's own markup) with each value
    escaped into it."""
    return mark_safe(translated % {name: conditional_escape(value) for name, value in values.items()})  # noqa: S308


def escape(value):
    """Django's ``conditional_escape`` (``html.escape`` of the text, so ``&#x27;`` for a quote), without the check
    for lazy text that Django's ``escape`` makes on each call (the page has 2,000 values): a value already safe,
    Django's or Jinja2's, stays as it is."""
    if hasattr(value, "__html__"):
        return value
    return SafeString(html.escape(str(value)))


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def environment(**options) -> Environment:
    options.pop("autoescape", None)  # Django's backend passes True; it is never anything else here
    env = Environment(autoescape=True, finalize=escape, **options)
    env.globals.update(_=gettext, url=url)
    env.filters.update(date=date, floatformat=floatformat, interpolate=interpolate)
    return env
