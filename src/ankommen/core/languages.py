"""The languages the product speaks, and what Django needs to know about the ones it lacks.

Which of them a town offers is data (`Municipality.languages`); adding a language to the
product is adding a catalogue under `locale/` and a row here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in German, for the administration
    name_local: str  # in the language itself, for the switcher
    bidi: bool = False
    # Has a native speaker reviewed the UI catalogue? Unreviewed catalogues say so on the languages page.
    catalogue_reviewed: bool = False
    # A catalogue of the product's UI ships with the product; without one, the UI stays German.
    has_catalogue: bool = True


LANGUAGES = [
    Language("de", _("Deutsch"), "Deutsch", catalogue_reviewed=True),
    Language("de-simple", _("Leichte Sprache"), "Leichte Sprache"),
    Language("en", _("Englisch"), "English"),
    Language("tr", _("Türkisch"), "Türkçe"),
    Language("ar", _("Arabisch"), "العربية", bidi=True),
    Language("uk", _("Ukrainisch"), "Українська"),
    Language("ru", _("Russisch"), "Русский"),
    Language("fa", _("Persisch"), "فارسی", bidi=True),
    Language("ps", _("Paschtu"), "پښتو", bidi=True, has_catalogue=False),
    Language("kmr", _("Kurmandschi"), "Kurmancî", has_catalogue=False),
]

BY_CODE = {language.code: language for language in LANGUAGES}
SOURCE = "de"


def register_with_django():
    """Tell Django about languages it has no locale data for (called once at start-up)."""
    from django.conf.locale import LANG_INFO

    for language in LANGUAGES:
        LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.bidi,
                "code": language.code,
                "name": str(language.name),
                "name_local": language.name_local,
            },
        )
