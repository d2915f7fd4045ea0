"""Every form's widgets are drawn by the project's template engine (FORM_RENDERER): its select template draws
the options itself, and must give the markup Django's own select and option templates give."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer


def _select(renderer):
    widget = forms.SelectMultiple(attrs={"class": "form-select", "aria-describedby": "help"})
    widget.choices = [
        ("", "- Choose -"),
        ("Attended this meeting", [(1, "Member, Morgan"), (1234, "<script>\"'&")]),
        ("Named in these minutes", [("x", "Ex, Alex")]),
    ]
    return widget.render("who", [1234, "x"], attrs={"id": "id_who"}, renderer=renderer)


def test_the_select_draws_the_same_options_as_djangos_own_templates():
    assert type(get_default_renderer()).__name__ == "TemplatesSetting"
    ours, django = _select(get_default_renderer()), _select(DjangoTemplates())
    assert re.sub(r"\s+", " ", ours) == re.sub(r"\s+", " ", django)
    assert '<option value="1234" selected>&lt;script&gt;&quot;&#x27;&amp;</option>' in ours
    assert '<optgroup label="Attended this meeting">' in ours and 'value="1">Member, Morgan</option>' in ours
