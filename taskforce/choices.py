"""A model field's choice label, for lists that print one on every row."""


def choice_label(choices, value):
    """A value's label, as get_FOO_display() gives it (the value itself when it is not a choice), from the field's
    TextChoices: get_FOO_display() translates every choice's label at each call to find this one (a tenth of a
    millisecond for the 15 sectors, on every row of a list)."""
    try:
        return choices(value).label
    except ValueError:
        return value
