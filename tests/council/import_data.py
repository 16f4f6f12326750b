"""Another council system for the OParl import to read: a real HTTP server on a free local port.

`OParlServer` serves OParl objects at their ids and lists page by page, honouring `modified_since` as
the specification says (deleted objects only then). The builders fill it from the real examples in
tests/council/oparl_reference/examples-real (copied from the shared documents), their addresses rewritten to the server's: Karlsruhe (OParl 1.1),
Hürtgenwald (OParl 1.0) and the test data of meine-stadt-transparent (OParl 1.0, broken objects).

Tests can make it misbehave: `fail` answers chosen requests with an error status, `delay` makes them
slow, `hold` stops one until the test lets it go.
"""

import json
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).parent / "oparl_reference" / "examples-real"
LIST_PARAMS = {
    "page",
    "modified_since",
    "modified_until",
    "created_since",
    "created_until",
    "limit",
    "omit_internal",
}
V10 = "https://schema.oparl.org/1.0/"
V11 = "https://schema.oparl.org/1.1/"


def now_iso():
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def parse(value):
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def stamp(obj, name):
    """An object's `created` or `modified`; one without counts as changed at once."""
    return parse(obj[name]) if obj.get(name) else datetime.now(UTC)


def key_of(url):
    """An address without scheme, host and list parameters: where the server keeps what it serves."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k not in LIST_PARAMS]
    return parts.path + ("?" + urllib.parse.urlencode(query) if query else "")


class OParlList:
    """A list served in pages of `page_size`, stable in its order (the order objects were added)."""

    def __init__(self, url, objects, page_size):
        self.url = url
        self.objects = list(objects)
        self.page_size = page_size

    def page(self, query):
        params = dict(urllib.parse.parse_qsl(query))
        chosen = self.objects  # a broken entry (not an object) is served as it is, unfiltered
        if "modified_since" in params:
            since = parse(params["modified_since"])
            chosen = [obj for obj in chosen if not isinstance(obj, dict) or stamp(obj, "modified") >= since]
        else:
            chosen = [obj for obj in chosen if not isinstance(obj, dict) or not obj.get("deleted")]
        if "created_since" in params:
            since = parse(params["created_since"])
            chosen = [obj for obj in chosen if not isinstance(obj, dict) or stamp(obj, "created") >= since]
        number = int(params.get("page", 1))
        pages = max(1, -(-len(chosen) // self.page_size))
        filters = {key: value for key, value in params.items() if key != "page"}

        def link(page):
            return self.url_with({**filters, "page": page})

        links = {"first": link(1), "self": link(number), "last": link(pages)}
        if number > 1:
            links["prev"] = link(number - 1)
        if number < pages:
            links["next"] = link(number + 1)
        start = (number - 1) * self.page_size
        return {
            "data": chosen[start : start + self.page_size],
            "pagination": {
                "totalElements": len(chosen),
                "elementsPerPage": self.page_size,
                "currentPage": number,
                "totalPages": pages,
            },
            "links": links,
        }

    def url_with(self, params):
        parts = urllib.parse.urlsplit(self.url)
        query = urllib.parse.parse_qsl(parts.query) + list(params.items())
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server.oparl
        parts = urllib.parse.urlsplit(self.path)
        server.requests.append(self.path)
        status = server.intercept(self.path)
        for predicate, location in server.redirects:
            if predicate(self.path):
                self.send_response(302)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
        if status:
            return self.answer(status, {"type": "https://schema.oparl.org/1.1/Error", "message": "Fehler"})
        key = key_of(self.path)
        if key in server.lists:
            return self.answer(200, server.lists[key].page(parts.query))
        if key in server.objects:
            return self.answer(200, server.objects[key])
        return self.answer(404, {"type": "https://schema.oparl.org/1.1/Error", "message": "Nicht gefunden"})

    def answer(self, status, payload):
        body = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting

    def log_message(self, format, *args):
        pass


class OParlServer:
    """An OParl server on 127.0.0.1 with a free port; use as a context manager."""

    def __init__(self):
        self.objects = {}
        self.lists = {}
        self.requests = []
        self.failures = []  # (predicate(path), status)
        self.delays = []  # (predicate(path), seconds)
        self.holds = []  # (predicate(path), reached Event, release Event)
        self.redirects = []  # (predicate(path), location)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.oparl = self
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        for _predicate, _reached, release in self.holds:
            release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- what it serves ---

    def add(self, obj):
        self.objects[key_of(obj["id"])] = obj
        return obj

    def add_list(self, url, objects, page_size=100, serve_objects=True):
        self.lists[key_of(url)] = served = OParlList(url, objects, page_size)
        if serve_objects:
            for obj in served.objects:
                self.add(obj)
        return served

    def find(self, object_id):
        return self.objects[key_of(object_id)]

    def change(self, object_id, **fields):
        """Change an object as its council system would: its `modified` moves to now."""
        obj = self.find(object_id)
        obj.update(fields, modified=now_iso())
        return obj

    # --- misbehaving ---

    def fail(self, predicate, status=500):
        self.failures.append((predicate, status))

    def redirect(self, predicate, location):
        self.redirects.append((predicate, location))

    def delay(self, predicate, seconds):
        self.delays.append((predicate, seconds))

    def hold(self, predicate):
        """Stop the first matching request until the test sets the returned `release`; `reached` is set
        when it arrives."""
        reached, release = threading.Event(), threading.Event()
        self.holds.append((predicate, reached, release))
        return reached, release

    def heal(self):
        self.failures.clear()
        self.delays.clear()

    def intercept(self, path):
        for predicate, reached, release in list(self.holds):
            if predicate(path):
                self.holds.remove((predicate, reached, release))
                reached.set()
                release.wait(60)
        for predicate, seconds in self.delays:
            if predicate(path):
                time.sleep(seconds)
        for predicate, status in self.failures:
            if predicate(path):
                return status
        return None

    def requested(self, fragment):
        return [path for path in self.requests if fragment in path]


def page_of(path):
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))
    return int(query.get("page", 1))


# --- the real examples, rewritten to the server's address ------------------------------------


def load(relative, hosts, base):
    """An example file with every address on `hosts` moved to `base`."""
    text = (EXAMPLES / relative).read_text(encoding="utf-8")
    for host in hosts:
        text = text.replace(f"https://{host}", base).replace(f"http://{host}", base)
    return json.loads(text)


def system_and_body(server, root, version, name, lists=("organization", "person", "meeting", "paper")):
    """A System with one Body at `root`; the body's lists at root/bodies/1/<list>s."""
    body_id = f"{root}/bodies/1"
    body = {
        "id": body_id,
        "type": f"{version}Body",
        "system": f"{root}/system",
        "name": name,
        "legislativeTerm": [],
        "created": "2020-01-01T00:00:00+01:00",
        "modified": "2020-01-01T00:00:00+01:00",
        **{kind: f"{body_id}/{kind}s" for kind in lists},
    }
    system = {
        "id": f"{root}/system",
        "type": f"{version}System",
        "oparlVersion": version,
        "body": f"{root}/bodies",
        "name": f"Ratsinformation {name}",
    }
    server.add(system)
    server.add_list(system["body"], [body])
    return system, body


def karlsruhe(server, page_sizes=None):
    """Karlsruhe's organizations, meetings and papers (OParl 1.1) as one system; no people list (404)."""
    sizes = {"organization": 20, "meeting": 5, "paper": 2, **(page_sizes or {})}
    base = server.base
    directory = "karlsruhe-oparl-1.1"
    system, body = system_and_body(server, f"{base}/oparl", V11, "Stadt Karlsruhe")
    hosts = ["web1.karlsruhe.de"]
    for kind, source in (
        ("organization", "organizations.json"),
        ("meeting", "meetings"),
        ("paper", "papers"),
    ):
        if source.endswith(".json"):
            objects = load(f"{directory}/{source}", hosts, base)
        else:
            files = sorted((EXAMPLES / directory / source).glob("*.json"), key=lambda path: int(path.stem))
            objects = [load(path.relative_to(EXAMPLES), hosts, base) for path in files]
        server.add_list(body[kind], objects, sizes[kind])
    return system, body


def huertgenwald(server):
    """Hürtgenwald (OParl 1.0, SD.NET RIM): the first pages of its organizations, meetings and papers."""
    base = server.base
    hosts = ["sdnetrim.kdvz-frechen.de"]
    directory = "huertgenwald-oparl-1.0"
    system = server.add(load(f"{directory}/system.json", hosts, base))
    bodies = load(f"{directory}/body.json", hosts, base)["data"]
    server.add_list(system["body"], bodies)
    body = bodies[0]
    for kind in ("organization", "meeting", "paper"):
        data = load(f"{directory}/body/1/{kind}.json", hosts, base)["data"]
        server.add_list(body[kind], data, page_size=10)
    return system, body


def mst_system(server, name):
    """One of the 29 systems of meine-stadt-transparent's test data (OParl 1.0): System and Body only;
    the body's lists answer 404."""
    system = json.loads((EXAMPLES / "mst-testdata-oparl-1.0" / "systems" / f"{name}.json").read_text())
    host = urllib.parse.urlsplit(system["id"]).hostname
    system = server.add(load(f"mst-testdata-oparl-1.0/systems/{name}.json", [host], server.base))
    body = load(f"mst-testdata-oparl-1.0/bodies/{name}.json", [host], server.base)
    server.add_list(system["body"], [body])
    server.add(body)
    return system, body


def mst_names():
    return sorted(path.stem for path in (EXAMPLES / "mst-testdata-oparl-1.0" / "systems").glob("*.json"))


def mst_missing(server):
    """meine-stadt-transparent's objects that lack required fields (Wuppertal, OParl 1.0)."""
    hosts = ["oparl.wuppertal.de"]
    directory = "mst-testdata-oparl-1.0/oparl-missing"
    system = server.add(load(f"{directory}/system.json", hosts, server.base))
    body = load(f"{directory}/body.json", hosts, server.base)
    server.add_list(system["body"], [body])
    server.add(body)
    server.add_list(body["organization"], [])
    server.add_list(body["meeting"], [load(f"{directory}/meeting.json", hosts, server.base)])
    server.add_list(body["paper"], [])
    return system, body


# --- a generated system, as large as wanted ---------------------------------------------------


def generated(server, *, papers=100, meetings=20, organizations=5, page_size=100, files_per_paper=2):
    """A system of `papers` papers (each with two consultations and its files), `meetings` meetings with
    agenda items, `organizations` committees: for the incremental tests and the benchmark."""
    root = f"{server.base}/oparl"
    system, body = system_and_body(
        server, root, V11, "Generierte Stadt", lists=("organization", "meeting", "paper")
    )
    stamp = "2025-01-01T10:00:00+01:00"
    orgs = [
        {
            "id": f"{root}/organizations/{n}",
            "type": f"{V11}Organization",
            "name": f"Ausschuss {n}",
            "shortName": f"A{n}",
            "classification": "Ausschuss",
            "created": stamp,
            "modified": stamp,
        }
        for n in range(1, organizations + 1)
    ]
    meeting_objects = []
    for n in range(1, meetings + 1):
        meeting_id = f"{root}/meetings/{n}"
        meeting_objects.append(
            {
                "id": meeting_id,
                "type": f"{V11}Meeting",
                "name": f"Sitzung {n}",
                "start": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T17:00:00+01:00",
                "end": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T19:00:00+01:00",
                "organization": [orgs[n % organizations]["id"]],
                "location": {
                    "id": f"{root}/locations/{1 + n % 3}",
                    "type": f"{V11}Location",
                    "description": f"Rathaus, Saal {1 + n % 3}",
                    "streetAddress": "Marktplatz 1",
                    "postalCode": "70806",
                    "locality": "Musterstadt",
                },
                "agendaItem": [
                    {
                        "id": f"{meeting_id}/agendaitems/{k}",
                        "type": f"{V11}AgendaItem",
                        "number": str(k),
                        "order": k,
                        "name": f"Punkt {k} der Sitzung {n}",
                        "public": k != 5,
                    }
                    for k in range(1, 6)
                ],
                "invitation": file_object(root, f"m{n}-invitation", "Einladung"),
                "created": stamp,
                "modified": stamp,
            }
        )
    paper_objects = [
        paper_object(root, n, orgs, meeting_objects, files_per_paper, stamp) for n in range(1, papers + 1)
    ]
    server.add_list(body["organization"], orgs, page_size)
    server.add_list(body["meeting"], meeting_objects, page_size)
    server.add_list(body["paper"], paper_objects, page_size)
    return system, body


def file_object(root, key, name):
    return {
        "id": f"{root}/files/{key}",
        "type": f"{V11}File",
        "name": name,
        "fileName": f"{key}.pdf",
        "mimeType": "application/pdf",
        "size": 1000,
        "accessUrl": f"{root}/files/{key}/download",
    }


def paper_object(root, n, orgs, meetings, files, stamp):
    paper_id = f"{root}/papers/{n}"
    first, second = meetings[n % len(meetings)], meetings[(n + 1) % len(meetings)]
    consultations = [
        {
            "id": f"{paper_id}/consultations/{k}",
            "type": f"{V11}Consultation",
            "paper": paper_id,
            "meeting": meeting["id"],
            "organization": meeting["organization"],
            "role": role,
            "authoritative": k == 2,
        }
        for k, (meeting, role) in enumerate(((first, "Vorberatung"), (second, "Entscheidung")), 1)
    ]
    return {
        "id": paper_id,
        "type": f"{V11}Paper",
        "name": f"Vorlage Nummer {n} über die Dinge der Stadt",
        "reference": f"2025/{n:05d}",
        "date": "2025-03-01",
        "paperType": "Beschlussvorlage" if n % 3 else "Informationsvorlage",
        "mainFile": file_object(root, f"p{n}-main", f"Vorlage {n}"),
        "auxiliaryFile": [file_object(root, f"p{n}-aux{k}", f"Anlage {k}") for k in range(1, files)],
        "consultation": consultations,
        "created": stamp,
        "modified": stamp,
    }
