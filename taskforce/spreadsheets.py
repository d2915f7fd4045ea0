"""Every CSV the app writes goes through here: a cell a spreadsheet would run as a formula is neutralized.

A cell starting with =, +, -, @, a tab or a carriage return is read as a formula by Excel, LibreOffice and
Google Sheets (CSV injection), and anyone who can type a name (a guest, an organization) could plant one.
Such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers are left alone: only text
the app did not compute is at risk.
"""

import csv

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


class SafeCSV(CSV):
    """The admin's CSV export (django-import-export) with the same neutralizing."""

    def export_data(self, dataset, **kwargs):
        safe = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            safe.append([safe_cell(value) for value in row])
        return super().export_data(safe, **kwargs)
