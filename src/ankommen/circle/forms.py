from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ankommen.circle.models import PARTS, Call, Competence, Organisation, Profile
from ankommen.circle.vocabulary import SPOKEN_LANGUAGES, Interpreting, Level, Sector, Skill
from ankommen.concept.forms import AddressForm
from ankommen.concept.models import District, Field, Stage
from ankommen.core.forms import ModelForm, PlainTextField, TranslatedLabels
from ankommen.core.languages import SOURCE
from ankommen.core.translation import translated


class Ticks(forms.ModelMultipleChoiceField):
    """The town's rows to tick (none required), each named as it is: an organisation's name is its own."""

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("required", False)
        super().__init__(queryset, **kwargs)


class TranslatedChoices(TranslatedLabels, Ticks):
    """The town's rows to tick, each named in the reader's language."""


def listed_once(form):
    """Each choice of the town's rows read in one query when the form is built (a list, not a query per
    rendering and a count); the POST is still checked against the town's rows."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            field.choices = list(iter(field.choices))  # iter: no count before the rows


def _of_town(model, town):
    return model.objects.for_municipality(town).with_translations(get_language())


def spoken_language_choices():
    return sorted(
        ((code, str(name)) for code, name in SPOKEN_LANGUAGES.items()), key=lambda choice: choice[1]
    )


class ProfileForm(ModelForm):
    """A member's profile: what they can do, and for each part who sees it."""

    class Meta(ModelForm.Meta):
        model = Profile
        fields = [
            "free_terms",
            "interpreting",
            "sector",
            "district",
            "suggest_me",
            *(f"{part}_visible_to" for part in PARTS),
        ]
        widgets = {f"{part}_visible_to": forms.RadioSelect for part in PARTS}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"] = TranslatedChoices(
            _of_town(Competence, municipality), label=_("Kompetenzen aus der Liste der Stadt")
        )
        self.fields["interests"] = TranslatedChoices(
            _of_town(Field, municipality).listed(), label=Profile._meta.get_field("interests").verbose_name
        )
        self.fields["organisations"] = Ticks(
            Organisation.objects.for_municipality(municipality),
            label=_("Organisationen, zu denen ich gehöre"),
        )
        self.fields["district"].queryset = District.objects.for_municipality(municipality)
        self.fields["district"].empty_label = _("keine Angabe")
        self.fields["sector"].choices = [("", _("keine Angabe")), *Sector.choices]
        profile = self.instance
        if profile.pk:
            self.initial["competences"] = [row.competence_id for row in profile.competences.all()]
            self.initial["interests"] = [field.pk for field in profile.interests.all()]
        if profile.member_id:
            self.initial["organisations"] = list(
                profile.member.organisation_memberships.values_list("organisation_id", flat=True)
            )
        # Each part, then who sees it: the choice stands next to what it is about.
        self.order_fields(
            [
                "competences",
                "free_terms",
                "competences_visible_to",
                "interpreting",
                "languages_visible_to",
                "sector",
                "sector_visible_to",
                "interests",
                "interests_visible_to",
                "organisations",
                "organisations_visible_to",
                "district",
                "district_visible_to",
                "suggest_me",
            ]
        )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Sprache"))
    speak = forms.TypedChoiceField(label=_("Sprechen"), coerce=int)
    understand = forms.TypedChoiceField(label=_("Verstehen"), coerce=int)
    write = forms.TypedChoiceField(label=_("Schreiben"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = spoken_language_choices()
        for skill in Skill.values:
            self.fields[skill].choices = [(0, _("gar nicht")), *Level.choices]


class CompetenceForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Competence
        fields = ["name", "description", "position"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_name(self):
        name = self.cleaned_data["name"]
        taken = Competence.objects.for_municipality(self.municipality).filter(name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Diese Kompetenz steht schon in der Liste."))
        return name


class OrganisationForm(AddressForm):
    slug_taken = _("Eine andere Organisation hat schon diese Adresse.")
    website = forms.URLField(
        label=Organisation._meta.get_field("website").verbose_name,
        help_text=Organisation._meta.get_field("website").help_text,
        required=False,
        assume_scheme="https",
    )

    class Meta(ModelForm.Meta):
        model = Organisation
        fields = ["name", "slug", "kind", "description", "website"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, municipality=municipality, **kwargs)
        self.fields["fields"] = TranslatedChoices(
            _of_town(Field, municipality).listed(), label=_("Handlungsfelder, in denen sie arbeitet")
        )
        if self.instance.pk:
            self.initial["fields"] = [field.pk for field in self.instance.fields.all()]
        listed_once(self)


LANGUAGE_ROWS = 3


class CallForm(ModelForm):
    """A call with its criteria: competences wished for or required, and up to three languages."""

    class Meta(ModelForm.Meta):
        model = Call
        fields = [
            "title",
            "text",
            "field",
            "stage",
            "involves_vulnerable",
            "interpreting_min",
            "sector",
            "closes_on",
        ]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        competences = _of_town(Competence, municipality)
        self.fields["competences_required"] = TranslatedChoices(
            competences,
            label=_("Kompetenzen, die Bedingung sind"),
            help_text=_("Nur wer alle diese hat, wird vorgeschlagen."),
        )
        self.fields["competences_wanted"] = TranslatedChoices(
            competences, label=_("Kompetenzen, die erwünscht sind"), help_text=_("Jede gibt Punkte.")
        )
        self.fields["field"].queryset = Field.objects.for_municipality(municipality).listed()
        self.fields["stage"].queryset = Stage.objects.for_municipality(municipality).select_related("field")
        self.fields["stage"].label_from_instance = lambda stage: (
            f"{stage.field.name}: {stage.get_kind_display()}"
        )
        self.fields["sector"].choices = [("", _("keiner besonders")), *Sector.choices]
        self.fields["interpreting_min"].choices = [(0, _("keine Bedingung")), *Interpreting.choices[1:]]
        languages = [("", _("keine")), *spoken_language_choices()]
        for row in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Sprache %(row)s") % {"row": row}, choices=languages, required=False
            )
            self.fields[f"skill_{row}"] = forms.ChoiceField(
                label=_("Fähigkeit"), choices=Skill.choices, initial=Skill.SPEAK, required=False
            )
            self.fields[f"level_{row}"] = forms.TypedChoiceField(
                label=_("mindestens"), choices=Level.choices, coerce=int, initial=Level.B1, required=False
            )
            self.fields[f"must_{row}"] = forms.BooleanField(label=_("Bedingung"), required=False)
        call = self.instance
        if call.pk:
            rows = list(call.competences.all())
            self.initial["competences_required"] = [row.competence_id for row in rows if row.must]
            self.initial["competences_wanted"] = [row.competence_id for row in rows if not row.must]
            for number, row in enumerate(call.languages.all()[:LANGUAGE_ROWS], start=1):
                self.initial.update(
                    {
                        f"language_{number}": row.language,
                        f"skill_{number}": row.skill,
                        f"level_{number}": row.min_level,
                        f"must_{number}": row.must,
                    }
                )
        listed_once(self)

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("competences_required") or ()) & set(cleaned.get("competences_wanted") or ())
        if both:
            self.add_error(
                "competences_wanted",
                _("„%(name)s“ ist schon Bedingung; bitte nur an einer Stelle ankreuzen.")
                % {"name": sorted(both, key=lambda c: c.name)[0].name},
            )
        stage, field = cleaned.get("stage"), cleaned.get("field")
        if stage and field and stage.field_id != field.pk:
            self.add_error("stage", _("Diese Stufe gehört zu einem anderen Handlungsfeld."))
        languages, seen = [], set()
        for row in range(1, LANGUAGE_ROWS + 1):
            language = cleaned.pop(f"language_{row}", "")
            skill = cleaned.pop(f"skill_{row}", "") or Skill.SPEAK
            level = cleaned.pop(f"level_{row}", None) or Level.B1
            must = cleaned.pop(f"must_{row}", False)
            if not language:
                continue
            if (language, skill) in seen:
                self.add_error(f"language_{row}", _("Diese Sprache mit dieser Fähigkeit steht schon oben."))
                continue
            seen.add((language, skill))
            languages.append({"language": language, "skill": skill, "min_level": level, "must": must})
        cleaned["languages"] = languages
        if stage and not field:
            cleaned["field"] = stage.field
        return cleaned


class AnswerForm(forms.Form):
    """Answering a call: a visitor leaves a name and an address, a member only a message if they like."""

    name = PlainTextField(label=_("Ihr Name"), max_length=120)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"), help_text=_("Nur die Verwaltung sieht sie, für die Antwort.")
    )
    message = PlainTextField(
        label=_("Nachricht"),
        max_length=2000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Was Sie mitbringen, wann Sie Zeit haben"),
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        if member is not None:
            del self.fields["name"], self.fields["email"]


class PaperAnswerForm(forms.Form):
    """An answer given on paper, at the counter or on the phone, entered by staff."""

    paper_author = PlainTextField(label=_("Name der Person"), max_length=120)
    paper_occasion = PlainTextField(
        label=_("Eingereicht bei"),
        max_length=200,
        help_text=_("z. B. „Sprechstunde im Rathaus, 3. Dezember“ oder „am Telefon“"),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"), required=False, help_text=_("falls die Person eine angegeben hat")
    )
    message = PlainTextField(label=_("Nachricht"), max_length=2000, required=False, multiline=True, rows=4)


class InviteForm(forms.Form):
    members = forms.TypedMultipleChoiceField(
        label=_("Personen anfragen"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, matches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [
            (match.member_id, str(match.member)) for match in matches if match.invitation is None
        ]


def named_choices(queryset, field="name"):
    """(id, name in the reader's language) of the town's rows: plain values where German is read, the
    rows with their translations otherwise (a filter of 200 competences builds no 200 objects in German)."""
    language = get_language()
    if language == SOURCE:
        return list(queryset.values_list("pk", field))
    return [(row.pk, str(translated(row, field, language))) for row in queryset.with_translations(language)]


class MemberSearchForm(forms.Form):
    """Finding members by what they can do; each filter narrows the list (ids of the town's rows)."""

    is_filter = True
    competence = forms.TypedChoiceField(label=_("Kompetenz"), coerce=int, required=False, empty_value=None)
    language = forms.ChoiceField(label=_("Sprache"), required=False)
    skill = forms.ChoiceField(label=_("Fähigkeit"), choices=Skill.choices, required=False)
    level = forms.TypedChoiceField(label=_("mindestens"), choices=Level.choices, coerce=int, required=False)
    sector = forms.ChoiceField(label=_("Bereich"), required=False)
    field = forms.TypedChoiceField(
        label=_("Interesse an Handlungsfeld"), coerce=int, required=False, empty_value=None
    )
    organisation = forms.TypedChoiceField(
        label=_("Organisation"), coerce=int, required=False, empty_value=None
    )
    district = forms.TypedChoiceField(label=_("Stadtteil"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        any_one = ("", _("beliebig"))
        of_town = {
            "competence": named_choices(Competence.objects.for_municipality(municipality)),
            "field": named_choices(Field.objects.for_municipality(municipality).listed()),
            "organisation": list(
                Organisation.objects.for_municipality(municipality).values_list("pk", "name")
            ),
            "district": named_choices(District.objects.for_municipality(municipality)),
        }
        for name, choices in of_town.items():
            self.fields[name].choices = [any_one, *choices]
        self.fields["language"].choices = [any_one, *spoken_language_choices()]
        self.fields["skill"].choices = [("", _("jede")), *Skill.choices]
        self.fields["level"].choices = [("", _("jedes")), *Level.choices]
        self.fields["sector"].choices = [any_one, *Sector.choices]
