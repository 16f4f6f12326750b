"""The admins' overview of the legal pages: which exist, and in which language a text is missing or outdated."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationStatus
from ankommen.core.translation import NOT_READABLE, status_of
from ankommen.legal.models import (
    AccessibilityStatement,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    TermsVersion,
)


@dataclass
class LegalPage:
    key: str
    title: str
    url_name: str
    edit_url_name: str
    objects: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    items: list = field(default_factory=list)  # the non-accessible contents of the statement

    @property
    def exists(self):
        return bool(self.objects)


def legal_pages(town):
    """The four legal pages of the town, each with the rows whose texts it shows (translations fetched)."""

    def rows(model):
        return list(model.objects.for_municipality(town).prefetch_related("translations"))

    statement = rows(AccessibilityStatement)
    items = rows(NonAccessibleContent) if statement else []
    current = TermsVersion.objects.for_municipality(town).prefetch_related("translations").current()
    terms = [current] if current else []
    return [
        LegalPage("imprint", _("Impressum"), "legal:imprint", "legal:imprint_edit", rows(Imprint)),
        LegalPage(
            "privacy", _("Datenschutzerklärung"), "legal:privacy", "legal:privacy_edit", rows(PrivacyNotice)
        ),
        LegalPage("terms", _("Nutzungsbedingungen"), "legal:terms", "legal:terms_create", terms),
        LegalPage(
            "accessibility",
            _("Erklärung zur Barrierefreiheit"),
            "legal:accessibility",
            "legal:accessibility_edit",
            statement + items,
            items=items,
        ),
    ]


@dataclass(frozen=True)
class Gap:
    """One object of a page whose texts are not (or no longer) translated into one language."""

    language: object
    object: object
    kind: str
    fields: tuple  # (field label, status label)
    editor_url: str

    @property
    def by_status(self):
        """[(status label, [field labels])] for a compact line: "fehlt: Rechtsform, Vertreten durch"."""
        grouped = {}
        for label, status in self.fields:
            grouped.setdefault(status, []).append(str(label))
        return list(grouped.items())


def translation_gaps(town, pages):
    """Fill in each page's gaps, per active language of the town; return how many there are in all."""
    languages = [language for language in town.active_languages if language.code != SOURCE]
    count = 0
    for page in pages:
        page.gaps = []
        for language in languages:
            for obj in page.objects:
                fields = tuple(
                    (type(obj)._meta.get_field(name).verbose_name, TranslationStatus(status).label)
                    for name in type(obj).translatable_fields
                    if getattr(obj, name) and (status := status_of(obj, name, language.code)) in NOT_READABLE
                )
                if fields:
                    content_type = ContentType.objects.get_for_model(obj)
                    page.gaps.append(
                        Gap(
                            language,
                            obj,
                            type(obj)._meta.verbose_name,
                            fields,
                            reverse("core:translation_edit", args=[language.code, content_type.pk, obj.pk]),
                        )
                    )
        count += len(page.gaps)
    return count
