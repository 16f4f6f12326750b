"""The stories' forms: the readers' filter and comment; the editors' story, consent and brochure forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.core.forms import PlainTextField
from ankommen.core.translation import translated
from ankommen.stories.models import COMMENT_MAX, Theme


class StoryFilterForm(forms.Form):
    """Which stories to show: of a field of action, of a theme (both optional; in the address)."""

    feld = forms.ChoiceField(label=_("Handlungsfeld"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False, choices=[("", _("alle")), *Theme.choices])

    def __init__(self, *args, fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feld"].choices = [("", _("alle"))] + [
            (field.slug, translated(field, "name").text) for field in fields
        ]


class CommentForm(forms.Form):
    text = PlainTextField(
        label=_("Ihr Kommentar"),
        max_length=COMMENT_MAX,
        multiline=True,
        rows=4,
        help_text=_("Sichtbar für alle, mit Ihrem Namen. Bitte freundlich: hier erzählen Menschen von sich."),
    )
