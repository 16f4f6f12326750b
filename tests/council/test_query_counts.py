"""The council's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured. The documents (PDF, DOCX) are held to their own
count in tests/council/test_documents.py.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ankommen.circle.models import Organisation, OrganisationMembership
from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    CoSignature,
    Decision,
    ImportRun,
    Measure,
    Meeting,
    Membership,
    Person,
    Submission,
    SubmissionVersion,
)
from tests.queries import Page, pin

TOWN = "kornwestheim"


def _seed():
    return Submission.objects.get(municipality__slug=TOWN, reference="2017/045")


def _draft():
    return Submission.objects.get(municipality__slug=TOWN, subject__startswith="Ausbildungspatenschaften")


def _seed_decision():
    """The seed's decision (growing the seed's page adds other rows with decisions of their own)."""
    return Decision.objects.get(consultation__submission=_seed(), consultation__position=1)


def _committee():
    return Committee.objects.get(municipality__slug=TOWN, short_name="ASI")


def _meeting():
    return Meeting.objects.filter(municipality__slug=TOWN, committee=_committee()).order_by("start").first()


def _number():
    return Submission.objects.count() + 1


def add_submissions(town, people, count):
    """Released, public submissions, each with a consultation in the committee."""
    for _ in range(count):
        number = _number()
        item = Submission.objects.create(
            municipality=town, reference=f"T/{number:05d}", subject=f"Vorlage {number}", status="released"
        )
        Consultation.objects.create(municipality=town, submission=item, committee=_committee())


def add_to_the_seed(town, people, count):
    """More rows in the seed's consultation sequence (decided), files and co-signatures."""
    seed = _seed()
    departments = list(Organisation.objects.filter(municipality=town, kind="department"))
    for number in range(count):
        row = Consultation.objects.create(
            municipality=town,
            submission=seed,
            committee=_committee(),
            position=10 + Consultation.objects.count(),
        )
        Decision.objects.create(municipality=town, consultation=row, outcome="noted")
        Attachment.objects.create(
            municipality=town, submission=seed, title=f"Anlage {number}", position=number + 1
        )
        department = Organisation.objects.create(
            municipality=town,
            slug=f"fachbereich-{Organisation.objects.count()}",
            name="Fachbereich",
            kind="department",
        )
        departments.append(department)
        CoSignature.objects.create(
            municipality=town, submission=seed, department=department, status="signed", version=1
        )


def add_seats(town, people, count):
    for _ in range(count):
        person = Person.objects.create(
            municipality=town, given_name="Rita", family_name=f"Rat {Person.objects.count()}"
        )
        Membership.objects.create(municipality=town, person=person, committee=_committee(), group="SPD")


def add_agenda_items(town, people, count):
    """Decided public items and private ones on the 2017 meeting."""
    meeting = _meeting()
    for number in range(count):
        add_submissions(town, people, 1)
        row = Consultation.objects.order_by("-pk").first()
        row.meeting = meeting
        row.save()
        Decision.objects.create(
            municipality=town, consultation=row, outcome="adopted", votes_yes=5, votes_no=1, votes_abstain=0
        )
        AgendaItem.objects.create(
            municipality=town, meeting=meeting, number=f"{10 + number}", name="Punkt", consultation=row
        )
        AgendaItem.objects.create(
            municipality=town,
            meeting=meeting,
            number=f"N{number}",
            name="Geheim",
            is_public=False,
            nonpublic_reason="personnel",
        )


def add_measures(town, people, count):
    decision = _seed_decision()
    today = timezone.localdate()
    for _ in range(count):
        number = Measure.objects.count()
        Measure.objects.create(
            municipality=town,
            slug=f"massnahme-{number}",
            title=f"Maßnahme {number}",
            decision=decision,
            owner=Organisation.objects.filter(municipality=town).first(),
            due_on=today - timedelta(days=number),
            starts_on=date(2017, 1, 1),
        )


def add_cosignatures(town, people, count):
    """Drafts the multiplier's department is asked to co-sign."""
    finance = Organisation.objects.get(municipality=town, slug="fachbereich-finanzen")
    OrganisationMembership.objects.get_or_create(
        municipality=town, organisation=finance, member=people["multiplikator"]
    )
    for _ in range(count):
        number = _number()
        item = Submission.objects.create(
            municipality=town, reference=f"T/{number:05d}", subject=f"Entwurf {number}"
        )
        CoSignature.objects.create(municipality=town, submission=item, department=finance)


def add_versions(town, people, count):
    draft = _draft()
    for _ in range(count):
        draft.version += 1
        Submission.objects.filter(pk=draft.pk).update(version=draft.version)
        SubmissionVersion.objects.create(
            municipality=town,
            submission=draft,
            number=draft.version,
            parts={"subject": f"Fassung {draft.version}"},
        )


def add_import_runs(town, people, count):
    for _ in range(count):
        ImportRun.objects.create(
            municipality=town, url="https://ratsinfo.example.org/oparl/", started_by=people["admin"]
        )


PAGES = [
    Page("the council", None, lambda: "/gemeinderat/", (5, 5), add_submissions),
    Page("the council for an admin", "admin", lambda: "/gemeinderat/", (8, 8), add_submissions),
    Page("a submission", None, lambda: _seed().get_absolute_url(), (8, 8), add_to_the_seed),
    Page(
        "a submission in Ukrainian",
        None,
        lambda: "/uk" + _seed().get_absolute_url(),
        (11, 11),
        add_to_the_seed,
    ),
    Page("a submission for an admin", "admin", lambda: _seed().get_absolute_url(), (11, 11), add_to_the_seed),
    Page("a committee", None, lambda: _committee().get_absolute_url(), (4, 4), add_seats),
    Page("a meeting", None, lambda: _meeting().get_absolute_url(), (5, 5), add_agenda_items),
    Page("a meeting for an admin", "admin", lambda: _meeting().get_absolute_url(), (8, 8), add_agenda_items),
    Page("the measures", None, lambda: "/massnahmen/", (2, 2), add_measures),
    Page("the measures in Arabic", None, lambda: "/ar/massnahmen/", (4, 4), add_measures),
    Page(
        "a measure", None, lambda: "/massnahmen/" + Measure.objects.order_by("pk").first().slug + "/", (2, 2)
    ),
    Page("one's co-signatures", "multiplikator", lambda: "/konto/mitzeichnungen/", (5, 5), add_cosignatures),
    Page(
        "co-signing",
        "multiplikator",
        lambda: (
            f"/vorlagen/mitzeichnung/{CoSignature.objects.get(submission=_draft(), department__slug='fachbereich-finanzen').pk}/"
        ),
        (6, 6),
        lambda town, people, count: add_cosignatures(town, people, 0),
    ),
    Page("the committee form", "admin", lambda: "/verwaltung/gremien/neu/", (4, 4)),
    Page("a committee's form", "admin", lambda: f"/verwaltung/gremien/{_committee().pk}/", (5, 5)),
    Page(
        "the seat form",
        "admin",
        lambda: f"/verwaltung/gremien/{_committee().pk}/mitglied/",
        (7, 7),
        add_seats,
    ),
    Page("the person form", "admin", lambda: "/verwaltung/personen/neu/", (4, 4)),
    Page("the place form", "admin", lambda: "/verwaltung/sitzungsorte/neu/", (4, 4)),
    Page("the meeting form", "admin", lambda: "/verwaltung/sitzungen/neu/", (8, 8)),
    Page("a meeting's form", "admin", lambda: f"/verwaltung/sitzungen/{_meeting().pk}/", (9, 9)),
    Page("the agenda form", "admin", lambda: f"/verwaltung/sitzungen/{_meeting().pk}/tagesordnung/", (7, 7)),
    Page(
        "a meeting's report of measures",
        "admin",
        lambda: (
            f"/verwaltung/sitzungen/{Meeting.objects.filter(committee=_committee()).order_by('-start').first().pk}/massnahmenbericht/"
        ),
        (6, 6),
        add_measures,
    ),
    Page("the new submission form", "admin", lambda: "/verwaltung/vorlagen/neu/", (8, 8)),
    Page("the submission editor", "admin", lambda: f"/verwaltung/vorlagen/{_draft().pk}/", (7, 7)),
    Page(
        "the versions",
        "admin",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/fassungen/",
        (6, 6),
        add_versions,
    ),
    Page("the consultation form", "admin", lambda: f"/verwaltung/vorlagen/{_draft().pk}/beratung/", (10, 10)),
    Page("the attachment form", "admin", lambda: f"/verwaltung/vorlagen/{_draft().pk}/anlage/", (5, 5)),
    Page(
        "the co-signature request",
        "admin",
        lambda: f"/verwaltung/vorlagen/{_draft().pk}/mitzeichnung/",
        (7, 7),
    ),
    Page(
        "the withdrawal page", "admin", lambda: f"/verwaltung/vorlagen/{_draft().pk}/zurueckziehen/", (5, 5)
    ),
    Page(
        "the decision form",
        "admin",
        lambda: (
            f"/verwaltung/beratungen/{Consultation.objects.get(submission__reference='2026/900').pk}/beschluss/"
        ),
        (9, 9),
    ),
    Page(
        "a decision's texts",
        "admin",
        lambda: f"/verwaltung/beschluesse/{_seed_decision().pk}/",
        (5, 5),
    ),
    Page(
        "the announcement page",
        "admin",
        lambda: (
            f"/verwaltung/beschluesse/{Decision.objects.get(consultation__submission__reference='2026/901').pk}/bekanntgeben/"
        ),
        (5, 5),
    ),
    Page(
        "the release page",
        "admin",
        lambda: f"/verwaltung/vorlagen/{Submission.objects.get(reference='2026/899').pk}/freigeben/",
        (6, 6),
    ),
    Page(
        "the new measure form",
        "admin",
        lambda: f"/verwaltung/beschluesse/{_seed_decision().pk}/massnahme/",
        (11, 11),
    ),
    Page(
        "a measure's form",
        "admin",
        lambda: f"/verwaltung/massnahmen/{Measure.objects.order_by('pk').first().slug}/",
        (11, 11),
    ),
    Page("the imports", "admin", lambda: "/verwaltung/gemeinderat/import/", (5, 5), add_import_runs),
    Page(
        "an import",
        "admin",
        lambda: (
            f"/verwaltung/gemeinderat/import/{ImportRun.objects.filter(municipality__slug=TOWN).first().pk}/"
        ),
        (5, 5),
    ),
]


@pytest.fixture(autouse=True)
def _prepared(town):
    from tests.council.test_permissions import prepare_cases

    prepare_cases(town)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
