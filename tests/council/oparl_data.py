"""A council for the OParl tests: everything the interface shows, and everything it must not.

`build(town)` writes a legislative term, two committees, people with their seats, a meeting room,
meetings with public and private agenda items, public and private submissions with their
consultation sequence, decisions (one taken in private and announced since, one never announced),
files and minutes, deleted rows and a copy imported from another council system. Every text that
must never leave the administration carries `SECRET`.
"""

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    ConsultationRole,
    Decision,
    FileRole,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    MembershipRole,
    NonPublicReason,
    Outcome,
    PaperType,
    Person,
    Submission,
    SubmissionStatus,
)

SECRET = "Geheimsache-Q7X"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

_numbers = itertools.count(1)


@dataclass
class Council:
    """The rows `build` wrote, by their part in the tests."""

    town: object
    term: LegislativeTerm = None
    council: Committee = None
    committee: Committee = None
    people: list = field(default_factory=list)
    room: Location = None
    meeting: Meeting = None
    next_meeting: Meeting = None
    public: Submission = None
    decided: Submission = None
    secret: Submission = None
    draft: Submission = None
    withdrawn: Submission = None
    deleted: Submission = None
    imported: Submission = None
    public_file: Attachment = None
    secret_files: list = field(default_factory=list)
    private_items: list = field(default_factory=list)
    hidden_consultations: list = field(default_factory=list)
    deleted_rows: list = field(default_factory=list)
    imported_rows: list = field(default_factory=list)


def submission(town, subject, *, status=SubmissionStatus.RELEASED, is_public=True, **values):
    number = next(_numbers)
    released = status in (SubmissionStatus.RELEASED, SubmissionStatus.DECIDED, SubmissionStatus.WITHDRAWN)
    return Submission.objects.create(
        municipality=town,
        reference=values.pop("reference", f"OParl/{number:04d}"),
        subject=subject,
        status=status,
        is_public=is_public,
        nonpublic_reason="" if is_public else NonPublicReason.PROPERTY,
        released_at=timezone.now() if released else None,
        decision_proposal=values.pop("decision_proposal", "Der Gemeinderat stimmt zu."),
        **values,
    )


def attachment(
    town, title, *, submission=None, meeting=None, role=FileRole.ATTACHMENT, name="anlage.pdf", **values
):
    record = Attachment(
        municipality=town, submission=submission, meeting=meeting, role=role, title=title, **values
    )
    record.file.save(name, ContentFile(PDF), save=False)
    record.size = len(PDF)
    record.mime_type = "application/pdf"
    record.save()
    return record


def consultation(town, paper, committee, meeting=None, **values):
    return Consultation.objects.create(
        municipality=town,
        submission=paper,
        committee=committee,
        meeting=meeting,
        meeting_date=None if meeting else date(2026, 9, 1),
        **values,
    )


def agenda_item(town, meeting, number, name, consultation=None, **values):
    return AgendaItem.objects.create(
        municipality=town,
        meeting=meeting,
        number=number,
        position=int(number.rstrip(".")),
        name=name,
        consultation=consultation,
        **values,
    )


def decision(town, consultation, outcome=Outcome.ADOPTED, **values):
    return Decision.objects.create(municipality=town, consultation=consultation, outcome=outcome, **values)


def person(town, given_name, family_name, **values):
    return Person.objects.create(municipality=town, given_name=given_name, family_name=family_name, **values)


def build(town):
    world = Council(town=town)
    now = timezone.now()
    world.term = LegislativeTerm.objects.create(
        municipality=town,
        name="Wahlperiode 2024–2029",
        start_date=date(2024, 7, 1),
        end_date=date(2029, 6, 30),
    )
    world.council = Committee.objects.create(
        municipality=town, name="Gemeinderat", classification="Parlament", start_date=date(2024, 7, 1)
    )
    world.committee = Committee.objects.create(
        municipality=town,
        name="Ausschuss für Soziales und Integration",
        short_name="ASI",
        website="https://www.example.org/asi",
    )
    anna = person(town, "Anna", "Arslan", title="Dr.", form_of_address="Frau")
    ben = person(town, "Ben", "Brandt")
    world.people = [anna, ben]
    for seat in (
        Membership(person=anna, committee=world.council, role=MembershipRole.CHAIR, group="Liste A"),
        Membership(person=anna, committee=world.committee, start_date=date(2024, 9, 1)),
        Membership(person=ben, committee=world.council, role=MembershipRole.ADVISORY, voting_right=False),
    ):
        seat.municipality = town
        seat.save()
    world.room = Location.objects.create(
        municipality=town,
        description="Rathaus, Großer Sitzungssaal",
        street_address="Jakob-Sigle-Platz 1",
        postal_code="70806",
        locality="Kornwestheim",
    )
    world.meeting = Meeting.objects.create(
        municipality=town,
        committee=world.council,
        start=now - timedelta(days=20),
        end=now - timedelta(days=20, hours=-3),
        location=world.room,
    )
    world.next_meeting = Meeting.objects.create(
        municipality=town, committee=world.committee, name="Sondersitzung", start=now + timedelta(days=10)
    )

    # A public submission: consulted in the committee first, decided by the council.
    world.public = submission(town, "Sprachcafé im Stadtteilzentrum", paper_type=PaperType.SUBMISSION)
    world.public_file = attachment(town, "Kostenaufstellung", submission=world.public)
    figure = attachment(town, "Lageplan", submission=world.public, role=FileRole.FIGURE, name="lageplan.png")
    figure.alt_text = "Ein Plan des Stadtteilzentrums"
    figure.save()
    consultation(town, world.public, world.committee, world.next_meeting, role=ConsultationRole.PRELIMINARY)
    deciding = consultation(town, world.public, world.council, world.meeting, position=2)
    agenda_item(town, world.meeting, "1.", "Sprachcafé im Stadtteilzentrum", deciding)
    decision(town, deciding, Outcome.ADOPTED_WITH_CHANGES, wording="Das Sprachcafé öffnet zweimal die Woche.")

    world.decided = submission(
        town, "Antrag: Willkommensmappe", status=SubmissionStatus.DECIDED, paper_type=PaperType.MOTION
    )
    noted = consultation(town, world.decided, world.council, world.meeting, role=ConsultationRole.NOTICE)
    agenda_item(town, world.meeting, "2.", "Antrag: Willkommensmappe", noted)
    decision(town, noted, Outcome.NOTED)

    # What stays inside: a private submission, decided in private and never announced.
    world.secret = submission(
        town,
        f"Grundstückskauf {SECRET}",
        is_public=False,
        statement=f"Begründung {SECRET}",
        decision_proposal=f"Kaufpreis {SECRET}",
        financial_impact=f"Kosten {SECRET}",
    )
    closed = consultation(town, world.secret, world.council, world.meeting, is_public=False)
    world.hidden_consultations.append(closed)
    world.private_items.append(
        agenda_item(
            town,
            world.meeting,
            "3.",
            f"Grundstück {SECRET}",
            closed,
            is_public=False,
            nonpublic_reason=NonPublicReason.PROPERTY,
        )
    )
    decision(
        town,
        closed,
        wording=f"Beschluss {SECRET}",
        summary=f"Zusammenfassung {SECRET}",
        no_measure_reason=f"Keine Maßnahme {SECRET}",
        votes_yes=20,
    )
    world.secret_files.append(attachment(town, f"Gutachten {SECRET}", submission=world.secret))

    # A private item whose decision was announced since: only its wording leaves.
    announced_paper = submission(town, f"Personalsache {SECRET}", is_public=False, decision_proposal=SECRET)
    announced = consultation(town, announced_paper, world.council, world.meeting, is_public=False)
    world.hidden_consultations.append(announced)
    world.private_items.append(
        agenda_item(town, world.meeting, "4.", f"Stelle {SECRET}", announced, is_public=False)
    )
    decision(town, announced, wording="Die Stelle wird besetzt.", summary=SECRET, announced_at=now)

    # A public submission discussed in private once: that consultation stays inside.
    private_round = consultation(
        town, world.public, world.council, world.meeting, is_public=False, position=3
    )
    world.hidden_consultations.append(private_round)
    world.private_items.append(agenda_item(town, world.meeting, "5.", f"Vergabe {SECRET}", private_round))
    decision(town, private_round, Outcome.POSTPONED, wording=f"Vertagt {SECRET}", summary=SECRET)

    # Files that are not public: one of a public submission, the private minutes.
    world.secret_files.append(attachment(town, f"Angebot {SECRET}", submission=world.public, is_public=False))
    world.secret_files.append(
        attachment(
            town,
            f"Niederschrift nichtöffentlich {SECRET}",
            meeting=world.meeting,
            role=FileRole.MINUTES,
            is_public=False,
            name="niederschrift-nichtoeffentlich.pdf",
        )
    )
    attachment(town, "Niederschrift", meeting=world.meeting, role=FileRole.MINUTES, name="niederschrift.pdf")
    attachment(town, "Einladung", meeting=world.meeting, position=2, name="einladung.pdf")

    world.draft = submission(town, f"Entwurf {SECRET}", status=SubmissionStatus.DRAFT)
    world.secret_files.append(attachment(town, f"Anlage zum Entwurf {SECRET}", submission=world.draft))
    world.withdrawn = submission(town, "Zurückgezogene Vorlage", status=SubmissionStatus.WITHDRAWN)
    world.deleted = submission(town, "Gelöschte Vorlage")
    consultation(town, world.deleted, world.council)
    world.deleted.deleted_at = now
    world.deleted.save()

    # Deleted rows of every kind a client may hold.
    gone_person = person(town, "Gisela", "Gestern")
    gone_seat = Membership.objects.create(municipality=town, person=gone_person, committee=world.council)
    gone_committee = Committee.objects.create(municipality=town, name="Aufgelöster Beirat")
    gone_meeting = Meeting.objects.create(municipality=town, committee=world.council, start=now)
    gone_item = agenda_item(town, world.meeting, "9.", "Gestrichener Punkt")
    gone_file = attachment(town, "Zurückgenommene Anlage", submission=world.public, position=5)
    gone_room = Location.objects.create(municipality=town, description="Altes Rathaus")
    for row in (gone_person, gone_seat, gone_committee, gone_meeting, gone_item, gone_file, gone_room):
        row.deleted_at = now
        row.save()
        world.deleted_rows.append(row)

    # A copy of another council system's objects: never served.
    origin = "https://ris.example.org/oparl"
    world.imported = submission(town, "Importierte Vorlage", origin=f"{origin}/paper/1")
    foreign = Committee.objects.create(municipality=town, name="Kreistag", origin=f"{origin}/organization/1")
    world.imported_rows = [
        world.imported,
        foreign,
        consultation(town, world.imported, foreign, origin=f"{origin}/consultation/1"),
        Person.objects.create(
            municipality=town, given_name="Ina", family_name="Import", origin=f"{origin}/person/1"
        ),
    ]
    return world
