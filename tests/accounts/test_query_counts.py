"""The accounts' pages run exactly their pinned number of queries, with N members as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.accounts.models import Invitation, Member, User
from ankommen.core.registry import registry
from tests.queries import BUDGET, WARM_BUDGET, Page, pin


def add_members(town, people, count):
    """`count` people, a third of them deactivated and every other one a multiplier from politics, and
    as many invitations."""
    start = User.objects.count()
    for number in range(start, start + count):
        user = User.objects.create_user(f"person{number}@example.org", None, display_name=f"Person {number}")
        roles = {"multiplier": "politics"} if number % 2 else {"member": ""}
        Member.objects.create(municipality=town, user=user, role_sectors=roles, is_active=bool(number % 3))
        Invitation.objects.create(
            municipality=town,
            email=f"invited{number}@example.org",
            role="expert",
            invited_by=people["admin"].user,
        )


def _member():
    return Member.objects.get(user__email="nachbarschaft@demo.ankommen.example")


def deactivate_the_neighbour(town, people, count):
    """The neighbour, deactivated (for the page that reactivates), and `count` more members."""
    Member.objects.filter(pk=_member().pk).update(is_active=False)
    add_members(town, people, count)


def write_as_the_member(town, people, count):
    """`count` contributions and as many supports by the demo's member: their download grows, not its queries."""
    from ankommen.dialogue.models import Support
    from tests.writing import add_contribution

    member = people["mitglied"]
    for number in range(count):
        written = add_contribution(town, people, f"Idee {Support.objects.count()} {number}", author=member)
        Support.objects.create(municipality=town, contribution=written, member=member)


def add_join_requests(town, people, count):
    """`count` people asking to join, and as many decided requests."""
    from django.utils import timezone

    from ankommen.accounts.models import JoinRequest

    start = User.objects.count()
    for number in range(start, start + count):
        user = User.objects.create_user(f"asking{number}@example.org", None, display_name=f"Fragend {number}")
        JoinRequest.objects.create(municipality=town, user=user, motivation="Ich möchte mithelfen.")
        JoinRequest.objects.create(
            municipality=town,
            user=user,
            motivation="Früher schon einmal.",
            decided_at=timezone.now(),
            decided_by=people["admin"].user,
            outcome="declined",
        )


def _request():
    from ankommen.accounts.models import JoinRequest

    return JoinRequest.objects.filter(municipality__slug="kornwestheim", decided_at=None).first().pk


def _token():
    return Invitation.objects.filter(municipality__slug="kornwestheim").first().token


MEMBERS = "/verwaltung/mitglieder/"
PAGES = [
    Page("member list", "admin", lambda: MEMBERS, (7, 7), add_members, n=60),
    Page(
        "member search",
        "admin",
        lambda: MEMBERS + "?text=person&role=multiplier&sector=politics&state=active",
        (7, 7),
        add_members,
        n=60,
    ),
    Page(
        "deactivated members",
        "admin",
        lambda: MEMBERS + "?state=deactivated&page=1",
        (7, 7),
        add_members,
        n=60,
    ),
    Page("a member's roles", "admin", lambda: f"{MEMBERS}{_member().pk}/", (5, 5), add_members),
    Page(
        "confirm a deactivation",
        "admin",
        lambda: f"{MEMBERS}{_member().pk}/deaktivieren/",
        (5, 5),
        add_members,
    ),
    Page(
        "confirm a reactivation",
        "admin",
        lambda: f"{MEMBERS}{_member().pk}/reaktivieren/",
        (5, 5),
        deactivate_the_neighbour,
    ),
    Page("invitation form", "admin", lambda: "/verwaltung/einladungen/neu/", (5, 5), add_members),
    Page("profile", "mitglied", lambda: "/konto/profil/", (4, 4), add_members),
    Page("an invitation", None, lambda: f"/einladung/{_token()}/", (5, 5), add_members),
    # One query per registered kind of personal data (54 in all, with the test app's and the stories'), and the frame's.
    Page(
        "one's own data",
        "mitglied",
        lambda: "/konto/meine-daten/",
        (71, 71),
        write_as_the_member,
        warm_budget=WARM_BUDGET + len(registry.personal_data),
        budget=BUDGET + len(registry.personal_data),
    ),
    Page(
        "one's own data as a file",
        "mitglied",
        lambda: "/konto/meine-daten/herunterladen/",
        (71, 71),
        write_as_the_member,
        warm_budget=WARM_BUDGET + len(registry.personal_data),
        budget=BUDGET + len(registry.personal_data),
    ),
    Page("the page to ask to join", "stranger", lambda: "/mitmachen/", (6, 6), add_join_requests),
    Page("requests to join", "admin", lambda: "/verwaltung/beitritte/", (7, 7), add_join_requests, n=20),
    Page(
        "accepting a request",
        "admin",
        lambda: f"/verwaltung/beitritte/{_request()}/annehmen/",
        (5, 5),
        add_join_requests,
    ),
    Page(
        "declining a request",
        "admin",
        lambda: f"/verwaltung/beitritte/{_request()}/ablehnen/",
        (5, 5),
        add_join_requests,
    ),
    Page("erasing one's account", "mitglied", lambda: "/konto/loeschen/", (4, 4), write_as_the_member),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
