"""The dashboard's choices, sent as GET so that every view of it has an address to share.

A value that is no choice is named in a clear message (the page answers 400, with the form);
a period in the right form that the indicator has no value for is not an error: the page shows
the latest one and says so.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ankommen.core.translation import translated
from ankommen.seismograph.models import Topic, parse_period

LATEST = ""
EQUAL, QUANTILE = "gleich", "quantile"
MOST_LINES = 11  # districts in one chart, beside the town


def grouped(indicators):
    """Choices of indicators by key, in option groups by topic."""
    groups = []
    for value, label in Topic.choices:
        members = [(each.key, translated(each, "name").text) for each in indicators if each.topic == value]
        if members:
            groups.append((label, members))
    return groups


class PeriodField(forms.ChoiceField):
    """A period from the offered ones; any year or month is accepted (the page then says if it has no values)."""

    def valid_value(self, value):
        return True

    def clean(self, value):
        value = super().clean(value)
        if value == LATEST:
            return value
        period = parse_period(value)
        if period is None:
            raise ValidationError(
                _("„%(value)s“ ist kein Zeitraum. Bitte ein Jahr (2023) oder einen Monat (2023-05) wählen."),
                code="period",
                params={"value": value[:20]},
            )
        return period[0]


def period_choices(periods):
    """The newest first, after "the latest"."""
    return [(LATEST, _("der neueste")), *((period, period) for period in reversed(periods))]


class OverviewForm(forms.Form):
    """Which indicator, which period, and how the map's shades are divided."""

    is_filter = True

    indikator = forms.ChoiceField(
        label=_("Indikator"),
        required=False,
        error_messages={"invalid_choice": _("Einen Indikator „%(value)s“ gibt es hier nicht.")},
    )
    zeitraum = PeriodField(label=_("Zeitraum"), required=False)
    einteilung = forms.ChoiceField(
        label=_("Stufen der Karte"),
        required=False,
        choices=[(EQUAL, _("gleich breite Stufen")), (QUANTILE, _("gleich viele Stadtteile je Stufe"))],
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Einteilung der Karte.")},
    )

    def __init__(self, data, *, indicators):
        super().__init__(data)
        self.by_key = {each.key: each for each in indicators}
        offered = [each for each in indicators if each.has_values]
        asked = self.by_key.get(self.data.get("indikator") or "")
        if asked is not None and asked not in offered:
            offered.append(asked)  # a shared address may name one that has no values (yet)
        self.fields["indikator"].choices = grouped(offered)

    def set_periods(self, periods):
        self.fields["zeitraum"].choices = period_choices(periods)


class SegregationForm(forms.Form):
    """Which group among which residents, in which period."""

    is_filter = True

    gruppe = forms.ChoiceField(
        label=_("Gruppe"),
        required=False,
        error_messages={
            "invalid_choice": _("„%(value)s“ ist keine Zahl von Personen, die hier gezählt wird.")
        },
    )
    gesamt = forms.ChoiceField(
        label=_("Gesamtheit"),
        required=False,
        help_text=_("Alle Personen, zu denen die Gruppe gehört, meist alle Einwohnerinnen und Einwohner."),
        error_messages={
            "invalid_choice": _("„%(value)s“ ist keine Zahl von Personen, die hier gezählt wird.")
        },
    )
    zeitraum = PeriodField(label=_("Zeitraum"), required=False)

    def __init__(self, data, *, counts):
        """`counts`: the town's indicators that count people (`is_count`)."""
        super().__init__(data)
        self.by_key = {each.key: each for each in counts}
        choices = [(each.key, translated(each, "name").text) for each in counts]
        self.fields["gruppe"].choices = choices
        self.fields["gesamt"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("gruppe") and cleaned.get("gruppe") == cleaned.get("gesamt"):
            self.add_error(
                "gesamt",
                _("Gruppe und Gesamtheit müssen verschiedene Zahlen sein: wählen Sie zwei verschiedene."),
            )
        return cleaned

    def set_periods(self, periods):
        self.fields["zeitraum"].choices = period_choices(periods)


class LinesForm(forms.Form):
    """Which districts an indicator's chart draws, where the town has more than fit."""

    is_filter = True

    stadtteil = forms.MultipleChoiceField(
        label=_("Stadtteile im Diagramm"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Einen Stadtteil „%(value)s“ gibt es hier nicht.")},
    )

    def __init__(self, data, *, districts):
        super().__init__(data)
        self.fields["stadtteil"].help_text = gettext(
            "Bis zu %(most)s Stadtteile; ohne Auswahl die mit den höchsten und den niedrigsten Werten."
        ) % {"most": MOST_LINES}
        self.fields["stadtteil"].choices = [
            (str(district.pk), translated(district, "name").text) for district in districts
        ]

    def clean_stadtteil(self):
        chosen = self.cleaned_data["stadtteil"]
        if len(chosen) > MOST_LINES:
            raise ValidationError(
                _("Bitte höchstens %(most)s Stadtteile wählen, damit die Linien lesbar bleiben."),
                code="too_many",
                params={"most": MOST_LINES},
            )
        return {int(value) for value in chosen}
