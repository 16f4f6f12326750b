"""Moderation of anything people write: flags, hiding with a visible trace, showing again, dismissing."""

import pytest
from django.core.exceptions import PermissionDenied

from ankommen.core import moderation
from ankommen.core.models import AuditEntry, Flag
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


def test_dismissing_a_flag_is_audited(option, people):
    flag = moderation.flag(option, reporter=people["mitglied"], reason="Falsch")
    moderation.dismiss_flag(flag, moderator=people["moderation"])
    flag.refresh_from_db()
    assert flag.outcome == "dismissed"
    entry = AuditEntry.objects.get(action="flag.dismissed", target_id=flag.pk)
    assert (entry.target_type, entry.action_label) == ("core.flag", "Meldung zurückgewiesen")


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
        flags = list(moderation.queue(town))
        kinds = {flag.item.moderation_kind for flag in flags}
        addresses = {flag.item.get_absolute_url() for flag in flags}
    assert {"Handlungsoption", "Kommentar"} <= {str(kind) for kind in kinds}
    assert len(addresses) == len(flags)


def test_an_items_flags_go_with_it_and_the_cache_is_told(option, people):
    """Deleting is rare, but a deleted item leaves no flag without an item in the queue."""
    comment = services.add_comment(option, author=people["nachbarschaft"], body="Spam")
    for item in (option, comment):
        moderation.flag(item, reporter=people["mitglied"], reason="Bitte prüfen")
    option.delete()  # with its comments and supports, whose signals still find their field's scope
    assert not Flag.objects.filter(object_id__in=[option.pk, comment.pk], resolved_at=None).exists()
