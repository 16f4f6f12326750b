"""The Seismograph's signals pages, each pinned to its exact query count, with N items as with 3N (see tests/queries.py).

The list grows by warnings (each of another indicator, district and period) and by observations of
several people; a signal's page and the forms grow by more signals beside the one they show.
"""

import itertools

import pytest

from ankommen.accounts.models import Member
from ankommen.concept.models import District, Field
from ankommen.seismograph.models import Indicator, Signal, SignalKind, SignalRule, SignalStatus
from tests.queries import Page, pin
from tests.seismograph import cases_signals
from tests.seismograph.cases_signals import observation, warning

TOWN = "kornwestheim"
_numbers = itertools.count(1)


def add_signals(town, people, count):
    """`count` warnings (z score and against the town, on indicators with and without a field) and `count`
    observations (by members and from paper), every other one of them dismissed."""
    districts = list(District.objects.for_municipality(town))
    indicators = list(Indicator.objects.for_municipality(town).order_by("pk"))
    fields = list(Field.objects.for_municipality(town))
    authors = list(Member.objects.filter(municipality=town).order_by("pk")[:4])
    for _ in range(count):
        number = next(_numbers)
        indicator = indicators[number % len(indicators)]
        Signal.objects.create(
            municipality=town,
            kind=SignalKind.WARNING,
            district=districts[number % len(districts)],
            indicator=indicator,
            field_id=indicator.field_id,
            period=str(1900 + number),
            rule=SignalRule.Z_SCORE if number % 2 else SignalRule.AGAINST_TOWN,
            evidence=_evidence(number),
        )
        Signal.objects.create(
            municipality=town,
            kind=SignalKind.OBSERVATION,
            district=districts[number % len(districts)],
            field=fields[number % len(fields)],
            author=authors[number % len(authors)],
            text=f"Beobachtung {number}: Der Treffpunkt ist abends geschlossen.",
            paper_author="Frau K." if number % 3 == 0 else "",
            paper_occasion="in der Sprechstunde" if number % 3 == 0 else "",
            # Every other one decided: the list of decided signals grows too.
            status=SignalStatus.DISMISSED if number % 2 == 0 else SignalStatus.OPEN,
            dismiss_reason="Bekannt." if number % 2 == 0 else "",
        )


def _evidence(number):
    if number % 2:
        return {
            "value": 14.0,
            "mean": 8.0,
            "sd": 3.0,
            "z": 2.0,
            "districts": 5,
            "threshold": 2.0,
            "series": [],
        }
    period = str(1900 + number)
    return {
        "moves": 3,
        "required": 3,
        "from": str(1897 + number),
        "to": period,
        "direction": "higher_is_worse",
        "series": [[str(1897 + n + number), 5.0 + n, 9.0 - n] for n in range(4)],
    }


def _oststadt():
    return District.objects.get(municipality__slug=TOWN, name="Oststadt").pk


PAGES = [
    Page("the signals", "mitglied", lambda: "/seismograph/signale/", (7, 7), add_signals),
    Page("the signals for a moderator", "moderation", lambda: "/seismograph/signale/", (7, 7), add_signals),
    Page("the signals in English", "mitglied", lambda: "/en/seismograph/signale/", (12, 12), add_signals),
    Page(
        "the signals of a district and field",
        "mitglied",
        lambda: f"/seismograph/signale/?stadtteil={_oststadt()}&feld=wohnen-und-leben&art=observation",
        (7, 7),
        add_signals,
    ),
    Page(
        "the decided signals", "mitglied", lambda: "/seismograph/signale/?stand=erledigt", (7, 7), add_signals
    ),
    Page("a warning", "mitglied", lambda: warning().get_absolute_url(), (5, 5), add_signals),
    Page(
        "a warning against the town in English",
        "mitglied",
        lambda: "/en" + warning(rule=SignalRule.AGAINST_TOWN).get_absolute_url(),
        (8, 8),
        add_signals,
    ),
    Page(
        "a warning for a moderator", "moderation", lambda: warning().get_absolute_url(), (5, 5), add_signals
    ),
    Page("an observation", "moderation", lambda: observation().get_absolute_url(), (5, 5), add_signals),
    Page(
        "the observation form", "mitglied", lambda: "/seismograph/signale/beobachtung/", (8, 8), add_signals
    ),
    Page(
        "the observation form for staff",
        "moderation",
        lambda: "/seismograph/signale/beobachtung/",
        (8, 8),
        add_signals,
    ),
    Page(
        "the finding form",
        "moderation",
        lambda: f"/seismograph/signale/{warning().pk}/befund/",
        (6, 6),
        add_signals,
    ),
    Page(
        "the dismissal",
        "moderation",
        lambda: f"/seismograph/signale/{warning().pk}/verwerfen/",
        (5, 5),
        add_signals,
    ),
]


@pytest.fixture(autouse=True)
def _prepared(town):
    cases_signals.prepare(town)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
