"""Filter-form fields rendered in Python with the markup crispy-forms' Bootstrap 5 pack gives them.

The lists of the registry and the resource list render their few filter fields on every request;
crispy and the widgets' own templates cost more than the rest of such a page. This writes the same
markup (label, widget with Bootstrap classes, errors next to the field, ``aria-invalid`` and
``aria-describedby`` from Django) for the widgets those forms use: text-like inputs, selects and
checkboxes. Any other widget is rendered by Django as usual.
"""

from django import forms, template
from django.forms.widgets import Input
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def _attributes(attrs):
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(value)}"')
    return "".join(parts)


def _errors(bound_field):
    if not bound_field.errors:
        return ""
    items = "".join(
        f'<p id="error_{number}_{conditional_escape(bound_field.auto_id)}"><strong>{conditional_escape(error)}</strong></p>'
        for number, error in enumerate(bound_field.errors, start=1)
    )
    return f'<div id="{conditional_escape(bound_field.auto_id)}_error" class="invalid-feedback">{items}</div>'


def _widget(bound_field, css_class):
    """The widget's context as Django builds it (attributes, value, options), written out directly."""
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs({})
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs["id"] = bound_field.auto_id
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]
    attrs = dict(context["attrs"])
    classes = " ".join(filter(None, [css_class, attrs.pop("class", ""), "is-invalid" if bound_field.errors else ""]))
    if classes:
        attrs = {"class": classes, **attrs}
    name = conditional_escape(context["name"])
    if isinstance(widget, forms.Select):
        options = []
        for _group, group_options, _index in context["optgroups"]:
            for option in group_options:
                selected = " selected" if option["selected"] else ""
                options.append(
                    f'<option value="{conditional_escape(option["value"])}"{selected}>'
                    f"{conditional_escape(option['label'])}</option>"
                )
        multiple = " multiple" if context.get("multiple") else ""
        return f'<select name="{name}"{_attributes(attrs)}{multiple}>{"".join(options)}</select>'
    value = context.get("value")
    value = "" if value is None or isinstance(widget, forms.CheckboxInput) else f' value="{conditional_escape(value)}"'
    return f'<input type="{context["type"]}" name="{name}"{value}{_attributes(attrs)}>'


@register.filter
def bare_widget(bound_field):
    """Only the field's control, with the classes its widget was given (as ``{{ form.field }}`` renders it)."""
    return mark_safe(_widget(bound_field, ""))  # noqa: S308 - _widget escapes every value


@register.filter
def bootstrap_field(bound_field):
    """One filter field as crispy's ``as_crispy_field`` lays it out in Bootstrap 5."""
    widget = bound_field.field.widget
    label = conditional_escape(bound_field.label)
    if bound_field.field.required:
        label += '<span class="asteriskField">*</span>'
    auto_id = conditional_escape(bound_field.auto_id)
    if isinstance(widget, forms.CheckboxInput):
        return mark_safe(  # noqa: S308 - every value above is escaped
            f'<div class="mb-3"><div id="div_{auto_id}" class="form-check">'
            f"{_widget(bound_field, 'checkboxinput form-check-input')}"
            f'<label for="{auto_id}" class="form-check-label">{label}</label>{_errors(bound_field)}</div></div>'
        )
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        control = _widget(bound_field, "select form-select")
    elif isinstance(widget, Input) and not isinstance(widget, forms.FileInput):
        control = _widget(bound_field, f"{widget.input_type}input form-control")
    else:
        control = bound_field.as_widget()
    help_text = ""
    if bound_field.help_text:
        help_text = format_html('<div id="{}_helptext" class="form-text">{}</div>', auto_id, bound_field.help_text)
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<div id="div_{auto_id}" class="mb-3"><label for="{auto_id}" class="form-label">{label}</label>'
        f"{control}{_errors(bound_field)}{help_text}</div>"
    )
