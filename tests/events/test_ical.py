"""The calendar files as three clients read them: Python's icalendar, vobject and Mozilla's ical.js.

Each reads the same bytes the server sends and must find the event at 10:00 in Berlin on the days
the clocks change (29 March and 25 October 2026: +02:00 and +01:00), in January and in July; the
UID stays while the SEQUENCE rises with a change people were told of; a cancelled event stays
with STATUS:CANCELLED; and the file names no person (no ORGANIZER, no ATTENDEE).
"""

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
import vobject
from icalendar import Calendar

from ankommen.concept.models import Field
from ankommen.events import services
from ankommen.events.models import Event, Venue
from tests.events import world

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
ROOT = Path(__file__).resolve().parents[2]
ICAL_JS = ROOT / "node_modules" / "ical.js"
# 10:00 in Berlin on four days, and the offset from UTC it has there.
DAYS = {
    "januar": (datetime(2026, 1, 15, 10, tzinfo=BERLIN), "+01:00"),
    "umstellung-maerz": (datetime(2026, 3, 29, 10, tzinfo=BERLIN), "+02:00"),
    "juli": (datetime(2026, 7, 15, 10, tzinfo=BERLIN), "+02:00"),
    "umstellung-oktober": (datetime(2026, 10, 25, 10, tzinfo=BERLIN), "+01:00"),
}
LONG = (
    "Wir reden über Wohnungen, Arbeit; Schule, Kita – und was fehlt. Ein Backslash \\ bleibt einer.\n"
    "Zweite Zeile: مرحبا بكم في كورنفستهايم، نحن نتحدث عن السكن والعمل. Привіт! Çok güzel. "
    "Ende, mit Komma."
)


@pytest.fixture
def days(town):
    """A published event at 10:00 on each of the four days, at a place with a room."""
    world.prepare(town)
    venue, _ = Venue.objects.get_or_create(
        municipality=town,
        slug="ical-saal",
        defaults={"name": "Kulturhaus; Saal", "address": "Bahnhofstraße 1"},
    )
    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    made = {}
    for slug, (start, _offset) in DAYS.items():
        event = Event.objects.create(
            municipality=town,
            slug=f"ical-{slug}",
            kind="talk",
            title=f"Fachgespräch {slug}",
            summary=LONG,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            venue=venue,
            room="Raum 2",
            published_at=start - timedelta(days=30),
        )
        event.fields.set([field])
        made[slug] = event
    return made


def _ics(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response


# --- the three readers ------------------------------------------------------------------------------


def read_icalendar(content):
    calendar = Calendar.from_ical(content)
    assert not [component.errors for component in calendar.walk() if component.errors]
    events = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        events[str(event["UID"])] = {
            "start": start,
            "offset": start.strftime("%z"),
            "local": start.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "location": str(event.get("LOCATION", "")),
            "status": str(event["STATUS"]),
            "sequence": int(event["SEQUENCE"]),
            "url": str(event["URL"]),
            "categories": [str(category) for category in event["CATEGORIES"].cats],
        }
    return calendar, events


def read_vobject(content):
    calendar = vobject.readOne(content.decode("utf-8"), validate=True)
    events = {}
    for event in calendar.vevent_list:
        start = event.dtstart.value
        events[event.uid.value] = {
            "offset": start.strftime("%z"),
            "local": start.strftime("%Y-%m-%dT%H:%M"),
            "utc": start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M"),
            "summary": event.summary.value,
            "description": event.description.value,
            "location": event.location.value if hasattr(event, "location") else "",
            "status": event.status.value,
            "sequence": int(event.sequence.value),
        }
    return calendar, events


ICAL_JS_READER = """
import ICAL from %s;
let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      zone: event.startDate.zone.tzid,
      local: event.startDate.toString().slice(0, 16),
      utc: event.startDate.toJSDate().toISOString().slice(0, 16),
      summary: event.summary,
      description: event.description,
      location: event.location,
      status: component.getFirstPropertyValue("status"),
      sequence: event.sequence,
      organizer: component.getFirstProperty("organizer") !== null,
      attendees: event.attendees.length,
    };
  });
  console.log(JSON.stringify({
    name: root.getFirstPropertyValue("x-wr-calname"),
    method: root.getFirstPropertyValue("method"),
    version: root.getFirstPropertyValue("version"),
    events,
  }));
});
"""


def read_ical_js(content):
    """Mozilla's ical.js (Thunderbird's parser) in node, from the repository's node_modules."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    package = json.loads((ICAL_JS / "package.json").read_text())
    module = (ICAL_JS / package["main"]).as_uri()
    result = subprocess.run(  # noqa: S603 (our own script, our own file)
        [node, "--input-type=module", "-e", ICAL_JS_READER % json.dumps(module)],
        input=content,
        capture_output=True,
        check=True,
        timeout=60,
    )
    read = json.loads(result.stdout)
    return read, {event["uid"]: event for event in read["events"]}


# --- the tests --------------------------------------------------------------------------------------


def test_ical_js_is_installed_where_the_tests_look():
    assert (ICAL_JS / "package.json").is_file(), f"{ICAL_JS} is missing: `npm ci` installs ical.js"


@pytest.mark.parametrize("slug", DAYS)
def test_an_events_file_shows_10_oclock_in_berlin_in_every_reader(client, town, days, slug):
    event = days[slug]
    start, offset = DAYS[slug]
    response = _ics(client, f"/veranstaltungen/{event.slug}/kalender.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    content = response.content
    uid = f"{event.uid}@{town.host}"
    utc = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    local = start.strftime("%Y-%m-%dT%H:%M")

    _calendar, by_icalendar = read_icalendar(content)
    assert by_icalendar[uid]["local"] == local
    assert by_icalendar[uid]["offset"] == offset.replace(":", "")
    assert by_icalendar[uid]["start"].astimezone(UTC).strftime("%Y-%m-%dT%H:%M") == utc

    _calendar, by_vobject = read_vobject(content)
    assert (by_vobject[uid]["local"], by_vobject[uid]["offset"], by_vobject[uid]["utc"]) == (
        local,
        offset.replace(":", ""),
        utc,
    )

    read, by_ical_js = read_ical_js(content)
    assert (by_ical_js[uid]["local"], by_ical_js[uid]["zone"], by_ical_js[uid]["utc"]) == (
        local,
        "Europe/Berlin",
        utc,
    )
    assert (read["method"], read["version"]) == ("PUBLISH", "2.0")


def test_the_times_are_written_in_berlin_with_the_zones_rules(client, days):
    content = _ics(client, "/veranstaltungen/ical-umstellung-maerz/kalender.ics").content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20260329T100000\r\n" in content
    assert "DTEND;TZID=Europe/Berlin:20260329T120000\r\n" in content
    zone = re.search(r"BEGIN:VTIMEZONE\r\n(.*?)END:VTIMEZONE\r\n", content, re.S).group(1)
    assert "TZID:Europe/Berlin" in zone and "TZOFFSETTO:+0200" in zone and "TZOFFSETTO:+0100" in zone
    assert content.index("END:VTIMEZONE") < content.index("BEGIN:VEVENT")


def test_every_reader_reads_the_texts_back_as_written(client, town, days):
    """Escaped commas, semicolons, backslashes and line breaks, folded lines with Arabic and Cyrillic letters."""
    event = days["juli"]
    content = _ics(client, f"/veranstaltungen/{event.slug}/kalender.ics").content
    for line in content.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # no line was cut inside a character
    uid = f"{event.uid}@{town.host}"
    url = f"https://{town.host}/veranstaltungen/{event.slug}/"
    description = f"{LONG}\n\n{url}"
    location = "Kulturhaus; Saal, Raum 2, Bahnhofstraße 1"
    for read in (read_icalendar, read_vobject, read_ical_js):
        found = read(content)[1][uid]
        assert (found["summary"], found["description"], found["location"]) == (
            "Fachgespräch juli",
            description,
            location,
        ), read.__name__
    _calendar, by_icalendar = read_icalendar(content)
    assert by_icalendar[uid]["url"] == url
    assert by_icalendar[uid]["categories"] == ["Fachgespräch"]


def test_a_change_raises_the_sequence_and_keeps_the_uid(client, town, people):
    world.prepare(town)
    event = world.event(town, "test-sitzung")
    url = "/veranstaltungen/test-sitzung/kalender.ics"
    uid = f"{event.uid}@{town.host}"
    before = read_icalendar(_ics(client, url).content)[1]
    assert before[uid]["sequence"] == 0 and before[uid]["status"] == "CONFIRMED"

    services.save_event(
        event, actor=people["admin"], starts_at=event.starts_at + timedelta(hours=1), ends_at=event.ends_at
    )
    content = _ics(client, url).content
    for read in (read_icalendar, read_vobject, read_ical_js):
        events = read(content)[1]
        assert list(events) == [uid], read.__name__
        assert events[uid]["sequence"] == 1, read.__name__

    services.save_event(event, actor=people["admin"], summary="Nur die Kurzbeschreibung ist neu.")
    assert (
        read_icalendar(_ics(client, url).content)[1][uid]["sequence"] == 1
    )  # nobody was told: no new sequence


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, town, people):
    world.prepare(town)
    event = world.event(town, "test-sitzung")
    uid = f"{event.uid}@{town.host}"
    services.cancel_event(event, actor=people["admin"], reason="Der Saal ist gesperrt.")
    content = _ics(client, "/veranstaltungen/kalender.ics").content
    for read in (read_icalendar, read_vobject, read_ical_js):
        found = read(content)[1][uid]
        assert (found["status"], found["sequence"]) == ("CANCELLED", 1), read.__name__
        assert found["summary"] == "Abgesagt: Sitzung der Dialogplattform (Test)"
    assert "Abgesagt: Der Saal ist gesperrt." in read_icalendar(content)[1][uid]["description"]


def test_no_person_is_named_in_a_calendar_file(client, town, days):
    world.prepare(town)
    for url in ("/veranstaltungen/kalender.ics", "/veranstaltungen/test-sitzung/kalender.ics"):
        content = _ics(client, url).content
        assert not re.search(rb"^(ORGANIZER|ATTENDEE)[;:]", content, re.M), url
        assert b"Amira" not in content and b"@demo.ankommen.example" not in content
        for event in read_ical_js(content)[1].values():
            assert (event["organizer"], event["attendees"]) == (False, 0)


def test_the_feed_holds_the_published_events_from_a_year_back_on(client, town, days):
    world.prepare(town)
    old = Event.objects.create(
        municipality=town,
        slug="ical-alt",
        title="Vor mehr als einem Jahr",
        starts_at=datetime(2024, 11, 2, 10, tzinfo=BERLIN),
        ends_at=datetime(2024, 11, 2, 12, tzinfo=BERLIN),
        published_at=datetime(2024, 10, 1, tzinfo=BERLIN),
    )
    with time_machine.travel(datetime(2026, 2, 1, 12, tzinfo=UTC), tick=False):
        response = _ics(client, "/veranstaltungen/kalender.ics")
    assert response["Content-Disposition"] == 'inline; filename="veranstaltungen-kornwestheim.ics"'
    calendar, events = read_icalendar(response.content)
    uids = set(events)
    assert {f"{event.uid}@{town.host}" for event in days.values()} <= uids
    assert f"{world.event(town, 'test-sitzung').uid}@{town.host}" in uids
    assert f"{world.event(town, 'test-entwurf').uid}@{town.host}" not in uids  # a draft
    assert f"{old.uid}@{town.host}" not in uids
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen – Kornwestheim"
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Ankommen//Veranstaltungen//DE"
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert len(read_vobject(response.content)[1]) == len(read_ical_js(response.content)[1]) == len(events)


def test_a_fields_feed_holds_its_events_only(client, town, days):
    world.prepare(town)
    Field.objects.create(municipality=town, name="Ohne Termine", slug="ohne-termine", summary="Noch nichts.")
    response = _ics(client, "/veranstaltungen/kalender.ics?feld=ohne-termine")
    assert read_icalendar(response.content)[1] == {}
    assert response["Content-Disposition"].endswith(
        'filename="veranstaltungen-kornwestheim-ohne-termine.ics"'
    )
    response = _ics(client, "/veranstaltungen/kalender.ics?feld=wohnen-und-leben")
    calendar, events = read_icalendar(response.content)
    assert f"{world.event(town, 'test-sitzung').uid}@{town.host}" in events
    assert f"{world.event(town, 'test-konferenz').uid}@{town.host}" not in events  # in no field
    assert str(calendar["X-WR-CALNAME"]) == "Wohnen und Leben – Veranstaltungen in Kornwestheim"
    assert client.get("/veranstaltungen/kalender.ics?feld=gibt-es-nicht").status_code == 404


def test_an_online_event_has_its_address_as_its_place(client, town):
    world.prepare(town)
    event = Event.objects.create(
        municipality=town,
        slug="ical-online",
        title="Online-Sprechstunde",
        starts_at=datetime(2027, 1, 12, 18, tzinfo=BERLIN),
        ends_at=datetime(2027, 1, 12, 19, tzinfo=BERLIN),
        online_url="https://meet.example.org/sprechstunde",
        published_at=datetime(2026, 12, 1, tzinfo=BERLIN),
    )
    content = _ics(client, "/veranstaltungen/ical-online/kalender.ics").content
    found = read_ical_js(content)[1][f"{event.uid}@{town.host}"]
    assert found["location"] == "https://meet.example.org/sprechstunde"


def test_a_draft_has_no_calendar_file_for_others(client_as, town):
    world.prepare(town)
    assert client_as("mitglied").get("/veranstaltungen/test-entwurf/kalender.ics").status_code == 403
    assert client_as("admin").get("/veranstaltungen/test-entwurf/kalender.ics").status_code == 200


def test_the_feed_in_another_language_reads_the_translated_texts(client, town, people, days):
    from ankommen.core.translation import save_translation

    event = days["juli"]
    translator = people["uebersetzung"]
    save_translation(event, "title", "en", actor=translator, text="Expert talk, July", state="reviewed")
    save_translation(
        event.venue, "name", "en", actor=translator, text="Culture house; hall", state="reviewed"
    )
    with time_machine.travel(datetime(2026, 2, 1, 12, tzinfo=UTC), tick=False):
        feed = _ics(client, "/en/veranstaltungen/kalender.ics").content
    single = _ics(client, f"/en/veranstaltungen/{event.slug}/kalender.ics").content
    uid = f"{event.uid}@{town.host}"
    for content in (feed, single):
        for read in (read_icalendar, read_vobject, read_ical_js):
            found = read(content)[1][uid]
            assert found["summary"] == "Expert talk, July", read.__name__
            assert found["location"].startswith("Culture house; hall, Raum 2"), read.__name__
            assert found["description"].startswith(LONG)  # not translated: the German
            assert f"https://{town.host}/en/veranstaltungen/{event.slug}/" in found["description"]


def test_the_kept_feed_follows_every_change_and_goes_out_compressed(client, town, people):
    """The feed is built once per change of the town: a change, a publication, a cancellation show at once."""
    import gzip

    world.prepare(town)
    url = "/veranstaltungen/kalender.ics"
    sitzung, draft = world.event(town, "test-sitzung"), world.event(town, "test-entwurf")
    first = _ics(client, url)
    assert f"{sitzung.uid}@{town.host}" in read_icalendar(first.content)[1]
    assert f"{draft.uid}@{town.host}" not in read_icalendar(first.content)[1]

    services.save_event(sitzung, actor=people["admin"], room="Raum 202")
    assert (
        "Raum 202" in read_icalendar(_ics(client, url).content)[1][f"{sitzung.uid}@{town.host}"]["location"]
    )
    services.publish_event(draft, actor=people["admin"])
    assert f"{draft.uid}@{town.host}" in read_icalendar(_ics(client, url).content)[1]

    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == client.get(url).content
    again = client.get(url, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304 and again["ETag"] == packed["ETag"]
    services.cancel_event(sitzung, actor=people["admin"], reason="Krank.")
    changed = client.get(url, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert changed.status_code == 200
    assert read_icalendar(changed.content)[1][f"{sitzung.uid}@{town.host}"]["status"] == "CANCELLED"
