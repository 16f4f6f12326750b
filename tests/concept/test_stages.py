"""Admins define fields and stages; admins and moderators open and close stages."""

import pytest
from django.db import IntegrityError, transaction

from ankommen.concept import services
from ankommen.concept.models import Field, Stage
from ankommen.core.models import AuditEntry


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def test_opening_a_stage_closes_the_fields_open_one(wohnen, people):
    stocktaking = wohnen.stages.get(kind="stocktaking")
    options = wohnen.stages.get(kind="options")
    services.open_stage(options, actor=people["moderation"])
    stocktaking.refresh_from_db()
    options.refresh_from_db()
    assert (stocktaking.status, options.status) == ("closed", "open")
    actions = list(AuditEntry.objects.filter(target_type="concept.stage").values_list("action", "target_id"))
    assert ("stage.closed", stocktaking.pk) in actions
    assert ("stage.opened", options.pk) in actions


def test_database_refuses_two_open_stages_in_one_field(wohnen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.filter(field=wohnen).update(status="open")


def test_database_refuses_a_stage_that_ends_before_it_starts(wohnen):
    stage = wohnen.stages.get(kind="options")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.filter(pk=stage.pk).update(ends_on="2000-01-01")


def test_admin_creates_a_stage_with_rules(client_as, wohnen):
    response = client_as("admin").post(
        f"/verwaltung/handlungsfelder/{wohnen.slug}/stufen/neu/",
        {
            "kind": "decision",
            "description": "Der Ausschuss berät.",
            "starts_on": "2027-04-01",
            "ends_on": "2027-04-30",
            "position": "2",
            "comment_roles": ["member", "expert"],
        },
    )
    assert response.status_code == 302
    stage = wohnen.stages.get(kind="decision")
    assert stage.comment_roles == ["member", "expert"]
    assert stage.support_roles == []
    assert not stage.is_public
    assert stage.status == "planned"
    assert AuditEntry.objects.filter(action="stage.created", target_id=stage.pk).exists()


def test_new_stage_form_offers_the_kinds_default_rules(client_as, wohnen):
    page = client_as("admin").get(f"/verwaltung/handlungsfelder/{wohnen.slug}/stufen/neu/?kind=options")
    form = page.context["form"]
    assert form.initial["contribute_roles"] == ["multiplier", "admin"]


def test_stage_page_shows_open_stage_and_its_rules(client, wohnen):
    page = client.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "läuft" in page
    assert "Befunde einbringen:" in page
    assert "Fachexpert:innen, Administration" in page
    assert "geplant" in page


def test_moderator_opens_and_closes_from_the_field_page(client_as, wohnen):
    client = client_as("moderation")
    page = client.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "Schließen" in page
    stocktaking = wohnen.stages.get(kind="stocktaking")
    client.post(f"/stufen/{stocktaking.pk}/schliessen/", {"next": "/handlungsfelder/wohnen-und-leben/"})
    stocktaking.refresh_from_db()
    assert stocktaking.status == "closed"


def test_visitor_sees_no_stage_switches(client, wohnen):
    assert "Schließen" not in client.get("/handlungsfelder/wohnen-und-leben/").content.decode()


def test_members_only_stage_hides_its_contributions_from_visitors(client, client_as, wohnen):
    wohnen.stages.update(is_public=False)
    visitor_page = client.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "Begegnungscafé im Stadtteilzentrum" not in visitor_page
    assert "nur für Mitglieder sichtbar" in visitor_page
    contribution = wohnen.contributions.get(title="Begegnungscafé im Stadtteilzentrum")
    assert client.get(contribution.get_absolute_url())["Location"].startswith("/konto/login/")
    member_page = client_as("mitglied").get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "Begegnungscafé im Stadtteilzentrum" in member_page


def test_admin_edits_a_field(client_as, wohnen):
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/",
        {"name": "Wohnen und Leben", "slug": "wohnen", "summary": "Neu gefasst", "position": "1"},
    )
    assert response["Location"] == "/verwaltung/handlungsfelder/wohnen/"
    wohnen.refresh_from_db()
    assert (wohnen.slug, wohnen.summary) == ("wohnen", "Neu gefasst")
    assert AuditEntry.objects.filter(action="field.updated", target_id=wohnen.pk).exists()
