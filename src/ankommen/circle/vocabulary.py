"""The fixed words of a profile: languages people speak, levels, skills, interpreting, sectors, visibility.

The competences are the town's own list (`Competence`, kept by its admins); these words are the
product's, the same in every town.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The languages a member may name (ISO 639 codes), with their German names; not the product's
# interface languages (`core/languages.py`), but those spoken in a town — sign language among them.
SPOKEN_LANGUAGES = {
    "de": _("Deutsch"),
    "dgs": _("Deutsche Gebärdensprache"),
    "en": _("Englisch"),
    "ar": _("Arabisch"),
    "fa": _("Persisch (Farsi)"),
    "prs": _("Dari"),
    "ps": _("Paschtu"),
    "tr": _("Türkisch"),
    "uk": _("Ukrainisch"),
    "ru": _("Russisch"),
    "ku": _("Kurdisch (Kurmandschi)"),
    "ckb": _("Kurdisch (Sorani)"),
    "ti": _("Tigrinya"),
    "am": _("Amharisch"),
    "so": _("Somali"),
    "fr": _("Französisch"),
    "it": _("Italienisch"),
    "es": _("Spanisch"),
    "pt": _("Portugiesisch"),
    "el": _("Griechisch"),
    "pl": _("Polnisch"),
    "ro": _("Rumänisch"),
    "bg": _("Bulgarisch"),
    "hr": _("Kroatisch"),
    "sr": _("Serbisch"),
    "bs": _("Bosnisch"),
    "sq": _("Albanisch"),
    "mk": _("Mazedonisch"),
    "hu": _("Ungarisch"),
    "cs": _("Tschechisch"),
    "ka": _("Georgisch"),
    "hy": _("Armenisch"),
    "az": _("Aserbaidschanisch"),
    "ur": _("Urdu"),
    "hi": _("Hindi"),
    "bn": _("Bengalisch"),
    "ta": _("Tamil"),
    "vi": _("Vietnamesisch"),
    "zh": _("Chinesisch"),
    "th": _("Thai"),
    "ha": _("Hausa"),
    "yo": _("Yoruba"),
    "ig": _("Igbo"),
    "tw": _("Twi"),
    "wo": _("Wolof"),
}


class Level(models.IntegerChoices):
    """How well, in the steps of the Common European Framework of Reference; "Muttersprache" above them."""

    A1 = 1, _("A1 – Anfänger")
    A2 = 2, _("A2 – Grundkenntnisse")
    B1 = 3, _("B1 – im Alltag sicher")
    B2 = 4, _("B2 – selbstständig")
    C1 = 5, _("C1 – fließend")
    C2 = 6, _("C2 – nahezu perfekt")
    NATIVE = 7, _("Muttersprache")


LEVEL_CODES = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 7}


class Skill(models.TextChoices):
    SPEAK = "speak", _("sprechen")
    UNDERSTAND = "understand", _("verstehen")
    WRITE = "write", _("schreiben")


class Interpreting(models.IntegerChoices):
    NONE = 0, _("dolmetscht nicht")
    LAY = 1, _("Laiendolmetschen")
    TRAINED = 2, _("geschult im Dolmetschen")
    CERTIFIED = 3, _("geprüft oder beeidigt")


INTERPRETING_CODES = {"none": 0, "lay": 1, "trained": 2, "certified": 3}


class Sector(models.TextChoices):
    ADMINISTRATION = "verwaltung", pgettext_lazy("sector", "Verwaltung")
    EDUCATION = "bildung", _("Bildung und Schule")
    SOCIAL_WORK = "soziale_arbeit", _("Soziale Arbeit")
    HEALTH = "gesundheit", _("Gesundheit und Pflege")
    BUSINESS = "wirtschaft", _("Wirtschaft und Handwerk")
    CULTURE = "kultur", _("Kultur und Kunst")
    VOLUNTEERING = "ehrenamt", _("Ehrenamt und Vereine")
    SPORT = "sport", _("Sport")
    STUDIES = "studium", _("Studium und Ausbildung")
    RETIRED = "ruhestand", _("im Ruhestand")


class Visibility(models.IntegerChoices):
    """Who sees a part of a profile. A viewer sees a part when its number is at most the viewer's."""

    PUBLIC = 0, _("alle, auch ohne Anmeldung")
    MEMBERS = 1, _("angemeldete Mitglieder")
    ADMINS = 2, _("nur die Verwaltung der Plattform")
