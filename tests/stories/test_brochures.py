"""The brochure as the town makes it: chosen stories, set in the background, rebuilt without a withdrawn one.

The PDF is opened and read as a person would (`pdftotext`); its layout is tested in test_brochure_pdf.py.
"""

import re
import subprocess

from ankommen.core.actors import SystemActor
from ankommen.stories import brochures, services
from ankommen.stories.models import Brochure, BrochureStatus, Purpose, StoryStatus
from tests.stories.world import consent, editor, story


def _text(brochure):
    with brochure.file.open("rb") as stored:
        pdf = stored.read()
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _brochure(town, *stories):
    return brochures.save_brochure(
        town,
        actor=SystemActor.of(town),
        values={"title": "Ankommensgeschichten", "edition": "Dezember 2026", "introduction": "Willkommen."},
        stories=stories,
    )


def _printable(town, title):
    told = story(town, title=title)
    services.submit_story(told, actor=editor(town))
    return told, consent(told, Purpose.BROCHURE)


def test_the_brochure_holds_the_stories_that_may_be_printed(town, django_capture_on_commit_callbacks):
    first, _consent = _printable(town, "Vom Praktikum zur Ausbildung")
    second, _consent = _printable(town, "Deutsch lernen am Küchentisch")
    without = story(town, title="Noch ohne Einwilligung")
    services.submit_story(without, actor=editor(town))
    made = _brochure(town, first, second, without)
    with django_capture_on_commit_callbacks(execute=True):
        brochures.request_build(made, actor=editor(town))
    made.refresh_from_db()
    assert (made.status, made.progress, made.pages) == (BrochureStatus.READY, 100, 2 * 2 + 4)
    text = _text(made)
    assert "Vom Praktikum zur Ausbildung" in text and "Deutsch lernen am Küchentisch" in text
    assert "Noch ohne Einwilligung" not in text


def test_withdrawing_the_consent_to_print_takes_the_file_down_and_sets_it_again_without_the_story(
    town, django_capture_on_commit_callbacks
):
    first, printing = _printable(town, "Vom Praktikum zur Ausbildung")
    second, _consent = _printable(town, "Deutsch lernen am Küchentisch")
    made = _brochure(town, first, second)
    brochures.build(made)
    brochures.publish_brochure(made, actor=editor(town))
    old = Brochure.objects.get(pk=made.pk).file.name
    storage = made.file.storage
    with storage.open(old) as stored:
        printed = stored.read()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_consent(printing, actor=editor(town))
    made.refresh_from_db()
    # The file with the story is gone (the new one may take its name once it is deleted).
    if storage.exists(old):
        with storage.open(old) as stored:
            assert stored.read() != printed
    assert made.status == BrochureStatus.READY and made.is_published
    text = _text(made)
    assert "Vom Praktikum zur Ausbildung" not in text and "Deutsch lernen am Küchentisch" in text
    assert first.status == StoryStatus.REVIEW  # the story itself stays where it was


def test_a_story_told_in_arabic_is_printed_in_german_and_then_in_the_persons_own_words(town):
    from ankommen.core.models import TranslationState
    from ankommen.core.translation import save_translation

    told, _consent = _printable(town, "Mein erster Winter in Kornwestheim")
    told.original_language = "ar"
    told.save()
    actor = SystemActor.of(town)
    own_words = {
        "title": "شتائي الأول في كورنفستهايم",
        "teaser": "تحكي أمينة عن وصولها.",
        "body": "وصلت في شهر كانون الثاني ووجدت جيرانا طيبين.",
    }
    for field, text in own_words.items():
        save_translation(told, field, "ar", actor=actor, text=text, state=TranslationState.REVIEWED)
    made = _brochure(town, told)
    brochures.build(made)
    made.refresh_from_db()
    text = _text(made)
    assert "Mein erster Winter in Kornwestheim" in text
    assert "Aus dem Original (Arabisch) übersetzt" in text
    # pdftotext marks right-to-left runs with bidi controls; the letters themselves come in logical order.
    flat = re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    assert "".join(own_words["body"].split()) in flat  # as it is read, not reversed
    assert made.pages == 2 * 2 + 4
