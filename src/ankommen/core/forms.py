"""Form rendering with KERN UX markup, and the validators every text field of the product uses."""

import copy
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.core.models import REASON_MAX, REVIEW_TEXT_MAX, Municipality, TranslationStatus
from ankommen.core.search import QUERY_MAX, terms_of
from ankommen.core.translation import translated


class KernFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


# A tag is "<" followed by a letter, "/" or "!" and a closing ">": "a < b" and "<3" stay allowed.
_TAG = re.compile(r"<\s*[/!a-zA-Z][^>]*>")


def reject_markup(value):
    if _TAG.search(value or ""):
        raise ValidationError(
            _("Bitte schreiben Sie einfachen Text ohne HTML-Auszeichnungen wie <b> oder <script>."),
            code="markup",
        )


def reject_blank(value):
    if value is not None and not str(value).strip():
        raise ValidationError(_("Bitte geben Sie einen Text ein, nicht nur Leerzeichen."), code="blank")


class DateInput(forms.DateInput):
    """The browser's date picker; it reads and writes ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlainTextField(forms.CharField):
    """Text from a person: trimmed, required to say something, never HTML."""

    default_validators = [reject_blank, reject_markup]

    def __init__(self, *, multiline=False, rows=6, **kwargs):
        if multiline:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The browser's own limit would cut text silently; the server says clearly what is too long.
        attrs.pop("maxlength", None)
        return attrs


def formfield(db_field, **kwargs):
    """The form field for a model field, as every form of the product shows it.

    Text without choices is a `PlainTextField` (a `TextField` multi-line), a date gets the date
    picker, a number its model's limits, a required choice no empty option; no field sets a
    browser `maxlength`, the server says what is too long.
    """
    if type(db_field) in (models.CharField, models.TextField) and not db_field.choices:
        kwargs.setdefault("form_class", PlainTextField)
        if isinstance(db_field, models.TextField):
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
    elif isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    elif type(db_field) is models.DateField:
        kwargs.setdefault("widget", DateInput)
    elif isinstance(db_field, models.IntegerField):
        limits = [v.limit_value for v in db_field.validators if isinstance(v, MaxValueValidator)]
        if limits:
            kwargs.setdefault("max_value", min(limits))
        lower = [v.limit_value for v in db_field.validators if type(v) is MinValueValidator]
        if lower:
            kwargs.setdefault("min_value", max(lower))
    field = db_field.formfield(**kwargs)
    if field is None:
        return None
    if db_field.choices and field.required:
        field.choices = [choice for choice in field.choices if choice[0] != ""]
    field.widget.attrs.pop("maxlength", None)
    return field


class TranslatedLabels:
    """For a model choice field: each option names its row (`name`) in the reader's language (with the
    translations fetched along with the rows)."""

    def label_from_instance(self, obj):
        return str(translated(obj, "name"))


class ModelForm(forms.ModelForm):
    """A form that mirrors its model: labels, help texts, lengths and what is required come from there.

    Fields are made by `formfield`; `rows` gives a multi-line field its height. The form checks a
    copy of the instance, so the page keeps showing the object as it is saved: services write,
    never `form.save()`.
    """

    rows = {}

    class Meta:
        formfield_callback = formfield

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
        for name, rows in self.rows.items():
            self.fields[name].widget.attrs["rows"] = rows


class AuditFilterForm(forms.Form):
    is_filter = True
    action = forms.ChoiceField(label=_("Aktion"), required=False)
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=200,
        help_text=_("Name oder ein Teil davon: wer gehandelt hat oder um wen es geht"),
    )
    since = forms.DateField(label=_("von"), required=False, widget=DateInput)
    until = forms.DateField(label=_("bis"), required=False, widget=DateInput)

    def __init__(self, *args, actions, **kwargs):
        """`actions`: [(area, [(action, label), …]), …], shown as one group of options per area."""
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("alle")), *actions]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["until"] < cleaned["since"]:
            self.add_error("until", _("Das Ende des Zeitraums muss am oder nach seinem Anfang liegen."))
        return cleaned


KEPT_STATUSES = (TranslationStatus.MISSING, TranslationStatus.MACHINE, TranslationStatus.OUTDATED)


def _state_choices(status):
    """A person's states, and the text's current one if nobody, a machine or a change of the German set it.

    The text's current state is always a choice and always the one selected at first: leaving
    "maschinell übersetzt" or "veraltet" selected keeps the translation as it is, leaving "fehlt"
    selected stores a new text as "in Übersetzung"; only choosing "geprüft" confirms it.
    """
    kept = [status] if status in KEPT_STATUSES else []
    return [
        (choice, TranslationStatus(choice).label)
        for choice in (*kept, TranslationStatus.IN_TRANSLATION, TranslationStatus.REVIEWED)
    ]


class TranslationForm(forms.Form):
    """Source and translation side by side, one pair of fields per translatable text of an object."""

    def __init__(self, *args, obj, language, rows, may_edit_source, statuses, twins=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj, self.language = obj, language
        self.texts = []
        model = type(obj)
        for name in model.translatable_fields:
            label = model._meta.get_field(name).verbose_name
            source = getattr(obj, name) or ""
            row = rows.get(name)
            if may_edit_source:
                self.fields[f"source_{name}"] = PlainTextField(
                    label=_("%(field)s auf Deutsch") % {"field": label},
                    initial=source,
                    required=not model._meta.get_field(name).blank,
                    multiline=len(source) > 80,
                    max_length=model._meta.get_field(name).max_length,
                )
            self.fields[f"text_{name}"] = PlainTextField(
                label=_("%(field)s in der Übersetzung") % {"field": label},
                initial=row.text if row else "",
                required=False,
                multiline=len(source) > 80,
                max_length=20000,
            )
            self.fields[f"text_{name}"].widget.attrs.update({"lang": language, "dir": "auto"})
            self.fields[f"state_{name}"] = forms.ChoiceField(
                label=_("Stand der Übersetzung von „%(field)s“") % {"field": label},
                choices=_state_choices(statuses[name]),
                initial=statuses[name],
                widget=forms.RadioSelect,
                required=False,
            )
            missing_twins = [
                twin for twin in (twins or {}).get(name, ()) if twin.status == TranslationStatus.MISSING
            ]
            if missing_twins:
                self.fields[f"everywhere_{name}"] = forms.BooleanField(
                    label=ngettext(
                        "Auch für die %(count)s andere Stelle mit demselben deutschen Text übernehmen",
                        "Auch für die %(count)s anderen Stellen mit demselben deutschen Text übernehmen",
                        len(missing_twins),
                    )
                    % {"count": len(missing_twins)},
                    help_text=_("Nur dort, wo es noch keine Übersetzung gibt."),
                    initial=True,
                    required=False,
                )
            if language == "de-simple":
                # Never ticked in advance: a tick says readers checked the text as it is saved now.
                self.fields[f"checked_{name}"] = forms.BooleanField(
                    label=_("Von Leser:innen der Zielgruppe geprüft"), required=False
                )
            self.texts.append(
                {
                    "name": name,
                    "label": label,
                    "source": source,
                    "status": statuses[name],
                    "checked": bool(row and row.checked_by_target_group),
                    "twins": (twins or {}).get(name, []),
                }
            )

    def text_fields(self):
        """For the template: per text its German source, its state, and the fields that belong to it."""
        for text in self.texts:
            name = text["name"]
            yield {
                **text,
                "source_field": self[f"source_{name}"] if f"source_{name}" in self.fields else None,
                "fields": [
                    self[key]
                    for key in self.fields
                    if key.split("_", 1)[1] == name and not key.startswith("source_")
                ],
            }


class TranslationFilterForm(forms.Form):
    is_filter = True

    status = forms.ChoiceField(label=_("Stand"), required=False)
    kind = forms.ChoiceField(label=_("Art des Textes"), required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("fehlt oder veraltet")), *TranslationStatus.choices]
        self.fields["kind"].choices = [
            ("", _("alle")),
            *((str(kind.pk), kind.model_class()._meta.verbose_name_plural) for kind in kinds),
        ]


class XliffUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF-Datei"),
        help_text=_("Die übersetzte Datei, wie sie von hier exportiert wurde (XLIFF 1.2, höchstens 5 MB)."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > 5 * 1024 * 1024:
            raise ValidationError(_("Die Datei ist größer als 5 MB."))
        return file


class TownLanguagesForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Sprachen der Kommune"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Deutsch wird immer angeboten."),
    )

    def __init__(self, *args, **kwargs):
        from ankommen.core.languages import LANGUAGES, SOURCE

        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [
            (language.code, self.label(language)) for language in LANGUAGES if language.code != SOURCE
        ]

    @staticmethod
    def label(language):
        label = f"{language.name_local} ({language.name})"
        if not language.has_catalogue:
            label += " – " + str(_("Oberfläche bleibt deutsch"))
        return label


class TownLimitsForm(ModelForm):
    """How often a member may write, support and report within an hour."""

    class Meta(ModelForm.Meta):
        model = Municipality
        fields = ["limit_contributions", "limit_comments", "limit_supports", "limit_reports"]


class FlagForm(forms.Form):
    reason = PlainTextField(
        label=_("Was ist das Problem?"),
        max_length=REASON_MAX,
        multiline=True,
        rows=3,
        help_text=_(
            "Zum Beispiel: beleidigend, persönliche Daten, Werbung. Die Moderation sieht Ihre Meldung."
        ),
    )


class HideForm(forms.Form):
    reason = PlainTextField(
        label=_("Grund für das Ausblenden"),
        max_length=REASON_MAX,
        help_text=_("Der Grund ist für alle sichtbar, die den Beitrag sehen könnten."),
    )


class SearchForm(forms.Form):
    """The search: one field, sent as GET so that every search has an address."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=QUERY_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={
            "required": _("Bitte geben Sie ein, wonach Sie suchen."),
            "max_length": _(
                "Bitte suchen Sie mit höchstens %(limit_value)d Zeichen (Sie haben %(show_value)d)."
            ),
        },
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if not terms_of(query):
            raise ValidationError(
                _("Bitte geben Sie mindestens ein Wort aus Buchstaben oder Ziffern ein."), code="no_words"
            )
        return query


class ShowForm(forms.Form):
    reason = PlainTextField(
        label=_("Grund für das Wiedereinblenden"),
        max_length=REASON_MAX,
        help_text=_("Der Grund steht im Protokoll; hat die Person um Überprüfung gebeten, liest sie ihn."),
    )


class ReviewRequestForm(forms.Form):
    text = PlainTextField(
        label=_("Ihre Nachricht an die Moderation (freiwillig)"),
        max_length=REVIEW_TEXT_MAX,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Zum Beispiel, was Sie gemeint haben oder was die Moderation übersehen hat."),
    )


class KeepHiddenForm(forms.Form):
    reason = PlainTextField(
        label=_("Warum bleibt es ausgeblendet?"),
        max_length=REASON_MAX,
        help_text=_("Die Person, die um Überprüfung gebeten hat, liest diese Begründung."),
    )


class NotificationSettingsForm(forms.Form):
    """How often by mail, one choice per topic the person may hear of."""

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        from ankommen.core.models import Frequency

        for topic in topics:
            self.fields[topic.code] = forms.ChoiceField(
                label=topic.label,
                help_text=topic.description,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
            )
