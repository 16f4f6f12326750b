"""The readers' pages: only what may be public shows, in the languages the person consented to."""

from ankommen.core.actors import SystemActor
from ankommen.core.models import TranslationState
from ankommen.core.translation import save_translation
from ankommen.stories import services
from ankommen.stories.models import Purpose
from tests.stories.world import consent, editor, story


def _published(town, **values):
    told = story(town, **values)
    given = consent(told)
    services.publish_story(told, actor=editor(town))
    return told, given


def test_a_published_story_with_consent_is_listed_and_read_by_anyone(client, town):
    told, _given = _published(town)
    listing = client.get("/geschichten/").content.decode()
    assert told.title in listing and "Amina" in listing and "Amina Khalil" not in listing  # first name only
    page = client.get(told.get_absolute_url())
    assert page.status_code == 200
    assert "Zweiter Absatz." in page.content.decode()


def test_a_withdrawn_consent_takes_the_story_from_the_list_and_its_page(client, town):
    told, given = _published(town)
    services.withdraw_consent(given, actor=editor(town))
    assert told.title not in client.get("/geschichten/").content.decode()
    assert client.get(told.get_absolute_url()).status_code == 404


def test_a_draft_is_for_its_editors_only(client_as, town):
    told = story(town)
    assert client_as(None).get(told.get_absolute_url()).status_code == 404
    assert client_as("mitglied").get(told.get_absolute_url()).status_code == 404
    assert client_as("admin").get(told.get_absolute_url()).status_code == 200


def test_a_translation_shows_only_with_the_consent_to_translate(client, town):
    told, _given = _published(town, original_language="ar")
    actor = SystemActor.of(town)
    for language, title in (("uk", "Прибуття у Вестштадт"), ("ar", "الوصول إلى فيستشتات")):
        save_translation(told, "title", language, actor=actor, text=title, state=TranslationState.REVIEWED)
    path = f"/geschichten/{told.slug}/"  # the active language prefixes get_absolute_url() after a request
    ukrainian = client.get(f"/uk{path}").content.decode()
    assert "Прибуття у Вестштадт" not in ukrainian and told.title in ukrainian
    arabic = client.get(f"/ar{path}").content.decode()
    assert "الوصول إلى فيستشتات" in arabic  # the person's own language: always
    consent(told, Purpose.TRANSLATION)
    assert "Прибуття у Вестштадт" in client.get(f"/uk{path}").content.decode()


def test_the_list_filters_by_theme(client, town):
    _published(town)
    work, _given = _published(town, title="Vom Praktikum zur Ausbildung")
    services.edit_story(work, actor=SystemActor.of(town), values={}, themes=["arbeit"])
    listing = client.get("/geschichten/?thema=arbeit").content.decode()
    assert "Vom Praktikum zur Ausbildung" in listing and "Angekommen in der Weststadt" not in listing


def test_the_links_to_the_other_languages_lead_to_the_story_in_each(client, town):
    slug = "wieder-mit-kindern-arbeiten"  # the demo's, told in Arabic and translated with consent
    page = client.get(f"/en/geschichten/{slug}/").content.decode()
    for address in (f"/geschichten/{slug}/", f"/ar/geschichten/{slug}/", f"/en/geschichten/{slug}/"):
        assert f'href="{address}"' in page
        assert client.get(address).status_code == 200
