"""The Ankommensbroschüre: choosing its stories, setting it as a PDF in the background, publishing it.

`request_build` marks the brochure as being set and queues `build_brochure` when the transaction
commits; the task (`build`) reads the stories that may be printed today — a valid consent to print,
past the draft — lays them out through `brochure.render` and keeps the file, writing its progress
on the row as it goes so the editors' page can show it. A brochure is published once it is set;
one published brochure at a time is the town's download.

When a story may no longer be printed (`rebuild_after`), every brochure holding it loses its file at
once — the old file is deleted when the transaction commits, so the download ends with it — and is
set again without the story.
"""

import logging
import re
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import task

from ankommen.core.audit import audit
from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.models import Translation
from ankommen.core.rules import require
from ankommen.core.translation import translated
from ankommen.stories.models import Brochure, BrochureEntry, BrochureStatus, Purpose, Story, StoryStatus

logger = logging.getLogger(__name__)
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")


def _user(actor):
    return getattr(actor, "user", None)


def printable(brochure, today=None):
    """The brochure's stories that may be printed today, in its order."""
    return (
        Story.objects.for_municipality(brochure.municipality_id)
        .filter(brochure_entries__brochure=brochure)
        .exclude(status=StoryStatus.DRAFT)
        .with_consent(Purpose.BROCHURE, today)
        .order_by("brochure_entries__position")
    )


def save_brochure(town, *, actor, values, stories, brochure=None):
    """A new brochure, or new texts and stories for one; its file is set again on request."""
    require(actor, "keep_brochures", town)
    brochure = brochure or Brochure(municipality=town)
    for name in ("title", "subtitle", "edition", "introduction"):
        if name in values:
            setattr(brochure, name, values[name])
    with transaction.atomic():
        created = brochure.pk is None
        brochure.save()
        brochure.entries.all().delete()
        BrochureEntry.objects.bulk_create(
            BrochureEntry(municipality=town, brochure=brochure, story=story, position=position)
            for position, story in enumerate(stories, start=1)
        )
        audit(_user(actor), "brochure.created" if created else "brochure.changed", brochure)
    return brochure


def request_build(brochure, *, actor):
    """Set the brochure again, in the background; the page shows how far it is."""
    require(actor, "keep_brochures", brochure.municipality)
    with transaction.atomic():
        Brochure.objects.filter(pk=brochure.pk).update(status=BrochureStatus.BUILDING, progress=0, problem="")
        audit(_user(actor), "brochure.build_requested", brochure)
        transaction.on_commit(lambda: build_brochure.enqueue(brochure.pk))
    brochure.refresh_from_db()
    return brochure


def publish_brochure(brochure, *, actor):
    """The town's download from now; the brochure published before steps back."""
    require(actor, "keep_brochures", brochure.municipality)
    if brochure.status != BrochureStatus.READY or not brochure.file:
        raise ValueError("Only a brochure that is set can be published.")
    with transaction.atomic():
        Brochure.objects.for_municipality(brochure.municipality_id).exclude(pk=brochure.pk).update(
            published_at=None
        )
        brochure.published_at = timezone.now()
        brochure.save(update_fields=["published_at"])
        audit(_user(actor), "brochure.published", brochure)
    return brochure


def unpublish_brochure(brochure, *, actor):
    require(actor, "keep_brochures", brochure.municipality)
    brochure.published_at = None
    brochure.save(update_fields=["published_at"])
    audit(_user(actor), "brochure.unpublished", brochure)
    return brochure


def rebuild_after(story):
    """`story` may no longer be printed: each brochure holding it loses its file now and is set again."""
    for brochure in Brochure.objects.filter(entries__story=story).distinct():
        old = brochure.file.name
        Brochure.objects.filter(pk=brochure.pk).update(file="", status=BrochureStatus.BUILDING, progress=0)
        audit(None, "brochure.rebuilt_without", brochure, story=story.title)
        if old:
            storage = brochure.file.storage
            transaction.on_commit(lambda storage=storage, old=old: storage.delete(old))
        transaction.on_commit(lambda pk=brochure.pk: build_brochure.enqueue(pk))


# --- setting ------------------------------------------------------------------------------------


def _paragraphs(text):
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def data_of(brochure, stories, photos=None):
    """What `brochure.render` lays out, as plain data: every text already in its final words.

    `photos`: {story id: path of its photo's file on disk} (the storage may keep none there).
    """
    photos = photos or {}
    town = brochure.municipality
    entries = []
    for story in stories:
        language = BY_CODE.get(story.original_language)
        told_in_another = language is not None and language.code != SOURCE
        german = _entry(story, photos, language if told_in_another else None)
        entries.append(german)
        original = _original_entry(story, german, language) if told_in_another else None
        if original is not None:
            entries.append(original)
    return _document(brochure, town, entries)


def _entry(story, photos, original_language):
    """A story in German, as the brochure prints it (translated from `original_language`, if given)."""
    return {
        "title": story.title,
        "language": SOURCE,
        "direction": "ltr",
        "kind": story.kind,
        "name": story.shown_name,
        "arrived": str(story.arrival_year) if story.arrival_year and story.show_arrival_year else "",
        "teaser": story.teaser,
        "paragraphs": _paragraphs(story.body),
        "interview": [{"question": each.question, "answer": each.answer} for each in story.answers.all()],
        "photo": {"path": photos[story.pk], "alt": story.photo_alt} if story.pk in photos else None,
        "note": _("Aus dem Original (%(language)s) übersetzt") % {"language": original_language.name}
        if original_language
        else "",
    }


def _original_entry(story, german, language):
    """The story again in the words the person told it in (Arabic, Persian, …), beside its German entry:
    the translation the editors keep as its original; None where they have not written it down."""
    texts = {field: translated(story, field, language.code) for field in ("title", "teaser", "body")}
    if any(text.lang != language.code for text in texts.values()):
        return None
    answers = [
        (translated(each, "question", language.code), translated(each, "answer", language.code))
        for each in story.answers.all()
    ]
    return {
        **german,
        "title": texts["title"].text,
        "language": language.code,
        "direction": "rtl" if language.bidi else "ltr",
        "teaser": texts["teaser"].text,
        "paragraphs": _paragraphs(texts["body"].text),
        "interview": [
            {"question": question.text, "answer": answer.text}
            for question, answer in answers
            if question.lang == language.code and answer.lang == language.code
        ],
        "photo": None,
        "note": _("Im Original, auf %(language)s") % {"language": language.name},
    }


def _document(brochure, town, entries):
    return {
        "language": SOURCE,
        "title": brochure.title,
        "subtitle": brochure.subtitle,
        "town": town.name,
        "edition": brochure.edition,
        "introduction": _paragraphs(brochure.introduction),
        "imprint": [
            _("Herausgegeben von der Stadt %(town)s") % {"town": town.name},
            _("Gesetzt am %(date)s") % {"date": formats.date_format(timezone.localdate(), "DATE_FORMAT")},
            _("Alle Geschichten mit der Einwilligung der Menschen, die sie erzählt haben."),
        ],
        "stories": entries,
    }


def _photos_on_disk(stories, folder):
    """Each story's photo as a file in `folder`, for the typesetter: {story id: path}."""
    found = {}
    for story in stories:
        if story.photo:
            path = folder / f"{story.pk}{Path(story.photo.name).suffix}"
            with story.photo.open("rb") as stored:
                path.write_bytes(stored.read())
            found[story.pk] = str(path)
    return found


def _with_originals(stories):
    """Fetch the stories' (and their answers') words in the languages they were told in, in two queries."""
    told_in = {story.original_language for story in stories} - {SOURCE}
    if told_in:
        rows = Translation.objects.filter(language__in=told_in)
        prefetch_related_objects(
            stories,
            Prefetch("translations", rows, to_attr="translations_prefetched"),
            Prefetch("answers__translations", rows, to_attr="translations_prefetched"),
        )


def build(brochure):
    """Set `brochure` now (the task's work; the demo calls it directly): its file, pages and state."""
    from ankommen.stories import brochure as layout

    stories = list(printable(brochure).prefetch_related("answers"))
    _with_originals(stories)
    Brochure.objects.filter(pk=brochure.pk).update(status=BrochureStatus.BUILDING, progress=10)
    try:
        with tempfile.TemporaryDirectory(prefix="ankommen-broschuere-") as folder:
            photos = _photos_on_disk(stories, Path(folder))
            Brochure.objects.filter(pk=brochure.pk).update(progress=30)
            pdf = layout.render(data_of(brochure, stories, photos))
    except Exception as error:  # a failed build is shown on the page; the old file stays away
        logger.exception("The brochure %s could not be set.", brochure.pk)
        Brochure.objects.filter(pk=brochure.pk).update(
            status=BrochureStatus.FAILED, progress=0, problem=str(error)[:500]
        )
        raise
    Brochure.objects.filter(pk=brochure.pk).update(progress=90)
    with transaction.atomic():
        old = Brochure.objects.select_for_update().get(pk=brochure.pk).file.name
        brochure.file.save(f"ankommensbroschuere-{brochure.pk}.pdf", ContentFile(pdf), save=False)
        brochure.status = BrochureStatus.READY
        brochure.progress = 100
        brochure.built_at = timezone.now()
        brochure.pages = page_count(pdf)
        brochure.save(update_fields=["file", "status", "progress", "built_at", "pages"])
        if old and old != brochure.file.name:
            storage = brochure.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return brochure


def page_count(pdf):
    """The pages of a PDF Typst wrote: its page objects (Typst writes no compressed object streams)."""
    return len(PAGE_OBJECT.findall(pdf))


@task()
def build_brochure(brochure_id: int) -> str:
    brochure = Brochure.objects.select_related("municipality").get(pk=brochure_id)
    build(brochure)
    return brochure.status
