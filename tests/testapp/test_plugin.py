"""An app that only its own folder, INSTALLED_APPS and the URL root know joins every plug-in point.

`tests.testapp` is registered in the test settings alone: its rules, role, menu entry, hub tile,
moderated and translatable notes and private attachments appear in core's pages untouched.
"""

import pytest
from django.core.files.base import ContentFile

from ankommen.core import moderation
from ankommen.core.models import Flag
from ankommen.core.registry import registry
from ankommen.core.roles import role_codes
from ankommen.core.rules import UnknownAction, may
from tests.testapp.models import Note


@pytest.fixture
def note(town, people):
    return Note.objects.create(
        municipality=town, author=people["mitglied"], title="Treffpunkt am Holzgrund", body="Jeden Dienstag."
    )


def test_its_menu_entry_shows_to_whom_its_rule_allows(client_as):
    assert "Notizen" in client_as("mitglied").get("/").content.decode()
    assert ">Notizen" not in client_as(None).get("/").content.decode()


def test_its_menu_entry_marks_its_pages_as_the_current_area(client_as, note):
    page = client_as("mitglied").get("/notizen/").content.decode()
    assert 'href="/notizen/" aria-current="page"' in page


def test_its_hub_tile_shows_on_the_administration_page(client_as):
    page = client_as("admin").get("/verwaltung/").content.decode()
    assert "Notizen der Kommune" in page
    assert 'href="/notizen/"' in page


def test_its_rules_answer_through_may_and_an_unregistered_action_raises(people, note):
    assert may(people["mitglied"], "write_note", note.municipality)
    assert not may(None, "write_note", note.municipality)
    with pytest.raises(UnknownAction):
        may(people["mitglied"], "write_a_note", note)


def test_its_role_is_one_a_person_can_hold(people):
    assert "note_keeper" in role_codes()
    assert registry.roles["note_keeper"].label == "Notizführung"


def test_a_flagged_note_is_in_the_towns_moderation_queue_with_its_kind(client_as, people, note):
    client = client_as("nachbarschaft")
    response = client.post(f"/notizen/{note.pk}/melden/", {"reason": "Falscher Ort."})
    assert response.status_code == 302
    assert Flag.objects.of(note).open().count() == 1
    queue = client_as("moderation").get("/moderation/").content.decode()
    assert "Notiz:" in queue
    assert "Treffpunkt am Holzgrund" in queue
    assert note.hide_url() in queue


def test_a_moderator_hides_a_note_and_the_trace_shows(client_as, people, note):
    response = client_as("moderation").post(note.hide_url(), {"reason": "Persönliche Daten"})
    assert response.status_code == 302
    page = client_as(None).get(note.get_absolute_url()).content.decode()
    assert "ausgeblendet durch die Moderation: Persönliche Daten" in page
    assert "Jeden Dienstag." not in page
    assert moderation.audit_labels()["note.hidden"] == "Notiz ausgeblendet"


def test_its_texts_are_on_the_translators_pages(client_as, note):
    page = client_as("uebersetzung").get("/verwaltung/uebersetzungen/en/").content.decode()
    assert "Notizen" in page


def test_its_private_attachment_goes_only_to_whom_its_rule_allows(client_as, people, note):
    note.attachment.save("protokoll.pdf", ContentFile(b"%PDF-1.4 Protokoll"))
    url = f"/dateien/testapp.note/{note.pk}/attachment/"
    for allowed in ("mitglied", "moderation", "admin"):  # the author and the town's staff
        response = client_as(allowed).get(url)
        assert response.status_code == 200, allowed
        assert b"".join(response.streaming_content) == b"%PDF-1.4 Protokoll"
        assert response["Cache-Control"] == "private, no-store"
    assert client_as("nachbarschaft").get(url).status_code == 403
    assert client_as(None).get(url).status_code == 302  # to the login page
    assert client_as("mitglied").get(f"/dateien/testapp.note/{note.pk}/title/").status_code == 404
    assert (
        client_as("mitglied")
        .get(f"/dateien/accounts.user/{people['mitglied'].user.pk}/password/")
        .status_code
        == 404
    )
