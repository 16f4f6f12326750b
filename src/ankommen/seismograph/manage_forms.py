"""The forms of the pages where the town's admins keep the Seismograph's data (`manage.py`)."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import District, Field
from ankommen.core.forms import ModelForm, TranslatedLabels
from ankommen.seismograph.models import DistrictShape, Indicator, SeismographSettings

MEGABYTE = 1024 * 1024
IMPORT_MAX_BYTES = 20 * MEGABYTE  # a town's 100,000 values as CSV are about 4 MB
SHAPE_MAX_BYTES = 5 * MEGABYTE


def _size_checked(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("Die Datei ist größer als %(megabytes)s MB.") % {"megabytes": limit // MEGABYTE}, code="too_big"
        )
    return upload


class DistrictForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = District
        fields = ["name", "position"]
        help_texts = {
            "name": _(
                "So heißt der Stadtteil in Dateien für den Import (Groß- und Kleinschreibung zählen nicht). "
                "Nach einer Umbenennung nennen neue Dateien ihn beim neuen Namen."
            ),
            "position": _("Stadtteile mit kleinerer Zahl stehen in Listen und Tabellen weiter oben."),
        }


class DistrictShapeForm(forms.Form):
    """A district's boundary as a GeoJSON file: a Polygon or MultiPolygon, a Feature, or a collection of one."""

    geojson = forms.FileField(
        label=_("GeoJSON-Datei"),
        help_text=_(
            "Die Grenze des Stadtteils als Fläche (Polygon oder MultiPolygon), auch als Feature oder als "
            "FeatureCollection mit genau einem Feature; höchstens 5 MB. Koordinaten in Längen- und Breitengrad "
            "(WGS 84), wie Geoportale sie als GeoJSON ausgeben."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".geojson,.json,application/geo+json,application/json"}
        ),
    )

    def clean_geojson(self):
        upload = _size_checked(self.cleaned_data["geojson"], SHAPE_MAX_BYTES)
        raw = upload.read()
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ValidationError(
                _("Die Datei ist kein Text in UTF-8 und damit kein GeoJSON."), code="encoding"
            ) from None
        except json.JSONDecodeError as error:
            raise ValidationError(
                _("Die Datei ist kein gültiges JSON: Zeile %(line)s, Spalte %(column)s (%(problem)s).")
                % {"line": error.lineno, "column": error.colno, "problem": error.msg},
                code="json",
            ) from None
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            features = data.get("features") or []
            if len(features) != 1:
                raise ValidationError(
                    _(
                        "Die FeatureCollection enthält %(count)s Features; für einen Stadtteil bitte genau eines "
                        "(nur seine Grenze)."
                    )
                    % {"count": len(features)},
                    code="collection",
                )
            data = features[0]
        shape = DistrictShape(geojson=data)
        try:
            shape.clean()
        except ValidationError as error:
            raise ValidationError(error.message_dict["geojson"], code="shape") from None
        problem = _coordinates_problem(shape.geometry)
        if problem:
            raise ValidationError(problem, code="coordinates")
        return data


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _coordinates_problem(geometry):
    """What is wrong with a Polygon's or MultiPolygon's coordinates (German), or "": the map draws from them."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return _("Eine Fläche hat keine Umrisslinie.")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return _("Eine Umrisslinie braucht mindestens vier Punkte (der letzte gleich dem ersten).")
            for position in ring:
                if not (
                    isinstance(position, list)
                    and len(position) >= 2
                    and _is_number(position[0])
                    and _is_number(position[1])
                ):
                    return _("Jeder Punkt ist ein Paar aus Länge und Breite, z. B. [9.18, 48.87].")
                if not (-180 <= position[0] <= 180 and -90 <= position[1] <= 90):
                    return _(
                        "Der Punkt %(point)s liegt nicht auf der Erde: bitte Länge und Breite in Grad (WGS 84), "
                        "nicht in Metern eines anderen Koordinatensystems."
                    ) % {"point": json.dumps(position[:2])}
    return ""


class FieldChoice(TranslatedLabels, forms.ModelChoiceField):
    """The town's fields of action, named in the reader's language."""


class IndicatorForm(ModelForm):
    """An indicator of the town: every field; the key is fixed once values use it."""

    rows = {"definition": 4}

    class Meta(ModelForm.Meta):
        model = Indicator
        fields = [
            "key",
            "name",
            "definition",
            "numerator",
            "denominator",
            "unit",
            "direction",
            "topic",
            "field",
            "source",
            "is_count",
            "position",
        ]
        field_classes = {"field": FieldChoice}
        help_texts = {
            "key": _(
                "So heißt der Indikator in Dateien für den Import, z. B. sgb2_quote: Kleinbuchstaben, Ziffern, "
                "Unter- und Bindestriche. Sobald es Werte gibt, bleibt der Schlüssel."
            ),
            "numerator": _("Was gezählt wird, z. B. „Personen in Bedarfsgemeinschaften nach SGB II“."),
            "denominator": _("Worauf es bezogen wird, z. B. „Einwohnerinnen und Einwohner unter 65 Jahren“."),
            "direction": _(
                "Ob ein höherer Wert eine gute oder eine schlechte Entwicklung zeigt; danach richten sich "
                "die Farben der Karte und die Warnsignale."
            ),
            "topic": _("Unter diesem Bereich steht der Indikator in den Listen."),
            "field": _("Das Handlungsfeld, für das der Indikator etwas aussagt (wahlweise)."),
            "position": _("Indikatoren mit kleinerer Zahl stehen in ihrem Bereich weiter oben."),
        }

    def __init__(self, *args, municipality, key_fixed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = (
            Field.objects.for_municipality(municipality).listed().with_translations(get_language())
        )
        self.fields["field"].empty_label = _("keinem bestimmten")
        if key_fixed:
            self.fields["key"].disabled = True
            self.fields["key"].help_text = _(
                "Es gibt schon Werte für diesen Indikator: Dateien nennen ihn bei diesem Schlüssel, daher bleibt er."
            )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei mit Werten (CSV oder Excel)"),
        help_text=_(
            "CSV (UTF-8, Trennzeichen Komma oder Semikolon) oder Excel (XLSX), höchstens 20 MB. Lang: Spalten "
            "district, period, indicator, value, eine Zeile je Wert. Breit: district, period, dann eine Spalte je "
            "Schlüssel eines Indikators. Zeiträume als Jahr (2023) oder Monat (2023-05)."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    add_districts = forms.BooleanField(
        label=_("Stadtteile anlegen, die es noch nicht gibt"),
        required=False,
        help_text=_(
            "Sonst ist jeder unbekannte Stadtteil ein Fehler – so fallen Tippfehler in Namen auf. Angelegte "
            "Stadtteile verschwinden wieder, wenn der Import zurückgenommen wird und nichts anderes sie nutzt."
        ),
    )

    def clean_file(self):
        upload = _size_checked(self.cleaned_data["file"], IMPORT_MAX_BYTES)
        if not upload.size:
            raise ValidationError(_("Die Datei ist leer."), code="empty")
        return upload


class ImportConfirmForm(forms.Form):
    """What the preview showed (`manage.fingerprint`): saving checks that the file still does just that."""

    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)


class ConfirmForm(forms.Form):
    """A confirmation with nothing to fill in: the button is the answer."""


class ThresholdsForm(ModelForm):
    """When a district is flagged, in plain German."""

    z_threshold = forms.FloatField(
        label=_("Abstand vom Durchschnitt der Stadtteile (in Standardabweichungen)"),
        min_value=0.5,
        max_value=10,
        localize=True,  # "2,5" as a German writes it
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_(
            "Ein Stadtteil fällt auf, wenn sein Wert in einem Zeitraum so weit vom Durchschnitt aller "
            "Stadtteile abweicht, gemessen in Standardabweichungen (der z-Wert). Bei 2 fällt in der Regel "
            "etwa einer von zwanzig Werten auf; eine größere Zahl meldet seltener und nur deutlichere "
            "Abweichungen, eine kleinere öfter. Erlaubt sind 0,5 bis 10; üblich ist 2."
        ),
    )
    periods_against = forms.IntegerField(
        label=_("Zeiträume in Folge gegen die Entwicklung der Stadt"),
        min_value=2,
        max_value=20,
        help_text=_(
            "Ein Stadtteil fällt auch auf, wenn er sich so viele Zeiträume nacheinander anders entwickelt "
            "als die Stadt insgesamt – etwa wenn die SGB-II-Quote der Stadt sinkt und die des Stadtteils "
            "Jahr für Jahr steigt. Erlaubt sind 2 bis 20; üblich ist 3."
        ),
    )

    class Meta(ModelForm.Meta):
        model = SeismographSettings
        fields = ["z_threshold", "periods_against"]
