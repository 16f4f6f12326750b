"""Admins archive a field or a stage instead of deleting it, and take it back out of the archive."""

import pytest
from django.test import Client

from ankommen.concept import services
from ankommen.concept.models import Field, Stage
from ankommen.core.models import AuditEntry
from ankommen.dialogue.models import Contribution
from tests.permissions import assert_nothing_written, snapshot


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_admin_is_asked_before_a_field_is_archived(client_as, wohnen):
    page = client_as("admin").get("/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "„Wohnen und Leben“ archivieren?" in text
    assert "Nichts geht verloren" in text
    assert not _fresh(wohnen).is_archived


def test_admin_archives_a_field_its_open_stage_closes_and_both_are_audited(client_as, wohnen, people):
    open_stage = wohnen.stages.get(status="open")
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/", follow=True
    )
    assert "Das Handlungsfeld „Wohnen und Leben“ ist archiviert." in response.content.decode()
    assert _fresh(wohnen).is_archived
    assert _fresh(open_stage).status == "closed"
    actions = set(AuditEntry.objects.filter(actor=people["admin"].user).values_list("action", "target_id"))
    assert ("field.archived", wohnen.pk) in actions
    assert ("stage.closed", open_stage.pk) in actions
    log = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert "Handlungsfeld archiviert" in log


def test_an_archived_field_leaves_the_home_page_and_moves_to_the_admins_archive(
    client, client_as, wohnen, people
):
    assert 'href="/handlungsfelder/wohnen-und-leben/"' in client.get("/").content.decode()
    services.archive_field(wohnen, actor=people["admin"])
    assert 'href="/handlungsfelder/wohnen-und-leben/"' not in client.get("/").content.decode()
    page = client_as("admin").get("/verwaltung/handlungsfelder/")
    assert [field.slug for field in page.context["archived_fields"]] == ["wohnen-und-leben"]
    assert "wohnen-und-leben" not in [field.slug for field in page.context["fields"]]
    assert "/verwaltung/handlungsfelder/wohnen-und-leben/zurueckholen/" in page.content.decode()


def test_an_archived_fields_page_is_readable_with_a_notice(client, wohnen, people):
    services.archive_field(wohnen, actor=people["admin"])
    page = client.get("/handlungsfelder/wohnen-und-leben/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Dieses Handlungsfeld ist archiviert." in text
    assert "Lange Wartezeiten auf eine Sozialwohnung" in text
    contribution = Contribution.objects.get(title="Lange Wartezeiten auf eine Sozialwohnung")
    page = client.get(f"/handlungsfelder/wohnen-und-leben/beitraege/{contribution.pk}/")
    assert page.status_code == 200
    assert "Dieses Handlungsfeld ist archiviert." in page.content.decode()


def test_nobody_writes_in_an_archived_field(client_as, wohnen, people):
    """Contributing, commenting, supporting and opening a stage are refused, and change nothing."""
    stage = wohnen.stages.get(status="open")
    contribution = Contribution.objects.filter(stage=stage).first()
    services.archive_field(wohnen, actor=people["admin"])
    expert = client_as("expertin")
    before = snapshot()
    page = expert.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "/beitragen/" not in page
    assert "/unterstuetzen/" not in page
    add = f"/handlungsfelder/wohnen-und-leben/stufen/{stage.pk}/beitragen/"
    assert expert.post(add, {"kind": "finding", "title": "Neu", "body": "Text"}).status_code == 403
    assert expert.post(f"/beitraege/{contribution.pk}/unterstuetzen/").status_code == 403
    comment = f"/handlungsfelder/wohnen-und-leben/beitraege/{contribution.pk}/"
    assert expert.post(comment, {"body": "Noch ein Gedanke"}).status_code == 403
    assert_nothing_written(before)
    for role in ("moderation", "admin"):
        client = client_as(role)
        before = snapshot()
        assert client.post(f"/stufen/{stage.pk}/oeffnen/").status_code == 403
        assert_nothing_written(before)


def test_admin_takes_a_field_out_of_the_archive_its_stages_stay_closed(client, client_as, wohnen, people):
    services.archive_field(wohnen, actor=people["admin"])
    admin = client_as("admin")
    page = admin.get("/verwaltung/handlungsfelder/wohnen-und-leben/zurueckholen/")
    assert "„Wohnen und Leben“ aus dem Archiv holen?" in page.content.decode()
    assert admin.post("/verwaltung/handlungsfelder/wohnen-und-leben/zurueckholen/").status_code == 302
    assert not _fresh(wohnen).is_archived
    assert not wohnen.stages.filter(status="open").exists()
    assert AuditEntry.objects.filter(action="field.unarchived", target_id=wohnen.pk).count() == 1
    client.logout()
    assert 'href="/handlungsfelder/wohnen-und-leben/"' in client.get("/").content.decode()


def test_an_archived_field_cannot_be_archived_again(client_as, wohnen, people):
    services.archive_field(wohnen, actor=people["admin"])
    client = client_as("admin")
    before = snapshot()
    assert client.post("/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/").status_code == 403
    assert_nothing_written(before)


def test_a_field_in_the_lists_cannot_be_taken_out_of_the_archive(client_as, wohnen):
    client = client_as("admin")
    before = snapshot()
    assert client.post("/verwaltung/handlungsfelder/wohnen-und-leben/zurueckholen/").status_code == 403
    assert_nothing_written(before)


def test_admin_archives_a_stage_it_leaves_the_fields_plan_its_contributions_stay(
    client, client_as, wohnen, people
):
    stage = wohnen.stages.get(kind="stocktaking")
    assert stage.holds_contributions()
    admin = client_as("admin")
    assert "archivieren?" in admin.get(f"/verwaltung/stufen/{stage.pk}/archivieren/").content.decode()
    response = admin.post(f"/verwaltung/stufen/{stage.pk}/archivieren/")
    assert response["Location"] == "/verwaltung/handlungsfelder/wohnen-und-leben/"
    stage = _fresh(stage)
    assert stage.is_archived
    assert stage.status == "closed"
    assert AuditEntry.objects.filter(action="stage.archived", target_id=stage.pk).count() == 1
    edit = admin.get("/verwaltung/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "(archiviert)" in edit
    assert f"/verwaltung/stufen/{stage.pk}/zurueckholen/" in edit
    client.logout()
    public = client.get("/handlungsfelder/wohnen-und-leben/")
    assert stage.pk not in [shown.pk for shown in public.context["stages"]]
    assert "Lange Wartezeiten auf eine Sozialwohnung" in public.content.decode()


def test_admin_takes_a_stage_out_of_the_archive(client_as, wohnen, people):
    stage = wohnen.stages.get(kind="options")
    services.archive_stage(stage, actor=people["admin"])
    assert client_as("admin").post(f"/verwaltung/stufen/{stage.pk}/zurueckholen/").status_code == 302
    assert not _fresh(stage).is_archived
    assert AuditEntry.objects.filter(action="stage.unarchived", target_id=stage.pk).count() == 1


def test_an_archived_stage_cannot_be_opened(client_as, wohnen, people):
    stage = wohnen.stages.get(kind="options")
    services.archive_stage(stage, actor=people["admin"])
    assert client_as("moderation").post(f"/stufen/{stage.pk}/oeffnen/").status_code == 403
    assert _fresh(stage).status == "planned"


@pytest.mark.parametrize(
    "url",
    [
        "/verwaltung/handlungsfelder/gibt-es-nicht/archivieren/",
        "/verwaltung/handlungsfelder/gibt-es-nicht/zurueckholen/",
        "/verwaltung/stufen/999999/archivieren/",
        "/verwaltung/stufen/999999/zurueckholen/",
    ],
)
def test_unknown_fields_and_stages_answer_404(client_as, url):
    client = client_as("admin")
    before = snapshot()
    assert client.post(url).status_code == 404
    assert_nothing_written(before)


def test_another_towns_stage_answers_404(client_as, other_town):
    """A field's address is the town's own (Ludwigsburg's wohnen-und-leben is not ours); a stage's id answers 404."""
    stage = Stage.objects.get(municipality=other_town)
    client = client_as("admin")
    before = snapshot()
    admin = client
    assert admin.post(f"/verwaltung/stufen/{stage.pk}/archivieren/").status_code == 404
    assert admin.post(f"/verwaltung/stufen/{stage.pk}/zurueckholen/").status_code == 404
    assert_nothing_written(before)
    assert not Field.objects.get(municipality=other_town).is_archived


def test_archiving_needs_the_csrf_token(people, wohnen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"].user)
    before = snapshot()
    assert client.post("/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/").status_code == 403
    assert client.post(f"/verwaltung/stufen/{wohnen.stages.first().pk}/archivieren/").status_code == 403
    assert_nothing_written(before)


def test_djangos_admin_deletes_no_field_and_no_stage(client, wohnen):
    """Deleting a field would take its contributions with it: even the superuser archives instead."""
    from ankommen.accounts.models import User

    superuser = User.objects.create_superuser("root@example.org", "x", display_name="Root")
    client.force_login(superuser)
    before = snapshot()
    assert client.get(f"/django-admin/concept/field/{wohnen.pk}/delete/").status_code == 403
    assert client.post(f"/django-admin/concept/field/{wohnen.pk}/delete/", {"post": "yes"}).status_code == 403
    change = client.get(f"/django-admin/concept/field/{wohnen.pk}/change/").content.decode()
    assert "-DELETE" not in change  # no inline stage to tick for deletion
    assert_nothing_written(before)


def test_no_address_of_the_product_deletes_a_field_or_a_stage():
    from ankommen.concept.urls import urlpatterns as concept
    from ankommen.dialogue.urls import urlpatterns as dialogue

    names = [pattern.name for pattern in [*concept, *dialogue]]
    assert [name for name in names if name.startswith(("field", "stage")) and "delete" in name] == []
