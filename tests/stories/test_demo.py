"""The demo's arrival stories: twelve invented ones, ten of them public, three told in Arabic or Persian,
the consent texts checked in every language of the town, and the brochure set and published as the
demo loads.
"""

import io
import re
import subprocess
from collections import Counter
from io import StringIO

from django.core.management import call_command
from django.utils import formats, timezone
from django.utils.html import escape
from PIL import Image

from ankommen.core.models import AuditEntry, Translation, TranslationState
from ankommen.stories.demo import STORIES
from ankommen.stories.demo_texts import ORIGINALS
from ankommen.stories.models import (
    Brochure,
    BrochureEntry,
    Consent,
    ConsentText,
    ConsentWay,
    Purpose,
    Story,
    StoryComment,
    StoryKind,
    StoryNote,
    StoryStatus,
)

WITHDRAWN = "zwischen-gueterbahnhof-und-fussballplatz"
IN_REVIEW = "ein-chor-der-keine-fragen-stellt"


def _fictional(town):
    return Story.objects.for_municipality(town).filter(is_fictional=True)


def _words(text):
    return len(text.split())


def _squeezed_pdf_text(pdf):
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", " ", text)


def test_the_demo_tells_twelve_invented_stories_and_ten_are_public(town):
    stories = _fictional(town)
    assert stories.count() == 12
    assert set(stories.public().values_list("slug", flat=True)) == {
        spec["slug"] for spec in STORIES if isinstance(spec["published"], int)
    }
    assert {
        purpose: stories.with_consent(purpose).count()
        for purpose in (
            Purpose.WEB,
            Purpose.BROCHURE,
            Purpose.TRANSLATION,
            Purpose.EASY_LANGUAGE,
            Purpose.PRESS,
        )
    } == {
        Purpose.WEB: 10,
        Purpose.BROCHURE: 8,
        Purpose.TRANSLATION: 9,
        Purpose.EASY_LANGUAGE: 5,
        Purpose.PRESS: 3,
    }
    assert all(2014 <= year <= 2023 for year in stories.values_list("arrival_year", flat=True))
    assert Counter(stories.values_list("naming", flat=True)) == {"first": 6, "full": 4, "pseudonym": 2}
    assert {"ar", "fa", "uk", "tr", "de"} <= set(
        Consent.objects.filter(story__in=stories).values_list("language", flat=True)
    )


def test_four_interviews_of_three_to_six_questions_and_eight_portraits_of_a_fitting_length(town):
    stories = list(_fictional(town).prefetch_related("answers"))
    interviews = [story for story in stories if story.kind == StoryKind.INTERVIEW]
    portraits = [story for story in stories if story.kind == StoryKind.PORTRAIT]
    assert len(interviews) == 4 and len(portraits) == 8
    assert all(3 <= len(story.answers.all()) <= 6 for story in interviews)
    for story in portraits:
        paragraphs = [part for part in story.body.split("\n\n") if part.strip()]
        assert 3 <= len(paragraphs) <= 6, story.slug
        assert 150 <= _words(story.body) <= 350, story.slug


def test_the_young_teller_consents_through_her_guardian_and_amal_consents_online_herself(town, people):
    young = _fictional(town).get(under_16=True)
    assert {(each.guardian, each.way) for each in young.consents.all()} == {(True, ConsentWay.PAPER)}
    assert all(each.scan for each in young.consents.all())
    amal = _fictional(town).get(storyteller=people["mitglied"])
    assert {(each.way, each.recorded_by) for each in amal.consents.all()} == {
        (ConsentWay.ONLINE, people["mitglied"])
    }
    assert amal.shown_name == "Amal"


def test_the_withdrawn_story_and_the_one_in_review_are_the_editors_only(client_as, town):
    withdrawn = _fictional(town).get(slug=WITHDRAWN)
    assert withdrawn.status == StoryStatus.REVIEW
    assert withdrawn.consents.get(purpose=Purpose.WEB).withdrawn_at is not None
    waiting = _fictional(town).get(slug=IN_REVIEW)
    assert waiting.status == StoryStatus.REVIEW and not waiting.consents.exists()
    for story in (withdrawn, waiting):
        assert client_as(None).get(f"/geschichten/{story.slug}/").status_code == 404
    listing = client_as(None).get("/geschichten/").content.decode()
    assert escape(withdrawn.title) not in listing and escape(waiting.title) not in listing
    editors = client_as("redaktion").get("/redaktion/geschichten/").content.decode()
    assert escape(withdrawn.title) in editors and escape(waiting.title) in editors


def test_three_stories_read_in_the_words_their_tellers_said(client, town):
    told = _fictional(town).exclude(original_language="de")
    assert {(story.slug, story.original_language) for story in told} == {
        (slug, original["language"]) for slug, original in ORIGINALS.items()
    }
    for slug, original in ORIGINALS.items():
        page = client.get(f"/{original['language']}/geschichten/{slug}/")
        assert page.status_code == 200
        html = page.content.decode()
        assert escape(original["title"]) in html
        first_paragraph = original["body"].split("\n\n")[0]
        assert escape(first_paragraph) in html
        for question, answer in original.get("answers", ()):
            assert escape(question) in html and escape(answer) in html
        kept = Translation.objects.filter(
            content_type__model="story",
            object_id=_fictional(town).get(slug=slug).pk,
            language=original["language"],
        )
        # The teller's own words, as the editors wrote them down: checked, never a machine's.
        assert set(kept.values_list("state", flat=True)) == {TranslationState.REVIEWED}


def test_the_consent_texts_are_there_checked_in_every_language_of_the_town(town):
    texts = ConsentText.objects.for_municipality(town).filter(version=1)
    assert set(texts.values_list("purpose", flat=True)) == set(Purpose.values)
    for text in texts:
        for language in town.languages:
            assert text.exists_in(language), (text.purpose, language)
        assert "Art. 9" in text.text and "jederzeit" in text.text and "Wirkung für die Zukunft" in text.text
        assert "integration@demo.ankommen.example" in text.text
    brochure = texts.get(purpose=Purpose.BROCHURE)
    assert "Gedruckte Broschüren lassen sich nicht zurückholen" in brochure.text


def test_eight_stories_show_a_drawing_with_its_description_and_no_person(town):
    illustrated = [story for story in _fictional(town) if story.photo]
    assert len(illustrated) == 8
    for story in illustrated:
        assert story.photo_alt.startswith("Zeichnung:")
        with story.photo.open("rb") as stored, Image.open(io.BytesIO(stored.read())) as picture:
            assert (picture.format, picture.size) == ("JPEG", (1200, 800))
            assert not picture.getexif()


def test_the_editors_and_the_teller_talk_in_notes_and_readers_comment(town, people):
    stories = _fictional(town)
    assert StoryNote.objects.filter(story__in=stories).values("story").distinct().count() == 2
    assert StoryNote.objects.filter(story__in=stories, author=people["mitglied"]).exists()
    comments = StoryComment.objects.filter(story__in=stories)
    assert comments.count() == 2
    assert all(comment.story in stories.public() for comment in comments)


def test_the_published_brochure_holds_exactly_the_stories_that_may_be_printed(town):
    brochure = Brochure.objects.for_municipality(town).published().get()
    assert brochure.subtitle == "Menschen, die in Kornwestheim angekommen sind"
    assert brochure.edition == formats.date_format(timezone.localdate(), "F Y")
    printable = set(_fictional(town).with_consent(Purpose.BROCHURE).values_list("title", flat=True))
    # A spread per story, and one more for each told in Arabic or Persian (their own words, after the German).
    originals = _fictional(town).with_consent(Purpose.BROCHURE).exclude(original_language="de").count()
    assert len(printable) == 8 and brochure.pages == 2 * (8 + originals) + 4
    with brochure.file.open("rb") as stored:
        text = _squeezed_pdf_text(stored.read())
    for story in _fictional(town):
        assert (story.title in text) == (story.title in printable), story.title


def test_a_second_demo_writes_nothing_new(town):
    def counts():
        stories = _fictional(town)
        return (
            stories.count(),
            Consent.objects.filter(story__in=stories).count(),
            ConsentText.objects.for_municipality(town).count(),
            Translation.objects.for_municipality(town).count(),
            StoryNote.objects.count(),
            StoryComment.objects.count(),
            BrochureEntry.objects.count(),
            list(Brochure.objects.values_list("pk", "file", "built_at")),
            AuditEntry.objects.filter(target_type__startswith="stories.").count(),
        )

    before = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == before


def test_the_demo_translates_a_story_only_where_its_teller_consented(client, town):
    stories = {story.pk: story for story in _fictional(town).prefetch_related("consents")}
    machine = Translation.objects.for_municipality(town).filter(
        content_type__model="story", object_id__in=stories, state=TranslationState.MACHINE
    )
    languages = set(machine.values_list("object_id", "language"))
    assert len({language for _pk, language in languages}) == 7  # six languages and Leichte Sprache
    for pk, language in languages:
        assert stories[pk].may_show_in(language), (stories[pk].slug, language)
    # Where the teller did not consent, a reader in another language gets the German with a word why.
    untranslated = next(
        story for story in stories.values() if story.is_published and not story.may_show_in("en")
    )
    page = client.get(f"/en/geschichten/{untranslated.slug}/").content.decode()
    assert escape(untranslated.title) in page
