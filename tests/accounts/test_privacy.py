"""A person's data: downloaded whole and erased whole, as the registry of personal data names it.

A marker in the name and another in the texts of one member: the download holds both and nobody
else's data; after erasure no table holds the name, and the texts only where the person chose to
keep them (as "ehemaliges Mitglied"), or nowhere.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.test.utils import isolate_apps

from ankommen.accounts import privacy
from ankommen.accounts.checks import unknown_registrations, unregistered_links
from ankommen.accounts.models import Invitation, Member, User
from ankommen.core import authorship, moderation
from ankommen.core.models import AuditEntry, ReviewRequest, Translation, TranslationState
from ankommen.core.rules import may
from ankommen.dialogue import services as dialogue
from ankommen.dialogue.models import Comment, Contribution, Support
from ankommen.legal.models import BarrierReport
from tests.writing import add_contribution

NAME = "Zitronenfalter"
TEXT = "Feuerlilie"
# Where a kept text may stay: the item, its earlier versions, its translations and the search index.
# The audit log names an item by its title, so a kept title stays in its lines too.
KEPT_IN = (
    "dialogue_contribution",
    "dialogue_comment",
    "core_revision",
    "core_translation",
    "core_searchentry",
    "core_auditentry",
)


@pytest.fixture
def marked(town, people, django_capture_on_commit_callbacks):
    """The demo's member with the markers in their name and in everything they wrote, reported and asked."""
    member = people["mitglied"]
    user = member.user
    user.display_name = f"Ada {NAME}"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        own = add_contribution(
            town, people, f"Sprachcafé {TEXT}", body=f"Ein Treffpunkt {TEXT}", author=member
        )
        authorship.edit(
            own, author=member, values={"title": f"Sprachcafé {TEXT} am Marktplatz", "body": own.body}
        )
        Translation.objects.create(
            municipality=town,
            content_type=ContentType.objects.get_for_model(Contribution),
            object_id=own.pk,
            field="title",
            language="en",
            text=f"Language café {TEXT}",
            state=TranslationState.MACHINE,
            source_hash="x",
            updated_by=user,
        )
        other = add_contribution(town, people, "Wohnungen für große Familien")
        comment = dialogue.add_comment(other, author=member, body=f"Das sehe ich auch so. {TEXT}")
        dialogue.support(other, member=member)
        moderation.flag(other, reporter=member, reason=f"Bitte prüfen {TEXT}")
        ReviewRequest.objects.create(
            municipality=town,
            item=own,
            hidden_at=own.created_at,
            requester=user,
            text=f"Bitte wieder zeigen {TEXT}",
        )
        BarrierReport.objects.create(
            municipality=town,
            subject="PDF",
            location="/",
            message=f"Vorlesen geht nicht {TEXT}",
            name=NAME,
            email=user.email,
        )
        Invitation.objects.create(
            municipality=town, email=user.email, role="expert", message=f"Kommen Sie {TEXT}"
        )
    return {"member": member, "own": own, "other": other, "comment": comment}


def tables_holding(*markers):
    """The tables in which any row holds one of `markers` (read with raw SQL, every table)."""
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            text = repr(cursor.fetchall()).lower()
            if any(marker.lower() in text for marker in markers):
                found.add(table)
    return found


def test_every_link_to_a_person_is_registered_and_every_registration_exists():
    assert unregistered_links() == []
    assert unknown_registrations() == []


@isolate_apps("tests.testapp")
def test_a_model_linking_to_a_person_without_registering_it_is_found():
    class Diary(models.Model):
        writer = models.ForeignKey(User, on_delete=models.CASCADE)

        class Meta:
            app_label = "testapp"

        def __str__(self):
            return "Tagebuch"

    assert unregistered_links([Diary]) == [("testapp.Diary", "writer")]


def test_ones_notifications_are_named_in_words_on_ones_data_page(client_as):
    page = client_as("mitglied").get("/konto/meine-daten/").content.decode()
    assert "Anmeldung bestätigt: „…“" in page and "events.confirmed" not in page


def test_the_download_holds_the_persons_data_and_nobody_elses(marked, client_as, town, people):
    add_contribution(town, people, "Ein Befund nur der Expertin")
    page = client_as("mitglied").get("/konto/meine-daten/").content.decode()
    assert NAME in page and f"Sprachcafé {TEXT} am Marktplatz" in page and f"Bitte prüfen {TEXT}" in page
    assert "Wohnungen für große Familien" in page  # named at their comment and support
    assert "Ein Befund nur der Expertin" not in page  # someone else's, not touched by them
    response = client_as("mitglied").get("/konto/meine-daten/herunterladen/")
    assert response["Content-Disposition"].startswith('attachment; filename="ankommen-kornwestheim-')
    data = json.loads(response.content)
    models_in = {section["model"] for section in data["sections"]}
    assert {
        "accounts.User",
        "accounts.Member",
        "dialogue.Contribution",
        "dialogue.Comment",
        "dialogue.Support",
    } <= models_in
    assert {"core.Flag", "core.ReviewRequest", "legal.BarrierReport", "accounts.Invitation"} <= models_in
    assert "ankommen-demo" not in response.content.decode() and "pbkdf2" not in response.content.decode()
    assert all(section["purpose"] and section["retention"] for section in data["sections"])


def test_erasure_keeping_the_texts_leaves_them_only_there_and_without_the_name(
    marked, town, django_capture_on_commit_callbacks
):
    member = marked["member"]
    assert tables_holding(NAME) and tables_holding(TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        pseudonym = privacy.erase(member, actor=member)
    assert tables_holding(NAME) == set()
    assert {table for table in tables_holding(TEXT) if not table.startswith(KEPT_IN)} == set()
    own = Contribution.objects.get(pk=marked["own"].pk)
    assert own.author.user.display_name == "ehemaliges Mitglied" and TEXT in own.title
    assert not User.objects.filter(pk=member.user_id).exists()
    assert not Support.objects.filter(member_id=member.pk).exists()
    other = Contribution.objects.get(pk=marked["other"].pk)
    assert other.support_count == other.supports.count()  # the count follows the support that went
    assert AuditEntry.objects.filter(action="member.erased", details__person=pseudonym).exists()
    assert AuditEntry.objects.filter(actor_name=pseudonym).exists()  # their earlier lines, pseudonymised


def test_erasure_removing_the_texts_leaves_them_nowhere(marked, django_capture_on_commit_callbacks):
    member = marked["member"]
    other = marked["other"]
    comments_before = Contribution.objects.get(pk=other.pk).comment_count
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(member, actor=member, remove_texts=True)
    assert tables_holding(NAME, TEXT) == set()
    own = Contribution.objects.get(pk=marked["own"].pk)
    assert own.is_withdrawn and own.title == "" and not own.revisions.exists()
    assert Comment.objects.get(pk=marked["comment"].pk).is_withdrawn
    assert Contribution.objects.get(pk=other.pk).comment_count == comments_before - 1


def test_an_account_that_takes_part_in_another_town_stays(people, other_town):
    member = people["mitglied"]
    Member.objects.create(municipality=other_town, user=member.user, role_sectors={"member": ""})
    privacy.erase(member, actor=member)
    assert not Member.objects.filter(pk=member.pk).exists()
    assert User.objects.filter(pk=member.user_id).exists()


def test_the_towns_last_admin_cannot_erase_their_account(people):
    admin = people["admin"]
    assert not may(admin, "erase_account", admin)
    assert may(people["mitglied"], "erase_account", people["mitglied"])
    assert not may(people["admin"], "erase_account", people["mitglied"])  # only one's own


def test_erasing_through_the_page_asks_for_the_password_and_logs_out(client_as, people):
    client = client_as("mitglied")
    wrong = client.post("/konto/loeschen/", {"texts": "keep", "password": "falsch"})
    assert wrong.status_code == 400 and "Das Passwort stimmt nicht." in wrong.content.decode()
    assert Member.objects.filter(pk=people["mitglied"].pk).exists()
    response = client.post("/konto/loeschen/", {"texts": "remove", "password": "ankommen-demo"}, follow=True)
    assert "Ihr Konto ist gelöscht." in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert not Member.objects.filter(pk=people["mitglied"].pk).exists()


def test_the_privacy_notice_lists_what_the_registry_names(client, town):
    page = client.get("/datenschutz/").content.decode()
    assert "Ihre Beiträge: Befunde, Handlungsoptionen und -empfehlungen, mit Ihrem Namen" in page
    assert "Ihre Meldungen an die Moderation: Grund und Zeitpunkt" in page
