"""`ankommen seismograph import` and `indices`: the same report as the upload, status 1 and nothing saved on any
problem; the measures of one period as JSON, a district without residents as null."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry
from ankommen.seismograph.models import ImportRun, Observation
from ankommen.seismograph.services import import_observations
from tests.permissions import assert_nothing_written, snapshot
from tests.seismograph.demo_values import without_demo_values


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """These tests count values and boundaries from none: the demo's are taken away first."""
    without_demo_values(town)


def seismograph(*arguments):
    """Run the command; its output, or the `CommandError` it ended with (exit status `returncode`) and the output."""
    out = StringIO()
    try:
        call_command("seismograph", *arguments, stdout=out)
    except CommandError as error:
        return error, out.getvalue()
    return None, out.getvalue()


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_import_prints_the_report_and_saves_as_the_system(town, tmp_path):
    path = write(
        tmp_path,
        "werte.csv",
        "district;period;indicator;value\nInnenstadt;2023;einwohner_gesamt;5120\nOststadt;2023;einwohner_gesamt;4100\n",
    )
    error, output = seismograph("import", path, "--town", "kornwestheim")
    assert error is None, output
    assert "Datei: werte.csv (CSV)" in output
    assert "Aufbau: lang (eine Zeile je Wert)" in output
    assert "2 Werte: 2 neu, 0 geändert, 0 unverändert." in output
    run = ImportRun.objects.for_municipality(town).get()
    assert f"Import {run.pk} saved." in output
    assert (run.file_name, run.started_by, run.new_count) == ("werte.csv", None, 2)
    assert AuditEntry.objects.get(action="values.imported", target_id=run.pk).actor is None
    assert Observation.objects.for_municipality(town).current().count() == 2


def test_import_of_a_bad_file_prints_every_problem_exits_with_1_and_saves_nothing(town, tmp_path):
    path = write(
        tmp_path,
        "werte.csv",
        "district;period;indicator;value\n"
        "Innenstadt;2023;einwohner_gesamt;5120\n"
        "Nordstadt;2023;einwohner_gesamt;10\n"
        "Oststadt;2023;sgb2_quote;viel\n",
    )
    before = snapshot()
    error, output = seismograph("import", path, "--town", "kornwestheim")
    assert error is not None and error.returncode == 1
    assert output.splitlines()[-3:] == [
        "Zeile 3, Spalte „district“: Unbekannter Stadtteil „Nordstadt“.",
        "Zeile 4, Spalte „value“: Keine Zahl: „viel“.",
        "Nichts gespeichert: 2 Probleme.",
    ]
    assert_nothing_written(before, "a refused import from the command wrote")


def test_import_with_add_districts_creates_the_districts_the_file_names(town, tmp_path):
    path = write(
        tmp_path, "neu.csv", "Stadtteil;Jahr;einwohner_gesamt\nNordstadt;2023;10\nInnenstadt;2023;5120\n"
    )
    error, output = seismograph("import", path, "--town", "kornwestheim", "--add-districts")
    assert error is None, output
    assert "Neue Stadtteile: Nordstadt" in output
    assert District.objects.for_municipality(town).filter(name="Nordstadt").exists()


def test_import_of_a_windows_file_says_how_it_was_read(town, tmp_path):
    path = write(
        tmp_path, "alt.csv", "district;period;einwohner_gesamt\nSüdstadt;2023;10\n", encoding="cp1252"
    )
    error, output = seismograph("import", path, "--town", "kornwestheim")
    assert error is None, output
    assert "Hinweis: Die Datei ist nicht in UTF-8 gespeichert" in output


def test_an_unknown_town_or_a_missing_file_ends_with_status_1(town, tmp_path):
    path = write(tmp_path, "werte.csv", "district;period;einwohner_gesamt\nInnenstadt;2023;10\n")
    error, _output = seismograph("import", path, "--town", "nirgendwo")
    assert error.returncode == 1 and "nirgendwo" in str(error)
    error, _output = seismograph("import", str(tmp_path / "fehlt.csv"), "--town", "kornwestheim")
    assert error.returncode == 1 and "Cannot read" in str(error)
    assert not ImportRun.objects.exists()


@pytest.fixture
def counted(town):
    """Innenstadt 10 of 20 are the group, Weststadt 0 of 20, Oststadt has nobody; Südstadt and Pattonville
    have values only for 2022."""
    content = (
        "district;period;einwohner_nichtdeutsch;einwohner_gesamt;sgb2_quote\n"
        "Innenstadt;2023;10;20;7\n"
        "Weststadt;2023;0;20;5\n"
        "Oststadt;2023;0;0;\n"
        "Südstadt;2022;5;50;4\n"
        "Pattonville;2022;5;50;4\n"
    ).encode()
    import_observations(town, content, "zahlen.csv", actor=SystemActor.of(town))
    return town


def segregation_module():
    return pytest.importorskip(
        "ankommen.seismograph.segregation",
        reason="ankommen.seismograph.segregation (the measures) is not merged into this branch yet",
    )


def test_indices_prints_the_measures_and_location_quotients_as_json(counted):
    segregation = segregation_module()
    error, output = seismograph(
        "indices",
        "--town",
        "kornwestheim",
        "--group",
        "einwohner_nichtdeutsch",
        "--total",
        "einwohner_gesamt",
        "--period",
        "2023",
        "--format",
        "json",
    )
    assert error is None, output
    result = json.loads(output)
    assert set(result) == {"period", "group", "total", "measures", "location_quotients"}
    assert (result["period"], result["group"], result["total"]) == (
        "2023",
        "einwohner_nichtdeutsch",
        "einwohner_gesamt",
    )
    assert set(result["measures"]) == {"dissimilarity", "isolation", "exposure", "entropy", "gini"}
    # The districts with data in 2023, in the town's order; Oststadt has no residents.
    assert list(result["location_quotients"]) == ["Innenstadt", "Weststadt", "Oststadt"]
    assert result["location_quotients"]["Oststadt"] is None
    # By hand: G = 10 of T = 40, the complement 10 and 20 of 30.
    assert result["measures"]["dissimilarity"] == pytest.approx(0.5 * (abs(1 - 10 / 30) + abs(0 - 20 / 30)))
    assert result["measures"]["isolation"] == pytest.approx(0.5)
    assert result["measures"]["exposure"] == pytest.approx(0.5)
    assert result["location_quotients"]["Innenstadt"] == pytest.approx(
        {"group": 2.0, "complement": (10 / 20) / (30 / 40)}
    )
    assert result["location_quotients"]["Weststadt"] == pytest.approx(
        {"group": 0.0, "complement": 1 / (30 / 40)}
    )
    # Exactly what the pages compute.
    units = [(10, 20), (0, 20), (0, 0)]
    assert result["measures"] == pytest.approx(segregation.measures(units), nan_ok=True)


def test_indices_as_text_names_a_district_without_residents(counted):
    segregation_module()
    error, output = seismograph(
        "indices",
        "--town",
        "kornwestheim",
        "--group",
        "einwohner_nichtdeutsch",
        "--total",
        "einwohner_gesamt",
        "--period",
        "2023",
    )
    assert error is None, output
    assert "Oststadt: no residents" in output
    assert "dissimilarity:" in output


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (
            ["--group", "sgb2_quote", "--total", "einwohner_gesamt", "--period", "2023"],
            "not a number of residents",
        ),
        (["--group", "gibtsnicht", "--total", "einwohner_gesamt", "--period", "2023"], "no indicator"),
        (["--group", "einwohner_gesamt", "--total", "einwohner_gesamt", "--period", "2023"], "different"),
        (
            ["--group", "einwohner_nichtdeutsch", "--total", "einwohner_gesamt", "--period", "2023-13"],
            "no period",
        ),
        (
            ["--group", "einwohner_nichtdeutsch", "--total", "einwohner_gesamt", "--period", "1999"],
            "No district",
        ),
        (["--group", "einwohner_deutsch", "--total", "einwohner_gesamt", "--period", "2023"], "only one of"),
    ],
)
def test_indices_refuses_what_it_cannot_compute_with_status_1(counted, arguments, says):
    error, _output = seismograph("indices", "--town", "kornwestheim", *arguments)
    assert error is not None and error.returncode == 1
    assert says in str(error)


def test_indices_refuses_a_period_where_a_district_lacks_one_of_the_counts(counted):
    import_observations(
        counted,
        b"district;period;einwohner_gesamt\nWeststadt;2021;20\n",
        "eins.csv",
        actor=SystemActor.of(counted),
    )
    import_observations(
        counted,
        b"district;period;einwohner_gesamt;einwohner_nichtdeutsch\nInnenstadt;2021;20;3\n",
        "zwei.csv",
        actor=SystemActor.of(counted),
    )
    error, _output = seismograph(
        "indices",
        "--town",
        "kornwestheim",
        "--group",
        "einwohner_nichtdeutsch",
        "--total",
        "einwohner_gesamt",
        "--period",
        "2021",
    )
    assert error.returncode == 1
    assert "only one of einwohner_nichtdeutsch and einwohner_gesamt for 2021: Weststadt" in str(error)
