"""What must always hold in the registry is enforced by the database itself."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from members.models import MOU, CommitteeRole, Membership, MembershipPolicy

D = datetime.date


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_one_current_mou_per_organization(world):
    MOU.objects.create(organization=world.legal_aid, status=MOU.Status.SENT)
    refused(lambda: MOU.objects.create(organization=world.legal_aid, status=MOU.Status.DRAFTED))
    # A closed MOU does not count: the history may hold many.
    MOU.objects.create(organization=world.legal_aid, status=MOU.Status.EXPIRED)
    MOU.objects.create(organization=world.legal_aid, status=MOU.Status.DECLINED)


def test_signed_mou_needs_a_signed_date(world):
    refused(lambda: MOU.objects.create(organization=world.shelter, status=MOU.Status.SIGNED))


def test_mou_expires_after_signing(world):
    refused(
        lambda: MOU.objects.create(
            organization=world.shelter, status=MOU.Status.SIGNED, signed_on=D(2024, 5, 1), expires_on=D(2024, 4, 1)
        )
    )


def test_person_holds_a_committee_role_once_at_a_time(world):
    # world.cochair is co-chair of youth since 2020, open-ended.
    refused(
        lambda: CommitteeRole.objects.create(
            person=world.cochair, committee=world.youth, role=CommitteeRole.Role.CO_CHAIR, start_on=D(2023, 1, 1)
        )
    )
    # A different role, or a term that does not overlap, is fine.
    CommitteeRole.objects.create(
        person=world.cochair, committee=world.youth, role=CommitteeRole.Role.MEMBER, start_on=D(2023, 1, 1)
    )
    CommitteeRole.objects.create(
        person=world.former_cochair,
        committee=world.youth,
        role=CommitteeRole.Role.CO_CHAIR,
        start_on=D(2022, 1, 1),
    )


def test_dates_in_order(world):
    refused(
        lambda: Membership.objects.create(
            person=world.member, organization=world.legal_aid, start_on=D(2024, 1, 1), end_on=D(2023, 1, 1)
        )
    )
    refused(
        lambda: CommitteeRole.objects.create(
            person=world.member, committee=world.adult, start_on=D(2024, 1, 1), end_on=D(2023, 1, 1)
        )
    )


def test_policy_is_one_row_and_sane(db):
    policy = MembershipPolicy.load()
    assert MembershipPolicy.load().pk == policy.pk == 1
    policy.required_meetings = 7
    policy.window_meetings = 6
    refused(policy.save)
    refused(lambda: MembershipPolicy.objects.create(id=2))
