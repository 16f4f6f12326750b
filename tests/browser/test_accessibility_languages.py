"""The crawl in the languages newcomers read: zero axe-core violations, the right lang and dir.

Arabic and Persian are right-to-left; Leichte Sprache and Ukrainian are left-to-right. Each role
logs in once and walks its pages in every language.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import _contribution, _open_stage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = {"ar": "rtl", "fa": "rtl", "uk": "ltr", "de-simple": "ltr"}


def _pages(person):
    from django.contrib.contenttypes.models import ContentType

    stage = _open_stage("wohnen-und-leben")
    housing = _contribution("Lange Wartezeiten auf eine Sozialwohnung")
    field_type = ContentType.objects.get_for_model(stage.field).pk
    return {
        None: [
            "/",
            "/handlungsfelder/wohnen-und-leben/",
            housing.get_absolute_url(),
            "/sprachen/",
            "/hilfe/",
            "/hilfe/mitmachen/",
            "/konto/login/",
            *(
                reverse(f"legal:{name}")
                for name in (
                    "imprint",
                    "privacy",
                    "terms",
                    "accessibility",
                    "report_barrier",
                    "easy_language",
                    "sign_language",
                )
            ),
        ],
        "mitglied": [
            housing.get_absolute_url(),
            reverse("core:flag", args=["beitraege", housing.pk]),
            reverse("accounts:profile"),
        ],
        "expertin": [reverse("dialogue:add", args=[stage.field.slug, stage.pk])],
        "moderation": [reverse("core:moderation"), reverse("legal:barrier_queue")],
        "admin": [
            reverse("core:administration"),
            reverse("concept:fields"),
            reverse("concept:field_edit", args=["wohnen-und-leben"]),
            reverse("concept:help_manage"),
            reverse("legal:manage"),
            reverse("core:town_languages"),
        ],
        "uebersetzung": [
            reverse("core:translations"),
            reverse("core:translation_list", args=["ar"]),
            reverse("core:translation_edit", args=["ar", field_type, stage.field_id]),
            reverse("core:translation_import", args=["ar"]),
        ],
    }[person]


def _walk(audit, person):
    if person:
        log_in(audit.page, audit.site, person)
    for language, direction in LANGUAGES.items():
        for path in _pages(person):
            audit.visit(f"/{language}{path}")
            html = audit.page.locator("html")
            assert html.get_attribute("lang") == language, path
            assert html.get_attribute("dir") == direction, path
            if language == "de-simple":
                style = audit.page.evaluate(
                    "() => { const s = getComputedStyle(document.querySelector('main p') || document.body);"
                    " return [s.hyphens, parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; }"
                )
                assert style[0] == "manual" and style[1] >= 1.7, (path, style)
    audit.assert_clean()


@pytest.mark.parametrize("person", [None, "mitglied", "expertin", "moderation", "admin", "uebersetzung"])
def test_pages_in_every_reading_language_have_no_accessibility_violations(audit, person):
    _walk(audit, person)
