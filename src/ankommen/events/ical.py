"""Events as iCalendar (RFC 5545): one event's file, and the calendar people subscribe to.

Times are written in the town's zone (Europe/Berlin) with its VTIMEZONE, so a calendar shows
10:00 on the day clocks change as on any other. Each event keeps its UID (`<uuid>@<host>`) and
raises its SEQUENCE with every change people were told of (`services.save_event`), so calendars
replace their copy instead of adding a second one; a cancelled event stays with STATUS:CANCELLED
and disappears from nobody's calendar unannounced. No ORGANIZER and no ATTENDEE: a published
calendar names no person.

The envelope (VCALENDAR, its properties and the VTIMEZONE) is built by the `icalendar` library,
once per range of years. The VEVENTs are written line by line here: the library's component
objects cost about a quarter of a millisecond per event, a town's year of events in a feed a
subscriber's client asks for every hour would cost more than the page it links from. What each
line needs (TEXT escaping, folding at 75 octets, CRLF) is done as RFC 5545 says, and the tests
read the result with `icalendar`, `vobject` and Mozilla's ical.js.
"""

import functools
from datetime import UTC, date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone

from ankommen.core.translation import translated
from ankommen.events.models import EventKind

PRODID = "-//Ankommen//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
FOLD = 75  # octets of a content line before it folds (RFC 5545, 3.1)
END = b"END:VCALENDAR\r\n"


def zone_name():
    return settings.TIME_ZONE


@functools.lru_cache(maxsize=256)
def _envelope(name, first_year, last_year, zone, ttl):
    """The calendar's lines before its events (with the VTIMEZONE for the years), as bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone)
    if ttl:
        calendar.add("x-published-ttl", ttl)  # how often a subscribed client asks again
    calendar.add_component(
        Timezone.from_tzid(zone, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1))
    )
    text = calendar.to_ical()
    assert text.endswith(END)
    return text[: -len(END)]


def escape(text):
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks as \\n."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """A content line folded after at most 75 octets, never inside a UTF-8 character or an escape."""
    data = line.encode()
    if len(data) <= FOLD:
        return data
    parts, start, limit = [], 0, FOLD
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # not in the middle of a character
            cut -= 1
        if data[cut - 1] == 0x5C and cut - 1 > start:  # nor between a backslash and what it escapes
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, FOLD - 1  # a continuation line begins with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts)


class Writer:
    """Writes the VEVENTs of one calendar: what is the same for every event is computed once."""

    def __init__(self, town, language):
        self.town, self.language = town, language
        self.zone = ZoneInfo(zone_name())
        self.base = f"{settings.SITE_SCHEME}://{town.host}"
        self.stamp = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.start = f"DTSTART;TZID={zone_name()}:"
        self.end = f"DTEND;TZID={zone_name()}:"
        self.kinds = {kind: escape(label) for kind, label in EventKind.choices}
        self.cancelled = _("Abgesagt")
        self.online = _("Online")
        self.event_path = reverse("events:event", args=["-"])[:-2]  # "/veranstaltungen/" in this language

    def local(self, moment):
        return moment.astimezone(self.zone).strftime("%Y%m%dT%H%M%S")

    def text(self, obj, field):
        return translated(obj, field, self.language).text

    def location(self, event):
        if event.venue_id:
            venue = event.venue
            parts = [self.text(venue, "name"), event.room, venue.address]
            return ", ".join(part for part in parts if part)
        return event.online_url or ""

    def lines(self, event):
        url = f"{self.base}{self.event_path}{event.slug}/"
        title = self.text(event, "title")
        summary = self.text(event, "summary")
        description = [summary] if summary else []
        if event.cancelled_at:
            title = f"{self.cancelled}: {title}"
            description.insert(0, f"{self.cancelled}: {event.cancel_reason}" if event.cancel_reason else "")
        if event.online_url and event.venue_id:
            description.append(f"{self.online}: {event.online_url}")
        description.append(url)
        lines = [
            "BEGIN:VEVENT",
            f"UID:{event.uid}@{self.town.host}",
            f"DTSTAMP:{self.stamp}",
            self.start + self.local(event.starts_at),
            self.end + self.local(event.ends_at),
            f"SEQUENCE:{event.sequence}",
            "LAST-MODIFIED:" + event.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
            "SUMMARY:" + escape(title),
            "DESCRIPTION:" + escape("\n\n".join(part for part in description if part)),
        ]
        location = self.location(event)
        if location:
            lines.append("LOCATION:" + escape(location))
        lines += [
            f"URL:{url}",
            "STATUS:CANCELLED" if event.cancelled_at else "STATUS:CONFIRMED",
            "CATEGORIES:" + self.kinds[event.kind],
            "END:VEVENT",
        ]
        return b"\r\n".join(fold(line) for line in lines)


def calendar(events, *, town, name, language, ttl=None):
    """The iCalendar file of `events` (with their venues and translations fetched) as bytes."""
    events = list(events)
    now = timezone.localdate()
    first = min((event.starts_at.year for event in events), default=now.year)
    last = max((event.ends_at.year for event in events), default=now.year)
    writer = Writer(town, language)
    body = b"\r\n".join(writer.lines(event) for event in events)
    return b"".join(
        (_envelope(str(name), first, last, zone_name(), ttl), body, b"\r\n" if body else b"", END)
    )


def response(content, filename, *, inline=False):
    answer = HttpResponse(content, content_type=CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    answer["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return answer
