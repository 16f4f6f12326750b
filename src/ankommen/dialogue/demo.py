"""Sample findings, options, comments and supports for the demo town, in realistic German."""

from django.utils import timezone

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import District, Field, FocusTopic, Principle, Stage, StageKind, TargetGroup
from ankommen.core.models import Flag, ReviewRequest
from ankommen.dialogue.models import Comment, Contribution, ContributionKind, FindingKind, Support

# field slug -> stage kind -> [(author, kind, finding kind, title, body, tags, comments)]
# tags name principles, focus topics, districts and target groups by their names.
CONTRIBUTIONS = {
    "wirtschaft-und-berufliche-bildung": {
        StageKind.STOCKTAKING: [
            (
                "expertin",
                ContributionKind.FINDING,
                FindingKind.STRENGTH,
                "Betriebe im Gewerbegebiet bieten Praktika für junge Geflüchtete",
                "Mehrere mittelständische Betriebe haben Praktikumsplätze geschaffen. Drei Praktika sind "
                "in eine Ausbildung gemündet. Die Betriebe wünschen sich feste Ansprechpersonen.",
                ["Teilhabe", "Geflüchtete", "Auszubildende"],
                [
                    (
                        "mitglied",
                        "Mein Cousin hat so seine Ausbildung als Elektroniker gefunden. Das Praktikum war der Schlüssel.",
                    )
                ],
            ),
            (
                "jobcenter",
                ContributionKind.FINDING,
                FindingKind.PROBLEM,
                "Fachsprache in der Berufsschule ist die größte Hürde",
                "Auszubildende mit Fluchtgeschichte scheitern selten an der Praxis im Betrieb, sondern an der "
                "Fachsprache in der Berufsschule. Das Sprachniveau B1 reicht dafür oft nicht aus.",
                ["Spracherwerb", "Bildung", "Auszubildende"],
                [
                    ("multiplikator", "Das bestätigen die Ausbildungspaten aus unserem Verein."),
                    ("nachbarschaft", "Gibt es Nachhilfe in Fachdeutsch am Abend? Tagsüber arbeiten viele."),
                ],
            ),
            (
                "expertin",
                ContributionKind.FINDING,
                FindingKind.OFFER,
                "Sprechstunde von Agentur für Arbeit und Jobcenter im Rathaus",
                "Einmal im Monat beraten Agentur für Arbeit und Jobcenter gemeinsam im Rathaus, auch mit "
                "Dolmetscherinnen und Dolmetschern.",
                ["Teilhabe", "Innenstadt"],
                [],
            ),
            (
                "jobcenter",
                ContributionKind.FINDING,
                FindingKind.NEED,
                "Anerkennung ausländischer Abschlüsse dauert zu lange",
                "Zwischen Antrag und Bescheid vergehen oft viele Monate. In dieser Zeit arbeiten Fachkräfte "
                "unter ihrer Qualifikation.",
                ["Bildung", "Neuzugewanderte aus der EU"],
                [],
            ),
        ],
        StageKind.OPTIONS: [
            (
                "multiplikator",
                ContributionKind.RECOMMENDATION,
                "",
                "Ausbildungspatenschaften durch Ehrenamtliche ausbauen",
                "Ehrenamtliche Patinnen und Paten begleiten Auszubildende durch die Berufsschulzeit: "
                "Lernen, Behördenpost, Gespräche mit dem Betrieb. Die Stadt vermittelt und schult.",
                ["Teilhabe", "Bildung", "Auszubildende"],
                [
                    ("gemeinderat", "Das sollte in den Haushalt 2018 – die Kosten sind überschaubar."),
                    ("mitglied", "Ich würde gern Patin werden. Wo kann ich mich melden?"),
                ],
            ),
            (
                "verwaltung",
                ContributionKind.OPTION,
                "",
                "Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule",
                "Ein Kurs für Fachdeutsch am Abend, abgestimmt auf die Lehrpläne der Berufsschule, "
                "in den Räumen der Volkshochschule.",
                ["Spracherwerb", "Bildung", "Auszubildende"],
                [("expertin", "Die Volkshochschule hat dafür Erfahrung aus dem Programm für Pflegeberufe.")],
            ),
            (
                "gemeinderat",
                ContributionKind.OPTION,
                "",
                "Beratungstag zur Anerkennung von Abschlüssen",
                "Zweimal im Jahr ein Beratungstag im Rathaus mit der Anerkennungsberatung des Landes.",
                ["Teilhabe", "Neuzugewanderte aus der EU"],
                [],
            ),
        ],
    },
    "wohnen-und-leben": {
        StageKind.STOCKTAKING: [
            (
                "expertin",
                ContributionKind.FINDING,
                FindingKind.PROBLEM,
                "Lange Wartezeiten auf eine Sozialwohnung",
                "Familien aus der Anschlussunterbringung warten oft mehr als zwei Jahre auf eine bezahlbare "
                "Wohnung. Große Familien finden fast nichts.",
                ["Teilhabe", "Geflüchtete", "Eltern"],
                [
                    (
                        "nachbarschaft",
                        "Wir wohnen zu sechst in zwei Zimmern. Die Kinder haben keinen Platz für Hausaufgaben.",
                    ),
                    ("moderation", "Danke für den Einblick. Das nehmen wir in die Bestandsaufnahme auf."),
                ],
            ),
            (
                "expertin",
                ContributionKind.FINDING,
                FindingKind.STRENGTH,
                "Nachbarschaftshilfe in der Weststadt trägt",
                "In der Weststadt helfen Nachbarinnen und Nachbarn bei Behördengängen, Umzügen und "
                "Hausaufgaben. Viele Kontakte sind über das Begegnungscafé entstanden.",
                ["Teilhabe", "Weststadt"],
                [("mitglied", "Das Café ist für mich wie ein zweites Wohnzimmer.")],
            ),
            (
                "jobcenter",
                ContributionKind.FINDING,
                FindingKind.OFFER,
                "Begegnungscafé im Stadtteilzentrum",
                "Jeden Donnerstag von 15 bis 18 Uhr, mit Sprachecke und Kinderbetreuung.",
                ["Spracherwerb", "Weststadt", "Eltern"],
                [],
            ),
            (
                "expertin",
                ContributionKind.FINDING,
                FindingKind.NEED,
                "Begleitung beim Übergang in die eigene Wohnung",
                "Wer aus der Anschlussunterbringung auszieht, braucht Hilfe bei Mietvertrag, Nebenkosten und "
                "Hausordnung. Bisher gibt es dafür kein festes Angebot.",
                ["Teilhabe", "Geflüchtete", "Oststadt"],
                [],
            ),
        ],
    },
}

SUPPORTERS = ["mitglied", "nachbarschaft", "multiplikator", "gemeinderat", "verwaltung", "expertin"]


def load(town, stdout):
    if Contribution.objects.for_municipality(town).exists():
        return
    people = members_by_local_part(town)
    tags = {
        model: {tag.name: tag for tag in model.objects.for_municipality(town)}
        for model in (Principle, FocusTopic, District, TargetGroup)
    }
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    now = timezone.now()
    for slug, by_stage in CONTRIBUTIONS.items():
        for kind, rows in by_stage.items():
            stage = Stage.objects.get(field=fields[slug], kind=kind)
            for number, (
                author,
                contribution_kind,
                finding_kind,
                title,
                body,
                tag_names,
                comments,
            ) in enumerate(rows):
                contribution = Contribution.objects.create(
                    municipality=town,
                    field=fields[slug],
                    stage=stage,
                    kind=contribution_kind,
                    finding_kind=finding_kind,
                    title=title,
                    body=body,
                    author=people[author],
                    promoted_at=now if contribution_kind == ContributionKind.RECOMMENDATION else None,
                    promoted_by=people["multiplikator"]
                    if contribution_kind == ContributionKind.RECOMMENDATION
                    else None,
                )
                contribution.principles.set([tags[Principle][n] for n in tag_names if n in tags[Principle]])
                contribution.focus_topics.set(
                    [tags[FocusTopic][n] for n in tag_names if n in tags[FocusTopic]]
                )
                contribution.districts.set([tags[District][n] for n in tag_names if n in tags[District]])
                contribution.target_groups.set(
                    [tags[TargetGroup][n] for n in tag_names if n in tags[TargetGroup]]
                )
                for commenter, text in comments:
                    Comment.objects.create(
                        municipality=town, contribution=contribution, author=people[commenter], body=text
                    )
                supporters = SUPPORTERS[: (len(title) + number) % len(SUPPORTERS) + 1]
                Support.objects.bulk_create(
                    Support(municipality=town, contribution=contribution, member=people[name])
                    for name in supporters
                )
                Contribution.objects.filter(pk=contribution.pk).update(
                    support_count=len(supporters), comment_count=len(comments)
                )
    _moderation_examples(town, people)
    stdout.write("Beiträge, Kommentare und Unterstützungen angelegt.")


def _moderation_examples(town, people):
    """One comment hidden with its reason and its author's request for a review, one open flag, so that the
    moderation pages show something."""
    housing = Contribution.objects.for_municipality(town).get(
        title="Lange Wartezeiten auf eine Sozialwohnung"
    )
    hidden = Comment.objects.create(
        municipality=town,
        contribution=housing,
        author=people["nachbarschaft"],
        body="Ruft mich an unter 0171 0000000, ich vermittle Wohnungen gegen Provision.",
        hidden_at=timezone.now(),
        hidden_by=people["moderation"].user,
        hidden_reason="Werbung mit Telefonnummer",
    )
    Contribution.objects.filter(pk=housing.pk).update(comment_count=housing.comment_count + 1)
    ReviewRequest.objects.create(
        municipality=town,
        item=hidden,
        hidden_at=hidden.hidden_at,
        requester=people["nachbarschaft"].user,
        text="Ich wollte nur helfen: Die Nummer ist meine eigene, und ich nehme keine Provision.",
    )
    Flag.objects.create(
        municipality=town,
        item=hidden,
        reporter=people["mitglied"].user,
        reason="Das ist Werbung.",
        resolved_at=hidden.hidden_at,
        resolved_by=people["moderation"].user,
        outcome="hidden",
    )
    café = Contribution.objects.for_municipality(town).get(title="Begegnungscafé im Stadtteilzentrum")
    Flag.objects.create(
        municipality=town,
        item=café,
        reporter=people["nachbarschaft"].user,
        reason="Die Öffnungszeiten stimmen nicht mehr, das Café ist jetzt mittwochs.",
    )


def load_notifications(town, stdout):
    """The demo's people follow what they work on and have heard of the comments on their contributions.

    Amal Haddad follows "Wohnen und Leben", the expert follows "Wirtschaft und berufliche Bildung";
    every author is told of the comments others wrote on their contributions (unread, in their list).
    """
    from ankommen.core import notifications

    people = members_by_local_part(town)
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    for person, slug in (("mitglied", "wohnen-und-leben"), ("expertin", "wirtschaft-und-berufliche-bildung")):
        if slug in fields:
            notifications.set_following(people[person], fields[slug], True)
    comments = Comment.objects.for_municipality(town).select_related("contribution__author__user", "author")
    for comment in comments:
        author = comment.contribution.author
        if author.pk != comment.author_id and not comment.contribution.paper_author:
            notifications.notify(
                [author.user], "comment.on_yours", event=f"comment:{comment.pk}", target=comment.contribution
            )
