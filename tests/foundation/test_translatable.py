"""Every template's visible text is marked for translation.

Django's own template lexer splits each template into text, variables, tags and comments; text
inside ``{% blocktranslate %}``, ``{% comment %}`` and ``{% verbatim %}`` is set aside, the other
tags and variables are dropped, and what is left is read as HTML. Any word left in a text node
(outside ``<script>`` and ``<style>``) or in an attribute a person reads or hears is a failure.
String literals a template shows through ``default``/``yesno`` filters, or passes to an include,
must go through ``_("...")``.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.base import Lexer, TokenType
from django.template.loader import get_template
from django.utils.translation.template import templatize

TEMPLATES = Path(settings.BASE_DIR) / "templates"
TEMPLATE_FILES = sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt", ".svg"})
# The templates Jinja2 draws (taskforce/jinja2.py): the same check reads them, as their tags use the same
# delimiters and their text goes through {{ _("...") }}, which Django's lexer and makemessages read too.
JINJA2_FILES = sorted(Path(settings.BASE_DIR).glob("*/jinja2/**/*.html"))

# Attributes whose value a person reads (tooltips) or hears (screen readers).
VISIBLE_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description", "value"}

# Text that is not language, left as it is in every translation. The app's name ("Task Force
# Operations") is not here: it describes what the app is, so translators may translate it.
ALLOWED = {
    # The Spanish pamphlet's link is written in Spanish on every page, so a Spanish reader finds it
    # whatever the page's language.
    "Folleto en español (PDF, carta)",
}

_WORD = re.compile(r"[^\W\d_]{2,}")
_CODE_WORD = re.compile(r"[a-z0-9_,-]+")
_SHOWN_LITERAL = re.compile(r"""\|(?:default|default_if_none|yesno):(?P<q>["'])(?P<text>.*?)(?P=q)""")
_INCLUDE_LITERAL = re.compile(r"""\b\w+=(?P<q>["'])(?P<text>[^"']*?)(?P=q)""")
_SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment"}


def _is_language(text):
    text = " ".join(text.split())
    return bool(_WORD.search(text)) and text not in ALLOWED


def _is_shown_literal(text):
    # A lower-case single word ("info", "danger") is a CSS class or a key, not a sentence.
    return _is_language(text) and not _CODE_WORD.fullmatch(text)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._hidden += 1
        for name, value in attrs:
            if name not in VISIBLE_ATTRIBUTES or not value:
                continue
            if name == "value" and not (tag == "input" and dict(attrs).get("type") in {"submit", "button", "reset"}):
                continue
            if _is_language(value):
                self.found.append(f'{name}="{value.strip()}"')

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and _is_language(data):
            self.found.append(" ".join(data.split()))


def untranslated(source):
    """The visible text of a template source that is not marked for translation."""
    kept = []
    literals = []
    closing = None
    verbatim = None
    for token in Lexer(source).tokenize():
        content = token.contents
        if token.token_type == TokenType.BLOCK:
            name = content.split()[0] if content.split() else ""
            if verbatim:
                if name == verbatim:
                    verbatim = None
                continue
            if closing:
                if name == closing:
                    closing = None
                continue
            if name in _SKIPPED_BLOCKS:
                closing = _SKIPPED_BLOCKS[name]
            elif name == "verbatim":
                verbatim = "endverbatim"
            elif name in {"include", "with"}:
                literals += [m["text"] for m in _INCLUDE_LITERAL.finditer(content) if _is_shown_literal(m["text"])]
            # Keep a tag's place so that words on either side of it stay apart.
            kept.append(" ")
        elif closing or verbatim:
            continue
        elif token.token_type == TokenType.VAR:
            literals += [m["text"] for m in _SHOWN_LITERAL.finditer(content) if _is_shown_literal(m["text"])]
        elif token.token_type == TokenType.TEXT:
            kept.append(content)
    parser = _VisibleText()
    parser.feed("".join(kept))
    parser.close()
    return parser.found + [f'"{text}" (a literal shown by a tag or filter)' for text in literals]


def test_the_check_finds_text_outside_translation_tags():
    source = """{% load i18n %}<h1>{% translate "Fine" %}</h1>
    {% blocktranslate trimmed with name=x %}Also fine, {{ name }}{% endblocktranslate %}
    {# a comment #}{% comment %}Another comment{% endcomment %}
    <p>{% if a %}Change{% else %}Add a goal{% endif %}</p>
    <button aria-label="Show the menu"></button><img alt="{% translate 'Logo' %}">
    <script>const label = "not text";</script>
    {{ reason|default:"Something went wrong" }}{{ reason|default:_("Translated") }}
    <input type="submit" value="Save"><input type="hidden" value="token">"""
    assert untranslated(source) == [
        "Change Add a goal",
        'aria-label="Show the menu"',
        'value="Save"',
        '"Something went wrong" (a literal shown by a tag or filter)',
    ]


@pytest.mark.parametrize(
    "template",
    TEMPLATE_FILES + JINJA2_FILES,
    ids=lambda p: str(p.relative_to(settings.BASE_DIR)),
)
def test_every_visible_string_is_marked_for_translation(template):
    assert untranslated(template.read_text()) == [], (
        f"{template.relative_to(settings.BASE_DIR)} shows text outside translation tags"
    )


def test_every_template_compiles():
    """A {% blocktranslate %} that reaches into an attribute or holds a tag fails here, not on a page."""
    for template in TEMPLATE_FILES:
        get_template(str(template.relative_to(TEMPLATES)))
    for template in JINJA2_FILES:
        engines["jinja2"].get_template(str(template.relative_to(template.parents[1])))


def test_makemessages_finds_the_jinja2_templates_strings():
    """makemessages reads a Jinja2 template with Django's own template reader: every {{ _("...") }} must reach
    the catalogue with the same text a {% translate %} or {% blocktranslate %} gave it."""
    source = (Path(settings.BASE_DIR) / "goals" / "jinja2" / "goals" / "_plan.html").read_text()
    found = templatize(source, origin="goals/jinja2/goals/_plan.html")
    for msgid in [
        "Goal %(number)s: %(title)s",
        'Add a metric<span class="visually-hidden"> to %(title)s</span>',
        "%(progress)s%% done, from its objectives' work-plan items.",
        "Objectives by ease and importance",
    ]:
        assert f'_("{msgid}")' in found or f"_('{msgid}')" in found, msgid
