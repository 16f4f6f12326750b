"""Cached fragments of pages never show a state older than the last change."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ankommen.concept import services as concept_services
from ankommen.concept.models import Stage
from ankommen.core import moderation
from ankommen.dialogue import services
from ankommen.dialogue.models import Contribution

FIELD = "/handlungsfelder/wohnen-und-leben/"


def _page(url):
    return Client().get(url).content.decode()


def test_new_contribution_appears_in_the_cached_list(town, people):
    assert "Ein Sprachcafé für Väter" not in _page(FIELD)
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    services.add_contribution(
        stage, author=people["expertin"], finding_kind="need", title="Ein Sprachcafé für Väter", body="Fehlt."
    )
    assert "Ein Sprachcafé für Väter" in _page(FIELD)


def test_hiding_shows_the_trace_in_the_cached_list(town, people):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    assert "Begegnungscafé im Stadtteilzentrum" in _page(FIELD)
    moderation.hide(contribution, moderator=people["moderation"], reason="Veraltet")
    page = _page(FIELD)
    assert "Begegnungscafé im Stadtteilzentrum" not in page
    assert "ausgeblendet durch die Moderation: Veraltet" in page


def test_support_count_in_the_cached_list_follows_supports(town, people):
    contribution = Contribution.objects.select_related("stage").get(
        municipality=town, title="Begegnungscafé im Stadtteilzentrum"
    )
    before = f"{contribution.support_count} Unterstützung"
    assert before in _page(FIELD)
    services.support(contribution, member=people["verwaltung"])
    assert f"{contribution.support_count} Unterstützungen" in _page(FIELD)


def test_renamed_author_appears_renamed_in_the_cached_list(people):
    assert "Dr. Anna Lehmann" in _page(FIELD)
    user = people["expertin"].user
    user.display_name = "Anna L."
    user.save()
    page = _page(FIELD)
    assert "Anna L." in page
    assert "Dr. Anna Lehmann" not in page


def test_opening_a_stage_shows_on_the_cached_home_page(town, people):
    stage = Stage.objects.get(municipality=town, field__slug="fruehkindliche-und-schulische-bildung")
    assert "Bestandsaufnahme · geplant" in _page("/")
    concept_services.open_stage(stage, actor=people["admin"])
    assert "Bestandsaufnahme · geplant" not in _page("/")


def test_members_only_content_is_not_served_from_a_members_cache_to_visitors(client_as, town):
    Stage.objects.filter(municipality=town, field__slug="wohnen-und-leben").first().save()  # a fresh version
    Stage.objects.filter(municipality=town, field__slug="wohnen-und-leben").update(is_public=False)
    Stage.objects.filter(municipality=town, field__slug="wohnen-und-leben").first().save()
    assert "Begegnungscafé im Stadtteilzentrum" in client_as("mitglied").get(FIELD).content.decode()
    assert "Begegnungscafé im Stadtteilzentrum" not in _page(FIELD)


def _stores(url):
    """The page, and how many cached fragments its request rendered and stored afresh."""
    with CaptureQueriesContext(connection) as context:
        page = _page(url)
    stored = [
        query
        for query in context.captured_queries
        if "template.cache." in query["sql"] and "INSERT" in query["sql"]
    ]
    stored += [
        query
        for query in context.captured_queries
        if "template.cache." in query["sql"] and "UPDATE" in query["sql"]
    ]
    return page, len(stored)


def test_a_support_click_leaves_the_home_page_and_other_fields_in_the_cache(town, people):
    other = "/handlungsfelder/wirtschaft-und-berufliche-bildung/"
    for url in ("/", other, FIELD):
        _page(url)  # every fragment rendered and stored
    assert [_stores(url)[1] for url in ("/", other, FIELD)] == [0, 0, 0]
    contribution = Contribution.objects.select_related("stage").get(
        municipality=town, title="Begegnungscafé im Stadtteilzentrum"
    )
    services.support(contribution, member=people["verwaltung"])
    assert _stores("/")[1] == 0
    assert _stores(other)[1] == 0
    page, stored = _stores(FIELD)
    assert stored == 1  # the list with the new count; the field's filters stay cached
    assert f"{contribution.support_count} Unterstützungen" in page


def test_a_bulk_write_tells_the_cache_itself(town, people):
    """bulk_create sends no signal: whoever writes in bulk touches the scopes."""
    from ankommen.core.cache import touch_town

    assert "Bestandsaufnahme · geplant" in _page("/")
    Stage.objects.filter(municipality=town, field__slug="fruehkindliche-und-schulische-bildung").update(
        status="open"
    )
    assert "Bestandsaufnahme · geplant" in _page("/")  # still the cached page: update() tells nobody
    touch_town(town.pk)
    assert "Bestandsaufnahme · läuft" in _page("/")
