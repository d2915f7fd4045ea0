"""Read a rendered form's fields the way a browser would submit them, so tests post what the page shows."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id=None):
        super().__init__()
        self.data, self._select, self._option, self._textarea = {}, None, None, None
        self._selected_seen = set()
        self._multiple = False
        self._in_template = 0  # a <template>'s fields (a formset's blank row) are not submitted

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self._in_template += 1
        if self._in_template:
            return
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button"):
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self._multiple = "multiple" in attrs
            # A browser sends nothing for a multiple select with nothing chosen, and every chosen value.
            self.data.setdefault(name, [] if self._multiple else "")
        elif tag == "option" and self._select:
            if "selected" in attrs:
                if self._multiple:
                    self.data[self._select].append(attrs.get("value", ""))
                else:
                    self.data[self._select] = attrs.get("value", "")
                self._selected_seen.add(self._select)
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "template":
            self._in_template -= 1
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.lstrip("\n") if not self.data[self._textarea] else data


def form_data(html: str, **changes) -> dict:
    """Every named field of the page with its current value, then `changes` applied."""
    reader = _FormReader()
    reader.feed(html)
    data = reader.data
    data.pop("csrfmiddlewaretoken", None)
    data.update({key: "" if value is None else str(value) for key, value in changes.items()})
    return data
