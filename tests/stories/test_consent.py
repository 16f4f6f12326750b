"""Consent done right: a record per purpose, in a language whose text exists, and nothing without it.

No path publishes a story without a valid consent to the web; withdrawing or the end date takes it
off at once; a person under 16 consents through a guardian; print needs the notice that printed
copies cannot be recalled; a translation shows only with a consent to translation.
"""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ankommen.accounts import privacy
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry
from ankommen.stories import services
from ankommen.stories.models import Consent, Purpose, Story, StoryStatus
from tests.stories.world import consent, editor, story


def _public(town):
    """The titles of the public stories, but the demo's (invented) ones."""
    return set(
        Story.objects.for_municipality(town)
        .filter(is_fictional=False)
        .public()
        .values_list("title", flat=True)
    )


def test_no_story_is_published_without_a_valid_consent_to_the_web(town):
    told = story(town)
    with pytest.raises(PermissionDenied):
        services.publish_story(told, actor=editor(town))
    consent(told, Purpose.BROCHURE)  # a consent to print is not one to the web
    with pytest.raises(PermissionDenied):
        services.publish_story(told, actor=editor(town))
    assert Story.objects.get(pk=told.pk).status == StoryStatus.DRAFT
    consent(told, Purpose.WEB)
    services.publish_story(told, actor=editor(town))
    assert _public(town) == {"Angekommen in der Weststadt"}


def test_withdrawing_the_consent_to_the_web_takes_the_story_off_at_once(town):
    told = story(town)
    given = consent(told)
    services.publish_story(told, actor=editor(town))
    services.withdraw_consent(given, actor=editor(town))
    assert _public(town) == set()
    told.refresh_from_db()
    assert told.status == StoryStatus.REVIEW
    actions = list(
        AuditEntry.objects.filter(target_type="stories.story", target_id=told.pk)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["consent.withdrawn", "story.unpublished"]


def test_a_second_consent_to_the_web_keeps_the_story_when_the_first_is_withdrawn(town):
    told = story(town)
    first = consent(told)
    consent(told)
    services.publish_story(told, actor=editor(town))
    services.withdraw_consent(first, actor=editor(town))
    assert _public(town) == {told.title}


def test_a_consent_past_its_end_shows_nothing_from_that_day_and_is_ended_by_the_daily_run(town):
    told = story(town)
    today = timezone.localdate()
    consent(told, given_on=today - datetime.timedelta(days=30), valid_until=today)
    services.publish_story(told, actor=editor(town))
    assert _public(town) == {told.title}
    assert (
        set(
            Story.objects.filter(pk=told.pk)
            .public(today + datetime.timedelta(days=1))
            .values_list("title", flat=True)
        )
        == set()
    )
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert services.end_lapsed_consents(tomorrow) == 1
    told.refresh_from_db()
    assert told.status == StoryStatus.REVIEW
    assert Consent.objects.get(story=told).ended_at == tomorrow
    assert services.end_lapsed_consents(tomorrow) == 0


def test_a_withdrawn_consent_is_kept_as_a_record_and_cannot_be_withdrawn_twice(town):
    given = consent(story(town))
    services.withdraw_consent(given, actor=editor(town))
    given.refresh_from_db()
    assert given.withdrawn_at is not None and given.scan
    with pytest.raises(PermissionDenied):
        services.withdraw_consent(given, actor=editor(town))


def test_no_consent_is_recorded_in_a_language_whose_text_is_missing(town):
    told = story(town)
    with pytest.raises(ValidationError) as refused:
        consent(told, Purpose.TRANSLATION, language="ar")
    assert "gibt es in dieser Sprache noch nicht" in refused.value.message_dict["language"][0]
    consent(told, Purpose.WEB, language="ar")  # the text for the web is there, checked, in Arabic
    assert Consent.objects.filter(story=told).count() == 1


def test_under_16_the_guardian_consents(town):
    told = story(town, title="Ein Schulweg", under_16=True)
    with pytest.raises(ValidationError) as refused:
        consent(told, guardian=False)
    assert "Sorgeberechtigten" in refused.value.message_dict["guardian"][0]
    assert consent(told, guardian=True).guardian


def test_consent_to_print_needs_the_notice_that_printed_copies_cannot_be_recalled(town):
    told = story(town)
    with pytest.raises(ValidationError) as refused:
        consent(told, Purpose.BROCHURE, print_notice=False)
    assert "nicht zurückholen" in refused.value.message_dict["print_notice"][0]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"given_on": timezone.localdate() + datetime.timedelta(days=1)}, "given_on"),
        ({"valid_until": timezone.localdate() - datetime.timedelta(days=1)}, "valid_until"),
        ({"scan": None}, "scan"),
    ],
)
def test_a_consent_on_paper_needs_its_scan_a_past_day_and_an_end_after_it(town, values, field):
    told = story(town)
    arguments = {
        "actor": SystemActor.of(town),
        "purpose": Purpose.WEB,
        "language": "de",
        "given_by": "Amina Khalil",
        "given_on": timezone.localdate(),
        "scan": None,
    }
    from tests.stories.world import scan

    arguments["scan"] = scan()
    arguments.update(values)
    with pytest.raises(ValidationError) as refused:
        services.record_consent(told, **arguments)
    assert field in refused.value.message_dict
    assert not Consent.objects.filter(story=told).exists()


def test_a_translation_shows_only_with_a_consent_to_translation_and_leichte_sprache_with_its_own(town):
    told = story(town, original_language="ar")
    assert told.may_show_in("de") and told.may_show_in("ar")  # German and the person's own words
    assert not told.may_show_in("uk") and not told.may_show_in("de-simple")
    consent(told, Purpose.TRANSLATION)
    told = Story.objects.get(pk=told.pk)
    assert told.may_show_in("uk") and not told.may_show_in("de-simple")
    consent(told, Purpose.EASY_LANGUAGE)
    assert Story.objects.get(pk=told.pk).may_show_in("de-simple")


def test_the_storyteller_consents_online_and_withdraws_in_their_own_name(town, people):
    teller = people["mitglied"]
    told = story(town, storyteller=teller)
    given = services.give_consent(told, actor=teller, purpose=Purpose.WEB, language="de")
    assert (given.way, given.given_by, given.recorded_by) == ("online", str(teller), teller)
    with pytest.raises(PermissionDenied):
        services.give_consent(told, actor=people["expertin"], purpose=Purpose.WEB, language="de")
    services.withdraw_consent(given, actor=teller)
    assert Consent.objects.get(pk=given.pk).withdrawn_by == teller


def test_only_the_editors_publish_and_record_consents_on_paper(town, people):
    told = story(town)
    consent(told)
    for name in ("mitglied", "moderation", "expertin"):
        with pytest.raises(PermissionDenied):
            services.publish_story(told, actor=people[name])
    services.publish_story(told, actor=people["admin"])
    assert Story.objects.get(pk=told.pk).is_published


def test_the_people_who_follow_a_field_of_the_story_hear_when_it_is_first_published(town, people):
    from ankommen.concept.models import Field
    from ankommen.core import notifications
    from ankommen.core.models import Notification

    work = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    notifications.set_following(people["expertin"], work, True)
    told = story(town)
    told.fields.set([work])
    consent(told)
    services.publish_story(told, actor=editor(town))
    [told_of] = Notification.objects.filter(kind="stories.published")
    assert (told_of.recipient_id, told_of.target_id) == (people["expertin"].user.pk, told.pk)
    services.unpublish_story(told, actor=editor(town))
    services.publish_story(told, actor=editor(town))
    assert Notification.objects.filter(kind="stories.published").count() == 1


def test_the_storyteller_finds_their_consents_in_their_data_and_erasure_keeps_them_as_proof(town, people):
    teller = people["mitglied"]
    told = story(town, storyteller=teller, title="Eine Geschichte mit Einwilligung")
    given = services.give_consent(told, actor=teller, purpose=Purpose.WEB, language="de")
    sections = {(section["model"], section["link"]): section for section in privacy.export(teller)}
    consents = sections["stories.Consent", "story__storyteller__user"]
    assert {"title": "Eine Geschichte mit Einwilligung", "purpose": "web", "way": "online"}.items() <= (
        consents["values"][-1].items()
    )
    privacy.erase(teller, actor=teller)
    kept = Consent.objects.get(pk=given.pk)
    assert kept.story.storyteller is None and kept.holds  # the record stays with the story


def test_the_photo_goes_once_no_consent_of_the_story_holds_any_more(town, django_capture_on_commit_callbacks):
    told = story(town, title="Ein Foto auf Zeit")
    web, brochure = consent(told, Purpose.WEB), consent(told, Purpose.BROCHURE, print_notice=True)
    picture = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 40)).save(picture, "JPEG")
    upload = SimpleUploadedFile("foto.jpg", picture.getvalue(), content_type="image/jpeg")
    services.set_photo(told, upload, actor=editor(town), alt="Eine Frau vor dem Rathaus")
    told.refresh_from_db()
    name, storage = told.photo.name, told.photo.storage
    services.withdraw_consent(web, actor=editor(town))
    assert Story.objects.get(pk=told.pk).photo.name == name  # the consent to print still holds
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_consent(brochure, actor=editor(town))
    kept = Story.objects.get(pk=told.pk)
    assert (kept.photo.name, kept.photo_alt) == ("", "")
    assert not storage.exists(name)
    assert AuditEntry.objects.filter(action="story.photo_removed", target_id=told.pk).exists()
