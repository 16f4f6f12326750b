"""Every view of core, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.concept.models import Field
from ankommen.core.models import Municipality, Translation
from tests.permissions import ADMIN, EVERYONE, ROLES, TRANSLATORS, Case, check, demo_stage, role_id


def _field_type():
    return ContentType.objects.get_for_model(Field).pk


CASES = [
    Case("see the audit log", "get", lambda: "/verwaltung/protokoll/", ADMIN),
    Case("see the translations", "get", lambda: "/verwaltung/uebersetzungen/", TRANSLATORS),
    Case("see what is missing in English", "get", lambda: "/verwaltung/uebersetzungen/en/", TRANSLATORS),
    Case(
        "translate a field",
        "post",
        lambda: (
            f"/verwaltung/uebersetzungen/en/{_field_type()}/{demo_stage('wohnen-und-leben', 'options').field_id}/"
        ),
        TRANSLATORS,
        {
            # Admins edit the German beside the translation, so their form sends it too.
            "source_name": "Wohnen und Leben",
            "source_summary": "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.",
            "text_summary": "Housing",
            "state_summary": "reviewed",
        },
        lambda: Translation.objects.count(),
    ),
    Case("see which languages the town offers", "get", lambda: "/sprachen/", EVERYONE),
    Case("see the town's language choice", "get", lambda: "/verwaltung/sprachen/", ADMIN),
    Case(
        "choose the town's languages",
        "post",
        lambda: "/verwaltung/sprachen/",
        ADMIN,
        {"languages": ["de-simple", "en", "tr", "ar", "uk", "fa"]},
        lambda: Municipality.objects.get(slug="kornwestheim").languages,
    ),
    Case(
        "download what is missing in English for an agency",
        "get",
        lambda: "/verwaltung/uebersetzungen/en/xliff/",
        TRANSLATORS,
    ),
    Case(
        "see the upload form for translated texts",
        "get",
        lambda: "/verwaltung/uebersetzungen/uk/import/",
        TRANSLATORS,
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
