"""A contribution moderators hid is not offered for translation, and comes back when shown again."""

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.core import moderation, translation, xliff
from ankommen.core.models import Municipality, Translation
from ankommen.dialogue.models import Contribution


@pytest.fixture(autouse=True)
def town_offers_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "en", "ar"])
    town.refresh_from_db()


@pytest.fixture
def café(town, people):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    contribution.translations.all().delete()  # the demo's; the body is missing, the title reviewed
    translation.save_translation(
        contribution, "title", "ar", actor=people["admin"], text="مقهى اللقاء", state="reviewed"
    )
    return contribution


def _editor(obj, language="ar"):
    return f"/verwaltung/uebersetzungen/{language}/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def _offered(client, town, café):
    """Where a translator meets the café's texts: counts, list, editor, export."""
    kind = ContentType.objects.get_for_model(Contribution).pk
    counts = translation.status_counts(town, "ar")[kind]
    listed = client.get(f"/verwaltung/uebersetzungen/ar/?kind={kind}&status=reviewed").context["texts"]
    overview = client.get("/verwaltung/uebersetzungen/").context["rows"]
    return {
        "reviewed": counts.get("reviewed", 0),
        "missing": counts.get("missing", 0),
        "overview": next(row["counts"] for row in overview if row["language"].code == "ar"),
        "listed": [text["object"] for text in listed],
        "editor": client.get(_editor(café)).status_code,
        "exported": xliff.unit_id(café, "body").encode() in xliff.export(town, "ar"),
    }


def test_hidden_contribution_is_not_offered_for_translation(client_as, town, people, café):
    client = client_as("uebersetzung")
    before = _offered(client, town, café)
    assert (before["reviewed"], before["listed"], before["editor"], before["exported"]) == (
        1,
        [café],
        200,
        True,
    )

    moderation.hide(café, moderator=people["moderation"], reason="Werbung")
    hidden = _offered(client, town, café)
    assert (hidden["reviewed"], hidden["listed"], hidden["editor"], hidden["exported"]) == (0, [], 404, False)
    assert hidden["missing"] == before["missing"] - 1
    assert sum(hidden["overview"]) == sum(before["overview"]) - 2
    assert client.post(_editor(café), {"text_body": "x"}).status_code == 404
    assert Translation.objects.filter(
        content_type__model="contribution", object_id=café.pk, field="title", language="ar"
    ).exists(), "kept"


def test_hidden_contribution_is_refused_in_an_import(town, people, café):
    data = xliff.export(town, "ar").replace(b"</source>", b"</source><target>x</target>")
    moderation.hide(café, moderator=people["moderation"], reason="Werbung")
    report = xliff.check(town, "ar", data)
    assert [problem for unit, problem in report.problems if unit == xliff.unit_id(café, "body")] == [
        "Unbekannte ID: Zu diesem Text gibt es nichts in dieser Kommune."
    ]


def test_contribution_shown_again_is_offered_again(client_as, town, people, café):
    client = client_as("uebersetzung")
    before = _offered(client, town, café)
    moderation.hide(café, moderator=people["moderation"], reason="Versehen")
    café.hidden_at, café.hidden_by, café.hidden_reason = None, None, ""
    café.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    assert _offered(client, town, café) == before
    assert translation.status_of(café, "title", "ar") == "reviewed"
