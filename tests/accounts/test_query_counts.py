"""The member list runs a bounded number of queries: the same with N members as with 3N.

See tests/queries.py for how a page is measured.
"""

from ankommen.accounts.models import Member, User
from tests.queries import BUDGET, queries


def add_members(town, count, start=0):
    for number in range(start, start + count):
        user = User.objects.create_user(f"person{number}@example.org", None, display_name=f"Person {number}")
        Member.objects.create(municipality=town, user=user)


def test_member_list(client_as, town):
    client = client_as("admin")
    add_members(town, 3)
    few = queries(client, "/verwaltung/mitglieder/")
    add_members(town, 6, start=3)
    assert queries(client, "/verwaltung/mitglieder/") == few
    assert few[0] <= BUDGET
