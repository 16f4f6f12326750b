"""The form on which the administration answers an option or a recommendation."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ankommen.core.forms import PlainTextField
from ankommen.core.translation import translated
from ankommen.dialogue.answers import ANSWER_MAX, AnswerState, merge_targets, state_choices


class MergeTargetField(forms.ModelChoiceField):
    """The items of the field, named by their titles in the reader's language (fetched along)."""

    def label_from_instance(self, obj):
        return str(translated(obj, "title"))


class AnswerForm(forms.Form):
    state = forms.ChoiceField(label=_("Stand"), widget=forms.RadioSelect)
    text = PlainTextField(
        label=_("Antwort"),
        max_length=ANSWER_MAX,
        required=False,
        multiline=True,
        rows=6,
        help_text=_("Öffentlich sichtbar. Bei „nicht weiterverfolgt“ ist eine Begründung nötig."),
    )
    merged_into = MergeTargetField(
        label=_("Übernommen in"),
        queryset=None,
        required=False,
        empty_label=_("– keiner –"),
        help_text=_(
            "Nur bei „in einen anderen Beitrag übernommen“: eine Option oder Empfehlung dieses Handlungsfelds."
        ),
    )

    def __init__(self, *args, contribution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = state_choices(contribution.municipality)
        self.fields["merged_into"].queryset = merge_targets(contribution).with_translations(get_language())

    def clean(self):
        cleaned = super().clean()
        state = cleaned.get("state")
        if state == AnswerState.NOT_PURSUED and not cleaned.get("text") and "text" not in self.errors:
            self.add_error("text", _("Bitte begründen Sie, warum der Beitrag nicht weiterverfolgt wird."))
        if (
            state == AnswerState.MERGED
            and not cleaned.get("merged_into")
            and "merged_into" not in self.errors
        ):
            self.add_error("merged_into", _("Bitte wählen Sie den Beitrag, in den dieser übernommen wird."))
        return cleaned
