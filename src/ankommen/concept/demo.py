"""The Kornwestheim integration concept, as the committee submission of 22 March 2017 describes it."""

from datetime import date, timedelta

from django.utils import timezone

from ankommen.concept.demo_help import HELP_PAGES
from ankommen.concept.models import (
    Concept,
    District,
    Field,
    FocusTopic,
    HelpPage,
    Milestone,
    Principle,
    Stage,
    StageKind,
    StageStatus,
    TargetGroup,
)
from ankommen.concept.services import default_stage_rules

INTRODUCTION = (
    "Integration ist ein Prozess, der maßgeblich bestimmt wird durch das Ankommen: Ankommen in einem Land, "
    "an einem Ort, in einer Sprache, Kultur, in Erwerbsarbeit und in sozialen Netzwerken. Die Dialogplattform "
    "bürgerschaftliches Engagement setzt die Arbeit des Initiativkreises fort: Sie bearbeitet Handlungsfelder "
    "in zwei Stufen, beobachtet wie ein Seismograph die gesellschaftliche Entwicklung, prüft "
    "Präventionsmöglichkeiten gegen soziale Segregation und regt ganz konkret Dialog an."
)

RESPONSIBLE = (
    "Der Integrationsbeauftragte der Stadt, der Initiativkreis aus Mitgliedern zivilgesellschaftlicher "
    "Organisationen, Mitarbeiterinnen und Mitarbeiter der Verwaltung sowie das PLENA-Institut der "
    "Hochschule Mannheim."
)

PRINCIPLES = [
    (
        "Teilhabe",
        "Teilhabe ist ein Handlungsprinzip, das alle Handlungsfelder der Dialogplattform und ihrer "
        "Kooperationspartner umspannt.",
    ),
]

FOCUS_TOPICS = [
    (
        "Spracherwerb",
        "Ankommen heißt auch: in einer Sprache ankommen. Der Initiativkreis empfiehlt, dem Spracherwerb "
        "besondere Aufmerksamkeit zu widmen.",
    ),
    (
        "Bildung",
        "Von der frühkindlichen Bildung bis zur beruflichen Qualifizierung: Bildung verdient nach Empfehlung "
        "des Initiativkreises besondere Aufmerksamkeit.",
    ),
]

DISTRICTS = ["Innenstadt", "Weststadt", "Oststadt", "Südstadt", "Pattonville"]

TARGET_GROUPS = [
    "Geflüchtete",
    "Neuzugewanderte aus der EU",
    "Kinder und Jugendliche",
    "Eltern",
    "Auszubildende",
    "Ältere Menschen mit Einwanderungsgeschichte",
]

MILESTONES = [
    (
        date(2015, 7, 1),
        "Sommer 2015",
        "Die Arbeit am Integrationskonzept beginnt",
        "Gefördert vom Ministerium für Soziales und Integration Baden-Württemberg, begleitet vom "
        "PLENA-Institut der Hochschule Mannheim.",
    ),
    (
        date(2016, 6, 1),
        "2015–2016",
        "Ankommensgeschichten veröffentlicht",
        "Die Ankommensbroschüre fasst Portraits und Interviews von Menschen zusammen, die in Kornwestheim "
        "ankommen oder bereits angekommen sind.",
    ),
    (
        date(2016, 10, 1),
        "2015–2016",
        "Ankommenskonferenz",
        "Eine sehr gut besuchte Konferenz macht gelingende Integration sichtbar.",
    ),
    (
        date(2017, 2, 9),
        "",
        "Der Initiativkreis löst sich auf",
        "In seiner letzten Sitzung berät er die künftigen Handlungsfelder. Seine Fortsetzung findet er in "
        "der Dialogplattform bürgerschaftliches Engagement.",
    ),
    (
        date(2017, 3, 22),
        "",
        "Der Ausschuss für Soziales und Integration berät das Integrationskonzept",
        "Beschlussvorschlag: das Konzept im Grundsatz beschließen und die nächsten Handlungsfelder benennen.",
    ),
    (
        date(2017, 7, 1),
        "vor der Sommerpause 2017",
        "Start der Dialogplattform",
        "Erste Stufe: Bestandsaufnahme mit Fachexpertinnen und -experten.",
    ),
    (
        date(2017, 9, 15),
        "nach der Sommerpause 2017",
        "Zweite Stufe der Dialogplattform",
        "Handlungsoptionen und -empfehlungen mit Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung.",
    ),
]

FIELDS = [
    (
        "Wirtschaft und berufliche Bildung",
        "wirtschaft-und-berufliche-bildung",
        "Ausbildung, Arbeit und Anerkennung von Abschlüssen: Ankommen in Erwerbsarbeit.",
    ),
    (
        "Wohnen und Leben",
        "wohnen-und-leben",
        "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.",
    ),
    (
        "frühkindliche und schulische Bildung",
        "fruehkindliche-und-schulische-bildung",
        "Kita, Schule und Übergänge: Bildung von Anfang an.",
    ),
]

# The demo runs "now": the first field is in its second stage, the second in its first,
# the third is being planned. Days are counted from the day the demo is loaded.
STAGE_PLAN = {
    "wirtschaft-und-berufliche-bildung": [
        (StageKind.STOCKTAKING, -120, -30, StageStatus.CLOSED),
        (StageKind.OPTIONS, -14, 60, StageStatus.OPEN),
        (StageKind.DECISION, 75, 90, StageStatus.PLANNED),
    ],
    "wohnen-und-leben": [
        (StageKind.STOCKTAKING, -21, 45, StageStatus.OPEN),
        (StageKind.OPTIONS, 60, 120, StageStatus.PLANNED),
    ],
    "fruehkindliche-und-schulische-bildung": [
        (StageKind.STOCKTAKING, 45, 120, StageStatus.PLANNED),
    ],
}

STAGE_DESCRIPTIONS = {
    StageKind.STOCKTAKING: "Fachexpertinnen und -experten tragen zusammen, was es gibt, was gut läuft und wo es hakt.",
    StageKind.OPTIONS: "Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung erarbeiten Handlungsoptionen "
    "und heben die besten zu Empfehlungen an den Ausschuss.",
    StageKind.DECISION: "Die Empfehlungen gehen als Sitzungsvorlage in den Ausschuss für Soziales und Integration.",
}


def load(town, stdout):
    if Concept.objects.for_municipality(town).exists():
        return
    Concept.objects.create(
        municipality=town,
        title="Integrationskonzept der Stadt Kornwestheim",
        introduction=INTRODUCTION,
        adopted_by="Ausschuss für Soziales und Integration",
        adopted_on=date(2017, 3, 22),
        responsible=RESPONSIBLE,
        external_participation="PLENA-Institut der Hochschule Mannheim, Prof. Dr. Ralf Vandamme",
    )
    for model, rows in ((Principle, PRINCIPLES), (FocusTopic, FOCUS_TOPICS)):
        for position, (name, description) in enumerate(rows):
            model.objects.create(municipality=town, name=name, description=description, position=position)
    for model, names in ((District, DISTRICTS), (TargetGroup, TARGET_GROUPS)):
        for position, name in enumerate(names):
            model.objects.create(municipality=town, name=name, position=position)
    for day, label, title, description in MILESTONES:
        Milestone.objects.create(
            municipality=town, date=day, date_label=label, title=title, description=description
        )
    today = timezone.localdate()
    for position, (name, slug, summary) in enumerate(FIELDS):
        field = Field.objects.create(
            municipality=town, name=name, slug=slug, summary=summary, position=position
        )
        for stage_position, (kind, start, end, status) in enumerate(STAGE_PLAN[slug]):
            Stage.objects.create(
                municipality=town,
                field=field,
                kind=kind,
                position=stage_position,
                description=STAGE_DESCRIPTIONS.get(kind, ""),
                starts_on=today + timedelta(days=start),
                ends_on=today + timedelta(days=end),
                status=status,
                **default_stage_rules(kind),
            )
    stdout.write("Integrationskonzept, Handlungsfelder und Stufen angelegt.")


def load_help(town, stdout):
    if HelpPage.objects.for_municipality(town).exists():
        return
    for position, (title, slug, summary, body) in enumerate(HELP_PAGES):
        HelpPage.objects.create(
            municipality=town, title=title, slug=slug, summary=summary, body=body, position=position
        )
    stdout.write(f"{len(HELP_PAGES)} Hilfeseiten angelegt.")
