"""Bad input to fields and stages gets a clear message next to its field, and nothing is written."""

from ankommen.concept.models import Field, Stage


def test_stage_ending_before_it_starts_is_refused(client_as, town):
    before = Stage.objects.count()
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        {"kind": "decision", "starts_on": "2027-03-31", "ends_on": "2027-03-01", "position": "3"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Das Ende muss am oder nach dem Beginn liegen." in page
    assert 'id="id_ends_on_error"' in page
    assert Stage.objects.count() == before


def test_second_stage_of_the_same_kind_is_refused(client_as):
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        {"kind": "stocktaking", "starts_on": "2027-01-01", "ends_on": "2027-02-01", "position": "3"},
    )
    assert "Dieses Handlungsfeld hat schon eine Stufe dieser Art." in response.content.decode()


def test_field_with_a_taken_address_is_refused(client_as, town):
    before = Field.objects.count()
    response = client_as("admin").post(
        "/verwaltung/handlungsfelder/neu/",
        {"name": "Wohnen und Leben", "slug": "wohnen-und-leben", "summary": "Doppelt", "position": "1"},
    )
    assert "Ein anderes Handlungsfeld hat schon diese Adresse." in response.content.decode()
    assert Field.objects.count() == before


def test_field_address_is_made_from_the_german_name(client_as, town):
    client_as("admin").post(
        "/verwaltung/handlungsfelder/neu/",
        {"name": "Gesundheit und Älterwerden", "summary": "Neu", "position": "5"},
    )
    assert Field.objects.filter(municipality=town, slug="gesundheit-und-aelterwerden").exists()


def test_unknown_stage_id_answers_404(client_as):
    assert client_as("admin").get("/verwaltung/stufen/999999/").status_code == 404
