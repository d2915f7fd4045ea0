"""members_forms: filter fields written in Python with crispy's Bootstrap 5 markup, escaped."""

from django import forms

from members.templatetags.members_forms import bare_widget, bootstrap_field


class Sample(forms.Form):
    q = forms.CharField(required=False, label="Words <b>", widget=forms.TextInput(attrs={"placeholder": "Try"}))
    age = forms.IntegerField(required=False, min_value=0, max_value=120, help_text="In years")
    kind = forms.ChoiceField(required=False, choices=[("", "Any"), ("a", "A & B"), ("c", "C")])
    open_late = forms.BooleanField(required=False, label="Open late")
    name = forms.CharField(label="Name")


def test_a_text_field_keeps_its_label_value_and_attributes_escaped():
    html = bootstrap_field(Sample({"q": '"><script>'})["q"])
    assert '<label for="id_q" class="form-label">Words &lt;b&gt;</label>' in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html and "<script>" not in html
    assert 'class="textinput form-control"' in html and 'placeholder="Try"' in html


def test_errors_sit_next_to_the_field_and_describe_it():
    form = Sample({"age": "old", "name": ""})
    form.is_valid()
    html = bootstrap_field(form["age"])
    assert 'class="numberinput form-control is-invalid"' in html and 'min="0" max="120"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_age_helptext id_age_error"' in html
    assert (
        '<div id="id_age_error" class="invalid-feedback"><p id="error_1_id_age"><strong>Enter a whole number.' in html
    )
    assert '<div id="id_age_helptext" class="form-text">In years</div>' in html
    assert '<span class="asteriskField">*</span>' in bootstrap_field(form["name"])


def test_a_select_marks_the_chosen_option():
    html = bootstrap_field(Sample({"kind": "a"})["kind"])
    assert '<select name="kind" class="select form-select" id="id_kind">' in html
    assert '<option value="a" selected>A &amp; B</option><option value="c">C</option>' in html


def test_a_checkbox_has_its_label_after_it():
    html = bootstrap_field(Sample({"open_late": "on"})["open_late"])
    assert (
        '<input type="checkbox" name="open_late" class="checkboxinput form-check-input" id="id_open_late" checked>'
        in html
    )
    assert '<label for="id_open_late" class="form-check-label">Open late</label>' in html


def test_a_bare_widget_is_what_django_renders():
    field = Sample({"q": "legal"})["q"]
    assert bare_widget(field) == str(field)
