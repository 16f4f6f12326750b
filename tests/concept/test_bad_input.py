"""Bad input to fields and stages gets a clear message next to its field, and nothing is written."""

from datetime import timedelta

from ankommen.concept.models import Field, Stage


def test_stage_ending_before_it_starts_is_refused(client_as, town):
    before = Stage.objects.count()
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        {"kind": "decision", "starts_on": "2027-03-31", "ends_on": "2027-03-01", "position": "3"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Das Ende muss am oder nach dem Beginn liegen." in page
    assert 'id="id_ends_on_error"' in page
    assert Stage.objects.count() == before


def test_second_stage_of_the_same_kind_is_refused(client_as):
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        {"kind": "stocktaking", "starts_on": "2027-01-01", "ends_on": "2027-02-01", "position": "3"},
    )
    assert "Dieses Handlungsfeld hat schon eine Stufe dieser Art." in response.content.decode()


def test_field_with_a_taken_address_is_refused(client_as, town):
    before = Field.objects.count()
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/neu/",
        {"name": "Wohnen und Leben", "slug": "wohnen-und-leben", "summary": "Doppelt", "position": "1"},
    )
    assert "Ein anderes Handlungsfeld hat schon diese Adresse." in response.content.decode()
    assert Field.objects.count() == before


def test_field_address_is_made_from_the_german_name(client_as, town):
    client_as("admin").post(
        "/verwaltung/handlungsfelder/neu/",
        {"name": "Gesundheit und Älterwerden", "summary": "Neu", "position": "5"},
    )
    assert Field.objects.filter(municipality=town, slug="gesundheit-und-aelterwerden").exists()


def test_unknown_stage_id_answers_404(client_as):
    assert client_as("admin").get("/verwaltung/stufen/999999/").status_code == 404


def _stage_data(stage, **changes):
    return {
        "kind": stage.kind,
        "description": stage.description,
        "starts_on": stage.starts_on.isoformat(),
        "ends_on": stage.ends_on.isoformat(),
        "position": str(stage.position),
        "is_public": "on" if stage.is_public else "",
        "contribute_roles": stage.contribute_roles,
        "comment_roles": stage.comment_roles,
        "support_roles": stage.support_roles,
        **changes,
    }


def test_a_stage_with_contributions_keeps_its_kind(client_as, town):
    from tests.permissions import assert_nothing_written, snapshot

    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    assert stage.holds_contributions()
    admin = client_as("admin")
    form = admin.get(f"/verwaltung/stufen/{stage.pk}/").content.decode()
    assert "Ihre Art lässt sich nicht mehr ändern." in form
    before = snapshot()
    response = admin.post(f"/verwaltung/stufen/{stage.pk}/", _stage_data(stage, kind="decision"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "In dieser Stufe gibt es schon Beiträge. Ihre Art lässt sich deshalb nicht mehr ändern." in page
    assert 'id="id_kind_error"' in page
    assert_nothing_written(before)
    assert Stage.objects.get(pk=stage.pk).kind == "stocktaking"


def test_a_stage_with_contributions_keeps_its_kind_even_with_the_other_changes_valid(people, town):
    import pytest
    from django.core.exceptions import ValidationError

    from ankommen.concept.services import update_stage

    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    with pytest.raises(ValidationError):
        update_stage(stage, actor=people["admin"], kind="implementation", position=7)
    assert Stage.objects.get(pk=stage.pk).position != 7


def test_a_stage_with_contributions_changes_everything_but_its_kind(client_as, town):
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    later = stage.ends_on + timedelta(days=5)
    response = client_as("admin").post(f"/verwaltung/stufen/{stage.pk}/", _stage_data(stage, ends_on=later))
    assert response.status_code == 302
    assert Stage.objects.get(pk=stage.pk).ends_on == later


def test_an_empty_stage_changes_its_kind(client_as, town, people):
    from ankommen.concept.services import create_stage, default_stage_rules

    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    kind = next(
        kind for kind in ("decision", "implementation") if not field.stages.filter(kind=kind).exists()
    )
    other = "implementation" if kind == "decision" else "decision"
    stage = create_stage(
        field,
        actor=people["admin"],
        kind=kind,
        starts_on="2028-01-01",
        ends_on="2028-02-01",
        position=5,
        **default_stage_rules(kind),
    )
    stage = Stage.objects.get(pk=stage.pk)
    assert not stage.holds_contributions()
    response = client_as("admin").post(f"/verwaltung/stufen/{stage.pk}/", _stage_data(stage, kind=other))
    assert response.status_code == 302
    assert Stage.objects.get(pk=stage.pk).kind == other


def test_a_stage_edit_without_csrf_token_writes_nothing(people, town):
    from django.test import Client

    from tests.permissions import assert_nothing_written, snapshot

    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="options")
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"].user)
    before = snapshot()
    assert client.post(f"/verwaltung/stufen/{stage.pk}/", _stage_data(stage, position="9")).status_code == 403
    assert_nothing_written(before)
