"""The permission cases of the Seismograph's signals pages (see test_permissions.py), and the signals
the signals' tests share (`prepare(town)`, idempotent):

- values of the SGB II rate (field "Wirtschaft und berufliche Bildung", whose stocktaking is closed)
  for 2021–2024: Oststadt rises while the others fall, and stands 2 standard deviations above them in
  2024 — two warnings, `z_score` and `against_town`;
- the fluctuation (field "Wohnen und Leben", whose stocktaking runs) for 2024: Südstadt 2 standard
  deviations above the others — one warning;
- an observation by the member about Weststadt in "Wohnen und Leben".

The signals are the town's people's, not the public's: a visitor is sent to log in, another town's
member refused; taking a signal up as a finding and dismissing it are the moderators' and admins'.
"""

from ankommen.accounts.models import Member
from ankommen.concept.models import District, Field
from ankommen.core.actors import SystemActor
from ankommen.core.models import Municipality
from ankommen.seismograph.models import Signal, SignalKind, SignalRule, SignalStatus
from ankommen.seismograph.services import import_observations, install_catalogue
from ankommen.seismograph.signals import add_observation, recompute_warnings
from tests.permissions import MEMBERS, STAFF, Case

TOWN = "kornwestheim"
FILE_NAME = "signale-test.csv"
OBSERVATION = "Im Treffpunkt an der Weststraße ist seit dem Sommer kaum noch jemand."

VALUES = """district;period;sgb2_quote;fluktuation
Innenstadt;2021;10;
Weststadt;2021;10;
Südstadt;2021;10;
Pattonville;2021;10;
Oststadt;2021;5;
Innenstadt;2022;9;
Weststadt;2022;9;
Südstadt;2022;9;
Pattonville;2022;9;
Oststadt;2022;6;
Innenstadt;2023;8;
Weststadt;2023;8;
Südstadt;2023;8;
Pattonville;2023;8;
Oststadt;2023;7;
Innenstadt;2024;5;100
Weststadt;2024;5;100
Südstadt;2024;5;160
Pattonville;2024;5;100
Oststadt;2024;14;100
"""

OPEN_TO_EVERYONE = frozenset()


def _town():
    return Municipality.objects.get(slug=TOWN)


def prepare(town):
    """The values, their warnings and an observation (see the module); once per database."""
    if Signal.objects.for_municipality(town).filter(kind=SignalKind.OBSERVATION, text=OBSERVATION).exists():
        return
    system = SystemActor.of(town)
    install_catalogue(town, actor=system)
    import_observations(town, VALUES.encode(), FILE_NAME, actor=system)
    recompute_warnings(town)
    member = Member.objects.get(municipality=town, user__email__startswith="mitglied@")
    add_observation(
        town,
        author=member,
        district=District.objects.get(municipality=town, name="Weststadt"),
        field=Field.objects.get(municipality=town, slug="wohnen-und-leben"),
        text=OBSERVATION,
    )


def warning(rule=SignalRule.Z_SCORE, key="sgb2_quote", town=None):
    """One of the prepared warnings (2024)."""
    return Signal.objects.get(
        municipality=town or _town(), kind=SignalKind.WARNING, indicator__key=key, period="2024", rule=rule
    )


def observation(town=None):
    return Signal.objects.get(municipality=town or _town(), kind=SignalKind.OBSERVATION, text=OBSERVATION)


def _url(name, signal):
    return lambda: f"/seismograph/signale/{signal().pk}/{name}"


def _status(signal):
    return lambda: Signal.objects.get(pk=signal().pk).status


def _observations():
    return Signal.objects.filter(municipality__slug=TOWN, kind=SignalKind.OBSERVATION).count()


def _new_observation():
    town = _town()
    return {
        "district": District.objects.get(municipality=town, name="Oststadt").pk,
        "field": Field.objects.get(municipality=town, slug="wohnen-und-leben").pk,
        "text": "Der Bäcker am Marktplatz hat zugemacht; ältere Leute kommen kaum noch heraus.",
    }


def _finding():
    return {
        "title": "Präventionsmöglichkeit prüfen: Oststadt",
        "body": "Die SGB-II-Quote steigt gegen die Stadt.",
    }


def _decided_warning():
    """The fluctuation's warning, dismissed: its page stays, nothing more to decide."""
    signal = warning(key="fluktuation")
    Signal.objects.filter(pk=signal.pk).update(status=SignalStatus.DISMISSED, dismiss_reason="Bekannt.")
    return signal


CASES = [
    Case("see the signals", "get", lambda: "/seismograph/signale/", MEMBERS),
    Case("see a warning", "get", lambda: warning().get_absolute_url(), MEMBERS),
    Case("see an observation", "get", lambda: observation().get_absolute_url(), MEMBERS),
    Case("see the observation form", "get", lambda: "/seismograph/signale/beobachtung/", MEMBERS),
    Case(
        "note an observation",
        "post",
        lambda: "/seismograph/signale/beobachtung/",
        MEMBERS,
        _new_observation,
        _observations,
    ),
    Case("see the finding form of a warning", "get", _url("befund/", warning), STAFF),
    Case(
        "take a warning up as a finding",
        "post",
        _url("befund/", warning),
        STAFF,
        _finding,
        _status(warning),
    ),
    Case(
        "take an observation up as a finding",
        "post",
        _url("befund/", observation),
        STAFF,
        _finding,
        _status(observation),
    ),
    Case(
        "the finding form of a decided signal",
        "get",
        _url("befund/", _decided_warning),
        set(),
    ),
    Case("see the dismissal of a warning", "get", _url("verwerfen/", warning), STAFF),
    Case(
        "dismiss a warning",
        "post",
        _url("verwerfen/", warning),
        STAFF,
        {"reason": "Die Quote ist durch eine neue Unterkunft gestiegen; das ist bekannt und begleitet."},
        _status(warning),
    ),
]
