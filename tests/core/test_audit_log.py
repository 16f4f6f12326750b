"""Admins read and filter the audit log of their town."""

import datetime
import re

from django.utils import formats

from ankommen.accounts import services as accounts_services
from ankommen.concept import services as concept_services
from ankommen.concept.models import Stage
from ankommen.core import services, translation
from ankommen.core.models import AuditEntry, TranslationState
from ankommen.core.roles import Role


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
    # Besides: what she did in the demo's events (a finding from the minutes, registrations, a call-off).
    assert "field.updated" in {entry.action for entry in by_actor}
    assert {entry.actor_name for entry in by_actor} == {"Sabine Keller"}


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


# --- the audit log reads like German ---------------------------------------------------------------


def _visible(page):
    """The words a person reads: the page's main part without tags (attributes such as `datetime` go with them)."""
    main = page[page.index("<main") : page.index("</main>")]
    main = re.sub(
        r"<select.*?</select>", " ", main, flags=re.S
    )  # the filter's options are checked on their own
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def _wohnen_stage(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


def _many_kinds_of_entries(people, town):
    """A stage changed (dates and who may comment), a role changed, a text translated and checked, a town's languages."""
    stage = _wohnen_stage(town)
    concept_services.update_stage(
        stage,
        actor=people["admin"],
        ends_on=datetime.date(2027, 2, 15),
        comment_roles=[Role.MEMBER, Role.EXPERT],
    )
    concept_services.create_stage(
        stage.field,
        actor=people["admin"],
        kind="implementation",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 4, 30),
    )
    accounts_services.set_roles(
        people["mitglied"], actor=people["admin"], roles={Role.MEMBER: "", Role.EXPERT: ""}
    )
    translation.save_translation(
        stage.field,
        "name",
        "en",
        actor=people["uebersetzung"],
        text="Housing",
        state=TranslationState.REVIEWED,
    )
    services.set_languages(town, actor=people["admin"], languages=["de", "en", "ar", "uk"])
    return stage


def test_the_audit_log_shows_no_iso_date_and_no_raw_key(client_as, people, town):
    _many_kinds_of_entries(people, town)
    page = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert 'datetime="20' in page  # machines read ISO
    visible = _visible(page)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", visible), visible
    assert "15.02.2027" in visible
    for raw in (
        "comment_roles",
        "ends_on",
        "invitation",
        "reviewed",
        "fields",
        "before",
        "after",
        "member",
        "expert",
    ):
        assert not re.search(rf"\b{raw}\b", visible), raw
    assert "Wer darf kommentieren?" in visible
    assert "Stand: geprüft" in visible
    assert "Englisch" in visible


def test_a_change_reads_old_then_new(client_as, people, town):
    stage = _wohnen_stage(town)
    old_end = formats.date_format(stage.ends_on, "SHORT_DATE_FORMAT")
    concept_services.update_stage(stage, actor=people["admin"], ends_on=datetime.date(2027, 2, 15))
    accounts_services.set_roles(people["mitglied"], actor=people["admin"], roles={Role.EXPERT: ""})
    visible = _visible(client_as("admin").get("/verwaltung/protokoll/").content.decode())
    assert f"{old_end} → 15.02.2027" in visible
    assert "Änderung: Mitglied → Fachexpert:in" in visible


def test_the_person_filter_finds_a_person_as_actor_and_as_subject(client_as, people, town):
    accounts_services.set_roles(people["mitglied"], actor=people["admin"], roles={Role.EXPERT: ""})
    _close_wohnen(people, town)  # by the moderator
    client = client_as("admin")
    about = client.get("/verwaltung/protokoll/?person=haddad").context["page_obj"]
    # Amal Haddad, whose roles changed (and who in the demo consented online to her arrival story)
    assert [entry.action for entry in about] == ["member.role_changed", "consent.given", "consent.given"]
    acting = client.get("/verwaltung/protokoll/?person=yılmaz").context["page_obj"]
    # The moderator closed the stage (and in the demo entered an observation from paper), nothing about Haddad.
    assert "stage.closed" in {entry.action for entry in acting}
    assert "member.role_changed" not in {entry.action for entry in acting}
    admin_name = people["admin"].display_name.split()[-1]
    by_admin = client.get(f"/verwaltung/protokoll/?person={admin_name}").context["page_obj"]
    assert "member.role_changed" in {entry.action for entry in by_admin}


def test_the_action_filter_groups_actions_by_area(client_as):
    page = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    for area in ("Handlungsfelder", "Beiträge", "Moderation", "Mitglieder", "Übersetzungen"):
        assert f'<optgroup label="{area}">' in page
    moderation_group = re.search(r'<optgroup label="Moderation">(.*?)</optgroup>', page, re.S)[1]
    assert "Beitrag ausgeblendet" in moderation_group
    assert "Meldungen zurückgewiesen" in moderation_group


def test_a_filtered_log_offers_to_reset_its_filters(client_as, people, town):
    client = client_as("admin")
    reset = 'href="/verwaltung/protokoll/">Filter zurücksetzen'
    assert reset not in client.get("/verwaltung/protokoll/").content.decode()
    assert reset not in client.get("/verwaltung/protokoll/?page=1").content.decode()
    assert reset in client.get("/verwaltung/protokoll/?action=stage.closed&person=").content.decode()


def test_the_audit_table_is_a_labelled_scroll_region_keyboards_reach(client_as):
    page = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert 'role="region" aria-labelledby="protokoll-tabelle" tabindex="0"' in page
    assert '<caption id="protokoll-tabelle"' in page
