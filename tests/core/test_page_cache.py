"""Visitors' whole pages: kept while what they show is unchanged, never given to anyone else."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from ankommen.concept.models import Field
from ankommen.dialogue import services
from ankommen.dialogue.models import Contribution
from ankommen.dialogue.templatetags.dialogue import supporters

HOME = "/"
WOHNEN = "/handlungsfelder/wohnen-und-leben/"
WIRTSCHAFT = "/handlungsfelder/wirtschaft-und-berufliche-bildung/"


def visit(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def kept(client, url):
    """The page twice: the second one from the cache (two queries: the town and the versions)."""
    first, _ = visit(client, url)
    second, queries = visit(client, url)
    assert (second, queries) == (first, 2)
    return second


def _card_of(page, title):
    """The card of the contribution `title`, with its support count."""
    card = page[page.index(title) :]
    return card[: card.index("</article>")]


@pytest.mark.django_db
def test_a_support_renews_its_fields_page_and_leaves_the_home_page_and_other_fields_kept(
    client, town, people
):
    contribution = (
        Contribution.objects.filter(municipality=town, field__slug="wohnen-und-leben", stage__status="open")
        .exclude(supports__member=people["nachbarschaft"])
        .order_by("-created_at")
        .first()
    )
    home, other = kept(client, HOME), kept(client, WIRTSCHAFT)
    before = _card_of(kept(client, WOHNEN), contribution.title)

    services.support(contribution, member=people["nachbarschaft"])

    after, queries = visit(client, WOHNEN)
    assert queries > 2
    assert supporters(contribution.support_count) not in before
    assert supporters(contribution.support_count) in _card_of(after, contribution.title)
    assert visit(client, HOME) == (home, 2)
    assert visit(client, WIRTSCHAFT) == (other, 2)


@pytest.mark.django_db
def test_a_change_of_the_town_renews_every_page(client, town):
    kept(client, HOME)
    field = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    field.name = "Arbeit und Ausbildung"
    field.save()
    page, queries = visit(client, HOME)
    assert "Arbeit und Ausbildung" in page
    assert queries > 2


@pytest.mark.django_db
def test_a_member_never_gets_the_visitors_page(client, client_as):
    visitors = kept(client, WOHNEN)
    member = client_as("mitglied")
    page, queries = visit(member, WOHNEN)
    assert "Abmelden" in page and "Abmelden" not in visitors
    assert queries > 2


@pytest.mark.django_db
def test_each_language_and_each_address_has_its_own_page(client):
    german = kept(client, HOME)
    english = kept(client, "/en/")
    assert 'lang="en"' in english and english != german
    assert kept(client, WOHNEN + "?sort=supported") != kept(client, WOHNEN)


@pytest.mark.django_db
def test_an_htmx_request_gets_its_list_not_the_kept_page(client):
    kept(client, WOHNEN)
    fragment, _ = visit(client, WOHNEN, **{"HX-Request": "true", "HX-Target": "beitraege"})
    assert "<html" not in fragment


@pytest.mark.django_db
def test_a_visitor_with_a_session_gets_the_page_rendered(client):
    kept(client, HOME)
    client.cookies["sessionid"] = "unknown"
    _page, queries = visit(client, HOME)
    assert queries > 2


@pytest.mark.django_db
@override_settings(FRAGMENT_CACHE=False)
def test_without_the_fragment_cache_no_page_is_kept(client):
    visit(client, HOME)
    visit(client, HOME)
    assert caches["pages"].get(f"page:{Field.objects.first().municipality_id}:de:/") is None
