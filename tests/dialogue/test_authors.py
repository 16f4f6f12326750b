"""Authors own their text: they edit it while its stage is open (earlier versions kept, "bearbeitet"
shown) and withdraw it (a dated trace stays, the text is gone for others, never a silent delete)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ankommen.concept.models import Stage, StageStatus
from ankommen.core.models import AuditEntry, Revision, SourceText, Translation
from ankommen.core.rules import may
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution, Support

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def stocktaking(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


@pytest.fixture
def finding(stocktaking, people):
    """The expert's own finding in the open stocktaking, with an English translation."""
    contribution = services.add_contribution(
        stocktaking,
        author=people["expertin"],
        finding_kind="need",
        title="Sprachkurse am Abend fehlen",
        body="Wer tagsüber arbeitet, findet keinen Kurs.",
    )
    for field in ("title", "body"):
        Translation.objects.create(
            municipality=contribution.municipality,
            content_object=contribution,
            field=field,
            language="en",
            text=f"English {field}",
            state="reviewed",
            source_hash=SourceText.objects.get(
                content_type__model="contribution", object_id=contribution.pk, field=field
            ).hash,
        )
    return contribution


@pytest.fixture
def comment(finding, people):
    return services.add_comment(finding, author=people["mitglied"], body="Das kenne ich auch.")


def _edit(client, contribution, **values):
    url = f"/handlungsfelder/wohnen-und-leben/beitraege/{contribution.pk}/bearbeiten/"
    return client.post(url, {"title": contribution.title, "body": contribution.body, **values})


def _withdraw(client, contribution):
    return client.post(f"/handlungsfelder/wohnen-und-leben/beitraege/{contribution.pk}/zurueckziehen/")


# --- editing ----------------------------------------------------------------------------------


def test_author_edits_contribution_and_the_earlier_version_is_kept(finding, people):
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        services.edit_contribution(
            finding, author=people["expertin"], title="Abendkurse fehlen", body=finding.body
        )
    finding.refresh_from_db()
    assert finding.title == "Abendkurse fehlen"
    assert finding.edited_at is not None
    revision = Revision.objects.get(object_id=finding.pk, content_type__model="contribution")
    assert revision.texts == {"title": "Sprachkurse am Abend fehlen"}
    assert revision.written_at == finding.created_at
    assert revision.replaced_by == people["expertin"].user
    entry = AuditEntry.objects.get(action="contribution.edited", target_id=finding.pk)
    assert entry.details == {"fields": "title"}
    assert entry.action_label == "Beitrag vom Verfasser bearbeitet"


def test_each_edit_keeps_the_version_before_it(finding, people):
    services.edit_contribution(finding, author=people["expertin"], title="Zweite Fassung", body=finding.body)
    services.edit_contribution(finding, author=people["expertin"], title="Dritte Fassung", body="Neu.")
    versions = list(finding.revisions.order_by("replaced_at", "id").values_list("texts", flat=True))
    assert versions == [
        {"title": "Sprachkurse am Abend fehlen"},
        {"title": "Zweite Fassung", "body": "Wer tagsüber arbeitet, findet keinen Kurs."},
    ]


def test_an_edit_that_changes_nothing_writes_nothing(finding, people):
    before = AuditEntry.objects.count()
    services.edit_contribution(finding, author=people["expertin"], title=finding.title, body=finding.body)
    finding.refresh_from_db()
    assert finding.edited_at is None
    assert not finding.revisions.exists()
    assert AuditEntry.objects.count() == before


def test_editing_the_german_makes_its_translations_outdated(finding, people):
    services.edit_contribution(finding, author=people["expertin"], title=finding.title, body="Ganz neu.")
    states = dict(
        Translation.objects.filter(content_type__model="contribution", object_id=finding.pk).values_list(
            "field", "source_status"
        )
    )
    assert states == {"title": "current", "body": "outdated"}


def test_someone_else_cannot_edit(finding, people):
    for other in ("mitglied", "admin", "moderation"):
        with pytest.raises(PermissionDenied):
            services.edit_contribution(finding, author=people[other], title="Fremd", body="Fremd")
    assert Contribution.objects.get(pk=finding.pk).title == "Sprachkurse am Abend fehlen"
    assert not finding.revisions.exists()


def test_author_cannot_edit_after_the_stage_closes(finding, people, stocktaking):
    Stage.objects.filter(pk=stocktaking.pk).update(status=StageStatus.CLOSED)
    finding = Contribution.objects.get(pk=finding.pk)
    assert not may(people["expertin"], "edit_item", finding)
    assert not may(people["expertin"], "withdraw_item", finding)


def test_edited_contribution_shows_bearbeitet_with_the_time(client, finding, people):
    moment = datetime(2026, 11, 27, 18, 5, tzinfo=BERLIN)
    with time_machine.travel(moment, tick=False):
        services.edit_contribution(finding, author=people["expertin"], title="Abendkurse", body=finding.body)
    for url in (finding.get_absolute_url(), "/handlungsfelder/wohnen-und-leben/"):
        page = client.get(url).content.decode()
        assert "bearbeitet am <bdi>27.11.2026</bdi> um <bdi>18:05</bdi>" in page, url


def test_author_edits_through_the_page(client_as, finding):
    client = client_as("expertin")
    form = client.get(f"/handlungsfelder/wohnen-und-leben/beitraege/{finding.pk}/bearbeiten/")
    assert form.status_code == 200
    assert "Sprachkurse am Abend fehlen" in form.content.decode()
    response = _edit(client, finding, body="Abends gibt es keinen Kurs.")
    assert response.status_code == 302
    assert response["Location"] == finding.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Ihre Änderung ist gespeichert." in page
    assert "Abends gibt es keinen Kurs." in page


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"body": "   "}, "Dieses Feld ist zwingend erforderlich."),
        ({"title": "x" * 161}, "höchstens 160 Zeichen"),
        ({"body": "y" * 5001}, "höchstens 5000 Zeichen"),
        ({"body": "<script>alert(1)</script>"}, "ohne HTML-Auszeichnungen"),
    ],
)
def test_bad_edit_is_refused_with_a_message_and_nothing_written(client_as, finding, values, message):
    response = _edit(client_as("expertin"), finding, **values)
    assert response.status_code == 400
    assert message in response.content.decode()
    unchanged = Contribution.objects.get(pk=finding.pk)
    assert (unchanged.title, unchanged.body, unchanged.edited_at) == (finding.title, finding.body, None)
    assert not Revision.objects.exists()


def test_edit_shows_the_saved_text_not_the_rejected_one_elsewhere(client_as, finding):
    """The form checks a copy: after a rejected edit, the page's byline still names the saved version."""
    response = _edit(client_as("expertin"), finding, title="")
    assert response.status_code == 400
    assert Contribution.objects.get(pk=finding.pk).title == "Sprachkurse am Abend fehlen"


@pytest.mark.parametrize(
    "url",
    [
        "/handlungsfelder/wohnen-und-leben/beitraege/999999/bearbeiten/",
        "/handlungsfelder/wohnen-und-leben/beitraege/999999/zurueckziehen/",
        "/kommentare/999999/bearbeiten/",
        "/kommentare/999999/zurueckziehen/",
    ],
)
def test_unknown_ids_answer_404_for_get_and_post(client_as, url):
    client = client_as("expertin")
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "x", "title": "x"}).status_code == 404


def test_another_towns_contribution_answers_like_a_missing_one(client, stranger, other_town):
    client.force_login(stranger.user)
    foreign = Contribution.objects.get(municipality=other_town)
    url = f"/handlungsfelder/wohnen-und-leben/beitraege/{foreign.pk}/bearbeiten/"
    # Asked on the demo town's host: the other town's id is not there.
    assert client.get(url).status_code == 404


def test_author_edits_a_comment(client_as, comment):
    client = client_as("mitglied")
    response = client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"body": "Das kenne ich gut."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Das kenne ich gut."
    assert comment.revisions.get().texts == {"body": "Das kenne ich auch."}
    assert "bearbeitet am" in client.get(comment.contribution.get_absolute_url()).content.decode()


def test_bad_comment_edit_is_refused(client_as, comment):
    response = client_as("mitglied").post(f"/kommentare/{comment.pk}/bearbeiten/", {"body": "<b>fett</b>"})
    assert response.status_code == 400
    assert "ohne HTML-Auszeichnungen" in response.content.decode()
    assert Comment.objects.get(pk=comment.pk).body == "Das kenne ich auch."


# --- withdrawing ------------------------------------------------------------------------------


def test_withdrawing_asks_first(client_as, finding):
    page = client_as("expertin").get(
        f"/handlungsfelder/wohnen-und-leben/beitraege/{finding.pk}/zurueckziehen/"
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Beitrag zurückziehen?" in text
    assert "Sprachkurse am Abend fehlen" in text
    assert Contribution.objects.get(pk=finding.pk).withdrawn_at is None


def test_withdrawn_contribution_leaves_a_dated_trace(client, client_as, finding, people):
    moment = datetime(2026, 11, 28, 9, 0, tzinfo=BERLIN)
    with time_machine.travel(moment, tick=False):
        response = _withdraw(client_as("expertin"), finding)
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.withdrawn_at == moment
    assert Contribution.objects.filter(pk=finding.pk).exists()  # never a silent delete
    assert AuditEntry.objects.get(action="contribution.withdrawn", target_id=finding.pk).action_label == (
        "Beitrag vom Verfasser zurückgezogen"
    )
    client.logout()
    for url in (finding.get_absolute_url(), "/handlungsfelder/wohnen-und-leben/"):
        page = client.get(url).content.decode()
        assert "vom Verfasser zurückgezogen am 28.11.2026" in page, url
        assert "Zurückgezogener Beitrag" in page
        assert "Sprachkurse am Abend fehlen" not in page
        assert "findet keinen Kurs" not in page


def test_author_and_moderators_still_read_a_withdrawn_text(client_as, finding, people):
    services.withdraw_contribution(finding, author=people["expertin"])
    for reader in ("expertin", "moderation"):
        page = client_as(reader).get(finding.get_absolute_url()).content.decode()
        assert "findet keinen Kurs" in page, reader
    page = client_as("mitglied").get(finding.get_absolute_url()).content.decode()
    assert "findet keinen Kurs" not in page


def test_withdrawn_contribution_is_not_offered_for_translation(finding, people):
    services.withdraw_contribution(finding, author=people["expertin"])
    assert not SourceText.objects.filter(object_id=finding.pk, content_type__model="contribution").exists()
    statuses = set(
        Translation.objects.filter(content_type__model="contribution", object_id=finding.pk).values_list(
            "source_status", flat=True
        )
    )
    assert statuses == {"withdrawn"}


def test_withdrawn_contribution_cannot_be_supported_commented_promoted_or_reported(finding, people):
    services.withdraw_contribution(finding, author=people["expertin"])
    finding = Contribution.objects.get(pk=finding.pk)
    for action in ("support", "comment", "write_comment", "record_comment_on_paper", "flag", "promote"):
        for role in ("mitglied", "expertin", "admin"):
            assert not may(people[role], action, finding), (action, role)
    with pytest.raises(PermissionDenied):
        services.support(finding, member=people["mitglied"])
    assert not Support.objects.filter(contribution=finding).exists()


def test_withdrawing_twice_writes_once(finding, people):
    services.withdraw_contribution(finding, author=people["expertin"])
    first = Contribution.objects.get(pk=finding.pk).withdrawn_at
    with pytest.raises(PermissionDenied):
        services.withdraw_contribution(Contribution.objects.get(pk=finding.pk), author=people["expertin"])
    assert Contribution.objects.get(pk=finding.pk).withdrawn_at == first
    assert AuditEntry.objects.filter(action="contribution.withdrawn", target_id=finding.pk).count() == 1


def test_someone_else_cannot_withdraw(client_as, finding):
    for other in ("mitglied", "moderation", "admin"):
        assert _withdraw(client_as(other), finding).status_code == 403
    assert Contribution.objects.get(pk=finding.pk).withdrawn_at is None


def test_withdrawn_comment_leaves_a_trace_and_no_longer_counts(client, client_as, comment):
    contribution = comment.contribution
    before = Contribution.objects.get(pk=contribution.pk).comment_count
    response = client_as("mitglied").post(f"/kommentare/{comment.pk}/zurueckziehen/")
    assert response.status_code == 302
    assert response["Location"] == comment.get_absolute_url()
    assert Contribution.objects.get(pk=contribution.pk).comment_count == before - 1
    assert AuditEntry.objects.filter(action="comment.withdrawn", target_id=comment.pk).exists()
    client.logout()
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "vom Verfasser zurückgezogen am" in page
    assert "Das kenne ich auch." not in page


def test_withdrawn_comment_cannot_be_edited_or_reported(comment, people):
    services.withdraw_comment(comment, author=people["mitglied"])
    comment = Comment.objects.select_related("contribution__stage").get(pk=comment.pk)
    assert not may(people["mitglied"], "edit_item", comment)
    assert not may(people["expertin"], "flag", comment)


def test_comments_of_a_withdrawn_contribution_are_no_longer_editable(finding, comment, people):
    services.withdraw_contribution(finding, author=people["expertin"])
    comment = Comment.objects.select_related("contribution__stage").get(pk=comment.pk)
    assert not may(people["mitglied"], "edit_item", comment)


def test_contribution_page_offers_edit_and_withdraw_only_to_the_author(client_as, finding, comment):
    labels = ("Beitrag bearbeiten", "Beitrag zurückziehen")
    page = client_as("expertin").get(finding.get_absolute_url()).content.decode()
    assert all(label in page for label in labels)
    page = client_as("mitglied").get(finding.get_absolute_url()).content.decode()
    assert not any(label in page for label in labels)
    assert f"/kommentare/{comment.pk}/bearbeiten/" in page
    assert f"/kommentare/{comment.pk}/zurueckziehen/" in page
    page = client_as("admin").get(finding.get_absolute_url()).content.decode()
    assert f"/kommentare/{comment.pk}/bearbeiten/" not in page


@pytest.mark.django_db(transaction=True)
def test_parallel_withdrawals_of_one_comment_count_once():
    """Two requests at once (two connections, two threads): one withdraws, the other finds it done."""
    import threading

    from django.db import connection

    from tests.conftest import build_world

    build_world()
    from ankommen.accounts.demo import members_by_local_part
    from ankommen.core.models import Municipality

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("an in-memory SQLite database is shared by threads; this test needs two connections")
    town = Municipality.objects.get(slug="kornwestheim")
    member = members_by_local_part(town)["mitglied"]
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    comment = services.add_comment(contribution, author=member, body="Gleich wieder weg")
    before = Contribution.objects.get(pk=contribution.pk).comment_count
    errors = []

    def withdraw():
        try:
            services.withdraw_comment(
                Comment.objects.select_related("contribution__stage").get(pk=comment.pk), author=member
            )
        except PermissionDenied:
            pass  # the other one was first and already committed: refused, as it should be
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=withdraw) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Contribution.objects.get(pk=contribution.pk).comment_count == before - 1
    assert AuditEntry.objects.filter(action="comment.withdrawn", target_id=comment.pk).count() == 1
