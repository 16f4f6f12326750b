"""The council's rows as OParl 1.1 objects (JSON-ready dicts).

Every address an object names is that of an object the interface serves: a reference to a row that
is not shown (deleted, imported, not public) is left out rather than given as an address that
answers 404. Empty values are left out, as the specification recommends (`null`, `""`, `[]`).
"""

import mimetypes
from pathlib import PurePosixPath

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone

from ankommen.core.files import INLINE_TYPES
from ankommen.council.models import ConsultationRole, FileRole
from ankommen.council.oparl.public import is_own_live, is_public_consultation

SCHEMA = "https://schema.oparl.org/1.1/"
NONPUBLIC_AGENDA_ITEM = "Nichtöffentlicher Tagesordnungspunkt"


class Urls:
    """The canonical addresses of one town's OParl objects, absolute, on the host the request came to."""

    def __init__(self, request, town):
        self.request = request
        self.town = town
        self.root = request.build_absolute_uri(reverse("oparl:system"))

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

    def absolute(self, path):
        return self.request.build_absolute_uri(path)


def moment(value):
    """A point in time as OParl writes it: yyyy-mm-ddThh:mm:ss±hh:mm, in the town's time zone."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def day(value):
    return value.isoformat() if value else None


def cleaned(data):
    """Without the properties that have no value (`False` and `0` are values)."""
    return {key: value for key, value in data.items() if value is not None and value != "" and value != []}


def dated(data, obj):
    data["created"] = moment(obj.created)
    data["modified"] = moment(obj.modified)
    return data


def deleted(type_name, obj, urls, segment):
    """What a client learns of an object it may hold that is no longer shown."""
    return {
        "id": urls.object(segment, obj.pk),
        "type": SCHEMA + type_name,
        "created": moment(obj.created),
        "modified": moment(obj.modified),
        "deleted": True,
    }


def related_or_none(obj, name):
    """A reverse one-to-one row fetched with `obj`, or None where there is none."""
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


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
            "website": urls.absolute("/"),
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
            "web": urls.absolute("/"),
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
    # Required: given even when empty (and then even with omit_internal, which only may omit it).
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
                "membership": [urls.object("membership", seat.pk) for seat in committee.oparl_memberships],
                "meeting": urls.object("organization", committee.pk) + "meeting/",
                "organizationType": "Gremium",
                "classification": str(committee.classification),
                "startDate": day(committee.start_date),
                "endDate": day(committee.end_date),
                "website": committee.website,
                "web": urls.absolute(committee.get_absolute_url()),
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
                "id": urls.object("membership", seat.pk),
                "type": SCHEMA + "Membership",
                "person": None if embedded else urls.object("person", seat.person_id),
                "organization": urls.object("organization", seat.committee_id),
                "role": str(seat.get_role_display()),
                "votingRight": seat.voting_right,
                "startDate": day(seat.start_date),
                "endDate": day(seat.end_date),
            }
        ),
        seat,
    )


def location(place, urls, embedded=False, omit_internal=False):
    meetings = None if embedded else [urls.object("meeting", each.pk) for each in place.oparl_meetings]
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
    files = list(record.oparl_files)
    minutes = next((each for each in files if each.role == FileRole.MINUTES), None)
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
                "web": urls.absolute(record.get_absolute_url()),
            }
        ),
        record,
    )


def agenda_item(item, urls, embedded=False, omit_internal=False, order=None):
    """A public item with its matter and result; a private one only as such, its decision once announced."""
    consultation = item.consultation
    public = item.is_public and (consultation is None or is_public_consultation(consultation))
    decision = related_or_none(consultation, "decision") if consultation else None
    data = {
        "id": urls.object("agendaitem", item.pk),
        "type": SCHEMA + "AgendaItem",
        "meeting": None if embedded else urls.object("meeting", item.meeting_id),
        "number": item.number,
        "order": item.oparl_order if order is None else order,
        "name": item.name if public else NONPUBLIC_AGENDA_ITEM,
        "public": public,
    }
    if public:
        data["consultation"] = urls.object("consultation", consultation.pk) if consultation else None
        if decision is not None:
            data["result"] = str(decision.get_outcome_display())
            data["resolutionText"] = decision.effective_wording
    elif decision is not None and decision.announced_at is not None:
        data["resolutionText"] = decision.wording  # the announcement (Bekanntgabe), word for word
    return dated(cleaned(data), item)


# --- submissions, their consultations and files --------------------------------------------------


def paper(submission, urls, embedded=False, omit_internal=False):
    files = [] if omit_internal else [file(each, urls, True) for each in submission.oparl_files]
    return dated(
        cleaned(
            {
                "id": urls.object("paper", submission.pk),
                "type": SCHEMA + "Paper",
                "body": urls.body,
                "name": submission.subject,
                "reference": submission.reference,
                "date": day(submission.date),
                "paperType": str(submission.get_paper_type_display()),
                "auxiliaryFile": files,
                "consultation": [consultation(each, urls, True) for each in submission.oparl_consultations],
                "web": urls.absolute(submission.get_absolute_url()),
            }
        ),
        submission,
    )


def consultation(record, urls, embedded=False, omit_internal=False):
    item = related_or_none(record, "agenda_item")
    shown_item = item is not None and is_own_live(item) and is_own_live(item.meeting)
    return dated(
        cleaned(
            {
                "id": urls.object("consultation", record.pk),
                "type": SCHEMA + "Consultation",
                "paper": None if embedded else urls.object("paper", record.submission_id),
                "agendaItem": urls.object("agendaitem", item.pk) if shown_item else None,
                "meeting": urls.object("meeting", record.meeting_id) if is_own_live(record.meeting) else None,
                "organization": (
                    [urls.object("organization", record.committee_id)]
                    if is_own_live(record.committee)
                    else []
                ),
                "authoritative": record.role == ConsultationRole.DECISION,
                "role": str(record.get_role_display()),
            }
        ),
        record,
    )


def file(attachment, urls, embedded=False, omit_internal=False):
    """A public file; it is fetched from the product's file view, which asks the same rules again."""
    name = PurePosixPath(attachment.file.name).name
    mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"  # what the file view sends
    address = urls.absolute(
        reverse("core:private_file", args=[attachment._meta.label_lower, attachment.pk, "file"])
    )
    return dated(
        cleaned(
            {
                "id": urls.object("file", attachment.pk),
                "type": SCHEMA + "File",
                "name": attachment.title,
                "fileName": name,
                "mimeType": mime_type,
                "size": attachment.size or None,
                "accessUrl": address,
                # The file view sends a download (Content-Disposition: attachment) for all but the
                # types a browser shows; only there is its address a download address in OParl's sense.
                "downloadUrl": None if mime_type in INLINE_TYPES else address,
                "paper": [urls.object("paper", attachment.submission_id)]
                if attachment.submission_id and not embedded
                else [],
                "meeting": [urls.object("meeting", attachment.meeting_id)]
                if attachment.meeting_id and not embedded
                else [],
            }
        ),
        attachment,
    )
