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
import gzip
import hashlib
import re
from datetime import UTC, date
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone

from ankommen.core.languages import SOURCE
from ankommen.core.translation import translated
from ankommen.events.models import EventKind

PRODID = "-//Ankommen//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
FOLD = 75  # octets of a content line before it folds (RFC 5545, 3.1)
END = b"END:VCALENDAR\r\n"
# What a VEVENT shows of an event, and where each value is read from.
COLUMNS = {
    "pk": "pk",
    "uid": "uid",
    "slug": "slug",
    "kind": "kind",
    "title": "title",
    "summary": "summary",
    "starts_at": "starts_at",
    "ends_at": "ends_at",
    "room": "room",
    "online_url": "online_url",
    "sequence": "sequence",
    "updated_at": "updated_at",
    "cancelled_at": "cancelled_at",
    "cancel_reason": "cancel_reason",
    "venue_id": "venue_id",
    "venue_name": "venue__name",
    "address": "venue__address",
}


class Entry:
    """What a calendar file shows of one event, its texts in the reader's language.

    A feed holds a town's year of events: read as plain values (`entries`), not as model
    instances, they cost a third.
    """

    __slots__ = tuple(COLUMNS)

    def __init__(self, values):
        for name, value in zip(COLUMNS, values, strict=True):
            setattr(self, name, value)

    @classmethod
    def of(cls, event, language):
        """An event fetched with its venue and their translations."""
        entry = cls([getattr(event, name) for name in COLUMNS if "__" not in COLUMNS[name]] + [None, None])
        entry.title = translated(event, "title", language).text
        entry.summary = translated(event, "summary", language).text
        if event.venue_id:
            entry.venue_name = translated(event.venue, "name", language).text
            entry.address = event.venue.address
        return entry


def entries(events, town, language):
    """The events of a queryset as `Entry`s: one query, two more for their translations in another language."""
    rows = [Entry(values) for values in events.values_list(*COLUMNS.values())]
    if language != SOURCE and rows:
        _translate(rows, town, language)
    return rows


def _translate(rows, town, language):
    """Put the readable translations of the events' titles and summaries and their places' names on `rows`."""
    from django.contrib.contenttypes.models import ContentType

    from ankommen.core.models import Translation
    from ankommen.events.models import Event, Venue

    def texts(model, pks, fields):
        found = {}
        for row in Translation.objects.for_municipality(town).filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=pks,
            language=language,
            field__in=fields,
        ):
            found.setdefault(row.object_id, []).append(row)
        return found

    events = texts(Event, [row.pk for row in rows], ("title", "summary"))
    venues = texts(Venue, {row.venue_id for row in rows if row.venue_id}, ("name",))
    for row in rows:
        if row.pk in events:
            holder = SimpleNamespace(
                title=row.title, summary=row.summary, translations_prefetched=events[row.pk]
            )
            row.title = translated(holder, "title", language).text
            row.summary = translated(holder, "summary", language).text
        if row.venue_id in venues:
            holder = SimpleNamespace(name=row.venue_name, translations_prefetched=venues[row.venue_id])
            row.venue_name = translated(holder, "name", language).text


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

    def __init__(self, town):
        self.town = town
        self.zone = ZoneInfo(zone_name())
        self.base = f"{settings.SITE_SCHEME}://{town.host}"
        self.stamp = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.start = f"DTSTART;TZID={zone_name()}:"
        self.end = f"DTEND;TZID={zone_name()}:"
        self.kinds = {kind: fold("CATEGORIES:" + escape(label)) for kind, label in EventKind.choices}
        self.cancelled = _("Abgesagt")
        self.online = _("Online")
        self.event_path = reverse("events:event", args=["-"])[:-2]  # "/veranstaltungen/" in this language

    def local(self, moment):
        return moment.astimezone(self.zone).strftime("%Y%m%dT%H%M%S")

    def location(self, event):
        if event.venue_id:
            return ", ".join(part for part in (event.venue_name, event.room, event.address) if part)
        return event.online_url or ""

    def lines(self, event):
        """The VEVENT of an `Entry`, as bytes (the lines that may grow long folded, the others as they are)."""
        url = f"{self.base}{self.event_path}{event.slug}/"
        title = event.title
        description = [event.summary] if event.summary else []
        if event.cancelled_at:
            title = f"{self.cancelled}: {title}"
            if event.cancel_reason:
                description.insert(0, f"{self.cancelled}: {event.cancel_reason}")
        if event.online_url and event.venue_id:
            description.append(f"{self.online}: {event.online_url}")
        description.append(url)
        fixed = (
            f"BEGIN:VEVENT\r\nDTSTAMP:{self.stamp}\r\n"
            f"{self.start}{self.local(event.starts_at)}\r\n{self.end}{self.local(event.ends_at)}\r\n"
            f"SEQUENCE:{event.sequence}\r\n"
            f"LAST-MODIFIED:{event.updated_at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}\r\n"
            f"STATUS:{'CANCELLED' if event.cancelled_at else 'CONFIRMED'}"
        ).encode()
        parts = [
            fixed,
            fold(f"UID:{event.uid}@{self.town.host}"),
            fold("SUMMARY:" + escape(title)),
            fold("DESCRIPTION:" + escape("\n\n".join(description))),
        ]
        location = self.location(event)
        if location:
            parts.append(fold("LOCATION:" + escape(location)))
        parts += [fold(f"URL:{url}"), self.kinds[event.kind], b"END:VEVENT"]
        return b"\r\n".join(parts)


def calendar(events, *, town, name, ttl=None):
    """The iCalendar file of `events` (`Entry`s) as bytes."""
    now = timezone.localdate()
    first = min((event.starts_at.year for event in events), default=now.year)
    last = max((event.ends_at.year for event in events), default=now.year)
    writer = Writer(town)
    body = b"\r\n".join(writer.lines(event) for event in events)
    return b"".join(
        (_envelope(str(name), first, last, zone_name(), ttl), body, b"\r\n" if body else b"", END)
    )


def response(content, filename, *, inline=False):
    answer = HttpResponse(content, content_type=CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    answer["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return answer


# --- the feed, kept ---------------------------------------------------------------------------------

FEED_KEPT_SECONDS = 3600
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def kept_feed(request, key, build, filename):
    """The feed for `key` as it was built last, compressed, in the shared cache; `build()` makes it anew.

    A subscribed calendar asks every hour or so, and a large town's year is thousands of events:
    the feed is built once per change of the town (the key holds its cache version, which every
    saved event, place or translation moves), per language, field and day (the year it reaches back
    moves with the day). It goes out compressed to a client that takes gzip, and answers 304 to one
    that sends the ETag it has.
    """
    etag = f'"{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}"'
    if etag in request.headers.get("If-None-Match", ""):
        answer = HttpResponseNotModified()
        answer["ETag"] = etag
        return answer
    if not settings.FRAGMENT_CACHE:  # measuring what the pages cost without their caches
        return response(build(), filename, inline=True)
    store = caches["default"]
    packed = store.get(key)
    if packed is None:
        packed = gzip.compress(build(), compresslevel=6, mtime=0)
        store.set(key, packed, FEED_KEPT_SECONDS)
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        answer = response(packed, filename, inline=True)
        answer["Content-Encoding"] = "gzip"
    else:
        answer = response(gzip.decompress(packed), filename, inline=True)
    patch_vary_headers(answer, ("Accept-Encoding",))
    answer["ETag"] = etag
    return answer
