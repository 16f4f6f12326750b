"""The demo town's open circle: the list of competences, organisations, profiles and the seed's call.

The seed's Initiativkreis ran a workshop with people working creatively (dance, art, film) and won
people for their competences; the demo has that call, published, with its answers and requests.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from ankommen.accounts.demo import DEMO_PASSWORD, demo_email, members_by_local_part
from ankommen.accounts.models import Member, User
from ankommen.circle.models import (
    Call,
    CallAnswer,
    CallCompetence,
    CallInvitation,
    CallLanguage,
    CallStatus,
    Competence,
    InvitationStatus,
    MemberCompetence,
    MemberLanguage,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    Profile,
)
from ankommen.circle.vocabulary import LEVEL_CODES, Visibility
from ankommen.concept.models import District, Field
from ankommen.core.roles import Role

COMPETENCES = [
    ("tanz", "Tanz"),
    ("theater", "Theater und Schauspiel"),
    ("bildende_kunst", "Bildende Kunst und Malen"),
    ("film", "Film und Video"),
    ("fotografie", "Fotografie"),
    ("musik", "Musik"),
    ("kreatives_schreiben", "Kreatives Schreiben"),
    ("daz_unterricht", "Deutsch als Zweitsprache unterrichten"),
    ("sprachcafe", "Sprachcafé leiten"),
    ("alphabetisierung", "Alphabetisierung"),
    ("hausaufgabenhilfe", "Hausaufgabenhilfe"),
    ("nachhilfe_mathematik", "Nachhilfe in Mathematik"),
    ("fruehkindliche_bildung", "Frühkindliche Bildung"),
    ("elternarbeit", "Elternarbeit"),
    ("kinderbetreuung", "Kinderbetreuung"),
    ("jugendarbeit", "Jugendarbeit"),
    ("bewerbungstraining", "Bewerbungen schreiben"),
    ("berufsorientierung", "Berufsorientierung"),
    ("anerkennung_abschluesse", "Anerkennung ausländischer Abschlüsse"),
    ("handwerk", "Handwerk"),
    ("existenzgruendung", "Existenzgründung beraten"),
    ("ausbildungspatenschaft", "Ausbildungspatenschaft und Mentoring"),
    ("wohnungssuche", "Begleitung bei der Wohnungssuche"),
    ("mietrecht", "Mietrecht"),
    ("nachbarschaftsarbeit", "Nachbarschaftsarbeit"),
    ("aufenthaltsrecht", "Aufenthaltsrecht"),
    ("behoerdenbegleitung", "Begleitung zu Behörden"),
    ("sozialleistungen", "Sozialleistungen erklären"),
    ("arztbegleitung", "Begleitung zu Ärztinnen und Ärzten"),
    ("psychosoziale_beratung", "Psychosoziale Beratung"),
    ("erste_hilfe", "Erste Hilfe"),
    ("traumasensible_arbeit", "Traumasensible Arbeit"),
    ("moderation", "Moderation von Gruppen"),
    ("veranstaltungen", "Veranstaltungen organisieren"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit"),
    ("soziale_medien", "Webseiten und soziale Medien"),
    ("grafikdesign", "Grafikdesign"),
    ("datenanalyse", "Statistik und Datenanalyse"),
    ("sport_anleiten", "Sport anleiten"),
    ("schwimmunterricht", "Schwimmunterricht"),
    ("kochen", "Kochen für Gruppen"),
    ("fahrradwerkstatt", "Fahrradwerkstatt"),
    ("naehen", "Nähen"),
    ("computerkurse", "Computerkurse geben"),
]
KEY_TO_NAME = dict(COMPETENCES)

ORGANISATIONS = [  # (slug, name, kind, description, fields)
    (
        "arbeitskreis-asyl",
        "Arbeitskreis Asyl Kornwestheim",
        OrganisationKind.ASSOCIATION,
        "Ehrenamtliche begleiten geflüchtete Menschen im Alltag: bei Behörden, bei der Wohnungssuche, "
        "mit Hausaufgabenhilfe und im Sprachcafé.",
        ["wohnen-und-leben", "fruehkindliche-und-schulische-bildung"],
    ),
    (
        "tanzwerkstatt",
        "Tanzwerkstatt Kornwestheim e. V.",
        OrganisationKind.ASSOCIATION,
        "Tanz für alle Generationen; offene Gruppen, in denen niemand Deutsch können muss.",
        ["wohnen-und-leben"],
    ),
    (
        "familienzentrum",
        "Familienzentrum Kornwestheim",
        OrganisationKind.INSTITUTION,
        "Treffpunkt für Eltern und Kinder, mit Elterncafé, Kinderbetreuung und Beratung.",
        ["fruehkindliche-und-schulische-bildung"],
    ),
    (
        "volkshochschule",
        "Volkshochschule Kornwestheim",
        OrganisationKind.INSTITUTION,
        "Integrationskurse, Deutschkurse auf allen Niveaus und Kurse zur beruflichen Bildung.",
        ["wirtschaft-und-berufliche-bildung", "fruehkindliche-und-schulische-bildung"],
    ),
    (
        "fachbereich-soziales",
        "Stadt Kornwestheim – Fachbereich Soziales und Integration",
        OrganisationKind.DEPARTMENT,
        "Hier arbeitet die Integrationsbeauftragte; der Fachbereich betreut die Dialogplattform.",
        ["wirtschaft-und-berufliche-bildung", "wohnen-und-leben", "fruehkindliche-und-schulische-bildung"],
    ),
    (
        "sia",
        "SIA",
        OrganisationKind.PARTNER,
        "Das Gremium, mit dem die Dialogplattform sich regelmäßig gegenseitig berichtet, damit keine "
        "doppelten Strukturen entstehen.",
        [],
    ),
]

# People of the circle beside the demo's logins: (local part, name, profile), the profile as in
# the ranking set: competences (key, confirming organisation or None), languages (code, speak,
# understand, write), interpreting, sector, district, interests, organisations.
PEOPLE = [
    (
        "leyla.ahmadi",
        "Leyla Ahmadi",
        {
            "competences": [("tanz", "tanzwerkstatt"), ("theater", None)],
            "free_terms": "Bollywood-Tanz",
            "languages": [("fa", "native", "native", "native"), ("de", "B2", "C1", "B1")],
            "sector": "kultur",
            "district": "Weststadt",
            "interests": ["wohnen-und-leben"],
            "organisations": ["tanzwerkstatt"],
            "public": True,
        },
    ),
    (
        "jonas.weber",
        "Jonas Weber",
        {
            "competences": [("film", None), ("fotografie", None), ("soziale_medien", None)],
            "languages": [("de", "native", "native", "native"), ("en", "C1", "C1", "B2")],
            "sector": "kultur",
            "district": "Innenstadt",
            "interests": ["wohnen-und-leben"],
            "public": True,
        },
    ),
    (
        "mariam.tesfay",
        "Mariam Tesfay",
        {
            "competences": [("bildende_kunst", None), ("naehen", None)],
            "free_terms": "Keramik",
            "languages": [
                ("ti", "native", "native", "B2"),
                ("de", "B1", "B2", "A2"),
                ("ar", "B1", "B1", None),
            ],
            "sector": "kultur",
            "interests": ["wohnen-und-leben"],
        },
    ),
    (
        "dmytro.bondarenko",
        "Dmytro Bondarenko",
        {
            "competences": [("musik", None), ("film", None)],
            "languages": [
                ("uk", "native", "native", "native"),
                ("ru", "C2", "C2", "C1"),
                ("de", "B1", "B1", "A2"),
            ],
            "sector": "studium",
            "interests": ["wirtschaft-und-berufliche-bildung"],
        },
    ),
    (
        "ewa.nowak",
        "Ewa Nowak",
        {
            "competences": [("kinderbetreuung", "familienzentrum"), ("elternarbeit", None)],
            "languages": [("pl", "native", "native", "native"), ("de", "C1", "C1", "B2")],
            "sector": "bildung",
            "district": "Südstadt",
            "interests": ["fruehkindliche-und-schulische-bildung"],
            "organisations": ["familienzentrum"],
        },
    ),
    (
        "samir.rahimi",
        "Samir Rahimi",
        {
            "competences": [("behoerdenbegleitung", "arbeitskreis-asyl"), ("aufenthaltsrecht", None)],
            "languages": [
                ("prs", "native", "native", "native"),
                ("ps", "C1", "C1", "B1"),
                ("de", "C1", "C1", "B2"),
            ],
            "interpreting": 2,
            "sector": "soziale_arbeit",
            "interests": ["wohnen-und-leben"],
            "organisations": ["arbeitskreis-asyl"],
        },
    ),
    (
        "guel.aydin",
        "Gül Aydın",
        {
            "competences": [("elternarbeit", None), ("wohnungssuche", None)],
            "languages": [("tr", "native", "native", "native"), ("de", "native", "native", "C2")],
            "interpreting": 1,
            "sector": "ehrenamt",
            "district": "Oststadt",
            "interests": ["wohnen-und-leben", "fruehkindliche-und-schulische-bildung"],
        },
    ),
    (
        "thomas.krueger",
        "Thomas Krüger",
        {
            "competences": [
                ("bewerbungstraining", None),
                ("handwerk", None),
                ("ausbildungspatenschaft", None),
            ],
            "languages": [("de", "native", "native", "native")],
            "sector": "ruhestand",
            "interests": ["wirtschaft-und-berufliche-bildung"],
            "organisations": ["arbeitskreis-asyl"],
            "suggest_me": False,
        },
    ),
]

# The demo's logins with profiles of their own.
LOGIN_PROFILES = {
    "mitglied": {
        "competences": [("hausaufgabenhilfe", "arbeitskreis-asyl"), ("kochen", None), ("elternarbeit", None)],
        "languages": [
            ("ar", "native", "native", "native"),
            ("de", "B2", "C1", "B1"),
            ("fr", "B1", "B2", "A2"),
        ],
        "interpreting": 1,
        "sector": "ehrenamt",
        "district": "Oststadt",
        "interests": ["fruehkindliche-und-schulische-bildung", "wohnen-und-leben"],
        "organisations": ["arbeitskreis-asyl"],
    },
    "nachbarschaft": {
        "competences": [("nachbarschaftsarbeit", None), ("fahrradwerkstatt", None), ("wohnungssuche", None)],
        "languages": [("tr", "native", "native", "native"), ("de", "native", "native", "C2")],
        "sector": "wirtschaft",
        "district": "Oststadt",
        "interests": ["wohnen-und-leben"],
    },
    "multiplikator": {
        "competences": [("moderation", None), ("veranstaltungen", None), ("ausbildungspatenschaft", None)],
        "languages": [("de", "native", "native", "native"), ("en", "B2", "C1", "B2")],
        "sector": "ehrenamt",
        "interests": ["wirtschaft-und-berufliche-bildung"],
        "organisations": ["arbeitskreis-asyl"],
        "contact": ["arbeitskreis-asyl"],
    },
    "uebersetzung": {
        "competences": [("daz_unterricht", "volkshochschule")],
        "languages": [
            ("uk", "native", "native", "native"),
            ("ru", "C2", "C2", "C2"),
            ("de", "C1", "C2", "C1"),
        ],
        "interpreting": 2,
        "sector": "bildung",
        "organisations": ["volkshochschule"],
    },
    "verwaltung": {
        "competences": [("sozialleistungen", None), ("datenanalyse", None)],
        "languages": [("ru", "native", "native", "native"), ("de", "native", "native", "native")],
        "sector": "verwaltung",
        "organisations": ["fachbereich-soziales"],
        "contact": ["fachbereich-soziales"],
    },
    "expertin": {
        "competences": [
            ("berufsorientierung", None),
            ("anerkennung_abschluesse", None),
            ("datenanalyse", None),
        ],
        "languages": [("de", "native", "native", "native"), ("en", "C1", "C1", "C1")],
        "sector": "bildung",
        "interests": ["wirtschaft-und-berufliche-bildung"],
    },
}

CALLS = [
    {
        "title": "Gesucht: Menschen, die kreativ arbeiten – Tanz, Kunst, Film",
        "text": "Der Initiativkreis lädt zu einem Workshop ein: Wie erzählen wir vom Ankommen in Kornwestheim "
        "mit Tanz, Bildern und kurzen Filmen? Wir suchen Menschen, die tanzen, malen, filmen oder "
        "Theater spielen – egal in welcher Sprache. Der Workshop findet an zwei Samstagen im "
        "Kulturhaus statt.",
        "field": "wohnen-und-leben",
        "competences": [
            ("tanz", False),
            ("bildende_kunst", False),
            ("film", False),
            ("theater", False),
            ("fotografie", False),
            ("musik", False),
        ],
        "sector": "kultur",
        "status": CallStatus.PUBLISHED,
        "days_ago": 9,
    },
    {
        "title": "Gesucht: Hausaufgabenhilfe auf Arabisch an der Silcherschule",
        "text": "Zweimal in der Woche, dienstags und donnerstags von 14 bis 16 Uhr, begleiten Ehrenamtliche "
        "Kinder der Klassen 3 bis 6 bei den Hausaufgaben. Wer mit den Kindern und ihren Eltern auch "
        "Arabisch sprechen kann, hilft besonders.",
        "field": "fruehkindliche-und-schulische-bildung",
        "involves_vulnerable": True,
        "competences": [("hausaufgabenhilfe", True), ("elternarbeit", False)],
        "languages": [("ar", "speak", "B1", True)],
        "status": CallStatus.PUBLISHED,
        "days_ago": 4,
    },
    {
        "title": "Gesucht: Begleitung zur Ausländerbehörde auf Dari oder Paschtu",
        "text": "Familien aus Afghanistan brauchen Begleitung zu Terminen bei der Ausländerbehörde in "
        "Ludwigsburg. Wer Dari oder Paschtu spricht und schon einmal gedolmetscht hat, kann "
        "helfen, dass nichts falsch verstanden wird.",
        "field": "wohnen-und-leben",
        "competences": [("behoerdenbegleitung", False), ("aufenthaltsrecht", False)],
        "languages": [("prs", "speak", "B2", False), ("ps", "speak", "B2", False)],
        "interpreting_min": 1,
        "status": CallStatus.PUBLISHED,
        "days_ago": 2,
    },
    {
        "title": "Gesucht: Patinnen und Paten für Auszubildende",
        "text": "Junge Geflüchtete in der Ausbildung suchen eine Patin oder einen Paten, die sie ein Jahr lang "
        "begleiten: bei der Berufsschule, im Betrieb und bei Fragen des Alltags.",
        "field": "wirtschaft-und-berufliche-bildung",
        "competences": [("ausbildungspatenschaft", True), ("bewerbungstraining", False)],
        "sector": "wirtschaft",
        "status": CallStatus.DRAFT,
        "days_ago": 1,
    },
]


def load(town, stdout):
    if Competence.objects.for_municipality(town).exists():
        return
    competences = {}
    for position, (key, name) in enumerate(COMPETENCES):
        competences[key] = Competence.objects.create(municipality=town, name=name, position=position)
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    districts = {district.name: district for district in District.objects.for_municipality(town)}
    organisations = {}
    for slug, name, kind, description, field_slugs in ORGANISATIONS:
        organisation = Organisation.objects.create(
            municipality=town, slug=slug, name=name, kind=kind, description=description
        )
        organisation.fields.set([fields[slug] for slug in field_slugs if slug in fields])
        organisations[slug] = organisation
    people = members_by_local_part(town)
    for local_part, name, _data in PEOPLE:
        email = demo_email(local_part)
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, DEMO_PASSWORD, display_name=name
        )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people[local_part], _ = Member.objects.get_or_create(
            municipality=town, user=user, defaults={"role_sectors": {Role.MEMBER: ""}}
        )
    now = timezone.now()
    for local_part, data in [*LOGIN_PROFILES.items(), *((lp, data) for lp, _n, data in PEOPLE)]:
        member = people.get(local_part)
        if member is not None:
            _profile(town, member, data, competences, organisations, fields, districts, now)
    _calls(town, people, competences, fields, now)


def _profile(town, member, data, competences, organisations, fields, districts, now):
    public = Visibility.PUBLIC if data.get("public") else Visibility.MEMBERS
    profile = Profile.objects.create(
        municipality=town,
        member=member,
        free_terms=data.get("free_terms", ""),
        interpreting=data.get("interpreting", 0),
        sector=data.get("sector", ""),
        district=districts.get(data.get("district")),
        suggest_me=data.get("suggest_me", True),
        competences_visible_to=public,
        sector_visible_to=public,
        organisations_visible_to=public,
    )
    profile.interests.set([fields[slug] for slug in data.get("interests", ()) if slug in fields])
    for key, confirmed_by in data["competences"]:
        MemberCompetence.objects.create(
            municipality=town,
            profile=profile,
            competence=competences[key],
            confirmed_by=organisations.get(confirmed_by),
            confirmed_at=now - timedelta(days=30) if confirmed_by else None,
        )
    for code, speak, understand, write in data["languages"]:
        levels = [LEVEL_CODES.get(level, 0) if level else 0 for level in (speak, understand, write)]
        MemberLanguage.objects.create(
            municipality=town,
            profile=profile,
            language=code,
            speak=levels[0],
            understand=levels[1],
            write=levels[2],
        )
    for slug in data.get("organisations", ()):
        OrganisationMembership.objects.create(
            municipality=town,
            organisation=organisations[slug],
            member=member,
            is_contact=slug in data.get("contact", ()),
        )


def _calls(town, people, competences, fields, now):
    admin = people.get("admin")
    made = []
    for data in CALLS:
        published = now - timedelta(days=data["days_ago"])
        call = Call.objects.create(
            municipality=town,
            title=data["title"],
            text=data["text"],
            field=fields.get(data["field"]),
            involves_vulnerable=data.get("involves_vulnerable", False),
            interpreting_min=data.get("interpreting_min", 0),
            sector=data.get("sector", ""),
            status=data["status"],
            published_at=published if data["status"] == CallStatus.PUBLISHED else None,
            created_by=admin,
            created_at=published,
        )
        for key, must in data["competences"]:
            CallCompetence.objects.create(
                municipality=town, call=call, competence=competences[key], must=must
            )
        for code, skill, level, must in data.get("languages", ()):
            CallLanguage.objects.create(
                municipality=town,
                call=call,
                language=code,
                skill=skill,
                min_level=LEVEL_CODES[level],
                must=must,
            )
        made.append(call)
    creative, homework, _authorities, _draft = made
    # The creative call: a visitor and a member answered; two who fit were asked, one said yes.
    CallAnswer.objects.create(
        municipality=town,
        call=creative,
        name="Carla Romano",
        email="carla.romano@example.org",
        message="Ich leite eine Tanzgruppe für Frauen in Pattonville und komme gern mit zwei Teilnehmerinnen.",
        created_at=now - timedelta(days=6),
    )
    if "dmytro.bondarenko" in people:
        CallAnswer.objects.create(
            municipality=town,
            call=creative,
            member=people["dmytro.bondarenko"],
            message="Ich mache Musik und kleine Filme mit dem Handy. Samstags habe ich Zeit.",
            created_at=now - timedelta(days=5),
        )
    _ask(creative, people, ["leyla.ahmadi", "jonas.weber"], admin, now, accepted={"leyla.ahmadi"})
    _ask(homework, people, ["mitglied"], admin, now)


def _ask(call, people, local_parts, admin, now, accepted=()):
    """Requests to members as the admin would send them: with the score and reasons they had."""
    from ankommen.circle import matching

    fitting = {match.member_id: match for match in matching.rank(call, limit=None, with_members=False)}
    for local_part in local_parts:
        member = people.get(local_part)
        match = fitting.get(getattr(member, "pk", None))
        if match is None:
            continue
        CallInvitation.objects.create(
            municipality=call.municipality,
            call=call,
            member=member,
            score=match.score,
            reasons=[reason.as_json() for reason in match.reasons],
            invited_by=admin,
            invited_at=now - timedelta(days=3),
            status=InvitationStatus.ACCEPTED if local_part in accepted else InvitationStatus.INVITED,
            answered_at=now - timedelta(days=2) if local_part in accepted else None,
        )
