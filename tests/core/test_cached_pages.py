"""Cached fragments of pages never show a state older than the last change."""

from django.test import Client

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
