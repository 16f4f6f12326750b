"""Languages are data per town: the switcher, the pages in each language, the review status of catalogues."""

import pytest
from django.utils import translation as django_translation

from ankommen.core.models import Municipality
from tests.conftest import OTHER_HOST


@pytest.fixture
def eight_languages(town):
    Municipality.objects.filter(pk=town.pk).update(
        languages=["de", "de-simple", "en", "tr", "ar", "uk", "ru", "fa"]
    )


def test_switcher_lists_only_the_towns_languages_each_named_in_itself(client, town, eight_languages):
    page = client.get("/").content.decode()
    assert 'lang="ar" hreflang="ar"' in page
    assert "العربية" in page
    assert "Українська" in page
    there = client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "العربية" not in there  # Ludwigsburg offers German and English only


def test_language_the_town_does_not_offer_answers_404(client, other_town):
    assert client.get("/ar/", HTTP_HOST=OTHER_HOST).status_code == 404


@pytest.mark.parametrize(
    ("code", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr"), ("de-simple", "ltr")]
)
def test_page_carries_lang_and_dir(client, eight_languages, code, direction):
    page = client.get(f"/{code}/").content.decode()
    assert f'<html lang="{code}" dir="{direction}"' in page


def test_interface_is_translated(client, eight_languages):
    assert "Сфери дій" in client.get("/uk/").content.decode()
    assert "مجالات العمل" in client.get("/ar/").content.decode()


def test_languages_page_says_which_catalogues_nobody_reviewed_yet(client, eight_languages):
    page = client.get("/sprachen/").content.decode()
    assert "noch nicht von Muttersprachler:innen geprüft" in page
    assert "Ausgangssprache" in page


def test_pashto_and_kurmanji_can_be_activated(client, town, people):
    """Without an interface catalogue the frame stays German, and says so; the town's translated texts are Pashto."""
    from ankommen.concept.models import Field
    from ankommen.core.translation import save_translation

    Municipality.objects.filter(pk=town.pk).update(languages=["de", "ps", "kmr"])
    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    save_translation(
        field, "name", "ps", actor=people["uebersetzung"], text="استوګنه او ژوند", state="reviewed"
    )
    page = client.get("/ps/").content.decode()
    assert '<html lang="de" dir="ltr"' in page
    assert 'lang="ps">استوګنه او ژوند</a>' in page
    assert "Handlungsfelder" in page
    assert '<html lang="de" dir="ltr"' in client.get("/kmr/").content.decode()
    assert "Die Oberfläche ist noch nicht übersetzt" in client.get("/sprachen/").content.decode()


def test_django_knows_the_added_languages():
    from django.utils.translation import get_language_info

    assert get_language_info("ps")["name_local"] == "پښتو"
    assert get_language_info("kmr")["name_local"] == "Kurmancî"
    with django_translation.override("ps"):
        assert django_translation.get_language_bidi()


def test_member_logs_in_to_their_preferred_language(client, people, eight_languages):
    from ankommen.accounts.models import User

    User.objects.filter(pk=people["mitglied"].user.pk).update(preferred_language="ar")
    response = client.post(
        "/konto/login/", {"login": "mitglied@demo.ankommen.example", "password": "ankommen-demo"}
    )
    assert response["Location"] == "/ar/"


def test_login_from_a_page_goes_back_to_that_page_in_the_preferred_language(client, people, eight_languages):
    from ankommen.accounts.models import User

    User.objects.filter(pk=people["mitglied"].user.pk).update(preferred_language="uk")
    response = client.post(
        "/konto/login/?next=/handlungsfelder/wohnen-und-leben/",
        {"login": "mitglied@demo.ankommen.example", "password": "ankommen-demo"},
    )
    assert response["Location"] == "/uk/handlungsfelder/wohnen-und-leben/"


def test_signing_up_in_a_language_makes_it_the_preferred_one(client, eight_languages):
    from ankommen.accounts.models import User

    client.post(
        "/ar/konto/signup/",
        {
            "email": "neu@example.org",
            "display_name": "Samira",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
    )
    assert User.objects.get(email="neu@example.org").preferred_language == "ar"


def test_a_members_language_switch_goes_into_the_profile(client_as, people, eight_languages):
    from ankommen.accounts.models import User

    client = client_as("mitglied")
    user = User.objects.filter(pk=people["mitglied"].user.pk)
    user.update(preferred_language="de")
    page = client.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert 'href="/uk/handlungsfelder/wohnen-und-leben/" lang="uk"' in page
    client.get(
        "/uk/handlungsfelder/wohnen-und-leben/",
        HTTP_REFERER="http://testserver/handlungsfelder/wohnen-und-leben/",
    )
    assert user.get().preferred_language == "uk"
    client.get("/en/", HTTP_REFERER="https://elsewhere.example/")
    client.get("/ar/")  # a link from a mail or a bookmark: no referring page of this site
    client.get("/ar/hilfe/", HTTP_REFERER="http://testserver/ar/")  # moving on within Arabic pages
    assert user.get().preferred_language == "uk", "only a switch between this site's pages counts"
    client.get("/", HTTP_REFERER="http://testserver/uk/")
    assert user.get().preferred_language == "de"


def test_anonymous_pages_without_forms_set_no_cookie(client, eight_languages):
    for url in ("/", "/ar/", "/uk/handlungsfelder/wohnen-und-leben/", "/sprachen/", "/de-simple/"):
        assert not client.get(url).cookies, url


def test_admin_activates_languages_for_the_town(client_as, town):
    from ankommen.core.models import AuditEntry

    client = client_as("admin")
    page = client.get("/verwaltung/sprachen/").content.decode()
    assert 'value="ps"' in page
    assert "Kurmancî (Kurmandschi) – Oberfläche bleibt deutsch" in page
    assert "Türkçe (Türkisch)<" in page.replace("\n", "").replace(" </", "</")
    response = client.post("/verwaltung/sprachen/", {"languages": ["ar", "uk", "ps"]})
    assert response.status_code == 302
    town.refresh_from_db()
    assert town.languages == ["de", "ar", "ps", "uk"]
    assert AuditEntry.objects.filter(action="town.languages_changed").exists()
    assert client.get("/ps/").status_code == 200
    assert client.get("/en/").status_code == 404


def test_only_admins_choose_the_languages(client_as, town):
    before = Municipality.objects.get(pk=town.pk).languages
    assert client_as("moderation").post("/verwaltung/sprachen/", {"languages": ["ar"]}).status_code == 403
    assert Municipality.objects.get(pk=town.pk).languages == before


def test_profile_offers_the_towns_languages(client_as, town, eight_languages):
    page = client_as("mitglied").get("/konto/profil/").content.decode()
    assert "العربية (Arabisch)" in page
    assert "Kurmancî" not in page
