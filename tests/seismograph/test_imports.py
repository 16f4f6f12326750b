"""Files of values: every kind of bad file is named at its line and column, and nothing is saved until all is
right; a saved import can be rolled back to exactly the data before it, also after a later import."""

import codecs
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry
from ankommen.seismograph.imports import PROBLEM_CAP, check_file, parse_number
from ankommen.seismograph.models import ImportStatus, Indicator, Layout, Observation
from ankommen.seismograph.services import (
    ImportRefused,
    import_observations,
    install_catalogue,
    roll_back_import,
)
from tests.permissions import assert_nothing_written, changes, snapshot
from tests.seismograph.demo_values import without_demo_values


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """These tests count values and boundaries from none: the demo's are taken away first."""
    without_demo_values(town)


def lines(*rows):
    return ("\n".join(rows) + "\n").encode()


def problems(report):
    """(line, column, message) of every problem listed."""
    return [(problem.line, problem.column, str(problem.message)) for problem in report.problems]


def only_problem(report):
    assert report.problem_count == 1, problems(report)
    return report.problems[0]


def current(town):
    """The town's current values: {(district, indicator key, period): (value, numerator, denominator)}."""
    return {
        (name, key, period): (value, numerator, denominator)
        for name, key, period, value, numerator, denominator in Observation.objects.for_municipality(town)
        .current()
        .values_list("district__name", "indicator__key", "period", "value", "numerator", "denominator")
    }


def xlsx(rows, *, sheets=1):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for number in range(1, sheets):
        book.create_sheet(f"Blatt {number + 1}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def system(town):
    return SystemActor.of(town)


# --- reading: layouts, separators, numbers, encodings ------------------------------------------------


def test_a_long_file_with_commas_gives_its_values(town):
    report = check_file(
        town,
        lines(
            "district,period,indicator,value",
            "Innenstadt,2023,einwohner_gesamt,5120",
            "Innenstadt,2023,sgb2_quote,7.5",
        ),
        "werte.csv",
    )
    assert report.ok, problems(report)
    assert report.layout == Layout.LONG
    assert report.delimiter == ","
    assert [(value.district, value.indicator.key, value.period, value.value) for value in report.values] == [
        ("innenstadt", "einwohner_gesamt", "2023", 5120.0),
        ("innenstadt", "sgb2_quote", "2023", 7.5),
    ]
    assert (report.new_count, report.changed_count, report.unchanged_count) == (2, 0, 0)


def test_semicolons_and_the_german_decimal_comma_are_read(town):
    report = check_file(
        town,
        lines(
            "Stadtteil;Zeitraum;Indikator;Wert",
            "Südstadt;2023-05;sgb2_quote;12,5",
            'Südstadt;2023-05;einwohner_gesamt;"12.345"',
            "Südstadt;2023-05;einwohner_nichtdeutsch;1.234",
        ),
        "werte.csv",
    )
    assert report.delimiter == ";"
    # "12.345" as a count of people cannot be twelve and a bit: it is named, not read as 12345 unasked.
    assert problems(report) == [
        (3, "Wert", "Eine Zahl von Personen ist eine ganze Zahl ab 0."),
        (4, "Wert", "Eine Zahl von Personen ist eine ganze Zahl ab 0."),
    ]
    assert parse_number("12,5") == 12.5
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("12,5 %") == 12.5
    assert parse_number("1 234") == 1234
    assert parse_number("1,234.5") is None
    assert parse_number("1,2,3") is None
    assert parse_number("nan") is None


def test_a_wide_file_has_one_column_per_indicator_and_empty_cells_are_no_values(town):
    report = check_file(
        town,
        lines(
            "district;period;einwohner_gesamt;einwohner_nichtdeutsch;sgb2_quote",
            "Innenstadt;2022;5000;900;8,1",
            "Oststadt;2022;4100;;6,0",
        ),
        "breit.csv",
    )
    assert report.ok, problems(report)
    assert report.layout == Layout.WIDE
    assert sorted((value.district, value.indicator.key, value.value) for value in report.values) == [
        ("innenstadt", "einwohner_gesamt", 5000),
        ("innenstadt", "einwohner_nichtdeutsch", 900),
        ("innenstadt", "sgb2_quote", 8.1),
        ("oststadt", "einwohner_gesamt", 4100),
        ("oststadt", "sgb2_quote", 6.0),
    ]


def test_empty_lines_are_skipped_and_lines_keep_their_numbers(town):
    report = check_file(
        town,
        lines(
            "",
            "district,period,indicator,value",
            "",
            "Innenstadt,2023,einwohner_gesamt,5120",
            ",,,",
            "   ",
            "Innenstadt,2023,sgb2_quote,viel",
        ),
        "werte.csv",
    )
    assert problems(report) == [(7, "value", "Keine Zahl: „viel“.")]


def test_district_names_match_without_regard_to_case_and_spaces(town):
    report = check_file(
        town, lines("district,period,indicator,value", "  süd   STADT ,2023,einwohner_gesamt,1"), "werte.csv"
    )
    assert report.problem_count == 1  # "Süd Stadt" is not "Südstadt"
    report = check_file(
        town, lines("district,period,indicator,value", "  SÜDSTADT ,2023,EINWOHNER_GESAMT,1"), "werte.csv"
    )
    assert report.ok, problems(report)
    assert report.values[0].district == "südstadt"


def test_a_byte_order_mark_is_no_part_of_the_first_heading(town):
    content = codecs.BOM_UTF8 + lines("district;period;indicator;value", "Südstadt;2023;einwohner_gesamt;10")
    report = check_file(town, content, "werte.csv")
    assert report.ok, problems(report)
    assert report.encoding == "UTF-8"
    assert report.notices == []


def test_a_windows_1252_file_is_read_and_said_so(town):
    content = "district;period;indicator;value\nSüdstadt;2023;einwohner_gesamt;10\n".encode("cp1252")
    report = check_file(town, content, "werte.csv")
    assert report.ok, problems(report)
    assert report.encoding == "Windows-1252"
    assert report.values[0].district == "südstadt"
    assert "nicht in UTF-8" in report.notices[0]


def test_a_file_in_utf16_is_a_wrong_encoding_not_a_crash(town):
    content = "district;period;indicator;value\nSüdstadt;2023;einwohner_gesamt;10\n".encode("utf-16-le")
    report = check_file(town, content, "werte.csv")
    problem = only_problem(report)
    assert problem.line == 1
    assert "keine Textdatei in UTF-8 oder Windows-1252" in problem.message
    assert "CSV UTF-8" in problem.message


def test_a_line_in_another_encoding_than_the_rest_is_named(town):
    content = lines(
        "district;period;indicator;value", "Südstadt;2023;einwohner_gesamt;10"
    ) + "Südstadt;2023;einwohner_nichtdeutsch;3\n".encode("cp1252")
    report = check_file(town, content, "werte.csv")
    problem = only_problem(report)
    assert (problem.line, problem.column) == (3, "")
    assert "teils in UTF-8" in problem.message


def test_an_old_excel_file_is_named_not_read(town):
    report = check_file(town, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "werte.xls")
    assert ".xls" in only_problem(report).message


# --- what a line may be wrong in ---------------------------------------------------------------------


def test_an_unknown_district_is_named_at_its_line_and_column(town):
    report = check_file(
        town,
        lines(
            "Stadtteil;Jahr;Indikator;Wert",
            "Innenstadt;2023;einwohner_gesamt;5",
            "Nordstadt;2023;einwohner_gesamt;5",
        ),
        "werte.csv",
    )
    assert problems(report) == [(3, "Stadtteil", "Unbekannter Stadtteil „Nordstadt“.")]


def test_with_add_districts_an_unknown_district_is_to_be_created(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value",
            "Nordstadt ;2023;einwohner_gesamt;5",
            "nordstadt;2024;einwohner_gesamt;6",
        ),
        "werte.csv",
        add_districts=True,
    )
    assert report.ok, problems(report)
    assert report.new_districts == {"nordstadt": "Nordstadt"}
    assert "Neue Stadtteile: Nordstadt" in report.lines()


def test_an_unknown_indicator_is_named_with_the_key_it_is_close_to(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value",
            "Innenstadt;2023;sgb2quote;5",
            "Innenstadt;2023;glueck;5",
        ),
        "werte.csv",
    )
    assert problems(report) == [
        (2, "indicator", "Unbekannter Indikator „sgb2quote“. Meinten Sie „sgb2_quote“?"),
        (3, "indicator", "Unbekannter Indikator „glueck“."),
    ]


def test_an_unknown_indicator_in_a_wide_heading_is_named_at_the_heading(town):
    report = check_file(
        town, lines("district;period;einwohner_gesamt;zufriedenheit", "Innenstadt;2023;5;1"), "breit.csv"
    )
    assert problems(report) == [(1, "zufriedenheit", "Unbekannter Indikator „zufriedenheit“.")]


def test_a_value_that_is_no_number_is_named(town):
    report = check_file(
        town,
        lines(
            "district;period;einwohner_gesamt;sgb2_quote", "Innenstadt;2023;5000;k.A.", "Oststadt;2023;x;7"
        ),
        "breit.csv",
    )
    assert problems(report) == [
        (2, "sgb2_quote", "Keine Zahl: „k.A.“."),
        (3, "einwohner_gesamt", "Keine Zahl: „x“."),
    ]


def test_values_outside_what_the_indicator_can_be_are_named(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value",
            "Innenstadt;2023;sgb2_quote;120",
            "Innenstadt;2023;einwohner_gesamt;-3",
            "Innenstadt;2023;einwohner_deutsch;12,5",
            "Innenstadt;2023;integrationskurs_quote;12,5",
        ),
        "werte.csv",
    )
    assert problems(report) == [
        (2, "value", "Ein Anteil in Prozent liegt zwischen 0 und 100."),
        (3, "value", "Eine Zahl von Personen ist eine ganze Zahl ab 0."),
        (4, "value", "Eine Zahl von Personen ist eine ganze Zahl ab 0."),
    ]


def test_a_numerator_above_its_denominator_is_named(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value;numerator;denominator",
            "Innenstadt;2023;sgb2_quote;7,5;300;4000",
            "Oststadt;2023;sgb2_quote;7,5;4300;4000",
            "Weststadt;2023;sgb2_quote;7,5;;4000",
        ),
        "werte.csv",
    )
    assert problems(report) == [
        (3, "numerator", "Der Zähler ist größer als der Nenner (4300 > 4000)."),
    ]


def test_a_duplicate_value_names_the_line_it_repeats(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value",
            "Innenstadt;2023;sgb2_quote;7",
            "Oststadt;2023;sgb2_quote;7",
            "innenstadt ;2023;SGB2_QUOTE;8",
            "Innenstadt;2023-01;sgb2_quote;8",
        ),
        "werte.csv",
    )
    assert problems(report) == [
        (4, "indicator", "Doppelt: Stadtteil, Zeitraum und Indikator stehen schon in Zeile 2."),
    ]


def test_a_duplicate_line_of_a_wide_file_is_named_once(town):
    report = check_file(
        town,
        lines("district;period;einwohner_gesamt;sgb2_quote", "Innenstadt;2023;5;7", "Innenstadt;2023;5;7"),
        "breit.csv",
    )
    assert problems(report) == [(3, "district", "Doppelt: Stadtteil und Zeitraum stehen schon in Zeile 2.")]


@pytest.mark.parametrize("period", ["23", "2023-13", "2023/05", "31.12.2023", "Q1 2023", "1850"])
def test_a_bad_period_is_named(town, period):
    report = check_file(
        town, lines("district;period;indicator;value", f"Innenstadt;{period};sgb2_quote;7"), "werte.csv"
    )
    assert problems(report) == [
        (
            2,
            "period",
            f"Ungültiger Zeitraum „{period}“: bitte ein Jahr (2023) oder einen Monat (2023-05).",
        )
    ]


def test_months_are_written_with_two_digits_and_sort_by_their_first_day(town):
    report = check_file(
        town, lines("district;period;indicator;value", "Innenstadt;2023-5;sgb2_quote;7"), "werte.csv"
    )
    assert report.ok, problems(report)
    assert (report.values[0].period, report.values[0].period_start) == ("2023-05", datetime.date(2023, 5, 1))


def test_a_missing_column_is_named_and_no_line_is_read(town):
    report = check_file(town, lines("district;indicator;value", "Innenstadt;sgb2_quote;7"), "werte.csv")
    assert problems(report) == [(1, "", "Die Spalte „period“ fehlt in der Kopfzeile.")]


def test_missing_cells_and_extra_cells_are_named(town):
    report = check_file(
        town,
        lines(
            "district;period;indicator;value",
            "Innenstadt;2023;sgb2_quote",
            ";2023;sgb2_quote;7",
            "Innenstadt;2023;einwohner_gesamt;7;8",
        ),
        "werte.csv",
    )
    assert problems(report) == [
        (2, "value", "Kein Wert angegeben."),
        (3, "district", "Kein Stadtteil angegeben."),
        (4, "", "Die Zeile hat mehr Werte als die Kopfzeile Spalten."),
    ]


def test_an_empty_file_and_a_file_of_headings_only_are_named(town):
    assert str(only_problem(check_file(town, b"\n\n", "leer.csv")).message) == "Die Datei ist leer."
    report = check_file(town, lines("district;period;indicator;value"), "leer.csv")
    assert str(only_problem(report).message) == "Die Datei enthält keine Werte."


def test_after_two_hundred_problems_the_rest_are_counted(town):
    rows = ["district;period;indicator;value"] + [f"Innenstadt;Q{n};sgb2_quote;7" for n in range(250)]
    report = check_file(town, lines(*rows), "werte.csv")
    assert len(report.problems) == PROBLEM_CAP == 200
    assert report.problem_count == 250
    assert report.problems[-1].line == 201
    assert "… und 50 weitere Probleme" in report.lines()
    assert report.lines()[-1] == "Nichts gespeichert: 250 Probleme."


# --- XLSX ---------------------------------------------------------------------------------------------


def test_an_xlsx_file_in_long_layout_is_read(town):
    content = xlsx(
        [
            ["district", "period", "indicator", "value", "numerator", "denominator"],
            ["Innenstadt", 2023, "sgb2_quote", 7.5, 300, 4000],
            [None, None, None, None],
            ["Pattonville", "2023-05", "einwohner_gesamt", 2100],
            ["Pattonville", datetime.date(2023, 6, 1), "einwohner_gesamt", 2110],
        ]
    )
    report = check_file(town, content, "werte.xlsx")
    assert report.ok, problems(report)
    assert report.file_format == "xlsx"
    assert [(value.district, value.period, value.value, value.numerator) for value in report.values] == [
        ("innenstadt", "2023", 7.5, 300),
        ("pattonville", "2023-05", 2100, None),
        ("pattonville", "2023-06", 2110, None),
    ]


def test_an_xlsx_file_names_its_problems_by_row_and_column(town):
    content = xlsx(
        [
            ["Stadtteil", "Jahr", "einwohner_gesamt", "sgb2_quote"],
            ["Innenstadt", 2023, 5000, "hoch"],
            ["Nordstadt", 2023, 5000, 7],
            ["Oststadt", datetime.date(2023, 12, 31), 5000, 7],
        ],
        sheets=2,
    )
    report = check_file(town, content, "breit.xlsx")
    assert problems(report) == [
        (2, "sgb2_quote", "Keine Zahl: „hoch“."),
        (3, "Stadtteil", "Unbekannter Stadtteil „Nordstadt“."),
        (4, "Jahr", "Ungültiger Zeitraum „2023-12-31“: bitte ein Jahr (2023) oder einen Monat (2023-05)."),
    ]
    assert report.notices == ["Gelesen wurde nur das erste Tabellenblatt, „Sheet“."]


def test_a_broken_xlsx_file_is_named_not_a_crash(town):
    report = check_file(town, b"PK\x03\x04 not really a workbook", "werte.xlsx")
    assert "keine lesbare Excel-Datei" in only_problem(report).message


# --- saving and rolling back --------------------------------------------------------------------------


def test_the_preview_sorts_values_into_new_changed_and_unchanged(town):
    import_observations(
        town,
        lines(
            "district;period;einwohner_gesamt;sgb2_quote", "Innenstadt;2022;5000;8", "Oststadt;2022;4000;6"
        ),
        "2022.csv",
        actor=system(town),
    )
    report = check_file(
        town,
        lines(
            "district;period;einwohner_gesamt;sgb2_quote",
            "Innenstadt;2022;5000;8,5",
            "Oststadt;2022;4000;6",
            "Oststadt;2023;4010;6",
        ),
        "2022-korrigiert.csv",
    )
    assert (report.new_count, report.changed_count, report.unchanged_count) == (2, 1, 3)
    changed = [row for row in report.preview if row.changed]
    assert [(row.district, row.indicator, row.before, row.value) for row in changed] == [
        ("Innenstadt", "sgb2_quote", 8, 8.5)
    ]
    assert "6 Werte: 2 neu, 1 geändert, 3 unverändert." in report.lines()


def test_a_refused_import_leaves_every_table_as_it_was(town):
    import_observations(
        town,
        lines("district;period;einwohner_gesamt", "Innenstadt;2022;5000"),
        "2022.csv",
        actor=system(town),
    )
    before = snapshot()
    content = lines(
        "district;period;einwohner_gesamt;sgb2_quote",
        "Innenstadt;2022;5100;8",
        "Nordstadt;2022;4000;6",
    )
    with pytest.raises(ImportRefused) as refused:
        import_observations(town, content, "kaputt.csv", actor=system(town))
    assert problems(refused.value.report) == [(3, "district", "Unbekannter Stadtteil „Nordstadt“.")]
    assert_nothing_written(before, "a refused import wrote")


def test_only_the_admins_and_the_system_import(town, people):
    content = lines("district;period;einwohner_gesamt", "Innenstadt;2022;5000")
    before = snapshot()
    for local_part in ("moderation", "expertin", "mitglied"):
        with pytest.raises(PermissionDenied):
            import_observations(town, content, "werte.csv", actor=people[local_part])
    assert_nothing_written(before)
    run = import_observations(town, content, "werte.csv", actor=people["admin"])
    assert run.started_by == people["admin"]
    assert AuditEntry.objects.filter(
        action="values.imported", target_id=run.pk, actor=people["admin"].user
    ).exists()


def test_a_changed_value_keeps_the_one_it_replaced_and_rolling_back_restores_it(town):
    before_a = snapshot()
    first = import_observations(
        town,
        lines(
            "district;period;einwohner_gesamt;einwohner_nichtdeutsch",
            "Innenstadt;2022;5000;900",
            "Oststadt;2022;4000;500",
        ),
        "a.csv",
        actor=system(town),
    )
    after_a = current(town)
    second = import_observations(
        town,
        lines(
            "district;period;indicator;value",
            "Innenstadt;2022;einwohner_gesamt;5050",
            "Oststadt;2022;einwohner_gesamt;4000",
            "Weststadt;2022;einwohner_gesamt;3000",
        ),
        "b.csv",
        actor=system(town),
    )
    assert (second.new_count, second.changed_count, second.unchanged_count) == (1, 1, 1)
    assert current(town)[("Innenstadt", "einwohner_gesamt", "2022")] == (5050, None, None)
    replaced = Observation.objects.get(replaced_by=second)
    assert (replaced.value, replaced.import_run) == (5000, first)

    with pytest.raises(ValidationError, match="Spätere Importe haben Werte dieses Imports ersetzt: „b.csv“"):
        roll_back_import(first, actor=system(town))

    roll_back_import(second, actor=system(town))
    assert current(town) == after_a
    second.refresh_from_db()
    assert second.status == ImportStatus.ROLLED_BACK and second.rolled_back_at is not None

    roll_back_import(first, actor=system(town))
    assert current(town) == {}
    assert not Observation.objects.for_municipality(town).exists()
    # Only the two runs' rows (rolled back, kept as the trace) and the audit lines are new.
    assert set(changes(before_a, snapshot())) == {"seismograph_importrun", "core_auditentry"}


def test_an_import_rolled_back_cannot_be_rolled_back_again(town):
    run = import_observations(
        town, lines("district;period;einwohner_gesamt", "Innenstadt;2022;5000"), "a.csv", actor=system(town)
    )
    roll_back_import(run, actor=system(town))
    with pytest.raises(ValidationError, match="schon zurückgenommen"):
        roll_back_import(run, actor=system(town))


def test_rolling_back_removes_the_districts_the_import_added_unless_in_use(town):
    run = import_observations(
        town,
        lines("district;period;einwohner_gesamt", "Nordstadt;2022;5000", "Hafen;2022;10"),
        "neu.csv",
        actor=system(town),
        add_districts=True,
    )
    assert sorted(run.added_districts.values_list("name", flat=True)) == ["Hafen", "Nordstadt"]
    hafen = District.objects.get(municipality=town, name="Hafen")
    later = import_observations(
        town, lines("district;period;einwohner_gesamt", "Hafen;2023;12"), "hafen.csv", actor=system(town)
    )
    assert later.new_count == 1
    roll_back_import(run, actor=system(town))
    assert not District.objects.filter(municipality=town, name="Nordstadt").exists()
    assert District.objects.filter(pk=hafen.pk).exists()  # the later import's value is there
    assert current(town) == {("Hafen", "einwohner_gesamt", "2023"): (12, None, None)}


def test_importing_the_same_file_again_changes_nothing(town):
    content = lines("district;period;einwohner_gesamt", "Innenstadt;2022;5000", "Oststadt;2022;4000")
    import_observations(town, content, "a.csv", actor=system(town))
    again = import_observations(town, content, "a.csv", actor=system(town))
    assert (again.new_count, again.changed_count, again.unchanged_count) == (0, 0, 2)
    assert Observation.objects.for_municipality(town).count() == 2


def test_another_towns_indicators_and_districts_are_unknown_here(town, other_town):
    install_catalogue(other_town, actor=SystemActor.of(other_town))
    report = check_file(
        other_town, lines("district;period;einwohner_gesamt", "Innenstadt;2022;5000"), "a.csv"
    )
    assert problems(report) == [(2, "district", "Unbekannter Stadtteil „Innenstadt“.")]


def test_a_hundred_thousand_rows_are_imported(town):
    """100 districts × 50 years × 20 indicators; the time it takes is measured in bench/seismograph_import.py."""
    keys = list(Indicator.objects.for_municipality(town).filter(is_count=True).values_list("key", flat=True))
    keys += list(
        Indicator.objects.for_municipality(town).filter(is_count=False).values_list("key", flat=True)
    )
    keys = keys[:20]
    header = "district;period;" + ";".join(keys)
    rows = [
        f"Bezirk {district};{year};" + ";".join(str((district + year + column) % 90) for column in range(20))
        for district in range(100)
        for year in range(1975, 2025)
    ]
    run = import_observations(town, lines(header, *rows), "gross.csv", actor=system(town), add_districts=True)
    assert (run.value_count, run.new_count) == (100_000, 100_000)
    assert Observation.objects.for_municipality(town).current().count() == 100_000
    assert (
        Observation.objects.get(
            municipality=town, district__name="Bezirk 7", period="2000", indicator__key=keys[3]
        ).value
        == (7 + 2000 + 3) % 90
    )
