from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ankommen.core.forms import DateInput, PlainTextField
from ankommen.legal.models import (
    VIDEO_FORMATS,
    BarrierReportKind,
    BarrierReportStatus,
    Compliance,
    ExemptionReason,
    ReviewMethod,
    TermsVersion,
)
from ankommen.legal.video import NotAVideo, read_video

MAX_VIDEO_SIZE = 200 * 1_000_000  # bytes; the reverse proxy must let uploads of this size through


class InstanceForm(forms.Form):
    """A plain form whose initial values come from the row it changes (if there is one yet)."""

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            kwargs.setdefault("initial", {name: getattr(instance, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)


def _text(label, max_length, *, required=True, multiline=False, rows=4, help_text=""):
    return PlainTextField(
        label=label,
        max_length=max_length,
        required=required,
        multiline=multiline,
        rows=rows,
        help_text=help_text,
    )


class ImprintForm(InstanceForm):
    body_name = _text(_("Name der Körperschaft"), 200, help_text=_("zum Beispiel: Stadt Kornwestheim"))
    legal_form = _text(
        _("Rechtsform"), 200, help_text=_("zum Beispiel: Körperschaft des öffentlichen Rechts")
    )
    represented_by = _text(
        _("Vertreten durch"), 200, help_text=_("zum Beispiel: Oberbürgermeisterin/Oberbürgermeister")
    )
    address = _text(_("Anschrift"), 500, multiline=True, rows=3)
    phone = _text(_("Telefon"), 60)
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    vat_id = _text(
        _("Umsatzsteuer-Identifikationsnummer"),
        20,
        required=False,
        help_text=_("nach § 27a Umsatzsteuergesetz, falls vorhanden"),
    )
    supervisory_authority = _text(
        _("Aufsichtsbehörde"),
        300,
        required=False,
        help_text=_("zum Beispiel: Regierungspräsidium Stuttgart (Rechtsaufsicht)"),
    )
    content_responsible = _text(
        _("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"), 200, help_text=_("Name oder Funktion")
    )
    content_responsible_address = _text(
        _("Anschrift der oder des Verantwortlichen"), 500, multiline=True, rows=3
    )
    notes = _text(
        _("Weitere Angaben"),
        10000,
        required=False,
        multiline=True,
        rows=8,
        help_text=_("zum Beispiel: Haftung für Links, Urheberrecht, Bildnachweise"),
    )


class PrivacyNoticeForm(InstanceForm):
    controller = _text(
        _("Verantwortliche Stelle"),
        1000,
        multiline=True,
        rows=3,
        help_text=_("Name und Anschrift der Stelle, die über die Verarbeitung entscheidet"),
    )
    officer_name = _text(
        _("Datenschutzbeauftragte oder Datenschutzbeauftragter"), 200, help_text=_("Name oder Stelle")
    )
    officer_address = _text(_("Anschrift der oder des Datenschutzbeauftragten"), 500, multiline=True, rows=3)
    officer_email = forms.EmailField(label=_("E-Mail-Adresse der oder des Datenschutzbeauftragten"))
    officer_phone = _text(_("Telefon der oder des Datenschutzbeauftragten"), 60, required=False)
    text = _text(
        _("Text der Datenschutzerklärung"),
        20000,
        multiline=True,
        rows=20,
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )


class TermsVersionForm(InstanceForm):
    number = _text(_("Fassung"), 20, help_text=_("zum Beispiel: 2 oder 2.1"))
    dated = forms.DateField(
        label=_("Fassung vom"), widget=DateInput, help_text=_("Ab diesem Tag gilt die Fassung.")
    )
    changes = _text(
        _("Was sich geändert hat"),
        500,
        required=False,
        help_text=_("Ein Satz für alle, die die vorige Fassung kennen."),
    )
    text = _text(
        _("Text"), 20000, multiline=True, rows=20, help_text=_("Absätze durch eine Leerzeile trennen.")
    )

    def __init__(self, *args, municipality, **kwargs):
        self.municipality = municipality
        super().__init__(*args, **kwargs)

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = TermsVersion.objects.for_municipality(self.municipality).filter(number=number)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Eine andere Fassung hat schon diese Nummer."))
        return number


class AccessibilityStatementForm(InstanceForm):
    compliance = forms.ChoiceField(
        label=_("Diese Website ist mit den Anforderungen der Barrierefreiheit …"),
        choices=Compliance.choices,
        widget=forms.RadioSelect,
    )
    prepared_on = forms.DateField(label=_("Erklärung erstellt am"), widget=DateInput)
    reviewed_on = forms.DateField(label=_("Zuletzt überprüft am"), widget=DateInput)
    review_method = forms.ChoiceField(
        label=_("Methode der Überprüfung"), choices=ReviewMethod.choices, widget=forms.RadioSelect
    )
    reviewer = _text(
        _("Prüfende Stelle"), 200, required=False, help_text=_("nur bei einer Prüfung durch Dritte")
    )
    contact_name = _text(
        _("Kontaktstelle für Rückmeldungen"),
        200,
        help_text=_("zum Beispiel: Beauftragte für die Belange von Menschen mit Behinderungen"),
    )
    contact_address = _text(_("Anschrift der Kontaktstelle"), 500, multiline=True, rows=3)
    contact_phone = _text(_("Telefon der Kontaktstelle"), 60, required=False)
    contact_email = forms.EmailField(label=_("E-Mail-Adresse der Kontaktstelle"))
    enforcement_body = _text(_("Schlichtungsstelle"), 300)
    enforcement_address = _text(_("Anschrift der Schlichtungsstelle"), 500, multiline=True, rows=3)
    enforcement_phone = _text(_("Telefon der Schlichtungsstelle"), 60)
    enforcement_email = forms.EmailField(label=_("E-Mail-Adresse der Schlichtungsstelle"))
    enforcement_text = _text(_("Hinweis zum Durchsetzungsverfahren"), 3000, multiline=True, rows=6)

    def clean(self):
        cleaned = super().clean()
        prepared, reviewed = cleaned.get("prepared_on"), cleaned.get("reviewed_on")
        if prepared and reviewed and reviewed < prepared:
            self.add_error(
                "reviewed_on", _("Die Überprüfung kann nicht vor der Erstellung der Erklärung liegen.")
            )
        if cleaned.get("review_method") == ReviewMethod.THIRD_PARTY and not cleaned.get("reviewer"):
            self.add_error("reviewer", _("Bitte nennen Sie die Stelle, die die Website geprüft hat."))
        return cleaned


class NonAccessibleContentForm(InstanceForm):
    content = _text(
        _("Nicht barrierefreier Inhalt"),
        300,
        help_text=_("zum Beispiel: ältere PDF-Anhänge von Sitzungsvorlagen"),
    )
    reason = forms.ChoiceField(label=_("Grund"), choices=ExemptionReason.choices, widget=forms.RadioSelect)
    explanation = _text(_("Begründung"), 2000, multiline=True)
    alternative = _text(
        _("Barrierefreie Alternative"),
        2000,
        required=False,
        multiline=True,
        help_text=_("Wie Menschen den Inhalt trotzdem bekommen, zum Beispiel auf Anfrage."),
    )
    position = forms.IntegerField(label=_("Reihenfolge"), min_value=0, max_value=999, initial=0)


class EasyLanguageForm(InstanceForm):
    content = _text(
        _("Was es auf dieser Seite gibt (in Leichter Sprache)"),
        10000,
        required=False,
        multiline=True,
        rows=14,
        help_text=_(
            "Ein Satz pro Zeile. Absätze durch eine Leerzeile trennen. "
            "Leer lassen: Ein allgemeiner Text über die Dialogplattform erscheint."
        ),
    )
    navigation = _text(
        _("Wie Sie sich zurechtfinden (in Leichter Sprache)"),
        10000,
        required=False,
        multiline=True,
        rows=10,
        help_text=_("Leer lassen: Der mitgelieferte Text in Leichter Sprache erscheint."),
    )
    accessibility = _text(
        _("Das Wichtigste zur Barrierefreiheit (in Leichter Sprache)"),
        10000,
        required=False,
        multiline=True,
        rows=10,
        help_text=_("Leer lassen: Der mitgelieferte Text in Leichter Sprache erscheint."),
    )


class SignLanguageVideoForm(InstanceForm):
    video = forms.FileField(
        label=_("Video"),
        required=False,
        help_text=_("MP4 oder WebM, höchstens 200 MB. Das Video wird von diesem Server ausgeliefert."),
        widget=forms.ClearableFileInput(attrs={"accept": ".mp4,.webm,video/mp4,video/webm"}),
    )
    description = _text(
        _("Beschreibung (Textalternative)"),
        5000,
        multiline=True,
        rows=8,
        help_text=_("Was im Video gesagt wird, kurz in Textform."),
    )

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        self.initial.pop("video", None)
        self.fields["video"].widget = forms.FileInput(attrs=self.fields["video"].widget.attrs)
        if instance is None:
            self.fields["video"].required = True
            self.fields["video"].help_text = _("MP4 oder WebM, höchstens 200 MB.")
        self.facts = None

    def clean_video(self):
        video = self.cleaned_data.get("video")
        if not video:
            return None
        extension = video.name.rsplit(".", 1)[-1].lower() if "." in video.name else ""
        if extension not in VIDEO_FORMATS:
            raise ValidationError(_("Bitte laden Sie ein Video im Format MP4 oder WebM hoch."))
        if video.size > MAX_VIDEO_SIZE:
            raise ValidationError(
                _("Das Video ist %(size)s MB groß; erlaubt sind höchstens 200 MB.")
                % {"size": round(video.size / 1_000_000)}
            )
        try:
            self.facts = read_video(video, extension)
        except NotAVideo:
            raise ValidationError(
                _("Diese Datei ist kein lesbares %(format)s-Video.") % {"format": extension.upper()}
            ) from None
        return video


class BarrierReportForm(forms.Form):
    """Anyone's report of a barrier; `website` is a honeypot that people never see."""

    kind = forms.ChoiceField(
        label=_("Ihr Anliegen"),
        choices=BarrierReportKind.choices,
        initial=BarrierReportKind.BARRIER,
        widget=forms.RadioSelect,
    )
    subject = _text(
        _("Worum geht es?"),
        200,
        help_text=_(
            "Zum Beispiel: Ein PDF lässt sich nicht vorlesen. Oder: Ich brauche die Vorlage in Leichter Sprache."
        ),
    )
    location = _text(
        _("Wo ist das?"),
        500,
        help_text=_("Die Adresse der Seite (sie beginnt mit https://) oder eine Beschreibung, wo Sie waren."),
    )
    message = _text(
        _("Ihre Nachricht"),
        5000,
        multiline=True,
        rows=6,
        help_text=_(
            "Was ist passiert? Welche Hilfsmittel nutzen Sie? In welcher Form brauchen Sie den Inhalt?"
        ),
    )
    name = PlainTextField(
        label=_("Ihr Name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Nur wenn Sie eine Antwort möchten. Wir nutzen sie nur für die Antwort."),
    )
    website = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        template_name="legal/forms/honeypot.html",
    )

    def is_from_a_bot(self):
        return bool(self.data.get("website", "").strip())


class ResolveBarrierReportForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Erledigt als"),
        choices=[
            (BarrierReportStatus.ANSWERED, _("beantwortet")),
            (BarrierReportStatus.CLOSED, _("ohne Antwort geschlossen (zum Beispiel ohne Kontaktangabe)")),
        ],
        initial=BarrierReportStatus.ANSWERED,
        widget=forms.RadioSelect,
    )
    note = _text(
        _("Vermerk"),
        2000,
        multiline=True,
        help_text=_("Was geantwortet oder getan wurde; nur für die Verwaltung sichtbar."),
    )
