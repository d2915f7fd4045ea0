"""Meeting documents (issue 15): who may add one, who may open one, and which files are refused."""

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import AgendaItem, MeetingDocument
from tests.meetings.files import add_document, office_bytes, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth, days=7, is_public=True)
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    AgendaItem.objects.create(meeting=meeting, position=2, title="Shelter count")
    return meeting


def _post(client, meeting, **data):
    return client.post(reverse("meetings:document_add", args=[meeting.pk]), data)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("member", 403), ("data_contact", 403), ("cochair", 302), ("staff", 302)],
)
def test_who_may_add_a_document(meeting, client_as, persona, status):
    item = meeting.agenda_items.get(position=2)
    response = _post(
        client_as(persona),
        meeting,
        title="Count slides",
        agenda_item=item.pk,
        visibility="private",  # staff choose; a co-chair's form has no such field and ignores it
        file=upload("count.pdf", pdf_bytes()),
    )
    assert response.status_code == status
    saved = MeetingDocument.objects.filter(title="Count slides").first()
    if persona in ("cochair", "staff"):
        assert response.url == reverse("meetings:detail", args=[meeting.pk])
        assert saved.agenda_item == item and saved.added_by.username == persona
        assert not saved.is_public
        assert saved.file.name.startswith(f"meeting-documents/{meeting.pk}/")
        assert "count" not in saved.file.name  # the server chooses the name
        assert saved.history.count() == 1
    else:
        assert saved is None


def test_a_cochair_of_another_committee_may_not_add(world, meeting, client):
    client.force_login(world.other_cochair.user)
    response = _post(client, meeting, title="X", file=upload("x.pdf", pdf_bytes()))
    assert response.status_code == 403
    assert not MeetingDocument.objects.exists()


def test_cochairs_do_not_choose_visibility_staff_do(meeting, client_as):
    assert (
        "visibility"
        not in client_as("cochair").get(reverse("meetings:document_add", args=[meeting.pk])).context["form"].fields
    )
    assert (
        "visibility"
        in client_as("staff").get(reverse("meetings:document_add", args=[meeting.pk])).context["form"].fields
    )


def test_public_only_once_the_agenda_is_published(meeting, client_as):
    client = client_as("staff")
    # A draft agenda's form does not offer "Public" (to be chosen, refused and the file picked again); it says when.
    form = client.get(reverse("meetings:document_add", args=[meeting.pk])).context["form"]
    assert [value for value, _label in form.fields["visibility"].choices] == ["private"]
    page = client.get(reverse("meetings:document_add", args=[meeting.pk])).content.decode()
    assert 'value="public"' not in page
    assert "It can be made public once the meeting's agenda is published." in page
    # Posted anyway, it is refused and nothing is saved.
    response = _post(client, meeting, title="Poster", visibility="public", file=upload("poster.png", png_bytes()))
    assert response.status_code == 200
    assert response.context["form"].errors["visibility"]
    assert not MeetingDocument.objects.exists()
    meeting.publish_agenda()
    form = client.get(reverse("meetings:document_add", args=[meeting.pk])).context["form"]
    assert [value for value, _label in form.fields["visibility"].choices] == ["private", "public"]
    response = _post(client, meeting, title="Poster", visibility="public", file=upload("poster.png", png_bytes()))
    assert response.status_code == 302
    assert MeetingDocument.objects.get().is_public


TRUNCATED_PNG = png_bytes()[:30]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.pdf", b"just some text, not a PDF", "is not a PDF that opens"),
        ("page.html", b"<script>alert(1)</script>", "Upload a PDF, a Word"),
        ("poster.png", TRUNCATED_PNG, "is not an image that opens"),
        ("poster.jpg", png_bytes(), "is a PNG image but is named .jpg"),
        ("slides.pptx", b"PK not really a zip", "is not a .pptx file that opens"),
        ("slides.pptx", office_bytes("word/"), "is not a .pptx file that opens"),
        ("report.docx", office_bytes("ppt/"), "is not a .docx file that opens"),
    ],
)
def test_bad_files_are_refused_next_to_the_field(meeting, client_as, name, content, message):
    response = _post(client_as("cochair"), meeting, title="Bad", file=upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors["file"]
    assert not MeetingDocument.objects.exists()


def test_a_file_over_25_mb_is_refused(meeting, client_as):
    response = _post(client_as("cochair"), meeting, title="Big", file=upload("big.pdf", b"0" * (25 * 1024 * 1024 + 1)))
    assert "the limit is 25.0" in response.content.decode()
    assert not MeetingDocument.objects.exists()


@pytest.mark.parametrize(("name", "content"), [("a.docx", office_bytes("word/")), ("b.pptx", office_bytes("ppt/"))])
def test_office_files_with_their_parts_are_taken(meeting, client_as, name, content):
    assert _post(client_as("cochair"), meeting, title="Office", file=upload(name, content)).status_code == 302
    assert MeetingDocument.objects.get().file.name.endswith(name[1:])


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("data_contact", 403), ("member", 200), ("cochair", 200), ("staff", 200)],
)
def test_who_may_open_a_private_document(meeting, client_as, persona, status):
    document = add_document(meeting, agenda_item=meeting.agenda_items.first())
    response = client_as(persona).get(reverse("meetings:document", args=[document.pk]))
    assert response.status_code == status
    if status == 200:
        assert "no-store" in response["Cache-Control"]
        assert response["Content-Disposition"].endswith('filename="Slides.pdf"')
        assert response["Content-Type"] == "application/pdf"
        assert len(PdfReader(__import__("io").BytesIO(b"".join(response.streaming_content))).pages) == 1


def test_anyone_may_open_a_public_document(meeting, client_as):
    meeting.publish_agenda()
    document = add_document(meeting, visibility=MeetingDocument.Visibility.PUBLIC)
    response = client_as("anonymous").get(reverse("meetings:document", args=[document.pk]))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_missing_document_is_404(client_as):
    assert client_as("staff").get(reverse("meetings:document", args=[9999])).status_code == 404


def test_the_meeting_page_lists_the_documents_its_reader_may_open(meeting, client_as):
    meeting.publish_agenda()
    first, second = meeting.agenda_items.order_by("position")
    add_document(meeting, title="Private slides", agenda_item=second)
    add_document(meeting, title="Public poster", agenda_item=first, visibility=MeetingDocument.Visibility.PUBLIC)
    add_document(meeting, title="Meeting handout")
    public = client_as("anonymous").get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Public poster" in public
    assert "Private slides" not in public and "Meeting handout" not in public
    member = client_as("member").get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert member.index("Public poster") < member.index("Shelter count") < member.index("Private slides")
    assert "Meeting handout" in member


def test_query_counts_are_pinned(meeting, client_as, django_assert_num_queries):
    document = add_document(meeting, agenda_item=meeting.agenda_items.first())
    client = client_as("member")
    # The session, the user, the access rule's document (with its answer), the user's committee roles.
    with django_assert_num_queries(4):
        assert client.get(reverse("meetings:document", args=[document.pk])).status_code == 200
    # The session, the user, the committee roles, the meeting with its answers, the navigation's two (data
    # contact, published report) and the agenda items to choose from.
    url = reverse("meetings:document_add", args=[meeting.pk])
    client = client_as("cochair")
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    for number in range(5):
        add_document(meeting, title=f"More {number}", agenda_item=meeting.agenda_items.last())
    detail = reverse("meetings:detail", args=[meeting.pk])
    client = client_as("member")
    # As the page was (7, tests/meetings/test_minutes_pages.py) and one query for the documents of every item.
    with django_assert_num_queries(8):
        assert client.get(detail).status_code == 200


def test_the_minutes_page_lists_the_documents_its_reader_may_open(meeting, make_meeting, world, client_as):
    meeting.publish_agenda()
    meeting.approve_minutes(at=make_meeting(world.youth, days=30))
    first, second = meeting.agenda_items.order_by("position")
    add_document(meeting, title="Private slides", agenda_item=second)
    add_document(meeting, title="Public poster", agenda_item=first, visibility=MeetingDocument.Visibility.PUBLIC)
    add_document(meeting, title="Meeting handout")
    url = reverse("meetings:minutes", args=[meeting.pk])
    public = client_as("anonymous").get(url).content.decode()
    assert "Public poster" in public
    assert "Private slides" not in public and "Meeting handout" not in public
    member = client_as("member").get(url).content.decode()
    assert member.index("Welcome") < member.index("Public poster") < member.index("Shelter count")
    assert member.index("Shelter count") < member.index("Private slides") < member.index("Meeting handout")
    assert reverse("meetings:document", args=[MeetingDocument.objects.get(title="Private slides").pk]) in member
    # The minutes PDF is a record of the meeting, not a list of links: it names none of them.
    assert b"Public poster" not in client_as("staff").get(reverse("meetings:minutes_pdf", args=[meeting.pk])).content


def test_the_minutes_page_query_count_does_not_grow_with_documents(
    meeting, make_meeting, world, client_as, django_assert_num_queries
):
    meeting.publish_agenda()
    meeting.approve_minutes(at=make_meeting(world.youth, days=30))
    client = client_as("member")
    url = reverse("meetings:minutes", args=[meeting.pk])
    add_document(meeting, agenda_item=meeting.agenda_items.first())
    client.get(url)
    # As the pin in tests/meetings/test_minutes_pages.py (staff: 12), and the member's committee roles, which
    # decide the private documents they may open.
    with django_assert_num_queries(13) as first:
        assert client.get(url).status_code == 200
    for item in meeting.agenda_items.all():
        for number in range(3):
            add_document(meeting, title=f"More {number}", agenda_item=item)
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_document_title_comes_back_escaped(meeting, client_as):
    hostile, escaped = "<script>\"'&", "&lt;script&gt;&quot;&#x27;&amp;"
    meeting.publish_agenda()
    add_document(meeting, title=hostile, agenda_item=meeting.agenda_items.first())
    add_document(meeting, title=hostile)
    client = client_as("staff")
    for name in ("meetings:minutes", "meetings:detail"):
        page = client.get(reverse(name, args=[meeting.pk])).content.decode()
        assert hostile not in page
        assert page.count(f">{escaped}</a>") == 2
    # The staff's buttons name it too.
    assert f'aria-label="Make public: {escaped}"' in page


def _visibility(client, document, visibility):
    return client.post(reverse("meetings:document_visibility", args=[document.pk]), {"visibility": visibility})


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("member", 403), ("data_contact", 403), ("cochair", 403), ("staff", 302)],
)
def test_only_staff_make_a_document_public_from_the_meeting_page(meeting, client_as, persona, status):
    meeting.publish_agenda()
    document = add_document(meeting, agenda_item=meeting.agenda_items.first())
    client = client_as(persona)
    response = _visibility(client, document, "public")
    assert response.status_code == status
    document.refresh_from_db()
    assert document.is_public == (persona == "staff")
    if persona == "anonymous":
        assert "/accounts/login/" in response.url
    if persona == "staff":
        assert response.url == reverse("meetings:detail", args=[meeting.pk])
        assert "Public now: anyone may open Slides." in client.get(response.url).content.decode()
        response = _visibility(client, document, "private")
        document.refresh_from_db()
        assert not document.is_public
        assert "Private again" in client.get(response.url).content.decode()
        assert client_as("anonymous").get(reverse("meetings:document", args=[document.pk])).status_code == 302
        assert document.history.count() == 3  # added, made public, made private


def test_a_visitor_opens_a_document_once_staff_make_it_public(meeting, client_as):
    meeting.publish_agenda()
    document = add_document(meeting)
    url = reverse("meetings:document", args=[document.pk])
    assert client_as("anonymous").get(url).status_code == 302
    _visibility(client_as("staff"), document, "public")
    assert client_as("anonymous").get(url).status_code == 200


def test_a_document_of_a_draft_agenda_is_not_made_public(meeting, client_as):
    document = add_document(meeting)
    client = client_as("staff")
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Make public" not in page  # no button until the agenda is published
    response = _visibility(client, document, "public")
    assert response.status_code == 302
    document.refresh_from_db()
    assert not document.is_public
    page = client.get(response.url).content.decode()
    assert "A document can be public only once the meeting&#x27;s agenda is published." in page


def test_an_unknown_visibility_is_refused(meeting, client_as):
    meeting.publish_agenda()
    document = add_document(meeting)
    assert _visibility(client_as("staff"), document, "secret").status_code == 400
    assert client_as("staff").get(reverse("meetings:document_visibility", args=[document.pk])).status_code == 405
    document.refresh_from_db()
    assert not document.is_public


def test_staff_see_a_button_per_document_others_do_not(meeting, client_as):
    meeting.publish_agenda()
    add_document(meeting, title="Private slides", agenda_item=meeting.agenda_items.first())
    add_document(meeting, title="Public poster", visibility=MeetingDocument.Visibility.PUBLIC)
    url = reverse("meetings:detail", args=[meeting.pk])
    staff = client_as("staff").get(url).content.decode()
    assert 'aria-label="Make public: Private slides">Make public</button>' in staff
    assert 'aria-label="Make private: Public poster">Make private</button>' in staff
    for persona in ("cochair", "member", "anonymous"):
        page = client_as(persona).get(url).content.decode()
        assert "Make public" not in page and "Make private" not in page


def test_query_counts_of_the_visibility_change_are_pinned(meeting, client_as, django_assert_num_queries):
    meeting.publish_agenda()
    document = add_document(meeting, agenda_item=meeting.agenda_items.first())
    client = client_as("staff")
    # The session, the user, the document with its meeting, its agenda item (clean() checks it is the meeting's),
    # the update and its history row; savepoints around the history are not counted.
    with django_assert_num_queries(6):
        assert _visibility(client, document, "public").status_code == 302
    for number in range(5):
        add_document(meeting, title=f"More {number}", agenda_item=meeting.agenda_items.last())
    # The meeting's page with a button per document costs staff what it costs any reader: none per document.
    with django_assert_num_queries(8):
        assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
