"""The demo's council: the seed's own submission of 2017 with a decision and its measures, and a draft of today.

The submission "Vorstellung Integrationskonzept" is reproduced as far as the seed holds it. The
seed holds the proposal, not the outcome: the decision recorded for it is demo data and says so.
The councillors are invented; Kornwestheim's real council is in its council information system.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from ankommen.accounts.demo import members_by_local_part
from ankommen.circle.models import Organisation, OrganisationKind, OrganisationMembership
from ankommen.concept.models import Field
from ankommen.council.models import (
    AgendaItem,
    Committee,
    Consultation,
    ConsultationRole,
    CoSignature,
    CoSignatureStatus,
    Decision,
    LegislativeTerm,
    Location,
    Measure,
    MeasureStatus,
    Meeting,
    Membership,
    MembershipRole,
    NonPublicReason,
    Outcome,
    PaperType,
    Person,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from ankommen.council.services import snapshot
from ankommen.dialogue.models import Contribution

SEED_STATEMENT = """Als die Stadt Kornwestheim im Sommer 2015 die Arbeiten an dem vom Ministerium für Soziales und Integration Baden-Württemberg geförderten Integrationskonzept aufnahm, sollten mehrere Ziele gleichzeitig erreicht werden: Es ging darum, mehr über die aktuell stattfindende Integration — über Schwierigkeiten und Erfolge — zu erfahren, die bereits erreichten Erfolge einer breiten Öffentlichkeit sichtbar zu machen sowie eventuell bestehende Schwierigkeiten zu erkennen und durch neu zu entwickelnde Maßnahmen zu bearbeiten.

Der nachfolgenden Abbildung können Sie die einzelnen Meilensteine zum Projektverlauf entnehmen.

Das Integrationskonzept gliedert sich in einen **schriftlichen** und einen **gelebten** Teil. Bereits vor dem Erscheinen des schriftlichen Konzeptes wurden Maßnahmen zur Verbesserung von Integration umgesetzt. Es gehört zu den probaten Empfehlungen von Integrationskonzepten, gelingende Integration sichtbar zu machen. Diese Empfehlung wurde in Kornwestheim vorweggenommen durch die Veröffentlichung der Ankommensgeschichten und die sehr gut besuchte Ankommenskonferenz.

Integration ist ein Prozess, der maßgeblich bestimmt wird durch das **Ankommen**: Ankommen in einem Land, an einem Ort, in einer Sprache, Kultur, in Erwerbsarbeit und in sozialen Netzwerken. Weil Integration Ankommen ist, zieht sich dieser Begriff wie ein Roter Faden durch die Vorarbeiten zu dem Integrationskonzept, wie etwa dem Sammeln von **Ankommensgeschichten** und der Durchführung einer **Ankommenskonferenz**.

Die bereits veröffentlichte **Ankommensbroschüre** fasst die vielfältigen Portraits und Interviews von Menschen zusammen, die in Kornwestheim ankommen oder bereits angekommen sind.

Verantwortlich für das nun vorliegende Integrationskonzept sind der Integrationsbeauftragte der Stadt, der Initiativkreis, bestehend aus Mitgliedern unterschiedlicher zivilgesellschaftlicher Organisationen, die sich für ein gutes „Ankommen“ engagieren, Mitarbeiterinnen und Mitarbeiter der Verwaltung sowie das PLENA-Institut der Hochschule Mannheim. Die Genannten brachten neben ihrer Sachkenntnis ihr Wissen über die Integrationsgeschichte der Stadt mit ein und vermittelten immer wieder Kontakte in Zivilgesellschaft und Verwaltung.

Der Initiativkreis war keine „geschlossene Gesellschaft“, sondern öffnete sich an verschiedenen Punkten für neue Mitglieder: indem er einen Workshop mit kreativ Tätigen (Tanz, Kunst, Film etc.) durchführte oder auch, indem er gezielt Personen aufgrund ihrer Kompetenzen zu gewinnen versuchte, was ihm mehrfach gelang.

Der Initiativkreis wurde am 9. Februar 2017 aufgelöst. Seine Fortsetzung findet er in einer neu zu gründenden Dialogplattform.

In seiner letzten Sitzung am 9. Februar 2017 diskutierte der Initiativkreis künftige Handlungsfelder der Dialogplattform. Er betonte, dass **Teilhabe** ein **Handlungsprinzip** ist, welches alle Handlungsfelder der Dialogplattform und ihrer Kooperationspartner umspannt. Der Initiativkreis empfiehlt, darüber hinaus dem **Spracherwerb** und der **Bildung** besondere Aufmerksamkeit zu widmen. Aufgabe der Dialogplattform ist, wie ein **Seismograph** gesellschaftliche Entwicklung zu beobachten, **Präventionsmöglichkeiten** zu prüfen, um sozialer Segregation entgegenzuwirken — und sehr konkret **Dialog** anzuregen und zu unterstützen.

Zentrale Handlungsfelder, die von der Dialogplattform bürgerschaftliches Engagement bearbeitet werden sollten, sind auf Empfehlung des Initiativkreises zunächst:

- Wirtschaft und berufliche Bildung
- Wohnen und Leben
- frühkindliche und schulische Bildung

Die Dialogplattform sollte zweistufig arbeiten, d.h. zunächst eine **Bestandsaufnahme** im jeweiligen Handlungsfeld mit Fachexpertinnen und -experten durchführen und anschließend **Handlungsoptionen** bzw. Handlungsempfehlungen gemeinsam mit Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung erarbeiten.

Der Start der Dialogplattform ist vor der Sommerpause vorgesehen, die zweite Stufe sollte direkt nach der Sommerpause realisiert werden.

Eine Verzahnung mit den Aktivitäten des SIA ist in vieler Hinsicht sinnvoll, auch um den Aufbau von Doppelstrukturen zu vermeiden. Daher sollte eine regelmäßige wechselseitige Berichterstattung stattfinden."""

SEED_PROPOSAL = """Der Ausschuss Soziales und Integration beschließt im Grundsatz das Integrationskonzept. Die nächsten Handlungsfelder, die in der Dialogplattform bürgerschaftliches Engagement bearbeitet werden, sind

- Wirtschaft und berufliche Bildung
- Wohnen und Leben
- frühkindliche und schulische Bildung"""

SEED_SUMMARY = (
    "Der Ausschuss hat das Integrationskonzept angenommen. Die Dialogplattform arbeitet jetzt an drei Themen: "
    "Arbeit und Ausbildung, Wohnen und Zusammenleben, Kita und Schule. Alle können mitmachen. "
    "Hinweis: Das Ergebnis ist ein Beispiel für die Demo. Die Vorlage von 2017 enthält nur den Vorschlag."
)

DEPARTMENTS = [
    (
        "fachbereich-finanzen",
        "Stadt Kornwestheim – Fachbereich Finanzen",
        "Haushalt, Kämmerei und Controlling.",
    ),
    (
        "fachbereich-bildung",
        "Stadt Kornwestheim – Fachbereich Bildung, Kultur und Sport",
        "Kitas, Schulen, Stadtbücherei und Sportstätten.",
    ),
]

# Invented councillors: (given name, family name, group, role in the committee).
PEOPLE = [
    ("Hans", "Berger", "", MembershipRole.CHAIR),
    ("Monika", "Albrecht", "CDU", MembershipRole.MEMBER),
    ("Stefan", "Wagner", "CDU", MembershipRole.MEMBER),
    ("Gül", "Aydın", "SPD", MembershipRole.MEMBER),
    ("Thomas", "Brenner", "Freie Wähler", MembershipRole.MEMBER),
    ("Ingrid", "Fischer", "Freie Wähler", MembershipRole.DEPUTY_CHAIR),
    ("Lea", "Hartmann", "Bündnis 90/Die Grünen", MembershipRole.MEMBER),
    ("Markus", "Vogel", "FDP", MembershipRole.MEMBER),
]

# (title, field slug or None, owner slug, status, progress, start, due (days from today or a date), budget, late reason)
MEASURES = [
    (
        "Dialogplattform bürgerschaftliches Engagement gründen",
        None,
        "fachbereich-soziales",
        MeasureStatus.DONE,
        100,
        date(2017, 4, 1),
        date(2017, 7, 15),
        15000,
        "",
        "Die Dialogplattform ist gegründet und arbeitet seit Juli 2017.",
    ),
    (
        "Handlungsfeld Wirtschaft und berufliche Bildung bearbeiten",
        "wirtschaft-und-berufliche-bildung",
        "fachbereich-soziales",
        MeasureStatus.RUNNING,
        60,
        -120,
        90,
        None,
        "",
        "Die Bestandsaufnahme ist abgeschlossen; Multiplikatoren erarbeiten Empfehlungen.",
    ),
    (
        "Handlungsfeld Wohnen und Leben bearbeiten",
        "wohnen-und-leben",
        "fachbereich-soziales",
        MeasureStatus.RUNNING,
        25,
        -21,
        200,
        None,
        "",
        "Die Bestandsaufnahme mit Fachleuten läuft.",
    ),
    (
        "Handlungsfeld frühkindliche und schulische Bildung bearbeiten",
        "fruehkindliche-und-schulische-bildung",
        "fachbereich-bildung",
        MeasureStatus.PLANNED,
        0,
        45,
        300,
        None,
        "",
        "",
    ),
    (
        "Regelmäßige wechselseitige Berichterstattung mit dem SIA",
        None,
        "sia",
        MeasureStatus.RUNNING,
        70,
        -600,
        -30,
        None,
        "Der SIA hat sich neu zusammengesetzt; der nächste gemeinsame Bericht folgt im Frühjahr.",
        "Zweimal im Jahr berichten Dialogplattform und SIA einander.",
    ),
    (
        "Ankommensgeschichten fortführen und neu als Broschüre auflegen",
        None,
        "fachbereich-soziales",
        MeasureStatus.RUNNING,
        40,
        -400,
        -20,
        2500,
        "",
        "Zwölf neue Geschichten sind gesammelt.",
    ),
]


def _day(value, today):
    return value if isinstance(value, date) else today + timedelta(days=value)


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load(town, stdout):
    if Committee.objects.for_municipality(town).exists():
        return
    today = timezone.localdate()
    people = members_by_local_part(town)
    admin = people.get("admin")
    organisations = _departments(town, people)
    LegislativeTerm.objects.create(
        municipality=town,
        name="Wahlperiode 2014–2019",
        start_date=date(2014, 9, 1),
        end_date=date(2019, 8, 31),
    )
    LegislativeTerm.objects.create(
        municipality=town, name="Wahlperiode 2024–2029", start_date=date(2024, 9, 1)
    )
    town_hall = Location.objects.create(
        municipality=town,
        description="Rathaus Kornwestheim, Großer Sitzungssaal",
        street_address="Jakob-Sigle-Platz 1",
        postal_code="70806",
        locality="Kornwestheim",
    )
    council = Committee.objects.create(
        municipality=town, name="Gemeinderat", short_name="GR", classification="Gemeinderat"
    )
    committee = Committee.objects.create(
        municipality=town,
        name="Ausschuss für Soziales und Integration",
        short_name="ASI",
        classification="Ausschuss",
    )
    persons = _councillors(town, people, council, committee)
    meeting = Meeting.objects.create(
        municipality=town, committee=committee, start=_at(date(2017, 3, 22), 17), location=town_hall
    )
    meeting.end = _at(date(2017, 3, 22), 19)
    meeting.save()
    seed = _seed_submission(town, committee, meeting, organisations, persons, admin)
    _private_matters(town, committee, meeting)
    AgendaItem.objects.create(municipality=town, meeting=meeting, number="2", position=2, name="Bekanntgaben")
    _measures(town, seed, organisations, today)
    _draft_of_today(town, committee, town_hall, organisations, people, admin, today)
    stdout.write(
        "  the council: the seed's submission with its decision and measures, and a draft of today\n"
    )


def _departments(town, people):
    for slug, name, description in DEPARTMENTS:
        Organisation.objects.get_or_create(
            municipality=town,
            slug=slug,
            defaults={"name": name, "kind": OrganisationKind.DEPARTMENT, "description": description},
        )
    organisations = {o.slug: o for o in Organisation.objects.for_municipality(town)}
    # Elena Petrova of the administration signs for the finance department in the demo.
    if "verwaltung" in people:
        OrganisationMembership.objects.get_or_create(
            municipality=town, organisation=organisations["fachbereich-finanzen"], member=people["verwaltung"]
        )
    return organisations


def _councillors(town, people, council, committee):
    persons = []
    for given, family, group, role in PEOPLE:
        person = Person.objects.create(municipality=town, given_name=given, family_name=family)
        persons.append(person)
        for body in (council, committee):
            Membership.objects.create(
                municipality=town,
                person=person,
                committee=body,
                group=group,
                role=role,
                start_date=date(2014, 9, 1),
            )
    councillor = people.get("gemeinderat")
    if councillor is not None:
        person = Person.objects.create(
            municipality=town, given_name="Jürgen", family_name="Schäfer", member=councillor
        )
        Membership.objects.create(
            municipality=town, person=person, committee=council, group="SPD", start_date=date(2024, 9, 1)
        )
    return persons


def _seed_submission(town, committee, meeting, organisations, persons, admin):
    seed = Submission.objects.create(
        municipality=town,
        reference="2017/045",
        date=date(2017, 3, 8),
        subject="Vorstellung Integrationskonzept",
        decision_proposal=SEED_PROPOSAL,
        external_participation="Plena Institut Herr Prof. Dr. Ralf Vandamme",
        statement=SEED_STATEMENT,
        status=SubmissionStatus.RELEASED,
        released_at=_at(date(2017, 3, 8), 10),
        author=admin,
    )
    consultation = Consultation.objects.create(
        municipality=town,
        submission=seed,
        committee=committee,
        role=ConsultationRole.DECISION,
        meeting=meeting,
    )
    SubmissionVersion.objects.create(
        municipality=town, submission=seed, number=1, parts=snapshot(seed), saved_by=admin
    )
    for slug in ("fachbereich-soziales", "fachbereich-finanzen"):
        CoSignature.objects.create(
            municipality=town,
            submission=seed,
            department=organisations[slug],
            status=CoSignatureStatus.SIGNED,
            version=1,
            signed_at=_at(date(2017, 3, 7), 11),
            requested_at=_at(date(2017, 3, 6), 9),
        )
    AgendaItem.objects.create(
        municipality=town,
        meeting=meeting,
        number="1",
        position=1,
        name="Vorstellung Integrationskonzept",
        consultation=consultation,
    )
    decision = Decision.objects.create(
        municipality=town,
        consultation=consultation,
        outcome=Outcome.ADOPTED,
        votes_yes=11,
        votes_no=0,
        votes_abstain=1,
        summary=SEED_SUMMARY,
        recorded_by=admin,
        recorded_at=_at(date(2017, 3, 22), 19),
    )
    decision.excluded.set(persons[-1:])  # one member took no part in it (GemO § 18), as the demo shows
    seed.status = SubmissionStatus.DECIDED
    seed.save()
    return seed


# Matters discussed in private at the meeting of 22 March 2017: (number, reference, subject, proposal,
# reason, decision). Only their numbers show on the public agenda; the first decision was announced later.
PRIVATE_MATTERS = [
    (
        "3",
        "2017/046",
        "Anmietung von Wohnraum für die Anschlussunterbringung",
        "Der Ausschuss stimmt der Anmietung der Wohnungen zu den genannten Bedingungen zu.",
        NonPublicReason.PROPERTY,
        {
            "wording": "Die Stadt mietet zwei Wohnungen für die Anschlussunterbringung geflüchteter Familien an.",
            "votes_yes": 12,
            "votes_no": 0,
            "votes_abstain": 0,
            "announced_at": _at(date(2017, 4, 5), 17),
            "no_measure_reason": "Die Anmietung ist mit dem Vertrag vollzogen.",
        },
    ),
    (
        "4",
        "2017/047",
        "Stellenbesetzung Integrationsmanagement",
        "Der Ausschuss stimmt der Besetzung der Stelle zu.",
        NonPublicReason.PERSONNEL,
        {
            "votes_yes": 10,
            "votes_no": 1,
            "votes_abstain": 1,
            "no_measure_reason": "Eine Personalentscheidung: Sie ist mit der Einstellung vollzogen.",
        },
    ),
]


def _private_matters(town, committee, meeting):
    for number, reference, subject, proposal, reason, decided in PRIVATE_MATTERS:
        matter = Submission.objects.create(
            municipality=town,
            reference=reference,
            date=date(2017, 3, 8),
            subject=subject,
            decision_proposal=proposal,
            is_public=False,
            nonpublic_reason=reason,
            status=SubmissionStatus.DECIDED,
            released_at=_at(date(2017, 3, 8), 10),
        )
        consultation = Consultation.objects.create(
            municipality=town, submission=matter, committee=committee, is_public=False, meeting=meeting
        )
        AgendaItem.objects.create(
            municipality=town,
            meeting=meeting,
            number=number,
            position=int(number),
            name=subject,
            is_public=False,
            nonpublic_reason=reason,
            consultation=consultation,
        )
        Decision.objects.create(
            municipality=town, consultation=consultation, outcome=Outcome.ADOPTED, **decided
        )


def _measures(town, seed, organisations, today):
    decision = seed.consultations.get().decision
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    for title, field, owner, status, progress, start, due, budget, late, note in MEASURES:
        Measure.objects.create(
            municipality=town,
            slug=slugify(title)[:60].strip("-"),
            title=title,
            decision=decision,
            field=fields.get(field),
            owner=organisations.get(owner),
            status=status,
            progress=progress,
            starts_on=_day(start, today),
            due_on=_day(due, today),
            budget=budget,
            late_reason=late,
            progress_note=note,
        )


def _yearly_report(town, committee, meeting, admin, today):
    """The platform's yearly report to the committee, released and on the next meeting's agenda."""
    report = Submission.objects.create(
        municipality=town,
        reference="2026/011",  # fixed: the demo translations name it by its number
        paper_type=PaperType.INFORMATION,
        date=today - timedelta(days=3),
        subject="Jahresbericht der Dialogplattform und Bericht des SIA",
        decision_proposal="Der Ausschuss nimmt den Bericht zur Kenntnis.",
        external_participation="SIA",
        statement=(
            "Was im Jahr geschah\n"
            "- Zwei Handlungsfelder arbeiten, ein drittes beginnt im Frühjahr.\n"
            "- 40 Menschen haben sich neu gemeldet, davon 12 mit wenig Deutsch.\n"
            "- Der SIA und die Dialogplattform haben einander zweimal berichtet.\n\n"
            "Beteiligung in Zahlen\n"
            "Handlungsfeld | Beiträge | Menschen\n"
            "Wirtschaft und berufliche Bildung | 38 | 21\n"
            "Wohnen und Leben | 17 | 11"
        ),
        status=SubmissionStatus.RELEASED,
        released_at=timezone.now() - timedelta(days=2),
        author=admin,
    )
    consultation = Consultation.objects.create(
        municipality=town,
        submission=report,
        committee=committee,
        role=ConsultationRole.NOTICE,
        meeting=meeting,
    )
    SubmissionVersion.objects.create(
        municipality=town, submission=report, number=1, parts=snapshot(report), saved_by=admin
    )
    AgendaItem.objects.create(
        municipality=town,
        meeting=meeting,
        number="1",
        position=1,
        name=report.subject,
        consultation=consultation,
    )


def _draft_of_today(town, committee, town_hall, organisations, people, admin, today):
    """The field in its second stage sends its recommendation on: a draft, co-signed in part."""
    field = Field.objects.for_municipality(town).filter(slug="wirtschaft-und-berufliche-bildung").first()
    if field is None or admin is None:
        return
    meeting_day = today + timedelta(days=80)
    upcoming = Meeting.objects.create(
        municipality=town, committee=committee, start=_at(meeting_day, 17), location=town_hall
    )
    _yearly_report(town, committee, upcoming, admin, today)
    recommendations = list(
        Contribution.objects.for_municipality(town).filter(field=field, kind="recommendation", hidden_at=None)
    )
    draft = Submission.objects.create(
        municipality=town,
        reference="2026/012",
        date=today,
        subject="Ausbildungspatenschaften durch Ehrenamtliche ausbauen",
        field=field,
        decision_proposal=(
            "Der Ausschuss für Soziales und Integration beschließt, Ausbildungspatenschaften durch Ehrenamtliche "
            "auszubauen. Die Verwaltung vermittelt und schult die Patinnen und Paten."
        ),
        external_participation="Dialogplattform bürgerschaftliches Engagement, Handlungsfeld Wirtschaft und berufliche Bildung",
        financial_impact="Schulungen und Fahrtkosten: 6.000 Euro im Jahr",
        coverage_proposal="Aus den Mitteln des Integrationsmanagements (Produktgruppe 31.50)",
        statement=(
            "Empfehlung der Dialogplattform\n"
            + "\n".join(f"- **{item.title}**: {item.body}" for item in recommendations)
            + "\n\nWas es kostet\nPosten | Euro im Jahr\nSchulungen für Patinnen und Paten | 4.000\nFahrtkosten | 2.000"
        ),
        author=admin,
    )
    # Linked, not answered anew: the recommendation's answers in the demo already say it goes to the committee.
    draft.recommendations.set(recommendations)
    Consultation.objects.create(
        municipality=town, submission=draft, committee=committee, meeting_date=meeting_day
    )
    SubmissionVersion.objects.create(
        municipality=town, submission=draft, number=1, parts=snapshot(draft), saved_by=admin
    )
    CoSignature.objects.create(
        municipality=town,
        submission=draft,
        department=organisations["fachbereich-soziales"],
        status=CoSignatureStatus.SIGNED,
        version=1,
        signed_at=timezone.now() - timedelta(days=1),
    )
    CoSignature.objects.create(
        municipality=town, submission=draft, department=organisations["fachbereich-finanzen"]
    )
