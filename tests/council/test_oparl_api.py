"""The OParl 1.1 interface: walked from its System object as a client would, checked against the
specification's schemas, and held to showing nothing that is not public.

The schemas are the specification's own (OParl 1.1.1, `schema/*.json`; the folder is
$OPARL_SCHEMA_DIR, by default the copy in tests/council/oparl_reference/). They name the schema of an embedded object by its
file (`"schema": "File.json"`) rather than by `$ref`: the walk validates an embedded object against
that file, and every address an object names must answer with an object of that id and type.
"""

import json
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Person,
    Submission,
)
from ankommen.council.oparl.kinds import KINDS
from tests.conftest import DEMO_HOST
from tests.council import oparl_data
from tests.council.oparl_data import SECRET

SCHEMAS = Path(os.environ.get("OPARL_SCHEMA_DIR", Path(__file__).parent / "oparl_reference" / "schema"))
ROOT = f"http://{DEMO_HOST}/oparl/1.1/"
TYPE = "https://schema.oparl.org/1.1/"

# Properties that are addresses of something other than an OParl object (web pages, files, licences).
NOT_OBJECTS = {
    "id",
    "web",
    "website",
    "accessUrl",
    "downloadUrl",
    "externalServiceUrl",
    "license",
    "fileLicense",
}

pytestmark = pytest.mark.django_db


# --- schemas ------------------------------------------------------------------------------------

formats = FormatChecker(formats=())


@formats.checks("url")
def _is_url(value):
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@formats.checks("date")
def _is_date(value):
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(date.fromisoformat(value))


@formats.checks("date-time")
def _is_moment(value):
    """yyyy-mm-ddThh:mm:ss±hh:mm, as the specification writes it (chapter "Datums- und Zeitangaben")."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", value)) and bool(
        datetime.fromisoformat(value)
    )


def _load_schemas():
    schemas = {path.stem: json.loads(path.read_text()) for path in sorted(SCHEMAS.glob("*.json"))}
    registry = Registry().with_resources(
        (f"{name}.json", Resource(contents=schema, specification=DRAFT4)) for name, schema in schemas.items()
    )
    return {
        name: Draft4Validator(schema, registry=registry, format_checker=formats)
        for name, schema in schemas.items()
    }


VALIDATORS = _load_schemas()


def validate(obj, type_name):
    """`obj` against its type's schema, and each embedded object against the schema its property names;
    returns the (address, type or "list") pairs the object refers to."""
    assert obj["type"] == TYPE + type_name, obj
    errors = [error.message for error in VALIDATORS[type_name].iter_errors(obj)]
    assert errors == [], (obj["id"], errors)
    refers = []
    properties = VALIDATORS[type_name].schema["properties"]
    for key, value in obj.items():
        spec = properties.get(key)
        assert spec is not None or ":" in key, f"{obj['id']}: {key} is no {type_name} property"
        if spec is None or key in NOT_OBJECTS or key == "type" or key == "oparlVersion":
            continue
        items = spec.get("items", {})
        if "schema" in spec:
            refers += [(value["id"], _type_of(spec["schema"])), *validate(value, _type_of(spec["schema"]))]
        elif spec["type"] == "array" and "schema" in items:
            for each in value:
                refers += [
                    (each["id"], _type_of(items["schema"])),
                    *validate(each, _type_of(items["schema"])),
                ]
        elif spec.get("references") == "externalList":
            refers.append((value, "list:" + _type_of(items["schema"])))
        elif spec["type"] == "array" and items.get("format") == "url":
            target = spec.get("references") or items.get("references")
            refers += [(each, target) for each in value]
        elif spec.get("format") == "url":
            refers.append((value, spec.get("references")))
    return refers


def _type_of(schema_file):
    return schema_file.removesuffix(".json")


def test_the_schemas_are_the_specifications_twelve():
    assert set(VALIDATORS) == {
        "System", "Body", "LegislativeTerm", "Organization", "Person", "Membership",
        "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location",
    }  # fmt: skip


# --- a client ------------------------------------------------------------------------------------


class OParlClient:
    """Django's test client on the demo town's host, asked with absolute addresses as a client gets them."""

    def __init__(self, client):
        self.client = client
        self.responses = []

    def get(self, url, **headers):
        parts = urlsplit(url)
        assert parts.netloc == DEMO_HOST, url
        response = self.client.get(
            f"{parts.path}?{parts.query}" if parts.query else parts.path, **headers, HTTP_HOST=DEMO_HOST
        )
        self.responses.append((url, response))
        return response

    def json(self, url, status=200):
        response = self.get(url)
        assert response.status_code == status, (url, response.status_code, response.content[:300])
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        return json.loads(response.content.decode("utf-8"))


@pytest.fixture
def api(client):
    return OParlClient(client)


@pytest.fixture
def council(town):
    return oparl_data.build(town)


def with_params(url, **params):
    return f"{url}?{urlencode(params)}"


def walk(api, list_params=None, limit=None):
    """Follow every address from the System object: lists page by page, every object named.

    Returns {address: object} for every object seen (in lists, embedded, or fetched on its own).
    `list_params` go onto every list's first address (filters); the links must keep them.
    """
    seen, lists, fetched = {}, set(), set()
    wanted = [(ROOT, "System")]
    while wanted:
        url, kind = wanted.pop()
        if kind and kind.startswith("list:"):
            extra = dict(list_params or {}, **({"limit": limit} if limit else {}))
            first = with_params(url, **extra) if extra else url
            for each in _pages(api, first, kind.removeprefix("list:"), lists, extra):
                seen.setdefault(each["id"], each)
                if not each.get("deleted"):
                    wanted += validate(each, kind.removeprefix("list:"))
                    wanted.append((each["id"], kind.removeprefix("list:")))
            continue
        if url in fetched:
            continue
        fetched.add(url)
        obj = api.json(url)
        assert obj["id"] == url, (url, obj["id"])
        if kind:
            assert obj["type"] == TYPE + kind, (url, obj["type"], kind)
        seen[url] = obj
        wanted += validate(obj, obj["type"].removeprefix(TYPE))
    return seen


def _pages(api, first, type_name, lists, params):
    """Every object of a list, from its first page along `next`; each page's links keep the filters."""
    url = first
    while url and url not in lists:
        lists.add(url)
        page = api.json(url)
        assert set(page) == {"data", "pagination", "links"}, url
        assert page["links"]["self"] == url or _same_query(page["links"]["self"], url), (url, page["links"])
        for link in page["links"].values():
            query = parse_qs(urlsplit(link).query)
            for name, value in params.items():
                assert query.get(name) == [str(value)], (link, name)
        for each in page["data"]:
            if each.get("deleted"):
                assert set(each) == {"id", "type", "created", "modified", "deleted"}, each
                assert each["type"] == TYPE + type_name and each["deleted"] is True
        yield from page["data"]
        url = page["links"].get("next")
        if url:
            assert page["data"], "a page with a next page is not empty"


def _same_query(one, other):
    return urlsplit(one).path == urlsplit(other).path and parse_qs(urlsplit(one).query) == parse_qs(
        urlsplit(other).query
    )


# --- 1. the whole interface, walked ----------------------------------------------------------------


def test_the_whole_interface_walked_from_the_system_object_is_valid_and_every_address_resolves(api, council):
    seen = walk(api)
    ids = {urlsplit(url).path.split("/")[3] for url in seen}
    assert {"body", "legislativeterm", "organization", "person", "membership", "location", "meeting"} <= ids
    assert {"agendaitem", "paper", "consultation", "file"} <= ids
    public = seen[f"{ROOT}paper/{council.public.pk}/"]
    assert public["name"] == "Sprachcafé im Stadtteilzentrum"
    assert [each["role"] for each in public["consultation"]] == ["Vorberatung", "Beschlussfassung"]
    assert public["web"] == f"http://{DEMO_HOST}/gemeinderat/vorlagen/{council.public.pk}/"
    assert {each["name"] for each in public["auxiliaryFile"]} == {"Kostenaufstellung", "Lageplan"}


def test_the_walk_in_small_pages_sees_the_same_objects(api, council):
    assert set(walk(api, limit=2)) == set(walk(api))


def test_every_public_file_is_fetched_from_its_access_url_without_login(api, council):
    files = [obj for obj in walk(api).values() if obj["type"] == TYPE + "File"]
    assert len(files) >= 4
    for each in files:
        response = api.get(each["accessUrl"])
        assert response.status_code == 200, each
        assert b"".join(response.streaming_content) == oparl_data.PDF
        if "downloadUrl" in each:
            assert each["mimeType"] not in ("application/pdf", "image/png")


def test_every_web_address_is_a_page_a_visitor_can_open(api, council):
    pages = {obj["web"] for obj in walk(api).values() if "web" in obj}
    assert {f"http://{DEMO_HOST}/gemeinderat/sitzungen/{council.meeting.pk}/"} <= pages
    for page in pages:
        assert api.get(page).status_code == 200, page


def test_an_agenda_item_shows_its_consultation_and_result_when_public(api, council):
    meeting = api.json(f"{ROOT}meeting/{council.meeting.pk}/")
    first, noted = meeting["agendaItem"][:2]
    assert first["public"] is True and first["result"] == "mit Änderungen beschlossen"
    assert first["resolutionText"] == "Das Sprachcafé öffnet zweimal die Woche."
    assert first["consultation"].startswith(f"{ROOT}consultation/")
    # "zur Kenntnis genommen": no wording of its own, and it adopts nothing
    assert noted["result"] == "zur Kenntnis genommen" and "resolutionText" not in noted
    assert [item["order"] for item in meeting["agendaItem"]] == list(range(len(meeting["agendaItem"])))
    alone = api.json(first["id"])
    assert alone["order"] == 0 and alone["meeting"] == meeting["id"]
    assert meeting["resultsProtocol"]["name"] == "Niederschrift"
    assert [each["name"] for each in meeting["auxiliaryFile"]] == ["Einladung"]
    assert meeting["location"]["description"] == "Rathaus, Großer Sitzungssaal"


def test_an_adopted_proposal_without_wording_of_its_own_is_the_resolution(api, council, town):
    paper = oparl_data.submission(town, "Dolmetscherpool", decision_proposal="Der Pool wird eingerichtet.")
    row = oparl_data.consultation(town, paper, council.council, council.meeting)
    item = oparl_data.agenda_item(town, council.meeting, "6.", "Dolmetscherpool", row)
    oparl_data.decision(town, row)
    answer = api.json(f"{ROOT}agendaitem/{item.pk}/")
    assert answer["result"] == "beschlossen" and answer["resolutionText"] == "Der Pool wird eingerichtet."


def test_a_private_agenda_item_is_only_named_as_such_and_its_announced_decision_word_for_word(api, council):
    items = {item["number"]: item for item in api.json(f"{ROOT}meeting/{council.meeting.pk}/")["agendaItem"]}
    for number in ("3.", "4.", "5."):
        item = items[number]
        assert item["public"] is False
        assert item["name"] == "Nichtöffentlicher Tagesordnungspunkt"
        assert not {"consultation", "result", "auxiliaryFile", "resolutionFile"} & set(item)
    assert "resolutionText" not in items["3."] and "resolutionText" not in items["5."]
    assert items["4."]["resolutionText"] == "Die Stelle wird besetzt."


def test_a_person_names_their_seats(api, council):
    anna = api.json(f"{ROOT}person/{council.people[0].pk}/")
    assert anna["name"] == "Dr. Anna Arslan" and anna["title"] == ["Dr."] and anna["formOfAddress"] == "Frau"
    assert [seat["role"] for seat in anna["membership"]] == ["Vorsitz", "Mitglied"]
    assert all("person" not in seat for seat in anna["membership"])
    ben = api.json(f"{ROOT}person/{council.people[1].pk}/")
    assert ben["membership"][0]["votingRight"] is False
    seat = api.json(ben["membership"][0]["id"])
    assert seat["person"] == ben["id"] and seat["organization"] == f"{ROOT}organization/{council.council.pk}/"


def test_the_body_is_the_town_and_embeds_its_legislative_terms(api, council, town):
    system = api.json(ROOT)
    assert system["oparlVersion"] == TYPE and system["body"] == f"{ROOT}body/"
    bodies = api.json(system["body"])
    assert [each["id"] for each in bodies["data"]] == [f"{ROOT}body/{town.slug}/"]
    body = api.json(f"{ROOT}body/{town.slug}/")
    assert body["name"] == (town.official_name or town.name)
    assert f"{ROOT}legislativeterm/{council.term.pk}/" in [term["id"] for term in body["legislativeTerm"]]
    api.json(f"{ROOT}body/ludwigsburg/", status=404)


def test_the_content_is_german_and_the_addresses_the_same_whatever_language_a_client_asks(api, council):
    asked = api.client.get(
        f"/oparl/1.1/paper/{council.public.pk}/", HTTP_HOST=DEMO_HOST, HTTP_ACCEPT_LANGUAGE="en"
    )
    paper = json.loads(asked.content)
    assert paper["paperType"] == "Sitzungsvorlage"
    assert paper["auxiliaryFile"][0]["accessUrl"].startswith(f"http://{DEMO_HOST}/dateien/")


def test_another_towns_host_serves_another_body_without_this_towns_objects(client, council, other_town):
    response = client.get(f"/oparl/1.1/paper/{council.public.pk}/", HTTP_HOST=other_town.host)
    assert response.status_code == 404
    page = json.loads(
        client.get(f"/oparl/1.1/body/{other_town.slug}/paper/", HTTP_HOST=other_town.host).content
    )
    assert page["data"] == []


# --- 2. nothing private, ever ------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters", [None, {"modified_since": "2000-01-01T00:00:00+01:00"}], ids=["all", "since"]
)
def test_no_answer_of_the_walk_holds_anything_private(api, council, filters):
    walk(api, list_params=filters)
    assert len(api.responses) > 20
    for url, response in api.responses:
        assert not response.streaming, url
        assert SECRET.encode() not in response.content, url
        assert SECRET not in json.dumps(json.loads(response.content), ensure_ascii=False), url


def test_a_private_deleted_or_imported_object_answers_as_one_that_never_was(api, council):
    missing = api.json(f"{ROOT}paper/999999999/", status=404)
    hidden = [
        ("paper", council.secret),
        ("paper", council.draft),
        ("paper", council.withdrawn),
        ("paper", council.deleted),
        ("paper", council.imported),
        *[("consultation", row) for row in council.hidden_consultations],
        *[("file", row) for row in council.secret_files],
        *[(_segment(row), row) for row in council.deleted_rows + council.imported_rows],
    ]
    for segment, row in hidden:
        answer = api.json(f"{ROOT}{segment}/{row.pk}/", status=404)
        assert answer["message"] == missing["message"] and answer["type"] == TYPE + "Error"


def _segment(row):
    return {
        Person: "person",
        Membership: "membership",
        Committee: "organization",
        Meeting: "meeting",
        AgendaItem: "agendaitem",
        Attachment: "file",
        Location: "location",
        Submission: "paper",
        Consultation: "consultation",
        LegislativeTerm: "legislativeterm",
    }[type(row)]


def test_imported_copies_are_in_no_list(api, council):
    seen = walk(api, list_params={"modified_since": "2000-01-01T00:00:00+00:00"})
    for row in council.imported_rows:
        assert f"{ROOT}{_segment(row)}/{row.pk}/" not in seen


def test_what_the_queries_show_is_what_the_models_call_public(council, town):
    """The interface's conditions agree with `Submission.objects.public()` and `Consultation.objects.public()`."""
    papers = set(KINDS["paper"].served(town).values_list("pk", flat=True))
    assert papers == set(
        Submission.objects.for_municipality(town).public().own().values_list("pk", flat=True)
    )
    assert council.public.pk in papers and council.secret.pk not in papers
    for kind in KINDS.values():
        marked = kind.served_or_gone(town).values_list("pk", "oparl_shown")
        assert {pk for pk, shown in marked if shown} == set(kind.served(town).values_list("pk", flat=True))
    consultations = set(KINDS["consultation"].served(town).values_list("pk", flat=True))
    assert consultations <= set(
        Consultation.objects.for_municipality(town).public().values_list("pk", flat=True)
    )


# --- 3. lists: filters, deleted objects, pages -------------------------------------------------


def paper_list(town, **params):
    url = f"{ROOT}body/{town.slug}/paper/"
    return with_params(url, **params) if params else url


def ids_of(page):
    return [each["id"] for each in page["data"]]


def since(moment):
    return moment.isoformat()


def test_modified_since_names_exactly_what_changed(api, council, town):
    before = timezone.now()
    council.decided.subject = "Antrag: Willkommensmappe in fünf Sprachen"
    council.decided.save()
    page = api.json(paper_list(town, modified_since=since(before)))
    assert ids_of(page) == [f"{ROOT}paper/{council.decided.pk}/"]
    assert page["data"][0]["name"] == "Antrag: Willkommensmappe in fünf Sprachen"


def test_a_childs_change_moves_its_parents_modified(api, council, town):
    before = timezone.now()
    consultation = Consultation.objects.get(submission=council.public, committee=council.committee)
    consultation.role = "notice"
    consultation.save()
    assert ids_of(api.json(paper_list(town, modified_since=since(before)))) == [
        f"{ROOT}paper/{council.public.pk}/"
    ]
    meetings = api.json(with_params(f"{ROOT}body/{town.slug}/meeting/", modified_since=since(before)))
    assert ids_of(meetings) == [f"{ROOT}meeting/{council.next_meeting.pk}/"]
    seat = Membership.objects.get(person=council.people[1])
    seat.voting_right = True
    seat.save()
    people = api.json(with_params(f"{ROOT}body/{town.slug}/person/", modified_since=since(before)))
    assert ids_of(people) == [f"{ROOT}person/{council.people[1].pk}/"]


def test_a_save_that_changes_nothing_moves_nothing(api, council, town):
    before = timezone.now()
    for row in (
        Submission.objects.get(pk=council.public.pk),
        Consultation.objects.filter(submission=council.public).first(),
    ):
        row.save()
    for segment in ("paper", "consultation", "meeting"):
        assert (
            api.json(with_params(f"{ROOT}body/{town.slug}/{segment}/", modified_since=since(before)))["data"]
            == []
        )


def test_deleted_objects_come_as_such_only_with_modified_since(api, council, town):
    deleted = f"{ROOT}paper/{council.deleted.pk}/"
    withdrawn = f"{ROOT}paper/{council.withdrawn.pk}/"
    plain = ids_of(api.json(paper_list(town, limit=1000)))
    assert deleted not in plain and withdrawn not in plain
    created = ids_of(api.json(paper_list(town, created_since="2000-01-01T00:00:00+00:00", limit=1000)))
    assert deleted not in created
    page = api.json(paper_list(town, modified_since="2000-01-01T00:00:00+00:00", limit=1000))
    stubs = {each["id"]: each for each in page["data"] if each.get("deleted")}
    assert {deleted, withdrawn} <= set(stubs)
    assert f"{ROOT}paper/{council.draft.pk}/" not in ids_of(page), "a draft never released is no news"
    assert f"{ROOT}paper/{council.secret.pk}/" not in ids_of(page), "a private one answers as none at all"
    assert stubs[deleted]["modified"] >= stubs[deleted]["created"]
    everything = "2000-01-01T00:00:00+00:00"
    consultations = api.json(
        with_params(f"{ROOT}body/{town.slug}/consultation/", modified_since=everything, limit=1000)
    )
    of_deleted = Consultation.objects.get(submission=council.deleted)
    assert {"id": f"{ROOT}consultation/{of_deleted.pk}/", "deleted": True}.items() <= next(
        each for each in consultations["data"] if each["id"] == f"{ROOT}consultation/{of_deleted.pk}/"
    ).items()
    files = api.json(with_params(f"{ROOT}body/{town.slug}/file/", modified_since=everything, limit=1000))
    never = {f"{ROOT}consultation/{row.pk}/" for row in council.hidden_consultations} | {
        f"{ROOT}file/{row.pk}/" for row in council.secret_files
    }
    assert not never & {*ids_of(consultations), *ids_of(files)}, "what is private is not even named"
    for row in council.deleted_rows:
        segment = _segment(row)
        listed = api.json(
            with_params(
                f"{ROOT}body/{town.slug}/{segment}/", modified_since="2000-01-01T00:00:00+00:00", limit=1000
            )
        )
        assert {"id": f"{ROOT}{segment}/{row.pk}/", "deleted": True}.items() <= next(
            each for each in listed["data"] if each["id"] == f"{ROOT}{segment}/{row.pk}/"
        ).items()
        plain = api.json(with_params(f"{ROOT}body/{town.slug}/{segment}/", limit=1000))
        assert f"{ROOT}{segment}/{row.pk}/" not in ids_of(plain)


@pytest.mark.parametrize("name", ["created_since", "modified_since"])
def test_filters_stay_in_every_link_and_pages_follow_one_another(api, council, town, name):
    params = {name: "2000-01-01T00:00:00+01:00", "limit": 1, "omit_internal": "true"}
    everything = ids_of(api.json(paper_list(town, **{name: params[name], "limit": 1000})))
    page = api.json(paper_list(town, **params))
    seen = ids_of(page)
    assert "prev" not in page["links"] and page["pagination"] == {"elementsPerPage": 1}
    while "next" in page["links"]:
        for link in page["links"].values():
            assert parse_qs(urlsplit(link).query)[name] == ["2000-01-01T00:00:00+01:00"]
            assert parse_qs(urlsplit(link).query)["limit"] == ["1"]
        previous = page["links"]["self"]
        page = api.json(page["links"]["next"])
        assert api.json(page["links"]["prev"])["links"]["self"] == previous
        seen += ids_of(page)
    assert seen == everything and len(seen) == len(set(seen)) >= 3


def test_a_page_of_meetings_holds_25_and_any_list_what_the_client_asks(api, council, town):
    meetings = api.json(f"{ROOT}body/{town.slug}/meeting/")
    assert meetings["pagination"] == {"elementsPerPage": 25}
    asked = api.json(with_params(f"{ROOT}body/{town.slug}/meeting/", limit=1))
    assert asked["pagination"] == {"elementsPerPage": 1} and len(asked["data"]) == 1
    assert "limit=1" in asked["links"]["next"]
    assert "limit" not in api.json(with_params(f"{ROOT}body/{town.slug}/meeting/", limit=25))["links"]["self"]


def test_omit_internal_leaves_the_embedded_lists_out(api, council, town):
    papers = api.json(paper_list(town, omit_internal="true"))["data"]
    assert papers and all("auxiliaryFile" not in each and "consultation" in each for each in papers)
    people = api.json(with_params(f"{ROOT}body/{town.slug}/person/", omit_internal="true"))["data"]
    assert people and all("membership" not in each for each in people)


def test_a_list_of_changes_goes_by_the_time_of_the_change(api, council, town):
    """An object changed while a client pages through comes again at the end, not missed."""
    first = api.json(paper_list(town, modified_since="2000-01-01T00:00:00+00:00", limit=1))
    council.public.subject = "Sprachcafé im Stadtteilzentrum, geändert"
    council.public.save()
    rest = []
    page = first
    while "next" in page["links"]:
        page = api.json(page["links"]["next"])
        rest += ids_of(page)
    assert rest[-1] == f"{ROOT}paper/{council.public.pk}/"
    moments = [
        each["modified"]
        for each in api.json(paper_list(town, modified_since="2000-01-01T00:00:00+00:00"))["data"]
    ]
    assert moments == sorted(moments)


def test_a_page_beyond_the_last_is_empty(api, council, town):
    last = Submission.objects.order_by("-pk").first().pk
    page = api.json(paper_list(town, after=last))
    assert page["data"] == [] and "next" not in page["links"]
    empty = api.json(f"{ROOT}organization/{council.committee.pk}/meeting/?after={last * 10}")
    assert empty["data"] == []


@pytest.mark.parametrize(
    "query",
    [
        "modified_since=gestern",
        "created_until=2024-13-01T00:00:00%2B01:00",
        "limit=viele",
        "after=-3",
        "limit=0",
        "limit=%C2%B2",  # "²" is a digit to Python, not a number
        "after=99999999999999999999999",
        "modified_since=2000-01-01T00:00:00%2B00:00&after=12",  # a list of changes names a time, too
        "modified_since=2000-01-01T00:00:00%2B00:00&after=gestern,12",
    ],
)
def test_a_malformed_parameter_is_refused_with_an_error_object(api, council, town, query):
    answer = api.json(f"{ROOT}body/{town.slug}/paper/?{query}", status=400)
    assert answer["type"] == TYPE + "Error" and answer["message"]


def test_a_plus_sent_unencoded_is_read_as_the_offset(api, council, town):
    url = f"{ROOT}body/{town.slug}/paper/?modified_since=2000-01-01T00:00:00+01:00"
    page = api.json(url)
    assert parse_qs(urlsplit(page["links"]["self"]).query)["modified_since"] == ["2000-01-01T00:00:00+01:00"]


def test_errors_and_unknown_addresses_carry_the_cors_header_too(api, council):
    for url in (f"{ROOT}gibtesnicht/", f"{ROOT}paper/0007/", f"{ROOT}paper/abc/"):
        assert api.json(url, status=404)["type"] == TYPE + "Error"
    response = api.client.post("/oparl/1.1/", HTTP_HOST=DEMO_HOST)
    assert response.status_code == 405 and response["Access-Control-Allow-Origin"] == "*"
    response = api.client.options("/oparl/1.1/", HTTP_HOST=DEMO_HOST)
    assert (
        "GET" in response["Access-Control-Allow-Methods"] and response["Access-Control-Allow-Origin"] == "*"
    )


def test_answers_set_no_cookie(api, council, town):
    response = api.get(paper_list(town))
    assert not response.cookies


# --- query counts: the same at N and at 3N objects ---------------------------------------------


def _grow_papers(town, council, count):
    for _ in range(count):
        paper = oparl_data.submission(town, "Vorlage")
        oparl_data.attachment(town, "Anlage", submission=paper)
        oparl_data.consultation(town, paper, council.committee, council.next_meeting)
        oparl_data.consultation(town, paper, council.council, council.meeting, position=2)


def _grow_meetings(town, council, count):
    for _ in range(count):
        meeting = Meeting.objects.create(
            municipality=town, committee=council.council, start=timezone.now(), location=council.room
        )
        paper = oparl_data.submission(town, "Vorlage")
        consultation = oparl_data.consultation(town, paper, council.council, meeting)
        oparl_data.agenda_item(town, meeting, "1.", "Punkt", consultation)
        oparl_data.decision(town, consultation)
        oparl_data.agenda_item(town, meeting, "2.", "Privat", is_public=False)
        oparl_data.attachment(town, "Niederschrift", meeting=meeting, role="minutes")


def _grow_people(town, council, count):
    for number in range(count):
        person = oparl_data.person(town, "Vorname", f"Name {number}")
        Membership.objects.create(municipality=town, person=person, committee=council.council)
        Membership.objects.create(municipality=town, person=person, committee=council.committee)


def _grow_committees(town, council, count):
    for _ in range(count):
        committee = Committee.objects.create(municipality=town, name="Beirat")
        Membership.objects.create(municipality=town, person=council.people[0], committee=committee)


def _grow_locations(town, council, count):
    for _ in range(count):
        place = Location.objects.create(municipality=town, description="Saal")
        Meeting.objects.create(
            municipality=town, committee=council.council, start=timezone.now(), location=place
        )


def _grow_terms(town, council, count):
    for _ in range(count):
        LegislativeTerm.objects.create(municipality=town, name="Wahlperiode", start_date=date(2019, 7, 1))


# (list, how it grows, queries of a first page, of a later page): one query for the town, one for the
# rows, one per embedded list; a later page asks once more, for where the page before it starts.
LISTS = [
    ("paper", _grow_papers, 4, 5),
    ("consultation", _grow_papers, 2, 3),
    ("file", _grow_papers, 2, 3),
    ("meeting", _grow_meetings, 4, 5),
    ("agendaitem", _grow_meetings, 2, 3),
    ("person", _grow_people, 3, 4),
    ("membership", _grow_people, 2, 3),
    ("organization", _grow_committees, 3, 4),
    ("location", _grow_locations, 3, 4),
    ("legislativeterm", _grow_terms, 2, 3),
]


@pytest.mark.parametrize(("segment", "grow", "first", "later"), LISTS, ids=[each[0] for each in LISTS])
def test_a_list_page_costs_the_same_queries_at_n_and_3n(api, council, town, segment, grow, first, later):
    n = 4
    counts = []
    for count in (n, 2 * n):
        grow(town, council, count)
        start = KINDS[segment].served(town).order_by("pk").values_list("pk", flat=True)[2]
        for url, expected in (
            (with_params(f"{ROOT}body/{town.slug}/{segment}/", limit=1000), first),
            (with_params(f"{ROOT}body/{town.slug}/{segment}/", after=start, limit=1000), later),
        ):
            with CaptureQueriesContext(connection) as queries:
                page = api.json(url)
            assert len(page["data"]) >= count - 3  # a later page starts after the third
            counts.append((len(queries.captured_queries), expected))
    assert [count for count, _ in counts] == [expected for _, expected in counts], counts


def test_an_object_costs_a_fixed_number_of_queries(api, council, town, django_assert_num_queries):
    for url, expected in (
        (ROOT, 1),
        (f"{ROOT}body/{town.slug}/", 2),
        (f"{ROOT}paper/{council.public.pk}/", 4),
        (f"{ROOT}meeting/{council.meeting.pk}/", 4),
        (f"{ROOT}agendaitem/{council.private_items[0].pk}/", 2),
        (f"{ROOT}organization/{council.council.pk}/meeting/", 5),
    ):
        with django_assert_num_queries(expected):
            api.json(url)


def test_a_page_of_papers_with_modified_since_costs_what_a_plain_page_costs(api, council, town):
    with CaptureQueriesContext(connection) as plain:
        api.json(paper_list(town))
    with CaptureQueriesContext(connection) as filtered:
        api.json(paper_list(town, modified_since=since(timezone.now() - timedelta(days=1))))
    assert len(plain.captured_queries) == len(filtered.captured_queries)
