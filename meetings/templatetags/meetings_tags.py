"""Template filters for meetings: Markdown rendered and sanitized."""

import threading

import markdown as markdown_lib
import nh3
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from meetings.forms import _text

register = template.Library()

_converters = threading.local()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code", "pre", "h3", "h4", "hr"}


@register.filter
def markdown(text):
    """Minutes are Markdown (bullets, numbered lists); anything else a browser could run is dropped."""
    if not text:
        return ""
    converter = getattr(_converters, "markdown", None)
    if converter is None:  # one converter per thread, reset between texts: building one costs more than converting
        converter = _converters.markdown = markdown_lib.Markdown(extensions=["sane_lists"], tab_length=4)
    rendered = converter.reset().convert(text)
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href"}, "ol": {"start"}}))  # noqa: S308


def _widget_class(widget):
    from django import forms

    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


def _lean_field(bound, column=False):
    """One field the way the Bootstrap 5 pack draws it: label, control, errors, help (f-strings, every
    value escaped with _text: a dozen formset forms of eight fields each)."""
    from django import forms

    widget = bound.field.widget
    css = _widget_class(widget)
    field_errors = bound.errors
    if field_errors:
        css += " is-invalid"
    control = bound.as_widget(attrs={"class": css})
    auto_id = _text(bound.auto_id)
    errors = ""
    if field_errors:  # the id the control's aria-describedby names
        messages = "".join(f"<strong>{_text(error)}</strong> " for error in field_errors)
        errors = f'<div id="{auto_id}_error" class="invalid-feedback d-block">{messages}</div>'
    help_text = bound.help_text
    help_text = f'<div id="{auto_id}_helptext" class="form-text">{_text(help_text)}</div>' if help_text else ""
    wrapper = f"mb-3 {column}" if column else "mb-3"
    label = _text(bound.label)
    for_id = _text(bound.id_for_label)
    if isinstance(widget, forms.CheckboxInput):
        return mark_safe(  # noqa: S308 (every value is escaped)
            f'<div class="{wrapper}"><div class="form-check">{control}<label class="form-check-label" for="{for_id}">'
            f"{label}</label>{errors}{help_text}</div></div>"
        )
    if bound.field.required:
        required_class, required = " requiredField", '<span class="asteriskField">*</span>'
    else:
        required_class, required = "", ""
    return mark_safe(  # noqa: S308 (every value is escaped)
        f'<div id="div_{auto_id}" class="{wrapper}"><label for="{for_id}" class="form-label{required_class}">'
        f"{label}{required}</label>{control}{errors}{help_text}</div>"
    )


@register.simple_tag
def lean_field(bound):
    """One field as crispy's Bootstrap 5 pack draws it (label, control, errors beside it, help text,
    aria-describedby), written in Python instead of crispy's templates."""
    return mark_safe(str(bound) if bound.is_hidden else _lean_field(bound))  # noqa: S308 (built with format_html)


@register.simple_tag
def lean_fields(form):
    """Every field of a form without a layout, one after the other, as `{{ form|crispy }}` would."""
    parts = [str(error) for error in form.non_field_errors()]
    if parts:
        parts = [format_html('<div class="alert alert-danger">{}</div>', "; ".join(parts))]
    parts.extend(str(bound) if bound.is_hidden else _lean_field(bound) for bound in form)
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (each part is built with format_html)


@register.simple_tag
def lean_form(form):
    """A formset form laid out in the rows its helper names, without crispy's template per field:
    the minutes page has a dozen such forms. Hidden fields and the delete box come last."""
    parts = [str(error) for error in form.non_field_errors()]
    if parts:
        parts = [format_html('<div class="alert alert-danger">{}</div>', "; ".join(parts))]
    mentioned = set()
    for row in form.helper.rows:
        if isinstance(row, tuple):
            names = [name for name in row if name in form.fields]
            mentioned.update(names)
            narrow = getattr(form.helper, "narrow", ())
            cells = format_html_join(
                "",
                "{}",
                ((_lean_field(form[name], column="col-3 col-md-2" if name in narrow else "col-md"),) for name in names),
            )
            parts.append(format_html('<div class="row">{}</div>', cells))
        elif row in form.fields:
            mentioned.add(row)
            parts.append(_lean_field(form[row]))
    for name in form.fields:
        if name in mentioned:
            continue
        bound = form[name]
        parts.append(str(bound) if bound.is_hidden else _lean_field(bound))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (each part is built with format_html)
