"""Nothing of one town is visible or changeable under another town's host name."""

import pytest

from ankommen.concept.models import Field, Stage
from ankommen.dialogue.models import Contribution, Support
from tests.conftest import DEMO_HOST, OTHER_HOST


@pytest.fixture
def kornwestheim_finding(town):
    return Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")


def test_same_slug_shows_each_towns_own_field(client, town, other_town):
    here = client.get("/handlungsfelder/wohnen-und-leben/", HTTP_HOST=DEMO_HOST).content.decode()
    there = client.get("/handlungsfelder/wohnen-und-leben/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Begegnungscafé im Stadtteilzentrum" in here
    assert "Geheimer Befund aus Ludwigsburg" not in here
    assert "Geheimer Befund aus Ludwigsburg" in there
    assert "Begegnungscafé" not in there


def test_home_page_lists_only_the_towns_fields(client, town, other_town):
    there = client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Wirtschaft und berufliche Bildung" not in there
    assert "Integrationskonzept der Stadt Kornwestheim" not in there


def test_another_towns_contribution_answers_404_not_403(client, kornwestheim_finding):
    url = f"/handlungsfelder/wohnen-und-leben/beitraege/{kornwestheim_finding.pk}/"
    assert client.get(url, HTTP_HOST=DEMO_HOST).status_code == 200
    assert client.get(url, HTTP_HOST=OTHER_HOST).status_code == 404


def test_other_towns_admin_cannot_change_anything_here(client, stranger, town, kornwestheim_finding):
    client.force_login(stranger.user)
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    for url, data in [
        (f"/stufen/{stage.pk}/schliessen/", {}),
        (f"/moderation/beitraege/{kornwestheim_finding.pk}/ausblenden/", {"reason": "x"}),
        (f"/beitraege/{kornwestheim_finding.pk}/unterstuetzen/", {}),
        (f"/verwaltung/stufen/{stage.pk}/", {"kind": "stocktaking"}),
    ]:
        # Through their own town's host the objects do not exist; through ours they are not theirs.
        assert client.post(url, data, HTTP_HOST=OTHER_HOST).status_code == 404, url
        assert client.post(url, data, HTTP_HOST=DEMO_HOST).status_code == 403, url
    stage.refresh_from_db()
    kornwestheim_finding.refresh_from_db()
    assert stage.status == "open"
    assert not kornwestheim_finding.is_hidden
    assert not Support.objects.filter(member=stranger).exists()


def test_admin_pages_list_only_own_town(client, other_town, stranger):
    client.force_login(stranger.user)
    members = client.get("/verwaltung/mitglieder/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Fremde Person" in members
    assert "Sabine Keller" not in members
    manage = client.get("/verwaltung/handlungsfelder/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Wohnen" in manage
    assert "Wirtschaft und berufliche Bildung" not in manage


def test_fields_with_the_same_slug_do_not_collide(other_town, town):
    assert Field.objects.filter(slug="wohnen-und-leben").count() == 2


def test_unknown_host_gets_404(client, db):
    assert client.get("/", HTTP_HOST="unbekannt.ankommen.example").status_code == 404


def test_local_addresses_show_the_default_town(client, town):
    assert "Kornwestheim" in client.get("/", HTTP_HOST="localhost").content.decode()
