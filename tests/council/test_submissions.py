"""Submissions from draft to measures: versions that never overwrite each other, co-signatures bound to a
version, decisions whose outcome follows the votes, and what the public sees of a private matter."""

import pytest
from django.core.exceptions import ValidationError

from ankommen.circle.models import Organisation, OrganisationMembership
from ankommen.council import services
from ankommen.council.models import (
    Committee,
    Consultation,
    CoSignature,
    Decision,
    Measure,
    Submission,
    SubmissionVersion,
    touch_parents,
)
from ankommen.dialogue.answers import AnswerState
from ankommen.dialogue.models import Contribution

PARTS = {
    "subject": "Sprachcafé in der Stadtbücherei",
    "paper_type": "submission",
    "date": "2026-12-07",
    "decision_proposal": "Der Ausschuss beschließt ein wöchentliches Sprachcafé.",
    "external_participation": "",
    "financial_impact": "2.000 Euro im Jahr",
    "coverage_proposal": "",
    "statement": "Warum\nViele üben gern im Gespräch.",
    "is_public": "on",
    "nonpublic_reason": "",
}


def _committee(town):
    return Committee.objects.get(municipality=town, short_name="ASI")


def _draft(town):
    return Submission.objects.get(municipality=town, subject__startswith="Ausbildungspatenschaften")


@pytest.fixture
def draft(town, people):
    """A draft with its committee, its first version kept, the finance department asked to co-sign."""
    item = services.create_submission(
        town,
        actor=people["admin"],
        subject="Sprachcafé in der Stadtbücherei",
        decision_proposal="Der Ausschuss beschließt ein wöchentliches Sprachcafé.",
    )
    services.save_consultation(
        Consultation(municipality=town, submission=item), actor=people["admin"], committee=_committee(town)
    )
    finance = Organisation.objects.get(municipality=town, slug="fachbereich-finanzen")
    OrganisationMembership.objects.get_or_create(
        municipality=town, organisation=finance, member=people["multiplikator"]
    )
    services.request_cosignature(item, actor=people["admin"], department=finance)
    item.refresh_from_db()
    return item


def test_a_new_submission_gets_the_next_number_of_its_year_and_its_first_version(town, people):
    item = services.create_submission(
        town, actor=people["admin"], subject="Lernpaten", date=_draft(town).date
    )
    year = item.date.year
    assert item.reference.startswith(f"{year}/") and item.reference != _draft(town).reference
    assert list(item.versions.values_list("number", flat=True)) == [1]


def test_the_second_of_two_editors_is_refused_with_who_saved_and_nothing_is_lost(
    client_as, town, people, draft
):
    editor = f"/verwaltung/vorlagen/{draft.pk}/"
    opened = draft.version
    first = client_as("admin").post(
        editor, {**PARTS, "subject": "Sprachcafé, erste Fassung", "version": opened}
    )
    assert first.status_code == 302
    second = client_as("admin").post(
        editor, {**PARTS, "subject": "Sprachcafé, zweite Fassung", "version": opened}
    )
    assert second.status_code == 400
    page = second.content.decode()
    assert "Sabine Keller hat am" in page and "Ihre Änderungen sind nicht gespeichert" in page
    assert "Sprachcafé, erste Fassung" in page  # what the other one changed, shown
    assert 'value="Sprachcafé, zweite Fassung"' in page  # the editor's own text, kept in the form
    draft.refresh_from_db()
    assert draft.subject == "Sprachcafé, erste Fassung"
    # Saving again, knowingly, goes over it; every version stays.
    third = client_as("admin").post(
        editor, {**PARTS, "subject": "Sprachcafé, zweite Fassung", "version": draft.version}
    )
    assert third.status_code == 302
    subjects = [
        v.parts["subject"] for v in SubmissionVersion.objects.filter(submission=draft).order_by("number")
    ]
    assert subjects[-2:] == ["Sprachcafé, erste Fassung", "Sprachcafé, zweite Fassung"]


def test_a_save_that_changes_nothing_is_no_new_version(town, people, draft):
    before = draft.version
    services.save_submission(draft, actor=people["admin"], version=before, subject=draft.subject)
    draft.refresh_from_db()
    assert draft.version == before


def test_versions_are_compared_part_by_part(client_as, town, people, draft):
    services.save_submission(
        draft, actor=people["admin"], version=draft.version, statement="Neu\nGanz anders."
    )
    draft.refresh_from_db()
    page = client_as("admin").get(
        f"/verwaltung/vorlagen/{draft.pk}/fassungen/", {"von": draft.version - 1, "bis": draft.version}
    )
    text = page.content.decode()
    assert "Sachdarstellung und Begründung" in text and "Ganz anders." in text


def test_a_cosignature_binds_the_version_signed_and_an_edit_makes_it_stale(town, people, draft):
    cosignature = draft.cosignatures.get()
    assert not services_may_release(people, draft)
    services.cosign(cosignature, actor=people["multiplikator"], signed=True)
    draft = Submission.objects.get(pk=draft.pk)
    assert services_may_release(people, draft)
    services.save_submission(
        draft, actor=people["admin"], version=draft.version, subject="Sprachcafé, geändert"
    )
    draft = Submission.objects.get(pk=draft.pk)
    assert draft.cosignatures.get().is_stale
    assert not services_may_release(people, draft)
    with pytest.raises(Exception, match="release_submission"):
        services.release_submission(draft, actor=people["admin"])


def services_may_release(people, submission):
    from ankommen.core.rules import may

    return may(people["admin"], "release_submission", submission)


def test_a_decline_needs_a_reason_and_holds_the_release(town, people, draft):
    cosignature = draft.cosignatures.get()
    with pytest.raises(ValidationError):
        services.cosign(cosignature, actor=people["multiplikator"], signed=False, comment="")
    services.cosign(
        cosignature, actor=people["multiplikator"], signed=False, comment="Die Mittel fehlen 2027."
    )
    assert not services_may_release(people, Submission.objects.get(pk=draft.pk))
    # Only the department's members sign for it.
    from ankommen.core.rules import may

    assert not may(people["mitglied"], "cosign", cosignature)


def _released(town, people, draft):
    services.cosign(draft.cosignatures.get(), actor=people["multiplikator"], signed=True)
    draft = Submission.objects.get(pk=draft.pk)
    services.release_submission(draft, actor=people["admin"])
    return Submission.objects.get(pk=draft.pk)


@pytest.mark.parametrize(
    ("outcome", "votes", "field"),
    [
        ("adopted", (5, 5, 1), "outcome"),  # a tie rejects
        ("adopted", (3, 6, 0), "outcome"),
        ("rejected", (7, 2, 0), "outcome"),
        ("adopted", (None, None, None), "votes_yes"),
        ("adopted_with_changes", (7, 2, 0), "wording"),
        ("referred", (None, None, None), "next_committee"),
    ],
)
def test_the_outcome_must_agree_with_the_votes(town, people, draft, outcome, votes, field):
    item = _released(town, people, draft)
    yes, no, abstain = votes
    with pytest.raises(ValidationError) as refused:
        services.record_decision(
            item.consultations.get(),
            actor=people["admin"],
            outcome=outcome,
            votes_yes=yes,
            votes_no=no,
            votes_abstain=abstain,
        )
    assert field in refused.value.message_dict
    assert not Decision.objects.filter(consultation__submission=item).exists()


def test_unanimous_is_computed_and_a_postponement_adds_the_next_consultation(town, people, draft):
    item = _released(town, people, draft)
    first = item.consultations.get()
    postponed = services.record_decision(first, actor=people["admin"], outcome="postponed")
    assert not postponed.is_unanimous
    follow = Consultation.objects.get(follows=first)
    assert follow.committee == first.committee and item.status == "released"
    decision = services.record_decision(
        follow, actor=people["admin"], outcome="adopted", votes_yes=12, votes_no=0, votes_abstain=0
    )
    assert decision.is_unanimous
    assert Submission.objects.get(pk=item.pk).status == "decided"


def test_recommendations_taken_up_are_answered_in_submission_then_with_the_outcome(town, people):
    recommendation = Contribution.objects.get(
        municipality=town, title="Ausbildungspatenschaften durch Ehrenamtliche ausbauen"
    )
    item = services.create_submission(
        town, actor=people["admin"], subject="Patenschaften", recommendations=[recommendation]
    )
    recommendation.refresh_from_db()
    assert recommendation.answer_state == AnswerState.IN_SUBMISSION
    services.save_consultation(
        Consultation(municipality=town, submission=item), actor=people["admin"], committee=_committee(town)
    )
    item = Submission.objects.get(pk=item.pk)
    services.release_submission(item, actor=people["admin"])
    services.record_decision(
        item.consultations.get(),
        actor=people["admin"],
        outcome="adopted",
        votes_yes=9,
        votes_no=1,
        votes_abstain=1,
    )
    recommendation.refresh_from_db()
    assert recommendation.answer_state == AnswerState.ADOPTED


def test_a_measure_follows_only_an_adopted_decision_and_shows_late_in_red(client, town, people):
    seed = Submission.objects.get(municipality=town, reference="2017/045")
    decision = seed.consultations.get().decision
    measure = services.save_measure(
        Measure(municipality=town, decision=decision),
        actor=people["admin"],
        title="Sprachpatenschaften",
        due_on=None,
    )
    assert measure.slug == "sprachpatenschaften"
    rejected = Decision(municipality=town, consultation=decision.consultation, outcome="rejected")
    with pytest.raises(ValidationError):
        services.save_measure(
            Measure(municipality=town, decision=rejected), actor=people["admin"], title="Nichts"
        )
    page = client.get("/massnahmen/").content.decode()
    assert "verspätet, ohne Begründung" in page  # the demo's brochure is late and says not why
    assert "verzögert, begründet" in page


def test_a_private_matter_shows_on_the_public_agenda_only_as_such_and_later_its_announced_wording(
    client, town
):
    matter = Submission.objects.get(municipality=town, reference="2017/046")
    meeting = matter.consultations.get().meeting
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Nichtöffentlicher Tagesordnungspunkt" in page
    assert matter.subject not in page
    assert "Die Stadt mietet zwei Wohnungen" in page  # the announcement, word for word
    assert client.get(matter.get_absolute_url()).status_code == 302  # a visitor is asked to log in
    assert client.get(f"/gemeinderat/vorlagen/{matter.pk}/pdf/").status_code == 404  # no document to see


def test_a_childs_change_moves_its_parents_modified_and_a_save_that_changes_nothing_does_not(town):
    seed = Submission.objects.get(municipality=town, reference="2017/045")
    row = seed.consultations.get()
    before = Submission.objects.get(pk=seed.pk).modified
    row.save()  # nothing changed
    assert Submission.objects.get(pk=seed.pk).modified == before
    row.position = 2
    row.save()
    after = Submission.objects.get(pk=seed.pk).modified
    assert after > before
    assert row.meeting.__class__.objects.get(pk=row.meeting_id).modified == after
    touch_parents([])  # nothing to move


def test_the_field_page_shows_its_submissions_and_measures(client, town):
    page = client.get("/handlungsfelder/wirtschaft-und-berufliche-bildung/").content.decode()
    assert "Beschluss und Umsetzung" in page
    assert "Handlungsfeld Wirtschaft und berufliche Bildung bearbeiten" in page
    # The draft is not public yet.
    assert (
        "Ausbildungspatenschaften durch Ehrenamtliche ausbauen</a>"
        not in page.split("Beschluss und Umsetzung")[1]
    )


def test_the_departments_member_finds_what_to_cosign(client_as, town, people, draft):
    page = client_as("multiplikator").get("/konto/mitzeichnungen/").content.decode()
    assert draft.reference in page
    response = client_as("multiplikator").post(
        f"/vorlagen/mitzeichnung/{draft.cosignatures.get().pk}/", {"signed": "1"}
    )
    assert response.status_code == 302
    assert CoSignature.objects.get(submission=draft).version == draft.version


def test_the_search_finds_public_submissions_and_private_ones_only_for_the_admins(client_as, town):
    from ankommen.core.search import rebuild

    rebuild(town)
    visitor = client_as(None).get("/suche/", {"q": "Integrationskonzept"}).content.decode()
    assert "Vorstellung Integrationskonzept" in visitor
    assert "Anmietung von Wohnraum" not in client_as(None).get("/suche/", {"q": "Anmietung"}).content.decode()
    assert "Anmietung von Wohnraum" in client_as("admin").get("/suche/", {"q": "Anmietung"}).content.decode()


def test_who_follows_the_field_hears_what_the_council_decided(town, people):
    from django.contrib.contenttypes.models import ContentType

    from ankommen.concept.models import Field
    from ankommen.core.models import Follow, Notification

    field = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    Follow.objects.get_or_create(
        municipality=town,
        user=people["mitglied"].user,
        content_type=ContentType.objects.get_for_model(Field),
        object_id=field.pk,
    )
    item = services.create_submission(town, actor=people["admin"], subject="Lernpaten", field=field)
    services.save_consultation(
        Consultation(municipality=town, submission=item), actor=people["admin"], committee=_committee(town)
    )
    item = Submission.objects.get(pk=item.pk)
    services.release_submission(item, actor=people["admin"])
    decision = services.record_decision(
        item.consultations.get(),
        actor=people["admin"],
        outcome="adopted",
        votes_yes=9,
        votes_no=0,
        votes_abstain=0,
    )
    told = Notification.objects.get(recipient=people["mitglied"].user, kind="council.decided")
    assert told.event == f"decision:{decision.pk}"


def test_a_decision_moves_its_agenda_item_meeting_and_paper_and_a_new_place_its_meetings(town, people):
    from ankommen.council.models import AgendaItem, Location, Meeting

    report = Submission.objects.get(municipality=town, reference="2026/011")
    row = report.consultations.get()
    item = AgendaItem.objects.get(consultation=row)
    before = {
        model: model.objects.get(pk=pk).modified
        for model, pk in ((AgendaItem, item.pk), (Meeting, row.meeting_id), (Submission, report.pk))
    }
    services.record_decision(row, actor=people["admin"], outcome="noted")
    for model, pk in ((AgendaItem, item.pk), (Meeting, row.meeting_id), (Submission, report.pk)):
        assert model.objects.get(pk=pk).modified > before[model], model
    place = Location.objects.get(pk=row.meeting.location_id)
    meeting_before = Meeting.objects.get(pk=row.meeting_id).modified
    place.description = "Rathaus, Kleiner Sitzungssaal"
    place.save()
    assert Meeting.objects.get(pk=row.meeting_id).modified > meeting_before
