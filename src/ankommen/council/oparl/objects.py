"""The council's rows as OParl 1.1 objects (JSON-ready dicts).

Every address an object names is that of an object the interface serves: a reference to a row that
is not shown (deleted, imported, not public) is left out rather than given as an address that
answers 404. Empty values are left out, as the specification recommends (`null`, `""`, `[]`).

Meetings, people, organizations, locations and legislative terms come as model instances; papers,
memberships, consultations, agenda items and files as plain rows (see kinds.py).
"""

import mimetypes
from functools import cache
from pathlib import PurePosixPath

from django.urls import reverse
from django.utils import timezone, translation

from ankommen.core.files import INLINE_TYPES
from ankommen.council.models import (
    Attachment,
    ConsultationRole,
    FileRole,
    MembershipRole,
    Outcome,
    PaperType,
)
from ankommen.council.oparl.public import is_own_live

SCHEMA = "https://schema.oparl.org/1.1/"
ID = object()  # where the id goes in `Urls.page`
MARK = 987654321
NONPUBLIC_AGENDA_ITEM = "Nichtöffentlicher Tagesordnungspunkt"


class Urls:
    """The canonical addresses of one town's OParl objects, absolute, on the host the request came to."""

    def __init__(self, request, town):
        self.request = request
        self.town = town
        self.root = request.build_absolute_uri(reverse("oparl:system"))
        self.site = request.build_absolute_uri("/")[:-1]
        self._pages = {}

    def object(self, segment, pk):
        return f"{self.root}{segment}/{pk}/"

    @property
    def body_list(self):
        return f"{self.root}body/"

    @property
    def body(self):
        return f"{self.root}body/{self.town.slug}/"

    def body_list_of(self, segment):
        """The address of one of the body's lists (organizations, papers, …)."""
        return f"{self.body}{segment}/"

    def page(self, name, *args):
        """A page of the site (HTML), or the file view, as an absolute address; `ID` marks the id.

        The address is looked up once per request and name; an object's is then the id put in.
        """
        key = (name, *args)
        if key not in self._pages:
            address = self.site + reverse(name, args=[MARK if arg is ID else arg for arg in args])
            self._pages[key] = address.split(str(MARK))
        prefix, suffix = self._pages[key]
        return lambda pk: f"{prefix}{pk}{suffix}"


def moment(value):
    """A point in time as OParl writes it: yyyy-mm-ddThh:mm:ss±hh:mm, in the installation's time zone."""
    return value.astimezone(timezone.get_default_timezone()).isoformat(timespec="seconds") if value else None


def day(value):
    return value.isoformat() if value else None


@cache
def _labels(choices):
    with translation.override("de"):
        return {value: str(name) for value, name in choices.choices}


def label(choices, value):
    """A choice's name in the interface's language, German (looked up once per choice)."""
    return _labels(choices)[value]


def cleaned(data):
    """Without the properties that have no value (`False` and `0` are values)."""
    return {key: value for key, value in data.items() if value is not None and value != "" and value != []}


def dated(data, row):
    created, modified = (
        (row["created"], row["modified"]) if isinstance(row, dict) else (row.created, row.modified)
    )
    data["created"] = moment(created)
    data["modified"] = moment(modified)
    return data


def deleted(type_name, row, urls, segment):
    """What a client learns of an object it may hold that is no longer shown."""
    pk = row["pk"] if isinstance(row, dict) else row.pk
    return dated({"id": urls.object(segment, pk), "type": SCHEMA + type_name, "deleted": True}, row)


# --- the system and the body (the town) ---------------------------------------------------------


def system(town, urls):
    return cleaned(
        {
            "id": urls.root,
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "body": urls.body_list,
            "name": f"Ankommen {town.name}",
            "contactEmail": town.contact_email,
            "website": urls.site + "/",
        }
    )


def body(town, urls, terms, omit_internal=False):
    data = cleaned(
        {
            "id": urls.body,
            "type": SCHEMA + "Body",
            "system": urls.root,
            "name": town.official_name or town.name,
            "shortName": town.name if town.official_name else "",
            "contactEmail": town.contact_email,
            "web": urls.site + "/",
            "organization": urls.body_list_of("organization"),
            "person": urls.body_list_of("person"),
            "meeting": urls.body_list_of("meeting"),
            "paper": urls.body_list_of("paper"),
            "agendaItem": urls.body_list_of("agendaitem"),
            "consultation": urls.body_list_of("consultation"),
            "file": urls.body_list_of("file"),
            "locationList": urls.body_list_of("location"),
            "legislativeTermList": urls.body_list_of("legislativeterm"),
            "membership": urls.body_list_of("membership"),
        }
    )
    # Required: given even when empty.
    data["legislativeTerm"] = [] if omit_internal else [legislative_term(term, urls, True) for term in terms]
    return data


# --- the council's structure ---------------------------------------------------------------------


def legislative_term(term, urls, embedded=False, omit_internal=False):
    return dated(
        cleaned(
            {
                "id": urls.object("legislativeterm", term.pk),
                "type": SCHEMA + "LegislativeTerm",
                "body": None if embedded else urls.body,
                "name": term.name,
                "startDate": day(term.start_date),
                "endDate": day(term.end_date),
            }
        ),
        term,
    )


def organization(committee, urls, embedded=False, omit_internal=False):
    return dated(
        cleaned(
            {
                "id": urls.object("organization", committee.pk),
                "type": SCHEMA + "Organization",
                "body": urls.body,
                "name": committee.name,
                "shortName": committee.short_name,
                "membership": [urls.object("membership", pk) for pk in committee.oparl_membership_ids],
                "meeting": urls.object("organization", committee.pk) + "meeting/",
                "organizationType": "Gremium",
                "classification": str(committee.classification),
                "startDate": day(committee.start_date),
                "endDate": day(committee.end_date),
                "website": committee.website,
                "web": urls.page("council:committee", ID)(committee.pk),
            }
        ),
        committee,
    )


def person(record, urls, embedded=False, omit_internal=False):
    memberships = (
        None if omit_internal else [membership(seat, urls, True) for seat in record.oparl_memberships]
    )
    return dated(
        cleaned(
            {
                "id": urls.object("person", record.pk),
                "type": SCHEMA + "Person",
                "body": urls.body,
                "name": record.name,
                "familyName": record.family_name,
                "givenName": record.given_name,
                "formOfAddress": record.form_of_address,
                "title": [record.title] if record.title else [],
                "membership": memberships,
            }
        ),
        record,
    )


def membership(seat, urls, embedded=False, omit_internal=False):
    return dated(
        cleaned(
            {
                "id": urls.object("membership", seat["pk"]),
                "type": SCHEMA + "Membership",
                "person": None if embedded else urls.object("person", seat["person_id"]),
                "organization": urls.object("organization", seat["committee_id"]),
                "role": label(MembershipRole, seat["role"]),
                "votingRight": seat["voting_right"],
                "startDate": day(seat["start_date"]),
                "endDate": day(seat["end_date"]),
            }
        ),
        seat,
    )


def location(place, urls, embedded=False, omit_internal=False):
    meetings = None if embedded else [urls.object("meeting", pk) for pk in place.oparl_meeting_ids]
    return dated(
        cleaned(
            {
                "id": urls.object("location", place.pk),
                "type": SCHEMA + "Location",
                "description": place.description,
                "streetAddress": place.street_address,
                "postalCode": place.postal_code,
                "locality": place.locality,
                "meetings": meetings,
            }
        ),
        place,
    )


# --- meetings and their agenda -------------------------------------------------------------------


def meeting(record, urls, embedded=False, omit_internal=False):
    files = record.oparl_files
    minutes = next((each for each in files if each["role"] == FileRole.MINUTES), None)
    others = [each for each in files if each is not minutes]
    agenda = [] if omit_internal else record.oparl_agenda
    return dated(
        cleaned(
            {
                "id": urls.object("meeting", record.pk),
                "type": SCHEMA + "Meeting",
                "name": record.title,
                "cancelled": record.cancelled,
                "start": moment(record.start),
                "end": moment(record.end),
                "location": location(record.location, urls, True) if is_own_live(record.location) else None,
                "organization": (
                    [urls.object("organization", record.committee_id)]
                    if is_own_live(record.committee)
                    else []
                ),
                "resultsProtocol": file(minutes, urls, True) if minutes else None,
                "auxiliaryFile": [] if omit_internal else [file(each, urls, True) for each in others],
                "agendaItem": [
                    agenda_item(item, urls, True, order=order) for order, item in enumerate(agenda)
                ],
                "web": urls.page("council:meeting", ID)(record.pk),
            }
        ),
        record,
    )


def agenda_item(item, urls, embedded=False, omit_internal=False, order=None):
    """A public item with its matter and result; a private one only as such, its decision once announced."""
    public = item["is_public"] and (item["consultation_id"] is None or bool(item["consultation_public"]))
    data = {
        "id": urls.object("agendaitem", item["pk"]),
        "type": SCHEMA + "AgendaItem",
        "meeting": None if embedded else urls.object("meeting", item["meeting_id"]),
        "number": item["number"],
        "order": item["order"] if order is None else order,
        "name": item["name"] if public else NONPUBLIC_AGENDA_ITEM,
        "public": public,
    }
    if public and item["consultation_id"] is not None:
        data["consultation"] = urls.object("consultation", item["consultation_id"])
    if public and item["decision_id"] is not None:
        data["result"] = label(Outcome, item["outcome"])
        data["resolutionText"] = item["resolution"]
    elif not public and item["announced"]:
        data["resolutionText"] = item["wording"]  # the announcement (Bekanntgabe), word for word
    return dated(cleaned(data), item)


# --- submissions, their consultations and files --------------------------------------------------


def paper(row, urls, embedded=False, omit_internal=False):
    files = [] if omit_internal else [file(each, urls, True) for each in row["files"]]
    return dated(
        cleaned(
            {
                "id": urls.object("paper", row["pk"]),
                "type": SCHEMA + "Paper",
                "body": urls.body,
                "name": row["subject"],
                "reference": row["reference"],
                "date": day(row["date"]),
                "paperType": label(PaperType, row["paper_type"]),
                "auxiliaryFile": files,
                "consultation": [consultation(each, urls, True) for each in row["consultations"]],
                "web": urls.page("council:submission", ID)(row["pk"]),
            }
        ),
        row,
    )


def consultation(row, urls, embedded=False, omit_internal=False):
    return dated(
        cleaned(
            {
                "id": urls.object("consultation", row["pk"]),
                "type": SCHEMA + "Consultation",
                "paper": None if embedded else urls.object("paper", row["submission_id"]),
                "agendaItem": urls.object("agendaitem", row["item_id"]) if row["item_shown"] else None,
                "meeting": urls.object("meeting", row["meeting_id"]) if row["meeting_shown"] else None,
                "organization": [urls.object("organization", row["committee_id"])]
                if row["committee_shown"]
                else [],
                "authoritative": row["role"] == ConsultationRole.DECISION,
                "role": label(ConsultationRole, row["role"]),
            }
        ),
        row,
    )


def file(row, urls, embedded=False, omit_internal=False):
    """A public file; it is fetched from the product's file view, which asks the same rules again."""
    name = PurePosixPath(row["file"]).name
    mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"  # what the file view sends
    address = urls.page("core:private_file", Attachment._meta.label_lower, ID, "file")(row["pk"])
    return dated(
        cleaned(
            {
                "id": urls.object("file", row["pk"]),
                "type": SCHEMA + "File",
                "name": row["title"],
                "fileName": name,
                "mimeType": mime_type,
                "size": row["size"] or None,
                "accessUrl": address,
                # The file view sends a download (Content-Disposition: attachment) for all but the
                # types a browser shows; only there is its address a download address in OParl's sense.
                "downloadUrl": None if mime_type in INLINE_TYPES else address,
                "paper": [urls.object("paper", row["submission_id"])]
                if row["submission_id"] and not embedded
                else [],
                "meeting": [urls.object("meeting", row["meeting_id"])]
                if row["meeting_id"] and not embedded
                else [],
            }
        ),
        row,
    )
