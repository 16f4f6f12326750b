from django import forms
from django.utils.translation import gettext_lazy as _

from ankommen.accounts import places
from ankommen.accounts.models import Invitation, JoinRequest, Member, User
from ankommen.core.forms import ModelForm, PlainTextField, formfield
from ankommen.core.roles import Role, Sector, role_choices


class SignupForm(forms.Form):
    """What allauth's sign-up form asks beyond email and password."""

    display_name = formfield(User._meta.get_field("display_name"))

    field_order = ["email", "display_name", "password1", "password2"]

    def signup(self, request, user):
        """Nothing left to do: the account adapter saved the display name with the user."""


class ProfileForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = User
        fields = ["display_name", "preferred_language", "languages_spoken"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["preferred_language"]
        self.fields["preferred_language"] = forms.ChoiceField(
            label=language.label,
            help_text=language.help_text,
            choices=[
                (language.code, f"{language.name_local} ({language.name})")
                for language in municipality.active_languages
            ],
        )


def _sector_field():
    """The sector a multiplier comes from, asked beside their role: needed exactly for that role
    (`_check_sector`), so it is marked so instead of "freiwillig", and shown only while the role is
    chosen where the browser can tell (`ankommen.css`, `:has`)."""
    field = forms.ChoiceField(
        label=_("Bereich"),
        choices=[("", _("– nur für Multiplikator:innen –")), *Sector.choices],
        required=False,
        help_text=_("Aus welchem Bereich kommt die Multiplikatorin oder der Multiplikator?"),
        widget=forms.Select(attrs={"data-asked-with": "multiplier"}),
    )
    field.required_when = _("nötig für Multiplikator:innen")
    return field


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=role_choices,
        initial=Role.MEMBER,
        help_text=_("Ist die Person schon Mitglied, kommt die Rolle zu ihren bisherigen hinzu."),
    )
    sector = _sector_field()
    place = forms.ChoiceField(
        label=_("Wo die Person mitarbeiten soll"),
        required=False,
        help_text=_("Nach der Registrierung kommt die Person gleich auf diese Seite."),
    )
    message = PlainTextField(
        label=_("Persönliche Nachricht"),
        max_length=1000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Steht in der Einladung als Ihre Nachricht, mit Ihrem Namen."),
    )

    def __init__(self, *args, municipality, **kwargs):
        self.municipality = municipality
        super().__init__(*args, **kwargs)
        offered = [(label, options) for label, options in places.choices_for(municipality) if options]
        if not offered:
            del self.fields["place"]
            return
        field = self.fields["place"]
        if len(offered) == 1:
            field.label = offered[0][0]
            field.choices = [("", _("– keines –")), *offered[0][1]]
        else:
            field.choices = [("", _("– keines –")), *offered]

    def clean_place(self):
        value = self.cleaned_data.get("place")
        return places.place_of(self.municipality, value) if value else None

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if Invitation.objects.for_municipality(self.municipality).pending().filter(email=email).exists():
            raise forms.ValidationError(_("An diese Adresse ist schon eine offene Einladung unterwegs."))
        members = Member.objects.for_municipality(self.municipality).filter(user__email=email)
        if members.filter(is_active=False).exists():
            raise forms.ValidationError(
                _(
                    "Diese Person ist hier Mitglied, aber deaktiviert. Sie können sie in der "
                    "Mitgliederliste wieder aktivieren."
                )
            )
        return email

    def clean(self):
        return _check_sector(super().clean(), self)


class RolesForm(forms.Form):
    """The set of roles a member holds, a multiplier with their sector."""

    roles = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=role_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Eine Person kann mehrere Rollen haben; sie darf, was eine ihrer Rollen erlaubt."),
    )
    sector = _sector_field()

    def __init__(self, *args, member, **kwargs):
        initial = {"roles": sorted(member.roles), "sector": member.sectors.get(Role.MULTIPLIER, "")}
        super().__init__(*args, initial=initial, **kwargs)

    def clean(self):
        cleaned = _check_sector(super().clean(), self)
        sector = cleaned.pop("sector", "")
        if "roles" in cleaned:
            cleaned["roles"] = {role: sector if role == Role.MULTIPLIER else "" for role in cleaned["roles"]}
        return cleaned


def _check_sector(cleaned, form):
    roles = cleaned.get("roles") or [cleaned.get("role")]
    if Role.MULTIPLIER in roles and not cleaned.get("sector"):
        form.add_error(
            "sector", _("Bitte wählen Sie den Bereich der Multiplikatorin oder des Multiplikators.")
        )
    return cleaned


class MemberFilterForm(forms.Form):
    """The admins' search of the member list: by name or e-mail, role, sector and state."""

    is_filter = True

    ACTIVE, DEACTIVATED = "active", "deactivated"

    text = forms.CharField(
        label=_("Name oder E-Mail-Adresse"),
        required=False,
        max_length=100,
        help_text=_("Ein Teil genügt, z. B. „mueller“ oder „@example.org“."),
    )
    role = forms.ChoiceField(label=_("Rolle"), required=False)
    sector = forms.ChoiceField(label=_("Bereich"), required=False, choices=[("", _("alle")), *Sector.choices])
    state = forms.ChoiceField(
        label=_("Stand"),
        required=False,
        choices=[("", _("alle")), (ACTIVE, _("aktiv")), (DEACTIVATED, _("deaktiviert"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("alle")), *role_choices()]
        # The browser's own limit would cut text silently; the server says clearly what is too long.
        self.fields["text"].widget.attrs.pop("maxlength", None)

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def apply(self, members):
        """`members` narrowed to what the form asks for (all of them while nothing is asked)."""
        values = self.cleaned_data
        if values.get("text"):
            members = members.matching(values["text"])
        if values.get("role"):
            members = members.with_role(values["role"])
        if values.get("sector"):
            members = members.with_sector(values["sector"])
        if values.get("state") == self.ACTIVE:
            members = members.active()
        elif values.get("state") == self.DEACTIVATED:
            members = members.filter(is_active=False)
        return members


class EraseAccountForm(forms.Form):
    """Erasing one's account: what becomes of one's texts, and the password, so that nobody else does it."""

    KEEP, REMOVE = "keep", "remove"
    texts = forms.ChoiceField(
        label=_("Was soll mit Ihren Beiträgen und Kommentaren geschehen?"),
        choices=[
            (KEEP, _("Stehen lassen: Dort steht dann „ehemaliges Mitglied“ statt Ihres Namens.")),
            (REMOVE, _("Entfernen: An ihrer Stelle steht nur noch, dass hier etwas zurückgezogen wurde.")),
        ],
        initial=KEEP,
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Ihr Passwort"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Damit niemand anderes Ihr Konto löscht."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password


class JoinRequestForm(ModelForm):
    """A few sentences on why one wants to take part, where joining is by request."""

    rows = {"motivation": 5}

    class Meta(ModelForm.Meta):
        model = JoinRequest
        fields = ["motivation"]


class JoinAnswerForm(forms.Form):
    """The admins' message with their decision; it reaches the person by mail."""

    answer = PlainTextField(
        label=_("Nachricht an die Person"),
        max_length=2000,
        required=False,
        multiline=True,
        rows=4,
        help_text=_("Sie geht mit der Entscheidung per E-Mail an die Person."),
    )


class JoiningForm(forms.Form):
    """How people join the town: at once, or by asking."""

    open_joining = forms.TypedChoiceField(
        label=_("Wie werden Menschen Mitglied?"),
        choices=[
            ("true", _("Offen: Wer sich registriert, ist sofort Mitglied.")),
            (
                "false",
                _("Auf Anfrage: Man bittet mit ein paar Sätzen um Aufnahme, die Administration entscheidet."),
            ),
        ],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
