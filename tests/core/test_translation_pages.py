"""The translators' pages: the overview per language, the list of texts, the side-by-side editor."""

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.concept.models import Field
from ankommen.core import translation
from ankommen.core.models import Municipality, Translation
from ankommen.dialogue.models import Contribution


@pytest.fixture(autouse=True)
def no_translations_yet(town):
    """The demo comes with translations of its own; these tests start from none."""
    Translation.objects.all().delete()


@pytest.fixture(autouse=True)
def town_offers_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "de-simple", "en", "ar"])


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _editor(obj, language="en"):
    return f"/verwaltung/uebersetzungen/{language}/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


@pytest.fixture
def translator(people):
    member = people["nachbarschaft"]
    member.role = "translator"
    member.save()
    return member


def test_overview_counts_per_language(client_as, town):
    page = client_as("admin").get("/verwaltung/uebersetzungen/").content.decode()
    assert "Englisch" in page
    assert "Arabisch" in page
    assert "Türkisch" not in page  # not offered by this town


@pytest.mark.parametrize("role", ["mitglied", "expertin"])
def test_members_without_the_role_cannot_translate(client_as, wohnen, role):
    assert client_as(role).get("/verwaltung/uebersetzungen/").status_code == 403
    assert client_as(role).post(_editor(wohnen), {"text_summary": "x"}).status_code == 403
    assert not Translation.objects.exists()


def test_language_the_town_does_not_offer_is_not_found(client_as):
    assert client_as("admin").get("/verwaltung/uebersetzungen/tr/").status_code == 404


def test_list_shows_missing_texts_and_filters_by_state(client_as, wohnen, people):
    translation.save_translation(wohnen, "summary", "en", actor=people["admin"], text="x", state="reviewed")
    client = client_as("admin")
    missing = client.get("/verwaltung/uebersetzungen/en/").content.decode()
    assert "Wohnen und Leben" in missing
    reviewed = client.get("/verwaltung/uebersetzungen/en/?status=reviewed").context["texts"]
    assert [(text["object"], text["status"]) for text in reviewed] == [(wohnen, "reviewed")]


def test_translator_saves_a_translation_beside_the_source(client, translator, wohnen):
    client.force_login(translator.user)
    page = client.get(_editor(wohnen)).content.decode()
    assert "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen." in page
    assert 'name="source_summary"' not in page  # the German stays with the admins
    response = client.post(
        _editor(wohnen),
        {
            "text_name": "Housing and living",
            "state_name": "reviewed",
            "text_summary": "Draft",
            "state_summary": "in_translation",
        },
    )
    assert response.status_code == 302
    states = dict(
        Translation.objects.filter(object_id=wohnen.pk, language="en").values_list("field", "state")
    )
    assert states == {"name": "reviewed", "summary": "in_translation"}


def test_admin_edits_source_and_translation_side_by_side(client_as, wohnen):
    client = client_as("admin")
    client.post(
        _editor(wohnen),
        {
            "source_name": "Wohnen und Leben",
            "source_summary": "Wohnraum und Nachbarschaft.",
            "text_summary": "Housing and neighbourhood.",
            "state_summary": "reviewed",
        },
    )
    wohnen.refresh_from_db()
    assert wohnen.summary == "Wohnraum und Nachbarschaft."
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"


def test_contributions_are_translated_but_never_rewritten_from_the_editor(client_as, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    page = client_as("admin").get(_editor(contribution)).content.decode()
    assert 'name="source_title"' not in page
    assert 'name="text_title"' in page


def test_leichte_sprache_editor_asks_whether_readers_checked_it(client_as, wohnen):
    page = client_as("admin").get(_editor(wohnen, "de-simple")).content.decode()
    assert 'name="checked_summary"' in page
    client_as("admin").post(
        _editor(wohnen, "de-simple"),
        {
            "source_name": wohnen.name,
            "source_summary": wohnen.summary,
            "text_summary": "Es geht um Wohnungen.",
            "state_summary": "reviewed",
            "checked_summary": "on",
        },
    )
    assert Translation.objects.get(language="de-simple", field="summary").checked_by_target_group


def test_html_in_a_translation_is_refused(client_as, wohnen):
    response = client_as("admin").post(
        _editor(wohnen), {"text_summary": "<b>x</b>", "state_summary": "reviewed"}
    )
    assert response.status_code == 400
    assert not Translation.objects.exists()


def test_another_towns_object_is_not_found(client, stranger, wohnen):
    from tests.conftest import OTHER_HOST

    client.force_login(stranger.user)
    assert client.get(_editor(wohnen), HTTP_HOST=OTHER_HOST).status_code == 404


def test_machine_translation_button_is_hidden_without_a_provider(client_as, wohnen, settings):
    settings.MT_PROVIDER = ""
    assert 'name="machine"' not in client_as("admin").get(_editor(wohnen)).content.decode()
