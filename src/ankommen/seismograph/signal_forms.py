"""The forms of the signals' pages: the list's filters, an observation, a finding, a dismissal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import District, Field
from ankommen.core.forms import PlainTextField, TranslatedLabels
from ankommen.core.translation import translated
from ankommen.dialogue.models import BODY_MAX, TITLE_MAX
from ankommen.seismograph.models import DISMISS_REASON_MAX, SIGNAL_TEXT_MAX, SignalKind

OPEN, DECIDED = "offen", "erledigt"


class SignalFilterForm(forms.Form):
    """The list's filters, sent as GET so that every filtered list has an address."""

    is_filter = True

    stadtteil = forms.TypedChoiceField(label=_("Stadtteil"), required=False, coerce=int, empty_value=None)
    feld = forms.ChoiceField(label=_("Handlungsfeld"), required=False)
    art = forms.ChoiceField(label=_("Art"), required=False, choices=[("", _("alle")), *SignalKind.choices])
    stand = forms.ChoiceField(
        label=_("Stand"),
        required=False,
        choices=[(OPEN, _("offen")), (DECIDED, _("entschieden oder zurückgezogen"))],
    )

    def __init__(self, data=None, *, districts, fields, **kwargs):
        """`districts`, `fields`: the town's, with their translations fetched."""
        super().__init__(data, **kwargs)
        self.districts = {district.pk: district for district in districts}
        self.by_slug = {field.slug: field for field in fields}
        self.fields["stadtteil"].choices = [
            ("", _("alle")),
            *((district.pk, translated(district, "name").text) for district in districts),
        ]
        self.fields["feld"].choices = [
            ("", _("alle")),
            *((field.slug, translated(field, "name").text) for field in fields),
        ]

    def chosen(self):
        """{district, field, kind, decided}: what the reader filters by; a value that is no choice filters nothing."""
        chosen = {"district": None, "field": None, "kind": "", "decided": False}
        if not self.is_bound or not self.is_valid():
            return chosen
        data = self.cleaned_data
        chosen["district"] = self.districts.get(data.get("stadtteil"))
        chosen["field"] = self.by_slug.get(data.get("feld") or "")
        chosen["kind"] = data.get("art") or ""
        chosen["decided"] = data.get("stand") == DECIDED
        return chosen


class DistrictChoiceField(TranslatedLabels, forms.ModelChoiceField):
    pass


class FieldChoiceField(TranslatedLabels, forms.ModelChoiceField):
    pass


class ObservationForm(forms.Form):
    """An observation about a district and a field; staff may enter one someone made where people meet."""

    district = DistrictChoiceField(label=_("Stadtteil"), queryset=District.objects.none())
    field = FieldChoiceField(label=_("Handlungsfeld"), queryset=Field.objects.none())
    text = PlainTextField(
        label=_("Ihre Beobachtung"),
        max_length=SIGNAL_TEXT_MAX,
        multiline=True,
        rows=6,
        help_text=_(
            "Was Ihnen im Stadtteil auffällt, zum Beispiel: Ein Treffpunkt schließt, in einer Straße ziehen "
            "viele Familien weg. Nennen Sie keine Namen von Personen."
        ),
    )
    paper_author = PlainTextField(
        label=_("Beobachtet von"),
        max_length=120,
        required=False,
        help_text=_(
            "Nur ausfüllen, wenn Sie die Beobachtung für eine andere Person eintragen: ihr Name, wie sie "
            "genannt werden möchte."
        ),
    )
    paper_occasion = PlainTextField(
        label=_("Eingereicht bei"),
        max_length=200,
        required=False,
        help_text=_(
            "Zum Beispiel: in der Sprechstunde im Stadtteilzentrum, beim Stadtteilspaziergang am 3. März"
        ),
    )

    def __init__(self, data=None, *, town, language, paper=False, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["district"].queryset = District.objects.for_municipality(town).with_translations(language)
        self.fields["field"].queryset = (
            Field.objects.for_municipality(town)
            .listed()
            .order_by("position", "name")
            .with_translations(language)
        )
        if not paper:
            del self.fields["paper_author"], self.fields["paper_occasion"]

    def clean(self):
        cleaned = super().clean()
        if "paper_author" not in self.fields:
            return cleaned
        if cleaned.get("paper_author") and not cleaned.get("paper_occasion"):
            self.add_error(
                "paper_occasion", _("Bitte geben Sie an, wo die Beobachtung auf Papier eingereicht wurde.")
            )
        if (
            cleaned.get("paper_occasion")
            and not cleaned.get("paper_author")
            and "paper_author" not in self.errors
        ):
            self.add_error("paper_author", _("Bitte geben Sie an, von wem die Beobachtung stammt."))
        return cleaned


class SignalFindingForm(forms.Form):
    """The finding a signal becomes: its title and text, as the moderator words them for the field."""

    title = PlainTextField(label=_("Titel des Befunds"), max_length=TITLE_MAX)
    body = PlainTextField(
        label=_("Text des Befunds"),
        max_length=BODY_MAX,
        multiline=True,
        rows=8,
        help_text=_(
            "So lesen ihn alle, die die Bestandsaufnahme des Handlungsfelds sehen – ist sie öffentlich, die "
            "Öffentlichkeit. Nennen Sie einen Stadtteil nur, wenn es der Sache dient."
        ),
    )


class DismissSignalForm(forms.Form):
    reason = PlainTextField(
        label=_("Warum verwerfen Sie das Signal?"),
        max_length=DISMISS_REASON_MAX,
        multiline=True,
        rows=3,
        help_text=_("Der Grund steht beim Signal, für alle, die es sehen."),
    )
