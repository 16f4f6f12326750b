from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.core.forms import ModelForm
from ankommen.core.roles import role_choices
from ankommen.core.text import german_slug


class AddressForm(ModelForm):
    """A town's page with an address of its own (`slug`), formed from its name when left empty."""

    name_field = "name"
    slug_taken = ""

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["slug"].required = False

    def clean_slug(self):
        return self.cleaned_data.get("slug") or german_slug(self.data.get(self.name_field, ""))

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        if slug:
            taken = self._meta.model.objects.for_municipality(self.municipality).filter(slug=slug)
            if taken.exclude(pk=self.instance.pk).exists():
                self.add_error("slug", self.slug_taken)
        elif self.name_field in cleaned:
            self.add_error(
                "slug", _("Bitte geben Sie eine Adresse aus Buchstaben, Ziffern und Bindestrichen an.")
            )
        return cleaned


class FieldForm(AddressForm):
    slug_taken = _("Ein anderes Handlungsfeld hat schon diese Adresse.")

    class Meta(ModelForm.Meta):
        model = Field
        fields = ["name", "slug", "summary", "description", "position"]


class HelpPageForm(AddressForm):
    name_field = "title"
    slug_taken = _("Eine andere Hilfeseite hat schon diese Adresse.")
    rows = {"body": 16}

    class Meta(ModelForm.Meta):
        model = HelpPage
        fields = ["title", "slug", "summary", "body", "position"]


def _roles_field(name):
    """Who may do something in a stage: a tick for each role (the model keeps the list)."""
    return forms.MultipleChoiceField(
        label=Stage._meta.get_field(name).verbose_name,
        choices=role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class StageForm(ModelForm):
    rows = {"description": 4}

    contribute_roles = _roles_field("contribute_roles")
    comment_roles = _roles_field("comment_roles")
    support_roles = _roles_field("support_roles")

    class Meta(ModelForm.Meta):
        model = Stage
        fields = [
            "kind",
            "description",
            "starts_on",
            "ends_on",
            "position",
            "is_public",
            "contribute_roles",
            "comment_roles",
            "support_roles",
        ]

    def __init__(self, *args, field, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field
        if self.instance.pk and self.instance.holds_contributions():
            self.fields["kind"].help_text = _(
                "In dieser Stufe gibt es schon Beiträge: Ihre Art lässt sich nicht mehr ändern."
            )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Das Ende muss am oder nach dem Beginn liegen."))
        kind = cleaned.get("kind")
        if kind and self.field.stages.filter(kind=kind).exclude(pk=self.instance.pk).exists():
            self.add_error("kind", _("Dieses Handlungsfeld hat schon eine Stufe dieser Art."))
        return cleaned
