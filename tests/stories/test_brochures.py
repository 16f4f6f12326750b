"""The brochure as the town makes it: chosen stories, set in the background, rebuilt without a withdrawn one.

The PDF is opened and read as a person would (`pdftotext`); its layout is tested in test_brochure_pdf.py.
"""

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
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_consent(printing, actor=editor(town))
    made.refresh_from_db()
    assert not storage.exists(old)
    assert made.status == BrochureStatus.READY and made.is_published
    text = _text(made)
    assert "Vom Praktikum zur Ausbildung" not in text and "Deutsch lernen am Küchentisch" in text
    assert first.status == StoryStatus.REVIEW  # the story itself stays where it was
