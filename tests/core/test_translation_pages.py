"""The translators' pages: the overview per language, the list of texts, the side-by-side editor."""

import lxml.html
import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType

from ankommen.concept.models import Field
from ankommen.core import translation
from ankommen.core.models import Municipality, Translation
from ankommen.dialogue.models import Contribution
from tests.conftest import remove_translations


@pytest.fixture(autouse=True)
def no_translations_yet(town):
    """The demo comes with translations of its own; these tests start from none."""
    remove_translations()


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
    member.with_roles({"translator"}).save()
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
    fields = ContentType.objects.get_for_model(wohnen).pk  # the fields' texts: page 1 of all depends on ids
    missing = client.get(f"/verwaltung/uebersetzungen/en/?kind={fields}").content.decode()
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


def _as_the_browser_sends_it(client, url, **changes):
    """The editor's form as rendered (every field at its initial value), with `changes` typed in."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].initial
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def _row(obj, field, language):
    return Translation.objects.get(object_id=obj.pk, field=field, language=language)


@pytest.fixture
def machine_translated(wohnen, people):
    """Wohnen und Leben in Arabic, as the demo has it: name and summary machine-translated."""
    for field, text in (("name", "السكن والمعيشة"), ("summary", "السكن والجوار واللقاء في الأحياء.")):
        translation.store_machine_translation(wohnen, field, "ar", actor=people["admin"], text=text)
    return {row.field: row for row in Translation.objects.filter(object_id=wohnen.pk, language="ar")}


def test_editor_shows_a_machine_translation_as_machine_translated(client_as, wohnen, machine_translated):
    form = client_as("uebersetzung").get(_editor(wohnen, "ar")).context["form"]
    assert form["state_summary"].initial == "machine"
    assert form["state_name"].initial == "machine"


def test_changing_one_translation_leaves_the_machine_translation_beside_it_untouched(
    client_as, wohnen, machine_translated
):
    client = client_as("uebersetzung")
    url = _editor(wohnen, "ar")
    data = _as_the_browser_sends_it(client, url, text_name="السكن والحياة")
    assert client.post(url, data).status_code == 302
    summary = _row(wohnen, "summary", "ar")
    assert (summary.state, summary.source_hash, summary.updated_at) == (
        "machine",
        machine_translated["summary"].source_hash,
        machine_translated["summary"].updated_at,
    )
    name = _row(wohnen, "name", "ar")
    assert (name.text, name.state) == ("السكن والحياة", "machine"), "nobody said it was reviewed"


def test_picking_reviewed_confirms_a_machine_translation(client_as, wohnen, machine_translated):
    client = client_as("uebersetzung")
    url = _editor(wohnen, "ar")
    client.post(url, _as_the_browser_sends_it(client, url, state_summary="reviewed"))
    assert _row(wohnen, "summary", "ar").state == "reviewed"
    assert _row(wohnen, "name", "ar").state == "machine"


def test_outdated_translation_stays_outdated_until_confirmed(client_as, wohnen, people):
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Old.", state="reviewed"
    )
    wohnen.summary = "Wohnraum und Nachbarschaft."
    wohnen.save()
    client = client_as("uebersetzung")
    url = _editor(wohnen)
    assert client.get(url).context["form"]["state_summary"].initial == "outdated"
    client.post(url, _as_the_browser_sends_it(client, url, text_name="Housing"))
    assert translation.status_of(wohnen, "summary", "en") == "outdated"
    client.post(url, _as_the_browser_sends_it(client, url, state_summary="reviewed"))
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"
    assert _row(wohnen, "summary", "en").text == "Old."


def test_a_changed_text_of_an_outdated_translation_translates_the_current_german(client_as, wohnen, people):
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Old.", state="reviewed"
    )
    wohnen.summary = "Wohnraum und Nachbarschaft."
    wohnen.save()
    client = client_as("uebersetzung")
    url = _editor(wohnen)
    client.post(url, _as_the_browser_sends_it(client, url, text_summary="Housing and neighbourhood."))
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"


def test_changing_leichte_sprache_clears_the_readers_check_unless_ticked_again(client_as, wohnen, people):
    translation.save_translation(
        wohnen,
        "summary",
        "de-simple",
        actor=people["admin"],
        text="Es geht um Wohnungen.",
        state="reviewed",
        checked_by_target_group=True,
    )
    client = client_as("uebersetzung")
    url = _editor(wohnen, "de-simple")
    assert "· von Leser:innen der Zielgruppe geprüft" in client.get(url).content.decode()
    client.post(url, _as_the_browser_sends_it(client, url, text_name="Wohnen"))
    assert _row(wohnen, "summary", "de-simple").checked_by_target_group, "the text did not change"
    client.post(url, _as_the_browser_sends_it(client, url, text_summary="Hier geht es um Wohnungen."))
    assert not _row(wohnen, "summary", "de-simple").checked_by_target_group
    client.post(
        url, _as_the_browser_sends_it(client, url, text_summary="Es geht ums Wohnen.", checked_summary="on")
    )
    assert _row(wohnen, "summary", "de-simple").checked_by_target_group


def test_editing_the_german_beside_a_translation_makes_it_outdated_too(client_as, wohnen, people):
    for language in ("en", "ar"):
        translation.save_translation(
            wohnen, "summary", language, actor=people["admin"], text="Living.", state="reviewed"
        )
    client = client_as("admin")
    url = _editor(wohnen)
    client.post(url, _as_the_browser_sends_it(client, url, source_summary="Wohnraum und Nachbarschaft."))
    wohnen.refresh_from_db()
    assert wohnen.summary == "Wohnraum und Nachbarschaft."
    assert translation.status_of(wohnen, "summary", "en") == "outdated"
    assert translation.status_of(wohnen, "summary", "ar") == "outdated"


def test_confirming_a_translation_while_changing_its_german_leaves_it_outdated(
    client_as, wohnen, machine_translated
):
    client = client_as("admin")
    url = _editor(wohnen, "ar")
    client.post(
        url,
        _as_the_browser_sends_it(
            client, url, source_summary="Wohnraum und Nachbarschaft.", state_summary="reviewed"
        ),
    )
    wohnen.refresh_from_db()
    assert wohnen.summary == "Wohnraum und Nachbarschaft."
    assert translation.status_of(wohnen, "summary", "ar") == "outdated", "reviewed against the German before"


def test_line_breaks_as_a_browser_sends_them_change_nothing(client_as, wohnen, people):
    Field.objects.filter(pk=wohnen.pk).update(description="Erster Absatz.\n\nZweiter Absatz.")
    wohnen.refresh_from_db()
    wohnen.save()
    translation.save_translation(
        wohnen, "description", "en", actor=people["admin"], text="First.\n\nSecond.", state="reviewed"
    )
    before = _row(wohnen, "description", "en")
    client = client_as("admin")
    url = _editor(wohnen)
    data = _as_the_browser_sends_it(client, url)
    data["source_description"] = data["source_description"].replace("\n", "\r\n")
    data["text_description"] = data["text_description"].replace("\n", "\r\n")
    client.post(url, data)
    wohnen.refresh_from_db()
    assert wohnen.description == "Erster Absatz.\n\nZweiter Absatz."
    assert _row(wohnen, "description", "en").updated_at == before.updated_at


def test_list_counts_each_kind_of_text_by_state(client_as, wohnen, people):
    translation.save_translation(wohnen, "summary", "en", actor=people["admin"], text="x", state="reviewed")
    page = client_as("uebersetzung").get("/verwaltung/uebersetzungen/en/").content.decode()
    fields = Field.objects.filter(municipality=wohnen.municipality)
    texts = sum(1 for field in fields for name in Field.translatable_fields if getattr(field, name))
    row = page.split('scope="row">Handlungsfelder</th>', 1)[1].split("</tr>", 1)[0]
    numbers = [int(cell.split(">", 1)[1]) for cell in row.split("</td>")[:-1]]
    assert numbers == [texts - 1, 0, 0, 1, 0]  # missing, in translation, machine, reviewed, outdated


# --- the editor reads row by row; the work list comes first -------------------------------------------


def _html(response):
    return lxml.html.fromstring(response.content.decode())


def test_editor_shows_each_text_as_one_row_of_german_and_translation(client_as, wohnen):
    page = _html(client_as("uebersetzung").get(_editor(wohnen)))
    rows = page.xpath(
        '//form[contains(concat(" ", @class, " "), " translation-editor ")]//section[contains(concat(" ", @class, " "), " translation-row ")]'
    )
    assert [row.xpath("h2")[0].text_content().strip() for row in rows] == [
        "Name",
        "Kurzbeschreibung",
        "Beschreibung",
    ]
    for row, name in zip(rows, ("name", "summary", "description"), strict=True):
        source, target = (
            row.xpath('*[contains(concat(" ", @class, " "), " translation-row__source ")]'),
            row.xpath('*[contains(concat(" ", @class, " "), " translation-row__target ")]'),
        )
        assert len(source) == len(target) == 1, "one German text and one translation per row"
        assert source[0].getparent() is target[0].getparent() is row, "side by side in the same row"
        assert source[0].getnext() is target[0], "the German first, its translation beside it"
        assert target[0].xpath(f'.//*[@name="text_{name}"]') and target[0].xpath(
            f'.//*[@name="state_{name}"]'
        )
    summary = (
        rows[1]
        .xpath('*[contains(concat(" ", @class, " "), " translation-row__source ")]//*[@lang="de"]')[0]
        .text_content()
    )
    assert summary == "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen."


def test_state_starts_on_the_texts_current_state_never_on_reviewed(client_as, wohnen, people):
    translation.save_translation(
        wohnen, "name", "en", actor=people["admin"], text="Living", state="in_translation"
    )
    translation.store_machine_translation(wohnen, "summary", "en", actor=people["admin"], text="Housing.")
    page = _html(client_as("uebersetzung").get(_editor(wohnen)))
    checked = {
        radio.get("name"): radio.get("value") for radio in page.xpath('//input[@type="radio"][@checked]')
    }
    assert checked == {
        "state_name": "in_translation",
        "state_summary": "machine",
        "state_description": "missing",
    }


def test_a_new_translation_left_as_missing_is_saved_in_translation(client_as, wohnen):
    client = client_as("uebersetzung")
    url = _editor(wohnen)
    assert client.post(url, _as_the_browser_sends_it(client, url, text_summary="Housing.")).status_code == 302
    assert _row(wohnen, "summary", "en").state == "in_translation"


def test_editor_heading_names_the_text_and_links_where_it_appears(client_as, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    page = _html(client_as("uebersetzung").get(_editor(contribution)))
    assert page.xpath("//h1")[0].text_content().strip() == "Begegnungscafé im Stadtteilzentrum"
    places = page.xpath('//*[contains(concat(" ", @class, " "), " translation-places ")]')[0]
    assert "erscheint auf:" in places.text_content()
    links = {link.text_content().strip(): link.get("href") for link in places.xpath(".//a")}
    assert links["Handlungsfeld Wohnen und Leben"] == contribution.field.get_absolute_url()
    assert links["Beitrag Begegnungscafé im Stadtteilzentrum"] == contribution.get_absolute_url()


def test_work_list_comes_before_the_statistics(client_as):
    page = client_as("uebersetzung").get("/verwaltung/uebersetzungen/en/").content.decode()
    assert page.index('id="work-list"') < page.index("translation-work-list") < page.index('id="statistics"')
    assert page.index('id="statistics"') < page.index("<table")


def test_a_german_text_used_in_two_places_is_listed_once(client_as, town, wohnen):
    other = Field.objects.for_municipality(town).exclude(pk=wohnen.pk).first()
    for field in (wohnen, other):
        field.summary = "Derselbe Text an zwei Stellen."
        field.save()
    kind = ContentType.objects.get_for_model(Field).pk
    texts = client_as("uebersetzung").get(f"/verwaltung/uebersetzungen/en/?kind={kind}").context["texts"]
    shared = [
        text
        for text in texts
        if text["object"] in (wohnen, other) and str(text["field"]) == "Kurzbeschreibung"
    ]
    assert len(shared) == 1
    assert shared[0]["places"] == 2
    page = client_as("uebersetzung").get(f"/verwaltung/uebersetzungen/en/?kind={kind}").content.decode()
    assert "derselbe Text an 2 Stellen" in page


def test_translation_tables_are_labelled_scroll_regions_keyboards_reach(client_as):
    client = client_as("uebersetzung")
    for url in ("/verwaltung/uebersetzungen/", "/verwaltung/uebersetzungen/en/"):
        for region in _html(client.get(url)).xpath(
            '//*[contains(concat(" ", @class, " "), " table-scroll ")]'
        ):
            assert region.get("role") == "region" and region.get("tabindex") == "0", url
            labels = _html(client.get(url)).xpath(f'//*[@id="{region.get("aria-labelledby")}"]')
            assert labels and labels[0].text_content().strip(), url


@pytest.fixture
def three_fields_one_text(town, wohnen):
    """Wohnen und Leben and two other fields with the same short description."""
    others = list(Field.objects.for_municipality(town).exclude(pk=wohnen.pk).order_by("pk")[:2])
    for field in (wohnen, *others):
        field.summary = "Derselbe Text an drei Stellen."
        field.save()
    return others


def test_editor_names_the_other_places_of_the_same_german_text(client_as, wohnen, three_fields_one_text):
    page = client_as("uebersetzung").get(_editor(wohnen)).content.decode()
    assert "Derselbe deutsche Text steht noch an 2 anderen Stellen" in page
    for other in three_fields_one_text:
        assert _editor(other) in page
    assert "Auch für die 2 anderen Stellen mit demselben deutschen Text übernehmen" in page


def test_translating_a_text_once_fills_the_places_without_a_translation(
    client_as, wohnen, three_fields_one_text, people
):
    translated, untranslated = three_fields_one_text
    translation.save_translation(
        translated, "summary", "en", actor=people["admin"], text="Our own words.", state="reviewed"
    )
    client = client_as("uebersetzung")
    url = _editor(wohnen)
    data = _as_the_browser_sends_it(client, url, text_summary="The same text in three places.")
    assert data["everywhere_summary"] == "on", "offered for every place, ticked"
    assert client.post(url, data).status_code == 302
    assert _row(untranslated, "summary", "en").text == "The same text in three places."
    assert _row(untranslated, "summary", "en").state == "in_translation"
    assert _row(translated, "summary", "en").text == "Our own words.", (
        "a place with its own translation keeps it"
    )


def test_a_text_left_unticked_stays_missing_elsewhere(client_as, wohnen, three_fields_one_text):
    client = client_as("uebersetzung")
    url = _editor(wohnen)
    data = _as_the_browser_sends_it(client, url, text_summary="Only here.")
    del data["everywhere_summary"]
    client.post(url, data)
    assert translation.status_of(three_fields_one_text[1], "summary", "en") == "missing"
