"""The admins' overview of the legal pages: which exist, and in which language a text is missing or outdated."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ankommen.core.translation import gaps
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


def translation_gaps(town, pages):
    """Fill in each page's gaps, per active language of the town; return how many there are in all."""
    for page in pages:
        page.gaps = gaps(town, page.objects)
    return sum(len(page.gaps) for page in pages)
