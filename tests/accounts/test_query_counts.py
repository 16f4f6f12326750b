"""The member pages run an exact number of queries: the same with N members as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.accounts.models import Member, User
from tests.queries import BUDGET, queries


def add_members(town, count, start=0):
    """`count` people, a third of them deactivated and every other one a multiplier from politics."""
    for number in range(start, start + count):
        user = User.objects.create_user(f"person{number}@example.org", None, display_name=f"Person {number}")
        roles = {"multiplier": "politics"} if number % 2 else {"member": ""}
        Member.objects.create(municipality=town, user=user, role_sectors=roles, is_active=bool(number % 3))


MEMBER_LISTS = {
    "/verwaltung/mitglieder/": (7, 7),
    "/verwaltung/mitglieder/?text=person&role=multiplier&sector=politics&state=active": (7, 7),
    "/verwaltung/mitglieder/?state=deactivated&page=1": (7, 7),
}


@pytest.mark.parametrize(("url", "expected"), MEMBER_LISTS.items(), ids=list(MEMBER_LISTS))
def test_member_list(client_as, town, url, expected):
    client = client_as("admin")
    add_members(town, 60)
    few = queries(client, url)
    add_members(town, 120, start=60)
    assert queries(client, url) == few == expected
    assert few[0] <= BUDGET


@pytest.mark.parametrize("verb", ["deaktivieren", "reaktivieren"])
def test_confirmation_pages(client_as, people, verb):
    member = people["nachbarschaft"]
    if verb == "reaktivieren":
        Member.objects.filter(pk=member.pk).update(is_active=False)
    assert queries(client_as("admin"), f"/verwaltung/mitglieder/{member.pk}/{verb}/") == (5, 5)
