"""Every string the public pages show is translated in every shipped language, and each catalogue says who
drafted it (issue 16). The catalogues are read with polib, as a translator's tool would read them."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE = Path(settings.BASE_DIR) / "locale"
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# The templates of the pages anyone may open, and the layout and partials they draw: every msgid that
# makemessages found in them must be translated. Staff-only pages may ship in English.
PUBLIC_TEMPLATES = [
    "templates/base.html",
    "templates/_language_switcher.html",
    "templates/_nav_links.html",
    "templates/_pagination.html",
    "templates/dashboard.html",
    "templates/400.html",
    "templates/403.html",
    "templates/404.html",
    "templates/pdf_preparing.html",
    "templates/resources/list.html",
    "templates/resources/detail.html",
    "templates/meetings/meeting_list.html",
    "templates/meetings/_meeting_table.html",
    "templates/meetings/meeting_detail.html",
    "templates/meetings/minutes.html",
    "templates/meetings/_minutes_body.html",
    "templates/meetings/_minutes_item.html",
    "templates/meetings/_amendment.html",
    "templates/meetings/minutes_pdf.html",
    "templates/registration/locked_out.html",
    "templates/registration/login.html",
    "templates/registration/password_change_done.html",
    "templates/registration/password_change_form.html",
    "templates/registration/password_reset_complete.html",
    "templates/registration/password_reset_confirm.html",
    "templates/registration/password_reset_done.html",
    "templates/registration/password_reset_email.html",
    "templates/registration/password_reset_form.html",
]
# Python strings the public pages show: the resource filters, the language names, the login words Django
# has no Filipino for, and the password reset's refusal.
PUBLIC_PYTHON = ["members/resource_forms.py", "taskforce/settings.py", "taskforce/django_words.py", "accounts/views.py"]
# Single strings from modules mostly for staff: the calendar feed's fixed text, the meeting's states, the date,
# a service's ages, the refusal of a NUL character.
PUBLIC_MSGIDS = {
    "Task force meetings",
    "Public meetings of the task force and its committees.",
    "Public meetings of the %(committee)s.",
    "Members-only meeting: please do not share its details.",
    "Scheduled",
    "Held",
    "Cancelled",
    "Draft",
    "Published",
    "Approved",
    "Committee",
    "Year",
    "%(weekday)s, %(date)s",
    "Adopted",
    "Failed",
    "Tabled",
    "Withdrawn",
    "The resource pamphlet (PDF)",
    "Ages %(minimum)s-%(maximum)s",
    "Ages %(minimum)s and up",
    "Up to age %(maximum)s",
    "The form contained a character that is not allowed.",
}
DRAFTED_BY = "Drafted by machine translation (Claude) for review; not yet reviewed by a qualified translator"


def _catalogue(language, domain="django"):
    path = LOCALE / to_locale(language) / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"no {domain} catalogue for {language}: run makemessages -l {to_locale(language)}"
    return polib.pofile(str(path))


def _is_public(entry):
    files = {path for path, _line in entry.occurrences}
    return bool(files & set(PUBLIC_TEMPLATES + PUBLIC_PYTHON)) or entry.msgid in PUBLIC_MSGIDS


def _missing(entry):
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not entry.msgstr_plural or any(not text.strip() for text in entry.msgstr_plural.values())
    return not entry.msgstr.strip()


def test_the_public_templates_exist_and_have_strings():
    """A renamed template would otherwise drop out of the check silently."""
    for template in PUBLIC_TEMPLATES:
        assert (Path(settings.BASE_DIR) / template).exists(), template
    public = [entry for entry in _catalogue("es") if _is_public(entry)]
    assert len(public) > 200


@pytest.mark.parametrize("language", SHIPPED)
def test_every_public_string_is_translated(language):
    missing = [entry.msgid for entry in _catalogue(language) if _is_public(entry) and _missing(entry)]
    assert missing == [], f"{language}: {len(missing)} public strings without a translation (or fuzzy)"


@pytest.mark.parametrize("language", SHIPPED)
def test_every_script_string_is_translated(language):
    missing = [entry.msgid for entry in _catalogue(language, "djangojs") if _missing(entry)]
    assert missing == []


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_each_catalogue_says_who_drafted_it(language, domain):
    catalogue = _catalogue(language, domain)
    assert DRAFTED_BY in catalogue.header
    assert catalogue.metadata["Language"] == to_locale(language)
    assert not catalogue.metadata_is_fuzzy


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_their_placeholders(language):
    """A translation that drops or renames %(name)s would fail at run time on the page."""
    import re

    placeholder = re.compile(r"%\(\w+\)s")
    for entry in _catalogue(language):
        if entry.msgstr:
            assert sorted(placeholder.findall(entry.msgstr)) == sorted(placeholder.findall(entry.msgid)), entry.msgid
        for text in entry.msgstr_plural.values():
            if text:
                assert set(placeholder.findall(text)) <= set(placeholder.findall(entry.msgid_plural)), entry.msgid
