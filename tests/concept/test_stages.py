"""Admins define fields and stages; admins and moderators open and close stages."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ankommen.concept import services
from ankommen.concept.models import Field, Stage
from ankommen.core.models import AuditEntry


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def test_opening_a_stage_closes_the_fields_open_one_it_was_told_of(wohnen, people):
    stocktaking = wohnen.stages.get(kind="stocktaking")
    options = wohnen.stages.get(kind="options")
    services.open_stage(options, actor=people["moderation"], closing=stocktaking)
    stocktaking.refresh_from_db()
    options.refresh_from_db()
    assert (stocktaking.status, options.status) == ("closed", "open")
    actions = list(AuditEntry.objects.filter(target_type="concept.stage").values_list("action", "target_id"))
    assert ("stage.closed_by_opening", stocktaking.pk) in actions
    assert ("stage.opened", options.pk) in actions


def test_opening_changes_nothing_when_another_stage_runs_than_the_one_confirmed(wohnen, people):
    options = wohnen.stages.get(kind="options")
    with pytest.raises(services.StageToCloseChanged) as refused:
        services.open_stage(options, actor=people["moderation"], closing=None)
    assert refused.value.running.kind == "stocktaking"
    assert list(wohnen.stages.order_by("kind").values_list("status", flat=True)) == ["planned", "open"]


def test_opening_and_closing_set_the_dates_so_they_never_contradict_the_state(wohnen, people):
    today = timezone.localdate()
    stocktaking = wohnen.stages.get(kind="stocktaking")
    options = wohnen.stages.get(kind="options")
    assert options.starts_on > today and stocktaking.ends_on > today
    services.open_stage(options, actor=people["moderation"], closing=stocktaking)
    stocktaking.refresh_from_db()
    options.refresh_from_db()
    assert options.starts_on == today <= options.ends_on
    assert stocktaking.ends_on == today
    services.close_stage(options, actor=people["moderation"])
    options.refresh_from_db()
    assert (options.starts_on, options.ends_on) == (today, today)
    audit = AuditEntry.objects.filter(action="stage.closed", target_id=options.pk).get()
    assert audit.details == {"starts_on": today.isoformat(), "ends_on": today.isoformat()}


def test_a_stage_whose_period_has_passed_is_not_opened(wohnen, people):
    options = wohnen.stages.get(kind="options")
    Stage.objects.filter(pk=options.pk).update(starts_on="2025-01-01", ends_on="2025-02-01")
    options.refresh_from_db()
    with pytest.raises(ValidationError, match="endete am 01.02.2025"):
        services.open_stage(options, actor=people["admin"], closing=wohnen.stages.get(kind="stocktaking"))
    assert wohnen.stages.get(kind="stocktaking").status == "open"


def test_opening_is_refused_where_the_new_period_would_overlap_another_stage(wohnen, people):
    today = timezone.localdate()
    options = wohnen.stages.get(kind="options")
    Stage.objects.create(
        municipality=wohnen.municipality,
        field=wohnen,
        kind="decision",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=20),
    )
    with pytest.raises(ValidationError, match="überschneiden"):
        services.open_stage(options, actor=people["admin"], closing=wohnen.stages.get(kind="stocktaking"))
    assert wohnen.stages.get(kind="options").status == "planned"


def _open_url(stage):
    return f"/stufen/{stage.pk}/oeffnen/"


def test_opening_asks_first_and_names_the_stage_that_will_close(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    client = client_as("moderation")
    response = client.post(_open_url(options), {"next": "/handlungsfelder/wohnen-und-leben/"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "läuft gerade die Stufe „Bestandsaufnahme“" in page
    assert "Öffnen und „Bestandsaufnahme“ schließen" in page
    assert list(wohnen.stages.order_by("kind").values_list("status", flat=True)) == ["planned", "open"]
    assert 'href="/handlungsfelder/wohnen-und-leben/">Zurück, ohne etwas zu ändern' in page
    assert client.get(_open_url(options)).content.decode().count("„Bestandsaufnahme“ schließen") == 1


def test_the_confirmation_leads_back_only_within_the_site(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    page = client_as("moderation").post(_open_url(options), {"next": "https://example.org/"}).content.decode()
    assert 'href="https://example.org/"' not in page
    assert 'href="/handlungsfelder/wohnen-und-leben/">Zurück, ohne etwas zu ändern' in page


def test_confirming_opens_the_stage_closes_the_other_and_the_public_page_agrees(client_as, wohnen):
    stocktaking = wohnen.stages.get(kind="stocktaking")
    options = wohnen.stages.get(kind="options")
    client = client_as("moderation")
    response = client.post(
        _open_url(options), {"closes": stocktaking.pk, "next": "/handlungsfelder/wohnen-und-leben/"}
    )
    assert response["Location"] == "/handlungsfelder/wohnen-und-leben/"
    assert list(wohnen.stages.order_by("kind").values_list("status", flat=True)) == ["open", "closed"]
    text = " ".join(client.get("/handlungsfelder/wohnen-und-leben/").content.decode().split())
    today = timezone.localdate().strftime("%d.%m.%Y")
    started = stocktaking.starts_on.strftime("%d.%m.%Y")
    assert f"abgeschlossen · {started} bis {today}" in text
    assert f"läuft · {today} bis" in text


def test_a_confirmation_for_a_stage_that_no_longer_runs_asks_again(client_as, wohnen, people):
    options = wohnen.stages.get(kind="options")
    response = client_as("admin").post(_open_url(options), {"closes": ""})
    assert response.status_code == 200
    assert "Inzwischen läuft eine andere Stufe." in response.content.decode()
    assert wohnen.stages.get(kind="options").status == "planned"


def test_a_stage_with_nothing_running_opens_at_once(client_as, town):
    stage = Stage.objects.get(municipality=town, field__slug="fruehkindliche-und-schulische-bildung")
    response = client_as("admin").post(_open_url(stage))
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.status == "open"
    assert stage.starts_on == timezone.localdate()


def test_members_who_may_not_run_stages_change_nothing_by_confirming(client_as, wohnen):
    stocktaking = wohnen.stages.get(kind="stocktaking")
    options = wohnen.stages.get(kind="options")
    for role in ("mitglied", "expertin", "multiplikator"):
        assert client_as(role).post(_open_url(options), {"closes": stocktaking.pk}).status_code == 403
        assert client_as(role).get(_open_url(options)).status_code == 403
    assert list(wohnen.stages.order_by("kind").values_list("status", flat=True)) == ["planned", "open"]


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
            "starts_on": "2028-04-01",
            "ends_on": "2028-04-30",
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


def test_a_planned_stage_whose_start_has_come_says_nobody_opened_it(client, wohnen):
    options = wohnen.stages.get(kind="options")
    Stage.objects.filter(pk=options.pk).update(starts_on=timezone.localdate())
    text = " ".join(client.get("/handlungsfelder/wohnen-und-leben/").content.decode().split())
    assert "geplant, noch nicht geöffnet ·" in text
