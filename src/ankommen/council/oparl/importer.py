"""Import from another council system's OParl interface: its committees, people, meetings and papers
arrive as the town's rows, read-only copies that name their origin (`origin` = the OParl id).

How a run goes (`run_import`, used by `ankommen oparl import` and the task in council/tasks.py):

- The start address is a System (its bodies are listed; the first is taken unless one is chosen) or a
  Body. Only addresses on the start address's host are ever fetched; others are logged and skipped.
- The body's lists are read in this order, page by page: organization → Committee, person → Person with
  its Memberships, meeting → Meeting with its Location, AgendaItems and files, paper → Submission with its
  Consultations and files. A File is linked (`origin_access_url`), never copied.
- Each list page is stored in one transaction together with the run's progress; within it each object
  in its own savepoint, so that a broken object is logged and skipped while the others are kept.
- `ImportRun.cursor` holds, per list, the server's time at which the last complete reading of the list
  began (and, as `body`, the body it holds for); the next run asks the list with `modified_since` =
  that time. While a list is being read,
  `cursor["resume"][list]` names the next page: a run that broke off (a failing server, a killed
  process) is continued from there by the next run for the same address.
- A row is written only when something in it changed, so a run over unchanged data writes nothing.
  An object served with `deleted: true`, or no longer listed in its parent, marks the copy `deleted_at`.
- `ImportRun.counts` says, as the run goes, which list is being read (`list`), the pages read per list
  (`pages`), per OParl type how many objects were read, created, updated, unchanged, deleted, skipped
  (`organization`, `meeting`, `agendaItem`, …) and how often each quirk of the server was met (`quirks`).
- `ImportRun.log` has a line per quirk and per failure, in German, for the town's admins; a quirk met
  more than `QUIRK_LINES` times is counted without further lines.

OParl 1.0 is read as well (chapter "Änderungen und Migration" of the specification): its types, its
embedded objects without `created`/`modified`, organizations as a single address or a list.
"""

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from django.db import transaction
from django.utils import timezone

from ankommen.core import search
from ankommen.core.cache import touch_town
from ankommen.core.models import Translatable, record_sources
from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    ConsultationRole,
    FileRole,
    ImportRun,
    ImportStatus,
    Location,
    Meeting,
    Membership,
    MembershipRole,
    PaperType,
    Person,
    Submission,
    SubmissionStatus,
    touch_parents,
)

USER_AGENT = "Ankommen-OParl-Import/1.0 (+https://schema.oparl.org)"
MAX_ANSWER_BYTES = 64 * 1024 * 1024
QUIRK_LINES = 10
LISTS = ("organization", "person", "meeting", "paper")
# What the log calls each OParl type.
LABELS = {
    "system": "System",
    "body": "Körperschaft",
    "organization": "Gremium",
    "person": "Person",
    "membership": "Mitgliedschaft",
    "meeting": "Sitzung",
    "agendaItem": "Tagesordnungspunkt",
    "location": "Ort",
    "file": "Datei",
    "paper": "Vorlage",
    "consultation": "Beratung",
}
SMALLINT_MAX = 32767


# --- fetching --------------------------------------------------------------------------------


class FetchError(Exception):
    """The server gave no usable answer, after all retries; the message says why (in German)."""


class NotFound(FetchError):
    """The server answered 404."""


class _Passing(Exception):
    """A failure that may pass (a timeout, a 5xx, a dropped connection): worth another try."""


def host_of(url):
    """The host a URL names, with its port when it names one: what "the same server" compares."""
    parts = urllib.parse.urlsplit(url)
    return (parts.hostname or "").lower(), parts.port


def with_params(url, params):
    """`url` with the query parameters `params` set (replacing any of the same name)."""
    if not params:
        return url
    parts = urllib.parse.urlsplit(url)
    query = [(key, value) for key, value in urllib.parse.parse_qsl(parts.query) if key not in params]
    query += [(key, value) for key, value in params.items() if value is not None]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the server the import started at."""

    def __init__(self, allows):
        super().__init__()
        self.allows = allows

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not self.allows(newurl):
            raise FetchError(
                f"{req.full_url}: Weiterleitung zu einem anderen Server ({newurl}) nicht gefolgt"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Client:
    """GET JSON from one OParl server: a time limit per request, retries with growing pauses."""

    def __init__(self, start_url, *, timeout=30.0, retries=3, backoff=2.0, log=None):
        self.host = host_of(start_url)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.log = log or (lambda line: None)
        self.opener = urllib.request.build_opener(_SameHostRedirects(self.allows))
        self.requests = 0

    def allows(self, url):
        """Is `url` on the server the import started at (the only one it may fetch from)?"""
        return (
            isinstance(url, str)
            and urllib.parse.urlsplit(url).scheme in ("http", "https")
            and host_of(url) == self.host
        )

    def get(self, url, params=None):
        """The JSON at `url` and the server's time of the answer (its Date header, else ours)."""
        if not self.allows(url):
            raise FetchError(f"{url}: anderer Server als die Startadresse, nicht abgerufen")
        url = with_params(url, params)
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._get_once(url)
            except _Passing as error:
                if attempt == attempts:
                    raise FetchError(f"{url}: {error}; aufgegeben nach {attempts} Versuchen") from None
                pause = self.backoff * 2 ** (attempt - 1)
                self.log(f"{url}: {error} (Versuch {attempt} von {attempts}), neuer Versuch in {pause:g} s")
                time.sleep(pause)
        raise AssertionError("unreachable")

    def _get_once(self, url):
        self.requests += 1
        # `allows` let only http(s) addresses on the start address's server through.
        request = urllib.request.Request(  # noqa: S310
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                body = self._read(response, started)
                served_at = parse_http_date(response.headers.get("Date"))
        except urllib.error.HTTPError as error:
            error.close()
            if error.code == 404:
                raise NotFound(f"{url}: nicht gefunden (404)") from None
            if error.code >= 500 or error.code == 429:
                raise _Passing(f"Serverfehler {error.code}") from None
            raise FetchError(f"{url}: vom Server abgelehnt ({error.code})") from None
        except TimeoutError:
            raise _Passing(f"keine Antwort innerhalb von {self.timeout:g} s") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _Passing(f"keine Antwort innerhalb von {self.timeout:g} s") from None
            raise _Passing(f"keine Verbindung ({error.reason})") from None
        except (http.client.HTTPException, ConnectionError, OSError) as error:
            raise _Passing(f"Verbindung abgebrochen ({type(error).__name__})") from None
        try:
            return json.loads(body), served_at or timezone.now()
        except ValueError:
            raise _Passing("keine gültige JSON-Antwort") from None

    def _read(self, response, started):
        """The whole answer, within the time limit (a server sending a trickle does not hold us)."""
        chunks, size = [], 0
        while True:
            if time.monotonic() - started > self.timeout:
                raise TimeoutError
            chunk = response.read(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise FetchError(f"{response.url}: Antwort größer als {MAX_ANSWER_BYTES // 2**20} MB")
            chunks.append(chunk)


# --- reading OParl values --------------------------------------------------------------------


def parse_http_date(value):
    try:
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


def kind_of(obj):
    """The OParl type of an object, as the schema names it ("meeting", "agendaItem"), any version."""
    if not isinstance(obj, dict) or not isinstance(obj.get("type"), str):
        return ""
    name = obj["type"].rstrip("/").rsplit("/", 1)[-1]
    return {label.lower(): label for label in LABELS}.get(name.lower(), name)


def version_of(obj):
    """ "1.0" or "1.1", from the type's namespace (https://schema.oparl.org/1.0/Body)."""
    parts = obj.get("type", "").rstrip("/").split("/") if isinstance(obj, dict) else []
    return parts[-2] if len(parts) >= 2 else ""


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def paper_type(text):
    """Our three kinds of paper from the free text servers use; what we do not know is a submission."""
    text = (text or "").lower()
    if "antrag" in text and "vorlage" not in text:
        return PaperType.MOTION
    if any(word in text for word in ("information", "mitteilung", "bericht", "kenntnis")):
        return PaperType.INFORMATION
    return PaperType.SUBMISSION


def consultation_role(text, authoritative):
    """The role of a body in a paper's consultation, from the free text; `authoritative` decides the rest."""
    text = (text or "").lower()
    if "kenntnis" in text or "information" in text or "mitteilung" in text:
        return ConsultationRole.NOTICE
    if "vorberat" in text or "anhörung" in text or "beratung" in text or "empfehl" in text:
        return ConsultationRole.PRELIMINARY
    if "entscheid" in text or "beschl" in text:
        return ConsultationRole.DECISION
    return ConsultationRole.DECISION if authoritative is True else ConsultationRole.PRELIMINARY


def membership_role(text):
    text = (text or "").lower()
    if "vorsitz" in text or "vorsitzend" in text:
        return MembershipRole.DEPUTY_CHAIR if "stellv" in text else MembershipRole.CHAIR
    if "stellv" in text or "vertret" in text:
        return MembershipRole.DEPUTY
    if "berat" in text or "sachkundig" in text:
        return MembershipRole.ADVISORY
    return MembershipRole.MEMBER


def reversed_point(location):
    """Does the location's GeoJSON point give latitude first (a common mistake: GeoJSON is longitude first)?"""
    geojson = location.get("geojson")
    geometry = geojson.get("geometry", geojson) if isinstance(geojson, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if geometry is None or geometry.get("type") != "Point" or not isinstance(coordinates, list):
        return False
    try:
        first, second = float(coordinates[0]), float(coordinates[1])
    except (IndexError, TypeError, ValueError):
        return False
    # Germany and its neighbours: latitude 45–56, longitude 5–16; the other way round is a swap.
    return 45 <= first <= 56 and 5 <= second <= 16


class Skip(Exception):
    """An object cannot become a row (a required part is missing); `kind` names the quirk."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


class ImportFailed(Exception):
    """The run cannot go on (no body, the wrong kind of address); the message says why."""


# --- the run ---------------------------------------------------------------------------------


def run_import(run, *, body="", full=False, client=None, timeout=30.0, retries=3, backoff=2.0):
    """Import from `run.url` into `run.municipality`, writing progress to `run` as it goes; returns `run`.

    `body`: the id (or its last part) of the body to take from a system with several; `full`: read every
    list whole instead of only what changed since the last run.
    """
    importer = Importer(
        run, body=body, full=full, client=client, timeout=timeout, retries=retries, backoff=backoff
    )
    importer.execute()
    return run


class Importer:
    def __init__(self, run, *, body="", full=False, client=None, timeout=30.0, retries=3, backoff=2.0):
        self.run = run
        self.town = run.municipality
        self.wanted_body = body
        self.full = full
        self.client = client or Client(
            run.url, timeout=timeout, retries=retries, backoff=backoff, log=self.note
        )
        self.cursor = {}
        self.counts = {"list": "", "pages": {}, "quirks": {}}
        self.lines = []
        self.quirks = Counter()
        self.said = set()  # (quirk, object) pairs logged already: one line per object and quirk
        self.committees = None  # origin → (pk, name) of the town's imported committees, read once
        self.locations = {}  # origin → pk of locations stored in this run
        self.fetched = {}  # address → object fetched on its own (an organization, a location)
        self.missing = set()  # addresses the server does not have (404) or we may not fetch
        self.seen = set()  # ids read in the list now being read: a second one is a duplicate
        self.fresh = set()  # (model, pk) of the rows created in the page being stored
        self.bulk_written = False  # rows written in bulk in this page, without signals
        self.parents = set()  # (model, pk) whose `modified` moves when the page is stored
        self.object_parents = set()  # the same, of the object being stored (kept if it is)

    # --- bookkeeping ---

    def note(self, line):
        """One line in the run's log."""
        self.lines.append(f"{timezone.localtime():%H:%M:%S} {line}")

    def quirk(self, kind, line, about=None):
        """A quirk of the server, accepted: counted, and logged up to `QUIRK_LINES` times per kind."""
        if about is not None:
            if (kind, about) in self.said:
                return
            self.said.add((kind, about))
        self.quirks[kind] += 1
        self.counts["quirks"][kind] = self.quirks[kind]
        if self.quirks[kind] <= QUIRK_LINES:
            self.note(line)
        elif self.quirks[kind] == QUIRK_LINES + 1:
            self.note(f"… weitere Fälle von „{kind}“ werden nur noch gezählt")

    def count(self, kind, what, number=1):
        tally = self.counts.setdefault(
            kind, {"read": 0, "created": 0, "updated": 0, "unchanged": 0, "deleted": 0, "skipped": 0}
        )
        tally[what] += number

    def save_progress(self, **fields):
        """Write counts, cursor and log to the run (within the page's transaction, when there is one)."""
        self.run.counts = self.counts
        self.run.cursor = self.cursor
        self.run.log = "\n".join(self.lines)
        for name, value in fields.items():
            setattr(self.run, name, value)
        ImportRun.objects.filter(pk=self.run.pk).update(
            counts=self.counts, cursor=self.cursor, log=self.run.log, **fields
        )

    # --- the run as a whole ---

    def execute(self):
        self.begin()
        try:
            body = self.discover()
            self.keep_to(body)
            for name in LISTS:
                self.read_list(name, body.get(name))
        except (FetchError, ImportFailed) as error:
            self.finish(ImportStatus.FAILED, f"Abgebrochen: {error}")
        except Exception as error:
            self.finish(
                ImportStatus.FAILED, f"Abgebrochen wegen eines Fehlers: {type(error).__name__}: {error}"
            )
            raise
        else:
            self.finish(ImportStatus.DONE, f"Fertig. {self.summary()}")

    def begin(self):
        """Take the cursor of the last run from the same address; a run left running was broken off."""
        earlier = (
            ImportRun.objects.for_municipality(self.town)
            .filter(url=self.run.url, pk__lt=self.run.pk)
            .order_by("-pk")
            .first()
        )
        if earlier is not None:
            if earlier.status == ImportStatus.RUNNING:
                line = (
                    f"{timezone.localtime():%H:%M:%S} Nicht zu Ende geführt; Lauf {self.run.pk} setzt fort."
                )
                ImportRun.objects.filter(pk=earlier.pk).update(
                    status=ImportStatus.FAILED,
                    finished_at=timezone.now(),
                    log="\n".join(filter(None, [earlier.log, line])),
                )
            if not self.full:
                self.cursor = dict(earlier.cursor or {})
                if self.cursor.get("resume"):
                    lists = ", ".join(sorted(self.cursor["resume"]))
                    self.note(f"Setzt den abgebrochenen Lauf {earlier.pk} fort ({lists}).")
        if self.full:
            self.note("Alle Listen werden vollständig gelesen.")
        self.save_progress(status=ImportStatus.RUNNING)

    def keep_to(self, body):
        """The cursor holds for one body: after another, every list is read whole."""
        if self.cursor.get("body") not in (None, body.get("id")):
            self.note(
                "Eine andere Körperschaft als beim letzten Lauf: alle Listen werden vollständig gelesen."
            )
            self.cursor = {}
        self.cursor["body"] = body.get("id")

    def finish(self, status, line):
        self.note(line)
        self.save_progress(status=status, finished_at=timezone.now())

    def summary(self):
        parts = []
        for kind in ("organization", "person", "meeting", "paper"):
            tally = self.counts.get(kind)
            if tally:
                parts.append(
                    f"{LABELS[kind]}: {tally['read']} gelesen, {tally['created']} neu, "
                    f"{tally['updated']} geändert, {tally['deleted']} gelöscht, {tally['skipped']} übersprungen"
                )
        return "; ".join(parts) or "Nichts gelesen."

    # --- finding the body ---

    def discover(self):
        """The Body to import: the start address's, or the chosen (else the first) of a System's."""
        start, _served_at = self.client.get(self.run.url)
        kind = kind_of(start)
        if version_of(start) == "1.0":
            self.note(
                "OParl 1.0: gelesen nach den Regeln der Version 1.0 (Kapitel „Änderungen und Migration“)."
            )
        if kind == "body":
            return start
        if kind == "system":
            bodies = self.all_items(start.get("body"), "body")
        elif isinstance(start, list) or (isinstance(start, dict) and "data" in start):
            bodies = [item for item in self.items_of(start) if kind_of(item) == "body"]
        else:
            raise ImportFailed(f"{self.run.url} ist weder ein OParl-System noch eine Körperschaft")
        return self.choose_body(bodies)

    def all_items(self, url, kind):
        """Every object of a (short) list: the bodies of a system."""
        if isinstance(url, list):  # some servers embed the bodies
            return [item for item in url if kind_of(item) == kind]
        items, seen = [], set()
        while isinstance(url, str) and url not in seen:
            seen.add(url)
            page, _served_at = self.client.get(url)
            items += [item for item in self.items_of(page) if kind_of(item) == kind]
            url = self.next_of(page)
        return items

    def choose_body(self, bodies):
        if not bodies:
            raise ImportFailed("Das System nennt keine Körperschaft")
        if self.wanted_body:
            wanted = self.wanted_body.rstrip("/")
            chosen = [
                body
                for body in bodies
                if body.get("id", "").rstrip("/") == wanted
                or body.get("id", "").rstrip("/").endswith(("/" + wanted, "=" + wanted))
            ]
            if not chosen:
                names = ", ".join(f"{body.get('name')} ({body.get('id')})" for body in bodies)
                raise ImportFailed(f"Keine Körperschaft {self.wanted_body!r}; es gibt: {names}")
            return chosen[0]
        if len(bodies) > 1:
            others = ", ".join(f"{body.get('name')} ({body.get('id')})" for body in bodies[1:])
            self.note(
                f"Das System hat {len(bodies)} Körperschaften; übernommen wird die erste: "
                f"{bodies[0].get('name')} ({bodies[0].get('id')}). Eine andere mit --body wählen: {others}"
            )
        return bodies[0]

    @staticmethod
    def items_of(page):
        if isinstance(page, list):
            return page
        data = page.get("data") if isinstance(page, dict) else None
        return data if isinstance(data, list) else []

    @staticmethod
    def next_of(page):
        links = page.get("links") if isinstance(page, dict) else None
        following = links.get("next") if isinstance(links, dict) else None
        return following if isinstance(following, str) and following else None

    # --- reading a list, page by page ---

    def read_list(self, name, url):
        """Read one of the body's lists from where the last run stopped, storing it page by page."""
        if not isinstance(url, str):
            self.note(f"Die Körperschaft nennt keine Liste „{name}“; übersprungen.")
            return
        self.counts["list"] = name
        self.counts["pages"].setdefault(name, 0)
        self.count(name, "read", 0)
        self.save_progress()
        self.seen = set()
        resume = (self.cursor.get("resume") or {}).get(name)
        if resume:
            try:
                self.read_pages(name, resume["next"], None, resume.get("since"), resume.get("started"))
                return
            except NotFound:
                self.note(
                    f"Liste {name}: die Seite zum Fortsetzen gibt es nicht mehr; die Liste wird neu gelesen."
                )
        since = self.cursor.get(name)
        try:
            self.read_pages(name, url, {"modified_since": since} if since else None, since, None)
        except NotFound:
            self.quirk("empty_list_404", f"Liste {name}: der Server antwortet 404, gelesen als leere Liste.")
            self.close_list(name, timezone.now().isoformat())

    def read_pages(self, name, url, params, since, started):
        """Read the list's pages from `url` on; NotFound only for the first page."""
        visited = set()
        while url:
            if url in visited:
                self.quirk(
                    "page_loop", f"Liste {name}: die Seite {url} kommt ein zweites Mal; Ende der Liste."
                )
                self.close_list(name, started)
                return
            try:
                page, served_at = self.client.get(url, params)
            except NotFound:
                if not visited:
                    raise
                self.quirk("page_404", f"Liste {name}: Seite {url} nicht gefunden (404); Ende der Liste.")
                self.close_list(name, started)
                return
            visited.add(url)
            params = None  # the next pages' addresses carry the filter themselves
            started = started or served_at.isoformat()
            following = self.next_of(page)
            if following and not self.client.allows(following):
                raise FetchError(
                    f"Liste {name}: die nächste Seite liegt auf einem anderen Server ({following})"
                )
            self.store_page(name, self.items_of(page), following, since, started)
            url = following

    def close_list(self, name, started):
        """The list ended without a last page (a 404, a loop): what was read counts as all of it."""
        with transaction.atomic():
            self.advance(name, None, None, started)

    def store_page(self, name, items, following, since, started):
        """Store one page and, with it, the place to go on from: all of it or nothing."""
        objects = self.usable(name, items)
        self.fetch_references(name, objects)
        self.fresh, self.bulk_written, self.parents = set(), False, set()
        with transaction.atomic():
            if objects:
                getattr(self, f"store_{name}s")(objects)
            touch_parents(
                sorted(self.parents - self.fresh, key=lambda parent: (parent[0].__name__, parent[1]))
            )
            if self.bulk_written:
                touch_town(self.town.pk)
            self.counts["pages"][name] += 1
            self.advance(name, following, since, started)

    def advance(self, name, following, since, started):
        """The cursor after a stored page: the next page to read, or, after the last, the list's new time."""
        resume = self.cursor.setdefault("resume", {})
        if following:
            resume[name] = {"next": following, "since": since, "started": started}
        else:
            resume.pop(name, None)
            self.cursor[name] = started
        if not resume:
            self.cursor.pop("resume")
        self.save_progress()

    def usable(self, name, items):
        """The page's objects that can be read: objects of the list's type with an id, each once."""
        objects = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
                self.count(name, "skipped")
                self.quirk(
                    "broken_object", f"Liste {name}: ein Eintrag ohne id übersprungen: {str(item)[:120]}"
                )
                continue
            kind = kind_of(item)
            if not kind:
                self.quirk("missing_field", f"{LABELS[name]} {item['id']}: ohne type, gelesen als {name}.")
                kind = name
            if kind != name:
                self.count(name, "skipped")
                self.quirk(
                    "wrong_type",
                    f"Liste {name}: {item['id']} hat den Typ {item.get('type')!r}; übersprungen.",
                )
                continue
            if item["id"] in self.seen:
                self.quirk(
                    "duplicate", f"{LABELS[name]} {item['id']} wird ein zweites Mal geliefert; übergangen."
                )
                continue
            self.seen.add(item["id"])
            self.count(name, "read")
            objects.append(item)
        return objects

    # --- objects named only by their address: fetched before the page's transaction ---

    def fetch_references(self, name, objects):
        """Fetch the organizations and locations the page names by address only and we do not have."""
        wanted = []
        for obj in objects:
            if obj.get("deleted"):
                continue
            if name == "meeting":
                wanted += self.unknown_organizations(obj.get("organization"))
                if isinstance(obj.get("location"), str):
                    wanted.append(obj["location"])
            elif name == "paper":
                for consultation in as_list(obj.get("consultation")):
                    if isinstance(consultation, dict):
                        wanted += self.unknown_organizations(consultation.get("organization"))
            elif name == "person":
                for membership in as_list(obj.get("membership")):
                    if isinstance(membership, dict):
                        wanted += self.unknown_organizations(membership.get("organization"))
        for url in dict.fromkeys(wanted):
            self.fetch_one(url)

    def unknown_organizations(self, value):
        urls = [url for url in as_list(value) if isinstance(url, str)]
        if any(url in self.known_committees() for url in urls):
            return []
        return urls[:1]

    def fetch_one(self, url):
        if url in self.fetched or url in self.missing:
            return
        if not self.client.allows(url):
            self.missing.add(url)
            self.quirk("foreign_host", f"{url} liegt auf einem anderen Server; nicht abgerufen.")
            return
        try:
            obj, _served_at = self.client.get(url)
        except NotFound:
            self.missing.add(url)
            self.quirk("not_found", f"{url} nennt der Server, hat es aber nicht (404).")
            return
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not obj["id"]:
            self.missing.add(url)
            self.quirk("broken_object", f"{url}: kein OParl-Objekt; übersprungen.")
            return
        self.fetched[url] = obj

    # --- writing rows ---

    def existing(self, model, origins):
        """The town's copies of these origins, by origin."""
        origins = [origin for origin in origins if origin]
        if not origins:
            return {}
        rows = model.objects.for_municipality(self.town).filter(origin__in=origins)
        return {row.origin: row for row in rows}

    def children(self, model, parent_field, parents):
        """The town's imported rows of `model` under these parents, grouped by the parent's pk."""
        pks = [parent.pk for parent in parents if parent is not None and parent.pk]
        grouped = defaultdict(list)
        if pks:
            rows = (
                model.objects.for_municipality(self.town)
                .filter(**{f"{parent_field}__in": pks})
                .exclude(origin="")
            )
            for row in rows:
                grouped[getattr(row, f"{parent_field}_id")].append(row)
        return grouped

    def guarded(self, kind, obj, store):
        """Store one object in its own savepoint: a broken one is logged and skipped, the page goes on."""
        self.object_parents = set()
        try:
            with transaction.atomic():
                store(obj)
            self.parents |= self.object_parents
        except Skip as skip:
            self.count(kind, "skipped")
            self.quirk(skip.kind, f"{LABELS[kind]} {obj['id']}: {skip}; übersprungen.")
        except Exception as error:  # a broken object must not end the import
            self.count(kind, "skipped")
            self.note(f"{LABELS[kind]} {obj['id']}: nicht übernommen ({type(error).__name__}: {error}).")
            self.forget_cached()

    def forget_cached(self):
        """After a rolled-back object, what we remember may name rows that are gone: read it again."""
        self.committees = None
        self.locations = {}

    def store(self, kind, row, values, source, new_rows=None):
        """Set `values` on `row` (new, or read from the database) and write it only if something changed.

        A new row is written by `insert`; a new child row is put in `new_rows` instead, for `insert` to
        write with its siblings at once.
        """
        values.setdefault("deleted_at", None)
        for name, value in values.items():
            setattr(row, name, value)
        if row.pk is None:
            row.created = (
                self.when(source.get("created"), kind, source.get("id"), quiet=True) or timezone.now()
            )
            if new_rows is not None:
                new_rows.append(row)
            else:
                self.insert(kind, [row])
                self.fresh.add((type(row), row.pk))
        elif row.changed_fields() != []:
            row.save()
            self.count(kind, "updated")
        else:
            self.count(kind, "unchanged")
        return row

    def insert(self, kind, rows):
        """Write new rows (of one model) in one statement, doing what their save would do: a bulk write
        sends no signals, so the page moves the town's cached fragments once (`touch_town`, core/cache.py)
        and the parents' `modified` once (not that of parents created in this very page, new anyway),
        and a translatable text is recorded for the translators and indexed for the search here."""
        if not rows:
            return
        now = timezone.now()
        for row in rows:
            row.modified = now
        type(rows[0]).objects.bulk_create(rows)
        for row in rows:
            row._loaded = {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
        if isinstance(rows[0], Translatable):
            record_sources(rows)
        search.index_objects(rows)  # a searchable model's texts, as a save would index them
        self.object_parents |= {parent for row in rows for parent in row.oparl_parents() if parent[1]}
        self.count(kind, "created", len(rows))
        self.bulk_written = True

    def deleted(self, kind, obj, row):
        """Is the object deleted at its origin? Then its copy (if any) is marked so; True if it was.
        (One we never had is only read: a client that asks what changed hears of every deletion.)"""
        if not obj.get("deleted"):
            return False
        if row.pk is not None and row.deleted_at is None:
            row.deleted_at = self.when(obj.get("modified"), kind, obj["id"], quiet=True) or timezone.now()
            row.save()
            self.count(kind, "deleted")
        elif row.pk is not None:
            self.count(kind, "unchanged")
        return True

    def retire(self, kind, rows, kept):
        """Children their parent no longer lists are deleted at their origin."""
        now = timezone.now()
        for row in rows:
            if row.origin not in kept and row.deleted_at is None:
                row.deleted_at = now
                row.save()
                self.count(kind, "deleted")

    def embedded(self, kind, value, parent_id):
        """The usable embedded objects of a parent: dicts, not deleted, each with an id (one is made up
        from the parent's when the server gives none)."""
        objects = []
        for position, item in enumerate(as_list(value), 1):
            if isinstance(item, str):
                self.quirk(
                    "reference_only",
                    f"{LABELS[kind]} {item} ist nur als Adresse angegeben, nicht eingebettet; übergangen.",
                )
                continue
            if not isinstance(item, dict) or item.get("deleted"):
                continue
            if not isinstance(item.get("id"), str) or not item["id"]:
                self.quirk("missing_field", f"{LABELS[kind]} Nr. {position} in {parent_id} hat keine id.")
                item = {**item, "id": f"{parent_id}#{kind}-{position}"}
            objects.append(item)
        return objects

    # --- values ---

    def text(self, value, limit, kind="", origin=""):
        """A string field's value: trimmed, and cut to the field's length (logged)."""
        if value is None:
            return ""
        if isinstance(value, list):
            value = " ".join(str(part) for part in value if part)
        text = " ".join(str(value).split())
        if len(text) > limit:
            if kind:
                self.quirk(
                    "truncated", f"{LABELS[kind]} {origin}: Text auf {limit} Zeichen gekürzt.", about=origin
                )
            text = text[: limit - 1].rstrip() + "…"
        return text

    def url(self, value, limit, kind, origin):
        if not isinstance(value, str) or not value.strip():
            return ""
        value = value.strip()
        if urllib.parse.urlsplit(value).scheme not in ("http", "https") or len(value) > limit:
            self.quirk(
                "bad_url", f"{LABELS.get(kind, kind)} {origin}: Adresse {value[:80]!r} nicht übernommen."
            )
            return ""
        return value

    def when(self, value, kind, origin, quiet=False):
        """A date-time with its offset; one without is read as the town's time (logged)."""
        if not isinstance(value, str) or not value.strip():
            return None
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
        except ValueError:
            if not quiet:
                self.quirk(
                    "bad_date", f"{LABELS.get(kind, kind)} {origin}: Zeitangabe {text!r} nicht lesbar."
                )
            return None
        if timezone.is_naive(moment):
            self.quirk(
                "no_offset",
                f"{LABELS.get(kind, kind)} {origin}: Zeitangabe {text!r} ohne Zeitzone, als Ortszeit gelesen.",
                about=origin,
            )
            moment = timezone.make_aware(moment)
        return moment

    def day(self, value, kind, origin):
        """A date; a date-time given instead counts with the day it names."""
        if not isinstance(value, str) or not value.strip():
            return None
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self.quirk("bad_date", f"{LABELS.get(kind, kind)} {origin}: Datum {text!r} nicht lesbar.")
            return None

    # --- committees (organizations) ---

    def known_committees(self):
        if self.committees is None:
            rows = (
                Committee.objects.for_municipality(self.town)
                .exclude(origin="")
                .values_list("origin", "pk", "name")
            )
            self.committees = {origin: (pk, name) for origin, pk, name in rows}
        return self.committees

    def store_organizations(self, objects):
        existing = self.existing(Committee, [obj["id"] for obj in objects])
        for obj in objects:
            self.guarded("organization", obj, lambda obj: self.store_organization(obj, existing))

    def store_organization(self, obj, existing):
        origin = obj["id"]
        row = existing.get(origin) or Committee(municipality=self.town, origin=origin)
        if self.deleted("organization", obj, row):
            return row
        name = self.text(obj.get("name"), 200, "organization", origin)
        if not name:
            name = self.text(obj.get("shortName"), 200, "organization", origin)
            if not name:
                raise Skip("missing_field", "ohne Namen")
            self.quirk("missing_field", f"Gremium {origin}: ohne Namen, der Kurzname steht dafür.")
        classification = obj.get("classification") or obj.get("organizationType") or "Gremium"
        values = {
            "name": name,
            "short_name": self.text(obj.get("shortName"), 40, "organization", origin),
            "classification": self.text(classification, 60, "organization", origin),
            "start_date": self.day(obj.get("startDate"), "organization", origin),
            "end_date": self.day(obj.get("endDate"), "organization", origin),
            "website": self.url(obj.get("website"), 200, "organization", origin),
        }
        self.store("organization", row, values, obj)
        existing[origin] = row
        self.known_committees()[origin] = (row.pk, row.name)
        return row

    def committee_for(self, value, kind, origin):
        """The pk of the committee of an organization reference (an address or a list of them); the
        first one we have, else one fetched on its own; None if there is none."""
        urls = [url for url in as_list(value) if isinstance(url, str)]
        if len(urls) > 1:
            self.quirk(
                "several_organizations",
                f"{LABELS[kind]} {origin} nennt {len(urls)} Gremien; übernommen mit dem ersten bekannten.",
                about=origin,
            )
        known = self.known_committees()
        for url in urls:
            if url in known:
                return known[url][0]
        for url in urls:
            fetched = self.fetched.get(url)
            if fetched is None or kind_of(fetched) != "organization" or fetched.get("deleted"):
                continue
            try:
                row = self.store_organization(fetched, self.existing(Committee, [fetched["id"]]))
            except Skip as skip:
                self.quirk(skip.kind, f"Gremium {url}: {skip}; nicht übernommen.", about=url)
                continue
            known[url] = (row.pk, row.name)
            return row.pk
        return None

    # --- people and their seats ---

    def store_persons(self, objects):
        existing = self.existing(Person, [obj["id"] for obj in objects])
        seats = self.children(Membership, "person", existing.values())
        for obj in objects:
            self.guarded("person", obj, lambda obj: self.store_person(obj, existing, seats))

    def store_person(self, obj, existing, seats):
        origin = obj["id"]
        row = existing.get(origin) or Person(municipality=self.town, origin=origin)
        if self.deleted("person", obj, row):
            return
        given, family = obj.get("givenName"), obj.get("familyName")
        if not family:
            words = self.text(obj.get("name"), 200).split()
            if not words:
                raise Skip("missing_field", "ohne Namen")
            given, family = " ".join(words[:-1]), words[-1]
        values = {
            "given_name": self.text(given, 100, "person", origin),
            "family_name": self.text(family, 100, "person", origin),
            "title": self.text(obj.get("title"), 60, "person", origin),
            "form_of_address": self.text(obj.get("formOfAddress"), 40, "person", origin),
        }
        self.store("person", row, values, obj)
        existing[origin] = row
        rows = {seat.origin: seat for seat in seats.get(row.pk, [])}
        kept, new_rows = set(), []
        for seat in self.embedded("membership", obj.get("membership"), origin):
            committee = self.committee_for(seat.get("organization"), "membership", seat["id"])
            if committee is None:
                self.quirk(
                    "unknown_organization", f"Mitgliedschaft {seat['id']}: Gremium unbekannt; übergangen."
                )
                continue
            kept.add(seat["id"])
            on_behalf_of = self.known_committees().get(seat.get("onBehalfOf"))
            values = {
                "person_id": row.pk,
                "committee_id": committee,
                "group": self.text(on_behalf_of[1] if on_behalf_of else "", 100),
                "role": membership_role(seat.get("role")),
                "voting_right": seat.get("votingRight") is not False,
                "start_date": self.day(seat.get("startDate"), "membership", seat["id"]),
                "end_date": self.day(seat.get("endDate"), "membership", seat["id"]),
            }
            seat_row = rows.get(seat["id"]) or Membership(municipality=self.town, origin=seat["id"])
            self.store("membership", seat_row, values, seat, new_rows)
        self.insert("membership", new_rows)
        self.retire("membership", rows.values(), kept)

    # --- meetings, their agenda and files ---

    def store_meetings(self, objects):
        existing = self.existing(Meeting, [obj["id"] for obj in objects])
        agenda = self.children(AgendaItem, "meeting", existing.values())
        files = self.children(Attachment, "meeting", existing.values())
        consultation_urls = [
            item.get("consultation")
            for obj in objects
            for item in as_list(obj.get("agendaItem"))
            if isinstance(item, dict) and isinstance(item.get("consultation"), str)
        ]
        known = Consultation.objects.for_municipality(self.town).filter(origin__in=consultation_urls)
        consultations = dict(known.values_list("origin", "pk"))
        for obj in objects:
            self.guarded(
                "meeting", obj, lambda obj: self.store_meeting(obj, existing, agenda, files, consultations)
            )

    def store_meeting(self, obj, existing, agenda, files, consultations):
        origin = obj["id"]
        row = existing.get(origin) or Meeting(municipality=self.town, origin=origin)
        if self.deleted("meeting", obj, row):
            return
        committee = self.committee_for(obj.get("organization"), "meeting", origin)
        if committee is None:
            raise Skip("unknown_organization", "kein bekanntes Gremium")
        start = self.when(obj.get("start"), "meeting", origin)
        if start is None:
            raise Skip("missing_field", "ohne Beginn")
        end = self.when(obj.get("end"), "meeting", origin)
        if end is not None and end < start:
            self.quirk(
                "end_before_start",
                f"Sitzung {origin} endet ({obj.get('end')}) vor ihrem Beginn ({obj.get('start')}); Ende weggelassen.",
            )
            end = None
        values = {
            "committee_id": committee,
            "name": self.text(obj.get("name"), 200, "meeting", origin),
            "start": start,
            "end": end,
            "location_id": self.location_for(obj.get("location"), origin),
            "cancelled": obj.get("cancelled") is True,
        }
        self.store("meeting", row, values, obj)
        existing[origin] = row
        items = self.embedded("agendaItem", obj.get("agendaItem"), origin)
        self.store_agenda(row, items, agenda.get(row.pk, []), consultations)
        wanted = [
            (obj.get(key), FileRole.MINUTES) for key in ("invitation", "resultsProtocol", "verbatimProtocol")
        ]
        wanted += [(file, FileRole.ATTACHMENT) for file in as_list(obj.get("auxiliaryFile"))]
        for item in items:
            wanted.append((item.get("resolutionFile"), FileRole.ATTACHMENT))
            wanted += [(file, FileRole.ATTACHMENT) for file in as_list(item.get("auxiliaryFile"))]
        self.store_files("meeting", row, wanted, files.get(row.pk, []))

    def location_for(self, value, meeting_origin):
        """The pk of the meeting's location (embedded, or an address fetched before), stored once per run."""
        obj = self.fetched.get(value) if isinstance(value, str) else value
        if not isinstance(obj, dict) or obj.get("deleted"):
            return None
        origin = (
            obj.get("id") if isinstance(obj.get("id"), str) and obj["id"] else f"{meeting_origin}#location"
        )
        if reversed_point(obj):
            self.quirk(
                "reversed_coordinates",
                f"Ort {origin}: Koordinaten in geojson vertauscht (Breite vor Länge); Koordinaten nicht übernommen.",
                about=origin,
            )
        if origin in self.locations:
            return self.locations[origin]
        street = self.text(obj.get("streetAddress"), 200, "location", origin)
        locality = self.text(obj.get("locality"), 100, "location", origin)
        description = (
            self.text(obj.get("description"), 200, "location", origin)
            or self.text(obj.get("room"), 200, "location", origin)
            or ", ".join(part for part in (street, locality) if part)
        )
        if not description:
            return None
        row = self.existing(Location, [origin]).get(origin) or Location(municipality=self.town, origin=origin)
        values = {
            "description": description,
            "street_address": street,
            "postal_code": self.text(obj.get("postalCode"), 10, "location", origin),
            "locality": locality,
        }
        self.store("location", row, values, obj)
        self.locations[origin] = row.pk
        return row.pk

    def store_agenda(self, meeting, items, rows, consultations):
        by_origin = {row.origin: row for row in rows}
        holders = self.consultation_holders(consultations.get(item.get("consultation")) for item in items)
        kept, new_rows = set(), []
        for position, item in enumerate(items, 1):
            origin = item["id"]
            if origin in kept:
                continue
            kept.add(origin)
            row = by_origin.get(origin) or AgendaItem(
                municipality=self.town, meeting_id=meeting.pk, origin=origin
            )
            order = item.get("order")
            values = {
                "meeting_id": meeting.pk,
                "number": self.text(item.get("number"), 10, "agendaItem", origin),
                "position": order if isinstance(order, int) and 0 <= order <= SMALLINT_MAX else position,
                "name": self.text(item.get("name"), 300, "agendaItem", origin) or "(ohne Bezeichnung)",
                "is_public": item.get("public") is not False,
            }
            consultation = consultations.get(item.get("consultation"))
            if consultation and holders.get(consultation) in (None, row.pk):
                values["consultation_id"] = consultation
                holders[consultation] = row.pk or row  # a new row holds it too
            self.store("agendaItem", row, values, item, new_rows)
        self.insert("agendaItem", new_rows)
        self.retire("agendaItem", rows, kept)

    def consultation_holders(self, pks):
        """consultation pk → pk of the agenda item that holds it now (one item per consultation)."""
        pks = [pk for pk in pks if pk]
        if not pks:
            return {}
        rows = AgendaItem.objects.for_municipality(self.town).filter(consultation_id__in=pks)
        return dict(rows.values_list("consultation_id", "pk"))

    def store_files(self, parent_field, parent, wanted, rows):
        """The parent's files as linked attachments, in the order given; each file once per parent."""
        by_origin = {row.origin: row for row in rows}
        kept, new_rows = set(), []
        positions = Counter()
        for file, role in wanted:
            for item in self.embedded("file", file, parent.origin):
                origin = item["id"]
                if origin in kept:
                    continue
                kept.add(origin)
                positions[role] += 1
                row = by_origin.get(origin) or Attachment(municipality=self.town, origin=origin)
                values = self.file_values(item, role, positions[role], parent_field, parent)
                self.store("file", row, values, item, new_rows)
        self.insert("file", new_rows)
        self.retire("file", rows, kept)

    def file_values(self, item, role, position, parent_field, parent):
        origin = item["id"]
        access_url = self.url(item.get("accessUrl") or item.get("downloadUrl"), 500, "file", origin)
        if not access_url:
            self.quirk("missing_field", f"Datei {origin}: ohne accessUrl.")
        size = item.get("size")
        return {
            f"{parent_field}_id": parent.pk,
            "role": role,
            "position": min(position, SMALLINT_MAX),
            "title": self.text(item.get("name") or item.get("fileName"), 200, "file", origin) or "Datei",
            "mime_type": self.text(item.get("mimeType"), 100, "file", origin),
            "size": size if isinstance(size, int) and 0 <= size < 2**31 else 0,
            "origin_access_url": access_url,
            "is_public": True,
        }

    # --- papers, their consultations and files ---

    def store_papers(self, objects):
        existing = self.existing(Submission, [obj["id"] for obj in objects])
        consultations = self.children(Consultation, "submission", existing.values())
        files = self.children(Attachment, "submission", existing.values())
        embedded = [
            consultation
            for obj in objects
            for consultation in as_list(obj.get("consultation"))
            if isinstance(consultation, dict)
        ]
        meetings = {
            row.origin: row
            for row in Meeting.objects.for_municipality(self.town).filter(
                origin__in=[c.get("meeting") for c in embedded if isinstance(c.get("meeting"), str)]
            )
        }
        agenda = {
            row.origin: row
            for row in AgendaItem.objects.for_municipality(self.town).filter(
                origin__in=[c.get("agendaItem") for c in embedded if isinstance(c.get("agendaItem"), str)]
            )
        }
        references = self.references_taken(objects)
        for obj in objects:
            self.guarded(
                "paper",
                obj,
                lambda obj: self.store_paper(
                    obj, existing, consultations, files, meetings, agenda, references
                ),
            )

    def references_taken(self, objects):
        """reference → origin of the town's submissions that have one of the page's references."""
        wanted = [self.text(obj.get("reference"), 40) for obj in objects]
        rows = Submission.objects.for_municipality(self.town).filter(
            reference__in=[ref for ref in wanted if ref]
        )
        return dict(rows.values_list("reference", "origin"))

    def store_paper(self, obj, existing, consultations, files, meetings, agenda, references):
        origin = obj["id"]
        row = existing.get(origin) or Submission(municipality=self.town, origin=origin)
        if self.deleted("paper", obj, row):
            return
        reference = self.reference_for(obj, row, references)
        paper_date = self.day(obj.get("date"), "paper", origin)
        if paper_date is None:
            self.quirk("missing_field", f"Vorlage {origin}: ohne Datum; das Datum ihrer Anlage gilt.")
            created = self.when(obj.get("created"), "paper", origin)
            paper_date = timezone.localdate(created) if created else row.date or timezone.localdate()
        subject = self.text(obj.get("name"), 300, "paper", origin)
        if not subject:
            self.quirk("missing_field", f"Vorlage {origin}: ohne Betreff; die Nummer steht dafür.")
        values = {
            "reference": reference,
            "subject": subject or reference,
            "paper_type": paper_type(obj.get("paperType")),
            "date": paper_date,
            "status": SubmissionStatus.RELEASED,
            "is_public": True,
            "nonpublic_reason": "",
        }
        self.store("paper", row, values, obj)
        existing[origin] = row
        references[reference] = origin
        self.store_consultations(row, obj, consultations.get(row.pk, []), meetings, agenda)
        wanted = [(obj.get("mainFile"), FileRole.ATTACHMENT)]
        wanted += [(file, FileRole.ATTACHMENT) for file in as_list(obj.get("auxiliaryFile"))]
        self.store_files("submission", row, wanted, files.get(row.pk, []))

    def reference_for(self, obj, row, references):
        """The paper's reference, unique in the town: the origin's, with "(Import n)" after it on a clash."""
        origin = obj["id"]
        wanted = self.text(obj.get("reference"), 40, "paper", origin)
        if not wanted:
            self.quirk("missing_field", f"Vorlage {origin}: ohne Nummer (reference); eine wird gebildet.")
            wanted = self.text("OParl " + origin.rstrip("/").rsplit("/", 1)[-1], 40)
        candidates = [wanted] + [
            self.suffixed(wanted, f" (Import {n})" if n > 1 else " (Import)") for n in range(1, 100)
        ]
        if row.pk and row.reference in candidates:
            return row.reference  # it keeps what it was given, clash or not
        for candidate in candidates:
            holder = references.get(candidate)
            if holder is None and candidate != wanted:
                holder = (
                    Submission.objects.for_municipality(self.town)
                    .filter(reference=candidate)
                    .values_list("origin", flat=True)
                    .first()
                )
            if holder is None or holder == origin:
                if candidate != wanted:
                    self.quirk(
                        "reference_clash",
                        f"Vorlage {origin}: die Nummer {wanted} gibt es hier schon; übernommen als {candidate}.",
                    )
                return candidate
        raise Skip("reference_clash", f"keine freie Nummer für {wanted}")

    @staticmethod
    def suffixed(reference, suffix):
        return reference[: 40 - len(suffix)] + suffix

    def store_consultations(self, submission, obj, rows, meetings, agenda):
        by_origin = {row.origin: row for row in rows}
        items = self.embedded("consultation", obj.get("consultation"), submission.origin)
        if not items:
            self.quirk("no_consultations", f"Vorlage {submission.origin} hat keine Beratungsfolge.")
        kept, new_rows, links = set(), [], []
        for position, item in enumerate(items, 1):
            origin = item["id"]
            meeting = meetings.get(item.get("meeting"))
            committee = self.committee_for(item.get("organization"), "consultation", origin)
            committee = committee or (meeting.committee_id if meeting else None)
            if committee is None:
                self.quirk("unknown_organization", f"Beratung {origin}: Gremium unbekannt; übergangen.")
                continue
            kept.add(origin)
            row = by_origin.get(origin) or Consultation(municipality=self.town, origin=origin)
            values = {
                "submission_id": submission.pk,
                "committee_id": committee,
                "role": consultation_role(item.get("role"), item.get("authoritative")),
                "is_public": True,
                "meeting_id": meeting.pk if meeting else None,
                "meeting_date": timezone.localdate(meeting.start) if meeting else None,
                "position": min(position, SMALLINT_MAX),
            }
            self.store("consultation", row, values, item, new_rows)
            links.append((agenda.get(item.get("agendaItem")), row))
        self.insert("consultation", new_rows)
        for agenda_item, row in links:
            self.link_agenda_item(agenda_item, row)
        self.retire("consultation", rows, kept)

    def link_agenda_item(self, item, consultation):
        """The agenda item the consultation names points back to it (if no other item holds it)."""
        if item is None or item.consultation_id == consultation.pk:
            return
        holders = self.consultation_holders([consultation.pk])
        if holders.get(consultation.pk) not in (None, item.pk):
            return
        item.consultation_id = consultation.pk
        item.save()
