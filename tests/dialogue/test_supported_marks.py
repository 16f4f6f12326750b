"""A field's list is rendered (and cached) once for all its readers of a kind; each member's own
supports are marked afterwards, so one member's marks never show on another's page."""

from ankommen.dialogue.models import Contribution, Support

URL = "/handlungsfelder/wohnen-und-leben/"
MARK = "von Ihnen unterstützt"


def _cards(client):
    page = client.get(URL).content.decode()
    assert "<!--supported:" not in page
    return {card.split('href="', 1)[1].split('"', 1)[0]: card for card in page.split("<article")[1:]}


def test_each_member_sees_their_own_supports_marked_on_the_same_cached_list(client_as, town, people):
    contribution = (
        Contribution.objects.filter(municipality=town, field__slug="wohnen-und-leben")
        .order_by("-created_at", "-id")
        .first()
    )
    Support.objects.filter(contribution__field__slug="wohnen-und-leben").delete()
    Support.objects.create(municipality=town, contribution=contribution, member=people["mitglied"])
    url = contribution.get_absolute_url()

    before_supporter = _cards(client_as("verwaltung"))  # renders and caches the members' list
    assert url in before_supporter
    assert not any(MARK in card for card in before_supporter.values())

    cards = _cards(client_as("mitglied"))  # the same cached list, with her support marked
    assert MARK in cards[url]
    assert [card_url for card_url, card in cards.items() if MARK in card] == [url]

    assert not any(MARK in card for card in _cards(client_as("verwaltung")).values())
    assert not any(MARK in card for card in _cards(client_as(None)).values())
