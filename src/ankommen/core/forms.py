"""Form rendering with KERN UX markup, and the validators every text field of the product uses."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


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


class AuditFilterForm(forms.Form):
    is_filter = True
    action = forms.ChoiceField(label=_("Aktion"), required=False)
    person = forms.CharField(
        label=_("Person"), required=False, max_length=200, help_text=_("Name oder ein Teil davon")
    )
    since = forms.DateField(label=_("von"), required=False, widget=DateInput)
    until = forms.DateField(label=_("bis"), required=False, widget=DateInput)

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            ("", _("alle")),
            *sorted(actions.items(), key=lambda pair: str(pair[1])),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["until"] < cleaned["since"]:
            self.add_error("until", _("Das Ende des Zeitraums muss am oder nach seinem Anfang liegen."))
        return cleaned
