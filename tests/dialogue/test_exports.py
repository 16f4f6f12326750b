"""A field's results as CSV, XLSX and ODS, and as a page to print: opened as a spreadsheet would open them."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from odf import teletype
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow

from ankommen.concept.models import District, Stage
from ankommen.dialogue.answers import AnswerState, answer_contribution
from tests.writing import add_contribution

COLUMNS = [
    "Art",
    "Titel",
    "Text",
    "Verfasst von",
    "Datum",
    "Stufe",
    "Schlagworte",
    "Unterstützungen",
    "Kommentare",
    "Stand der Antwort",
    "Antwort",
]
FIELD = "wirtschaft-und-berufliche-bildung"
DANGEROUS = ['=HYPERLINK("https://example.org")', "+49 7154 2020", "-1+1", "@SUM(A1)", "\tTab", "\rZeile"]


def _csv(content):
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows()]


def _ods(content):
    table = load(io.BytesIO(content)).spreadsheet.getElementsByType(Table)[0]
    return [row.getElementsByType(TableCell) for row in table.getElementsByType(TableRow)]


def read(client, url_format, slug=FIELD, prefix=""):
    """The rows of an export as text, whatever its format."""
    response = client.get(f"{prefix}/handlungsfelder/{slug}/ergebnisse.{url_format}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-ergebnisse.{url_format}"'
    if url_format == "csv":
        return _csv(response.content)
    if url_format == "xlsx":
        return [
            ["" if cell.value is None else str(cell.value) for cell in row] for row in _xlsx(response.content)
        ]
    return [[teletype.extractText(cell) for cell in row] for row in _ods(response.content)]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
def test_every_format_has_the_same_columns_and_the_answers(client_as, file_format):
    rows = read(client_as(None), file_format)
    assert rows[0] == COLUMNS
    by_title = {row[1]: row for row in rows[1:]}
    assert len(by_title) == 9  # the field's four findings, four options, one recommendation
    refused = by_title["Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte"]
    assert refused[0] == "Handlungsoption"
    assert refused[9] == "nicht weiterverfolgt"
    assert refused[10].startswith("Die Stadt kann keine eigene Monatskarte bezahlen.")
    merged = by_title["Abendkurs Fachdeutsch an der Volkshochschule"]
    assert merged[9] == "in einen anderen Beitrag übernommen"
    assert merged[10].startswith("Übernommen in: „Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule“")
    finding = by_title["Fachsprache in der Berufsschule ist die größte Hürde"]
    assert finding[0] == "Befund: Problem"
    assert finding[3] == "Katrin Maier"
    assert finding[5] == "Bestandsaufnahme"
    assert finding[6] == "Spracherwerb, Bildung, Auszubildende"
    assert finding[8] == "2"
    assert finding[9:] == ["", ""]


def test_csv_uses_semicolons_and_windows_line_ends(client_as):
    content = client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.csv").content
    first_line = content.split(b"\r\n")[0].decode("utf-8-sig")
    assert first_line == ";".join(COLUMNS)


def test_xlsx_and_ods_hold_numbers_and_dates_as_such(client_as):
    client = client_as(None)
    row = _xlsx(client.get(f"/handlungsfelder/{FIELD}/ergebnisse.xlsx").content)[1]
    assert [row[4].data_type, row[7].data_type, row[8].data_type] == ["d", "n", "n"]
    cells = _ods(client.get(f"/handlungsfelder/{FIELD}/ergebnisse.ods").content)[1]
    assert [cells[4].getAttrNS(OFFICENS, "value-type"), cells[7].getAttrNS(OFFICENS, "value-type")] == [
        "date",
        "float",
    ]


def test_an_unknown_format_is_not_found(client_as):
    assert client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.pdf").status_code == 404


def test_another_towns_field_is_not_found(client_as, other_town):
    assert client_as(None).get("/handlungsfelder/nirgendwo/ergebnisse.csv").status_code == 404


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
def test_members_only_stages_are_left_out_for_visitors_and_in_for_members(
    client_as, town, people, file_format
):
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    Stage.objects.filter(pk=stage.pk).update(is_public=False)
    add_contribution(town, people, "Nur für Mitglieder")
    visitor = [row[1] for row in read(client_as(None), file_format, "wohnen-und-leben")]
    member = [row[1] for row in read(client_as("mitglied"), file_format, "wohnen-und-leben")]
    assert "Nur für Mitglieder" not in visitor
    assert "Nur für Mitglieder" in member
    assert "Geheimer Befund aus Ludwigsburg" not in member  # the other town's field of the same name


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
def test_hidden_items_are_left_out_except_for_moderators(client_as, town, people, file_format):
    add_contribution(
        town, people, "Ausgeblendeter Befund", hidden_at="2026-01-01T00:00:00Z", hidden_reason="Werbung"
    )
    member = [row[1] for row in read(client_as("mitglied"), file_format, "wohnen-und-leben")]
    moderator = {row[1]: row for row in read(client_as("moderation"), file_format, "wohnen-und-leben")}
    assert "Ausgeblendeter Befund" not in member
    assert moderator["Ausgeblendeter Befund"][0] == "Befund: Bedarf (ausgeblendet)"


def test_the_export_is_in_the_readers_language_where_translations_exist(client_as):
    ukrainian = {row[1]: row for row in read(client_as(None), "csv", "wohnen-und-leben", prefix="/uk")}
    assert "Довге очікування на соціальне житло" in ukrainian
    assert "Lange Wartezeiten auf eine Sozialwohnung" not in ukrainian
    english = {row[1]: row for row in read(client_as(None), "xlsx", FIELD, prefix="/en")}
    refused = english["Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte"]  # no English title yet
    assert refused[10] == (
        "The town cannot pay for a monthly pass of its own. But there is already a low-cost ticket for all "
        "apprentices. The advice service in the town hall points it out."
    )


@pytest.fixture
def dangerous(town, people):
    """An item and an answer whose every text starts like a spreadsheet formula."""
    item = add_contribution(
        town,
        people,
        DANGEROUS[0],
        slug=FIELD,
        kind="options",
        body=DANGEROUS[1],
        paper_author=DANGEROUS[3],
        paper_occasion="Workshop",
    )
    answer_contribution(item, actor=people["admin"], state=AnswerState.NOT_PURSUED, text=DANGEROUS[2])
    return item


def test_csv_writes_formula_like_text_behind_an_apostrophe(client_as, dangerous):
    rows = _csv(client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.csv").content)
    row = next(row for row in rows if row[1].startswith("'=HYPERLINK"))
    assert row[1] == "'" + DANGEROUS[0]
    assert row[2] == "'" + DANGEROUS[1]
    assert row[3] == "'" + DANGEROUS[3]
    assert row[10] == "'" + DANGEROUS[2]
    for rows_cell in (cell for row in rows for cell in row):
        assert not rows_cell.startswith(("=", "+", "-", "@", "\t", "\r")), rows_cell


def test_xlsx_writes_formula_like_text_as_text(client_as, dangerous):
    rows = _xlsx(client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.xlsx").content)
    row = next(row for row in rows if row[1].value == DANGEROUS[0])
    for cell in (row[1], row[2], row[3], row[10]):
        assert cell.data_type == "s", (cell.value, cell.data_type)
        assert cell.quotePrefix
    assert all(cell.data_type != "f" for row in rows for cell in row)


def test_ods_writes_formula_like_text_as_text(client_as, dangerous):
    rows = _ods(client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.ods").content)
    row = next(row for row in rows if teletype.extractText(row[1]) == DANGEROUS[0])
    for cell in (row[1], row[2], row[3], row[10]):
        assert cell.getAttrNS(OFFICENS, "value-type") == "string"
    assert all(cell.getAttrNS(TABLENS, "formula") is None for row in rows for cell in row)


@pytest.mark.parametrize("text", ["\tTab", "\rZeile", "@SUM(A1)"])
def test_every_start_a_spreadsheet_reads_as_a_formula_is_neutralised(client_as, town, people, text):
    add_contribution(town, people, text, slug=FIELD, kind="options")
    rows = _csv(client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse.csv").content)
    assert "'" + text in [row[1] for row in rows]


def test_the_print_page_lists_the_items_with_their_answers_and_a_print_stylesheet(client_as):
    page = client_as(None).get(f"/handlungsfelder/{FIELD}/ergebnisse/").content.decode()
    assert 'href="/static/dialogue/print.css" media="print"' in page
    assert "Ergebnisse des Handlungsfelds" in page
    assert "Fachsprache in der Berufsschule ist die größte Hürde" in page
    assert "Die Stadt kann keine eigene Monatskarte bezahlen." in page
    assert "nicht weiterverfolgt: <bdi>1</bdi>" in page


def test_the_field_page_links_to_every_export(client_as):
    page = client_as(None).get(f"/handlungsfelder/{FIELD}/").content.decode()
    for address in ("ergebnisse.csv", "ergebnisse.xlsx", "ergebnisse.ods", "ergebnisse/"):
        assert f'href="/handlungsfelder/{FIELD}/{address}"' in page


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("address", ["ergebnisse.csv", "ergebnisse.xlsx", "ergebnisse.ods", "ergebnisse/"])
@pytest.mark.parametrize("language", ["", "/uk"])
def test_exports_need_as_many_queries_for_n_items_as_for_3n(client_as, town, people, address, language):
    client = client_as("mitglied")
    url = f"{language}/handlungsfelder/{FIELD}/{address}"

    def add(count):
        for number in range(count):
            item = add_contribution(town, people, f"Option {number}", slug=FIELD, kind="options")
            item.districts.add(District.objects.filter(municipality=town).first())
            answer_contribution(
                item, actor=people["admin"], state=AnswerState.UNDER_REVIEW, text="Wir prüfen."
            )

    add(5)
    few = _count(client, url)
    add(10)
    assert _count(client, url) == few


@pytest.mark.parametrize("file_format", ["csv", "ods"])
def test_withdrawn_items_are_left_out_except_for_moderators(client_as, town, people, file_format):
    add_contribution(town, people, "Zurückgezogener Befund", withdrawn_at="2026-01-01T00:00:00Z")
    member = [row[1] for row in read(client_as("expertin"), file_format, "wohnen-und-leben")]
    moderator = {row[1]: row for row in read(client_as("moderation"), file_format, "wohnen-und-leben")}
    assert "Zurückgezogener Befund" not in member
    assert moderator["Zurückgezogener Befund"][0] == "Befund: Bedarf (zurückgezogen)"
