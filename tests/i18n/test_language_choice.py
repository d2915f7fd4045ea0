"""Which language a page is in: the switcher (cookie and account), the browser's Accept-Language, the login, the
draft notice, and dates in the language's own words."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import get_language_info

from taskforce.models import TranslationReview
from tests.conftest import PASSWORD

COOKIE = settings.LANGUAGE_COOKIE_NAME
HTML_LANG = re.compile(r'<html lang="([^"]+)">')


def page_language(response):
    return HTML_LANG.search(response.content.decode()).group(1)


def test_filipino_is_known_to_django():
    info = get_language_info("tl")
    assert (info["name"], info["name_local"], info["bidi"]) == ("Filipino", "Filipino", False)


@pytest.mark.django_db
def test_english_without_any_choice(client):
    response = client.get("/")
    assert page_language(response) == "en"
    assert "Home" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "language", "word"),
    [
        ("es-MX,es;q=0.9,en;q=0.5", "es", "Inicio"),
        ("zh-TW,zh-Hant;q=0.9", "zh-hant", "首頁"),
        ("fil-PH,tl;q=0.9", "tl", "Mga mapagkukunan"),
        ("fr-FR", "en", "Home"),
    ],
)
def test_the_browsers_accept_language(client, header, language, word):
    response = client.get("/", headers={"accept-language": header})
    assert page_language(response) == language
    assert word in response.content.decode()
    assert "Accept-Language" in response["Vary"]
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_the_switcher_is_on_every_page_with_each_language_in_its_own(client):
    body = client.get("/resources/").content.decode()
    form = body[
        body.index('class="language-switcher"') : body.index("</form>", body.index('class="language-switcher"'))
    ]
    for code, name in [("en", "English"), ("es", "Español"), ("zh-hant", "繁體中文"), ("tl", "Filipino")]:
        assert f'value="{code}" lang="{code}"' in form
        assert f">{name}</button>" in form
    assert 'aria-labelledby="language-switcher-label"' in form
    assert 'name="next" value="/resources/"' in form
    assert 'value="en" lang="en" class="btn btn-sm btn-link language-choice" aria-pressed="true"' in form


@pytest.mark.django_db
def test_the_switcher_keeps_the_choice_in_a_cookie_and_goes_back(client):
    response = client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/resources/?q=legal"})
    assert response.status_code == 302
    assert response["Location"] == "/resources/?q=legal"
    assert response.cookies[COOKIE].value == "zh-hant"
    page = client.get("/resources/")
    assert page_language(page) == "zh-hant"
    assert "倖存者資源" in page.content.decode()


@pytest.mark.django_db
def test_the_cookie_beats_the_browsers_accept_language(client):
    client.cookies[COOKIE] = "tl"
    assert page_language(client.get("/", headers={"accept-language": "es"})) == "tl"


@pytest.mark.django_db
def test_a_language_that_is_not_offered_changes_nothing(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert COOKIE not in response.cookies
    assert client.get("/i18n/setlang/").status_code == 405


@pytest.mark.django_db
def test_a_logged_in_choice_is_kept_on_the_account(client, world):
    client.force_login(world.member.user)
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    world.member.user.refresh_from_db()
    assert world.member.user.language == "es"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    world.member.user.refresh_from_db()
    assert world.member.user.language == "es"


@pytest.mark.django_db
def test_the_accounts_language_beats_the_browser_where_this_browser_has_no_cookie(client, world):
    world.member.user.language = "zh-hant"
    world.member.user.save()
    client.force_login(world.member.user)
    assert page_language(client.get("/", headers={"accept-language": "es"})) == "zh-hant"
    # A choice made on this browser wins over the account's.
    client.cookies[COOKIE] = "tl"
    assert page_language(client.get("/")) == "tl"


@pytest.mark.django_db
def test_logging_in_applies_the_accounts_language(client, world):
    world.member.user.language = "tl"
    world.member.user.save()
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "tl"
    # The browser keeps it for a year, after logging out too.
    assert response.cookies[COOKIE]["max-age"] == settings.LANGUAGE_COOKIE_AGE


@pytest.mark.django_db
def test_logging_in_without_a_saved_language_leaves_the_browsers(client, world):
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_draft_translation_says_so_until_staff_mark_it_reviewed(client):
    client.cookies[COOKIE] = "es"
    notice = "La traducción de esta página es un borrador"
    assert notice in client.get("/resources/").content.decode()
    TranslationReview.objects.create(language="es", reviewed_by="A. Traductora, certified (ATA)")
    assert notice not in client.get("/resources/").content.decode()
    client.cookies[COOKIE] = "tl"
    assert "Borador ang salin ng pahinang ito" in client.get("/resources/").content.decode()
    client.cookies[COOKIE] = "en"
    assert 'class="draft-translation' not in client.get("/resources/").content.decode()


def test_dates_follow_the_language():
    from meetings.models import date_label

    moment = datetime.datetime(2016, 12, 14, 13, 30)
    expected = {
        "en": "Wednesday, December 14, 2016",
        "es": "miércoles, 14 de diciembre de 2016",
        "zh-hant": "2016年12月14日 星期三",
        "tl": "Miyerkules, Disyembre 14, 2016",
    }
    for language, label in expected.items():
        with translation.override(language):
            assert date_label(moment) == label


@pytest.mark.django_db
def test_a_meetings_time_follows_the_language(make_meeting_at):
    meeting = make_meeting_at(datetime.datetime(2026, 3, 4, 13, 30), hours=2)
    with translation.override("en"):
        assert meeting.when == "Wednesday, March 4, 2026, 1:30-3:30 pm"
    with translation.override("es"):
        assert meeting.when == "miércoles, 4 de marzo de 2026, 13:30-15:30"
    with translation.override("zh-hant"):
        assert meeting.when == "2026年3月4日 星期三 13:30-15:30"  # Chinese joins the day and the time without a comma


@pytest.fixture
def make_meeting_at(world):
    from django.utils import timezone

    from meetings.models import Meeting

    def make(local_start, *, hours):
        start = timezone.make_aware(local_start)
        return Meeting.objects.create(
            committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=hours)
        )

    return make


@pytest.mark.django_db
def test_the_not_yet_held_question_says_the_day_in_the_language(make_meeting_at):
    """The confirmation on the attendance and minutes forms: the weekday and the date in the language's order,
    the year only when the meeting is not this year's."""
    from meetings.forms import NotYetHeldForm

    meeting = make_meeting_at(datetime.datetime(2099, 3, 4, 13, 30), hours=2)
    expected = {
        "en": "Wednesday, March 4, 2099",
        "es": "miércoles, 4 de marzo de 2099",
        "zh-hant": "2099年3月4日 星期三",
        "tl": "Miyerkules, Marso 4, 2099",
    }
    for language, day in expected.items():
        with translation.override(language):
            assert day in str(NotYetHeldForm(meeting=meeting, record="attendance").fields["confirm_not_yet_held"].label)


def test_dates_on_staff_pages_follow_the_language():
    """The template filter and format names the staff pages use instead of English patterns ("l, F j, Y",
    "M j, Y"), and the date-range message of every date field."""
    from django.core.exceptions import ValidationError
    from django.template import Context, Template

    from taskforce.dates import validate_date, weekday_date

    template = Template(
        '{% load taskforce_dates %}{{ day|weekday_date }} / {{ day|date:"SHORT_DATE_FORMAT" }} / '
        '{{ day|date:"YEAR_MONTH_FORMAT" }} / {{ day|date:"MONTH_DAY_FORMAT" }}'
    )
    day = datetime.date(2026, 3, 4)
    expected = {
        "en": ("Wednesday, March 4, 2026 / Mar 4, 2026 / March 2026 / March 4", "Wednesday, March 4", "January 1, 1990"),
        "es": ("miércoles, 4 de marzo de 2026 / 04/03/2026 / marzo de 2026 / 4 de marzo", "miércoles, 4 de marzo", "1 de enero de 1990"),
        "zh-hant": ("2026年3月4日 星期三 / 2026年3月4日 / 2026年3月 / 3月4日", "3月4日 星期三", "1990年1月1日"),
        "tl": ("Miyerkules, Marso 4, 2026 / 03/04/2026 / Marso 2026 / Marso 4", "Miyerkules, Marso 4", "Enero 1, 1990"),
    }  # fmt: skip
    for language, (rendered, this_year, earliest) in expected.items():
        with translation.override(language):
            assert template.render(Context({"day": day})) == rendered
            assert weekday_date(day, "MONTH_DAY_FORMAT") == this_year
            with pytest.raises(ValidationError) as error:
                validate_date(datetime.date(1800, 1, 1))
            assert earliest in error.value.messages[0]


def test_every_language_names_the_charts_short_month():
    """SHORT_YEAR_MONTH_FORMAT is the project's own format name (the work plan's timeline axis): a language
    without it would print the name's letters as a date pattern."""
    day = datetime.date(2016, 12, 14)
    expected = {"en": "Dec 2016", "es": "dic 2016", "zh-hant": "2016年12月", "tl": "Dec 2016"}
    assert set(expected) == {code for code, _name in settings.LANGUAGES}
    for language, month in expected.items():
        with translation.override(language):
            assert formats.date_format(day, "SHORT_YEAR_MONTH_FORMAT") == month


@pytest.mark.django_db
def test_the_goals_pages_dates_follow_the_language(client_as, world):
    """The work plan (its dates, the timeline's axis and bars) and an item (overdue since, an update's date and
    time, its history) in each language's formats; English reads as it always did."""
    from django.urls import reverse
    from django.utils import timezone

    from goals.models import ProgressUpdate
    from tests.goals.factories import plan_for

    plan = plan_for(world)
    item = plan.youth_item  # 1 September 2017 to Saturday 31 March 2018, overdue since
    ProgressUpdate.objects.create(
        item=item, author=world.cochair.user, text="Two mentors trained.",
        created_at=timezone.make_aware(datetime.datetime(2018, 2, 14, 13, 5)),
    )  # fmt: skip
    client = client_as("cochair")
    workplan = reverse("goals:workplan", args=["youth"]) + f"?plan={plan.youth_plan.pk}"
    expected = {
        "en": (["Sep 1, 2017", "Mar 31, 2018", "last Feb 14, 2018", ">Jul 2017<", "Recruit mentors: Sep 1, 2017"],
               ["It was due Saturday, March 31, 2018.", "Wednesday, February 14, 2018, 1:05 p.m."]),
        "es": ([">01/09/2017<", ">31/03/2018", "14/02/2018", ">jul 2017<", "Recruit mentors: 01/09/2017"],
               ["sábado, 31 de marzo de 2018", "miércoles, 14 de febrero de 2018 a las 13:05"]),
        "zh-hant": ([">2017年9月1日<", ">2018年3月31日", "2018年2月14日", ">2017年7月<", "Recruit mentors: 2017年9月1日"],
                    ["2018年3月31日 星期六", "2018年2月14日 13:05 星期三"]),
    }  # fmt: skip
    for language, (on_the_plan, on_the_item) in expected.items():
        client.cookies[COOKIE] = language
        body = client.get(workplan).content.decode()
        for text in on_the_plan:
            assert text in body, (language, text)
        body = client.get(reverse("goals:item", args=[item.pk])).content.decode()
        for text in on_the_item:
            assert text in body, (language, text)
        if language != "en":
            assert not re.search(r"\b(Sep|Mar|Feb|Saturday|Wednesday|p\.m\.)\b", body.split("<main", 1)[1])


@pytest.mark.django_db
def test_a_public_meeting_pages_time_follows_the_language(client, make_meeting_at):
    """The meeting page a visitor reads: its day and its time range on the language's own clock."""
    from meetings.models import Meeting

    meeting = make_meeting_at(datetime.datetime(2026, 3, 4, 11, 12), hours=2)
    Meeting.objects.filter(pk=meeting.pk).update(is_public=True, agenda_state=Meeting.AgendaState.PUBLISHED)
    expected = {
        "en": "Wednesday, March 4, 2026, 11:12 am-1:12 pm",
        "es": "miércoles, 4 de marzo de 2026, 11:12-13:12",
        "zh-hant": "2026年3月4日 星期三 11:12-13:12",
        "tl": "Miyerkules, Marso 4, 2026, 11:12 AM-1:12 PM",
    }
    for language, when in expected.items():
        client.cookies[COOKIE] = language
        response = client.get(meeting.get_absolute_url())
        assert response.status_code == 200
        assert f'<p class="lead mb-1">{when}</p>' in response.content.decode(), language
