"""The editors' and the storyteller's pages: a story written, consented on paper and online, published,
taken off again after asking; bad input named at its field, nothing half-written."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.stories.models import Consent, Purpose, Story, StoryStatus
from tests.stories.world import SCAN, consent_texts, editor, story

NEW = {
    "kind": "interview",
    "title": "Vom Praktikum zur Ausbildung",
    "teaser": "Yusuf erzählt, wie aus einem Praktikum eine Ausbildung wurde.",
    "body": "Yusuf kam 2016 nach Kornwestheim.",
    "original_language": "ar",
    "given_name": "Yusuf",
    "family_name": "Haddad",
    "naming": "first",
    "arrival_year": "2016",
    "show_arrival_year": "on",
    "themes": ["arbeit", "sprache"],
    "answers": "F: Wie hat es angefangen?\nMit einem Praktikum im Gewerbegebiet.\n\nF: Und heute?\nIch bin im zweiten Lehrjahr.",
}


def test_an_editor_writes_a_story_records_its_consent_and_publishes_it(client, town):
    consent_texts(town)
    client.force_login(editor(town).user)
    answer = client.post("/redaktion/geschichten/neu/", NEW)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    made = Story.objects.get(municipality=town, title=NEW["title"])
    assert [(each.question, each.answer) for each in made.answers.all()] == [
        ("Wie hat es angefangen?", "Mit einem Praktikum im Gewerbegebiet."),
        ("Und heute?", "Ich bin im zweiten Lehrjahr."),
    ]
    assert sorted(each.theme for each in made.themes.all()) == ["arbeit", "sprache"]
    page = client.get(f"/redaktion/geschichten/{made.slug}/").content.decode()
    assert "Veröffentlichen kann die Redaktion erst mit einer gültigen Einwilligung" in page
    recorded = client.post(
        f"/redaktion/geschichten/{made.slug}/einwilligungen/neu/",
        {
            "purpose": "web",
            "language": "ar",
            "given_by": "Yusuf Haddad",
            "given_on": "2026-11-30",
            "scan": SimpleUploadedFile("scan.pdf", SCAN, content_type="application/pdf"),
        },
    )
    assert recorded.status_code == 302, recorded.content.decode()[:3000]
    assert client.post(f"/redaktion/geschichten/{made.slug}/veroeffentlichen/").status_code == 302
    assert Story.objects.public().filter(pk=made.pk).exists()
    asked = client.get(f"/konto/geschichten/einwilligungen/{Consent.objects.get(story=made).pk}/widerrufen/")
    assert "Die Geschichte verschwindet sofort von der Website." in asked.content.decode()
    client.post(f"/konto/geschichten/einwilligungen/{Consent.objects.get(story=made).pk}/widerrufen/", {})
    assert not Story.objects.public().filter(pk=made.pk).exists()


def test_bad_input_is_named_at_its_field_and_nothing_is_written(client, town):
    consent_texts(town)
    client.force_login(editor(town).user)
    answer = client.post(
        "/redaktion/geschichten/neu/", {**NEW, "answers": "Wie war es?\nGut.", "naming": "pseudonym"}
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "Zeile 1: Eine Frage beginnt mit „F:“" in page
    assert not Story.objects.filter(title=NEW["title"]).exists()
    answer = client.post("/redaktion/geschichten/neu/", {**NEW, "naming": "pseudonym"})
    assert answer.status_code == 400 and "Bitte ein Pseudonym angeben" in answer.content.decode()
    told = story(town)
    refused = client.post(
        f"/redaktion/geschichten/{told.slug}/einwilligungen/neu/",
        {
            "purpose": "translation",
            "language": "ar",
            "given_by": "Amina Khalil",
            "given_on": "2026-11-30",
            "scan": SimpleUploadedFile("scan.pdf", SCAN, content_type="application/pdf"),
        },
    )
    assert refused.status_code == 400
    assert "gibt es in dieser Sprache noch nicht" in refused.content.decode()
    assert not Consent.objects.filter(story=told).exists()


def test_the_storyteller_reads_the_text_in_their_language_and_consents_online(client_as, town, people):
    consent_texts(town)
    told = story(town, storyteller=people["mitglied"])
    client = client_as("mitglied")
    mine = client.get("/konto/geschichten/").content.decode()
    assert told.title in mine
    arabic = client.get(f"/ar/konto/geschichten/{told.slug}/einwilligen/web/").content.decode()
    assert "أوافق على النشر على هذا الموقع." in arabic
    refused = client.get(f"/ar/konto/geschichten/{told.slug}/einwilligen/translation/").content.decode()
    assert 'name="read"' not in refused  # no text in Arabic: no consent in Arabic
    client.post(f"/ar/konto/geschichten/{told.slug}/einwilligen/web/", {"read": "on"})
    given = Consent.objects.get(story=told)
    assert (given.purpose, given.language, given.way) == (Purpose.WEB, "ar", "online")
    assert told.status == StoryStatus.DRAFT
    assert client_as("expertin").get(f"/konto/geschichten/{told.slug}/einwilligen/web/").status_code == 404


def test_changing_a_story_keeps_the_translations_of_the_answers_it_left_as_they_were(town):
    from ankommen.core.actors import SystemActor
    from ankommen.core.models import TranslationState
    from ankommen.core.translation import save_translation, status_of
    from ankommen.stories import services

    told = story(town, title="Ein Interview zum Übersetzen")
    pairs = [("Wann kamen Sie an?", "Im Winter 2016."), ("Was half Ihnen?", "Die Nachbarn.")]
    services.edit_story(told, actor=editor(town), values={"kind": "interview"}, answers=pairs)
    first, second = told.answers.all()
    for row in (first, second):
        save_translation(
            row, "answer", "en", actor=SystemActor.of(town), text="…", state=TranslationState.REVIEWED
        )
    changed = [pairs[0], ("Was half Ihnen?", "Die Nachbarn und der Sprachkurs.")]
    services.edit_story(told, actor=editor(town), values={"teaser": "Neu."}, answers=changed)
    assert [each.pk for each in told.answers.all()] == [first.pk, second.pk]
    assert status_of(first, "answer", "en") == "reviewed"
    assert status_of(told.answers.get(pk=second.pk), "answer", "en") == "outdated"
    services.edit_story(told, actor=editor(town), values={}, answers=changed[:1])
    assert list(told.answers.values_list("question", flat=True)) == ["Wann kamen Sie an?"]


def test_a_story_called_like_an_editors_page_gets_an_address_of_its_own(town):
    assert story(town, title="Neu").slug == "neu-2"
