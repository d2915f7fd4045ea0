"""Every string the public pages show is translated in every shipped language, and each catalogue says who
drafted it (issue 16). The catalogues are read with polib, as a translator's tool would read them."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import templatize, to_locale

from goals.models import Objective
from reports.models import BreakdownCategory, Recommendation

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
    "templates/_dashboard_panels.html",
    "templates/meetings/_public_panel.html",
    "templates/reports/_public_panel.html",
    "templates/resources/_public_panel.html",
    "templates/reports/index.html",
    "templates/reports/report.html",
    "templates/reports/report_pdf.html",
    "templates/reports/_report_body.html",
    "templates/reports/_chart.html",
    "templates/reports/_table.html",
    "templates/reports/sections/_about.html",
    "templates/reports/sections/_case_summaries.html",
    "templates/reports/sections/_contents.html",
    "templates/reports/sections/_cover.html",
    "templates/reports/sections/_data.html",
    "templates/reports/sections/_executive_summary.html",
    "templates/reports/sections/_expungements.html",
    "templates/reports/sections/_goals.html",
    "templates/reports/sections/_heading.html",
    "templates/reports/sections/_headline_figure.html",
    "templates/reports/sections/_methodology.html",
    "templates/reports/sections/_narratives.html",
    "templates/reports/sections/_recommendations.html",
    "templates/reports/sections/_year_in_review.html",
    "templates/reports/sections/_unduplicated.html",
    "templates/reports/_unduplicated_figures.html",
    "templates/reports/sections/_unduplicated_method.html",
    # The metric charts of the report's goals (an SVG template: makemessages reads .svg too, see
    # taskforce/management/commands/makemessages.py).
    "templates/goals/_metric_chart.svg",
    "templates/400.html",
    "templates/403.html",
    "templates/404.html",
    "templates/pdf_preparing.html",
    "templates/resources/list.html",
    "templates/resources/detail.html",
    "templates/meetings/meeting_list.html",
    "templates/meetings/_meeting_table.html",
    "meetings/jinja2/meetings/meeting_rows.html",
    "templates/meetings/meeting_detail.html",
    "templates/meetings/_documents.html",
    "templates/meetings/minutes.html",
    "templates/meetings/_minutes_body.html",
    "meetings/jinja2/meetings/minutes_attendees.html",
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
# Python strings the public pages show: the resource filters, the HSDS export's fixed words, the published
# report's sections, its suppressed cells and their notes, its unduplicated count and its metric charts' lines,
# the language names, the login words Django has no Filipino for, and the password reset's refusal.
PUBLIC_PYTHON = [
    "members/resource_forms.py",
    "members/hsds.py",
    "reports/sections.py",
    "reports/suppression.py",
    "reports/unduplicated.py",
    "goals/charts.py",
    "taskforce/settings.py",
    "taskforce/django_words.py",
    "accounts/views.py",
]
# Our own scripts (vendored ones live elsewhere): every string they mark must be in djangojs.po, translated.
SCRIPTS = sorted(
    str(path.relative_to(settings.BASE_DIR)) for path in (Path(settings.BASE_DIR) / "static" / "js").glob("*.js")
)
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
    "%(date)s, %(time)s",
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
# Choices of modules mostly for staff that the published report prints: the breakdowns' titles, an objective's
# status, a recommendation's progress. Their labels are public msgids.
PUBLIC_CHOICES = [BreakdownCategory.Dimension, Objective.Status, Recommendation.Progress]
with translation.override(None):
    PUBLIC_MSGIDS |= {str(label) for choices in PUBLIC_CHOICES for label in choices.labels}
DRAFTED_BY = "Drafted by machine translation (Claude) for review; not yet reviewed by a qualified translator"


def _catalogue(language, domain="django"):
    path = LOCALE / to_locale(language) / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"no {domain} catalogue for {language}: run makemessages -l {to_locale(language)}"
    return polib.pofile(str(path))


# makemessages' own xgettext calls (django/core/management/commands/makemessages.py), so that a string is
# extracted here exactly as makemessages would extract it.
XGETTEXT = {
    "django": [
        "--language=Python",
        "--keyword=gettext_noop",
        "--keyword=gettext_lazy",
        "--keyword=ngettext_lazy:1,2",
        "--keyword=pgettext:1c,2",
        "--keyword=npgettext:1c,2,3",
        "--keyword=pgettext_lazy:1c,2",
        "--keyword=npgettext_lazy:1c,2,3",
    ],
    "djangojs": [
        "--language=JavaScript",
        "--keyword=gettext_noop",
        "--keyword=gettext_lazy",
        "--keyword=ngettext_lazy:1,2",
        "--keyword=pgettext:1c,2",
        "--keyword=npgettext:1c,2,3",
    ],
}


def _extract(files, domain, workdir):
    """The (context, msgid) pairs makemessages finds in these files today: templates go through Django's
    templatize first, as makemessages does. A string never extracted into the catalogues shows up here."""
    inputs = []
    for name in files:
        path = Path(settings.BASE_DIR) / name
        if path.suffix in (".html", ".txt", ".svg"):
            converted = workdir / (name.replace("/", "__") + ".py")
            converted.write_text(templatize(path.read_text(encoding="utf-8"), origin=name), encoding="utf-8")
            path = converted
        inputs.append(str(path))
    output = subprocess.run(
        [shutil.which("xgettext"), "--from-code=UTF-8", "--output=-", *XGETTEXT[domain], *inputs],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(output) if entry.msgid} if output else set()


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


@pytest.fixture(scope="module")
def marked_now(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("extracted")
    return {
        "django": _extract(PUBLIC_TEMPLATES + PUBLIC_PYTHON, "django", workdir),
        "djangojs": _extract(SCRIPTS, "djangojs", workdir),
    }


def test_the_extraction_finds_the_public_strings(marked_now):
    """The check below is only as good as the extraction: it must find the strings we know are there."""
    assert (None, "(in English)") in marked_now["django"]
    assert (None, "fewer than %(k)s") in marked_now["django"]  # the report's suppressed cells (Python)
    assert (None, "Target %(target)s") in marked_now["django"]  # the metric chart (SVG template)
    assert (None, "Skip to main content") in marked_now["django"]
    assert ("followed by the viewer's roles, separated by commas", "You are signed in as") in marked_now["django"]
    assert len(marked_now["djangojs"]) > 5


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_marked_public_string_is_in_the_catalogue_translated(language, domain, marked_now):
    """The test above reads only what the .po already holds: a string added to a public template (or
    script) after the last makemessages would pass it unseen. This one extracts the strings the public
    templates, the public Python and our scripts mark today and looks each up in the catalogue."""
    catalogue = {(entry.msgctxt, entry.msgid): entry for entry in _catalogue(language, domain) if not entry.obsolete}
    absent = sorted(msgid for key in marked_now[domain] if key not in catalogue for _context, msgid in [key])
    untranslated = sorted(key[1] for key in marked_now[domain] if key in catalogue and _missing(catalogue[key]))
    assert absent == [], f"{language} {domain}: not in the catalogue, run makemessages (docs/architecture.md)"
    assert untranslated == [], f"{language} {domain}: without a translation (or fuzzy)"


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
