"""The administration's answers in the demo town: some options under review, one merged, one not pursued."""

from collections import Counter

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import Stage, StageKind
from ankommen.dialogue.answers import Answer, AnswerState
from ankommen.dialogue.models import Contribution, ContributionKind

FIELD = "wirtschaft-und-berufliche-bildung"

# Two more options, written in the options stage: one repeats another, one the town cannot pay for.
OPTIONS = [
    (
        "multiplikator",
        "Abendkurs Fachdeutsch an der Volkshochschule",
        "Viele Auszubildende arbeiten tagsüber. Ein Kurs am Abend, zweimal pro Woche, würde ihnen in der "
        "Berufsschule helfen.",
    ),
    (
        "gemeinderat",
        "Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte",
        "Der Weg zum Betrieb und zur Berufsschule kostet viel Geld. Eine kostenlose Monatskarte würde "
        "Ausbildungsabbrüche verhindern.",
    ),
]

# (title, answering person, state, text, title of the item it is taken into); in this order, so
# that the recommendation gets a second answer and shows its history.
ANSWERS = [
    (
        "Ausbildungspatenschaften durch Ehrenamtliche ausbauen",
        "admin",
        AnswerState.UNDER_REVIEW,
        "Wir prüfen, welche Kosten entstehen und wer die Patinnen und Paten schult.",
        None,
    ),
    (
        "Ausbildungspatenschaften durch Ehrenamtliche ausbauen",
        "admin",
        AnswerState.UNDER_REVIEW,
        "Das Ehrenamtsbüro kann 20 Patenschaften begleiten. Die Verwaltung legt den Vorschlag im Frühjahr "
        "dem Ausschuss für Soziales vor.",
        None,
    ),
    (
        "Beratungstag zur Anerkennung von Abschlüssen",
        "verwaltung",
        AnswerState.UNDER_REVIEW,
        "Die Anerkennungsberatung des Landes kann im April und im Oktober kommen. Wir suchen einen Raum im "
        "Rathaus.",
        None,
    ),
    (
        "Abendkurs Fachdeutsch an der Volkshochschule",
        "verwaltung",
        AnswerState.MERGED,
        "Dieser Vorschlag ist fast gleich wie der berufsbezogene Sprachkurs. Wir bearbeiten beide zusammen.",
        "Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule",
    ),
    (
        "Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte",
        "admin",
        AnswerState.NOT_PURSUED,
        "Die Stadt kann keine eigene Monatskarte bezahlen. Es gibt aber schon ein günstiges Ticket für alle "
        "Auszubildenden. Die Beratung im Rathaus weist darauf hin.",
        None,
    ),
]


def load(town, stdout):
    if Answer.objects.for_municipality(town).exists():
        return
    people = members_by_local_part(town)
    stage = Stage.objects.get(municipality=town, field__slug=FIELD, kind=StageKind.OPTIONS)
    for author, title, body in OPTIONS:
        Contribution.objects.get_or_create(
            municipality=town,
            field=stage.field,
            title=title,
            defaults={
                "stage": stage,
                "kind": ContributionKind.OPTION,
                "body": body,
                "author": people[author],
            },
        )
    by_title = {
        item.title: item for item in Contribution.objects.for_municipality(town).filter(field=stage.field)
    }
    numbers = Counter(title for title, *_rest in ANSWERS)
    given = Counter()
    for title, person, state, text, target in ANSWERS:
        given[title] += 1
        # Written as the demo's content, like its contributions: no audit line in a person's name.
        Answer.objects.create(
            municipality=town,
            contribution=by_title[title],
            number=given[title],
            is_current=given[title] == numbers[title],
            state=state,
            text=text,
            merged_into=by_title[target] if target else None,
            author=people[person],
        )
        if given[title] == numbers[title]:
            Contribution.objects.filter(pk=by_title[title].pk).update(answer_state=state)
    stdout.write("Offizielle Antworten angelegt.")
