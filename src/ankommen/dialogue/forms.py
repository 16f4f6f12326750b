import functools

from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import District, FocusTopic, Principle, TargetGroup
from ankommen.core.forms import ModelForm, PlainTextField, TranslatedLabels
from ankommen.core.templatetags.ankommen import choice_translation_label, widget
from ankommen.core.translation import translated
from ankommen.dialogue.models import (
    BODY_MAX,
    COMMENT_MAX,
    TITLE_MAX,
    Comment,
    Contribution,
    ContributionKind,
    FindingKind,
    Sort,
)


class TagMultipleChoiceField(TranslatedLabels, forms.ModelMultipleChoiceField):
    """Tags to tick, labelled in the reader's language."""


def _tags(model, municipality):
    return model.objects.for_municipality(municipality).with_translations(get_language())


TAG_MODELS = {
    "principles": (Principle, _("Handlungsprinzipien")),
    "focus_topics": (FocusTopic, _("Schwerpunkte")),
    "districts": (District, _("Stadtteile")),
    "target_groups": (TargetGroup, _("Zielgruppen")),
}


class TagChoiceField(forms.TypedChoiceField):
    """One of the town's tags, by its id, from `tags()` (the town's tags of one kind: no query of its own, no count).

    Each option's value keeps its tag (as a model choice's does), so that the options' labels
    tell which translation they show (`choice_translation_label`).
    """

    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
    }

    def __init__(self, *, tags, **kwargs):
        @functools.cache
        def choices():  # the tags are fetched when the field is validated or shown, not before
            return [
                ("", _("alle")),
                *((ModelChoiceIteratorValue(tag.pk, tag), str(translated(tag, "name"))) for tag in tags()),
            ]

        super().__init__(choices=choices, coerce=int, empty_value=None, required=False, **kwargs)


class OnPaperFields(forms.Form):
    """For staff: whose words these are and where they were handed in, when entered from paper."""

    paper_author = PlainTextField(
        label=_("Auf Papier eingereicht von"),
        max_length=120,
        required=False,
        help_text=_(
            "Nur ausfüllen, wenn Sie den Beitrag für eine andere Person eintragen: ihr Name, wie sie genannt werden möchte."
        ),
    )
    paper_occasion = PlainTextField(
        label=_("Eingereicht bei"),
        max_length=200,
        required=False,
        help_text=_("Zum Beispiel: beim Workshop „Wohnen“ am 3. März, in der Beratungsstunde im Rathaus"),
    )

    def __init__(self, *args, paper=False, paper_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not paper:
            del self.fields["paper_author"], self.fields["paper_occasion"]
        elif paper_only:
            self.fields["paper_author"].required = True
        self.paper_only = paper_only

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("paper_author") and not cleaned.get("paper_occasion"):
            self.add_error(
                "paper_occasion", _("Bitte geben Sie an, wo der Beitrag auf Papier eingereicht wurde.")
            )
        if (
            cleaned.get("paper_occasion")
            and not cleaned.get("paper_author")
            and "paper_author" not in self.errors
        ):
            self.add_error(
                "paper_author", _("Bitte geben Sie an, von wem der Beitrag auf Papier eingereicht wurde.")
            )
        return cleaned


class ContributionForm(OnPaperFields):
    finding_kind = forms.ChoiceField(
        label=_("Art des Befunds"), choices=FindingKind.choices, widget=forms.RadioSelect
    )
    title = PlainTextField(
        label=_("Titel"), max_length=TITLE_MAX, help_text=_("Ein kurzer Satz, worum es geht.")
    )
    body = PlainTextField(label=_("Text"), max_length=BODY_MAX, multiline=True, rows=8)

    def __init__(self, *args, stage, **kwargs):
        super().__init__(*args, **kwargs)
        if ContributionKind.FINDING not in stage.features.contribute:
            del self.fields["finding_kind"]
        for name, (model, label) in TAG_MODELS.items():
            self.fields[name] = TagMultipleChoiceField(
                label=label,
                queryset=_tags(model, stage.municipality_id),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self.order_fields([name for name in self.fields if not name.startswith("paper_")])


class CommentForm(OnPaperFields):
    body = PlainTextField(label=_("Ihr Kommentar"), max_length=COMMENT_MAX, multiline=True, rows=4)

    field_order = ["body"]


class ContributionEditForm(ModelForm):
    rows = {"body": 8}

    class Meta(ModelForm.Meta):
        model = Contribution
        fields = ["title", "body"]


class CommentEditForm(ModelForm):
    rows = {"body": 4}

    class Meta(ModelForm.Meta):
        model = Comment
        fields = ["body"]


class WithdrawForm(forms.Form):
    """Nothing to fill in: the page asks once more before the author withdraws."""


class FilterForm(forms.Form):
    """The filters of a field's contribution list (sent as GET, so every filtered list has an address)."""

    is_filter = True

    stage = forms.TypedChoiceField(label=_("Stufe"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(
        label=_("Art"), required=False, choices=[("", _("alle")), *ContributionKind.choices]
    )
    finding_kind = forms.ChoiceField(
        label=_("Art des Befunds"), required=False, choices=[("", _("alle")), *FindingKind.choices]
    )
    # Chosen with the links above the list; the form keeps it when the filters change.
    sort = forms.ChoiceField(required=False, choices=Sort.choices, widget=forms.HiddenInput)

    def __init__(self, *args, stages, tags, **kwargs):
        """`tags`: the town's tags (`TownTags`), fetched once for the form and the list's cards."""
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [
            ("", _("alle")),
            *((stage.pk, stage.get_kind_display()) for stage in stages),
        ]
        for name, (_model, label) in TAG_MODELS.items():
            self.fields[name] = TagChoiceField(label=label, tags=functools.partial(tags.of, name))
        self.tags = tags

    def get_context(self):
        self.tags.fetch_all()  # rendered, it shows every kind: one query for those no filter fetched
        return super().get_context()

    def render(self, template_name=None, context=None, renderer=None):
        """The form as `core/forms/form.html` renders it, built in Python where no field has an error
        (every visible field is a select): the template costs milliseconds on every field page."""
        if template_name or context or renderer or self.errors:
            return super().render(template_name, context, renderer)
        self.tags.fetch_all()
        hidden = format_html_join(
            "",
            '<input type="hidden" name="{}"{} id="{}">',
            (
                (field.html_name, _value_attribute(field.value()), field.auto_id)
                for field in self.hidden_fields()
            ),
        )
        visible = format_html_join(
            "",
            '<div class="kern-form-input"><label class="kern-label" for="{}">{}</label>'
            '<div class="kern-form-input__select-wrapper">{}</div>{}</div>',
            (
                (field.id_for_label, field.label, widget(field), choice_translation_label(field))
                for field in self.visible_fields()
            ),
        )
        return hidden + visible

    __str__ = __html__ = render

    def filters(self):
        """The valid filters as keyword arguments for `Contribution.objects.filtered`, invalid ones left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        stages = {choice for choice, _label in self.fields["stage"].choices if choice}
        return {
            "stage": data.get("stage") if data.get("stage") in stages else None,
            "kind": data.get("kind", ""),
            "finding_kind": data.get("finding_kind", ""),
            "principle": data.get("principles"),
            "focus_topic": data.get("focus_topics"),
            "district": data.get("districts"),
            "target_group": data.get("target_groups"),
        }

    def chosen_sort(self):
        """The chosen order of the list (newest first unless another valid one is asked for)."""
        return chosen_sort(self.data)

    def sort_options(self):
        """[(value, label, is current)] for the links that choose the order."""
        return sort_options(self.chosen_sort())


# The filters a list's address may ask for (beyond `sort` and `page`): only then is the form needed.
FILTER_NAMES = frozenset({"stage", "kind", "finding_kind", *TAG_MODELS})


def chosen_sort(data):
    """The order a list's address asks for (newest first unless another valid one), without building the form."""
    sort = data.get("sort") if data else None
    return sort if sort in Sort.values else Sort.NEWEST


def sort_options(current):
    """[(value, label, is current)] for the links that choose the order."""
    return [(value, label, value == current) for value, label in Sort.choices]


def _value_attribute(value):
    return "" if value in (None, "") else format_html(' value="{}"', value)
