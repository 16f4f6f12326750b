from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.core.forms import ModelForm
from ankommen.core.registry import registry
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


# The rights a stage gives, as the columns of the form's table: (its model field, the column's heading).
RIGHTS = (
    ("contribute_roles", _("Beiträge einbringen")),
    ("comment_roles", _("Kommentieren")),
    ("support_roles", _("Unterstützen")),
)

# Dates typed by hand where a browser offers no date picker, and the picker's ISO dates.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


def _roles_field(name):
    """Who may do something in a stage: a tick for each role (the model keeps the list)."""
    return forms.MultipleChoiceField(
        label=Stage._meta.get_field(name).verbose_name,
        choices=role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class StageForm(ModelForm):
    """A stage: its kind, dates and text, and who may do what in one table of roles and rights.

    Its place in the field's plan follows from its kind (see `services.stage_position`). The
    period may not overlap another stage of the field, nor contradict the stage's state.
    """

    template_name = "concept/forms/stage_form.html"
    rows = {"description": 4}
    rights = RIGHTS

    contribute_roles = _roles_field("contribute_roles")
    comment_roles = _roles_field("comment_roles")
    support_roles = _roles_field("support_roles")
    nobody_contributes = forms.BooleanField(
        label=_("Ja, in dieser Stufe bringt niemand Beiträge ein."), required=False
    )

    class Meta(ModelForm.Meta):
        model = Stage
        fields = [
            "kind",
            "description",
            "starts_on",
            "ends_on",
            "is_public",
            "contribute_roles",
            "comment_roles",
            "support_roles",
        ]

    def __init__(self, *args, field, **kwargs):
        super().__init__(*args, **kwargs)
        self.field = field
        self.instance.field_id = field.pk
        self.asks_nobody_contributes = False
        for name in ("starts_on", "ends_on"):
            self.fields[name].input_formats = DATE_INPUT_FORMATS
            self.fields[name].help_text = _("TT.MM.JJJJ, zum Beispiel 15.11.2026")
        if self.instance.pk and self.instance.holds_contributions():
            self.fields["kind"].help_text = _(
                "In dieser Stufe gibt es schon Beiträge: Ihre Art lässt sich nicht mehr ändern."
            )

    def rights_table(self):
        """For the template: a row per role, in it a cell per right with its checkbox's name, id and tick."""
        chosen = {name: {str(value) for value in (self[name].value() or [])} for name, _label in RIGHTS}
        return [
            {
                "code": code,
                "label": label,
                "cells": [
                    {
                        "name": name,
                        "id": f"id_{name}_{code}",
                        "right": right,
                        "checked": code in chosen[name],
                    }
                    for name, right in RIGHTS
                ],
            }
            for code, label in role_choices()
        ]

    def other_fields(self):
        """The fields shown one below the other, before the table of rights."""
        table = {name for name, _label in RIGHTS} | {"nobody_contributes"}
        return [field for field in self.visible_fields() if field.name not in table]

    def rights_errors(self):
        return [error for name, _label in RIGHTS for error in self[name].errors]

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Das Ende muss am oder nach dem Beginn liegen."))
        elif starts_on and ends_on:
            self._check_period(starts_on, ends_on)
        kind = cleaned.get("kind")
        if kind and self.field.stages.filter(kind=kind).exclude(pk=self.instance.pk).exists():
            self.add_error("kind", _("Dieses Handlungsfeld hat schon eine Stufe dieser Art."))
        if (
            kind
            and registry.features_of(kind).contribute
            and not cleaned.get("contribute_roles")
            and not cleaned.get("nobody_contributes")
            and "contribute_roles" not in self.errors
        ):
            self.asks_nobody_contributes = True
            self.add_error(
                "contribute_roles",
                _(
                    "Niemand darf in dieser Stufe Beiträge einbringen – wirklich? Dann bestätigen Sie es "
                    "unter der Tabelle, sonst kreuzen Sie an, wer Beiträge einbringen darf."
                ),
            )
        cleaned.pop("nobody_contributes", None)  # a confirmation, not a value of the stage
        return cleaned

    def _check_period(self, starts_on, ends_on):
        contradiction = self.instance.dates_contradict(starts_on, ends_on, timezone.localdate())
        if contradiction:
            self.add_error("starts_on", contradiction)
            return
        overlapping = self.instance.overlapping(starts_on, ends_on).first()
        if overlapping:
            self.add_error(
                "starts_on",
                _(
                    "Der Zeitraum überschneidet sich mit der Stufe „%(other)s“ (%(start)s bis %(end)s). "
                    "Zwei Stufen eines Handlungsfelds dürfen sich höchstens an einem Tag berühren."
                )
                % {
                    "other": overlapping.get_kind_display(),
                    "start": date_format(overlapping.starts_on, "SHORT_DATE_FORMAT"),
                    "end": date_format(overlapping.ends_on, "SHORT_DATE_FORMAT"),
                },
            )
