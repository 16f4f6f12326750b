"""The demo town's signals: its warnings computed from the values it has, and two observations of its people.

Runs after the Seismograph's own demo (the catalogue and the values), so that the demo shows its warnings
at once, not only once the task worker has computed them.
"""

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import District, Field
from ankommen.seismograph.models import Signal, SignalKind
from ankommen.seismograph.signals import add_observation, recompute_warnings

OBSERVATIONS = [
    (
        "nachbarschaft",
        "Oststadt",
        "wohnen-und-leben",
        "Im Hof der Wohnanlage an der Bahnhofstraße spielen kaum noch Kinder. Mehrere Familien sind im Frühjahr "
        "weggezogen, und der Treffpunkt im Erdgeschoss ist seit dem Sommer abends geschlossen.",
        {},
    ),
    (
        "moderation",
        "Pattonville",
        "fruehkindliche-und-schulische-bildung",
        "Eltern erzählen, dass die Wartelisten der Kitas im Stadtteil länger werden. Einige melden ihre Kinder "
        "gar nicht mehr an, weil sie ohnehin keinen Platz erwarten.",
        {
            "paper_author": "eine Mutter aus Pattonville",
            "paper_occasion": "beim Stadtteilspaziergang im Oktober",
        },
    ),
]


def load(town, stdout):
    result = recompute_warnings(town)
    if result.added:
        stdout.write(f"Seismograph: {len(result.added)} Warnsignale berechnet.")
    if Signal.objects.for_municipality(town).filter(kind=SignalKind.OBSERVATION).exists():
        return
    people = members_by_local_part(town)
    for local_part, district, field, text, paper in OBSERVATIONS:
        if local_part not in people:
            continue
        add_observation(
            town,
            author=people[local_part],
            district=District.objects.for_municipality(town).get(name=district),
            field=Field.objects.for_municipality(town).get(slug=field),
            text=text,
            **paper,
        )
