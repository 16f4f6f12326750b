"""The Seismograph's data: the shipped catalogue, what the database holds to, and the town's thresholds."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from ankommen.concept.models import District, Field
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry, SourceText
from ankommen.seismograph.catalogue import CATALOGUE
from ankommen.seismograph.models import (
    Direction,
    DistrictShape,
    ImportRun,
    Indicator,
    Observation,
    SeismographSettings,
    Unit,
    name_key,
    parse_period,
)
from ankommen.seismograph.services import install_catalogue
from tests.seismograph.demo_values import without_demo_values


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """These tests count values and boundaries from none: the demo's are taken away first."""
    without_demo_values(town)


KEYS_THE_ISSUE_NAMES = {
    "einwohner_gesamt",
    "einwohner_nichtdeutsch",
    "einwohner_migrationshintergrund",
    "einwohner_unter_18",
    "einwohner_65_und_aelter",
    "anteil_unter_18",
    "sgb2_quote",
    "arbeitslosenquote",
    "betreuungsquote_unter_3",
    "betreuungsquote_unter_3_migrationshintergrund",
    "betreuungsquote_3_bis_6",
    "betreuungsquote_3_bis_6_migrationshintergrund",
    "sprachfoerderbedarf_einschulung",
    "uebergang_gymnasium",
    "einbuergerungen",
    "integrationskurs_teilnehmende",
    "zuzuege",
    "fortzuege",
    "sozialwohnungen_anteil",
    "wahlbeteiligung",
}


def test_the_catalogue_holds_the_indicators_of_integration_monitoring_under_stable_keys():
    keys = [entry.key for entry in CATALOGUE]
    assert len(keys) == len(set(keys))
    assert set(keys) >= KEYS_THE_ISSUE_NAMES
    for entry in CATALOGUE:
        assert entry.key == entry.key.lower() and " " not in entry.key and len(entry.key) <= 60
        assert entry.name and entry.definition and entry.source, entry.key
        assert entry.unit in Unit.values and entry.direction in Direction.values
        if entry.unit != Unit.COUNT:
            assert entry.numerator and entry.denominator, entry.key  # a share or a rate says of what
        assert not entry.is_count or entry.unit == Unit.COUNT


def test_the_catalogue_names_the_demo_fields_it_informs(town):
    slugs = set(Field.objects.for_municipality(town).values_list("slug", flat=True))
    named = {entry.field for entry in CATALOGUE if entry.field}
    assert named <= slugs
    assert len(named) == 3


def test_the_demo_town_has_the_catalogue(town):
    indicators = Indicator.objects.for_municipality(town)
    assert sorted(indicators.values_list("key", flat=True)) == sorted(entry.key for entry in CATALOGUE)
    sgb2 = indicators.get(key="sgb2_quote")
    assert (sgb2.unit, sgb2.direction, sgb2.is_count) == (Unit.PERCENT, Direction.HIGHER_IS_WORSE, False)
    assert sgb2.field.slug == "wirtschaft-und-berufliche-bildung"
    assert indicators.get(key="einwohner_gesamt").is_count
    # The German texts are offered for translation like every other translatable row.
    assert SourceText.objects.filter(object_id=sgb2.pk, field="definition").exists()


def test_installing_the_catalogue_gives_a_town_its_indicators_once(other_town):
    created = install_catalogue(other_town, actor=SystemActor.of(other_town))
    assert len(created) == len(CATALOGUE)
    indicators = Indicator.objects.for_municipality(other_town)
    # Ludwigsburg has a field "wohnen-und-leben", but neither of the other two the catalogue names.
    assert indicators.get(key="sozialwohnungen_anteil").field.slug == "wohnen-und-leben"
    assert indicators.get(key="sgb2_quote").field is None
    assert AuditEntry.objects.filter(municipality=other_town, action="indicators.installed").count() == 1

    renamed = indicators.get(key="sgb2_quote")
    renamed.name = "SGB-II-Dichte"
    renamed.save()
    assert install_catalogue(other_town, actor=SystemActor.of(other_town)) == []
    assert indicators.count() == len(CATALOGUE)
    assert indicators.get(key="sgb2_quote").name == "SGB-II-Dichte"
    assert AuditEntry.objects.filter(municipality=other_town, action="indicators.installed").count() == 1


def test_only_the_admins_and_the_system_install_the_catalogue(town, other_town, people):
    Indicator.objects.for_municipality(town).filter(key="wahlbeteiligung").delete()
    with pytest.raises(PermissionDenied):
        install_catalogue(town, actor=people["moderation"])
    with pytest.raises(PermissionDenied):
        install_catalogue(town, actor=SystemActor.of(other_town))
    assert [indicator.key for indicator in install_catalogue(town, actor=people["admin"])] == [
        "wahlbeteiligung"
    ]


def test_an_indicator_key_is_unique_within_its_town_only(town, other_town):
    Indicator.objects.create(municipality=town, key="eigener_wert", name="Eigener Wert")
    Indicator.objects.create(municipality=other_town, key="eigener_wert", name="Eigener Wert")
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(municipality=town, key="eigener_wert", name="Doppelt")


def _observation(town, run, district, indicator, period="2023", value=1.0, **more):
    return Observation.objects.create(
        municipality=town,
        district=district,
        indicator=indicator,
        period=period,
        period_start=parse_period(period)[1],
        value=value,
        import_run=run,
        **more,
    )


def test_the_database_holds_one_current_value_per_district_indicator_and_period(town):
    district = District.objects.for_municipality(town).first()
    indicator = Indicator.objects.for_municipality(town).get(key="einwohner_gesamt")
    first = ImportRun.objects.create(municipality=town, file_name="a.csv", file_format="csv", layout="long")
    second = ImportRun.objects.create(municipality=town, file_name="b.csv", file_format="csv", layout="long")
    old = _observation(town, first, district, indicator, value=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        _observation(town, second, district, indicator, value=11)
    old.replaced_by = second
    old.save()
    _observation(town, second, district, indicator, value=11)
    _observation(town, second, district, indicator, period="2023-01", value=11)
    assert list(Observation.objects.for_municipality(town).current().values_list("value", flat=True)) == [
        11,
        11,
    ]


def test_the_database_refuses_a_numerator_above_its_denominator(town):
    run = ImportRun.objects.create(municipality=town, file_name="a.csv", file_format="csv", layout="long")
    district = District.objects.for_municipality(town).first()
    indicator = Indicator.objects.for_municipality(town).get(key="sgb2_quote")
    with pytest.raises(IntegrityError), transaction.atomic():
        _observation(town, run, district, indicator, value=50, numerator=5, denominator=4)
    _observation(town, run, district, indicator, value=50, numerator=2, denominator=4)


def test_a_district_with_values_is_not_deleted_from_under_them(town):
    run = ImportRun.objects.create(municipality=town, file_name="a.csv", file_format="csv", layout="long")
    district = District.objects.create(municipality=town, name="Hafen")
    _observation(town, run, district, Indicator.objects.for_municipality(town).first())
    with pytest.raises(RestrictedError):
        district.delete()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", ("2023", datetime.date(2023, 1, 1))),
        (" 2023-05 ", ("2023-05", datetime.date(2023, 5, 1))),
        ("2023-5", ("2023-05", datetime.date(2023, 5, 1))),
        ("2023-00", None),
        ("2023-13", None),
        ("23", None),
        ("2023-05-01", None),
        ("05/2023", None),
        ("", None),
    ],
)
def test_periods_are_years_or_months(text, expected):
    assert parse_period(text) == expected


def test_names_compare_without_case_spaces_or_unicode_form():
    assert name_key("  Süd   STADT ") == name_key("süd stadt") == name_key("Su\u0308d Stadt")


def test_the_town_has_the_default_thresholds_until_it_sets_its_own(town, other_town):
    defaults = SeismographSettings.of(town)
    assert (defaults.pk, defaults.z_threshold, defaults.periods_against) == (None, 2.0, 3)
    SeismographSettings.objects.create(municipality=town, z_threshold=2.5, periods_against=4)
    assert (SeismographSettings.of(town).z_threshold, SeismographSettings.of(town).periods_against) == (
        2.5,
        4,
    )
    assert SeismographSettings.of(other_town).pk is None
    with pytest.raises(IntegrityError), transaction.atomic():
        SeismographSettings.objects.create(municipality=town)


def test_a_district_boundary_is_a_polygon_in_geojson(town):
    district = District.objects.for_municipality(town).first()
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    shape = DistrictShape(
        municipality=town, district=district, geojson={"type": "Feature", "geometry": square}
    )
    shape.full_clean()
    assert shape.geometry == square
    for wrong in (
        {"type": "Point", "coordinates": [0, 0]},
        {"type": "Polygon", "coordinates": []},
        "Innenstadt",
    ):
        with pytest.raises(ValidationError):
            DistrictShape(municipality=town, district=district, geojson=wrong).full_clean()
