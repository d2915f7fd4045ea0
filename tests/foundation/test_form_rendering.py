"""Every form's widgets are drawn by Django's own Jinja2 widget templates through the project's Jinja2 environment
(FORM_RENDERER, taskforce/jinja2.py): the markup must be what Django's own Django templates give, escaped the same
way, and a widget only Django's engine has (the admin's) must still be drawn."""

import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.forms.renderers import DjangoTemplates, get_default_renderer

from taskforce.jinja2 import FormRenderer

HOSTILE = "<script>\"'&"


def _widgets():
    select = forms.SelectMultiple(attrs={"class": "form-select", "aria-describedby": "help"})
    select.choices = [
        ("", "- Choose -"),
        ("Attended this meeting", [(1, "Member, Morgan"), (1234, HOSTILE)]),
        ("Named in these minutes", [("x", "Ex, Alex")]),
    ]
    radios = forms.RadioSelect(choices=[("present", "Present"), ("absent", HOSTILE)])
    return [
        (select, [1234, "x"]),
        (radios, "absent"),
        (forms.TextInput(attrs={"placeholder": HOSTILE, "maxlength": 200}), HOSTILE),
        (forms.Textarea(), HOSTILE),
        (forms.CheckboxInput(), True),
        (forms.DateInput(attrs={"type": "date"}), "2026-12-01"),
        (forms.ClearableFileInput(), None),
        (forms.NumberInput(attrs={"min": 0}), 7),
        (forms.HiddenInput(), HOSTILE),
    ]


def _draw(renderer):
    """Each widget's HTML, with the white space between tags (which the two engines' templates lay out
    differently) left out."""
    return [
        re.sub(
            r">\s+<", "><", re.sub(r"\s+", " ", widget.render("who", value, attrs={"id": "id_who"}, renderer=renderer))
        )
        for widget, value in _widgets()
    ]


def test_widgets_are_drawn_as_djangos_own_templates_draw_them():
    assert isinstance(get_default_renderer(), FormRenderer)
    ours, django = _draw(get_default_renderer()), _draw(DjangoTemplates())
    assert ours == django
    select, radios, text = ours[:3]
    assert '<option value="1234" selected>&lt;script&gt;&quot;&#x27;&amp;</option>' in select
    assert '<optgroup label="Attended this meeting">' in select and 'value="1">Member, Morgan</option>' in select
    assert 'value="absent"' in radios and "checked" in radios
    assert 'placeholder="&lt;script&gt;&quot;&#x27;&amp;"' in text


def test_the_admins_widgets_are_drawn_by_djangos_engine():
    html = AdminDateWidget().render("day", "2026-12-01", renderer=get_default_renderer())
    assert 'class="vDateField"' in html and 'value="2026-12-01"' in html
