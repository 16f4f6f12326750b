from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import Field, HelpPage, Stage, StageKind
from ankommen.core.forms import DateInput, PlainTextField
from ankommen.core.roles import role_choices
from ankommen.core.text import german_slug


class SlugForm(forms.Form):
    """A form for a town's page with an address of its own, formed from its name when left empty."""

    model = None
    name_field = "name"
    slug_taken = ""

    def __init__(self, *args, municipality, instance=None, **kwargs):
        self.municipality = municipality
        self.instance = instance
        if instance is not None:
            kwargs.setdefault("initial", {name: getattr(instance, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)

    def clean_slug(self):
        return self.cleaned_data.get("slug") or german_slug(self.data.get(self.name_field, ""))

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        if slug:
            taken = self.model.objects.for_municipality(self.municipality).filter(slug=slug)
            if self.instance is not None:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("slug", self.slug_taken)
        elif self.name_field in cleaned:
            self.add_error(
                "slug", _("Bitte geben Sie eine Adresse aus Buchstaben, Ziffern und Bindestrichen an.")
            )
        return cleaned


class FieldForm(SlugForm):
    model = Field
    slug_taken = _("Ein anderes Handlungsfeld hat schon diese Adresse.")

    name = PlainTextField(label=_("Name"), max_length=120)
    slug = forms.SlugField(
        label=_("Adresse"),
        max_length=120,
        required=False,
        help_text=_("Teil der Adresse, z. B. wohnen-und-leben. Leer lassen: wird aus dem Namen gebildet."),
    )
    summary = PlainTextField(label=_("Kurzbeschreibung"), max_length=300)
    description = PlainTextField(label=_("Beschreibung"), max_length=5000, required=False, multiline=True)
    position = forms.IntegerField(label=_("Reihenfolge"), min_value=0, max_value=999, initial=0)


class HelpPageForm(SlugForm):
    model = HelpPage
    name_field = "title"
    slug_taken = _("Eine andere Hilfeseite hat schon diese Adresse.")

    title = PlainTextField(label=_("Titel"), max_length=120)
    slug = forms.SlugField(
        label=_("Adresse"),
        max_length=120,
        required=False,
        help_text=_("Teil der Adresse, z. B. mitmachen. Leer lassen: wird aus dem Titel gebildet."),
    )
    summary = PlainTextField(
        label=_("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Ein Satz für die Übersicht der Hilfe."),
    )
    body = PlainTextField(
        label=_("Text"),
        max_length=20000,
        multiline=True,
        rows=16,
        help_text=_(
            "Eine Leerzeile beginnt einen neuen Abschnitt. Hat ein Abschnitt mehrere Zeilen, wird die erste "
            "seine Überschrift. Kurze Sätze helfen allen, die wenig Deutsch sprechen."
        ),
    )
    position = forms.IntegerField(label=_("Reihenfolge"), min_value=0, max_value=999, initial=0)


class StageForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art der Stufe"), choices=StageKind.choices)
    description = PlainTextField(
        label=_("Beschreibung"),
        max_length=2000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Worum es in dieser Stufe geht und wer eingeladen ist."),
    )
    starts_on = forms.DateField(label=_("Beginn"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ende"), widget=DateInput)
    position = forms.IntegerField(label=_("Reihenfolge"), min_value=0, max_value=99, initial=0)
    is_public = forms.BooleanField(
        label=_("Öffentlich sichtbar"),
        required=False,
        initial=True,
        help_text=_("Sonst sehen nur Mitglieder die Beiträge dieser Stufe."),
    )
    contribute_roles = forms.MultipleChoiceField(
        label=_("Wer darf Beiträge einbringen?"),
        choices=role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment_roles = forms.MultipleChoiceField(
        label=_("Wer darf kommentieren?"),
        choices=role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    support_roles = forms.MultipleChoiceField(
        label=_("Wer darf unterstützen?"),
        choices=role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, field, instance=None, **kwargs):
        self.field = field
        self.instance = instance
        if instance is not None:
            kwargs.setdefault("initial", {name: getattr(instance, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Das Ende muss am oder nach dem Beginn liegen."))
        kind = cleaned.get("kind")
        if kind:
            taken = Stage.objects.filter(field=self.field, kind=kind)
            if self.instance is not None:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("kind", _("Dieses Handlungsfeld hat schon eine Stufe dieser Art."))
        return cleaned
