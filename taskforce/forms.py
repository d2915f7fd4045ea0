"""The widget renderer of the forms that draw many options on every request.

The list pages' filter forms and the attendance page's guest form draw hundreds of <option>s; Django's
Django-language widget templates take two includes per option, while Django's own Jinja2 widget templates
draw the same markup in about half the time. Those forms set
``default_renderer = WIDGET_RENDERER``; crispy-bootstrap5 still lays out every field. It is not the
project-wide FORM_RENDERER because the admin's widgets exist only as Django-language templates.
One instance, so its compiled templates are kept.
"""

from django.forms.renderers import Jinja2

WIDGET_RENDERER = Jinja2()
