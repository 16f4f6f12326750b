"""The Seismograph's data: the town's indicators, their values per district and period, and the imports.

A measured value is an `Observation` of one indicator in one district (`concept.District`) and one
period: a year ("2023") or a month ("2023-05"). Values come only from imports (`ImportRun`), and an
import never overwrites: a value it changes stays as a row, marked as replaced by that import
(`Observation.replaced_by`). The current value of a district, indicator and period is the one row
not replaced; the database holds at most one (`one_current_value`). Rolling an import back deletes
the rows it wrote and makes the ones it replaced current again, so the data are exactly as before it.
"""

import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ankommen.core.models import Moderated, Municipality, OnPaper, TenantModel, TenantQuerySet, Translatable

PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def parse_period(text):
    """`(period, first day)` for a year ("2023") or a month ("2023-05", "2023-5"); None for anything else."""
    match = PERIOD.match(str(text).strip())
    if not match:
        return None
    year, month = int(match[1]), match[2]
    if not 1900 <= year <= 2200:
        return None
    if month is None:
        return str(year), datetime.date(year, 1, 1)
    month = int(month)
    if not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}", datetime.date(year, month, 1)


def name_key(name):
    """How names are compared: Unicode composed, spaces collapsed, case folded ("  süd STADT" = "Süd Stadt")."""
    return " ".join(unicodedata.normalize("NFC", str(name)).split()).casefold()


class Unit(models.TextChoices):
    COUNT = "count", _("Anzahl")
    PERCENT = "percent", _("Prozent")  # a share: 0 to 100
    PER_THOUSAND = "per_thousand", _("je 1.000")


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", _("höher ist besser")
    HIGHER_IS_WORSE = "higher_is_worse", _("höher ist schlechter")
    NEUTRAL = "neutral", _("neutral")


class Topic(models.TextChoices):
    POPULATION = "population", _("Bevölkerung")
    EDUCATION = "education", _("Kinderbetreuung und Schule")
    WORK = "work", _("Arbeit und soziale Sicherung")
    HOUSING = "housing", _("Wohnen und Wanderung")
    PARTICIPATION = "participation", _("Einbürgerung und Teilhabe")


class Indicator(Translatable):
    """Something the town measures per district and period, e.g. the SGB II rate; files name it by `key`."""

    translatable_fields = ("name", "definition", "numerator", "denominator", "source")
    natural_key_fields = ("key",)

    key = models.SlugField(
        _("Schlüssel"),
        max_length=60,
        help_text=_("So heißt der Indikator in Dateien für den Import, z. B. sgb2_quote."),
    )
    name = models.CharField(_("Name"), max_length=200)
    definition = models.TextField(_("Definition"), max_length=2000, blank=True)
    numerator = models.CharField(_("Zähler"), max_length=300, blank=True)
    denominator = models.CharField(_("Nenner"), max_length=300, blank=True)
    unit = models.CharField(_("Einheit"), max_length=20, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(
        _("Richtung"), max_length=20, choices=Direction.choices, default=Direction.NEUTRAL
    )
    source = models.CharField(_("Quelle"), max_length=300, blank=True)
    topic = models.CharField(
        pgettext_lazy("indicator", "Bereich"), max_length=20, choices=Topic.choices, default=Topic.POPULATION
    )
    field = models.ForeignKey(
        "concept.Field",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )
    is_count = models.BooleanField(
        _("Personenzahl"),
        default=False,
        help_text=_(
            "Eine Zahl von Einwohnerinnen und Einwohnern, die als Gruppe oder Gesamtheit in die "
            "Segregationsmaße eingehen kann."
        ),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="indicator_key_unique_per_town")
        ]

    def __str__(self):
        return self.name

    def problem_with(self, value):
        """Why `value` cannot be a value of this indicator (German), or "" if it can."""
        if self.is_count and (value < 0 or value != int(value)):
            return _("Eine Zahl von Personen ist eine ganze Zahl ab 0.")
        if self.unit == Unit.PERCENT and not 0 <= value <= 100:
            return _("Ein Anteil in Prozent liegt zwischen 0 und 100.")
        return ""


class DistrictShape(TenantModel):
    """The boundary of a district as GeoJSON (a Polygon or MultiPolygon, or a Feature holding one), for the map."""

    district = models.OneToOneField(
        "concept.District", on_delete=models.CASCADE, related_name="shape", verbose_name=_("Stadtteil")
    )
    geojson = models.JSONField(_("Grenze (GeoJSON)"))

    class Meta:
        verbose_name = _("Grenze eines Stadtteils")
        verbose_name_plural = _("Grenzen der Stadtteile")

    def __str__(self):
        return str(self.district)

    @property
    def geometry(self):
        """The Polygon or MultiPolygon itself, also when it was given as a Feature."""
        if isinstance(self.geojson, dict) and self.geojson.get("type") == "Feature":
            return self.geojson.get("geometry") or {}
        return self.geojson

    def clean(self):
        geometry = self.geometry
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise ValidationError(
                {"geojson": _("Bitte eine Fläche angeben: GeoJSON vom Typ Polygon oder MultiPolygon.")}
            )
        if not isinstance(geometry.get("coordinates"), list) or not geometry["coordinates"]:
            raise ValidationError({"geojson": _("Die Fläche hat keine Koordinaten.")})


class Layout(models.TextChoices):
    LONG = "long", _("lang (eine Zeile je Wert)")
    WIDE = "wide", _("breit (eine Spalte je Indikator)")


class FileFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")


class ImportStatus(models.TextChoices):
    APPLIED = "applied", _("übernommen")
    ROLLED_BACK = "rolled_back", _("zurückgenommen")


class ImportRun(TenantModel):
    """One file of values taken into the town's data: who, when, what it read, what it changed.

    Rolled back, it keeps its row (and counts) as the trace; the values it wrote are gone.
    """

    # Named apart from the council's OParl `ImportRun`, whose reverse accessor is the default one.
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="seismograph_imports", verbose_name=_("Kommune")
    )

    started_at = models.DateTimeField(_("importiert am"), default=timezone.now)
    started_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("importiert von"),
    )  # None: the system (an operator's command)
    file_name = models.CharField(_("Datei"), max_length=255)
    file_format = models.CharField(_("Format"), max_length=10, choices=FileFormat.choices)
    layout = models.CharField(_("Aufbau"), max_length=10, choices=Layout.choices)
    sha256 = models.CharField(_("Prüfsumme"), max_length=64, blank=True)
    value_count = models.PositiveIntegerField(_("Werte in der Datei"), default=0)
    new_count = models.PositiveIntegerField(_("neue Werte"), default=0)
    changed_count = models.PositiveIntegerField(_("geänderte Werte"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unveränderte Werte"), default=0)
    # The districts the import created (`--add-districts`): rolling it back removes those nothing else uses.
    added_districts = models.ManyToManyField(
        "concept.District", blank=True, related_name="+", verbose_name=_("angelegte Stadtteile")
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.APPLIED
    )
    rolled_back_at = models.DateTimeField(_("zurückgenommen am"), null=True, blank=True)
    rolled_back_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("zurückgenommen von"),
    )

    class Meta:
        verbose_name = _("Import von Werten")
        verbose_name_plural = _("Importe von Werten")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        started = formats.date_format(timezone.localtime(self.started_at), "SHORT_DATETIME_FORMAT")
        return f"{self.file_name} ({started})"

    @property
    def is_applied(self):
        return self.status == ImportStatus.APPLIED


class ObservationQuerySet(TenantQuerySet):
    def current(self):
        """The values as they stand: those no later import replaced."""
        return self.filter(replaced_by__isnull=True)


class Observation(TenantModel):
    """A measured value: one indicator in one district and period, as one import wrote it."""

    # No index of their own: the current values are found through `one_current_value` (district first)
    # and `current_values_by_indicator`; every index more costs each import's writes.
    district = models.ForeignKey(
        "concept.District",
        on_delete=models.RESTRICT,
        related_name="+",
        db_index=False,
        verbose_name=_("Stadtteil"),
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.RESTRICT,
        related_name="observations",
        db_index=False,
        verbose_name=_("Indikator"),
    )
    period = models.CharField(
        _("Zeitraum"), max_length=7, help_text=_("Ein Jahr (2023) oder ein Monat (2023-05)")
    )
    period_start = models.DateField(_("Beginn des Zeitraums"))  # for sorting: years and months on one axis
    value = models.FloatField(_("Wert"))
    numerator = models.FloatField(_("Zähler"), null=True, blank=True)
    denominator = models.FloatField(_("Nenner"), null=True, blank=True)
    import_run = models.ForeignKey(
        ImportRun, on_delete=models.RESTRICT, related_name="observations", verbose_name=_("Import")
    )
    replaced_by = models.ForeignKey(
        ImportRun,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="replaced_observations",
        verbose_name=_("ersetzt durch"),
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        ordering = ["indicator", "period_start", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "indicator", "period"],
                condition=Q(replaced_by__isnull=True),
                name="one_current_value",
            ),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True)
                | Q(denominator__isnull=True)
                | Q(numerator__lte=models.F("denominator")),
                name="numerator_not_above_denominator",
            ),
        ]
        indexes = [
            # A map or a ranking: one indicator, one period, every district.
            models.Index(
                fields=["indicator", "period_start"],
                condition=Q(replaced_by__isnull=True),
                name="current_values_by_indicator",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.district_id} {self.period}: {self.value}"


class SeismographSettings(TenantModel):
    """When the town's early warnings fire; one row per town, the defaults while it has none."""

    z_threshold = models.FloatField(
        _("Schwelle des standardisierten Werts"),
        default=2.0,
        validators=[MinValueValidator(0.5), MaxValueValidator(10.0)],
        help_text=_(
            "Ein Stadtteil fällt auf, wenn sein Wert um so viele Standardabweichungen vom Mittel der "
            "Stadtteile abweicht."
        ),
    )
    periods_against = models.PositiveSmallIntegerField(
        _("Zeiträume gegen den Trend"),
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(20)],
        help_text=_(
            "Ein Stadtteil fällt auf, wenn er sich so viele Zeiträume in Folge gegen die Stadt entwickelt."
        ),
    )

    class Meta:
        verbose_name = _("Einstellungen des Seismographen")
        verbose_name_plural = _("Einstellungen des Seismographen")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="one_seismograph_settings_per_town")
        ]

    def __str__(self):
        return str(_("Einstellungen des Seismographen"))

    @classmethod
    def of(cls, town):
        """The town's settings: its saved row, or the defaults (unsaved) while it has none."""
        return cls.objects.for_municipality(town).first() or cls(municipality=town)


# --- signals: the computed early warnings and the members' observations ------------------------------------


class SignalKind(models.TextChoices):
    WARNING = "warning", _("Warnsignal")  # computed from the values (`warnings.py`)
    OBSERVATION = "observation", _("Beobachtung")  # a member's note, or one handed in on paper


class SignalRule(models.TextChoices):
    """Why a warning fired (`warnings.py` says how each is computed)."""

    Z_SCORE = "z_score", _("weicht stark von den Stadtteilen ab")
    AGAINST_TOWN = "against_town", _("entwickelt sich gegen die Stadt")


class SignalStatus(models.TextChoices):
    OPEN = "open", _("offen")
    FINDING = "finding", _("als Befund übernommen")
    DISMISSED = "dismissed", _("verworfen")
    WITHDRAWN = "withdrawn", _("von den Daten nicht mehr gestützt")  # a warning, after a rollback say


SIGNAL_TEXT_MAX = 2000
DISMISS_REASON_MAX = 500


class SignalQuerySet(TenantQuerySet):
    def open(self):
        return self.filter(status=SignalStatus.OPEN)

    def warnings(self):
        return self.filter(kind=SignalKind.WARNING)


class Signal(OnPaper, Moderated, TenantModel):
    """A computed early warning about a district, or an observation people made there (`SignalKind`).

    A warning names the indicator, the period and the rule that fired and keeps the numbers that made
    it fire (`evidence`); the sentence that explains it is written when it is read, in the reader's
    language (`warnings.reason`). The database holds one warning per district, indicator, period and
    rule, so computing again never adds a second (`one_warning_per_rule_and_period`). An observation
    is a person's text, moderated like every text people write (`Moderated`; `OnPaper` when staff
    enter it for someone). Either becomes a finding in its field's stocktaking (`finding`) or is
    dismissed with a reason; a warning the data no longer support is withdrawn.
    """

    view_action = "view_signal"
    moderation_slug = "seismograph-beobachtungen"
    moderation_fields = ("text",)
    moderation_labels = {
        "flag": _("Beobachtung melden"),
        "hide": _("Beobachtung ausblenden"),
        "hidden": _("Beobachtung ausgeblendet"),
        "shown": _("Beobachtung wieder eingeblendet"),
    }

    kind = models.CharField(_("Art"), max_length=20, choices=SignalKind.choices)
    district = models.ForeignKey(
        "concept.District", on_delete=models.PROTECT, related_name="+", verbose_name=_("Stadtteil")
    )
    field = models.ForeignKey(
        "concept.Field",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )  # None: a warning of an indicator that informs no field
    indicator = models.ForeignKey(
        Indicator,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="signals",
        verbose_name=_("Indikator"),
    )
    period = models.CharField(_("Zeitraum"), max_length=7, blank=True)
    rule = models.CharField(_("Regel"), max_length=20, choices=SignalRule.choices, blank=True)
    # The numbers that made a warning fire: value, mean and standard deviation of the districts, z, the
    # series of the district and the town (see `warnings.py`).
    evidence = models.JSONField(_("Zahlen"), default=dict, blank=True)
    author = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("geschrieben von"),
    )  # an observation's: the member, or the staff member who entered it from paper
    text = models.TextField(_("Beobachtung"), max_length=SIGNAL_TEXT_MAX, blank=True)
    created_at = models.DateTimeField(_("erstellt am"), default=timezone.now)
    status = models.CharField(
        _("Stand"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entschieden von"),
    )
    dismiss_reason = models.CharField(_("Grund"), max_length=DISMISS_REASON_MAX, blank=True)
    finding = models.OneToOneField(
        "dialogue.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seismograph_signal",
        verbose_name=_("Befund"),
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("Signal")
        verbose_name_plural = _("Signale")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "indicator", "period", "rule"],
                condition=Q(kind="warning"),
                name="one_warning_per_rule_and_period",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="warning", indicator__isnull=False, author__isnull=True)
                    & ~Q(period="")
                    & ~Q(rule="")
                )
                | Q(kind="observation", rule=""),
                name="warning_names_its_rule_observation_none",
            ),
            models.CheckConstraint(
                condition=Q(status="finding", finding__isnull=False) | ~Q(status="finding"),
                name="signal_turned_finding_names_it",
            ),
        ]
        indexes = [
            # The list: the town's open signals, the newest first.
            models.Index(fields=["municipality", "status", "-created_at", "-id"], name="signals_by_status"),
        ]

    def __str__(self):
        if self.kind == SignalKind.WARNING:
            return f"{self.district}: {self.indicator} {self.period}"
        return f"{self.district}: {Truncator(self.text).words(8)}"

    def get_absolute_url(self):
        return reverse("seismograph:signal", args=[self.pk])

    @classmethod
    def moderation_queryset(cls):
        return cls.objects.select_related("district", "indicator")

    @property
    def moderation_kind(self):
        return SignalKind(self.kind).label

    @property
    def moderation_excerpt(self):
        return self.text if self.kind == SignalKind.OBSERVATION else str(self)

    @property
    def is_warning(self):
        return self.kind == SignalKind.WARNING

    @property
    def is_open(self):
        return self.status == SignalStatus.OPEN
