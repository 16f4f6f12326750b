from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ankommen.core.forms import ModelForm, PlainTextField
from ankommen.legal.models import (
    VIDEO_FORMATS,
    AccessibilityStatement,
    BarrierReport,
    BarrierReportStatus,
    EasyLanguageText,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    ReviewMethod,
    SignLanguageVideo,
    TermsVersion,
)
from ankommen.legal.video import NotAVideo, read_video

MAX_VIDEO_SIZE = 200 * 1_000_000  # bytes; the reverse proxy must let uploads of this size through


class ImprintForm(ModelForm):
    rows = {"address": 3, "content_responsible_address": 3, "notes": 8}

    class Meta(ModelForm.Meta):
        model = Imprint
        fields = [
            "body_name",
            "legal_form",
            "represented_by",
            "address",
            "phone",
            "email",
            "vat_id",
            "supervisory_authority",
            "content_responsible",
            "content_responsible_address",
            "notes",
        ]


class PrivacyNoticeForm(ModelForm):
    rows = {"controller": 3, "officer_address": 3, "text": 20}

    class Meta(ModelForm.Meta):
        model = PrivacyNotice
        fields = ["controller", "officer_name", "officer_address", "officer_email", "officer_phone", "text"]


class TermsVersionForm(ModelForm):
    rows = {"text": 20}

    class Meta(ModelForm.Meta):
        model = TermsVersion
        fields = ["number", "dated", "changes", "text"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = TermsVersion.objects.for_municipality(self.municipality).filter(number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Eine andere Fassung hat schon diese Nummer."))
        return number


class AccessibilityStatementForm(ModelForm):
    rows = {"contact_address": 3, "enforcement_address": 3}

    class Meta(ModelForm.Meta):
        model = AccessibilityStatement
        fields = [
            "compliance",
            "prepared_on",
            "reviewed_on",
            "review_method",
            "reviewer",
            "contact_name",
            "contact_address",
            "contact_phone",
            "contact_email",
            "enforcement_body",
            "enforcement_address",
            "enforcement_phone",
            "enforcement_email",
            "enforcement_text",
        ]
        widgets = {"compliance": forms.RadioSelect, "review_method": forms.RadioSelect}
        # The form completes the sentence with the choice; the model names what it holds.
        labels = {"compliance": _("Diese Website ist mit den Anforderungen der Barrierefreiheit …")}

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


class NonAccessibleContentForm(ModelForm):
    rows = {"explanation": 4, "alternative": 4}

    class Meta(ModelForm.Meta):
        model = NonAccessibleContent
        fields = ["content", "reason", "explanation", "alternative", "position"]
        widgets = {"reason": forms.RadioSelect}


class EasyLanguageForm(ModelForm):
    rows = {"content": 14, "navigation": 10, "accessibility": 10}

    class Meta(ModelForm.Meta):
        model = EasyLanguageText
        fields = ["content", "navigation", "accessibility"]


class SignLanguageVideoForm(ModelForm):
    rows = {"description": 8}

    class Meta(ModelForm.Meta):
        model = SignLanguageVideo
        fields = ["video", "description"]
        widgets = {"video": forms.FileInput(attrs={"accept": ".mp4,.webm,video/mp4,video/webm"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A file field with an initial value would hand the stored video back as if uploaded again.
        self.initial.pop("video", None)
        if self.instance.pk:
            self.fields["video"].required = False  # keep the video, change only its description
        else:
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


class BarrierReportForm(ModelForm):
    """Anyone's report of a barrier; `website` is a honeypot that people never see."""

    website = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        template_name="legal/forms/honeypot.html",
    )

    class Meta(ModelForm.Meta):
        model = BarrierReport
        fields = ["kind", "subject", "location", "message", "name", "email"]
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        # The form speaks to the person who reports; the model names what the staff read.
        labels = {
            "kind": _("Ihr Anliegen"),
            "message": _("Ihre Nachricht"),
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse"),
        }


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
    note = PlainTextField(
        label=_("Vermerk"),
        max_length=2000,
        multiline=True,
        rows=4,
        help_text=_("Was geantwortet oder getan wurde; nur für die Verwaltung sichtbar."),
    )
