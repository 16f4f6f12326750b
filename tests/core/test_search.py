"""The search: German with and without diacritics, parts of compounds, translations, what each reader
may see, an index that follows every change, and bad input. Runs on SQLite (FTS5) and PostgreSQL."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from ankommen.concept.models import Stage
from ankommen.core import moderation, search, translation
from ankommen.core.models import SearchEntry, TranslationState
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution
from tests.conftest import OTHER_HOST
from tests.writing import add_contribution

pytestmark = pytest.mark.django_db

CAFE = "Begegnungscafé im Stadtteilzentrum"
WAITING = "Lange Wartezeiten auf eine Sozialwohnung"


def titles(client, query, prefix=""):
    """The titles the results page shows for `query`, in order."""
    response = client.get(f"{prefix}/suche/", {"q": query})
    assert response.status_code == 200, response.content[:300]
    return [str(hit.title) for hit in response.context["page_obj"]]


def hits(town, member, query, language="de"):
    return list(search.search(town, member, query, language)[0:50])


@pytest.fixture
def cafe(town):
    return Contribution.objects.select_related("stage", "field").get(municipality=town, title=CAFE)


def test_finds_german_words_with_and_without_diacritics(client):
    assert CAFE in titles(client, "Begegnungscafé")
    assert CAFE in titles(client, "begegnungscafe")
    assert CAFE in titles(client, "BEGEGNUNGSCAFÉ stadtteilzentrum")


def test_finds_the_start_and_parts_of_compounds(client):
    assert CAFE in titles(client, "Stadtteil")
    assert CAFE in titles(client, "zentrum")
    assert CAFE in titles(client, "café zentrum")


def test_every_word_must_occur(client):
    assert CAFE not in titles(client, "Begegnungscafé Sozialwohnung")


def test_finds_an_arabic_translation_and_says_so(client):
    response = client.get("/ar/suche/", {"q": "سكن اجتماعي"})
    assert response.status_code == 200
    found = {str(hit.object): hit for hit in response.context["page_obj"]}
    assert WAITING in found
    hit = found[WAITING]
    assert hit.entry.language == "ar"
    assert hit.language.code == "ar"
    assert "<mark>" in hit.excerpt
    assert 'lang="ar"' in response.content.decode()


def test_finds_an_arabic_translation_from_the_german_page(client):
    assert "Lange Wartezeiten auf eine Sozialwohnung" in titles(client, "اجتماعي")


def test_finds_a_ukrainian_translation(client):
    response = client.get("/uk/suche/", {"q": "соціальне житло"})
    found = {str(hit.object): hit for hit in response.context["page_obj"]}
    assert found[WAITING].entry.language == "uk"


def test_a_german_result_marks_the_hit_in_its_excerpt(town):
    [hit] = [hit for hit in hits(town, None, "stadtteilzentrum") if str(hit.object) == CAFE]
    assert "<mark>" in hit.excerpt
    assert hit.kind == "Befund"
    assert str(hit.context) == "Wohnen und Leben"


def test_hidden_contribution_is_found_only_by_moderators(town, people, cafe):
    moderation.hide(cafe, moderator=people["moderation"], reason="Werbung")
    for reader in (None, people["mitglied"], people["expertin"]):
        assert cafe not in [hit.object for hit in hits(town, reader, "Begegnungscafé")]
    for moderator in (people["moderation"], people["admin"]):
        [hit] = [hit for hit in hits(town, moderator, "Begegnungscafé") if hit.object == cafe]
        assert hit.is_hidden
    moderation.show(cafe, moderator=people["moderation"], reason="Irrtum")
    assert cafe in [hit.object for hit in hits(town, None, "Begegnungscafé")]


def test_hidden_comment_and_comments_under_a_hidden_contribution_are_not_found(town, people, cafe):
    comment = services.add_comment(cafe, author=people["nachbarschaft"], body="Kaffeeklatsch donnerstags")
    assert comment in [hit.object for hit in hits(town, None, "Kaffeeklatsch")]
    moderation.hide(cafe, moderator=people["moderation"], reason="Werbung")
    assert comment not in [hit.object for hit in hits(town, people["mitglied"], "Kaffeeklatsch")]
    assert comment in [hit.object for hit in hits(town, people["moderation"], "Kaffeeklatsch")]
    moderation.show(cafe, moderator=people["moderation"], reason="Irrtum")
    moderation.hide(comment, moderator=people["moderation"], reason="Werbung")
    assert comment not in [hit.object for hit in hits(town, people["mitglied"], "Kaffeeklatsch")]


def test_members_only_stage_is_found_by_members_not_visitors(client_as, cafe):
    Stage.objects.filter(pk=cafe.stage_id).update(is_public=False)
    assert CAFE not in titles(client_as(None), "Begegnungscafé")
    assert CAFE in titles(client_as("mitglied"), "Begegnungscafé")


def test_another_towns_texts_are_never_found(client, client_as, people, stranger, other_town):
    for role in (None, "mitglied", "admin"):
        assert titles(client_as(role), "Geheimer Befund Ludwigsburg") == []
    client.force_login(stranger.user)
    assert titles(client, "Geheimer Befund Ludwigsburg") == []
    response = client.get("/suche/", {"q": "Geheimer Befund"}, headers={"host": OTHER_HOST})
    assert [str(hit.title) for hit in response.context["page_obj"]] == ["Geheimer Befund aus Ludwigsburg"]


def test_index_follows_edits_of_the_german_text(town, cafe):
    cafe.title = "Nachbarschaftstreff im Stadtteilzentrum"
    cafe.save()
    assert cafe not in [hit.object for hit in hits(town, None, "Begegnungscafé")]
    assert cafe in [hit.object for hit in hits(town, None, "Nachbarschaftstreff")]


def test_index_follows_translations_written_changed_and_deleted(town, people, cafe):
    row = translation.save_translation(
        cafe, "title", "ar", actor=people["admin"], text="مقهى اللقاء", state=TranslationState.REVIEWED
    )
    assert cafe in [hit.object for hit in hits(town, None, "مقهى")]
    translation.save_translation(
        cafe, "title", "ar", actor=people["admin"], text="مقهى اللقاء", state=TranslationState.IN_TRANSLATION
    )
    assert cafe not in [hit.object for hit in hits(town, None, "مقهى")], "not readable yet, not found"
    row.refresh_from_db()
    row.delete()
    assert not SearchEntry.objects.filter(
        content_type__model="contribution", object_id=cafe.pk, language="ar", field="title"
    ).exists()


def test_index_follows_deletes(town, people):
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    contribution = services.add_contribution(
        stage, author=people["expertin"], finding_kind="need", title="Fahrradwerkstatt", body="Fehlt."
    )
    services.add_comment(contribution, author=people["mitglied"], body="Fahrradwerkstatt bitte")
    assert len(hits(town, None, "Fahrradwerkstatt")) == 2
    contribution.delete()
    assert hits(town, None, "Fahrradwerkstatt") == []
    assert not SearchEntry.objects.filter(folded__contains="fahrradwerkstatt").exists()


def test_a_support_count_change_leaves_the_index_alone(town, cafe):
    before = set(
        SearchEntry.objects.filter(content_type__model="contribution", object_id=cafe.pk).values_list(
            "pk", flat=True
        )
    )
    cafe.support_count += 1
    cafe.save(update_fields=["support_count"])
    assert (
        set(
            SearchEntry.objects.filter(content_type__model="contribution", object_id=cafe.pk).values_list(
                "pk", flat=True
            )
        )
        == before
    )


def test_rebuild_gives_the_index_the_changes_made_have(town):
    kept = set(SearchEntry.objects.values_list("content_type", "object_id", "field", "language", "folded"))
    assert kept
    call_command("rebuild_search_index", stdout=StringIO())
    assert (
        set(SearchEntry.objects.values_list("content_type", "object_id", "field", "language", "folded"))
        == kept
    )
    out = StringIO()
    call_command("rebuild_search_index", "--town", town.slug, stdout=out)
    assert "Kornwestheim" in out.getvalue()
    assert CAFE in [str(hit.object) for hit in hits(town, None, "Begegnungscafé")]


def test_rebuild_indexes_only_readable_translations(town, people, cafe):
    translation.save_translation(
        cafe, "body", "tr", actor=people["admin"], text="Yarım kalmış", state=TranslationState.IN_TRANSLATION
    )
    search.rebuild(town)
    content_type = ContentType.objects.get_for_model(Contribution)
    assert not SearchEntry.objects.filter(
        content_type=content_type, object_id=cafe.pk, language="tr"
    ).exists()


def test_empty_query_answers_with_a_message(client):
    assert client.get("/suche/").status_code == 200
    response = client.get("/suche/", {"q": "   "})
    assert response.status_code == 400
    assert "Bitte geben Sie ein, wonach Sie suchen." in response.content.decode()


def test_overlong_query_answers_with_a_message(client):
    response = client.get("/suche/", {"q": "Wohnung " * 40})
    assert response.status_code == 400
    assert "höchstens 200 Zeichen" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"Begegnungscafé',
        "*",
        "café*",
        "Wohn* AND OR NOT",
        "NEAR(café zentrum)",
        "title:café",
        "'; DROP TABLE core_searchentry; --",
        "%_%",
        "a:* & b | !c",
        "(((",
        "^café -zentrum +x",
        "\\",
        "\x00café",
        "ب",
        "🙂 café",
        "a b c d e f g h i j k l m n",
    ],
)
def test_odd_characters_never_raise(client, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code in (200, 400)


def test_no_results_says_so(client):
    response = client.get("/suche/", {"q": "Quetzalcoatl"})
    assert response.status_code == 200
    assert "Nichts gefunden für „Quetzalcoatl“." in response.content.decode()


def test_query_of_only_punctuation_answers_with_a_message(client):
    response = client.get("/suche/", {"q": "*?!"})
    assert response.status_code == 400
    assert "mindestens ein Wort" in response.content.decode()


def test_odd_page_numbers_show_a_page(client):
    for page in ("abc", "0", "999", "-1"):
        assert client.get("/suche/", {"q": "Wohnung", "page": page}).status_code == 200


def test_every_page_has_the_search_form_in_its_header(client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'action="/suche/"' in html
    assert 'for="header-search"' in html
    assert 'action="/ar/suche/"' in client.get("/ar/").content.decode()


def test_results_are_paged(town, people, client):
    for number in range(25):
        add_contribution(town, people, f"Lastenrad {number}", body="Ein Lastenrad für alle.")
    first = client.get("/suche/", {"q": "Lastenrad"})
    assert first.context["page_obj"].paginator.count == 25
    assert len(first.context["page_obj"]) == 20
    assert 'rel="next"' in first.content.decode()
    assert len(client.get("/suche/", {"q": "Lastenrad", "page": 2}).context["page_obj"]) == 5


def test_excerpt_escapes_the_text_and_marks_the_hits():
    text = "Vor dem <b>Stadtteilzentrum</b> steht ein Café. " + "Lang " * 80
    marked = search.excerpt(text, search.terms_of("zentrum cafe"))
    assert "&lt;b&gt;Stadtteil<mark>zentrum</mark>&lt;/b&gt;" in marked
    assert "<mark>Café</mark>" in marked
    assert marked.endswith("…")


def test_terms_keep_only_letters_and_digits():
    assert search.terms_of('"Straße"* AND NEAR(Café:*)') == ["strasse", "and", "near", "cafe"]
    assert search.terms_of("مَقْهَى") == ["مقهى"]


def test_comments_are_found_with_their_contribution_named(town, people, cafe):
    comment = services.add_comment(cafe, author=people["mitglied"], body="Die Öffnungszeiten passen gut")
    [hit] = [hit for hit in hits(town, None, "Öffnungszeiten passen") if hit.object == comment]
    assert str(hit.title) == CAFE
    assert hit.kind == "Kommentar"
    assert hit.url.endswith(f"#kommentar-{comment.pk}")
    assert isinstance(hit.object, Comment)


def test_withdrawn_texts_are_not_found(town, people, cafe):
    comment = services.add_comment(cafe, author=people["nachbarschaft"], body="Kaffeeklatsch donnerstags")
    services.withdraw_comment(comment, author=people["nachbarschaft"])
    assert comment not in [hit.object for hit in hits(town, people["admin"], "Kaffeeklatsch")]
    services.withdraw_contribution(cafe, author=cafe.author)
    for reader in (None, cafe.author, people["admin"]):
        assert cafe not in [hit.object for hit in hits(town, reader, "Begegnungscafé")]


@pytest.mark.parametrize(
    "others_after", [0, 6], ids=["matches-newest", "matches-older-than-the-newest-entries"]
)
def test_the_newest_matches_are_the_candidates(town, people, monkeypatch, others_after):
    """More matches than candidates: the newest are ranked, whether they are among the town's newest
    entries (PostgreSQL walks those) or older (PostgreSQL asks its GIN indexes), and the count says "at least"."""
    monkeypatch.setattr(search, "CANDIDATES", 3)
    monkeypatch.setattr(search, "RECENT", 4)

    def write(title, body):
        return add_contribution(town, people, title, body=body)

    bikes = [write(f"Lastenrad-Verleih {number}", "Ein Lastenrad zum Verleih.") for number in range(5)]
    for number in range(others_after):
        write(f"Sitzbank {number}", "Mehr Bänke am Marktplatz.")
    results = search.search(town, None, "Lastenrad Verleih", "de")
    assert {hit.object for hit in results[0:10]} == {bikes[4], bikes[3]}  # their 3 newest entries
    assert results.capped
