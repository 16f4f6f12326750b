"""The permission cases of the Seismograph's dashboard pages (see test_permissions.py).

The town's statistics per district are public: every page is for everyone, a visitor and a member
of another town included, and so are its tables as CSV; following a district is for its town's people.
Another town's district and an indicator the town does not have answer 404 to everyone, like ids that
do not exist.
"""

from ankommen.concept.models import District
from ankommen.core.models import Follow, Municipality
from tests.permissions import EVERYONE, MEMBERS, ROLES, Case

TOWN = "kornwestheim"
NOWHERE = dict.fromkeys(ROLES, 404)

OPEN_TO_EVERYONE = frozenset({"seismograph:overview", "seismograph:segregation"})


def _district(slug, name):
    return District.objects.get(municipality__slug=slug, name=name).pk


# Addresses without a query: the matrix resolves them to their view. The choices and the CSV files
# (`?format=csv&tabelle=…`) are the same views, asked by visitors in test_dashboard*.py.
CASES = [
    Case("see the Seismograph", "get", lambda: "/seismograph/", EVERYONE),
    Case(
        "see a district in numbers",
        "get",
        lambda: f"/seismograph/stadtteile/{_district(TOWN, 'Oststadt')}/",
        EVERYONE,
    ),
    Case(
        "see another town's district",
        "get",
        lambda: f"/seismograph/stadtteile/{_district('ludwigsburg', 'Fremder Stadtteil')}/",
        set(),
        refused_with=NOWHERE,
    ),
    Case("see an indicator", "get", lambda: "/seismograph/indikatoren/sgb2_quote/", EVERYONE),
    Case(
        "see an indicator the town does not have",
        "get",
        lambda: "/seismograph/indikatoren/gibt-es-nicht/",
        set(),
        refused_with=NOWHERE,
    ),
    Case("see the segregation", "get", lambda: "/seismograph/segregation/", EVERYONE),
    # A district's page is public; following it (its new warnings come by notification) is for its people.
    Case(
        "follow a district",
        "post",
        lambda: f"/folgen/stadtteile/{_district(TOWN, 'Oststadt')}/",
        MEMBERS,
        {},
        lambda: Follow.objects.count(),
    ),
    Case(
        "follow another town's district",
        "post",
        lambda: f"/folgen/stadtteile/{_district('ludwigsburg', 'Fremder Stadtteil')}/",
        set(),
        {},
        lambda: Follow.objects.count(),
        refused_with=NOWHERE,
    ),
]


def prepare(town):
    """A district of the other town, for the case that must not find it."""
    other = Municipality.objects.get(slug="ludwigsburg")
    District.objects.get_or_create(municipality=other, name="Fremder Stadtteil")
