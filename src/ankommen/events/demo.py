"""The demo's events: the Dialogplattform's sessions, expert talks, workshops and the next Ankommenskonferenz.

The seed (the committee submission of 2017) has the Dialogplattform work in two stages: a stocktaking
with experts, then options and recommendations with multipliers from civil society, politics and the
administration; it names the Ankommensgeschichten and a very well attended Ankommenskonferenz. The
demo's calendar follows the fields' stages as the concept's demo dates them from today:

- "Wirtschaft und berufliche Bildung" (stocktaking closed, options open): two stocktaking sessions and a
  talk with businesses, each with its agenda and minutes; a workshop with multipliers and a talk in
  the options stage; a workshop for multipliers to come, full, with a waiting list;
- "Wohnen und Leben" (stocktaking open): the first stocktaking session two weeks ago, one point of its
  minutes made a finding of the field the way staff do it (`services.make_finding`, as the admin);
  an online exchange and the second session to come; a walk through the Oststadt, called off;
- "frühkindliche und schulische Bildung" (stocktaking planned): its opening session;
- the Dialogplattform's sessions as a whole, an expert talk on Spracherwerb with interpreting, and
  the next Ankommenskonferenz in about three months with its rooms, programme and speakers.

The places are real; what they offer for access is said modestly, as the house states it. The
people who speak are invented, and so is everything said in the minutes. People register for what
is still to come through `services.register` as they would on the page; the rows of past events
are written as they stand afterwards (confirmed, checked in; needs counted once 30 days are over).
"""

from datetime import datetime, time, timedelta

from django.utils import timezone, translation

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import Field, Stage
from ankommen.dialogue.models import FindingKind
from ankommen.events import services
from ankommen.events.models import (
    NEEDS_KEPT_DAYS,
    AgendaEntry,
    Event,
    EventKind,
    MinutesPoint,
    Need,
    NeedCount,
    NeedKind,
    PointKind,
    Registration,
    RegistrationStatus,
    Room,
    Session,
    Source,
    Speaker,
    Venue,
)

WIRTSCHAFT = "wirtschaft-und-berufliche-bildung"
WOHNEN = "wohnen-und-leben"
BILDUNG = "fruehkindliche-und-schulische-bildung"
ALL_FIELDS = [WIRTSCHAFT, WOHNEN, BILDUNG]
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY = range(6)

CONFERENCE = "ankommenskonferenz"
CONTACT = (
    "Sabine Keller, Integrationsbeauftragte: integration@demo.ankommen.example, Telefon 07154 0000 (Beispiel)"
)
ONLINE_URL = "https://video.ankommen.example/dialogplattform-wohnen"
IN_K = "Stuttgarter Straße 65, 70806 Kornwestheim"

# (slug, name, address, step-free, accessible toilet, hearing loop, accessibility, directions)
VENUES = [
    (
        "rathaus",
        "Rathaus Kornwestheim",
        "Jakob-Sigle-Platz 1, 70806 Kornwestheim",
        True,
        True,
        False,
        "Nach Angaben der Stadtverwaltung: Eingang ohne Stufen, Aufzug zu den Sitzungssälen, barrierefreies "
        "WC im Haus. Für Menschen mit Hörbehinderung bringen wir eine mobile Höranlage mit. Sagen Sie uns bei "
        "der Anmeldung, was Sie brauchen.",
        "Mit der S-Bahn bis Kornwestheim Bahnhof, von dort wenige Minuten zu Fuß. Parkplätze in der "
        "Innenstadt sind knapp.",
    ),
    (
        "das-k",
        "Kulturzentrum „Das K“",
        IN_K,
        True,
        True,
        True,
        "Nach Angaben des Hauses: alle Säle stufenlos oder mit dem Aufzug erreichbar, barrierefreie WCs, "
        "Induktionsschleife im Großen Saal. Plätze für Rollstuhlnutzende halten wir frei.",
        "Mit der S-Bahn bis Kornwestheim Bahnhof, dann zu Fuß durch die Innenstadt. Bitte kommen Sie "
        "möglichst mit Bus, Bahn oder Fahrrad.",
    ),
    (
        "stadtbuecherei",
        "Stadtbücherei im K",
        IN_K,
        True,
        True,
        False,
        "Die Stadtbücherei ist im Kulturzentrum „Das K“. Nach Angaben des Hauses stufenlos mit dem Aufzug "
        "erreichbar, barrierefreies WC im Haus. Wir sitzen zwischen den Regalen: Es kann etwas lauter sein.",
        "Wie zum Kulturzentrum „Das K“: mit der S-Bahn bis Kornwestheim Bahnhof, dann zu Fuß durch die "
        "Innenstadt.",
    ),
]

# The conference's speakers (invented people): (slug, name, role, biography).
SPEAKERS = [
    (
        "sabine-keller",
        "Sabine Keller",
        "Integrationsbeauftragte der Stadt Kornwestheim",
        "Sabine Keller begleitet die Dialogplattform von Anfang an. Sie ist Sozialpädagogin und arbeitet seit "
        "vielen Jahren mit Vereinen, Verwaltung und Ehrenamtlichen in Kornwestheim.",
    ),
    (
        "miriam-roth",
        "Prof. Dr. Miriam Roth",
        "Professorin für Migration und Teilhabe an einer Hochschule in der Region Stuttgart",
        "Miriam Roth forscht dazu, wie Städte Beteiligung organisieren. Sie hat Integrationskonzepte in "
        "mehreren Kommunen Baden-Württembergs wissenschaftlich begleitet.",
    ),
    (
        "katrin-maier",
        "Katrin Maier",
        "Jobcenter, Team Integration in Arbeit",
        "Katrin Maier berät Menschen, die eine Arbeit oder Ausbildung suchen, und arbeitet eng mit Betrieben "
        "der Region zusammen. In der Dialogplattform ist sie Fachexpertin für Wirtschaft und berufliche Bildung.",
    ),
    (
        "anna-lehmann",
        "Dr. Anna Lehmann",
        "Fachexpertin der Dialogplattform",
        "Anna Lehmann ist Sozialwissenschaftlerin. Sie begleitet die Bestandsaufnahmen der Dialogplattform "
        "und leitet die zu Wohnen und Leben.",
    ),
    (
        "ulrike-sommer",
        "Ulrike Sommer",
        "Volkshochschule, Fachbereich Deutsch und Integration",
        "Ulrike Sommer plant Integrations- und Berufssprachkurse. Sie unterrichtet selbst seit über zwanzig "
        "Jahren Deutsch als Zweitsprache.",
    ),
    (
        "hasan-oeztuerk",
        "Hasan Öztürk",
        "Vorsitzender eines Kulturvereins",
        "Hasan Öztürk kam als Kind nach Kornwestheim. Sein Verein vermittelt zwischen Familien, Schulen und "
        "Sportvereinen und organisiert Hausaufgabenhilfe.",
    ),
    (
        "rasha-khalil",
        "Rasha Khalil",
        "Erzieherin, erzählt ihre Ankommensgeschichte",
        "Rasha Khalil kam 2015 aus Aleppo nach Kornwestheim. Sie lernte Deutsch, machte die Ausbildung zur "
        "Erzieherin und arbeitet heute in einer Kita. Sie erzählt, was ihr beim Ankommen geholfen hat und "
        "was nicht.",
    ),
    (
        "oksana-hrytsenko",
        "Oksana Hrytsenko",
        "Ehrenamtliche im Sprachcafé",
        "Oksana Hrytsenko kam 2022 aus Charkiw, wo sie Lehrerin war. In Kornwestheim leitet sie ehrenamtlich "
        "ein Sprachcafé und bereitet die Anerkennung ihres Abschlusses vor.",
    ),
]

WELCOME = "Begrüßung und Ziel der Bestandsaufnahme"
SESSION = "Sitzung der Dialogplattform"
SPRACHCAFE = (
    "Sprachcafé in der Stadtbücherei",
    "Deutsch sprechen üben bei Tee und Kaffee, mit Ehrenamtlichen. Alle Niveaus, ohne Anmeldung, kostenlos.",
)
SPRECHSTUNDE = (
    "Sprechstunde von Agentur für Arbeit und Jobcenter im Rathaus",
    "Beratung zu Arbeit, Ausbildung und Anerkennung, einmal im Monat. Ohne Anmeldung; Dolmetschen auf Nachfrage.",
)

# The events. "when": (days from today, the nearest such weekday, from, until). "agenda": (from, until,
# title, who speaks, outcome, points), a point (kind, text, who, until when in days from today or None).
# "came": people who registered and came (past), "absent": registered and did not come, "needs": what
# people said they needed (with consent), "register": people who register (to come), "phone": people the
# admin registers who called. "finding": a point of the minutes (agenda position, point position) that
# became a finding of the field: (title, kind). "cancel": the reason the event was called off.
EVENTS = [
    {
        "slug": "bestandsaufnahme-wirtschaft-auftakt",
        "kind": EventKind.SESSION,
        "when": (-105, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "stocktaking"),
        "capacity": 30,
        "title": "Bestandsaufnahme Wirtschaft und berufliche Bildung: Auftakt",
        "summary": "Fachleute aus Jobcenter, Volkshochschule, Betrieben und Beratung tragen zusammen, was es gibt, "
        "was gut läuft und wo es hakt.",
        "agenda": [
            (
                "18:00",
                "18:15",
                WELCOME,
                "Sabine Keller (Integrationsbeauftragte)",
                "Die Dialogplattform arbeitet in zwei Stufen: erst die Bestandsaufnahme mit Fachleuten, dann "
                "Handlungsoptionen mit Multiplikatoren.",
                [],
            ),
            (
                "18:15",
                "19:00",
                "Ausbildung und Arbeit in Kornwestheim: Zahlen und Erfahrungen",
                "Katrin Maier (Jobcenter), Dr. Anna Lehmann",
                "Viele junge Geflüchtete finden ein Praktikum, weniger schaffen den Schritt in die Ausbildung.",
                [
                    (
                        PointKind.RESULT,
                        "Betriebe im Gewerbegebiet bieten regelmäßig Praktika an; daraus entstehen erste "
                        "Ausbildungsverträge.",
                        "",
                        None,
                    ),
                    (
                        PointKind.RESULT,
                        "Die Fachsprache in der Berufsschule ist für viele Auszubildende die größte Hürde.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "19:00",
                "20:15",
                "Was läuft gut, wo hakt es? Gespräch in drei Gruppen",
                "alle",
                "Die Gruppen haben 14 Beobachtungen gesammelt; die wichtigsten stehen als Befunde im Handlungsfeld.",
                [
                    (
                        PointKind.RESULT,
                        "Die Anerkennung ausländischer Abschlüsse dauert oft länger als ein Jahr.",
                        "",
                        None,
                    ),
                    (
                        PointKind.DECISION,
                        "Die Befunde stehen im Handlungsfeld; alle Anwesenden können sie bis zur nächsten "
                        "Sitzung ergänzen.",
                        "",
                        None,
                    ),
                    (
                        PointKind.ACTION,
                        "Die Ergebnisse der Gruppen abschreiben und als Befunde eintragen.",
                        "Sabine Keller",
                        -95,
                    ),
                ],
            ),
            (
                "20:15",
                "20:30",
                "Nächste Schritte",
                "Sabine Keller",
                "Die zweite Sitzung hat den Schwerpunkt Anerkennung und Sprache.",
                [
                    (
                        PointKind.ACTION,
                        "Fachleute der Anerkennungsberatung zur zweiten Sitzung einladen.",
                        "Dr. Anna Lehmann",
                        -80,
                    ),
                ],
            ),
        ],
        "came": ["expertin", "jobcenter", "multiplikator", "verwaltung", "gemeinderat", "mitglied"],
        "absent": ["jonas.weber"],
        "paper": "Thomas Berg; 07154 00002\nMarija Kovač; 07154 00003\nAhmad Noori",
    },
    {
        "slug": "fachgespraech-betriebe",
        "kind": EventKind.TALK,
        "when": (-80, WEDNESDAY, "17:00", "18:30"),
        "venue": "rathaus",
        "room": "Kleiner Sitzungssaal",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "stocktaking"),
        "capacity": 25,
        "title": "Fachgespräch mit Betrieben: Praktikum, Ausbildung, Arbeit",
        "summary": "Ausbildungsleiterinnen und -leiter aus Kornwestheimer Betrieben berichten, was beim Einstieg hilft.",
        "agenda": [
            (
                "17:00",
                "17:45",
                "Erfahrungen aus drei Betrieben",
                "Ausbildungsleitungen aus Handwerk, Logistik und Pflege",
                "Praktika vor der Ausbildung bewähren sich; schwierig sind die Berufsschule und die Wohnungssuche "
                "neben der Ausbildung.",
                [
                    (
                        PointKind.RESULT,
                        "Ein begleitetes Praktikum vor der Ausbildung senkt die Zahl der Abbrüche.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "17:45",
                "18:30",
                "Fragen und Austausch",
                "Katrin Maier (Jobcenter)",
                "Die Betriebe wünschen sich eine feste Ansprechperson bei der Stadt.",
                [
                    (
                        PointKind.ACTION,
                        "Die Liste der Betriebe mit Praktikumsplätzen an die Beratungsstellen geben.",
                        "Katrin Maier",
                        -60,
                    ),
                ],
            ),
        ],
        "came": ["jobcenter", "expertin", "multiplikator"],
    },
    {
        "slug": "bestandsaufnahme-wirtschaft-anerkennung",
        "kind": EventKind.SESSION,
        "when": (-60, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "stocktaking"),
        "capacity": 30,
        "title": "Bestandsaufnahme Wirtschaft und berufliche Bildung: Anerkennung und Sprache",
        "summary": "Zweite Sitzung der Bestandsaufnahme: Wie lange dauert die Anerkennung von Abschlüssen, und "
        "welche Sprachkurse fehlen?",
        "agenda": [
            (
                "18:00",
                "18:40",
                "Anerkennung ausländischer Abschlüsse: Wege und Wartezeiten",
                "Dr. Anna Lehmann, Beratung zur Anerkennung",
                "Die Beratung ist gut, aber viele wissen nicht, wo sie anfangen sollen.",
                [
                    (
                        PointKind.RESULT,
                        "Beratung zur Anerkennung gibt es vor allem außerhalb der Stadt; viele kennen sie nicht.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "18:40",
                "19:30",
                "Sprachkurse für den Beruf",
                "Volkshochschule, Katrin Maier (Jobcenter)",
                "Berufsbezogene Sprachkurse sind voll; am Abend und mit Kinderbetreuung gibt es kaum Angebote.",
                [
                    (
                        PointKind.RESULT,
                        "Für Berufstätige und Eltern fehlen Sprachkurse am Abend und mit Kinderbetreuung.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "19:30",
                "20:30",
                "Befunde zusammenführen",
                "Sabine Keller",
                "Die Befunde gehen an die zweite Stufe: Multiplikatoren erarbeiten Handlungsoptionen.",
                [
                    (
                        PointKind.DECISION,
                        "Mit dieser Sitzung sind die Gespräche der Bestandsaufnahme beendet; die zweite Stufe "
                        "beginnt nach einer kurzen Pause.",
                        "",
                        None,
                    ),
                    (
                        PointKind.ACTION,
                        "Die Befunde in einem kurzen Bericht zusammenfassen.",
                        "Sabine Keller",
                        -35,
                    ),
                ],
            ),
        ],
        "came": ["expertin", "jobcenter", "multiplikator", "verwaltung", "samir.rahimi", "ewa.nowak"],
        "absent": ["gemeinderat"],
    },
    {
        "slug": "sitzung-dialogplattform-bericht",
        "kind": EventKind.SESSION,
        "when": (-42, THURSDAY, "18:00", "20:00"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": ALL_FIELDS,
        "capacity": 40,
        "title": SESSION,
        "summary": "Bericht aus den Handlungsfeldern, Austausch mit dem SIA und die Planung der nächsten Monate.",
        "agenda": [
            (
                "18:00",
                "18:45",
                "Bericht aus den Handlungsfeldern",
                "Sabine Keller, Dr. Anna Lehmann",
                "Wirtschaft und berufliche Bildung: Die Bestandsaufnahme ist abgeschlossen, der Bericht folgt. "
                "Wohnen und Leben: Die Bestandsaufnahme beginnt in drei Wochen.",
                [],
            ),
            (
                "18:45",
                "19:30",
                "Bericht des SIA",
                "eine Vertreterin des SIA",
                "Der SIA und die Dialogplattform berichten einander weiter zweimal im Jahr, damit keine doppelten "
                "Strukturen entstehen.",
                [
                    (
                        PointKind.DECISION,
                        "Der nächste gemeinsame Bericht von Dialogplattform und SIA geht nach der Ankommenskonferenz an den "
                        "Ausschuss.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "19:30",
                "20:00",
                "Die nächste Ankommenskonferenz",
                "Sabine Keller",
                "Die nächste Ankommenskonferenz findet in etwa vier Monaten im Kulturzentrum „Das K“ statt.",
                [
                    (
                        PointKind.ACTION,
                        "Ein Team bilden, das die Ankommenskonferenz vorbereitet.",
                        "Sabine Keller, Peter Hoffmann",
                        -20,
                    ),
                    (
                        PointKind.ACTION,
                        "Die Säle im Kulturzentrum „Das K“ anfragen.",
                        "Elena Petrova",
                        -30,
                    ),
                ],
            ),
        ],
        "came": [
            "expertin",
            "jobcenter",
            "multiplikator",
            "verwaltung",
            "gemeinderat",
            "mitglied",
            "nachbarschaft",
            "leyla.ahmadi",
            "guel.aydin",
            "thomas.krueger",
        ],
        "absent": ["mariam.tesfay"],
    },
    {
        "slug": "sprechstunde-arbeit-1",
        "kind": EventKind.OTHER,
        "when": (-21, WEDNESDAY, "14:00", "17:00"),
        "venue": "rathaus",
        "fields": [WIRTSCHAFT],
        "registration": False,
        "title": SPRECHSTUNDE[0],
        "summary": SPRECHSTUNDE[1],
    },
    {
        "slug": "ankommensgeschichten-lesung",
        "kind": EventKind.OTHER,
        "when": (-25, FRIDAY, "19:00", "20:30"),
        "venue": "stadtbuecherei",
        "registration": False,
        "title": "Ankommensgeschichten: Lesung und Gespräch",
        "summary": "Menschen, die in Kornwestheim angekommen sind, lesen aus ihren Geschichten. Eintritt frei, "
        "ohne Anmeldung.",
        "description": "Die Ankommensgeschichten sammeln Portraits und Interviews von Menschen, die in Kornwestheim "
        "ankommen oder schon angekommen sind. An diesem Abend lesen drei von ihnen selbst, auf Deutsch und in "
        "ihrer ersten Sprache. Danach ist Zeit für Fragen und Gespräche.",
    },
    {
        "slug": "bestandsaufnahme-wohnen-erste-sitzung",
        "kind": EventKind.SESSION,
        "when": (-14, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WOHNEN],
        "stage": (WOHNEN, "stocktaking"),
        "capacity": 30,
        "organisers": ["admin", "expertin"],
        "title": "Bestandsaufnahme Wohnen und Leben: erste Sitzung",
        "summary": "Fachleute aus Wohnungswirtschaft, Sozialberatung und Nachbarschaftsarbeit beschreiben die Lage: "
        "Was gibt es, was fehlt?",
        "agenda": [
            (
                "18:00",
                "18:20",
                WELCOME,
                "Sabine Keller (Integrationsbeauftragte)",
                "Die Bestandsaufnahme läuft bis zum Ende der Stufe; Befunde können alle Fachleute auch online "
                "eintragen.",
                [],
            ),
            (
                "18:20",
                "19:20",
                "Wohnungssuche und Anschlussunterbringung",
                "Dr. Anna Lehmann, Sozialberatung der Stadt",
                "Die Wartezeiten auf eine Sozialwohnung sind lang; wer aus der Anschlussunterbringung auszieht, "
                "braucht Begleitung.",
                [
                    (
                        PointKind.RESULT,
                        "Viele Neuzugewanderte verstehen Mietvertrag und Nebenkostenabrechnung nicht; eine "
                        "Erklärhilfe in mehreren Sprachen fehlt.",
                        "",
                        None,
                    ),
                    (
                        PointKind.RESULT,
                        "Der Umzug in die eigene Wohnung gelingt vor allem dort, wo Ehrenamtliche ihn begleiten.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "19:20",
                "20:30",
                "Nachbarschaft und Begegnung in den Stadtteilen",
                "Yusuf Demir (Nachbarschaftshilfe Weststadt)",
                "In der Weststadt trägt die Nachbarschaftshilfe; in anderen Stadtteilen fehlen Treffpunkte.",
                [
                    (
                        PointKind.RESULT,
                        "In manchen Stadtteilen fehlt ein offener Treffpunkt für Familien.",
                        "",
                        None,
                    ),
                    (
                        PointKind.ACTION,
                        "Die Wohnungsbaugesellschaften zur zweiten Sitzung einladen.",
                        "Sabine Keller",
                        7,
                    ),
                ],
            ),
        ],
        "came": [
            "expertin",
            "jobcenter",
            "nachbarschaft",
            "mitglied",
            "leyla.ahmadi",
            "multiplikator",
            "guel.aydin",
        ],
        "absent": ["thomas.krueger"],
        "needs": {
            "mitglied": [(NeedKind.INTERPRETING, "ar")],
            "leyla.ahmadi": [(NeedKind.CHILDCARE, "")],
        },
        "finding": (2, 1, "Erklärhilfe zu Mietvertrag und Nebenkosten fehlt", FindingKind.NEED),
    },
    {
        "slug": "workshop-handlungsoptionen-wirtschaft",
        "kind": EventKind.WORKSHOP,
        "when": (-8, SATURDAY, "10:00", "14:00"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "options"),
        "capacity": 25,
        "title": "Workshop mit Multiplikatoren: Handlungsoptionen für Ausbildung und Arbeit",
        "summary": "Aus den Befunden der Bestandsaufnahme werden Handlungsoptionen: Vereine, Gemeinderat, "
        "Verwaltung und Betriebe arbeiten gemeinsam daran.",
        "agenda": [
            (
                "10:00",
                "10:30",
                "Die Befunde der Bestandsaufnahme",
                "Dr. Anna Lehmann",
                "Vier Befunde sind die Grundlage: Praktika, Fachsprache, Anerkennung und die Sprechstunde im Rathaus.",
                [],
            ),
            (
                "10:30",
                "12:30",
                "Handlungsoptionen entwickeln, in Gruppen",
                "Moderation: Murat Yılmaz",
                "Die Gruppen haben Handlungsoptionen formuliert; sie stehen im Handlungsfeld zur Diskussion.",
                [
                    (
                        PointKind.RESULT,
                        "Ausbildungspatenschaften durch Ehrenamtliche ausbauen.",
                        "",
                        None,
                    ),
                    (
                        PointKind.RESULT,
                        "Ein berufsbezogener Sprachkurs gemeinsam mit der Berufsschule.",
                        "",
                        None,
                    ),
                    (
                        PointKind.RESULT,
                        "Ein Beratungstag zur Anerkennung von Abschlüssen im Rathaus.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "13:00",
                "14:00",
                "Eine Empfehlung auswählen",
                "alle",
                "Die Ausbildungspatenschaften gehen als Empfehlung an den Ausschuss für Soziales und Integration.",
                [
                    (
                        PointKind.DECISION,
                        "Die Verwaltung schreibt dazu eine Sitzungsvorlage für den Ausschuss.",
                        "",
                        None,
                    ),
                    (
                        PointKind.ACTION,
                        "Den Entwurf der Sitzungsvorlage abstimmen.",
                        "Sabine Keller, Elena Petrova",
                        14,
                    ),
                ],
            ),
        ],
        "came": [
            "multiplikator",
            "gemeinderat",
            "verwaltung",
            "jobcenter",
            "expertin",
            "moderation",
            "jonas.weber",
        ],
    },
    {
        "slug": "fachgespraech-ausbildungspatenschaften",
        "kind": EventKind.TALK,
        "when": (-4, THURSDAY, "18:30", "20:00"),
        "venue": "stadtbuecherei",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "options"),
        "capacity": 30,
        "title": "Fachgespräch: Ausbildungspatenschaften in der Praxis",
        "summary": "Patinnen, Paten und Auszubildende berichten: Was hilft in der Ausbildung, was überfordert?",
        "agenda": [
            (
                "18:30",
                "19:15",
                "Erfahrungen von Patinnen, Paten und Auszubildenden",
                "Peter Hoffmann (Arbeitskreis Asyl) und zwei Auszubildende",
                "Patenschaften helfen vor allem bei Berufsschule, Post von Behörden und Prüfungsangst.",
                [
                    (
                        PointKind.RESULT,
                        "Patinnen und Paten brauchen eine kurze Schulung und eine feste Ansprechperson bei der Stadt.",
                        "",
                        None,
                    ),
                ],
            ),
            (
                "19:15",
                "20:00",
                "Was braucht eine gute Patenschaft?",
                "Katrin Maier (Jobcenter)",
                "Die Hinweise fließen in die Empfehlung „Ausbildungspatenschaften durch Ehrenamtliche ausbauen“ ein.",
                [
                    (
                        PointKind.ACTION,
                        "Die Hinweise zur Schulung in die Sitzungsvorlage aufnehmen.",
                        "Sabine Keller",
                        10,
                    ),
                ],
            ),
        ],
        "came": ["multiplikator", "jobcenter", "jonas.weber", "samir.rahimi"],
    },
    {
        "slug": "sprachcafe-1",
        "kind": EventKind.OTHER,
        "when": (-3, FRIDAY, "16:00", "18:00"),
        "venue": "stadtbuecherei",
        "registration": False,
        "title": SPRACHCAFE[0],
        "summary": SPRACHCAFE[1],
    },
    # --- still to come ---
    {
        "slug": "infoabend-mitmachen",
        "kind": EventKind.OTHER,
        "when": (2, MONDAY, "18:00", "19:30"),
        "venue": "stadtbuecherei",
        "fields": ALL_FIELDS,
        "registration": False,
        "title": "Infoabend: Mitmachen in der Dialogplattform",
        "summary": "Wie arbeitet die Dialogplattform, und wie können Sie mitmachen, auch mit wenig Zeit oder wenig "
        "Deutsch? Ohne Anmeldung.",
    },
    {
        "slug": "online-austausch-wohnungssuche",
        "kind": EventKind.OTHER,
        "when": (4, THURSDAY, "19:00", "20:00"),
        "online": True,
        "fields": [WOHNEN],
        "stage": (WOHNEN, "stocktaking"),
        "organisers": ["admin", "expertin"],
        "title": "Online-Austausch: Ihre Erfahrungen mit der Wohnungssuche",
        "summary": "Eine Stunde am Bildschirm: Erzählen Sie, was Ihnen bei der Wohnungssuche geholfen hat und was "
        "nicht. Ihre Hinweise gehen in die Bestandsaufnahme.",
        "description": "Sie brauchen keine Kamera; Sie können auch nur zuhören oder im Chat schreiben. Wer Hilfe "
        "mit der Technik braucht, ruft vorher an.",
        "register": [("mitglied", []), ("mariam.tesfay", []), ("nachbarschaft", [])],
    },
    {
        "slug": "sprachcafe-2",
        "kind": EventKind.OTHER,
        "when": (6, FRIDAY, "16:00", "18:00"),
        "venue": "stadtbuecherei",
        "registration": False,
        "title": SPRACHCAFE[0],
        "summary": SPRACHCAFE[1],
    },
    {
        "slug": "sitzung-dialogplattform",
        "kind": EventKind.SESSION,
        "when": (9, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": ALL_FIELDS,
        "capacity": 30,
        "title": SESSION,
        "summary": "Die nächste Sitzung: die Empfehlung zu Ausbildungspatenschaften, der Stand beim Wohnen und die "
        "Vorbereitung der Ankommenskonferenz.",
        "description": "Alle sind willkommen, auch wer zum ersten Mal kommt. Wir dolmetschen ins Arabische, "
        "Persische und Ukrainische und bieten Kinderbetreuung an: Bitte sagen Sie es uns bei der Anmeldung. "
        "Sie können sich auch am Telefon anmelden.",
        "agenda": [
            ("18:00", "18:15", "Begrüßung", "Sabine Keller", "", []),
            (
                "18:15",
                "19:00",
                "Empfehlung: Ausbildungspatenschaften durch Ehrenamtliche ausbauen",
                "Peter Hoffmann, Elena Petrova (Verwaltung)",
                "",
                [],
            ),
            ("19:00", "19:45", "Stand der Bestandsaufnahme Wohnen und Leben", "Dr. Anna Lehmann", "", []),
            (
                "19:45",
                "20:30",
                "Ankommenskonferenz: Programm und Helferinnen und Helfer",
                "das Vorbereitungsteam",
                "",
                [],
            ),
        ],
        "register": [
            ("mitglied", [(NeedKind.INTERPRETING, "ar")]),
            ("nachbarschaft", []),
            ("leyla.ahmadi", [(NeedKind.CHILDCARE, "")]),
            ("ewa.nowak", []),
            ("multiplikator", []),
            ("jonas.weber", []),
            ("samir.rahimi", [(NeedKind.INTERPRETING, "fa")]),
            ("expertin", []),
        ],
        "phone": [
            {
                "name": "Halima Osman",
                "phone": "07154 00001",
                "language": "ar",
                "needs": [(NeedKind.INTERPRETING, "ar"), (NeedKind.CHILDCARE, "")],
            }
        ],
    },
    {
        "slug": "stadtteilspaziergang-oststadt",
        "kind": EventKind.OTHER,
        "when": (12, SATURDAY, "14:00", "16:00"),
        "venue": "rathaus",
        "room": "Treffpunkt vor dem Haupteingang",
        "fields": [WOHNEN],
        "stage": (WOHNEN, "stocktaking"),
        "capacity": 20,
        "title": "Stadtteilspaziergang Oststadt: Wohnen und Nachbarschaft",
        "summary": "Zu Fuß durch die Oststadt, mit Anwohnerinnen und Anwohnern: Wo trifft man sich, wo fehlt etwas?",
        "register": [("nachbarschaft", []), ("ewa.nowak", [])],
        "cancel": "Die Leiterin des Spaziergangs ist erkrankt. Wir holen ihn nach; den neuen Termin finden Sie dann im Kalender.",
    },
    {
        "slug": "sprechstunde-arbeit-2",
        "kind": EventKind.OTHER,
        "when": (13, WEDNESDAY, "14:00", "17:00"),
        "venue": "rathaus",
        "fields": [WIRTSCHAFT],
        "registration": False,
        "title": SPRECHSTUNDE[0],
        "summary": SPRECHSTUNDE[1],
    },
    {
        "slug": "fachgespraech-spracherwerb",
        "kind": EventKind.TALK,
        "when": (16, WEDNESDAY, "18:30", "20:00"),
        "venue": "stadtbuecherei",
        "fields": [WIRTSCHAFT, BILDUNG],
        "capacity": 40,
        "organisers": ["expertin"],
        "title": "Fachgespräch: Spracherwerb – Deutsch lernen in jedem Alter",
        "summary": "Was hilft beim Deutschlernen, von der Kita bis zum Beruf? Fachleute aus Volkshochschule, Kita "
        "und Sprachcafé im Gespräch. Mit Dolmetschen.",
        "description": "Spracherwerb ist nach dem Integrationskonzept ein Schwerpunkt der Dialogplattform. Wir "
        "fragen: Wo gibt es Kurse, wo Wartelisten, und was leisten Sprachcafés und Ehrenamtliche?\n\n"
        "Wir dolmetschen auf Wunsch ins Arabische, Persische, Türkische und Ukrainische. Bitte geben Sie bei "
        "der Anmeldung an, welche Sprache Sie brauchen.",
        "agenda": [
            (
                "18:30",
                "19:00",
                "Impuls: Wie Erwachsene eine neue Sprache lernen",
                "Ulrike Sommer (Volkshochschule)",
                "",
                [],
            ),
            (
                "19:00",
                "20:00",
                "Gespräch: Kita, Sprachcafé und Kurs",
                "Oksana Hrytsenko (Sprachcafé), Moderation: Dr. Anna Lehmann",
                "",
                [],
            ),
        ],
        "register": [
            ("dmytro.bondarenko", [(NeedKind.INTERPRETING, "uk")]),
            ("samir.rahimi", [(NeedKind.INTERPRETING, "fa")]),
            ("guel.aydin", []),
            ("thomas.krueger", []),
            ("uebersetzung", []),
        ],
    },
    {
        "slug": "bestandsaufnahme-wohnen-zweite-sitzung",
        "kind": EventKind.SESSION,
        "when": (20, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WOHNEN],
        "stage": (WOHNEN, "stocktaking"),
        "capacity": 30,
        "organisers": ["admin", "expertin"],
        "title": "Bestandsaufnahme Wohnen und Leben: zweite Sitzung",
        "summary": "Mit der Wohnungswirtschaft: Wie kommen Neuzugewanderte an eine Wohnung, und was hilft "
        "Vermieterinnen und Vermietern?",
        "agenda": [
            ("18:00", "18:20", "Was die erste Sitzung ergeben hat", "Dr. Anna Lehmann", "", []),
            (
                "18:20",
                "19:30",
                "Wohnungsbaugesellschaften und Vermietende berichten",
                "Gäste aus der Wohnungswirtschaft",
                "",
                [],
            ),
            ("19:30", "20:30", "Befunde festhalten", "alle", "", []),
        ],
        "register": [("nachbarschaft", []), ("thomas.krueger", []), ("jobcenter", [])],
    },
    {
        "slug": "workshop-multiplikatoren",
        "kind": EventKind.WORKSHOP,
        "when": (23, SATURDAY, "10:00", "13:00"),
        "venue": "rathaus",
        "room": "Kleiner Sitzungssaal",
        "fields": [WIRTSCHAFT],
        "stage": (WIRTSCHAFT, "options"),
        "capacity": 8,
        "title": "Workshop für Multiplikatoren: Empfehlungen überzeugend vorstellen",
        "summary": "Für Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung: Wie stellen wir die "
        "Empfehlungen der Dialogplattform in Vereinen, Fraktionen und Ämtern vor? Kleine Gruppe.",
        "register": [
            ("multiplikator", []),
            ("gemeinderat", []),
            ("verwaltung", []),
            ("jobcenter", []),
            ("moderation", []),
            ("guel.aydin", []),
            ("jonas.weber", []),
            ("leyla.ahmadi", [(NeedKind.CHILDCARE, "")]),
            ("thomas.krueger", []),
            ("ewa.nowak", []),
            ("mariam.tesfay", []),
        ],
    },
    {
        "slug": "auftakt-bildung",
        "kind": EventKind.SESSION,
        "when": (50, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [BILDUNG],
        "stage": (BILDUNG, "stocktaking"),
        "capacity": 30,
        "title": "Bestandsaufnahme frühkindliche und schulische Bildung: Auftakt",
        "summary": "Das dritte Handlungsfeld beginnt: Kitas, Schulen, Elternvertretungen und Schulsozialarbeit "
        "beschreiben, was es gibt und wo es hakt.",
        "register": [("expertin", []), ("guel.aydin", [])],
    },
    {
        "slug": "workshop-handlungsoptionen-wohnen",
        "kind": EventKind.WORKSHOP,
        "when": (67, SATURDAY, "10:00", "14:00"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": [WOHNEN],
        "stage": (WOHNEN, "options"),
        "capacity": 25,
        "draft": True,
        "title": "Workshop mit Multiplikatoren: Handlungsoptionen für Wohnen und Leben",
        "summary": "Aus den Befunden der Bestandsaufnahme zu Wohnen und Leben werden Handlungsoptionen.",
    },
    {
        "slug": "sitzung-dialogplattform-nach-der-konferenz",
        "kind": EventKind.SESSION,
        "when": (110, TUESDAY, "18:00", "20:30"),
        "venue": "rathaus",
        "room": "Großer Sitzungssaal",
        "fields": ALL_FIELDS,
        "capacity": 30,
        "title": SESSION,
        "summary": "Was die Ankommenskonferenz ergeben hat, und der gemeinsame Bericht mit dem SIA.",
    },
]

CONFERENCE_EVENT = {
    "slug": CONFERENCE,
    "kind": EventKind.CONFERENCE,
    "when": (90, SATURDAY, "09:30", "17:00"),
    "venue": "das-k",
    "fields": ALL_FIELDS,
    "capacity": 200,
    "title": "Ankommenskonferenz",
    "summary": "Ein Tag für alle, die in Kornwestheim ankommen oder dabei helfen: Vortrag, Ankommensgeschichten "
    "und Werkstätten zu Sprache, Arbeit, Wohnen, Schule und Teilhabe.",
    "description": "Die erste Ankommenskonferenz war sehr gut besucht und hat gezeigt, wie viel Integration in "
    "Kornwestheim schon gelingt. Diesmal fragen wir: Was hat sich seitdem getan, und was nehmen wir uns für "
    "die nächsten Jahre vor?\n\n"
    "Die Teilnahme ist kostenlos. Für einige Werkstätten melden Sie sich zusätzlich an, weil die Plätze "
    "begrenzt sind. Wir bieten Dolmetschen (Arabisch, Persisch, Türkisch, Ukrainisch), Kinderbetreuung und "
    "ein Mittagessen, auch vegetarisch und halal. Bitte geben Sie bei der Anmeldung an, was Sie brauchen.",
    "register": [
        ("mitglied", [(NeedKind.INTERPRETING, "ar"), (NeedKind.FOOD, "halal")]),
        ("nachbarschaft", []),
        ("leyla.ahmadi", [(NeedKind.CHILDCARE, ""), (NeedKind.FOOD, "vegetarian")]),
        ("multiplikator", []),
        ("jobcenter", []),
        ("dmytro.bondarenko", [(NeedKind.INTERPRETING, "uk")]),
        ("guel.aydin", []),
        ("samir.rahimi", []),
    ],
}

# The conference's rooms: (name, position, accessibility).
ROOMS = [
    ("Großer Saal", 1, "Plätze für Rollstuhlnutzende vorne links und rechts."),
    ("Studio", 2, ""),
    ("Seminarraum", 3, ""),
]

# Its programme: (slug, from, until, room, title, description, speakers, own places, field).
PROGRAMME = [
    (
        "eroeffnung",
        "09:30",
        "10:30",
        "Großer Saal",
        "Eröffnung und Vortrag: Ankommen heißt teilhaben",
        "Begrüßung durch die Integrationsbeauftragte. Danach fragt Prof. Dr. Miriam Roth, was Städte aus zehn "
        "Jahren Integrationsarbeit gelernt haben und warum Teilhabe ein Prinzip für alle Handlungsfelder ist.",
        ["sabine-keller", "miriam-roth"],
        None,
        None,
    ),
    (
        "ankommensgeschichten",
        "10:45",
        "12:15",
        "Großer Saal",
        "Ankommensgeschichten: Zwei Frauen erzählen",
        "Rasha Khalil und Oksana Hrytsenko erzählen, wie sie in Kornwestheim angekommen sind. Danach Gespräch "
        "mit dem Publikum, mit Dolmetschen ins Arabische und Ukrainische.",
        ["rasha-khalil", "oksana-hrytsenko"],
        None,
        None,
    ),
    (
        "werkstatt-deutsch",
        "10:45",
        "12:15",
        "Studio",
        "Werkstatt Sprache: Deutsch lernen neben Arbeit und Familie",
        "Welche Kurse gibt es, wer findet keinen Platz, und was hilft Eltern und Berufstätigen? Wir sammeln "
        "Ideen für Kurse am Abend, am Wochenende und mit Kinderbetreuung.",
        ["ulrike-sommer"],
        30,
        WIRTSCHAFT,
    ),
    (
        "werkstatt-arbeit",
        "10:45",
        "12:15",
        "Seminarraum",
        "Werkstatt Arbeit und Ausbildung: vom Praktikum zum Vertrag",
        "Betriebe, Jobcenter und Auszubildende berichten, was den Einstieg erleichtert. Mit der Empfehlung der "
        "Dialogplattform zu Ausbildungspatenschaften.",
        ["katrin-maier"],
        20,
        WIRTSCHAFT,
    ),
    (
        "gespraechsrunde-wohnen",
        "13:15",
        "14:45",
        "Großer Saal",
        "Gesprächsrunde Wohnen: Wer findet in Kornwestheim eine Wohnung?",
        "Was die Bestandsaufnahme zu Wohnen und Leben bisher zeigt: Wartezeiten, Nachbarschaft, Hilfe bei der "
        "Suche. Mit Fragen aus dem Publikum.",
        ["anna-lehmann"],
        None,
        WOHNEN,
    ),
    (
        "werkstatt-schule",
        "13:15",
        "14:45",
        "Studio",
        "Werkstatt Schule: Eltern, Kita und Schule im Gespräch",
        "Wie erreichen Kitas und Schulen alle Eltern? Erfahrungen mit Elterncafés, Dolmetschen beim "
        "Elternabend und Hausaufgabenhilfe. Die Ergebnisse gehen in die Bestandsaufnahme zur frühkindlichen "
        "und schulischen Bildung.",
        ["rasha-khalil", "sabine-keller"],
        25,
        BILDUNG,
    ),
    (
        "werkstatt-teilhabe",
        "13:15",
        "14:45",
        "Seminarraum",
        "Werkstatt Teilhabe: Vereine öffnen sich",
        "Sportverein, Chor, Feuerwehr: Wie finden Neuzugewanderte hinein, und wie werden Vereine offener? Mit "
        "Beispielen aus Kornwestheim.",
        ["hasan-oeztuerk"],
        20,
        None,
    ),
    (
        "werkstatt-ehrenamt",
        "15:00",
        "16:00",
        "Studio",
        "Werkstatt Ehrenamt: begleiten, ohne sich zu überfordern",
        "Für Ehrenamtliche und alle, die es werden wollen: Grenzen setzen, Hilfe holen, gut für sich sorgen.",
        ["oksana-hrytsenko"],
        20,
        None,
    ),
    (
        "sprechstunde-anerkennung",
        "15:00",
        "16:00",
        "Seminarraum",
        "Sprechstunde: Anerkennung ausländischer Abschlüsse",
        "Bringen Sie Ihre Fragen und Unterlagen mit. Kurze Gespräche nacheinander, ohne Anmeldung.",
        ["katrin-maier"],
        None,
        WIRTSCHAFT,
    ),
    (
        "abschluss",
        "16:15",
        "17:00",
        "Großer Saal",
        "Abschluss: Was nimmt die Dialogplattform mit?",
        "Jede Werkstatt berichtet in einem Satz. Was daraus wird, besprechen wir in der nächsten Sitzung der "
        "Dialogplattform.",
        ["sabine-keller", "miriam-roth"],
        None,
        None,
    ),
]

# Who registers for a session with its own places (after registering for the conference).
SESSION_PEOPLE = {
    "werkstatt-deutsch": ["dmytro.bondarenko", "leyla.ahmadi"],
    "werkstatt-arbeit": ["samir.rahimi", "mitglied", "jobcenter"],
    "werkstatt-schule": ["guel.aydin", "mitglied"],
    "werkstatt-teilhabe": ["nachbarschaft", "multiplikator"],
}

# What the needs of the older events came to, counted once their rows were deleted after 30 days.
NEED_COUNTS = {
    "bestandsaufnahme-wirtschaft-auftakt": [(NeedKind.INTERPRETING, "ar", 2), (NeedKind.CHILDCARE, "", 1)],
    "sitzung-dialogplattform-bericht": [
        (NeedKind.INTERPRETING, "ar", 2),
        (NeedKind.INTERPRETING, "fa", 1),
        (NeedKind.CHILDCARE, "", 2),
        (NeedKind.STEP_FREE, "", 1),
    ],
}


def _day(today, offset, weekday):
    """`offset` days from today, moved to the nearest `weekday`, and still past (or still to come) as asked."""
    day = today + timedelta(days=offset)
    day += timedelta(days=(weekday - day.weekday() + 3) % 7 - 3)
    if offset > 0 and day <= today:
        day += timedelta(days=7)
    elif offset < 0 and day >= today:
        day -= timedelta(days=7)
    return day


def _clock(text):
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _at(day, text):
    return timezone.make_aware(datetime.combine(day, _clock(text)))


def load(town, stdout):
    if Event.objects.for_municipality(town).filter(slug=CONFERENCE).exists():
        return
    people = members_by_local_part(town)
    admin = people.get("admin")
    if admin is None:
        return
    with translation.override("de"):
        _load(town, people, admin, stdout)


def _load(town, people, admin, stdout):
    today = timezone.localdate()
    now = timezone.now()
    venues = {}
    for slug, name, address, step_free, toilet, loop, accessibility, directions in VENUES:
        venues[slug] = Venue.objects.create(
            municipality=town,
            slug=slug,
            name=name,
            address=address,
            step_free=step_free,
            accessible_toilet=toilet,
            hearing_loop=loop,
            accessibility=accessibility,
            directions=directions,
        )
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    stages = {
        (stage.field.slug, stage.kind): stage
        for stage in Stage.objects.for_municipality(town).select_related("field")
    }
    context = {
        "town": town,
        "people": people,
        "admin": admin,
        "today": today,
        "now": now,
        "venues": venues,
        "fields": fields,
        "stages": stages,
    }
    events = [_event(context, spec) for spec in EVENTS]
    conference = _event(context, CONFERENCE_EVENT)
    _programme(context, conference)
    for event, spec in zip([*events, conference], [*EVENTS, CONFERENCE_EVENT], strict=True):
        _registrations(context, event, spec)
    for event, spec in zip(events, EVENTS, strict=True):
        if spec.get("finding"):
            _finding(context, event, *spec["finding"])
        if spec.get("cancel"):
            services.cancel_event(event, actor=admin, reason=spec["cancel"])
    past = sum(1 for event in events if event.has_ended(now))
    stdout.write(
        f"Veranstaltungen: {len(events) + 1} angelegt ({past} vergangen, mit Protokollen), "
        f"die Ankommenskonferenz mit {len(PROGRAMME)} Programmpunkten."
    )


def _event(context, spec):
    town, today, now = context["town"], context["today"], context["now"]
    offset, weekday, start, end = spec["when"]
    day = _day(today, offset, weekday)
    starts_at, ends_at = _at(day, start), _at(day, end)
    stage = spec.get("stage")
    event = Event.objects.create(
        municipality=town,
        slug=spec["slug"],
        kind=spec["kind"],
        title=spec["title"],
        summary=spec.get("summary", ""),
        description=spec.get("description", ""),
        starts_at=starts_at,
        ends_at=ends_at,
        venue=context["venues"].get(spec.get("venue")),
        room=spec.get("room", ""),
        online_url=ONLINE_URL if spec.get("online") else "",
        stage=context["stages"].get(stage) if stage else None,
        registration=spec.get("registration", True),
        capacity=spec.get("capacity"),
        contact=CONTACT,
        published_at=None if spec.get("draft") else min(starts_at, now) - timedelta(days=21),
    )
    event.fields.set(
        [context["fields"][slug] for slug in spec.get("fields", []) if slug in context["fields"]]
    )
    event.organisers.set(
        [context["people"][name] for name in spec.get("organisers", ["admin"]) if name in context["people"]]
    )
    for position, (begin, finish, title, speakers, outcome, points) in enumerate(spec.get("agenda", []), 1):
        item = AgendaEntry.objects.create(
            municipality=town,
            event=event,
            position=position,
            starts_at=_clock(begin),
            ends_at=_clock(finish),
            title=title,
            speakers=speakers,
            outcome=outcome,
        )
        for number, (kind, text, responsible, due) in enumerate(points, 1):
            MinutesPoint.objects.create(
                municipality=town,
                agenda_item=item,
                position=number,
                kind=kind,
                text=text,
                responsible=responsible,
                due_on=None if due is None else today + timedelta(days=due),
            )
    return event


def _programme(context, conference):
    town = context["town"]
    day = timezone.localdate(conference.starts_at)
    rooms = {
        name: Room.objects.create(
            municipality=town, event=conference, name=name, position=position, accessibility=accessibility
        )
        for name, position, accessibility in ROOMS
    }
    speakers = {
        slug: Speaker.objects.create(municipality=town, slug=slug, name=name, role=role, bio=bio)
        for slug, name, role, bio in SPEAKERS
    }
    for slug, begin, finish, room, title, description, names, capacity, field in PROGRAMME:
        session = Session.objects.create(
            municipality=town,
            event=conference,
            slug=slug,
            title=title,
            description=description,
            room=rooms[room],
            starts_at=_at(day, begin),
            ends_at=_at(day, finish),
            capacity=capacity,
            field=context["fields"].get(field),
        )
        session.speakers.set([speakers[name] for name in names])


def _registrations(context, event, spec):
    """People register for what is to come as on the page; a past event's rows stand as they ended."""
    people = context["people"]
    if event.has_begun(context["now"]):
        _past_registrations(context, event, spec)
        return
    for name, needs in spec.get("register", []):
        if name in people:
            services.register(event, member=people[name], needs=needs, consent=bool(needs))
    for person in spec.get("phone", []):
        services.register_contact(
            event,
            actor=context["admin"],
            name=person["name"],
            phone=person["phone"],
            language=person["language"],
            needs=person["needs"],
            consent=True,
            source=Source.PHONE,
        )
    if event.slug == CONFERENCE:
        sessions = {session.slug: session for session in event.sessions.all()}
        for slug, names in SESSION_PEOPLE.items():
            for name in names:
                if name in people:
                    services.register(event, member=people[name], session=sessions[slug])


def _past_registrations(context, event, spec):
    town, people = context["town"], context["people"]
    registered = event.published_at + timedelta(days=3)
    rows = []
    for index, name in enumerate([*spec.get("came", []), *spec.get("absent", [])]):
        if name not in people:
            continue
        came = name in spec.get("came", [])
        at = registered + timedelta(hours=5 * index)
        rows.append(
            Registration(
                municipality=town,
                event=event,
                member=people[name],
                status=RegistrationStatus.CONFIRMED,
                registered_at=at,
                queued_at=at,
                checked_in_at=event.starts_at + timedelta(minutes=index % 12) if came else None,
            )
        )
    Registration.objects.bulk_create(rows)
    needs = spec.get("needs", {})
    if needs:
        by_member = {row.member_id: row for row in rows}
        for name, kinds in needs.items():
            registration = by_member.get(people[name].pk) if name in people else None
            if registration is None:
                continue
            Registration.objects.filter(pk=registration.pk).update(
                needs_consent_at=registration.registered_at
            )
            Need.objects.bulk_create(
                Need(municipality=town, registration=registration, event=event, kind=kind, detail=detail)
                for kind, detail in kinds
            )
    if spec.get("paper"):
        services.enter_paper_list(
            event, actor=context["admin"], lines=spec["paper"], occasion="Teilnehmerliste am Eingang"
        )
    counts = NEED_COUNTS.get(event.slug)
    if counts and event.ends_at < context["now"] - timedelta(days=NEEDS_KEPT_DAYS):
        NeedCount.objects.bulk_create(
            NeedCount(municipality=town, event=event, kind=kind, detail=detail, count=count)
            for kind, detail, count in counts
        )
        Event.objects.filter(pk=event.pk).update(
            needs_pruned_at=event.ends_at + timedelta(days=NEEDS_KEPT_DAYS)
        )


def _finding(context, event, agenda_position, point_position, title, finding_kind):
    """A point of the minutes becomes a finding of the field, as the admin does it on the minutes' page."""
    point = MinutesPoint.objects.select_related("agenda_item__event__stage").get(
        agenda_item__event=event, agenda_item__position=agenda_position, position=point_position
    )
    services.make_finding(point, actor=context["admin"], title=title, finding_kind=finding_kind)
