"""The forms of the pages for everyone: the calendar's filters and the registration with its needs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.core.languages import LANGUAGES
from ankommen.core.translation import translated
from ankommen.events.models import EventKind, FoodNeed, NeedKind

# Languages people need interpreting into: the product's, but not German in either form.
NOT_INTERPRETED = {"de", "de-simple"}


class CalendarFilterForm(forms.Form):
    """The calendar's filters, sent as GET: a field of action and a kind of event."""

    is_filter = True

    feld = forms.ChoiceField(label=_("Handlungsfeld"), required=False)
    art = forms.ChoiceField(
        label=_("Art der Veranstaltung"), required=False, choices=[("", _("alle")), *EventKind.choices]
    )

    def __init__(self, data=None, *, fields, **kwargs):
        """`fields`: the town's fields of action (with their translations fetched)."""
        super().__init__(data, **kwargs)
        self.by_slug = {field.slug: field for field in fields}
        self.fields["feld"].choices = [
            ("", _("alle")),
            *((field.slug, translated(field, "name").text) for field in fields),
        ]

    def chosen(self):
        """(field or None, kind or ""): what the reader filters by; a value that is no choice filters nothing."""
        if not self.is_bound or not self.is_valid():
            return None, ""
        return self.by_slug.get(self.cleaned_data.get("feld") or ""), self.cleaned_data.get("art") or ""


def interpreting_choices(town):
    """The town's languages first, then the product's others: into which one a person needs interpreting."""
    offered = [language for language in LANGUAGES if language.code in town.languages]
    others = [language for language in LANGUAGES if language.code not in town.languages]
    return [
        ("", _("kein Dolmetschen")),
        *(
            (language.code, f"{language.name_local} ({language.name})")
            for language in offered + others
            if language.code not in NOT_INTERPRETED
        ),
    ]


class RegistrationForm(forms.Form):
    """Registering oneself, with what one needs to take part: each need only with its own consent."""

    interpreting = forms.ChoiceField(
        label=_("Dolmetschen in meine Sprache"),
        required=False,
        help_text=_("Wir suchen eine Dolmetscherin oder einen Dolmetscher für diese Sprache."),
    )
    sign_language = forms.BooleanField(label=_("Gebärdensprache (DGS)"), required=False)
    childcare = forms.BooleanField(label=_("Kinderbetreuung während der Veranstaltung"), required=False)
    step_free = forms.BooleanField(
        label=_("stufenloser Zugang (zum Beispiel für Rollstuhl oder Rollator)"), required=False
    )
    easy_language = forms.BooleanField(label=_("Leichte Sprache"), required=False)
    food = forms.MultipleChoiceField(
        label=_("Essen"),
        required=False,
        choices=FoodNeed.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_("Ich willige ein, dass meine Angaben zu Bedarfen gespeichert werden."),
        required=False,
        help_text=_(
            "Angaben zu Sprache, Gesundheit oder Religion sind besonders geschützt. Wir speichern sie nur mit "
            "Ihrer Einwilligung und nur für diese Veranstaltung. Die Organisation sieht nur Summen "
            "(zum Beispiel: 3 Personen brauchen Dolmetschen ins Arabische), nicht Ihren Namen dabei. "
            "30 Tage nach der Veranstaltung löschen wir Ihre Angaben. Sie können die Einwilligung "
            "jederzeit widerrufen: melden Sie sich ab oder schreiben Sie uns."
        ),
    )

    need_fields = ("interpreting", "sign_language", "childcare", "step_free", "easy_language", "food")

    def __init__(self, *args, town, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interpreting"].choices = interpreting_choices(town)

    def needs_section(self):
        return [self[name] for name in self.need_fields]

    @staticmethod
    def needs(
        *,
        interpreting="",
        sign_language=False,
        childcare=False,
        step_free=False,
        easy_language=False,
        food=(),
    ):
        """The needs as the service takes them: pairs (kind, detail)."""
        chosen = []
        if interpreting:
            chosen.append((NeedKind.INTERPRETING, interpreting))
        for kind, ticked in (
            (NeedKind.SIGN_LANGUAGE, sign_language),
            (NeedKind.CHILDCARE, childcare),
            (NeedKind.STEP_FREE, step_free),
            (NeedKind.EASY_LANGUAGE, easy_language),
        ):
            if ticked:
                chosen.append((kind, ""))
        chosen += [(NeedKind.FOOD, detail) for detail in food]
        return chosen
