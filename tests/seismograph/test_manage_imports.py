"""Importing values from the administration: upload, preview, save, the history and rollback.

The file waits on the server between the preview and the confirmation (the private storage, under
the uploader and the file's SHA-256); what the browser sends back is only what the preview showed.
A file with problems is reported line by line and column by column and nothing is saved; a file
changed on the server, or town data that changed since the preview, are checked again before
anything is written.
"""

import hashlib
import io
import re
from datetime import timedelta

import lxml.html
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry
from ankommen.core.registry import registry
from ankommen.seismograph.manage import UPLOADS, keep_upload, kept_upload, prune_uploads
from ankommen.seismograph.manage_forms import IMPORT_MAX_BYTES
from ankommen.seismograph.models import ImportRun, ImportStatus, Observation
from ankommen.seismograph.services import import_observations
from tests.permissions import assert_nothing_written, snapshot
from tests.seismograph.demo_values import without_demo_values


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """These tests count values, boundaries and warnings from none: the demo's are taken away first."""
    without_demo_values(town)


UPLOAD = "/verwaltung/seismograph/importe/neu/"
IMPORTS = "/verwaltung/seismograph/importe/"

GOOD = (
    "district;period;indicator;value\n"
    "Innenstadt;2023;einwohner_gesamt;5120\n"
    "Oststadt;2023;einwohner_gesamt;4100\n"
    "Innenstadt;2023;sgb2_quote;9,4\n"
)
BAD = (
    "district;period;indicator;value\n"
    "Innenstadt;2023;einwohner_gesamt;5120\n"
    "Nordstadt;2023;einwohner_gesamt;10\n"
    "Oststadt;2023;sgb2_quote;viel\n"
    "Oststadt;2023;einwohner_gesmat;4100\n"
)


def csv_file(text, name="werte.csv"):
    return SimpleUploadedFile(name, text.encode(), "text/csv")


def upload(client, content, *, name="werte.csv", add_districts=False):
    """Send a file to the upload form; the address of its preview."""
    data = {"file": SimpleUploadedFile(name, content if isinstance(content, bytes) else content.encode())}
    if add_districts:
        data["add_districts"] = "on"
    response = client.post(UPLOAD, data)
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def text_of(response):
    return " ".join(lxml.html.fromstring(response.content).text_content().split())


def table_rows(response, table_id):
    """The rows of a `{% kern_table %}` as lists of cell texts."""
    page = lxml.html.fromstring(response.content)
    table = page.get_element_by_id(table_id).getparent()
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")]
        for row in table.xpath(".//tbody/tr")
    ]


def seen_of(response):
    return lxml.html.fromstring(response.content).xpath("//input[@name='seen']/@value")[0]


def values(town):
    return {
        (name, key, period): value
        for name, key, period, value in Observation.objects.for_municipality(town)
        .current()
        .values_list("district__name", "indicator__key", "period", "value")
    }


# --- upload, preview, save ---------------------------------------------------------------------------


def test_a_file_is_previewed_and_saved_only_when_confirmed(client_as, town, people):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    token = hashlib.sha256(GOOD.encode()).hexdigest()
    assert preview == f"{UPLOAD}{token}/"
    assert not ImportRun.objects.for_municipality(town).exists()  # nothing saved by the upload

    page = admin.get(preview)
    assert page.status_code == 200
    text = text_of(page)
    assert "Vorschau: „werte.csv“" in text
    assert "CSV, lang (eine Zeile je Wert), Kodierung UTF-8, getrennt durch Semikolon" in text
    assert "Die Datei enthält 3 Werte." in text
    assert "3 Werte sind neu." in text
    assert table_rows(page, "vorschau-tabelle") == [
        ["2", "Innenstadt", "2023", "einwohner_gesamt", "neu", "–", "5.120"],
        ["3", "Oststadt", "2023", "einwohner_gesamt", "neu", "–", "4.100"],
        ["4", "Innenstadt", "2023", "sgb2_quote", "neu", "–", "9,4"],
    ]

    saved = admin.post(preview, {"seen": seen_of(page)})
    assert saved.status_code == 302 and saved["Location"] == IMPORTS
    run = ImportRun.objects.for_municipality(town).get()
    assert (run.file_name, run.started_by, run.new_count, run.layout) == (
        "werte.csv",
        people["admin"],
        3,
        "long",
    )
    assert values(town) == {
        ("Innenstadt", "einwohner_gesamt", "2023"): 5120,
        ("Oststadt", "einwohner_gesamt", "2023"): 4100,
        ("Innenstadt", "sgb2_quote", "2023"): 9.4,
    }
    history = admin.get(IMPORTS)
    assert "„werte.csv“ ist gespeichert: 3 Werte, davon 3 neu, 0 geändert, 0 unverändert." in text_of(history)
    assert kept_upload(town, people["admin"], token) is None  # the kept file went with the save


def test_a_second_click_on_save_saves_nothing_again(client_as, town):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    seen = seen_of(admin.get(preview))
    admin.post(preview, {"seen": seen})
    before = snapshot()
    again = admin.post(preview, {"seen": seen}, follow=True)
    assert again.redirect_chain[-1][0] == UPLOAD
    assert "Diese Datei liegt nicht mehr zur Prüfung bereit" in text_of(again)
    assert_nothing_written(before)
    assert ImportRun.objects.for_municipality(town).count() == 1


def test_a_changed_value_shows_before_and_after(client_as, town):
    import_observations(town, GOOD.encode(), "alt.csv", actor=SystemActor.of(town))
    admin = client_as("admin")
    page = admin.get(upload(admin, GOOD.replace("5120", "5200")))
    text = text_of(page)
    assert "1 Wert ändert sich" in text and "2 Werte stehen schon so in den Daten." in text
    assert table_rows(page, "vorschau-tabelle")[0] == [
        "2",
        "Innenstadt",
        "2023",
        "einwohner_gesamt",
        "geändert",
        "5.120",
        "5.200",
    ]


def test_a_file_that_changes_nothing_offers_no_save(client_as, town):
    import_observations(town, GOOD.encode(), "alt.csv", actor=SystemActor.of(town))
    admin = client_as("admin")
    page = admin.get(upload(admin, GOOD))
    assert "es gibt nichts zu speichern" in text_of(page)
    assert not lxml.html.fromstring(page.content).xpath("//input[@name='seen']")


def test_an_xlsx_file_in_wide_layout_is_previewed_and_saved(client_as, town):
    book = Workbook()
    for row in (
        ["Stadtteil", "Zeitraum", "einwohner_gesamt", "sgb2_quote"],
        ["Innenstadt", 2022, 5000, 9.1],
        ["Oststadt", 2022, 4000, None],
    ):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    admin = client_as("admin")
    preview = upload(admin, buffer.getvalue(), name="werte.xlsx")
    page = admin.get(preview)
    assert "Excel (XLSX), breit (eine Spalte je Indikator)" in text_of(page)
    assert "3 Werte sind neu." in text_of(page)
    admin.post(preview, {"seen": seen_of(page)})
    assert values(town)[("Innenstadt", "sgb2_quote", "2022")] == 9.1
    assert ImportRun.objects.for_municipality(town).get().file_format == "xlsx"


def test_new_districts_are_created_only_when_asked(client_as, town):
    text = "district,period,indicator,value\nNordstadt,2023,einwohner_gesamt,800\n"
    admin = client_as("admin")
    refused = admin.get(upload(admin, text))
    assert table_rows(refused, "probleme-tabelle") == [
        ["2", "district", "Unbekannter Stadtteil „Nordstadt“."]
    ]

    preview = upload(admin, text, add_districts=True)
    page = admin.get(preview)
    assert "Neu angelegt werden die Stadtteile: Nordstadt" in text_of(page)
    admin.post(preview, {"seen": seen_of(page)})
    assert District.objects.for_municipality(town).filter(name="Nordstadt").exists()


# --- a bad file -----------------------------------------------------------------------------------------


def test_a_bad_file_names_each_problem_by_line_and_column_and_saves_nothing(client_as, town):
    admin = client_as("admin")
    before = snapshot()
    preview = upload(admin, BAD)
    page = admin.get(preview)
    assert page.status_code == 200
    text = text_of(page)
    assert "Die Datei hat 3 Probleme. Gespeichert wurde nichts." in text
    assert "Bitte korrigieren Sie die Datei an den genannten Stellen" in text
    assert table_rows(page, "probleme-tabelle") == [
        ["3", "district", "Unbekannter Stadtteil „Nordstadt“."],
        ["4", "value", "Keine Zahl: „viel“."],
        ["5", "indicator", "Unbekannter Indikator „einwohner_gesmat“. Meinten Sie „einwohner_gesamt“?"],
    ]
    document = lxml.html.fromstring(page.content)
    assert not document.xpath("//input[@name='seen']")  # no button that saves
    assert document.xpath(f"//form[@action='{UPLOAD}']//input[@type='file']")  # a corrected file goes here
    assert_nothing_written(before)

    # Even a hand-made confirmation saves nothing: the server checks the file again.
    refused = admin.post(preview, {"seen": "0" * 32})
    assert refused.status_code == 400
    assert "Die Datei hat 3 Probleme. Gespeichert wurde nichts." in text_of(refused)
    assert_nothing_written(before)


def test_past_two_hundred_problems_the_rest_are_counted(client_as, town):
    lines = "".join(f"Nirgendwo {number};2023;einwohner_gesamt;1\n" for number in range(250))
    admin = client_as("admin")
    page = admin.get(upload(admin, "district;period;indicator;value\n" + lines))
    assert len(table_rows(page, "probleme-tabelle")) == 200
    assert "… und 50 weitere Probleme." in text_of(page)


def test_a_problem_of_the_whole_file_says_so(client_as, town):
    admin = client_as("admin")
    page = admin.get(upload(admin, "district;period;indicator;value\n"))
    assert table_rows(page, "probleme-tabelle") == [["ganze Datei", "–", "Die Datei enthält keine Werte."]]


def test_a_windows_1252_file_gets_a_notice(client_as, town):
    admin = client_as("admin")
    page = admin.get(
        upload(admin, "district;period;indicator;value\nSüdstadt;2023;einwohner_gesamt;10\n".encode("cp1252"))
    )
    assert "sie wurde als Windows-1252 (Westeuropäisch, auch ISO-8859-1) gelesen" in text_of(page)


def test_the_upload_form_names_a_missing_or_too_large_file_at_its_field(client_as, town):
    admin = client_as("admin")
    empty = admin.post(UPLOAD, {})
    assert empty.status_code == 400
    assert 'id="id_file_error"' in empty.content.decode()
    huge = admin.post(UPLOAD, {"file": SimpleUploadedFile("gross.csv", b"x" * (IMPORT_MAX_BYTES + 1))})
    assert huge.status_code == 400
    assert re.search(r'id="id_file_error">.*größer als 20 MB', huge.content.decode(), re.S)


# --- changed between preview and save ------------------------------------------------------------------


def test_a_file_changed_on_the_server_after_its_preview_is_not_saved(client_as, town, people):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    seen = seen_of(admin.get(preview))
    token = preview.rstrip("/").rsplit("/", 1)[1]
    storage, path = storages["private"], f"{UPLOADS}/{town.pk}/{people['admin'].pk}/{token}.bin"
    storage.delete(path)
    storage.save(path, io.BytesIO(GOOD.replace("5120", "9999").encode()))
    before = snapshot()
    response = admin.post(preview, {"seen": seen}, follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD
    assert "Die Datei hat sich seit dem Hochladen verändert; gespeichert wurde nichts." in text_of(response)
    assert_nothing_written(before)
    assert kept_upload(town, people["admin"], token) is None


def test_values_imported_by_someone_else_meanwhile_show_the_preview_again(client_as, town):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    seen = seen_of(admin.get(preview))
    import_observations(
        town, GOOD.replace("5120", "5000").encode(), "dazwischen.csv", actor=SystemActor.of(town)
    )
    before = snapshot()
    response = admin.post(preview, {"seen": seen})
    assert response.status_code == 409
    text = text_of(response)
    assert "Gespeichert wurde nichts: die Daten haben sich seit der Vorschau geändert." in text
    assert "1 Wert ändert sich" in text
    assert_nothing_written(before)
    # Confirmed again, as it now stands, it is saved.
    assert admin.post(preview, {"seen": seen_of(response)}).status_code == 302
    assert values(town)[("Innenstadt", "einwohner_gesamt", "2023")] == 5120


def test_a_district_renamed_since_the_preview_makes_the_file_fail_on_save(client_as, town):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    seen = seen_of(admin.get(preview))
    District.objects.for_municipality(town).filter(name="Oststadt").update(name="Oststadt-Mitte")
    before = snapshot()
    response = admin.post(preview, {"seen": seen})
    assert response.status_code == 400
    assert table_rows(response, "probleme-tabelle") == [
        ["3", "district", "Unbekannter Stadtteil „Oststadt“."]
    ]
    assert_nothing_written(before)


def test_another_admin_does_not_reach_ones_kept_file(client_as, town, people):
    from ankommen.accounts.models import Member

    token = keep_upload(town, people["admin"], GOOD.encode(), file_name="werte.csv", add_districts=False)
    moderator = people["moderation"]
    Member.objects.filter(pk=moderator.pk).update(role_sectors={**moderator.role_sectors, "admin": ""})
    other = client_as("moderation")
    response = other.get(f"{UPLOAD}{token}/", follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD
    assert "Diese Datei liegt nicht mehr zur Prüfung bereit" in text_of(response)
    assert kept_upload(town, people["admin"], token) is not None


def test_a_file_never_confirmed_goes_after_a_day(town, people):
    token = keep_upload(town, people["admin"], GOOD.encode(), file_name="werte.csv", add_districts=False)
    assert registry.periodic["seismograph.prune_uploads"].run is prune_uploads
    prune_uploads(timezone.now() + timedelta(hours=23))
    assert kept_upload(town, people["admin"], token) is not None
    prune_uploads(timezone.now() + timedelta(hours=25))
    assert kept_upload(town, people["admin"], token) is None
    assert not storages["private"].exists(f"{UPLOADS}/{town.pk}/{people['admin'].pk}/{token}.bin")


def test_a_token_that_is_no_hash_finds_nothing(client_as):
    response = client_as("admin").get(f"{UPLOAD}..%2F..%2Fsecrets/")
    assert response.status_code in (302, 404)


# --- the history and rollback --------------------------------------------------------------------------


def _import(town, text, name, actor):
    return import_observations(town, text.encode(), name, actor=actor)


def test_the_history_shows_who_when_which_file_and_what_changed(client_as, town, people):
    _import(town, GOOD, "erste.csv", people["admin"])
    _import(town, GOOD.replace("5120", "5200"), "zweite.csv", SystemActor.of(town))
    rows = table_rows(client_as("admin").get(IMPORTS), "importe-tabelle")
    assert [row[0] for row in rows] == [
        "zweite.csv CSV, lang (eine Zeile je Wert)",
        "erste.csv CSV, lang (eine Zeile je Wert)",
    ]
    assert rows[0][1].endswith("System oder gelöschtes Konto")
    assert rows[1][1].endswith(people["admin"].display_name)
    assert rows[0][2] == "3 in der Datei: 0 neu, 1 geändert, 2 unverändert"
    assert rows[0][3].startswith("übernommen Zurücknehmen")
    assert "erst nach den späteren Importen" in rows[1][3]


def test_rolling_back_asks_first_and_says_what_will_happen(client_as, town, people):
    _import(town, GOOD, "erste.csv", people["admin"])
    run = _import(town, GOOD.replace("5120", "5200").replace("9,4", "9,9"), "zweite.csv", people["admin"])
    admin = client_as("admin")
    address = f"{IMPORTS}{run.pk}/zuruecknehmen/"
    before = snapshot()
    page = admin.get(address)
    text = text_of(page)
    assert "Import zurücknehmen?" in text
    assert "2 Werte dieses Imports werden entfernt." in text
    assert "2 frühere Werte, die der Import ersetzt hat, gelten wieder." in text
    assert "Werte, die schon vor dem Import so in den Daten standen, bleiben." in text
    assert_nothing_written(before)

    done = admin.post(address, follow=True)
    assert done.redirect_chain[-1][0] == IMPORTS
    assert (
        "Der Import „zweite.csv“ ist zurückgenommen. 2 Werte entfernt. 2 frühere Werte gelten wieder."
        in text_of(done)
    )
    run.refresh_from_db()
    assert (run.status, run.rolled_back_by) == (ImportStatus.ROLLED_BACK, people["admin"])
    assert values(town)[("Innenstadt", "einwohner_gesamt", "2023")] == 5120
    assert values(town)[("Innenstadt", "sgb2_quote", "2023")] == 9.4
    rows = table_rows(done, "importe-tabelle")
    assert rows[0][3].startswith("zurückgenommen am")


def test_a_rollback_a_later_import_builds_on_is_refused_and_explained(client_as, town, people):
    first = _import(town, GOOD, "erste.csv", people["admin"])
    _import(town, GOOD.replace("5120", "5200"), "zweite.csv", people["admin"])
    admin = client_as("admin")
    address = f"{IMPORTS}{first.pk}/zuruecknehmen/"
    page = admin.get(address)
    text = text_of(page)
    assert "Dieser Import lässt sich jetzt nicht zurücknehmen." in text
    assert "Nehmen Sie deshalb zuerst diese späteren Importe zurück" in text
    assert "„zweite.csv“" in text
    assert not lxml.html.fromstring(page.content).xpath("//main//button[@type='submit']")

    before = snapshot()
    refused = admin.post(address)
    assert refused.status_code == 400
    assert "Dieser Import lässt sich jetzt nicht zurücknehmen." in text_of(refused)
    assert_nothing_written(before)


def test_an_import_rolled_back_says_so_and_cannot_be_again(client_as, town, people):
    run = _import(town, GOOD, "erste.csv", people["admin"])
    admin = client_as("admin")
    address = f"{IMPORTS}{run.pk}/zuruecknehmen/"
    admin.post(address)
    assert "Dieser Import ist schon zurückgenommen" in text_of(admin.get(address))
    before = snapshot()
    assert admin.post(address).status_code == 400
    assert_nothing_written(before)


def test_rolling_back_names_the_districts_it_will_remove(client_as, town, people):
    run = import_observations(
        town,
        b"district,period,indicator,value\nNordstadt,2023,einwohner_gesamt,800\n",
        "neu.csv",
        actor=people["admin"],
        add_districts=True,
    )
    page = client_as("admin").get(f"{IMPORTS}{run.pk}/zuruecknehmen/")
    assert "Die Stadtteile, die der Import angelegt hat (Nordstadt), werden entfernt" in text_of(page)


def test_another_towns_import_is_not_found(client_as, other_town):
    foreign = ImportRun.objects.create(
        municipality=other_town, file_name="fremd.csv", file_format="csv", layout="long"
    )
    assert client_as("admin").get(f"{IMPORTS}{foreign.pk}/zuruecknehmen/").status_code == 404


# --- the audit log and one's personal data ---------------------------------------------------------------


def test_imports_and_rollbacks_stand_in_the_audit_log_in_plain_german(client_as, town, people):
    admin = client_as("admin")
    preview = upload(admin, GOOD)
    admin.post(preview, {"seen": seen_of(admin.get(preview))})
    run = ImportRun.objects.for_municipality(town).get()
    admin.post(f"{IMPORTS}{run.pk}/zuruecknehmen/")
    assert list(
        AuditEntry.objects.filter(target_id=run.pk, target_type="seismograph.importrun")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["values.imported", "values.rolled_back"]
    log = text_of(admin.get("/verwaltung/protokoll/"))
    assert "Werte für den Seismographen importiert" in log
    assert "Import von Werten zurückgenommen" in log


def test_ones_imports_are_among_ones_personal_data(client_as, town, people):
    _import(town, GOOD, "meine-werte.csv", people["admin"])
    page = text_of(client_as("admin").get("/konto/meine-daten/"))
    assert "Wer Werte für den Seismographen importiert hat" in page
    assert "meine-werte.csv" in page


@pytest.mark.parametrize("role", ["mitglied", "expertin", "moderation", "uebersetzung", "stranger"])
def test_only_admins_upload(client_as, town, role):
    client = client_as(role)
    before = snapshot()
    response = client.post(UPLOAD, {"file": csv_file(GOOD)})
    assert response.status_code == 403
    assert_nothing_written(before)
