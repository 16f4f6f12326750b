"""The forms of those who organise events: the event, its agenda and minutes, registrations they enter,
the check-in at the door, a conference's programme, the places and the speakers.

Times are asked as a day and a time of day in the town's time zone (Europe/Berlin) and put together
here; the services receive aware datetimes.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Stage
from ankommen.core.files import image_kind
from ankommen.core.forms import DateInput, ModelForm, PlainTextField, TranslatedLabels
from ankommen.core.languages import LANGUAGES
from ankommen.core.models import translations_of
from ankommen.core.translation import translated
from ankommen.dialogue.models import TITLE_MAX, FindingKind
from ankommen.events.models import (
    AgendaEntry,
    Event,
    FoodNeed,
    NeedKind,
    PointKind,
    Room,
    Session,
    Speaker,
    Venue,
)
from ankommen.events.services import PHONE


class TimeInput(forms.TimeInput):
    """The browser's time picker (hours and minutes)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class TranslatedChoice(TranslatedLabels, forms.ModelChoiceField):
    """A choice of the town's rows named in the reader's language."""


class TranslatedChoices(TranslatedLabels, forms.ModelMultipleChoiceField):
    """Checkboxes of the town's rows named in the reader's language."""


def _of_town(model, town):
    return model.objects.for_municipality(town)


def _translated_of_town(model, town):
    """The town's rows with their names in the reader's language, fetched with the list."""
    return model.objects.for_municipality(town).with_translations(get_language())


def _fetched_once(form, *names):
    """The choices of the form's fields read once: a page renders them, and names their translations, from one list."""
    for name in names:
        if name in form.fields:
            form.fields[name].choices = list(iter(form.fields[name].choices))  # no COUNT first


def _stage_label(stage):
    return f"{translated(stage.field, 'name').text}: {stage.get_kind_display()}"


def _moment(day, time):
    """An aware datetime in the town's time zone (the site's, Europe/Berlin)."""
    return timezone.make_aware(datetime.combine(day, time))


def _local(moment):
    moment = timezone.localtime(moment)
    return moment.date(), moment.time().replace(second=0, microsecond=0)


class TimesMixin:
    """A day, a beginning and an end (and a last day when it runs over several) → `starts_at`, `ends_at`."""

    def _times_initial(self, starts_at, ends_at):
        if starts_at is None:
            return
        day, start = _local(starts_at)
        last_day, end = _local(ends_at)
        self.initial.update(day=day, start=start, end=end)
        if last_day != day and "last_day" in self.fields:
            self.initial["last_day"] = last_day

    def _clean_times(self, cleaned):
        day, start, end = cleaned.pop("day", None), cleaned.pop("start", None), cleaned.pop("end", None)
        last_day = cleaned.pop("last_day", None) or day
        if day and start and end:
            if last_day < day:
                self.add_error("last_day", _("Der letzte Tag kann nicht vor dem ersten liegen."))
            elif (last_day, end) <= (day, start):
                self.add_error("end", _("Das Ende muss nach dem Beginn liegen."))
            else:
                cleaned["starts_at"] = _moment(day, start)
                cleaned["ends_at"] = _moment(last_day, end)
        return cleaned


class EventForm(TimesMixin, ModelForm):
    """An event: what, when, where, for which fields, with or without registration, who organises it."""

    rows = {"description": 8}
    day = forms.DateField(label=_("Tag"), widget=DateInput)
    start = forms.TimeField(label=_("Beginn (Uhrzeit)"), widget=TimeInput)
    end = forms.TimeField(label=_("Ende (Uhrzeit)"), widget=TimeInput)
    last_day = forms.DateField(
        label=_("Letzter Tag"),
        widget=DateInput,
        required=False,
        help_text=_("Nur wenn die Veranstaltung über mehrere Tage geht."),
    )

    class Meta(ModelForm.Meta):
        model = Event
        fields = [
            "kind",
            "title",
            "summary",
            "description",
            "venue",
            "room",
            "online_url",
            "fields",
            "stage",
            "registration",
            "capacity",
            "contact",
            "organisers",
        ]
        field_classes = {"venue": TranslatedChoice, "fields": TranslatedChoices}
        widgets = {
            "fields": forms.CheckboxSelectMultiple,
            "organisers": forms.CheckboxSelectMultiple,
        }

    field_order = ["kind", "title", "summary", "description", "day", "start", "end", "last_day"]

    def __init__(self, *args, municipality, may_choose_organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = _translated_of_town(Venue, municipality)
        self.fields["venue"].empty_label = _("kein Ort (nur online)")
        self.fields["venue"].help_text = _("Ein Ort, ein Link zur Online-Teilnahme oder beides.")
        self.fields["fields"].queryset = _translated_of_town(Field, municipality).listed()
        self.fields["stage"].queryset = (
            _translated_of_town(Stage, municipality)
            .filter(field__archived_at__isnull=True)
            .select_related("field")
            .prefetch_related(*translations_of("field", get_language()))
            .order_by("field__position", "position")
        )
        self.fields["stage"].label_from_instance = _stage_label
        self.fields["stage"].empty_label = _("keine bestimmte Stufe")
        self.fields["stage"].help_text = _(
            "Eine Bestandsaufnahme: dann lassen sich Punkte des Protokolls als Befunde übernehmen."
        )
        self.fields["capacity"].min_value = 1
        if may_choose_organisers:
            self.fields["organisers"].queryset = (
                _of_town(Member, municipality)
                .active()
                .select_related("user")
                .order_by(Lower("user__display_name"), "pk")
            )
            self.fields["organisers"].label_from_instance = lambda member: (
                f"{member.display_name} ({member.role_label})"
            )
            self.fields["organisers"].help_text = _(
                "Sie sehen die Anmeldungen, lassen am Eingang ein und schreiben das Protokoll."
            )
        else:
            del self.fields["organisers"]
        event = kwargs.get("instance")
        if event is not None and event.pk:
            self._times_initial(event.starts_at, event.ends_at)
        _fetched_once(self, "venue", "fields", "stage", "organisers")

    def clean(self):
        cleaned = self._clean_times(super().clean())
        if not cleaned.get("venue") and not cleaned.get("online_url") and "venue" not in self.errors:
            self.add_error("venue", _("Bitte einen Ort wählen oder einen Link zur Online-Teilnahme angeben."))
        stage = cleaned.get("stage")
        if stage is not None and stage.field not in (cleaned.get("fields") or []):
            self.add_error(
                "stage",
                _("Die Stufe gehört zum Handlungsfeld „%(field)s“: bitte das Handlungsfeld auch ankreuzen.")
                % {"field": stage.field.name},
            )
        if not cleaned.get("registration"):
            cleaned["capacity"] = None
        return cleaned


class CancelEventForm(forms.Form):
    reason = PlainTextField(
        label=_("Grund der Absage"),
        max_length=300,
        help_text=_("Alle, die angemeldet sind oder warten, erhalten ihn mit der Nachricht von der Absage."),
    )


phone_number = RegexValidator(
    PHONE.pattern,
    _("Bitte eine Telefonnummer aus Ziffern angeben (Leerzeichen, +, /, - und Klammern gehen auch)."),
)


class ContactRegistrationForm(forms.Form):
    """A person who called or came by: a name, a number or an address, their language, perhaps their needs."""

    name = PlainTextField(label=_("Name"), max_length=160)
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        validators=[phone_number],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        required=False,
        help_text=_("Dann bekommt die Person eine Bestätigung und Erinnerungen per E-Mail."),
    )
    language = forms.ChoiceField(label=_("Sprache der Nachrichten"))
    needs = forms.MultipleChoiceField(
        label=_("Was die Person zur Teilnahme braucht"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (kind.value, kind.label)
            for kind in NeedKind
            if kind not in (NeedKind.INTERPRETING, NeedKind.FOOD)
        ],
    )
    interpreting = forms.ChoiceField(label=_("Dolmetschen in die Sprache"), required=False)
    food = forms.MultipleChoiceField(
        label=_("Essen"), required=False, widget=forms.CheckboxSelectMultiple, choices=FoodNeed.choices
    )
    consent = forms.BooleanField(
        label=_("Die Person willigt ein, dass ihre Angaben zu Bedarfen gespeichert werden."),
        required=False,
        help_text=_(
            "Nur dann werden sie gespeichert: für die Organisation, gezählt und ohne Namen, "
            "und 30 Tage nach der Veranstaltung gelöscht."
        ),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (language.code, language.name) for language in municipality.active_languages
        ]
        self.fields["interpreting"].choices = [
            ("", _("kein Dolmetschen")),
            *(
                (language.code, language.name)
                for language in LANGUAGES
                if language.code not in ("de", "de-simple")
            ),
        ]

    def clean(self):
        cleaned = super().clean()
        needs = [(kind, "") for kind in cleaned.pop("needs", None) or ()]
        interpreting = cleaned.pop("interpreting", "")
        if interpreting:
            needs.append((NeedKind.INTERPRETING.value, interpreting))
        needs += [(NeedKind.FOOD.value, food) for food in cleaned.pop("food", None) or ()]
        cleaned["needs"] = needs
        return cleaned


class PaperListForm(forms.Form):
    lines = PlainTextField(
        label=_("Wer auf der Liste steht"),
        max_length=20000,
        multiline=True,
        rows=12,
        help_text=_(
            "Eine Person pro Zeile: „Name; Telefon oder E-Mail“ (Telefon oder E-Mail freiwillig). "
            "Alle auf der Liste gelten als da gewesen."
        ),
    )
    occasion = PlainTextField(
        label=_("Herkunft der Liste"),
        max_length=200,
        help_text=_("Zum Beispiel: Liste am Eingang, Sitzung am 12.11."),
    )


class CheckinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Einlass-Code"),
        max_length=20,
        help_text=_("Sechs Zeichen, wie sie in der Anmeldung stehen; Groß- und Kleinschreibung egal."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class AgendaItemForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = AgendaEntry
        fields = ["starts_at", "ends_at", "title", "speakers"]
        widgets = {"starts_at": TimeInput, "ends_at": TimeInput}

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        return cleaned


class MinutesForm(forms.Form):
    outcome = PlainTextField(
        label=_("Ergebnis"),
        max_length=5000,
        required=False,
        multiline=True,
        rows=6,
        help_text=_("Was zu diesem Punkt besprochen wurde, in wenigen Sätzen."),
    )


class PointForm(forms.Form):
    """One point of the minutes: a result, an agreement or a task (who, until when)."""

    kind = forms.ChoiceField(label=_("Art"), choices=PointKind.choices, initial=PointKind.RESULT)
    text = PlainTextField(label=_("Text"), max_length=2000, required=False, multiline=True, rows=3)
    responsible = PlainTextField(label=_("Wer"), max_length=160, required=False)
    due_on = forms.DateField(label=_("bis wann"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text") and (cleaned.get("responsible") or cleaned.get("due_on")):
            self.add_error("text", _("Bitte schreiben Sie, worum es bei diesem Punkt geht."))
        return cleaned


PointFormSet = forms.formset_factory(PointForm, extra=3, max_num=60, validate_max=True)


class FindingForm(forms.Form):
    title = PlainTextField(label=_("Titel des Befunds"), max_length=TITLE_MAX)
    finding_kind = forms.ChoiceField(
        label=_("Art des Befunds"), choices=FindingKind.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, point, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("title", Truncator(" ".join(point.text.split())).chars(TITLE_MAX))


class VenueForm(ModelForm):
    rows = {"accessibility": 4, "directions": 4}

    class Meta(ModelForm.Meta):
        model = Venue
        fields = [
            "name",
            "address",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "accessibility",
            "directions",
        ]


PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_KINDS = {"jpeg", "png", "webp"}


class SpeakerForm(ModelForm):
    rows = {"bio": 5}

    class Meta(ModelForm.Meta):
        model = Speaker
        fields = ["name", "role", "bio", "photo", "photo_alt"]
        widgets = {"photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = _("JPEG, PNG oder WebP, höchstens 5 MB.")
        self.fields["photo_alt"].required_when = _("nötig, wenn es ein Foto gibt")

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload
            if photo.size > PHOTO_MAX_BYTES:
                raise ValidationError(_("Das Foto ist größer als 5 MB."))
            head = photo.read(12)
            photo.seek(0)
            if image_kind(head) not in PHOTO_KINDS:
                raise ValidationError(_("Bitte ein Foto als JPEG, PNG oder WebP hochladen."))
        return photo

    def clean(self):
        cleaned = super().clean()
        photo = cleaned.get("photo")
        has_photo = bool(photo) or (
            photo is None and bool(self.instance.photo) and "photo" not in self.errors
        )
        if has_photo and not cleaned.get("photo_alt"):
            self.add_error("photo_alt", _("Bitte beschreiben Sie das Foto für alle, die es nicht sehen."))
        return cleaned


class SessionForm(TimesMixin, ModelForm):
    """A session of a conference's programme: its room and time slot, its speakers, perhaps its own places."""

    rows = {"description": 5}
    day = forms.DateField(label=_("Tag"), widget=DateInput)
    start = forms.TimeField(label=_("Beginn (Uhrzeit)"), widget=TimeInput)
    end = forms.TimeField(label=_("Ende (Uhrzeit)"), widget=TimeInput)

    class Meta(ModelForm.Meta):
        model = Session
        fields = ["title", "description", "room", "speakers", "capacity", "field"]
        field_classes = {"field": TranslatedChoice}
        widgets = {"speakers": forms.CheckboxSelectMultiple}

    field_order = ["title", "description", "room", "day", "start", "end"]

    def __init__(self, *args, municipality, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = event.rooms.all()
        self.fields["room"].empty_label = _("noch kein Raum")
        self.fields["speakers"].queryset = _translated_of_town(Speaker, municipality)
        self.fields["field"].queryset = _translated_of_town(Field, municipality).listed()
        self.fields["field"].empty_label = _("kein bestimmtes Handlungsfeld")
        self.fields["capacity"].min_value = 1
        session = kwargs.get("instance")
        if session is not None and session.pk:
            self._times_initial(session.starts_at, session.ends_at)
        else:
            self.initial.setdefault("day", _local(event.starts_at)[0])
        _fetched_once(self, "room", "speakers", "field")

    def clean(self):
        return self._clean_times(super().clean())


class RoomForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Room
        fields = ["name", "position", "accessibility"]
