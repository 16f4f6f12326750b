"""The stage form: one table of roles and rights, dates in German, no overlap, a question before nobody may contribute."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ankommen.concept.models import Field, Stage
from tests.permissions import assert_nothing_written, snapshot

NEW = "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/"


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _edit_url(stage):
    return f"/verwaltung/stufen/{stage.pk}/"


def _data(stage, **changes):
    return {
        "kind": stage.kind,
        "description": stage.description,
        "starts_on": stage.starts_on.strftime("%d.%m.%Y"),
        "ends_on": stage.ends_on.strftime("%d.%m.%Y"),
        "is_public": "on" if stage.is_public else "",
        "contribute_roles": stage.contribute_roles,
        "comment_roles": stage.comment_roles,
        "support_roles": stage.support_roles,
        **changes,
    }


def test_who_may_do_what_is_one_table_of_roles_and_rights(client_as, wohnen):
    page = client_as("admin").get(_edit_url(wohnen.stages.get(kind="options"))).content.decode()
    assert page.count("<table") == 1
    assert '<caption id="rights_caption" class="visually-hidden">' in page
    assert '<th class="kern-table__header" scope="col">Beiträge einbringen</th>' in page
    assert page.count('scope="row"') >= 6
    assert '<label class="kern-label" for="id_contribute_roles_admin">' in page
    assert '<span class="visually-hidden">Administration: Beiträge einbringen</span>' in page
    assert 'name="position"' not in page
    assert "TT.MM.JJJJ" in page


def test_the_table_of_rights_saves_what_was_ticked_and_shows_it_again(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    admin = client_as("admin")
    data = _data(
        options, contribute_roles=["multiplier"], comment_roles=["expert", "member"], support_roles=["admin"]
    )
    assert admin.post(_edit_url(options), data).status_code == 302
    options.refresh_from_db()
    assert (options.contribute_roles, options.comment_roles, options.support_roles) == (
        ["multiplier"],
        ["expert", "member"],
        ["admin"],
    )
    form = admin.get(_edit_url(options)).context["form"]
    ticked = {
        (cell["name"], row["code"]) for row in form.rights_table() for cell in row["cells"] if cell["checked"]
    }
    assert ticked == {
        ("contribute_roles", "multiplier"),
        ("comment_roles", "expert"),
        ("comment_roles", "member"),
        ("support_roles", "admin"),
    }


def test_a_stage_where_nobody_may_contribute_asks_first(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    admin = client_as("admin")
    admin.get(NEW)
    before = snapshot()
    response = admin.post(_edit_url(options), _data(options, contribute_roles=[]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Niemand darf in dieser Stufe Beiträge einbringen – wirklich?" in page
    assert 'name="nobody_contributes"' in page
    assert_nothing_written(before)
    confirmed = admin.post(_edit_url(options), _data(options, contribute_roles=[], nobody_contributes="on"))
    assert confirmed.status_code == 302
    assert Stage.objects.get(pk=options.pk).contribute_roles == []


def test_a_decision_stage_where_nobody_contributes_needs_no_question(client_as, wohnen):
    response = client_as("admin").post(
        NEW, {"kind": "decision", "starts_on": "01.03.2028", "ends_on": "31.03.2028"}
    )
    assert response.status_code == 302
    decision = wohnen.stages.get(kind="decision")
    assert decision.starts_on.isoformat() == "2028-03-01"
    assert decision.position == 2  # its place follows from its kind


def test_an_overlapping_stage_is_refused_with_a_message_at_its_dates(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    admin = client_as("admin")
    admin.get(NEW)
    before = snapshot()
    start = options.starts_on + timedelta(days=5)
    response = admin.post(
        NEW,
        {"kind": "decision", "starts_on": start.strftime("%d.%m.%Y"), "ends_on": "31.12.2030"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "überschneidet sich mit der Stufe „Handlungsoptionen und -empfehlungen“" in page
    assert 'id="id_starts_on_error"' in page
    assert_nothing_written(before)


def test_stages_may_touch_on_the_day_one_hands_over(client_as, wohnen):
    options = wohnen.stages.get(kind="options")
    response = client_as("admin").post(
        NEW,
        {
            "kind": "decision",
            "starts_on": options.ends_on.strftime("%d.%m.%Y"),
            "ends_on": (options.ends_on + timedelta(days=30)).strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302


def test_a_running_stage_cannot_be_dated_into_the_future(client_as, wohnen):
    stocktaking = wohnen.stages.get(kind="stocktaking")
    tomorrow = timezone.localdate() + timedelta(days=1)
    admin = client_as("admin")
    admin.get(NEW)
    before = snapshot()
    response = admin.post(_edit_url(stocktaking), _data(stocktaking, starts_on=tomorrow.strftime("%d.%m.%Y")))
    assert response.status_code == 400
    assert "Die Stufe läuft: Ihr Zeitraum muss den heutigen Tag enthalten." in response.content.decode()
    assert_nothing_written(before)


def test_dates_typed_in_german_and_from_the_date_picker_are_both_understood(client_as, wohnen):
    admin = client_as("admin")
    assert (
        admin.post(NEW, {"kind": "decision", "starts_on": "2028-03-01", "ends_on": "15.3.2028"}).status_code
        == 302
    )
    decision = wohnen.stages.get(kind="decision")
    assert (decision.starts_on.isoformat(), decision.ends_on.isoformat()) == ("2028-03-01", "2028-03-15")
