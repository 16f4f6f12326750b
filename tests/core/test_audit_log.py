"""Admins read and filter the audit log of their town."""

from ankommen.concept import services as concept_services
from ankommen.concept.models import Stage
from ankommen.core.models import AuditEntry


def _close_wohnen(people, town):
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    concept_services.close_stage(stage, actor=people["moderation"])
    return stage


def test_audit_log_lists_changes_with_actor_action_and_object(client_as, people, town):
    _close_wohnen(people, town)
    page = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert "Stufe geschlossen" in page
    assert "Murat Yılmaz" in page
    assert "Wohnen und Leben: Bestandsaufnahme" in page


def test_audit_log_filters_by_action_and_actor(client_as, people, town):
    _close_wohnen(people, town)
    concept_services.update_field(
        Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking").field,
        actor=people["admin"],
        summary="Neu",
    )
    client = client_as("admin")
    by_action = client.get("/verwaltung/protokoll/?action=stage.closed").context["page_obj"]
    assert {entry.action for entry in by_action} == {"stage.closed"}
    by_actor = client.get("/verwaltung/protokoll/?person=keller").context["page_obj"]
    assert {entry.action for entry in by_actor} == {"field.updated"}


def test_audit_log_refuses_a_period_that_ends_before_it_starts(client_as, people, town):
    _close_wohnen(people, town)
    response = client_as("admin").get("/verwaltung/protokoll/?since=2026-12-31&until=2026-01-01")
    assert "Das Ende des Zeitraums muss am oder nach seinem Anfang liegen." in response.content.decode()
    assert len(response.context["page_obj"]) == 0


def test_audit_log_shows_only_own_town(client, stranger, people, town):
    _close_wohnen(people, town)
    client.force_login(stranger.user)
    from tests.conftest import OTHER_HOST

    page = client.get("/verwaltung/protokoll/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Wohnen und Leben: Bestandsaufnahme" not in page
    assert AuditEntry.objects.filter(municipality=town).exists()
