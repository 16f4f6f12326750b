"""The accounts' pages run exactly their pinned number of queries, with N members as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.accounts.models import Invitation, Member, User
from tests.queries import Page, pin


def add_members(town, people, count):
    start = User.objects.count()
    for number in range(start, start + count):
        user = User.objects.create_user(f"person{number}@example.org", None, display_name=f"Person {number}")
        Member.objects.create(municipality=town, user=user)
        Invitation.objects.create(
            municipality=town,
            email=f"invited{number}@example.org",
            role="expert",
            invited_by=people["admin"].user,
        )


def _member_pk():
    return Member.objects.get(user__email="nachbarschaft@demo.ankommen.example").pk


def _token():
    return Invitation.objects.filter(municipality__slug="kornwestheim").first().token


PAGES = [
    Page("member list", "admin", lambda: "/verwaltung/mitglieder/", (7, 7), add_members, n=3),
    Page("a member's roles", "admin", lambda: f"/verwaltung/mitglieder/{_member_pk()}/", (5, 5), add_members),
    Page("invitation form", "admin", lambda: "/verwaltung/einladungen/neu/", (4, 4), add_members),
    Page("profile", "mitglied", lambda: "/konto/profil/", (4, 4), add_members),
    Page("an invitation", None, lambda: f"/einladung/{_token()}/", (2, 2), add_members),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
