"""Every view of the concept, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.core.models import AuditEntry
from tests.permissions import ADMIN, EVERYONE, ROLES, STAFF, Case, check, demo_stage, role_id


def _help_page(slug):
    return HelpPage.objects.get(municipality__slug="kornwestheim", slug=slug)


# The home page and the town's help are for everyone, and so is an archived field's page (the
# dialogue's, met here because the archive is the concept's).
OPEN_TO_EVERYONE = {"concept:home", "concept:help", "concept:help_page", "dialogue:field"}

ARCHIVED = "fruehere-runde"


def prepare_cases(town):
    """An archived field with an archived stage, for the cases that take them out of the archive."""
    field = Field.objects.create(
        municipality=town,
        name="Frühere Runde",
        slug=ARCHIVED,
        summary="Abgeschlossen",
        archived_at=timezone.now(),
    )
    Stage.objects.create(
        municipality=town,
        field=field,
        kind="stocktaking",
        starts_on="2025-01-01",
        ends_on="2025-03-31",
        status="closed",
        archived_at=timezone.now(),
    )
    return field


@pytest.fixture(autouse=True)
def archived_field(town):
    return prepare_cases(town)


def _archived_stage():
    return Stage.objects.get(municipality__slug="kornwestheim", field__slug=ARCHIVED, kind="stocktaking")


CASES = [
    Case(
        "open a planned stage",
        "post",
        lambda: f"/stufen/{demo_stage('fruehkindliche-und-schulische-bildung', 'stocktaking').pk}/oeffnen/",
        STAFF,
        {},
        lambda: Stage.objects.filter(status="open").count(),
    ),
    Case(
        "see which stage opening another closes",
        "get",
        lambda: f"/stufen/{demo_stage('wohnen-und-leben', 'options').pk}/oeffnen/",
        STAFF,
    ),
    Case(
        "open a stage, confirming the running one closes",
        "post",
        lambda: f"/stufen/{demo_stage('wohnen-und-leben', 'options').pk}/oeffnen/",
        STAFF,
        lambda: {"closes": demo_stage("wohnen-und-leben", "stocktaking").pk},
        lambda: Stage.objects.filter(status="open", kind="options").count(),
    ),
    Case(
        "close an open stage",
        "post",
        lambda: f"/stufen/{demo_stage('wohnen-und-leben', 'stocktaking').pk}/schliessen/",
        STAFF,
        {},
        lambda: Stage.objects.filter(status="closed").count(),
    ),
    Case(
        "create field",
        "post",
        lambda: "/verwaltung/handlungsfelder/neu/",
        ADMIN,
        {"name": "Gesundheit", "summary": "Gesundheit und Pflege", "position": "4"},
        lambda: Field.objects.count(),
    ),
    Case(
        "edit field",
        "post",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/",
        ADMIN,
        {"name": "Wohnen", "slug": "wohnen-und-leben", "summary": "Kurz", "position": "1"},
        lambda: Field.objects.filter(name="Wohnen").count(),
    ),
    Case(
        "create stage",
        "post",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        ADMIN,
        {"kind": "decision", "starts_on": "2028-03-01", "ends_on": "2028-03-31"},
        lambda: Stage.objects.count(),
    ),
    Case(
        "edit stage",
        "post",
        lambda: f"/verwaltung/stufen/{demo_stage('wohnen-und-leben', 'options').pk}/",
        ADMIN,
        {
            "kind": "options",
            "starts_on": "2028-01-01",
            "ends_on": "2028-02-28",
            "is_public": "on",
            "contribute_roles": ["multiplier"],
        },
        lambda: Stage.objects.filter(ends_on="2028-02-28").count(),
    ),
    Case(
        "create a help page",
        "post",
        lambda: "/verwaltung/hilfe/neu/",
        ADMIN,
        {
            "title": "Wohnungssuche",
            "summary": "Wie Sie eine Wohnung finden.",
            "body": "Text",
            "position": "9",
        },
        lambda: HelpPage.objects.count(),
    ),
    Case(
        "edit a help page",
        "post",
        lambda: f"/verwaltung/hilfe/{_help_page('mitmachen').pk}/",
        ADMIN,
        {"title": "Mitmachen!", "slug": "mitmachen", "summary": "Kurz", "body": "Text", "position": "1"},
        lambda: HelpPage.objects.filter(title="Mitmachen!").count(),
    ),
    Case(
        "remove a help page",
        "post",
        lambda: f"/verwaltung/hilfe/{_help_page('kontakt').pk}/entfernen/",
        ADMIN,
        {},
        lambda: HelpPage.objects.count(),
    ),
    Case("see the field form", "get", lambda: "/verwaltung/handlungsfelder/neu/", ADMIN),
    Case("see a field's form", "get", lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/", ADMIN),
    Case(
        "see the stage form", "get", lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/", ADMIN
    ),
    Case(
        "see a stage's form",
        "get",
        lambda: f"/verwaltung/stufen/{demo_stage('wohnen-und-leben', 'options').pk}/",
        ADMIN,
    ),
    Case("see a help page's form", "get", lambda: f"/verwaltung/hilfe/{_help_page('mitmachen').pk}/", ADMIN),
    Case(
        "see the archiving's confirmation",
        "get",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/",
        ADMIN,
    ),
    Case(
        "archive a field",
        "post",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/",
        ADMIN,
        {},
        lambda: Field.objects.archived().count(),
    ),
    Case(
        "see the confirmation before taking a field out of the archive",
        "get",
        lambda: f"/verwaltung/handlungsfelder/{ARCHIVED}/zurueckholen/",
        ADMIN,
    ),
    Case(
        "take a field out of the archive",
        "post",
        lambda: f"/verwaltung/handlungsfelder/{ARCHIVED}/zurueckholen/",
        ADMIN,
        {},
        lambda: Field.objects.archived().count(),
    ),
    Case(
        "see a stage's archiving confirmation",
        "get",
        lambda: f"/verwaltung/stufen/{demo_stage('wohnen-und-leben', 'options').pk}/archivieren/",
        ADMIN,
    ),
    Case(
        "archive a stage",
        "post",
        lambda: f"/verwaltung/stufen/{demo_stage('wohnen-und-leben', 'stocktaking').pk}/archivieren/",
        ADMIN,
        {},
        lambda: Stage.objects.filter(archived_at__isnull=False).count(),
    ),
    Case(
        "see the confirmation before taking a stage out of the archive",
        "get",
        lambda: f"/verwaltung/stufen/{_archived_stage().pk}/zurueckholen/",
        ADMIN,
    ),
    Case(
        "take a stage out of the archive",
        "post",
        lambda: f"/verwaltung/stufen/{_archived_stage().pk}/zurueckholen/",
        ADMIN,
        {},
        lambda: Stage.objects.filter(archived_at__isnull=False).count(),
    ),
    Case(
        "open a stage of an archived field",
        "post",
        lambda: f"/stufen/{_archived_stage().pk}/oeffnen/",
        set(),
        {},
        lambda: Stage.objects.filter(status="open").count(),
    ),
    Case("read an archived field's page", "get", lambda: f"/handlungsfelder/{ARCHIVED}/", EVERYONE),
    Case("see the help pages to manage", "get", lambda: "/verwaltung/hilfe/", ADMIN),
    Case("see the help page form", "get", lambda: "/verwaltung/hilfe/neu/", ADMIN),
    Case("see the fields to manage", "get", lambda: "/verwaltung/handlungsfelder/", ADMIN),
    Case("see the home page", "get", lambda: "/", EVERYONE),
    Case("read the help", "get", lambda: "/hilfe/", EVERYONE),
    Case("read a help page", "get", lambda: "/hilfe/mitmachen/", EVERYONE),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)


def test_opening_a_stage_is_audited_and_never_redirects_elsewhere(client_as):
    client = client_as("moderation")
    stage = demo_stage("fruehkindliche-und-schulische-bildung", "stocktaking")
    response = client.post(f"/stufen/{stage.pk}/oeffnen/", {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == stage.field.get_absolute_url()
    assert AuditEntry.objects.filter(action="stage.opened", target_id=stage.pk).exists()
    assert timezone.now() - AuditEntry.objects.latest("created_at").created_at < timedelta(minutes=1)
