"""The Jinja2 environment, for the rows Django's engine draws too slowly (the table in docs/architecture.md), and the
form renderer that draws every form's widgets with Django's own Jinja2 widget templates.

docs/architecture.md says when a page uses it. The environment gives a template what the page's Django template
had: ``_()`` (Django's ``gettext``; ``makemessages`` finds ``{{ _("...") }}`` as it does in a Django template),
``interpolate`` (what ``{% blocktranslate with ... %}`` does with the translated text), ``url()`` and Django's
``date`` and ``floatformat`` filters. Every value is escaped as Django escapes it, so the HTML is byte for byte
what Django's engine drew (``&#x27;``, not Jinja2's ``&#39;``).
"""

import html

from django.forms.renderers import BaseRenderer
from django.template import TemplateDoesNotExist, engines
from django.template.defaultfilters import date, floatformat
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from jinja2 import Environment


class Translated(str):
    """A catalogue's text that remembers the template's own (English) text."""

    source: str


def translate(message: str) -> Translated:
    """``_()`` in a template: Django's ``gettext``."""
    translated = Translated(gettext(message))
    translated.source = message
    return translated


def interpolate(translated: str, **values) -> str:
    """``{% blocktranslate %}``'s last step: the catalogue's text (markup the template wrote) with each value
    escaped into it; the English text, as ``{% blocktranslate %}`` does, when a translation's placeholders do
    not match."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    try:
        return mark_safe(translated % escaped)  # noqa: S308 -- the template's text, every value escaped
    except (KeyError, ValueError):
        return mark_safe(getattr(translated, "source", translated) % escaped)  # noqa: S308 -- as above


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
    env.globals.update(_=translate, url=url)
    env.filters.update(date=date, floatformat=floatformat, interpolate=interpolate)
    return env


class FormRenderer(BaseRenderer):
    """``FORM_RENDERER``: widgets drawn by Django's own widget templates for Jinja2 (``django/forms/jinja2/``, found
    by this environment because ``django.forms`` is an installed app), the same markup as its Django templates in
    half the time (a select of 41 options: 1.5 ms in Django's engine, which draws two templates for each option, and
    0.7 ms); a template only Django's engine has (the admin's widgets) by that engine. Crispy-bootstrap5 still draws
    each field around its widget."""

    def get_template(self, template_name):
        try:
            return engines["jinja2"].get_template(template_name)
        except TemplateDoesNotExist:
            return get_template(template_name)
