"""Moderation of anything people write: flags, hiding with a visible trace, showing again, dismissing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ankommen.core import moderation
from ankommen.core.models import AuditEntry, Flag, ReviewRequest
from ankommen.core.rules import may
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution


@pytest.fixture
def option(town):
    return Contribution.objects.select_related("stage").get(
        municipality=town, title="Beratungstag zur Anerkennung von Abschlüssen"
    )


def test_hidden_contribution_leaves_trace_and_audit_line(option, people):
    flag = moderation.flag(option, reporter=people["mitglied"], reason="Werbung")
    moderation.hide(option, moderator=people["moderation"], reason="Werbung für ein Geschäft")
    option.refresh_from_db()
    flag.refresh_from_db()
    assert option.is_hidden
    assert option.hidden_reason == "Werbung für ein Geschäft"
    assert option.hidden_by == people["moderation"].user
    assert Contribution.objects.filter(pk=option.pk).exists(), "hiding never deletes"
    assert flag.outcome == "hidden"
    assert flag.resolved_by == people["moderation"].user
    entry = AuditEntry.objects.get(action="contribution.hidden", target_id=option.pk)
    assert entry.actor == people["moderation"].user
    assert entry.target_type == "dialogue.contribution"
    assert entry.details == {"reason": "Werbung für ein Geschäft"}
    assert entry.action_label == "Beitrag ausgeblendet"


def test_hiding_a_comment_resolves_only_its_flags(option, people):
    comment = services.add_comment(option, author=people["nachbarschaft"], body="Spam")
    on_comment = moderation.flag(comment, reporter=people["mitglied"], reason="Spam")
    on_contribution = moderation.flag(option, reporter=people["mitglied"], reason="Alt")
    moderation.hide(comment, moderator=people["moderation"], reason="Spam")
    assert Flag.objects.get(pk=on_comment.pk).outcome == "hidden"
    assert Flag.objects.get(pk=on_contribution.pk).resolved_at is None
    assert Comment.objects.get(pk=comment.pk).is_hidden


def test_dismissing_an_items_flags_closes_them_all_with_one_audit_line(option, people):
    for name, reason in (("mitglied", "Falsch"), ("expertin", "Veraltet")):
        moderation.flag(option, reporter=people[name], reason=reason)
    assert moderation.dismiss_flags(option, moderator=people["moderation"]) == 2
    assert set(Flag.objects.of(option).values_list("outcome", flat=True)) == {"dismissed"}
    entry = AuditEntry.objects.get(action="flags.dismissed", target_id=option.pk)
    assert (entry.target_type, entry.action_label, entry.details) == (
        "dialogue.contribution",
        "Meldungen zurückgewiesen",
        {"count": "2"},
    )
    assert not Contribution.objects.get(pk=option.pk).is_hidden


def test_a_moderator_shows_a_hidden_item_again_with_a_reason(option, people):
    moderation.hide(option, moderator=people["moderation"], reason="Verwechslung")
    moderation.show(option, moderator=people["admin"], reason="Doch kein Verstoß")
    option.refresh_from_db()
    assert not option.is_hidden
    assert (option.hidden_by, option.hidden_reason) == (None, "")
    entry = AuditEntry.objects.get(action="contribution.shown", target_id=option.pk)
    assert (entry.details, entry.action_label) == (
        {"reason": "Doch kein Verstoß"},
        "Beitrag wieder eingeblendet",
    )


@pytest.mark.parametrize("verb", [moderation.hide, moderation.show])
def test_only_the_towns_moderators_hide_and_show(option, people, stranger, verb):
    for person in (people["mitglied"], people["expertin"], stranger):
        with pytest.raises(PermissionDenied):
            verb(option, moderator=person, reason="x")
    assert not Contribution.objects.get(pk=option.pk).is_hidden


def test_a_visitor_or_another_towns_member_flags_nothing(option, stranger):
    with pytest.raises(PermissionDenied):
        moderation.flag(option, reporter=stranger, reason="x")
    assert not Flag.objects.of(option).exists()


def test_every_moderated_model_names_its_rule_address_and_words():
    from ankommen.core.registry import registry

    models = moderation.moderated_models()
    assert {"beitraege", "kommentare", "notizen"} <= set(models)
    for slug, model in models.items():
        assert slug and model.view_action in registry.rules, model
        assert {"flag", "hide", "hidden", "shown"} <= set(model.moderation_labels), model


def test_the_queue_shows_each_items_kind_with_a_bounded_number_of_queries(
    town, people, option, django_assert_max_num_queries
):
    comment = services.add_comment(option, author=people["nachbarschaft"], body="Spam")
    for item in (option, comment):
        moderation.flag(item, reporter=people["mitglied"], reason="Bitte prüfen")
    with django_assert_max_num_queries(4):
        reported = moderation.with_items_and_flags(moderation.reported_items(town))
        kinds = {entry.item.moderation_kind for entry in reported}
        addresses = {entry.item.get_absolute_url() for entry in reported}
    assert {"Handlungsoption", "Kommentar"} <= {str(kind) for kind in kinds}
    assert len(addresses) == len(reported)


def test_an_items_flags_go_with_it_and_the_cache_is_told(option, people):
    """Deleting is rare, but a deleted item leaves no flag without an item in the queue."""
    comment = services.add_comment(option, author=people["nachbarschaft"], body="Spam")
    for item in (option, comment):
        moderation.flag(item, reporter=people["mitglied"], reason="Bitte prüfen")
    option.delete()  # with its comments and supports, whose signals still find their field's scope
    assert not Flag.objects.filter(object_id__in=[option.pk, comment.pk], resolved_at=None).exists()


# --- hiding, showing again ------------------------------------------------------------------------


def test_hiding_a_hidden_item_again_is_refused_by_the_rules(option, people):
    moderation.hide(option, moderator=people["moderation"], reason="Werbung")
    assert not may(people["admin"], "hide", option)
    with pytest.raises(PermissionDenied):
        moderation.hide(option, moderator=people["admin"], reason="Doppelt")
    option.refresh_from_db()
    assert (option.hidden_reason, option.hidden_by) == ("Werbung", people["moderation"].user)
    assert AuditEntry.objects.filter(action="contribution.hidden", target_id=option.pk).count() == 1


def test_a_hiding_that_crosses_another_is_refused_by_the_service(option, people):
    """Two moderators open the hide form at once: the second finds the item hidden when saving."""
    stale = Contribution.objects.get(pk=option.pk)
    moderation.hide(option, moderator=people["moderation"], reason="Werbung")
    with pytest.raises(ValidationError, match="bereits ausgeblendet"):
        moderation.hide(stale, moderator=people["admin"], reason="Doppelt")
    assert Contribution.objects.get(pk=option.pk).hidden_reason == "Werbung"


def test_showing_an_item_that_shows_is_refused(option, people):
    assert not may(people["moderation"], "show", option)
    with pytest.raises(PermissionDenied):
        moderation.show(option, moderator=people["moderation"], reason="x")
    assert not AuditEntry.objects.filter(action="contribution.shown", target_id=option.pk).exists()


# --- one report per person and item ---------------------------------------------------------------


def test_a_person_reports_an_item_once_and_hears_so_the_second_time(option, people):
    moderation.flag(option, reporter=people["mitglied"], reason="Werbung")
    with pytest.raises(ValidationError, match="bereits gemeldet"):
        moderation.flag(option, reporter=people["mitglied"], reason="Immer noch Werbung")
    moderation.flag(option, reporter=people["expertin"], reason="Werbung")  # another person may
    assert Flag.objects.of(option).count() == 2


def test_the_database_holds_one_report_per_person_and_item(option, people):
    moderation.flag(option, reporter=people["mitglied"], reason="Werbung")
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(municipality=option.municipality, item=option, reporter=people["mitglied"].user)


def test_a_dismissed_report_is_not_sent_again(option, people):
    flag = moderation.flag(option, reporter=people["mitglied"], reason="Werbung")
    moderation.dismiss_flags(option, moderator=people["moderation"])
    with pytest.raises(ValidationError):
        moderation.flag(option, reporter=people["mitglied"], reason="Werbung!")
    assert list(Flag.objects.of(option)) == [flag]


# --- the author's request for a review ------------------------------------------------------------


@pytest.fixture
def hidden_comment(option, people):
    comment = services.add_comment(option, author=people["mitglied"], body="Meine Nummer: 0171 0000000")
    return moderation.hide(comment, moderator=people["moderation"], reason="Telefonnummer")


def test_the_author_of_a_hidden_item_asks_once_for_a_review(hidden_comment, people):
    review = moderation.request_review(hidden_comment, author=people["mitglied"], text="Es ist meine eigene.")
    assert (review.item, review.requester, review.hidden_at) == (
        hidden_comment,
        people["mitglied"].user,
        hidden_comment.hidden_at,
    )
    with pytest.raises(ValidationError, match="bereits um eine Überprüfung gebeten"):
        moderation.request_review(hidden_comment, author=people["mitglied"], text="Bitte!")
    assert ReviewRequest.objects.of(hidden_comment).count() == 1
    entry = AuditEntry.objects.get(action="review.requested", target_id=hidden_comment.pk)
    assert entry.action_label == "Überprüfung einer Ausblendung erbeten"


def test_only_the_author_asks_for_a_review_and_only_while_hidden(hidden_comment, option, people, stranger):
    for person in (people["expertin"], people["moderation"], stranger, None):
        assert not may(person, "request_review", hidden_comment)
        with pytest.raises(PermissionDenied):
            moderation.request_review(hidden_comment, author=person, text="")
    shown = services.add_comment(option, author=people["mitglied"], body="Sichtbar")
    assert not may(people["mitglied"], "request_review", shown)
    assert not ReviewRequest.objects.of(hidden_comment).exists()


def test_nobody_asks_for_a_review_of_words_handed_in_on_paper(option, people):
    on_paper = services.add_comment(
        option,
        author=people["moderation"],
        body="Vom Workshop",
        paper_author="Frau K.",
        paper_occasion="Workshop",
    )
    moderation.hide(on_paper, moderator=people["admin"], reason="Name einer Dritten")
    assert not may(people["moderation"], "request_review", on_paper)


def test_showing_again_answers_the_review_request_with_its_reason(hidden_comment, people):
    review = moderation.request_review(hidden_comment, author=people["mitglied"], text="")
    moderation.show(
        hidden_comment, moderator=people["moderation"], reason="Eigene Nummer, das ist in Ordnung"
    )
    review.refresh_from_db()
    assert (review.outcome, review.decision, review.resolved_by) == (
        "shown",
        "Eigene Nummer, das ist in Ordnung",
        people["moderation"].user,
    )


def test_keeping_it_hidden_answers_the_review_request_with_a_reason_for_the_author(hidden_comment, people):
    review = moderation.request_review(hidden_comment, author=people["mitglied"], text="")
    moderation.keep_hidden(review, moderator=people["admin"], reason="Telefonnummern gehören nicht hierher")
    review.refresh_from_db()
    assert (review.outcome, review.decision) == ("kept", "Telefonnummern gehören nicht hierher")
    assert Comment.objects.get(pk=hidden_comment.pk).is_hidden
    assert not may(people["moderation"], "resolve_review", review)
    with pytest.raises(PermissionDenied):
        moderation.keep_hidden(review, moderator=people["moderation"], reason="Noch einmal")
    entry = AuditEntry.objects.get(action="review.kept", target_id=hidden_comment.pk)
    assert entry.details == {"reason": "Telefonnummern gehören nicht hierher"}


def test_a_new_hiding_may_be_reviewed_again(hidden_comment, people):
    moderation.request_review(hidden_comment, author=people["mitglied"], text="")
    moderation.show(hidden_comment, moderator=people["moderation"], reason="In Ordnung")
    moderation.hide(hidden_comment, moderator=people["moderation"], reason="Jetzt mit fremder Nummer")
    moderation.request_review(hidden_comment, author=people["mitglied"], text="Wieder meine")
    assert ReviewRequest.objects.of(hidden_comment).count() == 2


# --- the queue ----------------------------------------------------------------------------------


def test_the_queue_groups_reports_per_item_oldest_first_with_counts(town, option, people, hidden_comment):
    from datetime import timedelta

    from django.utils import timezone

    cafe = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    moderation.flag(option, reporter=people["mitglied"], reason="Werbung")
    moderation.flag(option, reporter=people["expertin"], reason="Ein Geschäft")
    week_ago = timezone.now() - timedelta(days=7)
    Flag.objects.of(option).filter(reporter=people["mitglied"].user).update(created_at=week_ago)
    rows = moderation.with_items_and_flags(moderation.reported_items(town))
    assert [entry.item for entry in rows] == [option, cafe]  # the demo's café flag is younger than a week
    first = rows[0]
    assert (first.count, first.first) == (2, week_ago)
    assert first.last > week_ago
    assert sorted(flag.reason for flag in first.flags) == ["Ein Geschäft", "Werbung"]
