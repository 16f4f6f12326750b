"""The editors' and the storytellers' forms: a story, its photo, a consent, a note, a brochure."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import Field
from ankommen.core.forms import DateInput, ModelForm, PlainTextField
from ankommen.core.languages import BY_CODE
from ankommen.core.translation import translated
from ankommen.stories.models import NOTE_MAX, Naming, Purpose, Story, StoryKind, StoryStatus, Theme

QUESTION = re.compile(r"^\s*F:\s*(?P<question>.*)$")
SCAN_MAX_BYTES = 10 * 1024 * 1024
SCAN_TYPES = {b"%PDF": "PDF", b"\xff\xd8\xff": "JPEG", b"\x89PNG": "PNG"}


def language_choices(town):
    return [(code, BY_CODE[code].name) for code in town.languages if code in BY_CODE]


def parse_interview(text):
    """[(question, answer), …] from lines where each question starts with "F:" and its answer follows."""
    pairs, question, answer = [], None, []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        found = QUESTION.match(line)
        if found:
            if question is not None:
                pairs.append((question, "\n".join(answer).strip(), number - 1))
            question, answer = found["question"].strip(), []
        elif question is None:
            if line.strip():
                raise ValidationError(
                    _("Zeile %(line)s: Eine Frage beginnt mit „F:“; vor der ersten Frage steht nichts."),
                    params={"line": number},
                )
        else:
            answer.append(line)
    if question is not None:
        pairs.append((question, "\n".join(answer).strip(), number))
    for question, answer, line in pairs:
        if not question:
            raise ValidationError(_("Zeile %(line)s: Nach „F:“ fehlt die Frage."), params={"line": line})
        if not answer:
            raise ValidationError(
                _("Die Frage „%(question)s“ hat keine Antwort: sie steht in den Zeilen nach der Frage."),
                params={"question": question},
            )
    return [(question, answer) for question, answer, _line in pairs]


class StoryForm(ModelForm):
    """A story's texts and details; the interview as lines ("F: …" and the answer below)."""

    themes = forms.MultipleChoiceField(
        label=_("Themen"), choices=Theme.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder"),
        queryset=Field.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    answers = PlainTextField(
        label=_("Fragen und Antworten (bei einem Interview)"),
        required=False,
        multiline=True,
        rows=10,
        help_text=_("Jede Frage beginnt mit „F:“ am Zeilenanfang; die Antwort steht in den Zeilen darunter."),
    )

    rows = {"teaser": 3, "body": 14}

    class Meta(ModelForm.Meta):
        model = Story
        fields = [
            "kind",
            "title",
            "teaser",
            "body",
            "original_language",
            "given_name",
            "family_name",
            "pseudonym",
            "naming",
            "under_16",
            "arrival_year",
            "show_arrival_year",
            "origin",
            "show_origin",
            "is_fictional",
        ]
        widgets = {"kind": forms.RadioSelect, "naming": forms.RadioSelect}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["original_language"] = forms.ChoiceField(
            label=_("erzählt auf"),
            choices=language_choices(municipality),
            help_text=Story._meta.get_field("original_language").help_text,
        )
        field_rows = Field.objects.for_municipality(municipality).filter(archived_at=None)
        self.fields["fields"].queryset = field_rows
        self.fields["fields"].label_from_instance = lambda field: translated(field, "name").text
        self.fields["kind"].choices = StoryKind.choices
        self.fields["naming"].choices = Naming.choices
        if self.instance.pk:
            self.initial["themes"] = [each.theme for each in self.instance.themes.all()]
            self.initial["fields"] = list(self.instance.fields.all())
            self.initial["answers"] = "\n\n".join(
                f"F: {each.question}\n{each.answer}" for each in self.instance.answers.all()
            )

    def clean_answers(self):
        return parse_interview(self.cleaned_data["answers"])

    def service_values(self):
        """(values, themes, fields, answers) as the services take them."""
        data = dict(self.cleaned_data)
        return data, data.pop("themes"), data.pop("fields"), data.pop("answers")


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Foto"),
        help_text=_("JPEG, PNG oder WebP, höchstens 15 MB. Ort, Kamera und Aufnahmezeit werden entfernt."),
    )
    alt = PlainTextField(
        label=_("Beschreibung des Fotos"),
        max_length=300,
        help_text=_("Für Menschen, die das Foto nicht sehen: was darauf zu sehen ist."),
    )


class ConsentForm(forms.Form):
    """A consent given on paper: what to, in which language's text, by whom, when, until when, the scan."""

    purpose = forms.ChoiceField(label=_("Zweck"), choices=Purpose.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Sprache des Textes, den die Person gelesen hat"))
    given_by = PlainTextField(label=_("eingewilligt hat"), max_length=160)
    guardian = forms.BooleanField(
        label=_("Eine sorgeberechtigte Person hat eingewilligt (für Kinder und Jugendliche unter 16)."),
        required=False,
    )
    print_notice = forms.BooleanField(
        label=_("Die Person weiß: gedruckte Broschüren lassen sich nicht zurückholen."),
        required=False,
        help_text=_("Nötig für die Einwilligung in den Druck."),
    )
    given_on = forms.DateField(label=_("eingewilligt am"), widget=DateInput)
    valid_until = forms.DateField(
        label=_("gilt bis (leer: bis zum Widerruf)"), required=False, widget=DateInput
    )
    scan = forms.FileField(
        label=_("Scan der unterschriebenen Einwilligung"), help_text=_("PDF, JPEG oder PNG, höchstens 10 MB.")
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(municipality)
        self.initial.setdefault("given_on", timezone.localdate())

    def clean_scan(self):
        scan = self.cleaned_data["scan"]
        if scan.size > SCAN_MAX_BYTES:
            raise ValidationError(_("Der Scan ist größer als 10 MB."))
        head = scan.read(8)
        scan.seek(0)
        if not any(head.startswith(magic) for magic in SCAN_TYPES):
            raise ValidationError(_("Der Scan ist weder PDF noch JPEG noch PNG."))
        return scan


class OnlineConsentForm(forms.Form):
    """The person consents here, having read the text shown above the form."""

    read = forms.BooleanField(label=_("Ich habe den Text gelesen und willige ein."))
    print_notice = forms.BooleanField(
        label=_(
            "Ich weiß: gedruckte Broschüren lassen sich nicht zurückholen, auch wenn ich später widerrufe."
        ),
        required=False,
    )

    def __init__(self, *args, purpose, **kwargs):
        super().__init__(*args, **kwargs)
        if purpose == Purpose.BROCHURE:
            self.fields["print_notice"].required = True
        else:
            del self.fields["print_notice"]


class NoteForm(forms.Form):
    text = PlainTextField(
        label=_("Anmerkung"),
        max_length=NOTE_MAX,
        multiline=True,
        rows=4,
        help_text=_("Lesen nur die Redaktion und die erzählende Person."),
    )


class ReasonForm(forms.Form):
    reason = PlainTextField(label=_("Grund"), max_length=300, required=False)


class BrochureForm(forms.Form):
    title = PlainTextField(label=_("Titel"), max_length=160, initial=_("Ankommensgeschichten"))
    subtitle = PlainTextField(label=_("Untertitel"), max_length=200, required=False)
    edition = PlainTextField(
        label=_("Ausgabe"), max_length=60, required=False, help_text=_("z. B. „Dezember 2026“")
    )
    introduction = PlainTextField(
        label=_("Einleitung"), required=False, multiline=True, rows=8, max_length=20_000
    )
    stories = forms.ModelMultipleChoiceField(
        label=_("Geschichten"),
        queryset=Story.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur Geschichten mit gültiger Einwilligung in den Druck kommen in die Broschüre."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].queryset = (
            Story.objects.for_municipality(municipality).exclude(status=StoryStatus.DRAFT).order_by("title")
        )
