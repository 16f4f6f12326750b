"""Changing arrival stories, their consents and the brochure: one verb per function, each asking its rule.

Every write is whole or not at all and leaves an audit line in plain German (`registration.py`).
A consent that ends — withdrawn, or past its end date (`end_lapsed_consents`, daily) — takes its
effect in the same transaction: without a consent to the web the story is taken off the website;
without a consent to print every brochure holding it loses its file at once and is set again
without it (`brochures.rebuild_after`, queued when the transaction commits).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ankommen.core import authorship, notifications
from ankommen.core.audit import audit
from ankommen.core.languages import SOURCE
from ankommen.core.rules import require
from ankommen.stories.models import (
    Consent,
    ConsentText,
    ConsentWay,
    InterviewAnswer,
    Purpose,
    Story,
    StoryComment,
    StoryKind,
    StoryNote,
    StoryStatus,
    StoryTheme,
)

DETAIL_FIELDS = (
    "kind",
    "storyteller",
    "original_language",
    "given_name",
    "family_name",
    "pseudonym",
    "naming",
    "under_16",
    "arrival_year",
    "show_arrival_year",
    "origin",
    "show_origin",
    "photo_alt",
    "is_fictional",
)


def _user(actor):
    return getattr(actor, "user", None)


# Addresses of the editors' own pages beside the stories' (/redaktion/geschichten/neu/, …/broschueren/).
RESERVED_SLUGS = {"neu", "broschueren"}


def _unique_slug(town, title):
    base = slugify(title)[:100] or "geschichte"
    slug, number = base, 2
    taken = Story.objects.for_municipality(town)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_story(story, answers):
    """What makes a story impossible to keep, as {field: message}; raised as one ValidationError."""
    problems = {}
    if story.naming == "pseudonym" and not story.pseudonym.strip():
        problems["pseudonym"] = _("Bitte ein Pseudonym angeben, wenn die Person so genannt werden möchte.")
    if story.naming == "full" and not story.family_name.strip():
        problems["family_name"] = _(
            "Bitte den Nachnamen angeben, wenn die Person mit vollem Namen genannt wird."
        )
    this_year = timezone.localdate().year
    if story.arrival_year is not None and not 1945 <= story.arrival_year <= this_year:
        problems["arrival_year"] = _("Bitte ein Jahr zwischen 1945 und %(year)s angeben.") % {
            "year": this_year
        }
    if story.photo and not story.photo_alt.strip():
        problems["photo_alt"] = _("Ein Foto braucht eine Beschreibung für Menschen, die es nicht sehen.")
    if story.kind == StoryKind.INTERVIEW and not answers:
        problems["answers"] = _("Ein Interview braucht mindestens eine Frage mit Antwort.")
    if problems:
        raise ValidationError(problems)


def _set_answers(story, answers):
    """The interview's questions and answers, in the given order: [(question, answer), …].

    A pair as it was stays untouched, with its translations; a changed one is saved (its translations
    become outdated), new ones are added and those beyond the end removed.
    """
    stored = {each.position: each for each in story.answers.all()}
    for position, (question, answer) in enumerate(answers, start=1):
        row = stored.pop(position, None)
        if row is None:
            InterviewAnswer.objects.create(
                municipality_id=story.municipality_id,
                story=story,
                position=position,
                question=question,
                answer=answer,
            )
        elif (row.question, row.answer) != (question, answer):
            row.question, row.answer = question, answer
            row.save(update_fields=["question", "answer"])
    InterviewAnswer.objects.filter(pk__in=[row.pk for row in stored.values()]).delete()


def _set_themes(story, themes):
    wanted = set(themes)
    had = set(story.themes.values_list("theme", flat=True))
    story.themes.filter(theme__in=had - wanted).delete()
    StoryTheme.objects.bulk_create(
        StoryTheme(municipality_id=story.municipality_id, story=story, theme=theme)
        for theme in sorted(wanted - had)
    )


def create_story(town, *, actor, values, themes=(), fields=(), answers=()):
    """A new story in draft, by an editor (or the system for the demo)."""
    require(actor, "work_on_stories", town)
    story = Story(municipality=town, created_by=actor if getattr(actor, "pk", None) else None)
    for name in ("title", "teaser", "body", *DETAIL_FIELDS):
        if name in values:
            setattr(story, name, values[name])
    story.slug = values.get("slug") or _unique_slug(town, story.title)
    answers = list(answers)
    _check_story(story, answers)
    with transaction.atomic():
        story.save()
        _set_themes(story, themes)
        story.fields.set(fields)
        _set_answers(story, answers)
        audit(_user(actor), "story.created", story)
    return story


def edit_story(story, *, actor, values, themes=None, fields=None, answers=None):
    """New texts and details; the earlier texts are kept as a version (core's `Revision`)."""
    require(actor, "edit_story", story)
    answers = None if answers is None else list(answers)
    for name in DETAIL_FIELDS:
        if name in values:
            setattr(story, name, values[name])
    kept = answers if answers is not None else [(each.question, each.answer) for each in story.answers.all()]
    _check_story(story, kept)  # its details: the texts it checks none of
    with transaction.atomic():
        story.save(update_fields=list(DETAIL_FIELDS))
        if _user(actor) is not None:
            authorship.edit(
                story, author=actor, values={k: v for k, v in values.items() if k in Story.revised_fields}
            )
        else:
            for name in Story.revised_fields:
                if name in values:
                    setattr(story, name, values[name])
            story.save()
        if themes is not None:
            _set_themes(story, themes)
        if fields is not None:
            story.fields.set(fields)
        if answers is not None:
            _set_answers(story, answers)
    return story


def set_photo(story, upload, *, actor, alt):
    """A photo for the story: checked, scaled and stripped of every metadata (`photos.prepare`)."""
    from django.core.files.base import ContentFile

    from ankommen.stories import photos

    require(actor, "edit_story", story)
    if not alt.strip():
        raise ValidationError(
            {"photo_alt": _("Ein Foto braucht eine Beschreibung für Menschen, die es nicht sehen.")}
        )
    prepared = photos.prepare(upload)
    old = story.photo.name if story.photo else ""
    with transaction.atomic():
        story.photo.save(
            f"{prepared.sha256[:16]}{prepared.extension}", ContentFile(prepared.content), save=False
        )
        story.photo_alt = alt.strip()
        story.save(update_fields=["photo", "photo_alt"])
        audit(_user(actor), "story.photo_set", story)
        if old:
            storage = story.photo.storage
            transaction.on_commit(lambda: storage.delete(old))
    return story


def submit_story(story, *, actor):
    require(actor, "submit_story", story)
    story.status = StoryStatus.REVIEW
    story.save(update_fields=["status"])
    audit(_user(actor), "story.submitted", story)
    return story


def publish_story(story, *, actor):
    """On the website from now: only with a valid consent to the web (the rule asks for it).

    The first time, the people who follow one of the story's fields of action hear of it.
    """
    require(actor, "publish_story", story)
    first_time = story.published_at is None
    with transaction.atomic():
        story.status = StoryStatus.PUBLISHED
        story.published_at = story.published_at or timezone.now()
        story.save(update_fields=["status", "published_at"])
        audit(_user(actor), "story.published", story)
        if first_time:
            _tell_followers(story, besides=[_user(actor)])
    return story


def _tell_followers(story, besides):
    from ankommen.concept.models import Field

    fields = list(story.fields.values_list("pk", flat=True))
    if not fields:
        return
    readers = notifications.followers_of([(Field, pk) for pk in fields])
    people = {user.pk: user for pk in fields for user in readers[Field, pk]}
    for user in besides:
        if user is not None:
            people.pop(user.pk, None)
    notifications.notify(list(people.values()), "stories.published", event=f"story:{story.pk}", target=story)


def unpublish_story(story, *, actor, reason=""):
    require(actor, "unpublish_story", story)
    _take_off_the_web(story, actor, reason)
    return story


def _take_off_the_web(story, actor, reason):
    story.status = StoryStatus.REVIEW
    story.save(update_fields=["status"])
    audit(_user(actor), "story.unpublished", story, reason=reason)


def add_note(story, *, actor, text):
    require(actor, "note_on_story", story)
    if not text.strip():
        raise ValidationError({"text": _("Bitte eine Anmerkung schreiben.")})
    return StoryNote.objects.create(
        municipality_id=story.municipality_id, story=story, author=actor, text=text.strip()
    )


def add_comment(story, *, actor, text):
    require(actor, "comment_on_story", story)
    if not text.strip():
        raise ValidationError({"text": _("Bitte einen Kommentar schreiben.")})
    with transaction.atomic():
        comment = StoryComment.objects.create(
            municipality_id=story.municipality_id, story=story, author=actor, text=text.strip()
        )
        audit(_user(actor), "story.commented", story)
    return comment


# --- consent ---------------------------------------------------------------------------------------


def current_text(town, purpose):
    """The newest version of the consent text for `purpose` in force today, or None."""
    return (
        ConsentText.objects.for_municipality(town)
        .filter(purpose=purpose, valid_from__lte=timezone.localdate())
        .order_by("-version")
        .first()
    )


def _consent_problems(
    story, *, purpose, language, way, given_by, guardian, print_notice, given_on, valid_until, scan
):
    problems = {}
    text = current_text(story.municipality, purpose)
    if text is None:
        problems["purpose"] = _("Für diesen Zweck gibt es noch keinen Text der Einwilligung.")
    elif language not in story.municipality.languages and language != SOURCE:
        problems["language"] = _("Diese Sprache bietet die Kommune nicht an.")
    elif not text.exists_in(language):
        problems["language"] = _(
            "Den Text dieser Einwilligung gibt es in dieser Sprache noch nicht (geprüft übersetzt). "
            "Ohne den Text in ihrer Sprache kann niemand wirksam einwilligen."
        )
    if not given_by.strip():
        problems["given_by"] = _("Bitte angeben, wer eingewilligt hat.")
    if story.under_16 and not guardian:
        problems["guardian"] = _(
            "Für Kinder und Jugendliche unter 16 Jahren willigen die Sorgeberechtigten ein."
        )
    if purpose == Purpose.BROCHURE and not print_notice:
        problems["print_notice"] = _(
            "Vor der Einwilligung in den Druck muss die Person wissen: gedruckte Broschüren lassen sich nicht "
            "zurückholen."
        )
    if way == ConsentWay.PAPER and not scan:
        problems["scan"] = _("Bitte den Scan der unterschriebenen Einwilligung hochladen.")
    today = timezone.localdate()
    if given_on > today:
        problems["given_on"] = _("Eine Einwilligung kann nicht in der Zukunft gegeben sein.")
    if valid_until is not None and valid_until < given_on:
        problems["valid_until"] = _("Das Ende muss nach dem Tag der Einwilligung liegen.")
    if problems:
        raise ValidationError(problems)
    return text


def record_consent(
    story,
    *,
    actor,
    purpose,
    language,
    given_by,
    given_on,
    scan,
    guardian=False,
    print_notice=False,
    valid_until=None,
):
    """A consent signed on paper, recorded by an editor with its scan."""
    require(actor, "record_consent", story)
    text = _consent_problems(
        story,
        purpose=purpose,
        language=language,
        way=ConsentWay.PAPER,
        given_by=given_by,
        guardian=guardian,
        print_notice=print_notice,
        given_on=given_on,
        valid_until=valid_until,
        scan=scan,
    )
    with transaction.atomic():
        consent = Consent(
            municipality_id=story.municipality_id,
            story=story,
            purpose=purpose,
            text=text,
            language=language,
            way=ConsentWay.PAPER,
            given_by=given_by.strip(),
            guardian=guardian,
            print_notice=print_notice,
            given_on=given_on,
            valid_until=valid_until,
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        consent.scan.save(f"einwilligung-{story.pk}-{purpose}-{scan.name}", scan, save=False)
        consent.save()
        audit(_user(actor), "consent.recorded", story, purpose=consent.get_purpose_display())
    return consent


def give_consent(story, *, actor, purpose, language, print_notice=False, valid_until=None):
    """The person consents online, in their own name, having read the text in `language`."""
    require(actor, "give_consent", story)
    today = timezone.localdate()
    text = _consent_problems(
        story,
        purpose=purpose,
        language=language,
        way=ConsentWay.ONLINE,
        given_by=str(actor),
        guardian=False,
        print_notice=print_notice,
        given_on=today,
        valid_until=valid_until,
        scan=None,
    )
    with transaction.atomic():
        consent = Consent.objects.create(
            municipality_id=story.municipality_id,
            story=story,
            purpose=purpose,
            text=text,
            language=language,
            way=ConsentWay.ONLINE,
            given_by=str(actor),
            print_notice=print_notice,
            given_on=today,
            valid_until=valid_until,
            recorded_by=actor,
        )
        audit(_user(actor), "consent.given", story, purpose=consent.get_purpose_display())
    return consent


def withdraw_consent(consent, *, actor):
    """The consent ends now; what it allowed ends with it, in this transaction."""
    require(actor, "withdraw_consent", consent)
    with transaction.atomic():
        if not Consent.objects.filter(pk=consent.pk, withdrawn_at=None).update(
            withdrawn_at=timezone.now(), withdrawn_by=actor if getattr(actor, "pk", None) else None
        ):
            return consent
        consent.refresh_from_db()
        audit(_user(actor), "consent.withdrawn", consent.story, purpose=consent.get_purpose_display())
        _after_consent_ended(consent, actor, timezone.localdate())
    return consent


def end_lapsed_consents(now=None):
    """Daily: every consent past its end date ends, with the same effect as a withdrawal."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    lapsed = Consent.objects.filter(withdrawn_at=None, ended_at=None, valid_until__lt=today).select_related(
        "story__municipality"
    )
    count = 0
    for consent in lapsed:
        with transaction.atomic():
            if not Consent.objects.filter(pk=consent.pk, ended_at=None).update(ended_at=now):
                continue
            audit(None, "consent.lapsed", consent.story, purpose=consent.get_purpose_display())
            _after_consent_ended(consent, None, today)
            count += 1
    return count


def _after_consent_ended(consent, actor, today):
    """Without a valid consent to the web the story leaves the website; without one to print, the brochures."""
    story = Story.objects.get(pk=consent.story_id)
    if (
        consent.purpose == Purpose.WEB
        and story.is_published
        and story.valid_consent(Purpose.WEB, today) is None
    ):
        _take_off_the_web(story, actor, reason=_("Die Einwilligung für die Website gilt nicht mehr."))
    if consent.purpose == Purpose.BROCHURE and story.valid_consent(Purpose.BROCHURE, today) is None:
        from ankommen.stories import brochures

        brochures.rebuild_after(story)
    if story.photo and not any(each.holds_on(today) for each in story.consents.all()):
        _forget_photo(story, actor)


def _forget_photo(story, actor):
    """No consent of the story holds any more: its photo goes at once, with its description in every
    language (the texts stay with the editors, unpublished, beside the consent records)."""
    old, storage = story.photo.name, story.photo.storage
    Story.objects.filter(pk=story.pk).update(photo="", photo_alt="")
    story.translations.filter(field="photo_alt").delete()
    audit(_user(actor), "story.photo_removed", story)
    transaction.on_commit(lambda: storage.delete(old))
