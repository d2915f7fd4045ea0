"""URL arguments for the meetings pages: a youth-committee meeting with draft minutes and agenda,
so the permission module's rules for drafts (its co-chairs and staff only) are what is walked."""

import datetime

from tests.url_samples import Sample

POST_ONLY = frozenset({405})


def _meeting(world):
    from django.utils import timezone

    from meetings.models import Meeting

    start = timezone.now() + datetime.timedelta(days=3)
    meeting, _ = Meeting.objects.get_or_create(
        committee=world.youth,
        title="Sample meeting",
        defaults={"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
    )
    return meeting


def _action_item(world):
    from meetings.models import ActionItem

    meeting = _meeting(world)
    item, _ = ActionItem.objects.get_or_create(
        meeting=meeting, committee=world.youth, description="Sample action", defaults={"owner": world.member}
    )
    return item


def _calendar_secret(world):
    """A working private calendar link of the member: the link, not the session, decides what it shows."""
    from meetings.models import CalendarToken

    return CalendarToken.issue(world.member.user)


def _document(world):
    from meetings.models import MeetingDocument
    from tests.meetings.files import add_document

    meeting = _meeting(world)
    document = MeetingDocument.objects.filter(meeting=meeting).first()
    if document is None:
        document = add_document(meeting, title="Sample slides")
    return document


def meeting_kwargs(world):
    return {"pk": _meeting(world).pk}


def agenda_item_kwargs(world):
    """The sample meeting and its agenda item (the minutes are written one item at a time), with an action item
    (so the item's page has a due date to probe)."""
    from meetings.models import ActionItem, AgendaItem

    meeting = _meeting(world)
    item, _ = AgendaItem.objects.get_or_create(meeting=meeting, position=1, defaults={"title": "Sample item"})
    ActionItem.objects.get_or_create(
        meeting=meeting,
        agenda_item=item,
        committee=world.youth,
        description="Sample item action",
        defaults={"owner": world.member},
    )
    return {"pk": meeting.pk, "item_pk": item.pk}


SAMPLES = {
    "meetings:detail": Sample(kwargs=meeting_kwargs),
    "meetings:edit": Sample(kwargs=meeting_kwargs),
    "meetings:document_add": Sample(kwargs=meeting_kwargs),
    # The packet of a draft agenda: staff watch it being made (202), a co-chair waits (503) or gets it (200).
    "meetings:packet": Sample(kwargs=meeting_kwargs, ok=frozenset({200, 202, 503})),
    "meetings:packet_status": Sample(kwargs=meeting_kwargs),
    "meetings:document": Sample(kwargs=lambda world: {"pk": _document(world).pk}),
    "meetings:document_visibility": Sample(kwargs=lambda world: {"pk": _document(world).pk}, ok=POST_ONLY),
    "meetings:publish_agenda": Sample(kwargs=meeting_kwargs, ok=POST_ONLY),
    "meetings:close_action_item": Sample(
        kwargs=lambda world: {"pk": _meeting(world).pk, "item_pk": _action_item(world).pk}, ok=POST_ONLY
    ),
    "meetings:attendance": Sample(kwargs=meeting_kwargs),
    "meetings:add_guest": Sample(kwargs=meeting_kwargs, ok=POST_ONLY),
    "meetings:minutes": Sample(kwargs=meeting_kwargs),
    "meetings:minutes_pdf": Sample(kwargs=meeting_kwargs),
    "meetings:minutes_edit": Sample(kwargs=meeting_kwargs),
    "meetings:minutes_item_edit": Sample(kwargs=agenda_item_kwargs),
    "meetings:minutes_actions_edit": Sample(kwargs=meeting_kwargs),
    "meetings:minutes_blank_row": Sample(kwargs=lambda world: {**agenda_item_kwargs(world), "kind": "motions"}),
    "meetings:minutes_actions_blank_row": Sample(kwargs=meeting_kwargs),
    "meetings:committee_calendar": Sample(kwargs=lambda world: {"slug": world.task_force.slug}),
    "meetings:private_calendar": Sample(kwargs=lambda world: {"token": _calendar_secret(world)}),
    "meetings:private_committee_calendar": Sample(
        kwargs=lambda world: {"token": _calendar_secret(world), "slug": world.youth.slug}
    ),
    "meetings:calendar_link_create": Sample(ok=POST_ONLY),
    "meetings:calendar_link_revoke": Sample(ok=POST_ONLY),
    "meetings:action_item_status": Sample(kwargs=lambda world: {"pk": _action_item(world).pk}, ok=POST_ONLY),
}
