"""Every view of the council, every role: allowed requests succeed, refused ones change nothing.

See tests/permissions.py for the matrix. The demo holds the seed's submission (decided), a private
matter (decided, announced) and a draft of today waiting for the finance department's co-signature;
`prepare_cases` adds a draft that can be released, a released submission waiting for its decision, a
private decision not yet announced, and puts the multiplier into the finance department.
"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.accounts.models import Member
from ankommen.circle.models import Organisation, OrganisationMembership
from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    CoSignature,
    Decision,
    ImportRun,
    Location,
    Measure,
    Meeting,
    Membership,
    Person,
    Submission,
    SubmissionVersion,
)
from tests.permissions import ADMIN, EVERYONE, MEMBERS, ROLES, Case, check, role_id

TOWN = "kornwestheim"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _submission(reference):
    return Submission.objects.get(municipality__slug=TOWN, reference=reference)


def _seed():
    return _submission("2017/045")


def _draft():
    return Submission.objects.get(municipality__slug=TOWN, subject__startswith="Ausbildungspatenschaften")


def _committee():
    return Committee.objects.get(municipality__slug=TOWN, short_name="ASI")


def _meeting():
    return Meeting.objects.filter(municipality__slug=TOWN, committee=_committee()).order_by("start").first()


def _measure():
    return Measure.objects.filter(municipality__slug=TOWN).order_by("pk").first()


def _finance_cosignature():
    return CoSignature.objects.get(submission=_draft(), department__slug="fachbereich-finanzen")


def _waiting():
    """The released submission's consultation that has no decision yet."""
    return Consultation.objects.get(submission__reference="2026/900")


def _private_decision():
    return Decision.objects.get(consultation__submission__reference="2026/901")


def _import_run():
    return ImportRun.objects.get(municipality__slug=TOWN, url="https://ratsinfo.example.org/oparl/v1.1/")


def prepare_cases(town):
    ImportRun.objects.get_or_create(
        municipality=town,
        url="https://ratsinfo.example.org/oparl/v1.1/",
        defaults={
            "status": "done",
            "counts": {"paper": {"read": 3, "created": 3}},
            "log": "Liste person: 404",
        },
    )
    committee = Committee.objects.get(municipality=town, short_name="ASI")
    multiplier = Member.objects.get(municipality=town, user__email__startswith="multiplikator@")
    OrganisationMembership.objects.get_or_create(
        municipality=town,
        organisation=Organisation.objects.get(municipality=town, slug="fachbereich-finanzen"),
        member=multiplier,
    )
    releasable, _ = Submission.objects.get_or_create(
        municipality=town, reference="2026/899", defaults={"subject": "Sprachcafé in der Stadtbücherei"}
    )
    if not releasable.consultations.exists():
        Consultation.objects.create(municipality=town, submission=releasable, committee=committee)
    released, _ = Submission.objects.get_or_create(
        municipality=town,
        reference="2026/900",
        defaults={"subject": "Lernpaten an Grundschulen", "status": "released"},
    )
    if not released.consultations.exists():
        Consultation.objects.create(
            municipality=town, submission=released, committee=committee, meeting_date=date(2026, 12, 10)
        )
    private, created = Submission.objects.get_or_create(
        municipality=town,
        reference="2026/901",
        defaults={
            "subject": "Personalangelegenheit",
            "status": "decided",
            "is_public": False,
            "nonpublic_reason": "personnel",
        },
    )
    if created:
        row = Consultation.objects.create(
            municipality=town, submission=private, committee=committee, is_public=False
        )
        Decision.objects.create(
            municipality=town, consultation=row, outcome="adopted", votes_yes=9, votes_no=0, votes_abstain=0
        )


@pytest.fixture(autouse=True)
def _prepared(town):
    prepare_cases(town)


OPEN_TO_EVERYONE = {
    "council:overview",
    "council:committee",
    "council:meeting",
    "council:measures",
    "council:measure",
    "council:submission_pdf",
    "council:submission_docx",
}

SUBMISSION_PARTS = {
    "subject": "Ausbildungspatenschaften ausbauen",
    "paper_type": "submission",
    "date": "2026-12-07",
    "decision_proposal": "Der Ausschuss beschließt den Ausbau.",
    "external_participation": "",
    "financial_impact": "",
    "coverage_proposal": "",
    "statement": "Warum\nWeil es hilft.",
    "is_public": "on",
    "nonpublic_reason": "",
}


def _attachment_data():
    return {
        "title": "Ablauf",
        "role": "figure",
        "position": "1",
        "alt_text": "Ein Ablaufplan in drei Schritten",
        "is_public": "on",
        "file": SimpleUploadedFile("ablauf.png", PNG, content_type="image/png"),
    }


CASES = [
    Case("see the council", "get", lambda: "/gemeinderat/", EVERYONE),
    Case("read a public submission", "get", lambda: _seed().get_absolute_url(), EVERYONE),
    Case("read a draft", "get", lambda: _draft().get_absolute_url(), ADMIN | {"multiplikator"}),
    Case("read a private submission", "get", lambda: _submission("2017/046").get_absolute_url(), ADMIN),
    Case("download a submission as PDF", "get", lambda: f"/gemeinderat/vorlagen/{_seed().pk}/pdf/", EVERYONE),
    Case(
        "download a submission as DOCX", "get", lambda: f"/gemeinderat/vorlagen/{_seed().pk}/docx/", EVERYONE
    ),
    Case("see a committee", "get", lambda: _committee().get_absolute_url(), EVERYONE),
    Case("see a meeting", "get", lambda: _meeting().get_absolute_url(), EVERYONE),
    Case("see the measures", "get", lambda: "/massnahmen/", EVERYONE),
    Case("see a measure", "get", lambda: _measure().get_absolute_url(), EVERYONE),
    Case("see one's co-signatures", "get", lambda: "/konto/mitzeichnungen/", MEMBERS),
    Case(
        "see the co-signing page",
        "get",
        lambda: f"/vorlagen/mitzeichnung/{_finance_cosignature().pk}/",
        {"multiplikator"},
    ),
    Case(
        "co-sign for a department",
        "post",
        lambda: f"/vorlagen/mitzeichnung/{_finance_cosignature().pk}/",
        {"multiplikator"},
        {"signed": "1", "comment": ""},
        lambda: CoSignature.objects.filter(status="signed").count(),
    ),
    Case("see the committee form", "get", lambda: "/verwaltung/gremien/neu/", ADMIN),
    Case(
        "add a committee",
        "post",
        lambda: "/verwaltung/gremien/neu/",
        ADMIN,
        {"name": "Integrationsbeirat", "classification": "Beirat"},
        lambda: Committee.objects.count(),
    ),
    Case("see a committee's form", "get", lambda: f"/verwaltung/gremien/{_committee().pk}/", ADMIN),
    Case(
        "change a committee",
        "post",
        lambda: f"/verwaltung/gremien/{_committee().pk}/",
        ADMIN,
        {
            "name": "Ausschuss für Soziales, Integration und Teilhabe",
            "short_name": "ASI",
            "classification": "Ausschuss",
        },
        lambda: Committee.objects.filter(name__contains="Teilhabe").count(),
    ),
    Case("see the seat form", "get", lambda: f"/verwaltung/gremien/{_committee().pk}/mitglied/", ADMIN),
    Case(
        "add a seat",
        "post",
        lambda: f"/verwaltung/gremien/{_committee().pk}/mitglied/",
        ADMIN,
        lambda: {
            "person": str(Person.objects.get(family_name="Schäfer").pk),
            "role": "member",
            "voting_right": "on",
        },
        lambda: Membership.objects.count(),
    ),
    Case("see the person form", "get", lambda: "/verwaltung/personen/neu/", ADMIN),
    Case(
        "add a person",
        "post",
        lambda: "/verwaltung/personen/neu/",
        ADMIN,
        {"given_name": "Aylin", "family_name": "Kurt"},
        lambda: Person.objects.count(),
    ),
    Case("see the place form", "get", lambda: "/verwaltung/sitzungsorte/neu/", ADMIN),
    Case(
        "add a place",
        "post",
        lambda: "/verwaltung/sitzungsorte/neu/",
        ADMIN,
        {"description": "Kulturhaus, Saal"},
        lambda: Location.objects.count(),
    ),
    Case("see the meeting form", "get", lambda: "/verwaltung/sitzungen/neu/", ADMIN),
    Case(
        "add a meeting",
        "post",
        lambda: "/verwaltung/sitzungen/neu/",
        ADMIN,
        lambda: {"committee": str(_committee().pk), "day": "2027-02-03", "starts_at": "17:00"},
        lambda: Meeting.objects.count(),
    ),
    Case("see a meeting's form", "get", lambda: f"/verwaltung/sitzungen/{_meeting().pk}/", ADMIN),
    Case(
        "change a meeting",
        "post",
        lambda: f"/verwaltung/sitzungen/{_meeting().pk}/",
        ADMIN,
        lambda: {
            "committee": str(_committee().pk),
            "day": "2017-03-22",
            "starts_at": "18:00",
            "ends_at": "20:00",
        },
        lambda: Meeting.objects.filter(start__hour=17).count(),
    ),
    Case("see the agenda form", "get", lambda: f"/verwaltung/sitzungen/{_meeting().pk}/tagesordnung/", ADMIN),
    Case(
        "add an agenda item",
        "post",
        lambda: f"/verwaltung/sitzungen/{_meeting().pk}/tagesordnung/",
        ADMIN,
        {"number": "4", "name": "Verschiedenes", "is_public": "on"},
        lambda: AgendaItem.objects.count(),
    ),
    Case(
        "see a meeting's report of measures",
        "get",
        lambda: f"/verwaltung/sitzungen/{_meeting().pk}/massnahmenbericht/",
        ADMIN,
    ),
    Case("see the new submission form", "get", lambda: "/verwaltung/vorlagen/neu/", ADMIN),
    Case(
        "write a submission",
        "post",
        lambda: "/verwaltung/vorlagen/neu/",
        ADMIN,
        {**SUBMISSION_PARTS, "reference": ""},
        lambda: Submission.objects.count(),
    ),
    Case("see the submission editor", "get", lambda: f"/verwaltung/vorlagen/{_draft().pk}/", ADMIN),
    Case(
        "save a submission",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/",
        ADMIN,
        lambda: {**SUBMISSION_PARTS, "version": str(_draft().version)},
        lambda: SubmissionVersion.objects.count(),
    ),
    Case("compare versions", "get", lambda: f"/verwaltung/vorlagen/{_draft().pk}/fassungen/", ADMIN),
    Case("see the consultation form", "get", lambda: f"/verwaltung/vorlagen/{_draft().pk}/beratung/", ADMIN),
    Case(
        "add a consultation",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/beratung/",
        ADMIN,
        lambda: {
            "committee": str(Committee.objects.get(municipality__slug=TOWN, short_name="GR").pk),
            "role": "decision",
            "is_public": "on",
            "position": "2",
        },
        lambda: Consultation.objects.count(),
    ),
    Case("see the attachment form", "get", lambda: f"/verwaltung/vorlagen/{_draft().pk}/anlage/", ADMIN),
    Case(
        "attach a figure",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/anlage/",
        ADMIN,
        _attachment_data,
        lambda: Attachment.objects.count(),
    ),
    Case(
        "see the co-signature request",
        "get",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/mitzeichnung/",
        ADMIN,
    ),
    Case(
        "ask a department to co-sign",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/mitzeichnung/",
        ADMIN,
        lambda: {
            "department": str(Organisation.objects.get(slug="fachbereich-bildung").pk),
            "required": "on",
        },
        lambda: CoSignature.objects.count(),
    ),
    Case(
        "see the release page",
        "get",
        lambda: f"/verwaltung/vorlagen/{_submission('2026/899').pk}/freigeben/",
        ADMIN,
    ),
    Case(
        "release a submission",
        "post",
        lambda: f"/verwaltung/vorlagen/{_submission('2026/899').pk}/freigeben/",
        ADMIN,
        {},
        lambda: Submission.objects.filter(status="released").count(),
    ),
    Case(
        "release a submission still waiting for a co-signature",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/freigeben/",
        set(),
        {},
        refused_with={"admin": 403},
    ),
    Case(
        "see the withdrawal page", "get", lambda: f"/verwaltung/vorlagen/{_draft().pk}/zurueckziehen/", ADMIN
    ),
    Case(
        "withdraw a submission",
        "post",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/zurueckziehen/",
        ADMIN,
        {},
        lambda: Submission.objects.filter(status="withdrawn").count(),
    ),
    Case("see the decision form", "get", lambda: f"/verwaltung/beratungen/{_waiting().pk}/beschluss/", ADMIN),
    Case(
        "record a decision",
        "post",
        lambda: f"/verwaltung/beratungen/{_waiting().pk}/beschluss/",
        ADMIN,
        {"outcome": "adopted", "votes_yes": "10", "votes_no": "2", "votes_abstain": "0"},
        lambda: Decision.objects.count(),
    ),
    Case(
        "see a decision's texts",
        "get",
        lambda: f"/verwaltung/beschluesse/{_seed().consultations.get().decision.pk}/",
        ADMIN,
    ),
    Case(
        "explain a decision",
        "post",
        lambda: f"/verwaltung/beschluesse/{_seed().consultations.get().decision.pk}/",
        ADMIN,
        {"summary": "Der Ausschuss hat ja gesagt.", "no_measure_reason": ""},
        lambda: Decision.objects.filter(summary="Der Ausschuss hat ja gesagt.").count(),
    ),
    Case(
        "see the announcement page",
        "get",
        lambda: f"/verwaltung/beschluesse/{_private_decision().pk}/bekanntgeben/",
        ADMIN,
    ),
    Case(
        "announce a private decision",
        "post",
        lambda: f"/verwaltung/beschluesse/{_private_decision().pk}/bekanntgeben/",
        ADMIN,
        {},
        lambda: Decision.objects.filter(announced_at__isnull=False).count(),
    ),
    Case(
        "see the new measure form",
        "get",
        lambda: f"/verwaltung/beschluesse/{_seed().consultations.get().decision.pk}/massnahme/",
        ADMIN,
    ),
    Case(
        "add a measure",
        "post",
        lambda: f"/verwaltung/beschluesse/{_seed().consultations.get().decision.pk}/massnahme/",
        ADMIN,
        {"title": "Sprachpatenschaften", "status": "planned", "progress": "0"},
        lambda: Measure.objects.count(),
    ),
    Case("see the imports", "get", lambda: "/verwaltung/gemeinderat/import/", ADMIN),
    Case(
        "start an import",
        "post",
        lambda: "/verwaltung/gemeinderat/import/",
        ADMIN,
        {"url": "http://127.0.0.1:9/oparl/v1.1/"},  # nobody answers: the run ends failed, at once in tests
        lambda: ImportRun.objects.count(),
    ),
    Case("see an import", "get", lambda: f"/verwaltung/gemeinderat/import/{_import_run().pk}/", ADMIN),
    Case("see a measure's form", "get", lambda: f"/verwaltung/massnahmen/{_measure().slug}/", ADMIN),
    Case(
        "update a measure",
        "post",
        lambda: f"/verwaltung/massnahmen/{_measure().slug}/",
        ADMIN,
        lambda: {"title": _measure().title, "status": "stopped", "progress": "100"},
        lambda: Measure.objects.filter(status="stopped").count(),
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
