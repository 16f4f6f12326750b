"""What those who organise events do: the export, paper lists, the door, findings from the minutes,
the needs summed, and the event's form.

The events come from tests/events/world.py: `test-sitzung` (in a week, 3 places, organised by the
expert, the member and a person who called registered), `test-bestandsaufnahme` (a stocktaking
session of "Wohnen und Leben" that began two hours ago, with minutes), `test-konferenz`.
"""

import csv
import io
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from ankommen.concept.models import Stage
from ankommen.core.models import AuditEntry
from ankommen.dialogue.models import Contribution
from ankommen.events import services
from ankommen.events.models import (
    AgendaEntry,
    Event,
    MinutesPoint,
    Need,
    NeedKind,
    Registration,
    Session,
    Speaker,
)
from tests.events import world
from tests.events.cases_organise import new_event_data, session_event_data
from tests.permissions import assert_nothing_written, snapshot

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(autouse=True)
def _world(town):
    world.prepare(town)


def _event(town, slug):
    return world.event(town, slug)


def _page(slug, rest=""):
    return f"/verwaltung/veranstaltungen/{slug}/{rest}"


def _fill(town, people):
    """test-sitzung full: a third person who called, then two waiting; some with needs."""
    event = _event(town, "test-sitzung")
    admin = people["admin"]
    services.register_contact(
        event,
        actor=admin,
        name='=HYPERLINK("https://example.org","Klick")',
        phone="0151 1111111",
        language="ar",
        needs=[("interpreting", "ar"), ("childcare", "")],
        consent=True,
    )
    services.register_contact(
        event,
        actor=admin,
        name="+49 Rechnung",
        email="rechnung@example.org",
        language="uk",
        needs=[("interpreting", "uk"), ("food", "halal")],
        consent=True,
    )
    services.register_contact(
        event,
        actor=admin,
        name="-Minus Person",
        phone="0151 2222222",
        needs=[("step_free", "")],
        consent=True,
    )
    return event


# --- the export ---------------------------------------------------------------------------------------


def test_the_export_is_a_spreadsheets_csv_without_formulas_and_without_needs(client_as, town, people):
    _fill(town, people)
    response = client_as("expertin").get(_page("test-sitzung", "teilnehmende.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Name",
        "Stand",
        "Platz auf der Warteliste",
        "Anmeldung",
        "eingetragen von",
        "angemeldet am",
        "eingelassen am",
    ]
    assert all(len(row) == 7 for row in rows)
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {
        "Amal Haddad",
        "Amira Haddad",
        '\'=HYPERLINK("https://example.org","Klick")',
        "'+49 Rechnung",
        "'-Minus Person",
    }
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert by_name["'+49 Rechnung"][1:3] == ["Warteliste", "1"]
    assert by_name["'-Minus Person"][1:3] == ["Warteliste", "2"]
    assert by_name["Amira Haddad"][3:5] == ["am Telefon oder vor Ort", "Sabine Keller"]
    text = content.decode("utf-8-sig")
    for need_word in ("Dolmetschen", "Kinderbetreuung", "halal", "Arabisch", "interpreting", "stufenlos"):
        assert need_word not in text


# --- paper lists --------------------------------------------------------------------------------------


def test_a_paper_list_with_a_bad_line_names_it_and_writes_nothing(client_as, town):
    client = client_as("expertin")
    url = _page("test-bestandsaufnahme", "papierliste/")
    before = snapshot()
    response = client.post(
        url,
        {
            "lines": "Ali Yilmaz; 0171 2345678\nMaria Rossi\nBernd Krause; kein@@Kontakt\n",
            "occasion": "Liste am Eingang, Sitzung 12.11.",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Zeile 3:" in page and "kein@@Kontakt" in page
    assert 'id="id_lines_error"' in page  # at its field
    assert_nothing_written(before, "a paper list with a bad line wrote")


def test_a_paper_list_enters_everyone_as_there_with_its_origin(client_as, town, people):
    event = _event(town, "test-bestandsaufnahme")
    response = client_as("expertin").post(
        _page("test-bestandsaufnahme", "papierliste/"),
        {
            "lines": "Ali Yilmaz; 0171 2345678\n\nMaria Rossi; maria@example.org\n",
            "occasion": "Liste am Eingang",
        },
    )
    assert response.status_code == 302
    rows = Registration.objects.filter(event=event).order_by("name")
    assert [(row.name, row.source, row.paper_occasion, row.entered_by) for row in rows] == [
        ("Ali Yilmaz", "paper", "Liste am Eingang", people["expertin"]),
        ("Maria Rossi", "paper", "Liste am Eingang", people["expertin"]),
    ]
    assert all(row.checked_in_at == event.starts_at for row in rows)
    page = client_as("expertin").get(_page("test-bestandsaufnahme", "teilnehmende/")).content.decode()
    assert "Liste auf Papier: Liste am Eingang" in page


# --- registering someone who called -------------------------------------------------------------------


def test_a_person_is_registered_once_and_the_second_time_told_at_the_field(client_as, town):
    client = client_as("expertin")
    url = _page("test-sitzung", "anmeldung/")
    data = {"name": "Hanna Berger", "phone": "07154 998877", "language": "de"}
    assert client.post(url, data).status_code == 302
    before = snapshot()
    again = client.post(url, {**data, "phone": "+49 7154 998877"})  # the same number, written otherwise
    assert again.status_code == 400
    assert "schon angemeldet" in again.content.decode().split('id="id_phone_error"')[1][:300]
    assert_nothing_written(before)


def test_needs_without_consent_are_refused_at_the_consent(client_as, town):
    client = client_as("expertin")
    before = snapshot()
    response = client.post(
        _page("test-sitzung", "anmeldung/"),
        {"name": "Hanna Berger", "phone": "07154 998877", "language": "de", "needs": ["childcare"]},
    )
    assert response.status_code == 400
    assert 'id="id_consent_error"' in response.content.decode()
    assert_nothing_written(before)


# --- the needs, summed --------------------------------------------------------------------------------


def _shown_needs(page):
    tree = lxml.html.fromstring(page)
    return {
        item.xpath("./dt")[0].text_content().strip(): int(item.xpath(".//*[@data-count]")[0].text_content())
        for item in tree.xpath("//dl[@id='bedarfe-liste']/div")
    }


def test_the_needs_summary_is_a_recount_of_the_needs_of_those_registered_and_waiting(client_as, town, people):
    event = _fill(town, people)
    gone = services.register_contact(
        event,
        actor=people["admin"],
        name="Nadia Karimi",
        phone="0151 3333333",
        needs=[("childcare", "")],
        consent=True,
    )
    services.cancel(gone, actor=people["admin"])
    page = client_as("expertin").get(_page("test-sitzung", "teilnehmende/")).content.decode()
    recount = Counter(
        str(NeedKind(kind).label)
        for kind in Need.objects.filter(event=event)
        .exclude(registration__status="cancelled")
        .values_list("kind", flat=True)
    )
    assert _shown_needs(page) == dict(recount)
    assert _shown_needs(page) == {"Dolmetschen": 2, "Kinderbetreuung": 1, "Essen": 1, "stufenloser Zugang": 1}
    assert "Arabisch: 1" in page and "Ukrainisch: 1" in page
    assert "Nadia Karimi" in page  # among those who cancelled, her need no longer counted


def test_the_attendee_list_shows_the_waiting_list_in_order(client_as, town, people):
    _fill(town, people)
    tree = lxml.html.fromstring(client_as("admin").get(_page("test-sitzung", "teilnehmende/")).content)
    rows = tree.xpath("//table[.//caption[@id='warteliste-tabelle']]/tbody/tr")
    assert [
        (row.xpath("./td")[0].text_content().strip(), row.xpath("./th")[0].text_content().split()[0])
        for row in rows
    ] == [
        ("1", "+49"),
        ("2", "-Minus"),
    ]


# --- an organiser's reach ------------------------------------------------------------------------------


def test_an_organiser_sees_the_attendees_of_their_events_only(client_as, town, people):
    client = client_as("expertin")
    assert client.get(_page("test-sitzung", "teilnehmende/")).status_code == 200
    for rest in ("teilnehmende/", "teilnehmende.csv", "einlass/", "tagesordnung/", ""):
        assert client.get(_page("test-konferenz", rest)).status_code == 403, rest
    other = services.register(_event(town, "test-konferenz"), member=people["multiplikator"])
    assert client.get(f"/einlass/{other.checkin_token}/").status_code == 403
    page = client.get(_page("test-sitzung", "teilnehmende/")).content.decode()
    assert "/verwaltung/veranstaltungen/neu/" not in page and "Absagen" not in page


def test_a_code_nobody_has_is_not_found_and_names_nobody(client_as, town):
    assert client_as("admin").get("/einlass/kein-solcher-code/").status_code == 404
    response = client_as("mitglied").get(
        f"/einlass/{Registration.objects.get(name='Amira Haddad').checkin_token}/"
    )
    assert response.status_code == 403
    assert "Amira" not in response.content.decode()


# --- the door -------------------------------------------------------------------------------------------


def test_two_phones_scanning_one_code_let_the_person_in_once(town, people):
    registration = Registration.objects.get(event=_event(town, "test-sitzung"), name="Amira Haddad")
    url = f"/einlass/{registration.checkin_token}/"
    phones = [Client(), Client()]
    phones[0].force_login(people["expertin"].user)
    phones[1].force_login(people["admin"].user)
    for phone in phones:  # both show the button
        assert "Einlassen" in phone.get(url).content.decode()
    first = phones[0].post(url, follow=True)
    assert "Eingelassen: Amira Haddad" in first.content.decode()
    registration.refresh_from_db()
    came = registration.checked_in_at
    assert came is not None
    second = phones[1].post(url, follow=True)
    assert "war schon eingelassen um" in second.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at == came
    assert Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=False).count() == 1


def test_the_service_lets_in_once_even_from_two_stale_copies(town, people):
    registration = Registration.objects.get(event=_event(town, "test-sitzung"), name="Amira Haddad")
    one, other = Registration.objects.get(pk=registration.pk), Registration.objects.get(pk=registration.pk)
    assert services.check_in(one, actor=people["expertin"]) is True
    assert services.check_in(other, actor=people["admin"]) is False
    assert other.checked_in_at == one.checked_in_at


def test_the_door_takes_a_typed_code_in_any_case_and_counts(client_as, town):
    event = _event(town, "test-sitzung")
    member = Registration.objects.get(event=event, member__isnull=False)
    client = client_as("expertin")
    assert "0 von 2 da" in client.get(_page("test-sitzung", "einlass/")).content.decode()
    code = f" {member.checkin_code[:3].lower()} {member.checkin_code[3:]} "
    response = client.post(_page("test-sitzung", "einlass/"), {"code": code}, follow=True)
    assert "Eingelassen: Amal Haddad" in response.content.decode()
    assert "1 von 2 da" in response.content.decode()
    again = client.post(_page("test-sitzung", "einlass/"), {"code": member.checkin_code}, follow=True)
    assert "war schon eingelassen um" in again.content.decode()
    unknown = client.post(_page("test-sitzung", "einlass/"), {"code": "ZZZZZZ"})
    assert unknown.status_code == 400
    assert "keine Anmeldung" in unknown.content.decode()


def test_waiting_people_are_not_let_in(client_as, town, people):
    event = _fill(town, people)
    waiting = Registration.objects.filter(event=event, status="waiting").first()
    response = client_as("expertin").post(_page("test-sitzung", "einlass/"), {"code": waiting.checkin_code})
    assert response.status_code == 400
    assert "Warteliste" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_taking_a_check_in_back_asks_first_and_is_logged(client_as, town, people):
    registration = Registration.objects.get(event=_event(town, "test-sitzung"), name="Amira Haddad")
    services.check_in(registration, actor=people["expertin"])
    client = client_as("expertin")
    url = f"/einlass/{registration.checkin_token}/"
    door = client.get(_page("test-sitzung", "einlass/")).content.decode()
    assert f'href="{url}?next=' in door  # "zurücknehmen" leads to the person first, not straight to the undo
    page = client.get(url).content.decode()
    assert "Einlass zurücknehmen" in page and "Eingelassen am" in page
    response = client.post(url, {"undo": "1", "next": _page("test-sitzung", "einlass/")})
    assert response["Location"] == _page("test-sitzung", "einlass/")
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert AuditEntry.objects.filter(action="registration.check_in_undone").exists()


def test_a_next_address_elsewhere_is_not_followed(client_as, town):
    registration = Registration.objects.get(name="Amira Haddad")
    url = f"/einlass/{registration.checkin_token}/"
    response = client_as("expertin").post(url, {"next": "https://elsewhere.example/"})
    assert response["Location"] == url


# --- minutes and findings ------------------------------------------------------------------------------


def _point(town):
    item = AgendaEntry.objects.get(event=_event(town, "test-bestandsaufnahme"), position=1)
    return MinutesPoint.objects.filter(agenda_item=item).order_by("position").first()


def test_a_point_becomes_a_finding_of_the_fields_stocktaking_linked_to_it_once(client_as, town, people):
    point = _point(town)
    event = point.agenda_item.event
    admin = client_as("admin")
    url = f"/verwaltung/veranstaltungen/protokoll/{point.pk}/befund/"
    form = admin.get(url).content.decode()
    assert "Kleine Wohnungen für Alleinstehende fehlen." in form  # the title, prefilled
    response = admin.post(url, {"title": "Kleine Wohnungen fehlen", "finding_kind": "need"})
    point.refresh_from_db()
    finding = point.finding
    assert response.status_code == 302 and response["Location"] == finding.get_absolute_url()
    assert finding.stage == Stage.objects.get(
        municipality=town, field__slug="wohnen-und-leben", kind="stocktaking"
    )
    assert (finding.kind, finding.finding_kind, finding.title, finding.body) == (
        "finding",
        "need",
        "Kleine Wohnungen fehlen",
        point.text,
    )
    assert finding.paper_author == event.title
    assert finding.minutes_point == point

    count = Contribution.objects.count()
    again = admin.post(url, {"title": "Noch einmal", "finding_kind": "need"})
    assert again.status_code == 302 and again["Location"] == finding.get_absolute_url()
    assert Contribution.objects.count() == count
    with pytest.raises((ValidationError, PermissionDenied)):
        services.make_finding(point, actor=people["admin"], title="Noch einmal", finding_kind="need")
    assert Contribution.objects.count() == count

    minutes = _page("test-bestandsaufnahme", f"tagesordnung/{point.agenda_item_id}/protokoll/")
    saved = admin.post(
        minutes,
        {
            "outcome": "Neu gefasst.",
            "punkte-TOTAL_FORMS": "1",
            "punkte-INITIAL_FORMS": "0",
            "punkte-MIN_NUM_FORMS": "0",
            "punkte-MAX_NUM_FORMS": "1000",
            "punkte-0-kind": "decision",
            "punkte-0-text": "Die Wohnungsbörse wird vorgestellt.",
        },
    )
    assert saved.status_code == 302
    point.refresh_from_db()  # the point that became a finding is kept with its link
    assert point.finding == finding
    assert list(
        MinutesPoint.objects.filter(agenda_item=point.agenda_item)
        .order_by("position")
        .values_list("text", flat=True)
    ) == ["Kleine Wohnungen für Alleinstehende fehlen.", "Die Wohnungsbörse wird vorgestellt."]
    page = admin.get(minutes).content.decode()
    assert "Als Befund übernommen:" in page and finding.get_absolute_url() in page


def test_only_staff_make_findings_and_the_link_shows_only_to_them(client_as, town, people):
    point = _point(town)
    minutes = _page("test-bestandsaufnahme", f"tagesordnung/{point.agenda_item_id}/protokoll/")
    expert = client_as("expertin")
    assert "Als Befund übernehmen" not in expert.get(minutes).content.decode()
    assert expert.get(f"/verwaltung/veranstaltungen/protokoll/{point.pk}/befund/").status_code == 403
    event = point.agenda_item.event
    event.organisers.add(people["moderation"])
    moderator = client_as("moderation")
    assert (
        f"/verwaltung/veranstaltungen/protokoll/{point.pk}/befund/" in moderator.get(minutes).content.decode()
    )


def test_minutes_wait_until_the_event_has_begun(client_as, town):
    item = AgendaEntry.objects.create(
        municipality=town, event=_event(town, "test-sitzung"), position=1, title="Begrüßung"
    )
    client = client_as("expertin")
    assert "/protokoll/" not in client.get(_page("test-sitzung", "tagesordnung/")).content.decode()
    assert client.get(_page("test-sitzung", f"tagesordnung/{item.pk}/protokoll/")).status_code == 403


# --- the event's form ----------------------------------------------------------------------------------


def test_a_new_event_gets_its_address_from_its_title_and_its_times_in_berlin(client_as, town):
    client = client_as("admin")
    for _ in range(2):
        assert client.post("/verwaltung/veranstaltungen/neu/", new_event_data()).status_code == 302
    slugs = sorted(
        Event.objects.filter(municipality=town, title="Fachgespräch: Wohnungen für Familien").values_list(
            "slug", flat=True
        )
    )
    assert slugs == ["fachgesprach-wohnungen-fur-familien", "fachgesprach-wohnungen-fur-familien-2"]
    event = Event.objects.get(municipality=town, slug=slugs[0])
    berlin = ZoneInfo("Europe/Berlin")
    assert event.starts_at == datetime(2027, 3, 4, 18, 0, tzinfo=berlin)
    assert event.ends_at == datetime(2027, 3, 4, 20, 0, tzinfo=berlin)
    assert not event.is_published
    assert list(event.organisers.values_list("user__email", flat=True)) == ["expertin@demo.ankommen.example"]
    assert client.post(_page(event.slug, "veroeffentlichen/")).status_code == 302
    event.refresh_from_db()
    assert event.is_published


def test_a_title_that_reads_like_a_form_gets_an_address_of_its_own(client_as, town):
    client = client_as("admin")
    assert (
        client.post("/verwaltung/veranstaltungen/neu/", {**new_event_data(), "title": "Neu"}).status_code
        == 302
    )
    assert Event.objects.get(municipality=town, title="Neu").slug == "neu-2"
    assert (
        client.post("/verwaltung/veranstaltungsorte/neu/", {"name": "Neu", "address": "Weg 1"}).status_code
        == 302
    )
    assert client.get("/verwaltung/veranstaltungsorte/neu-2/").status_code == 200


def test_an_event_needs_a_place_or_a_link_and_its_stage_belongs_to_a_chosen_field(client_as, town):
    stage = Stage.objects.get(
        municipality=town, field__slug="wirtschaft-und-berufliche-bildung", kind="stocktaking"
    )
    client = client_as("admin")
    before = snapshot()
    response = client.post(
        "/verwaltung/veranstaltungen/neu/", {**new_event_data(), "venue": "", "stage": str(stage.pk)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_venue_error"' in page and 'id="id_stage_error"' in page
    assert_nothing_written(before)


def test_an_end_before_the_beginning_is_refused(client_as, town):
    response = client_as("admin").post(
        "/verwaltung/veranstaltungen/neu/", {**new_event_data(), "start": "20:00", "end": "18:00"}
    )
    assert response.status_code == 400
    assert 'id="id_end_error"' in response.content.decode()


def test_an_organiser_changes_their_event_but_not_who_organises_it(client_as, town, people):
    event = _event(town, "test-sitzung")
    client = client_as("expertin")
    page = client.get(_page("test-sitzung")).content.decode()
    assert 'name="organisers"' not in page
    data = {**session_event_data(), "organisers": [str(people["mitglied"].pk)]}
    assert client.post(_page("test-sitzung"), data).status_code == 302
    assert list(event.organisers.all()) == [people["expertin"]]


def test_a_new_time_is_told_and_the_audit_log_says_what_changed(client_as, town, people, mailoutbox):
    event = _event(town, "test-sitzung")
    services.register_contact(event, actor=people["admin"], name="Hanna Berger", email="hanna@example.org")
    mailoutbox.clear()
    earlier = timezone.localtime(event.starts_at - timedelta(hours=1)).strftime("%H:%M")
    data = {**session_event_data(), "start": earlier}
    assert client_as("admin").post(_page("test-sitzung"), data).status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1
    assert any("hanna@example.org" in message.to for message in mailoutbox)
    log = client_as("admin").get("/verwaltung/protokoll/?action=event.changed").content.decode()
    assert "Veranstaltung geändert" in log and "Mitgeteilte Änderungen" in log


def test_more_places_give_seats_to_those_waiting(client_as, town, people):
    event = _fill(town, people)
    assert Registration.objects.filter(event=event, status="waiting").count() == 2
    data = {**session_event_data(), "capacity": "4"}
    assert client_as("expertin").post(_page("test-sitzung"), data).status_code == 302
    assert list(
        Registration.objects.filter(event=event, status="waiting").values_list("name", flat=True)
    ) == ["-Minus Person"]


def test_cancelling_an_event_asks_for_a_reason_and_tells_everyone(client_as, town, people, mailoutbox):
    event = _event(town, "test-sitzung")
    services.register_contact(event, actor=people["admin"], name="Hanna Berger", email="hanna@example.org")
    mailoutbox.clear()
    client = client_as("admin")
    page = client.get(_page("test-sitzung", "absagen/")).content.decode()
    assert "3 angemeldete oder wartende Personen" in page
    assert client.post(_page("test-sitzung", "absagen/"), {"reason": ""}).status_code == 400
    assert (
        client.post(_page("test-sitzung", "absagen/"), {"reason": "Der Saal ist nicht frei."}).status_code
        == 302
    )
    event.refresh_from_db()
    assert event.is_cancelled and event.cancel_reason == "Der Saal ist nicht frei."
    assert any("Der Saal ist nicht frei." in message.body for message in mailoutbox)


# --- a conference's programme, speakers ------------------------------------------------------------------


def test_a_session_with_more_places_promotes_those_waiting(client_as, town, people):
    conference = _event(town, "test-konferenz")
    workshop = Session.objects.get(event=conference, slug="werkstatt-sprache")
    for local_part in ("mitglied", "multiplikator", "uebersetzung"):
        services.register(conference, member=people[local_part])
        services.register(conference, member=people[local_part], session=workshop)
    waiting = Registration.objects.get(session=workshop, status="waiting")
    from tests.events.cases_organise import workshop_data

    assert (
        client_as("admin")
        .post(_page("test-konferenz", f"programm/{workshop.pk}/"), workshop_data())
        .status_code
        == 302
    )
    waiting.refresh_from_db()
    assert waiting.is_confirmed
    page = client_as("admin").get(_page("test-konferenz", "programm/")).content.decode()
    assert "3 von 4 Plätzen" in page


def test_a_speakers_photo_needs_its_description_and_must_be_an_image(client_as, town):
    client = client_as("admin")
    url = "/verwaltung/referierende/neu/"
    base = {"name": "Prof. Dr. Jonas Weber", "role": "", "bio": ""}
    before = snapshot()
    no_alt = client.post(
        url, {**base, "photo_alt": "", "photo": SimpleUploadedFile("a.png", PNG, "image/png")}
    )
    assert no_alt.status_code == 400 and 'id="id_photo_alt_error"' in no_alt.content.decode()
    fake = client.post(
        url,
        {**base, "photo_alt": "Ein Foto", "photo": SimpleUploadedFile("a.png", b"<svg></svg>", "image/png")},
    )
    assert fake.status_code == 400 and 'id="id_photo_error"' in fake.content.decode()
    assert_nothing_written(before)
    done = client.post(
        url,
        {
            **base,
            "photo_alt": "Jonas Weber am Rednerpult",
            "photo": SimpleUploadedFile("a.png", PNG, "image/png"),
        },
    )
    assert done.status_code == 302
    speaker = Speaker.objects.get(municipality=town, name="Prof. Dr. Jonas Weber")
    assert speaker.slug == "prof-dr-jonas-weber" and speaker.photo and speaker.photo_alt


# --- valid HTML -----------------------------------------------------------------------------------------


def test_every_page_of_those_who_organise_is_valid_html(client_as, town, people, tmp_path):
    from tests.events.cases_organise import CASES
    from tests.html import Pages, assert_valid_html, checker

    jar = checker()
    _fill(town, people)
    services.check_in(Registration.objects.get(name="Amira Haddad"), actor=people["admin"])
    pages = Pages(tmp_path)
    for role in ("admin", "expertin"):
        client = client_as(role)
        for case in CASES:
            if case.method == "get" and role in case.allowed and not case.url().endswith(".csv"):
                pages.get(client, case.url(), label=f"{role} {case.name}")
    admin = client_as("admin")
    point = _point(town)
    for label, path, data in [
        ("a new event, empty", "/verwaltung/veranstaltungen/neu/", {}),
        ("a person who called, without a number", _page("test-sitzung", "anmeldung/"), {"name": "Hanna"}),
        (
            "a paper list with a bad line",
            _page("test-bestandsaufnahme", "papierliste/"),
            {"lines": "X; ?", "occasion": "Liste"},
        ),
        ("a code nobody has", _page("test-sitzung", "einlass/"), {"code": "ZZZZZZ"}),
        (
            "a finding without a kind",
            f"/verwaltung/veranstaltungen/protokoll/{point.pk}/befund/",
            {"title": "Befund"},
        ),
        (
            "a speaker's photo without its description",
            "/verwaltung/referierende/neu/",
            {"name": "Jonas Weber", "photo": SimpleUploadedFile("a.png", PNG, "image/png")},
        ),
        (
            "minutes with a task without its text",
            _page("test-bestandsaufnahme", f"tagesordnung/{point.agenda_item_id}/protokoll/"),
            {
                "outcome": "",
                "punkte-TOTAL_FORMS": "1",
                "punkte-INITIAL_FORMS": "0",
                "punkte-MIN_NUM_FORMS": "0",
                "punkte-MAX_NUM_FORMS": "1000",
                "punkte-0-kind": "action",
                "punkte-0-text": "",
                "punkte-0-responsible": "Stadtverwaltung",
            },
        ),
    ]:
        pages.post_invalid(admin, path, data, label, status=400)
    assert_valid_html(jar, pages)
