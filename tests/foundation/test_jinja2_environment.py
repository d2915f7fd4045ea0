"""The Jinja2 environment (taskforce/jinja2.py) escapes and translates as Django's engine does."""

from django.template import engines
from django.utils import translation

from taskforce.jinja2 import interpolate, translate

MARKUP = "<script>\"'&"


def render(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def test_values_are_escaped_as_django_escapes_them():
    assert render("<p>{{ title }}</p>", title=MARKUP) == "<p>&lt;script&gt;&quot;&#x27;&amp;</p>"
    drawn = render(
        """{{ _('Add a metric<span class="visually-hidden"> to %(title)s</span>')|interpolate(title=t) }}""", t=MARKUP
    )
    assert drawn == 'Add a metric<span class="visually-hidden"> to &lt;script&gt;&quot;&#x27;&amp;</span>'


def test_text_is_translated_in_the_active_language():
    with translation.override("es"):
        assert render('{{ _("Objective") }}') == translation.gettext("Objective") != "Objective"


def test_a_translation_whose_placeholders_do_not_match_falls_back_to_the_english():
    broken = translate("Goal %(number)s")
    broken_translation = type(broken)("Meta %(numero)s")
    broken_translation.source = broken.source
    assert interpolate(broken_translation, number=3) == "Goal 3"
