"""The seed's Sitzungsvorlage (Integrationskonzept, 22.03.2017) as rows, for the document tests and the benchmark.

Every part comes from the seed, the shared documents' `seed/sitzungsvorlage-integrationskonzept-2017.md`. The seed lost
two things in its copy: the figure after "Der nachfolgenden Abbildung …" (here `[Abbildung 1]`, a
generated picture of the milestones) and the list after "… zunächst:" (here the three fields of the
Beschlussvorschlag).
"""

import datetime
import struct
import zlib

from django.core.files.base import ContentFile
from django.utils.text import slugify

from ankommen.accounts.models import Member, User
from ankommen.circle.models import Organisation, OrganisationKind
from ankommen.council.models import (
    Attachment,
    Committee,
    Consultation,
    ConsultationRole,
    CoSignature,
    CoSignatureStatus,
    FileRole,
    Submission,
    SubmissionStatus,
)

COMMITTEE = "Ausschuss für Soziales und Integration"
MEETING_DATE = datetime.date(2017, 3, 22)
SUBJECT = "Vorstellung Integrationskonzept"
EXTERNAL = "Plena Institut Herr Prof. Dr. Ralf Vandamme"
FIELDS = ["Wirtschaft und berufliche Bildung", "Wohnen und Leben", "frühkindliche und schulische Bildung"]
DECISION_PROPOSAL = (
    "Der Ausschuss Soziales und Integration beschließt im Grundsatz das Integrationskonzept. Die nächsten "
    "Handlungsfelder, die in der Dialogplattform bürgerschaftliches Engagement bearbeitet werden, sind\n\n"
    + "\n".join(f"- {field}" for field in FIELDS)
)
FIGURE_ALT = (
    "Zeitleiste des Projekts von Sommer 2015 bis Frühjahr 2017: Auftakt, Ankommensgeschichten, "
    "Ankommenskonferenz, Initiativkreis, Integrationskonzept"
)
FIGURE_TITLE = "Meilensteine im Projektverlauf"

# The statement's paragraphs in the seed's order, as the admin types them (blocks.py's structure).
STATEMENT_PARAGRAPHS = [
    "Als die Stadt Kornwestheim im Sommer 2015 die Arbeiten an dem vom Ministerium für Soziales und "
    "Integration Baden-Württemberg geförderten Integrationskonzept aufnahm, sollten mehrere Ziele "
    "gleichzeitig erreicht werden: Es ging darum, mehr über die aktuell stattfindende Integration — über "
    "Schwierigkeiten und Erfolge — zu erfahren, die bereits erreichten Erfolge einer breiten "
    "Öffentlichkeit sichtbar zu machen sowie eventuell bestehende Schwierigkeiten zu erkennen und durch "
    "neu zu entwickelnde Maßnahmen zu bearbeiten.",
    "Der nachfolgenden Abbildung können Sie die einzelnen Meilensteine zum Projektverlauf entnehmen.",
    "[Abbildung 1]",
    "Das Integrationskonzept gliedert sich in einen **schriftlichen** und einen **gelebten** Teil. Bereits "
    "vor dem Erscheinen des schriftlichen Konzeptes wurden Maßnahmen zur Verbesserung von Integration "
    "umgesetzt. Es gehört zu den probaten Empfehlungen von Integrationskonzepten, gelingende Integration "
    "sichtbar zu machen. Diese Empfehlung wurde in Kornwestheim vorweggenommen durch die Veröffentlichung "
    "der Ankommensgeschichten und die sehr gut besuchte Ankommenskonferenz.",
    "Integration ist ein Prozess, der maßgeblich bestimmt wird durch das **Ankommen**: Ankommen in einem "
    "Land, an einem Ort, in einer Sprache, Kultur, in Erwerbsarbeit und in sozialen Netzwerken. Weil "
    "Integration Ankommen ist, zieht sich dieser Begriff wie ein Roter Faden durch die Vorarbeiten zu dem "
    "Integrationskonzept, wie etwa dem Sammeln von **Ankommensgeschichten** und der Durchführung einer "
    "**Ankommenskonferenz**.",
    "Die bereits veröffentlichte **Ankommensbroschüre** fasst die vielfältigen Portraits und Interviews von "
    "Menschen zusammen, die in Kornwestheim ankommen oder bereits angekommen sind.",
    "Verantwortlich für das nun vorliegende Integrationskonzept sind der Integrationsbeauftragte der Stadt, "
    "der Initiativkreis, bestehend aus Mitgliedern unterschiedlicher zivilgesellschaftlicher "
    "Organisationen, die sich für ein gutes „Ankommen“ engagieren, Mitarbeiterinnen und Mitarbeiter der "
    "Verwaltung sowie das PLENA-Institut der Hochschule Mannheim. Die Genannten brachten neben ihrer "
    "Sachkenntnis ihr Wissen über die Integrationsgeschichte der Stadt mit ein und vermittelten immer "
    "wieder Kontakte in Zivilgesellschaft und Verwaltung.",
    "Der Initiativkreis war keine „geschlossene Gesellschaft“, sondern öffnete sich an verschiedenen "
    "Punkten für neue Mitglieder: indem er einen Workshop mit kreativ Tätigen (Tanz, Kunst, Film etc.) "
    "durchführte oder auch, indem er gezielt Personen aufgrund ihrer Kompetenzen zu gewinnen versuchte, "
    "was ihm mehrfach gelang.",
    "Der Initiativkreis wurde am 9. Februar 2017 aufgelöst. Seine Fortsetzung findet er in einer neu zu "
    "gründenden Dialogplattform.",
    "In seiner letzten Sitzung am 9. Februar 2017 diskutierte der Initiativkreis künftige Handlungsfelder "
    "der Dialogplattform. Er betonte, dass **Teilhabe** ein **Handlungsprinzip** ist, welches alle "
    "Handlungsfelder der Dialogplattform und ihrer Kooperationspartner umspannt. Der Initiativkreis "
    "empfiehlt, darüber hinaus dem **Spracherwerb** und der **Bildung** besondere Aufmerksamkeit zu "
    "widmen. Aufgabe der Dialogplattform ist, wie ein **Seismograph** gesellschaftliche Entwicklung zu "
    "beobachten, **Präventionsmöglichkeiten** zu prüfen, um sozialer Segregation entgegenzuwirken — und "
    "sehr konkret **Dialog** anzuregen und zu unterstützen.",
    "Zentrale Handlungsfelder, die von der Dialogplattform bürgerschaftliches Engagement bearbeitet werden "
    "sollten, sind auf Empfehlung des Initiativkreises zunächst:",
    "\n".join(f"- {field}" for field in FIELDS),
    "Die Dialogplattform sollte zweistufig arbeiten, d.h. zunächst eine **Bestandsaufnahme** im jeweiligen "
    "Handlungsfeld mit Fachexpertinnen und -experten durchführen und anschließend **Handlungsoptionen** "
    "bzw. Handlungsempfehlungen gemeinsam mit Multiplikatoren aus Zivilgesellschaft, Politik und "
    "Verwaltung erarbeiten.",
    "Der Start der Dialogplattform ist vor der Sommerpause vorgesehen, die zweite Stufe sollte direkt nach "
    "der Sommerpause realisiert werden.",
    "Eine Verzahnung mit den Aktivitäten des SIA ist in vieler Hinsicht sinnvoll, auch um den Aufbau von "
    "Doppelstrukturen zu vermeiden. Daher sollte eine regelmäßige wechselseitige Berichterstattung "
    "stattfinden.",
]
STATEMENT = "\n\n".join(STATEMENT_PARAGRAPHS)


def png(width=480, height=160, *, seed=0):
    """A small real PNG: a timeline of five milestones on a light background (no imaging library needed)."""
    background, line, dot = (245, 247, 250), (60, 80, 110), (200, 60, 40)
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            colour = background
            if abs(y - height // 2) <= 1 and width // 12 <= x <= width - width // 12:
                colour = line
            for stop in range(5):
                cx = width // 12 + stop * (width - width // 6) // 4
                if (x - cx) ** 2 + (y - height // 2) ** 2 <= 64:
                    colour = dot if (stop + seed) % 2 == 0 else line
            row += bytes(colour)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + chunk(b"IEND", b"")
    )


def department(town, name="Fachbereich Soziales und Integration"):
    slug = "docs-" + slugify(name)
    return Organisation.objects.get_or_create(
        municipality=town, slug=slug, defaults={"name": name, "kind": OrganisationKind.DEPARTMENT}
    )[0]


def signer(town, name="Ines Integrationsbeauftragte"):
    user = User.objects.create_user(f"docs-{User.objects.count()}@example.org", None, display_name=name)
    return Member.objects.create(municipality=town, user=user, role_sectors={"admin": ""})


def figure(submission, number=1, *, title=FIGURE_TITLE, alt=FIGURE_ALT, data=None, name="abbildung.png"):
    attachment = Attachment(
        municipality=submission.municipality,
        submission=submission,
        role=FileRole.FIGURE,
        position=number,
        title=title,
        alt_text=alt,
    )
    attachment.file.save(name, ContentFile(png() if data is None else data), save=False)
    attachment.save()
    return attachment


def seed_submission(town, *, reference="TEST-2017/1", statement=STATEMENT, **parts):
    """The seed's Sitzungsvorlage, with its consultation row, a co-signature and the figure."""
    committee = Committee.objects.create(municipality=town, name=COMMITTEE, short_name="ASI")
    values = {
        "reference": reference,
        "date": datetime.date(2017, 3, 7),
        "subject": SUBJECT,
        "decision_proposal": DECISION_PROPOSAL,
        "external_participation": EXTERNAL,
        "financial_impact": "",
        "coverage_proposal": "",
        "statement": statement,
        "status": SubmissionStatus.RELEASED,
        **parts,
    }
    submission = Submission.objects.create(municipality=town, **values)
    Consultation.objects.create(
        municipality=town,
        submission=submission,
        committee=committee,
        role=ConsultationRole.DECISION,
        is_public=True,
        meeting_date=MEETING_DATE,
    )
    CoSignature.objects.create(
        municipality=town,
        submission=submission,
        department=department(town),
        status=CoSignatureStatus.SIGNED,
        version=submission.version,
        signed_by=signer(town),
        signed_at=datetime.datetime(2017, 3, 6, 10, 0, tzinfo=datetime.UTC),
    )
    figure(submission)
    return submission


def long_statement(pages=20):
    """A statement of about `pages` pages: sections with paragraphs, lists and tables."""
    parts = []
    for section in range(1, pages + 1):
        parts.append(
            f"{section}. Handlungsfeld {section}\n"
            + " ".join(
                f"Im Handlungsfeld {section} hat die Dialogplattform im Jahr {2015 + section % 3} mit "
                f"**{section * 3} Fachleuten** eine Bestandsaufnahme erarbeitet; Satz {sentence} fasst sie zusammen."
                for sentence in range(16)
            )
        )
        parts.append(
            "\n".join(
                f"- Empfehlung {section}.{item}: Angebote bündeln und sichtbar machen" for item in range(4)
            )
        )
        parts.append(
            "\n".join(
                ["Maßnahme | Verantwortlich | Beginn | Mittel (Euro)"]
                + [
                    f"Maßnahme {section}.{row} | Fachbereich {row} | 0{1 + row % 9}.2017 | {row}.000"
                    for row in range(1, 9)
                ]
            )
        )
        parts.append(
            " ".join(
                f"Die Umsetzung im Handlungsfeld {section} wird jährlich berichtet (Absatz {sentence})."
                for sentence in range(6)
            )
        )
    return "\n\n".join(parts)
