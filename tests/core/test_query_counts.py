"""Core's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from ankommen.concept.models import Field, Stage
from ankommen.core import moderation
from ankommen.core.audit import audit
from ankommen.core.models import Flag, ReviewRequest
from ankommen.dialogue.models import Comment, Contribution
from tests.concept.test_query_counts import add_fields
from tests.queries import Page, pin
from tests.testapp.models import Note
from tests.writing import add_contribution

# The moderation queue (it caches nothing, so cold and warm alike): the request (town, session, user,
# member), the reported items (count, page), their flags, one query per kind of item on the page (three
# here), the open review requests (count, page) and one query per kind of their items (one here).
QUEUE_QUERIES = (13, 13)


def add_audit(town, people, count):
    """`count` changes of a stage (with their details in German words) and as many of a member's roles."""
    stage = Stage.objects.filter(municipality=town).first()
    for _ in range(count):
        audit(
            people["admin"].user,
            "stage.updated",
            stage,
            fields="comment_roles, ends_on",
            changes={
                "ends_on": ["2027-01-21", "2027-02-15"],
                "comment_roles": [["member"], ["expert", "member"]],
            },
        )
        audit(
            people["admin"].user,
            "member.role_changed",
            people["mitglied"],
            before="Mitglied",
            after="Fachexpert:in",
        )


def add_flags(town, people, count):
    """Reported items of three kinds (contributions, comments, the test app's notes), each reported by two
    people, and as many hidden comments whose authors ask for a review."""
    beside = Contribution.objects.filter(municipality=town, hidden_at=None).first()
    for number in range(count):
        contribution = Contribution.objects.create(
            municipality=town,
            field=beside.field,
            stage=beside.stage,
            kind=beside.kind,
            finding_kind=beside.finding_kind,
            title=f"Beitrag {number}",
            body="x",
            author=people["nachbarschaft"],
        )
        comment = Comment.objects.create(
            municipality=town, contribution=contribution, author=people["nachbarschaft"], body="x"
        )
        note = Note.objects.create(
            municipality=town, author=people["mitglied"], title=f"Notiz {number}", body="x"
        )
        for item in (contribution, comment, note):
            for reporter in ("mitglied", "expertin"):
                Flag.objects.create(municipality=town, item=item, reporter=people[reporter].user, reason="x")
        hidden = Comment.objects.create(
            municipality=town,
            contribution=contribution,
            author=people["nachbarschaft"],
            body="y",
            hidden_at=timezone.now(),
            hidden_reason="z",
        )
        ReviewRequest.objects.create(
            municipality=town, item=hidden, hidden_at=hidden.hidden_at, requester=people["nachbarschaft"].user
        )


# The decided reports: the request (town, session, user, member), the decisions (count, page), their
# flags, one query per kind of item on the page (three here) and the audit entries of showing again.
HANDLED_QUERIES = (11, 11)


def decide_flags(town, people, count):
    """`count` reported items of each kind, decided: the contributions hidden, the comments' reports
    dismissed, the notes hidden and shown again."""
    add_flags(town, people, count)
    moderator = people["moderation"]
    for flag_ in Flag.objects.filter(municipality=town, resolved_at=None).order_by("id"):
        item = flag_.item
        if item is None or not Flag.objects.of(item).open().exists():
            continue
        if isinstance(item, Comment):
            moderation.dismiss_flags(item, moderator=moderator)
        else:
            moderation.hide(item, moderator=moderator, reason="Persönliche Daten")
            if isinstance(item, Note):
                moderation.show(item, moderator=moderator, reason="Doch in Ordnung")


def _wohnen_editor():
    wohnen = Field.objects.get(municipality__slug="kornwestheim", slug="wohnen-und-leben")
    return f"/verwaltung/uebersetzungen/en/{ContentType.objects.get_for_model(Field).pk}/{wohnen.pk}/"


def add_twins_of_wohnen(town, people, count):
    """`count` fields, each with two stages, whose short description and stage texts are Wohnen's short description."""
    summary = Field.objects.get(municipality=town, slug="wohnen-und-leben").summary
    start = Field.objects.count()
    add_fields(town, people, count)
    for field in Field.objects.filter(
        municipality=town, name__in=[f"Feld {n}" for n in range(start, start + count)]
    ):
        field.summary = summary
        field.save()
        for stage in field.stages.all():
            stage.description = summary
            stage.save()


def _fields_to_translate():
    return f"/verwaltung/uebersetzungen/en/?kind={ContentType.objects.get_for_model(Field).pk}"


def _open_finding():
    return Contribution.objects.get(
        municipality__slug="kornwestheim", title="Begegnungscafé im Stadtteilzentrum"
    )


HIDDEN = "Ausgeblendeter Kommentar"
UNDER_REVIEW = "Ausgeblendeter Kommentar, den die Autorin prüfen lassen will"


def with_hidden_comments(town, people, count):
    """The member's two hidden comments (made once), one of them under review; and `count` more reported items."""
    if not Comment.objects.filter(municipality=town, body=HIDDEN).exists():
        for body in (HIDDEN, UNDER_REVIEW):
            comment = Comment.objects.create(
                municipality=town,
                contribution=_open_finding(),
                author=people["mitglied"],
                body=body,
                hidden_at=timezone.now(),
                hidden_reason="Persönliche Daten",
            )
        ReviewRequest.objects.create(
            municipality=town, item=comment, hidden_at=comment.hidden_at, requester=people["mitglied"].user
        )
    add_flags(town, people, count)


def _hidden(body):
    return Comment.objects.get(municipality__slug="kornwestheim", body=body).pk


def _open_review():
    return ReviewRequest.objects.get(
        content_type__model="comment", object_id=_hidden(UNDER_REVIEW), resolved_at=None
    ).pk


def add_searchable_texts(town, people, count):
    """`count` contributions and as many comments that the query "Lastenrad Verleih" finds, with Arabic titles."""
    from ankommen.core import translation
    from ankommen.core.models import TranslationState

    for number in range(count):
        contribution = add_contribution(
            town, people, f"Lastenrad {number}", body="Ein Verleih für Lastenräder fehlt."
        )
        Comment.objects.create(
            municipality=town, contribution=contribution, author=people["mitglied"], body="Lastenrad-Verleih!"
        )
        translation.save_translation(
            contribution,
            "title",
            "ar",
            actor=people["admin"],
            text=f"دراجة الشحن {number}",
            state=TranslationState.MACHINE,
            audited=False,
        )


SEARCH = "/suche/?q=Lastenrad+Verleih"


def add_notifications(town, people, count):
    """`count` comments on the expert's finding: as many notifications for her."""
    from ankommen.core import notifications
    from ankommen.dialogue.models import Contribution

    finding = Contribution.objects.filter(municipality=town, author=people["expertin"]).first()
    for number in range(count):
        notifications.notify(
            [people["expertin"].user],
            "comment.on_yours",
            event=f"count:{Contribution.objects.count()}:{number}:{town.pk}-{finding.pk}-{__import__('uuid').uuid4()}",
            target=finding,
        )


def _unsubscribe():
    from ankommen.accounts.models import User
    from ankommen.core import notifications
    from ankommen.core.models import Municipality

    town = Municipality.objects.get(slug="kornwestheim")
    user = User.objects.get(email="expertin@demo.ankommen.example")
    return "/abbestellen/" + notifications.unsubscribe_token(user, town, "replies") + "/"


PAGES = [
    Page(
        "one's notifications",
        "expertin",
        lambda: "/konto/benachrichtigungen/",
        (6, 6),
        add_notifications,
        n=10,
    ),
    Page(
        "how often by mail",
        "expertin",
        lambda: "/konto/benachrichtigungen/einstellungen/",
        (6, 6),
        add_notifications,
    ),
    Page("unsubscribing from a mail", None, _unsubscribe, (2, 2), add_notifications),
    Page("administration hub", "admin", lambda: "/verwaltung/", (44, 15), add_audit),
    Page("audit log", "admin", lambda: "/verwaltung/protokoll/", (5, 5), add_audit, n=3),
    Page(
        "audit log filtered by person and action",
        "admin",
        lambda: "/verwaltung/protokoll/?person=keller&action=stage.updated",
        (5, 5),
        add_audit,
        n=3,
    ),
    Page("moderation queue", "moderation", lambda: "/moderation/", QUEUE_QUERIES, add_flags, n=3),
    Page(
        "decided reports", "moderation", lambda: "/moderation/erledigt/", HANDLED_QUERIES, decide_flags, n=3
    ),
    Page("form to report", "mitglied", lambda: f"/beitraege/{_open_finding().pk}/melden/", (6, 6), add_flags),
    Page(
        "form to hide",
        "moderation",
        lambda: f"/moderation/beitraege/{_open_finding().pk}/ausblenden/",
        (6, 6),
        add_flags,
    ),
    Page(
        "form to show again",
        "moderation",
        lambda: f"/moderation/kommentare/{_hidden(HIDDEN)}/einblenden/",
        (6, 6),
        with_hidden_comments,
    ),
    Page(
        "form to show again what is under review",
        "moderation",
        lambda: f"/moderation/kommentare/{_hidden(UNDER_REVIEW)}/einblenden/",
        (7, 7),
        with_hidden_comments,
    ),
    Page(
        "form to ask for a review",
        "mitglied",
        lambda: f"/kommentare/{_hidden(HIDDEN)}/ueberpruefung/",
        (6, 6),
        with_hidden_comments,
    ),
    Page(
        "a review request's state",
        "mitglied",
        lambda: f"/kommentare/{_hidden(UNDER_REVIEW)}/ueberpruefung/",
        (6, 6),
        with_hidden_comments,
    ),
    Page(
        "form to keep hidden",
        "moderation",
        lambda: f"/moderation/ueberpruefungen/{_open_review()}/ausgeblendet-lassen/",
        (8, 8),
        with_hidden_comments,
    ),
    Page("the town's limits", "admin", lambda: "/verwaltung/grenzen/", (4, 4), add_audit, n=3),
    Page("search for a visitor", None, lambda: SEARCH, (5, 5), add_searchable_texts, n=4),
    Page("search for a member", "mitglied", lambda: SEARCH, (8, 8), add_searchable_texts, n=4),
    Page("search for a moderator", "moderation", lambda: SEARCH, (8, 8), add_searchable_texts, n=4),
    Page("search in Arabic", None, lambda: "/ar" + SEARCH, (9, 9), add_searchable_texts, n=4),
    Page("search for Arabic words", None, lambda: "/ar/suche/?q=دراجة", (6, 6), add_searchable_texts, n=4),
    Page("search form", None, lambda: "/suche/", (1, 1), add_searchable_texts, n=4),
    Page("languages", None, lambda: "/sprachen/", (1, 1), add_fields),
    Page("the town's languages", "admin", lambda: "/verwaltung/sprachen/", (4, 4), add_fields),
    Page("translations", "uebersetzung", lambda: "/verwaltung/uebersetzungen/", (24, 13), add_fields),
    # A page of the work list costs one query per kind of text on it: pinned for one kind as the texts grow,
    # and for all kinds in the demo's town.
    Page("texts to translate", "uebersetzung", _fields_to_translate, (20, 9), add_fields),
    Page(
        "texts to translate of every kind", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/", (22, 11)
    ),
    Page("translation editor", "uebersetzung", _wohnen_editor, (11, 11), add_fields),
    Page(
        "translation editor with the same text elsewhere",
        "uebersetzung",
        _wohnen_editor,
        (13, 13),
        add_twins_of_wohnen,
    ),
    # One query per kind of text that still lacks English (the demo translates its concept and indicators;
    # of the stories only those whose tellers consented to translation).
    Page("XLIFF export", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/xliff/", (9, 9), add_fields),
    Page("XLIFF import", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/import/", (4, 4), add_fields),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)


def test_the_moderation_queue_lists_every_review_request_and_reported_item(client_as, town, people):
    add_flags(town, people, 9)
    page = client_as("moderation").get("/moderation/").content.decode()
    assert "10 offene Bitten um Überprüfung" in page  # with the demo's
    assert "28 gemeldete Stellen" in page  # with the demo's café
