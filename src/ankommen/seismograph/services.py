"""Changing the Seismograph's data: the catalogue of indicators, importing values and rolling an import back.

An import is all or nothing: the file is read and checked again inside the transaction that
writes it (`imports.check_file`), so what it compares with is what it writes over, and any problem
writes nothing (`ImportRefused` carries the report). Its new and changed values are written in
bulk as rows of their own; a changed value's earlier row stays, marked as replaced by the import.
Rolling back deletes the rows the import wrote and makes current again those it replaced (and
removes the districts it created, where nothing else uses them): the data are then exactly as
before it. An import whose values a later import replaced is rolled back after that one.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ankommen.concept.models import District, Field
from ankommen.core.audit import audit
from ankommen.core.cache import touch_town
from ankommen.core.models import record_sources
from ankommen.core.rules import require
from ankommen.core.services import save_single, update_and_audit
from ankommen.seismograph.catalogue import CATALOGUE
from ankommen.seismograph.imports import check_file
from ankommen.seismograph.models import (
    DistrictShape,
    ImportRun,
    ImportStatus,
    Indicator,
    Observation,
    SeismographSettings,
    name_key,
)
from ankommen.seismograph.signals import warnings_after_import

WRITE_BATCH = 5000
ID_BATCH = 500  # ids per `IN (…)`: well below SQLite's 999 parameters


class ImportRefused(ValidationError):
    """The file has problems: nothing was written. `report` names each with its line and column."""

    def __init__(self, report):
        super().__init__(report.lines(), code="import_refused")
        self.report = report


def _member(actor):
    """The member who acted, or None for the town's system actor."""
    return actor if getattr(actor, "pk", None) is not None else None


def _user(actor):
    return getattr(actor, "user", None)


def install_catalogue(town, *, actor):
    """Give the town the indicators of the shipped catalogue it does not have yet (by key); returns the new ones.

    Indicators the town has keep their texts, however it changed them: running it again adds nothing.
    """
    require(actor, "keep_indicators", town)
    with transaction.atomic():
        known = set(Indicator.objects.for_municipality(town).values_list("key", flat=True))
        fields = {field.slug: field for field in Field.objects.for_municipality(town)}
        created = Indicator.objects.bulk_create(
            [
                Indicator(
                    municipality=town,
                    key=entry.key,
                    name=entry.name,
                    definition=entry.definition,
                    numerator=entry.numerator,
                    denominator=entry.denominator,
                    unit=entry.unit,
                    direction=entry.direction,
                    source=entry.source,
                    topic=entry.topic,
                    field=fields.get(entry.field),
                    is_count=entry.is_count,
                    position=position,
                )
                for position, entry in enumerate(CATALOGUE)
                if entry.key not in known
            ]
        )
        if created:
            record_sources(created)
            audit(_user(actor), "indicators.installed", town, count=len(created))
            touch_town(town.pk)
    return created


def import_observations(town, content, file_name, *, actor, add_districts=False):
    """Take the values of a CSV or XLSX file into the town's data, all or nothing; returns the `ImportRun`.

    Raises `ImportRefused` with the report when the file has any problem. With `add_districts`, the
    districts the file names that the town does not have are created first.
    """
    require(actor, "import_values", town)
    with transaction.atomic():
        report = check_file(town, content, file_name, add_districts=add_districts)
        if not report.ok:
            raise ImportRefused(report)
        run = ImportRun.objects.create(
            municipality=town,
            started_by=_member(actor),
            file_name=file_name[:255],
            file_format=report.file_format,
            layout=report.layout,
            sha256=report.sha256,
            value_count=len(report.values),
            new_count=report.new_count,
            changed_count=report.changed_count,
            unchanged_count=report.unchanged_count,
        )
        district_ids = {key: district.pk for key, district in report.districts.items()}
        if report.new_districts:
            added = _add_districts(town, report.new_districts.values())
            run.added_districts.set(added)
            district_ids |= {
                key: district.pk for key, district in zip(report.new_districts, added, strict=True)
            }
        # The rows replaced first: the database holds one current value per district, indicator and period.
        for start in range(0, len(report.replaced), ID_BATCH):
            Observation.objects.filter(pk__in=report.replaced[start : start + ID_BATCH]).update(
                replaced_by=run
            )
        _insert(
            (
                town.pk,
                district_ids[value.district],
                value.indicator.pk,
                value.period,
                value.period_start,
                value.value,
                value.numerator,
                value.denominator,
                run.pk,
            )
            for value in report.written
        )
        audit(
            _user(actor),
            "values.imported",
            run,
            file=file_name,
            new=report.new_count,
            changed=report.changed_count,
            unchanged=report.unchanged_count,
        )
        touch_town(town.pk)
        # The early warnings follow the new values, computed once this commits (`signals.py`).
        warnings_after_import(town.pk)
    run.report = report
    return run


INSERTED = (
    "municipality",
    "district",
    "indicator",
    "period",
    "period_start",
    "value",
    "numerator",
    "denominator",
    "import_run",
)


def _insert(rows):
    """Write new values, each a tuple in the order of `INSERTED`, with one prepared statement.

    Not `bulk_create`: building 100,000 model instances and compiling a thousand statements of a
    hundred rows each took nine of the ten seconds a file of 100,000 values cost; this takes under one.
    Nothing listens for these rows one by one (the town's cache scope is touched once for the import).
    """
    fields = [Observation._meta.get_field(name) for name in INSERTED]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model, values as parameters)
        quote(Observation._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    dates = {}
    adapt = connection.ops.adapt_datefield_value
    position = INSERTED.index("period_start")
    with connection.cursor() as cursor:
        batch = []
        for row in rows:
            day = row[position]
            if day not in dates:
                dates[day] = adapt(day)
            batch.append((*row[:position], dates[day], *row[position + 1 :]))
            if len(batch) == WRITE_BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _add_districts(town, names):
    """The districts the file named, in its order, after the town's own."""
    last = (
        District.objects.for_municipality(town)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    start = (last or 0) + 1
    added = District.objects.bulk_create(
        [
            District(municipality=town, name=name[:120], position=start + offset)
            for offset, name in enumerate(names)
        ]
    )
    record_sources(added)
    return added


def roll_back_import(run, *, actor):
    """Undo an import: its values go, those it replaced are current again, the districts it added go where unused."""
    require(actor, "import_values", run)
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if not run.is_applied:
            raise ValidationError(_("Dieser Import ist schon zurückgenommen."), code="rolled_back")
        later = list(
            ImportRun.objects.filter(
                pk__in=Observation.objects.filter(import_run=run, replaced_by__isnull=False).values(
                    "replaced_by"
                )
            ).order_by("-started_at", "-id")
        )
        if later:
            raise ValidationError(
                _(
                    "Spätere Importe haben Werte dieses Imports ersetzt: %(imports)s. Bitte zuerst diese "
                    "zurücknehmen."
                )
                % {
                    "imports": ", ".join(
                        f"„{each.file_name}“ ({formats.date_format(timezone.localtime(each.started_at), 'DATETIME_FORMAT')})"
                        for each in later
                    )
                },
                code="replaced_later",
            )
        # Deleted without loading them (no per-row signals: the town's cache scope is touched below).
        values = Observation.objects.filter(import_run=run)
        values._raw_delete(values.db)
        restored = Observation.objects.filter(replaced_by=run).update(replaced_by=None)
        removed = _remove_unused(list(run.added_districts.all()))
        run.status = ImportStatus.ROLLED_BACK
        run.rolled_back_at = timezone.now()
        run.rolled_back_by = _member(actor)
        run.save(update_fields=["status", "rolled_back_at", "rolled_back_by"])
        audit(
            _user(actor),
            "values.rolled_back",
            run,
            file=run.file_name,
            restored=restored,
            districts=", ".join(removed),
        )
        touch_town(run.municipality_id)
        # The early warnings follow the values as they are again, computed once this commits (`signals.py`).
        warnings_after_import(run.municipality_id)
    return run


def _remove_unused(districts):
    """Delete those of `districts` that no row anywhere points at; returns their names."""
    removed = []
    for district in districts:
        if not _in_use(district):
            removed.append(district.name)
            district.delete()
    return removed


def _in_use(district):
    """Does any row of any model (other than the import's own record) point at `district`?"""
    for relation in district._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete or not relation.is_relation:
            continue  # the district's own fields: only relations pointing at it count
        model = relation.related_model
        if model in (ImportRun, ImportRun.added_districts.through):
            continue
        if model._default_manager.filter(**{relation.field.name: district}).exists():
            return True
    return False


# --- the admins' pages: districts, their boundaries, indicators, the thresholds of warnings -----------
# (A saved row moves the town's cache scope itself: `core/cache.py`.)


def save_district(district, *, actor, **values):
    """Add a district to the town or change its name or place in lists; two districts never share a name.

    Files name districts by name (compared as `name_key`), so a second "Süd Stadt" beside "Südstadt"
    would leave an import unable to tell them apart.
    """
    require(actor, "administer", district)
    with transaction.atomic():
        key = name_key(values.get("name", district.name))
        others = District.objects.for_municipality(district.municipality).exclude(pk=district.pk)
        taken = next((name for name in others.values_list("name", flat=True) if name_key(name) == key), None)
        if taken is not None:
            raise ValidationError(
                {"name": _("Den Stadtteil „%(name)s“ gibt es schon.") % {"name": taken}}, code="taken"
            )
        update_and_audit(district, actor=actor, action="district.saved", values=values, rule="administer")
    return district


def save_district_shape(district, *, actor, geojson):
    """Give a district its boundary (GeoJSON) or replace the one it has; checked by `DistrictShape.clean()`."""
    require(actor, "administer", district)
    with transaction.atomic():
        shape = DistrictShape.objects.for_municipality(district.municipality).filter(
            district=district
        ).select_for_update().first() or DistrictShape(
            municipality_id=district.municipality_id, district=district
        )
        replaced = shape.pk is not None
        shape.geojson = geojson
        shape.clean()
        shape.save()
        audit(
            _user(actor),
            "district.boundary_replaced" if replaced else "district.boundary_added",
            district,
            shape=shape.geometry["type"],
        )
    return shape


def save_indicator(indicator, *, actor, **values):
    """Add an indicator to the town's catalogue or change it; its key stays once values use it.

    Files name indicators by key: a key changed under values already imported would leave them
    under a name no file uses, so it is fixed from the first value on. Keys are unique per town.
    """
    require(actor, "keep_indicators", indicator)
    with transaction.atomic():
        key = values.get("key", indicator.key)
        if indicator.pk and key != indicator.key and indicator.observations.exists():
            raise ValidationError(
                {"key": _("Der Schlüssel bleibt, sobald es Werte für den Indikator gibt.")}, code="key_fixed"
            )
        twin = (
            Indicator.objects.for_municipality(indicator.municipality)
            .filter(key=key)
            .exclude(pk=indicator.pk)
            .first()
        )
        if twin is not None:
            raise ValidationError(
                {"key": _("Diesen Schlüssel hat schon der Indikator „%(name)s“.") % {"name": twin.name}},
                code="key_taken",
            )
        update_and_audit(
            indicator, actor=actor, action="indicator.saved", values=values, rule="keep_indicators"
        )
    return indicator


def set_warning_thresholds(town, *, actor, **values):
    """When a district is flagged (`SeismographSettings`): the town's one row of settings, made on first save.

    The warnings follow the new thresholds once this commits, as they follow an import.
    """
    settings = save_single(
        SeismographSettings, town, actor=actor, action="seismograph.thresholds_changed", values=values
    )
    warnings_after_import(town.pk)
    return settings
