"""Terms of use in versions: the newest published one is in force; every published one stays readable."""

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from ankommen.core.models import AuditEntry
from ankommen.legal.models import TermsVersion


@pytest.fixture
def versions(town):
    return {version.number: version for version in TermsVersion.objects.for_municipality(town)}


def _new_version(town, number, dated, *, published=True, text="Neue Regeln."):
    return TermsVersion.objects.create(
        municipality=town,
        number=number,
        dated=dated,
        text=text,
        published_at=timezone.now() if published else None,
    )


def test_the_newest_published_version_is_in_force(client, town, versions):
    assert TermsVersion.objects.for_municipality(town).current() == versions["2"]
    page = client.get("/nutzungsbedingungen/").content.decode()
    assert "Fassung 2 vom 15. Januar 2025" in page
    assert "Verständlich schreiben" in page


def test_an_older_version_stays_readable_at_its_own_address(client, versions):
    response = client.get(f"/nutzungsbedingungen/fassungen/{versions['1'].pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fassung 1 vom 1. März 2023" in page
    assert "Diese Fassung gilt nicht mehr." in page
    assert "Verständlich schreiben" not in page  # the text of version 1, not of version 2
    assert 'href="/nutzungsbedingungen/"' in page


def test_every_published_version_is_listed(client, versions):
    page = client.get("/nutzungsbedingungen/").content.decode()
    for version in versions.values():
        assert f'href="{version.get_absolute_url()}"' in page


def test_a_draft_is_not_in_force_and_hidden_from_everyone_but_admins(client_as, town, versions):
    draft = _new_version(town, "3", date(2025, 6, 1), published=False, text="Entwurf der dritten Fassung.")
    assert TermsVersion.objects.for_municipality(town).current() == versions["2"]
    assert "Entwurf der dritten Fassung." not in client_as(None).get("/nutzungsbedingungen/").content.decode()
    for role in (None, "mitglied", "moderation"):
        assert client_as(role).get(draft.get_absolute_url()).status_code == 404, role
    preview = client_as("admin").get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Entwurf: Nur die Administration sieht diese Fassung." in preview.content.decode()


def test_a_version_dated_in_the_future_is_not_in_force_yet(client, town, versions):
    later = _new_version(town, "3", timezone.localdate() + timedelta(days=30))
    assert TermsVersion.objects.for_municipality(town).current() == versions["2"]
    page = client.get(later.get_absolute_url()).content.decode()
    assert "Diese Fassung gilt noch nicht." in page


def test_admin_creates_a_draft_and_publishes_it(client_as, town):
    client = client_as("admin")
    response = client.post(
        "/verwaltung/rechtliches/nutzungsbedingungen/neu/",
        {"number": "3", "dated": "2025-06-01", "changes": "Kürzer.", "text": "Die dritte Fassung."},
    )
    assert response.status_code == 302
    draft = TermsVersion.objects.get(municipality=town, number="3")
    assert not draft.is_published
    response = client.post(f"/verwaltung/rechtliches/nutzungsbedingungen/{draft.pk}/veroeffentlichen/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert TermsVersion.objects.for_municipality(town).current() == draft
    assert AuditEntry.objects.filter(action="legal.terms_published", target_id=draft.pk).exists()
    assert "Die dritte Fassung." in client_as(None).get("/nutzungsbedingungen/").content.decode()


def test_a_published_version_cannot_be_changed(client_as, versions):
    version = versions["2"]
    response = client_as("admin").post(
        f"/verwaltung/rechtliches/nutzungsbedingungen/{version.pk}/",
        {"number": "2", "dated": "2025-01-15", "text": "Heimlich geändert."},
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.text != "Heimlich geändert."


def test_admin_changes_a_draft(client_as, town):
    draft = _new_version(town, "3", date(2025, 6, 1), published=False)
    response = client_as("admin").post(
        f"/verwaltung/rechtliches/nutzungsbedingungen/{draft.pk}/",
        {"number": "3", "dated": "2025-07-01", "text": "Verbesserter Entwurf."},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.text, draft.dated) == ("Verbesserter Entwurf.", date(2025, 7, 1))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"number": "2"}, "number", "Eine andere Fassung hat schon diese Nummer."),
        ({"text": "<b>fett</b>"}, "text", "ohne HTML-Auszeichnungen"),
        ({"dated": "morgen"}, "dated", "Bitte ein gültiges Datum eingeben."),
        ({"text": ""}, "text", "Dieses Feld ist zwingend erforderlich."),
    ],
)
def test_a_bad_version_is_refused_with_a_message_at_the_field(client_as, town, changes, field, message):
    before = TermsVersion.objects.count()
    data = {"number": "3", "dated": "2025-06-01", "text": "Text.", **changes}
    response = client_as("admin").post("/verwaltung/rechtliches/nutzungsbedingungen/neu/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert TermsVersion.objects.count() == before


def test_the_terms_tag_names_the_version_in_force_for_contribution_forms(town, versions):
    request = RequestFactory().get("/")
    request.municipality = town
    with translation.override("de"):
        html = Template('{% include "legal/partials/terms_notice.html" %}').render(
            Context({"request": request})
        )
    assert "Es gelten die Nutzungsbedingungen in der Fassung vom 15. Januar 2025." in html
    assert f'href="{versions["2"].get_absolute_url()}"' in html


def test_the_terms_tag_asks_the_database_once_per_request(town, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.municipality = town
    template = Template(
        "{% load legal %}{% current_terms as a %}{% current_terms as b %}{{ a.number }}{{ b.number }}"
    )
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "22"


def test_the_terms_tag_says_nothing_where_there_are_no_terms(other_town):
    request = RequestFactory().get("/")
    request.municipality = other_town
    html = Template('{% include "legal/partials/terms_notice.html" %}').render(Context({"request": request}))
    assert html.strip() == ""
