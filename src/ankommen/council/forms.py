from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.circle.models import Organisation, OrganisationKind
from ankommen.concept.models import Field
from ankommen.core.forms import DateInput, ModelForm, PlainTextField
from ankommen.council.models import (
    AgendaItem,
    Committee,
    Consultation,
    Decision,
    FileRole,
    Location,
    Measure,
    Meeting,
    Membership,
    Outcome,
    Person,
    Submission,
)


def _of_town(model, town, **lookup):
    return model.objects.for_municipality(town).filter(**lookup)


class CommitteeForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Committee
        fields = ["name", "short_name", "classification", "start_date", "end_date"]


class PersonForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Person
        fields = ["form_of_address", "title", "given_name", "family_name"]


class MembershipForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Membership
        fields = ["person", "role", "group", "voting_right", "start_date", "end_date"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _of_town(Person, municipality).live()


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class MeetingForm(ModelForm):
    """A meeting: its committee, day and hours, place; the date and the times asked apart."""

    day = forms.DateField(label=_("Tag"), widget=DateInput)
    starts_at = forms.TimeField(label=_("Beginn (Uhrzeit)"), widget=TimeInput)
    ends_at = forms.TimeField(label=_("Ende (Uhrzeit)"), widget=TimeInput, required=False)

    class Meta(ModelForm.Meta):
        model = Meeting
        fields = ["committee", "name", "location", "cancelled"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = _of_town(Committee, municipality).live()
        self.fields["location"].queryset = _of_town(Location, municipality).live()
        meeting = kwargs.get("instance")
        if meeting is not None and meeting.pk:
            start = timezone.localtime(meeting.start)
            self.initial.update(day=start.date(), starts_at=start.time())
            if meeting.end:
                self.initial["ends_at"] = timezone.localtime(meeting.end).time()

    def clean(self):
        cleaned = super().clean()
        day, starts_at, ends_at = (
            cleaned.pop("day", None),
            cleaned.pop("starts_at", None),
            cleaned.pop("ends_at", None),
        )
        if day and starts_at:
            cleaned["start"] = timezone.make_aware(datetime.combine(day, starts_at))
            cleaned["end"] = timezone.make_aware(datetime.combine(day, ends_at)) if ends_at else None
            if ends_at and ends_at <= starts_at:
                self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        return cleaned


class LocationForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Location
        fields = ["description", "street_address", "postal_code", "locality"]


class AgendaItemForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = AgendaItem
        fields = ["number", "name", "is_public", "nonpublic_reason", "consultation"]

    def __init__(self, *args, municipality, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = (
            _of_town(Consultation, municipality)
            .live()
            .filter(committee=meeting.committee, agenda_item__isnull=True)
            .select_related("submission", "committee")
        )
        self.fields["consultation"].label = _("Beratung einer Vorlage")
        self.fields["consultation"].label_from_instance = lambda row: (
            f"{row.submission.reference} {row.submission.subject}"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_public") is False and not cleaned.get("nonpublic_reason"):
            self.add_error(
                "nonpublic_reason", _("Bitte nennen Sie den Grund für die nichtöffentliche Beratung.")
            )
        if cleaned.get("is_public"):
            cleaned["nonpublic_reason"] = ""
        return cleaned


class SubmissionForm(ModelForm):
    """Every part of a Sitzungsvorlage, in the order the document shows them."""

    rows = {
        "decision_proposal": 6,
        "external_participation": 2,
        "financial_impact": 2,
        "coverage_proposal": 2,
        "statement": 20,
    }
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(ModelForm.Meta):
        model = Submission
        fields = [
            "subject",
            "paper_type",
            "date",
            "field",
            "decision_proposal",
            "external_participation",
            "financial_impact",
            "coverage_proposal",
            "statement",
            "is_public",
            "nonpublic_reason",
        ]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = _of_town(Field, municipality).listed()
        self.fields["field"].empty_label = _("das Konzept als Ganzes")
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)


class NewSubmissionForm(SubmissionForm):
    """A new submission; it may take up recommendations of the fields (quoted and linked)."""

    class Meta(SubmissionForm.Meta):
        fields = ["reference", *SubmissionForm.Meta.fields]

    def __init__(self, *args, municipality, recommendations, **kwargs):
        super().__init__(*args, municipality=municipality, **kwargs)
        del self.fields["version"]
        self.fields["reference"].required = False
        self.fields["recommendations"] = forms.ModelMultipleChoiceField(
            recommendations,
            label=_("Empfehlungen, die die Vorlage aufgreift"),
            help_text=_(
                "Ihre Antwort wird „in eine Sitzungsvorlage aufgenommen“, nach dem Beschluss dessen Ergebnis."
            ),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["recommendations"].label_from_instance = lambda item: f"{item.field.name}: {item.title}"


class ConsultationForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Consultation
        fields = ["committee", "role", "is_public", "meeting", "meeting_date", "position"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = _of_town(Committee, municipality).live()
        self.fields["meeting"].queryset = _of_town(Meeting, municipality).live().select_related("committee")
        self.fields["meeting"].label_from_instance = lambda meeting: meeting.title
        self.fields["meeting_date"].help_text = _("Wenn die Sitzung noch nicht angelegt ist.")


class AttachmentForm(forms.Form):
    title = PlainTextField(label=_("Titel"), max_length=200)
    role = forms.ChoiceField(
        label=_("Art"),
        choices=[(FileRole.ATTACHMENT, FileRole.ATTACHMENT.label), (FileRole.FIGURE, FileRole.FIGURE.label)],
    )
    position = forms.IntegerField(
        label=_("Nummer"),
        min_value=1,
        max_value=99,
        initial=1,
        help_text=_("Abbildung 1 steht im Text als „[Abbildung 1]“."),
    )
    alt_text = PlainTextField(
        label=_("Alternativtext"),
        max_length=500,
        required=False,
        help_text=_("Was die Abbildung zeigt, für alle, die sie nicht sehen."),
    )
    file = forms.FileField(label=_("Datei"), help_text=_("PDF, PNG oder JPEG, höchstens 10 MB"))
    is_public = forms.BooleanField(label=_("öffentlich"), required=False, initial=True)

    ALLOWED = {"application/pdf", "image/png", "image/jpeg"}

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        head = file.read(8)
        file.seek(0)
        kind = (
            "application/pdf"
            if head.startswith(b"%PDF")
            else "image/png"
            if head.startswith(b"\x89PNG")
            else "image/jpeg"
            if head.startswith(b"\xff\xd8")
            else ""
        )
        if kind not in self.ALLOWED:
            raise forms.ValidationError(_("Bitte laden Sie eine PDF-, PNG- oder JPEG-Datei hoch."))
        file.content_type = kind
        return file

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("role") == FileRole.FIGURE
            and cleaned.get("file") is not None
            and cleaned["file"].content_type == "application/pdf"
        ):
            self.add_error("file", _("Eine Abbildung ist ein Bild: PNG oder JPEG."))
        return cleaned


class CoSignatureRequestForm(forms.Form):
    department = forms.ModelChoiceField(Organisation.objects.none(), label=_("Fachbereich"))
    required = forms.BooleanField(
        label=_("Mitzeichnung erforderlich"),
        required=False,
        initial=True,
        help_text=_("Sonst ist sie erbeten, hält die Freigabe aber nicht auf."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = _of_town(
            Organisation, municipality, kind=OrganisationKind.DEPARTMENT
        )


class CoSignForm(forms.Form):
    signed = forms.TypedChoiceField(
        label=_("Der Fachbereich"),
        choices=[("1", _("zeichnet mit")), ("0", _("zeichnet nicht mit"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    comment = PlainTextField(
        label=_("Anmerkung"),
        max_length=2000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Nötig, wenn der Fachbereich nicht mitzeichnet."),
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Ergebnis"), choices=Outcome.choices)
    votes_yes = forms.IntegerField(label=_("Ja-Stimmen"), min_value=0, max_value=999, required=False)
    votes_no = forms.IntegerField(label=_("Nein-Stimmen"), min_value=0, max_value=999, required=False)
    votes_abstain = forms.IntegerField(label=_("Enthaltungen"), min_value=0, max_value=999, required=False)
    excluded = forms.ModelMultipleChoiceField(
        Person.objects.none(),
        label=_("Befangen und nicht beteiligt (GemO § 18)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wording = PlainTextField(
        label=_("Wortlaut des Beschlusses"),
        max_length=5000,
        required=False,
        multiline=True,
        rows=5,
        help_text=_("Leer lassen bei „beschlossen“: dann gilt der Beschlussvorschlag."),
    )
    summary = PlainTextField(
        label=_("Zusammenfassung in einfachen Worten"),
        max_length=2000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Was der Beschluss für die Menschen in der Stadt bedeutet, in kurzen Sätzen."),
    )
    next_committee = forms.ModelChoiceField(
        Committee.objects.none(), label=_("Verwiesen an"), required=False, help_text=_("Nur bei „verwiesen“.")
    )
    next_date = forms.DateField(
        label=_("Nächstes Sitzungsdatum"),
        required=False,
        widget=DateInput,
        help_text=_("Bei „vertagt“ oder „verwiesen“, wenn bekannt."),
    )

    def __init__(self, *args, municipality, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["excluded"].queryset = (
            _of_town(Person, municipality).filter(memberships__committee=consultation.committee).distinct()
        )
        self.fields["next_committee"].queryset = (
            _of_town(Committee, municipality).live().exclude(pk=consultation.committee_id)
        )


class DecisionTextsForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Decision
        fields = ["summary", "no_measure_reason"]


class MeasureForm(ModelForm):
    rows = {"description": 4, "progress_note": 3, "late_reason": 3}

    class Meta(ModelForm.Meta):
        model = Measure
        fields = [
            "title",
            "description",
            "field",
            "recommendation",
            "owner",
            "budget",
            "starts_on",
            "due_on",
            "status",
            "progress",
            "progress_note",
            "late_reason",
        ]

    def __init__(self, *args, municipality, decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = _of_town(Field, municipality).listed()
        self.fields["owner"].queryset = _of_town(Organisation, municipality)
        self.fields["recommendation"].queryset = decision.consultation.submission.recommendations.all()
        self.fields["recommendation"].label_from_instance = lambda item: item.title

    def clean(self):
        cleaned = super().clean()
        starts_on, due_on = cleaned.get("starts_on"), cleaned.get("due_on")
        if starts_on and due_on and due_on < starts_on:
            self.add_error("due_on", _("Das Ende muss am oder nach dem Beginn liegen."))
        return cleaned


class ImportForm(forms.Form):
    url = forms.URLField(
        label=_("Adresse des OParl-Systems"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Die Adresse des System- oder Body-Objekts, z. B. https://ratsinfo.example.de/oparl/v1.1/"
        ),
    )
