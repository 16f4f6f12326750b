"""Every view, every role: allowed requests succeed, forbidden ones are refused by the server.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database. Direct POSTs are used throughout, as an attacker
would send them, without the page that hides the button.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from ankommen.accounts.models import Invitation, Member
from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.core.models import AuditEntry, Translation
from ankommen.dialogue.models import Comment, Contribution, Report, Support
from tests.permissions import ADMIN, MEMBERS, ROLES, STAFF, TRANSLATORS, Case, check, role_id


def _stage(field_slug, kind):
    return Stage.objects.get(municipality__slug="kornwestheim", field__slug=field_slug, kind=kind)


def _field_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Field).pk


def _help_page(slug):
    return HelpPage.objects.get(municipality__slug="kornwestheim", slug=slug)


def _contribution(title):
    return Contribution.objects.get(municipality__slug="kornwestheim", title=title)


OPEN_FINDING = "Begegnungscafé im Stadtteilzentrum"
CLOSED_FINDING = "Anerkennung ausländischer Abschlüsse dauert zu lange"
OPEN_OPTION = "Beratungstag zur Anerkennung von Abschlüssen"
UNSUPPORTED_OPTION = "Eine Idee, die noch niemand unterstützt"


@pytest.fixture(autouse=True)
def unsupported_option(people):
    stage = _stage("wirtschaft-und-berufliche-bildung", "options")
    return Contribution.objects.create(
        municipality=stage.municipality,
        field=stage.field,
        stage=stage,
        kind="option",
        title=UNSUPPORTED_OPTION,
        body="Neu.",
        author=people["verwaltung"],
    )


CASES = [
    Case(
        "add finding in open stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
        ),
        {"expertin", "admin"},
        {
            "finding_kind": "need",
            "title": "Mehr Sprachcafés",
            "body": "In der Oststadt fehlt ein Treffpunkt.",
        },
        lambda: Contribution.objects.count(),
        # Moderators may only enter what someone handed in on paper: without a name it is incomplete.
        refused_with={"moderation": 400},
    ),
    Case(
        "record a finding handed in on paper",
        "post",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
        ),
        STAFF,
        {
            "finding_kind": "need",
            "title": "Spielplatz fehlt",
            "body": "In der Oststadt fehlt ein Spielplatz.",
            "paper_author": "Frau S.",
            "paper_occasion": "beim Workshop Wohnen",
        },
        lambda: Contribution.objects.filter(paper_author="Frau S.").count(),
        # An expert's form has no paper fields: the finding is saved as her own, not as Frau S.'s.
        refused_with={"expertin": 302},
    ),
    Case(
        "add finding in closed stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/wirtschaft-und-berufliche-bildung/stufen/"
            f"{_stage('wirtschaft-und-berufliche-bildung', 'stocktaking').pk}/beitragen/"
        ),
        set(),
        {"finding_kind": "need", "title": "Zu spät", "body": "Die Stufe ist geschlossen."},
        lambda: Contribution.objects.count(),
    ),
    Case(
        "add finding in planned stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/fruehkindliche-und-schulische-bildung/stufen/"
            f"{_stage('fruehkindliche-und-schulische-bildung', 'stocktaking').pk}/beitragen/"
        ),
        set(),
        {"finding_kind": "need", "title": "Zu früh", "body": "Die Stufe hat noch nicht begonnen."},
        lambda: Contribution.objects.count(),
    ),
    Case(
        "add option in open options stage",
        "post",
        lambda: (
            f"/handlungsfelder/wirtschaft-und-berufliche-bildung/stufen/"
            f"{_stage('wirtschaft-und-berufliche-bildung', 'options').pk}/beitragen/"
        ),
        {"multiplikator", "admin"},
        {"title": "Mentoring durch Betriebe", "body": "Betriebe begleiten Auszubildende."},
        lambda: Contribution.objects.count(),
        refused_with={"moderation": 400},
    ),
    Case(
        "comment in open stage",
        "post",
        lambda: _contribution(OPEN_FINDING).get_absolute_url(),
        MEMBERS,
        {"body": "Danke für den Hinweis."},
        lambda: Comment.objects.count(),
    ),
    Case(
        "comment in closed stage",
        "post",
        lambda: _contribution(CLOSED_FINDING).get_absolute_url(),
        set(),
        {"body": "Zu spät."},
        lambda: Comment.objects.count(),
    ),
    Case(
        "support in open stage",
        "post",
        lambda: f"/beitraege/{_contribution(UNSUPPORTED_OPTION).pk}/unterstuetzen/",
        MEMBERS,
        {},
        lambda: Support.objects.count(),
    ),
    Case(
        "support in closed stage",
        "post",
        lambda: f"/beitraege/{_contribution(CLOSED_FINDING).pk}/unterstuetzen/",
        set(),
        {},
        lambda: Support.objects.count(),
    ),
    Case(
        "promote option",
        "post",
        lambda: f"/beitraege/{_contribution(OPEN_OPTION).pk}/erheben/",
        {"multiplikator", "admin"},
        {},
        lambda: Contribution.objects.filter(title=OPEN_OPTION, kind="recommendation").count(),
    ),
    Case(
        "report contribution",
        "post",
        lambda: f"/beitraege/{_contribution(OPEN_FINDING).pk}/melden/",
        MEMBERS,
        {"reason": "Veraltete Angaben."},
        lambda: Report.objects.count(),
    ),
    Case(
        "hide contribution",
        "post",
        lambda: f"/moderation/beitraege/{_contribution(OPEN_FINDING).pk}/ausblenden/",
        STAFF,
        {"reason": "Persönliche Daten"},
        lambda: Contribution.objects.filter(hidden_at__isnull=False).count(),
    ),
    Case(
        "hide comment",
        "post",
        lambda: f"/moderation/kommentare/{Comment.objects.filter(hidden_at=None).first().pk}/ausblenden/",
        STAFF,
        {"reason": "Beleidigend"},
        lambda: Comment.objects.filter(hidden_at__isnull=False).count(),
    ),
    Case(
        "dismiss report",
        "post",
        lambda: f"/moderation/meldungen/{Report.objects.filter(resolved_at=None).first().pk}/zurueckweisen/",
        STAFF,
        {},
        lambda: Report.objects.filter(resolved_at=None).count(),
    ),
    Case(
        "open a planned stage",
        "post",
        lambda: f"/stufen/{_stage('fruehkindliche-und-schulische-bildung', 'stocktaking').pk}/oeffnen/",
        STAFF,
        {},
        lambda: Stage.objects.filter(status="open").count(),
    ),
    Case(
        "close an open stage",
        "post",
        lambda: f"/stufen/{_stage('wohnen-und-leben', 'stocktaking').pk}/schliessen/",
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
        {"kind": "decision", "starts_on": "2027-03-01", "ends_on": "2027-03-31", "position": "3"},
        lambda: Stage.objects.count(),
    ),
    Case(
        "edit stage",
        "post",
        lambda: f"/verwaltung/stufen/{_stage('wohnen-und-leben', 'options').pk}/",
        ADMIN,
        {
            "kind": "options",
            "starts_on": "2027-01-01",
            "ends_on": "2027-02-28",
            "position": "1",
            "is_public": "on",
        },
        lambda: Stage.objects.filter(ends_on="2027-02-28").count(),
    ),
    Case(
        "change a role",
        "post",
        lambda: (
            f"/verwaltung/mitglieder/{Member.objects.get(user__email='nachbarschaft@demo.ankommen.example').pk}/"
        ),
        ADMIN,
        {"role": "expert"},
        lambda: Member.objects.filter(role="expert").count(),
    ),
    Case(
        "invite",
        "post",
        lambda: "/verwaltung/einladungen/neu/",
        ADMIN,
        {"email": "neu@example.org", "role": "expert"},
        lambda: Invitation.objects.count(),
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
    Case("see the help pages to manage", "get", lambda: "/verwaltung/hilfe/", ADMIN),
    Case("see the help page form", "get", lambda: "/verwaltung/hilfe/neu/", ADMIN),
    Case("see the administration", "get", lambda: "/verwaltung/", ADMIN),
    Case("see the members", "get", lambda: "/verwaltung/mitglieder/", ADMIN),
    Case("see the audit log", "get", lambda: "/verwaltung/protokoll/", ADMIN),
    Case("see the invitation form", "get", lambda: "/verwaltung/einladungen/neu/", ADMIN),
    Case("see the moderation queue", "get", lambda: "/moderation/", STAFF),
    Case("see the translations", "get", lambda: "/verwaltung/uebersetzungen/", TRANSLATORS),
    Case("see what is missing in English", "get", lambda: "/verwaltung/uebersetzungen/en/", TRANSLATORS),
    Case(
        "translate a field",
        "post",
        lambda: (
            f"/verwaltung/uebersetzungen/en/{_field_type()}/{_stage('wohnen-und-leben', 'options').field_id}/"
        ),
        TRANSLATORS,
        {
            # Admins edit the German beside the translation, so their form sends it too.
            "source_name": "Wohnen und Leben",
            "source_summary": "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.",
            "text_summary": "Housing",
            "state_summary": "reviewed",
        },
        lambda: Translation.objects.count(),
    ),
    Case(
        "see the hide form",
        "get",
        lambda: f"/moderation/beitraege/{_contribution(OPEN_FINDING).pk}/ausblenden/",
        STAFF,
    ),
    Case(
        "see the add-finding form",
        "get",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
        ),
        {"expertin", "admin", "moderation"},
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)


# Views whose permission is tested elsewhere: public pages, one's own profile, invitations.
TESTED_ELSEWHERE = {
    "concept:home",
    "concept:help",  # public: tests/concept/test_help.py
    "concept:help_page",
    "dialogue:field",
    "dialogue:contribution",
    "dialogue:report_comment",
    "accounts:profile",
    "accounts:join",
    "accounts:invitation",
    "accounts:invitation_revoke",
    "accounts:member_edit",
    "dialogue:add",
    "core:languages",  # public: tests/core/test_languages.py
    "core:town_languages",  # tests/core/test_languages.py
    "core:translation_export",  # tests/core/test_xliff.py
    "core:translation_import",
}


def test_every_view_of_the_product_has_a_permission_case(town):
    """A new view must join the matrix above (or the tests named in TESTED_ELSEWHERE)."""
    from django.urls import resolve

    names = {
        f"{app}:{name}" for app in ("concept", "dialogue", "accounts", "core") for name in _view_names(app)
    }
    covered = TESTED_ELSEWHERE | {resolve(case.url()).view_name for case in CASES}
    assert names <= covered, f"views without a permission case: {sorted(names - covered)}"


def _view_names(app):
    from importlib import import_module

    return [pattern.name for pattern in import_module(f"ankommen.{app}.urls").urlpatterns]


def test_opening_a_stage_is_audited_and_never_redirects_elsewhere(client_as):
    client = client_as("moderation")
    stage = _stage("fruehkindliche-und-schulische-bildung", "stocktaking")
    response = client.post(f"/stufen/{stage.pk}/oeffnen/", {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == stage.field.get_absolute_url()
    assert AuditEntry.objects.filter(action="stage.opened", target_id=stage.pk).exists()
    assert timezone.now() - AuditEntry.objects.latest("created_at").created_at < timedelta(minutes=1)
