"""Every view of the dialogue, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

import pytest
from django.db.models import F
from django.utils import timezone

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import Field, Stage
from ankommen.concept.services import default_stage_rules
from ankommen.dialogue.answers import Answer
from ankommen.dialogue.models import Comment, Contribution, Support
from tests.permissions import ADMIN, EVERYONE, MEMBERS, ROLES, STAFF, Case, check, demo_stage, role_id


def _contribution(title):
    return Contribution.objects.get(municipality__slug="kornwestheim", title=title)


OPEN_FINDING = "Begegnungscafé im Stadtteilzentrum"
CLOSED_FINDING = "Anerkennung ausländischer Abschlüsse dauert zu lange"
OPEN_OPTION = "Beratungstag zur Anerkennung von Abschlüssen"
UNSUPPORTED_OPTION = "Eine Idee, die noch niemand unterstützt"
NEIGHBOURHOOD_FINDING = "Nachbarschaftshilfe in der Weststadt trägt"
INTERNAL_FINDING = "Ein Befund nur für Mitglieder"


def _hidden(title):
    """The contribution `title`, hidden by the moderators (as the case runs)."""
    contribution = _contribution(title)
    Contribution.objects.filter(pk=contribution.pk).update(hidden_at=timezone.now(), hidden_reason="Werbung")
    return contribution


RECOMMENDATION = "Ausbildungspatenschaften durch Ehrenamtliche ausbauen"


def _answers_to(title):
    return Answer.objects.filter(contribution=_contribution(title)).count()


def _comment_on(title):
    return Comment.objects.filter(contribution=_contribution(title), hidden_at=None).first()


OWN_FINDING = "Ein eigener Befund der Expertin"
OWN_CLOSED_FINDING = "Ein eigener Befund in der geschlossenen Stufe"
OWN_HIDDEN_FINDING = "Ein eigener, ausgeblendeter Befund"
OWN_WITHDRAWN_FINDING = "Ein eigener, zurückgezogener Befund"
OWN_COMMENT = "Ein eigener Kommentar"
OWN_CLOSED_COMMENT = "Ein eigener Kommentar in der geschlossenen Stufe"
OWN_HIDDEN_COMMENT = "Ein eigener, ausgeblendeter Kommentar"


def prepare_cases(town):
    """An option nobody supports yet, for the support case; a finding in a members-only stage; the
    expert's own findings and the member's own comments, open, closed, hidden and withdrawn, for the
    authors' cases."""
    people = members_by_local_part(town)
    author = people["verwaltung"]
    stage = demo_stage("wirtschaft-und-berufliche-bildung", "options")
    option = Contribution.objects.create(
        municipality=town,
        field=stage.field,
        stage=stage,
        kind="option",
        title=UNSUPPORTED_OPTION,
        body="Neu.",
        author=author,
    )
    field = Field.objects.create(municipality=town, name="Gesundheit", slug="gesundheit", summary="Intern.")
    internal = Stage.objects.create(
        municipality=town,
        field=field,
        kind="stocktaking",
        status="open",
        is_public=False,
        starts_on="2026-01-01",
        ends_on="2027-12-31",
        **default_stage_rules("stocktaking"),
    )
    Contribution.objects.create(
        municipality=town,
        field=field,
        stage=internal,
        kind="finding",
        title=INTERNAL_FINDING,
        body="Nur intern.",
        author=author,
    )
    open_stage = demo_stage("wohnen-und-leben", "stocktaking")
    closed_stage = demo_stage("wirtschaft-und-berufliche-bildung", "stocktaking")
    now = timezone.now()
    for title, where, changes in (
        (OWN_FINDING, open_stage, {}),
        (OWN_CLOSED_FINDING, closed_stage, {}),
        (OWN_HIDDEN_FINDING, open_stage, {"hidden_at": now, "hidden_reason": "Beleidigend"}),
        (OWN_WITHDRAWN_FINDING, open_stage, {"withdrawn_at": now}),
    ):
        Contribution.objects.create(
            municipality=where.municipality,
            field=where.field,
            stage=where,
            kind="finding",
            finding_kind="need",
            title=title,
            body="Eigener Text.",
            author=people["expertin"],
            **changes,
        )
    for body, title, changes in (
        (OWN_COMMENT, OPEN_FINDING, {}),
        (OWN_CLOSED_COMMENT, CLOSED_FINDING, {}),
        (OWN_HIDDEN_COMMENT, OPEN_FINDING, {"hidden_at": now, "hidden_reason": "Beleidigend"}),
    ):
        contribution = _contribution(title)
        Contribution.objects.filter(pk=contribution.pk).update(comment_count=F("comment_count") + 1)
        Comment.objects.create(
            municipality=town,
            contribution=contribution,
            author=people["mitglied"],
            body=body,
            **changes,
        )
    return option


def _edit(title):
    contribution = _contribution(title)
    return f"/handlungsfelder/{contribution.field.slug}/beitraege/{contribution.pk}/bearbeiten/"


def _withdraw(title):
    contribution = _contribution(title)
    return f"/handlungsfelder/{contribution.field.slug}/beitraege/{contribution.pk}/zurueckziehen/"


def _comment(body):
    return Comment.objects.get(body=body).pk


EDITED = {"title": "Geänderter Titel", "body": "Geänderter Text."}


def _edited():
    return Contribution.objects.filter(title=EDITED["title"]).count()


def _withdrawn():
    return Contribution.objects.filter(withdrawn_at__isnull=False).count()


def _edited_comments():
    return Comment.objects.filter(body="Geänderter Kommentar.").count()


def _withdrawn_comments():
    return Comment.objects.filter(withdrawn_at__isnull=False).count()


AUTHORS_CASES = [
    Case("see the form to edit one's contribution", "get", lambda: _edit(OWN_FINDING), {"expertin"}),
    Case("edit one's contribution", "post", lambda: _edit(OWN_FINDING), {"expertin"}, EDITED, _edited),
    Case(
        "edit one's contribution after its stage closed",
        "post",
        lambda: _edit(OWN_CLOSED_FINDING),
        set(),
        EDITED,
        _edited,
    ),
    Case("edit one's hidden contribution", "post", lambda: _edit(OWN_HIDDEN_FINDING), set(), EDITED, _edited),
    Case(
        "edit one's withdrawn contribution",
        "post",
        lambda: _edit(OWN_WITHDRAWN_FINDING),
        set(),
        EDITED,
        _edited,
    ),
    Case("see the question before withdrawing", "get", lambda: _withdraw(OWN_FINDING), {"expertin"}),
    Case("withdraw one's contribution", "post", lambda: _withdraw(OWN_FINDING), {"expertin"}, {}, _withdrawn),
    Case(
        "withdraw after the stage closed",
        "post",
        lambda: _withdraw(OWN_CLOSED_FINDING),
        set(),
        {},
        _withdrawn,
    ),
    Case(
        "withdraw one's hidden contribution",
        "post",
        lambda: _withdraw(OWN_HIDDEN_FINDING),
        set(),
        {},
        _withdrawn,
    ),
    Case(
        "see the form to edit one's comment",
        "get",
        lambda: f"/kommentare/{_comment(OWN_COMMENT)}/bearbeiten/",
        {"mitglied"},
    ),
    Case(
        "edit one's comment",
        "post",
        lambda: f"/kommentare/{_comment(OWN_COMMENT)}/bearbeiten/",
        {"mitglied"},
        {"body": "Geänderter Kommentar."},
        _edited_comments,
    ),
    Case(
        "edit one's comment after the stage closed",
        "post",
        lambda: f"/kommentare/{_comment(OWN_CLOSED_COMMENT)}/bearbeiten/",
        set(),
        {"body": "Geänderter Kommentar."},
        _edited_comments,
    ),
    Case(
        "edit one's hidden comment",
        "post",
        lambda: f"/kommentare/{_comment(OWN_HIDDEN_COMMENT)}/bearbeiten/",
        set(),
        {"body": "Geänderter Kommentar."},
        _edited_comments,
    ),
    Case(
        "see the question before withdrawing a comment",
        "get",
        lambda: f"/kommentare/{_comment(OWN_COMMENT)}/zurueckziehen/",
        {"mitglied"},
    ),
    Case(
        "withdraw one's comment",
        "post",
        lambda: f"/kommentare/{_comment(OWN_COMMENT)}/zurueckziehen/",
        {"mitglied"},
        {},
        _withdrawn_comments,
    ),
    Case(
        "withdraw one's comment after the stage closed",
        "post",
        lambda: f"/kommentare/{_comment(OWN_CLOSED_COMMENT)}/zurueckziehen/",
        set(),
        {},
        _withdrawn_comments,
    ),
    Case(
        "withdraw one's hidden comment",
        "post",
        lambda: f"/kommentare/{_comment(OWN_HIDDEN_COMMENT)}/zurueckziehen/",
        set(),
        {},
        _withdrawn_comments,
    ),
    Case(
        "support a withdrawn contribution",
        "post",
        lambda: f"/beitraege/{_contribution(OWN_WITHDRAWN_FINDING).pk}/unterstuetzen/",
        set(),
        {},
        lambda: Support.objects.count(),
    ),
    Case(
        "comment on a withdrawn contribution",
        "post",
        lambda: _contribution(OWN_WITHDRAWN_FINDING).get_absolute_url(),
        set(),
        {"body": "Noch etwas."},
        lambda: Comment.objects.count(),
    ),
    Case(
        "read a withdrawn contribution's page",
        "get",
        lambda: _contribution(OWN_WITHDRAWN_FINDING).get_absolute_url(),
        EVERYONE,
    ),
]


@pytest.fixture(autouse=True)
def unsupported_option(town):
    return prepare_cases(town)


# A field's page and its results are for everyone; what of them is members-only its contributions' cases show.
OPEN_TO_EVERYONE = {"dialogue:field", "dialogue:results", "dialogue:export"}

CASES = [
    Case(
        "add finding in open stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{demo_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
        ),
        {"expertin", "admin"},
        {
            "finding_kind": "need",
            "title": "Mehr Sprachcafés",
            "body": "In der Oststadt fehlt ein Treffpunkt.",
        },
        lambda: Contribution.objects.count(),
    ),
    Case(
        "record a finding handed in on paper",
        "post",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{demo_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
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
    ),
    Case(
        "add finding in closed stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/wirtschaft-und-berufliche-bildung/stufen/"
            f"{demo_stage('wirtschaft-und-berufliche-bildung', 'stocktaking').pk}/beitragen/"
        ),
        set(),
        {"finding_kind": "need", "title": "Zu spät", "body": "Die Stufe ist geschlossen."},
        lambda: Contribution.objects.count(),
        # Those who could write there while it ran are told that it does not run, their text kept.
        refused_with={"expertin": 400, "admin": 400},
    ),
    Case(
        "add finding in planned stocktaking",
        "post",
        lambda: (
            f"/handlungsfelder/fruehkindliche-und-schulische-bildung/stufen/"
            f"{demo_stage('fruehkindliche-und-schulische-bildung', 'stocktaking').pk}/beitragen/"
        ),
        set(),
        {"finding_kind": "need", "title": "Zu früh", "body": "Die Stufe hat noch nicht begonnen."},
        lambda: Contribution.objects.count(),
        # Those who could write there while it ran are told that it does not run, their text kept.
        refused_with={"expertin": 400, "admin": 400},
    ),
    Case(
        "add option in open options stage",
        "post",
        lambda: (
            f"/handlungsfelder/wirtschaft-und-berufliche-bildung/stufen/"
            f"{demo_stage('wirtschaft-und-berufliche-bildung', 'options').pk}/beitragen/"
        ),
        {"multiplikator", "admin"},
        {"title": "Mentoring durch Betriebe", "body": "Betriebe begleiten Auszubildende."},
        lambda: Contribution.objects.count(),
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
        "record a comment handed in on paper",
        "post",
        lambda: _contribution(OPEN_FINDING).get_absolute_url(),
        STAFF,
        {
            "body": "Bitte auch samstags.",
            "paper_author": "Herr K.",
            "paper_occasion": "in der Beratungsstunde",
        },
        lambda: Comment.objects.filter(paper_author="Herr K.").count(),
    ),
    Case(
        "comment on a hidden contribution",
        "post",
        lambda: _hidden(OPEN_OPTION).get_absolute_url(),
        set(),
        {"body": "Trotzdem."},
    ),
    Case(
        "support a hidden contribution",
        "post",
        lambda: f"/beitraege/{_hidden(OPEN_OPTION).pk}/unterstuetzen/",
        set(),
    ),
    Case(
        "read a contribution in a members-only stage",
        "get",
        lambda: _contribution(INTERNAL_FINDING).get_absolute_url(),
        MEMBERS,
    ),
    Case(
        "comment in closed stage",
        "post",
        lambda: _contribution(CLOSED_FINDING).get_absolute_url(),
        set(),
        {"body": "Zu spät."},
        lambda: Comment.objects.count(),
        # Everyone who could comment while it ran is told that it closed, the comment kept in the form.
        refused_with=dict.fromkeys(MEMBERS, 400),
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
        "see the add-finding form",
        "get",
        lambda: (
            f"/handlungsfelder/wohnen-und-leben/stufen/{demo_stage('wohnen-und-leben', 'stocktaking').pk}/beitragen/"
        ),
        {"expertin", "admin", "moderation"},
    ),
    Case(
        "answer a recommendation",
        "post",
        lambda: f"/beitraege/{_contribution(RECOMMENDATION).pk}/antworten/",
        ADMIN,
        {"state": "not_pursued", "text": "Dafür fehlt im Haushalt das Geld."},
        lambda: _answers_to(RECOMMENDATION),
    ),
    Case(
        "answer an option",
        "post",
        lambda: f"/beitraege/{_contribution(OPEN_OPTION).pk}/antworten/",
        ADMIN,
        {"state": "under_review", "text": "Wir prüfen."},
        lambda: _answers_to(OPEN_OPTION),
    ),
    Case(
        "answer a finding",
        "post",
        lambda: f"/beitraege/{_contribution(OPEN_FINDING).pk}/antworten/",
        set(),
        {"state": "under_review", "text": "Befunde werden nicht beantwortet."},
        lambda: _answers_to(OPEN_FINDING),
    ),
    Case(
        "see the answer form",
        "get",
        lambda: f"/beitraege/{_contribution(RECOMMENDATION).pk}/antworten/",
        ADMIN,
    ),
    Case(
        "read a field's results to print",
        "get",
        lambda: "/handlungsfelder/wohnen-und-leben/ergebnisse/",
        EVERYONE,
    ),
    *(
        Case(
            f"download a field's results as {file_format}",
            "get",
            lambda file_format=file_format: f"/handlungsfelder/wohnen-und-leben/ergebnisse.{file_format}",
            EVERYONE,
        )
        for file_format in ("csv", "xlsx", "ods")
    ),
    Case("read a field", "get", lambda: "/handlungsfelder/wohnen-und-leben/", EVERYONE),
    Case("read a contribution", "get", lambda: _contribution(OPEN_FINDING).get_absolute_url(), EVERYONE),
    *AUTHORS_CASES,
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)


ADMINISTRATION_MULTIPLIER = "verwaltung"  # Elena Petrova: a multiplier of the town's administration


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.name.startswith("answer")], ids=lambda case: case.name
)
def test_a_multiplier_of_the_administration_answers_like_an_admin(request_as, case):
    allowed = {ADMINISTRATION_MULTIPLIER} if case.allowed else set()
    check(request_as, Case(**{**case.__dict__, "allowed": allowed}), ADMINISTRATION_MULTIPLIER)
