"""The one form page: fields made from the model, checked on a copy, one markup for every form."""

from ankommen.concept.models import Field, HelpPage
from ankommen.core.models import AuditEntry
from ankommen.legal.models import BarrierReport

FIELD_EDIT = "/verwaltung/handlungsfelder/wohnen-und-leben/"


def test_a_page_with_mistakes_still_shows_the_object_as_saved(client_as, town):
    response = client_as("admin").post(
        FIELD_EDIT, {"name": "", "slug": "anderswo", "summary": "Neu", "position": "1"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="/handlungsfelder/wohnen-und-leben/"' in page  # the public page's link, as saved
    assert "/handlungsfelder/anderswo/" not in page
    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    assert field.summary != "Neu"
    assert not AuditEntry.objects.filter(action="field.updated", target_id=field.pk).exists()


def test_fields_take_label_hint_and_limit_from_the_model(client_as):
    page = client_as("admin").get("/verwaltung/hilfe/neu/").content.decode()
    hint = str(HelpPage._meta.get_field("body").help_text)
    assert hint in page
    assert '<textarea name="body" cols="40" rows="16"' in page
    assert 'max="999"' in page
    assert "maxlength" not in page  # the server says what is too long, the browser cuts nothing off


def test_a_text_longer_than_the_model_allows_is_refused(client_as, town):
    before = HelpPage.objects.count()
    response = client_as("admin").post(
        "/verwaltung/hilfe/neu/",
        {"title": "x" * 121, "summary": "Kurz", "body": "Text", "position": "1"},
    )
    assert response.status_code == 400
    assert "höchstens 120 Zeichen" in response.content.decode()
    assert HelpPage.objects.count() == before


def test_a_required_choice_offers_no_empty_option(client_as):
    page = client_as("admin").get("/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/").content.decode()
    assert 'name="reason" value=""' not in page
    assert 'name="reason" value="non_compliance"' in page


def test_a_form_without_fields_to_upload_is_not_multipart_and_one_with_is(client_as):
    admin = client_as("admin")
    assert "multipart/form-data" not in admin.get("/verwaltung/rechtliches/impressum/").content.decode()
    upload = admin.get("/verwaltung/rechtliches/gebaerdensprache/inhalte/").content.decode()
    assert 'novalidate enctype="multipart/form-data"' in upload


def test_a_page_that_thanks_by_itself_adds_no_message(client, town):
    response = client.post(
        "/barrierefreiheit/barriere-melden/",
        {"kind": "barrier", "subject": "Kontrast", "location": "Startseite", "message": "Zu hell."},
        follow=True,
    )
    page = response.content.decode()
    assert "Danke für Ihre Meldung" in page
    assert 'class="messages"' not in page
    assert BarrierReport.objects.filter(municipality=town, subject="Kontrast").exists()
