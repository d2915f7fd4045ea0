"""Every CSV the app writes goes through here: a cell a spreadsheet would run as a formula is neutralized.

A cell starting with =, +, -, @, a tab or a carriage return is read as a formula by Excel, LibreOffice and
Google Sheets (CSV injection), and anyone who can type a name (a guest, an organization) could plant one.
Such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers are left alone: only text
the app did not compute is at risk. The admin's CSV imports read through here too (SafeCSV), and refuse a
file whose quotes do not pair up instead of reading the rest of it as one value.
"""

import csv
import io

from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with an apostrophe before text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer's interface, every cell passed through safe_cell."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(out, **options) -> SafeWriter:
    return SafeWriter(out, **options)


class UnreadableCSV(ValueError):
    """An imported file that is not well-formed CSV; the message says which row and what to fix."""


def check_quotes(text: str) -> None:
    """Raise UnreadableCSV naming the row whose quotes do not pair up (a quote never closed would swallow
    every following line into one value: one organization named after the rest of the file)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, line = 0, 0
    try:
        for _row in reader:
            rows, line = rows + 1, reader.line_num
    except csv.Error as error:
        problem = (
            _("a quote opens there and is never closed.")
            if "unexpected end of data" in str(error)
            else _("its quotes do not pair up (text follows a closing quote).")
        )
        raise UnreadableCSV(
            _(
                "Row %(row)d (line %(line)d of the file): %(problem)s Put a quote at the end of the value, "
                'or write a quote inside a value as two (""), and import again. Nothing was imported.'
            )
            % {"row": rows, "line": line + 1, "problem": problem}
        ) from error


def data_row_lines(text: str) -> list[int]:
    """The line of the file on which each data row starts (the header is line 1), skipping blank lines as
    tablib does, so an error can name the line a person sees in their editor even after a value that spans
    two lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    lines, next_line = [], 1
    for index, row in enumerate(reader):
        if index > 0 and row:
            lines.append(next_line)
        next_line = reader.line_num + 1
    return lines


class SafeCSV(CSV):
    """The admin's CSV import and export (django-import-export): imports with their quotes checked,
    exports with the same neutralizing."""

    def create_dataset(self, in_stream, **kwargs):
        text = in_stream
        if isinstance(text, bytes):
            text = text.decode(self.encoding or "utf-8-sig", errors="replace")
        check_quotes(text)
        dataset = super().create_dataset(in_stream, **kwargs)
        dataset.line_numbers = data_row_lines(text)
        return dataset

    def export_data(self, dataset, **kwargs):
        safe = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            safe.append([safe_cell(value) for value in row])
        return super().export_data(safe, **kwargs)
