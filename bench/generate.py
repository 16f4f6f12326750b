"""Fill an empty, migrated database with a large town, fast and the same every time (fixed seed).

Small tables go through `bulk_create`; the big ones (contributions and their tags, comments,
supports, reports, audit entries) are written with COPY on PostgreSQL and `executemany` on
SQLite, with explicit ids, so that nothing has to be read back.
"""

import itertools
import json
import random
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import DateTimeField, JSONField, Model
from django.utils import timezone

from ankommen.accounts.models import Member, User
from ankommen.concept.models import (
    Concept,
    District,
    Field,
    FocusTopic,
    Milestone,
    Principle,
    Stage,
    StageKind,
    StageStatus,
    TargetGroup,
)
from ankommen.concept.services import default_stage_rules
from ankommen.core.models import (
    AuditEntry,
    Flag,
    FlagOutcome,
    Municipality,
    SourceText,
    Translation,
    TranslationState,
    record_sources,
    source_hash,
)
from ankommen.core.roles import Role, Sector
from ankommen.dialogue.answers import Answer, AnswerState
from ankommen.dialogue.models import (
    Comment,
    Contribution,
    ContributionKind,
    FindingKind,
    Support,
)

HOST = "bench.ankommen.example"
PASSWORD = "bench-password"  # noqa: S105 - every generated person has it; the town is thrown away
FULL_SIZE = {"members": 5_000, "contributions": 50_000, "comments": 200_000, "supports": 1_000_000}
FIELD_COUNT = 20
# Share of the members in each role; the rest are plain members.
ROLE_SHARES = {Role.ADMIN: 0.0006, Role.MODERATOR: 0.002, Role.EXPERT: 0.03, Role.MULTIPLIER: 0.06}
SHARE_IN_STOCKTAKING = 0.45
SHARE_PROMOTED = 0.05
SHARE_HIDDEN_CONTRIBUTIONS = 0.003
SHARE_HIDDEN_COMMENTS = 0.005
# Options and recommendations older than a month that the administration has answered; a third of
# those were first "in Prüfung" and answered again.
SHARE_ANSWERED = 0.5
ANSWER_STATES = {AnswerState.UNDER_REVIEW: 5, AnswerState.NOT_PURSUED: 3, AnswerState.MERGED: 2}
OPEN_REPORTS = 1_000  # the moderation queue of a town a year in, with a backlog
DISMISSED_REPORTS = 300
# Fields (by position) whose stocktaking only members may read.
MEMBERS_ONLY_STOCKTAKING = {7, 15}

FIRST_NAMES = [
    "Anna",
    "Ahmad",
    "Amal",
    "Birgit",
    "Dmytro",
    "Elena",
    "Emre",
    "Fatima",
    "Hans",
    "Ines",
    "Jana",
    "Jürgen",
    "Katrin",
    "Leyla",
    "Lukas",
    "Maria",
    "Mehmet",
    "Murat",
    "Nadia",
    "Olena",
    "Peter",
    "Rania",
    "Sabine",
    "Samir",
    "Sofia",
    "Stefan",
    "Tamara",
    "Thomas",
    "Yusuf",
    "Zeynep",
]
LAST_NAMES = [
    "Bauer",
    "Becker",
    "Demir",
    "Fischer",
    "Haddad",
    "Hoffmann",
    "Kaya",
    "Keller",
    "Koch",
    "Kovalenko",
    "Lehmann",
    "Maier",
    "Meyer",
    "Müller",
    "Nowak",
    "Petrova",
    "Richter",
    "Schäfer",
    "Schmidt",
    "Schneider",
    "Schulz",
    "Wagner",
    "Weber",
    "Yılmaz",
    "Zimmermann",
]
SUBJECTS = [
    "Sprachkurse",
    "Kita-Plätze",
    "Ausbildungspatenschaften",
    "Bezahlbarer Wohnraum",
    "Das Begegnungscafé",
    "Hausaufgabenhilfe",
    "Die Migrationsberatung",
    "Sportvereine",
    "Elternabende",
    "Die Anerkennung von Abschlüssen",
    "Nachbarschaftshilfe",
    "Der Dolmetscherpool",
    "Der Jugendtreff",
    "Berufsorientierung",
    "Hausarztpraxen",
    "Busverbindungen",
]
PREDICATES = [
    "fehlen in der Weststadt",
    "brauchen mehr Ehrenamtliche",
    "laufen gut",
    "sind schwer zu finden",
    "sollten ausgebaut werden",
    "besser bekannt machen",
    "auch am Abend anbieten",
    "in mehreren Sprachen anbieten",
    "mit den Schulen abstimmen",
    "dauern zu lange",
]
SENTENCES = [
    "Viele Familien wissen nicht, an wen sie sich wenden können.",
    "Die Angebote sind gut, aber zu wenig bekannt.",
    "Ehrenamtliche tragen einen großen Teil der Arbeit.",
    "Die Wartezeiten sind in den letzten Monaten deutlich gestiegen.",
    "In der Innenstadt gibt es Räume, die abends leer stehen.",
    "Eine feste Ansprechperson im Rathaus würde vieles erleichtern.",
    "Die Zusammenarbeit mit den Schulen funktioniert in einigen Stadtteilen schon sehr gut.",
    "Für Berufstätige passen die Zeiten oft nicht.",
    "Mehrsprachige Informationen würden die Hürde senken.",
    "Die Vereine wünschen sich mehr Austausch untereinander.",
    "Das Jobcenter berichtet von ähnlichen Erfahrungen.",
    "Kosten und Nutzen sollten vor dem Beschluss geprüft werden.",
]
COMMENT_SENTENCES = [
    "Das kann ich aus eigener Erfahrung bestätigen.",
    "Gibt es dazu schon Zahlen?",
    "Wir haben im Verein ähnliche Erfahrungen gemacht.",
    "Sehr guter Vorschlag!",
    "Wer wäre dafür zuständig?",
    "In Pattonville sieht es ganz anders aus.",
    "Ich würde mich gern ehrenamtlich beteiligen.",
    "Das sollte in den nächsten Haushalt.",
]
ANSWER_TEXTS = {
    AnswerState.NOT_PURSUED: "Dafür gibt es bereits ein Angebot des Landkreises; wir verweisen dorthin.",
    AnswerState.MERGED: "Der Vorschlag geht in einem ähnlichen Beitrag auf, der weiter verfolgt wird.",
}


def scaled(scale):
    """The sizes of the town at `scale` (1.0 = the full 5,000 members … 1,000,000 supports)."""
    return {name: max(1, round(count * scale)) for name, count in FULL_SIZE.items()}


def spread(total, count, rng, cap):
    """`count` whole numbers, each at most `cap`, summing to `total`; few large, many small (Pareto)."""
    weights = [rng.paretovariate(1.5) for _ in range(count)]
    factor = total / sum(weights)
    amounts = [min(cap, int(weight * factor)) for weight in weights]
    missing = total - sum(amounts)
    while missing > 0:
        index = rng.randrange(count)
        if amounts[index] < cap:
            amounts[index] += 1
            missing -= 1
    return amounts


def moment_between(rng, start, end):
    """A random moment from `start` to `end`; one draw whatever the span, so that the data stay the same."""
    return start + timedelta(seconds=int(rng.random() * max(0, (end - start).total_seconds())))


def insert_rows(model, rows):
    """Insert dicts of field name → value: COPY on PostgreSQL, executemany on SQLite."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    names = list(first)
    fields = [model._meta.get_field(name) for name in names]
    converters = [_converter(field) for field in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    values = (
        tuple(convert(row[name]) for convert, name in zip(converters, names, strict=True))
        for row in itertools.chain([first], rows)
    )
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for value in values:
                copy.write_row(value)
    else:
        marks = ", ".join("?" * len(names))
        raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608


def _converter(field):
    """How a value of `field` goes to the database: ids for objects, UTC text for SQLite's datetimes, JSON."""
    if field.is_relation:
        return lambda value: value.pk if isinstance(value, Model) else value
    if isinstance(field, DateTimeField) and connection.vendor == "sqlite":
        # The text Django itself writes: naive UTC, "YYYY-MM-DD HH:MM:SS".
        return lambda value: value and value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(field, JSONField):
        return json.dumps
    return lambda value: value


def role_plan(count):
    """(role, sector) for each member: a few admins and moderators, some experts and multipliers."""
    roles = []
    for role, share in ROLE_SHARES.items():
        roles += [role] * max(1, round(count * share))
    roles = (roles + [Role.MEMBER] * count)[:count]
    sectors = Sector.values
    return [
        (role, sectors[index % len(sectors)] if role == Role.MULTIPLIER else "")
        for index, role in enumerate(roles)
    ]


def create_people(town, rng, count, now):
    """Users and their memberships, all with one precomputed password hash."""
    password = make_password(PASSWORD)
    plan = role_plan(count)
    users = User.objects.bulk_create(
        [
            User(
                email=f"person{index:05d}@{HOST}",
                display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                password=password,
                date_joined=now - timedelta(days=500 - index * 450 // count),
            )
            for index in range(count)
        ],
        batch_size=2000,
    )
    members = Member.objects.bulk_create(
        [
            Member(municipality=town, user=user, role_sectors={role: sector}, joined_at=user.date_joined)
            for user, (role, sector) in zip(users, plan, strict=True)
        ],
        batch_size=2000,
    )
    for member, (role, sector) in zip(members, plan, strict=True):
        member.role, member.sector = role, sector  # the plan, for the generator's own choices below
    return members


def create_concept(town):
    """The concept with its principles, focus topics, districts, target groups and milestones."""
    Concept.objects.create(
        municipality=town,
        title="Integrationskonzept der Stadt Benchheim",
        introduction=" ".join(SENTENCES),
        adopted_by="Ausschuss für Soziales und Integration",
        adopted_on=date(2017, 3, 22),
    )
    tag_names = {
        Principle: ["Teilhabe", "Chancengleichheit", "Vielfalt"],
        FocusTopic: ["Spracherwerb", "Bildung", "Arbeit", "Gesundheit", "Wohnen"],
        District: [
            "Innenstadt",
            "Weststadt",
            "Oststadt",
            "Südstadt",
            "Nordstadt",
            "Pattonville",
            "Bahnhof",
            "Zeppelinstraße",
        ],
        TargetGroup: [
            "Geflüchtete",
            "Neuzugewanderte aus der EU",
            "Kinder und Jugendliche",
            "Eltern",
            "Auszubildende",
            "Ältere Menschen",
            "Frauen",
            "Studierende",
        ],
    }
    tags = {}
    for model, names in tag_names.items():
        created = model.objects.bulk_create(
            model(municipality=town, name=name, description=SENTENCES[position], position=position)
            for position, name in enumerate(names)
        )
        tags[model] = [tag.pk for tag in created]
    Milestone.objects.bulk_create(
        Milestone(
            municipality=town,
            date=date(2015, 7, 1) + timedelta(days=90 * index),
            title=f"Meilenstein {index + 1}",
            description=SENTENCES[index],
        )
        for index in range(10)
    )
    return tags


def create_fields(town, now):
    """20 fields, each with a closed stocktaking and an open options stage."""
    today = now.date()
    fields = Field.objects.bulk_create(
        Field(
            municipality=town,
            name=f"Handlungsfeld {position + 1}: {SUBJECTS[position % len(SUBJECTS)]}",
            slug=f"handlungsfeld-{position + 1}",
            summary=SENTENCES[position % len(SENTENCES)],
            description=" ".join(SENTENCES[:4]),
            position=position,
        )
        for position in range(FIELD_COUNT)
    )
    plan = [
        (StageKind.STOCKTAKING, -400, -200, StageStatus.CLOSED),
        (StageKind.OPTIONS, -190, 60, StageStatus.OPEN),
    ]
    stages = Stage.objects.bulk_create(
        Stage(
            municipality=town,
            field=field,
            kind=kind,
            position=position,
            description=SENTENCES[position],
            starts_on=today + timedelta(days=start),
            ends_on=today + timedelta(days=end),
            status=status,
            is_public=not (kind == StageKind.STOCKTAKING and field.position in MEMBERS_ONLY_STOCKTAKING),
            **default_stage_rules(kind),
        )
        for field in fields
        for position, (kind, start, end, status) in enumerate(plan)
    )
    return fields, stages


def make_texts(rng, sentences, low, high, count=1000):
    return [" ".join(rng.choices(sentences, k=rng.randint(low, high))) for _ in range(count)]


def generate(scale=1.0, seed=2017):
    """Create the town at `scale` in one transaction; return the number of rows of each kind."""
    rng = random.Random(seed)
    now = timezone.now().replace(microsecond=0)
    size = scaled(scale)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A 256 MB page cache for this connection only: the random-order index inserts stay in memory.
            cursor.execute("PRAGMA cache_size = -262144")
    with transaction.atomic():
        town = Municipality.objects.create(
            name="Benchheim",
            official_name="Stadt Benchheim",
            slug="benchheim",
            host=HOST,
            is_default=True,
            languages=["de", "en", "ar"],
            # The writer's four members click a thousand times an hour each: no limit against abuse.
            limit_supports=1000,
        )
        members = create_people(town, rng, size["members"], now)
        tags = create_concept(town)
        fields, stages = create_fields(town, now)
        contributions = create_contributions(town, rng, members, stages, size, now)
        answers = create_answers(town, rng, members, contributions, now)
        insert_rows(Contribution, [_hidden_by_user(row) for row in contributions])
        insert_rows(Answer, answers)
        tag_contributions(rng, contributions, tags)
        comments = create_comments(town, rng, members, contributions, now)
        create_supports(town, rng, members, contributions, now)
        reports = create_reports(town, rng, members, contributions, comments, now)
        translations = create_translations(town, rng, contributions)
        create_audit_entries(town, members, stages, contributions, answers, comments, reports, translations)
        reset_sequences()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does soon after a bulk load
    return count_rows()


def start_of(day):
    return datetime.combine(day, time.min, tzinfo=UTC)


def create_contributions(town, rng, members, stages, size, now):
    """Contributions spread over the fields' stages, with the comment and support counts to come (rows to write)."""
    count = size["contributions"]
    by_role = {role: [member for member in members if member.role == role] for role in Role.values}
    authors = {
        StageKind.STOCKTAKING: by_role[Role.EXPERT] + by_role[Role.ADMIN],
        StageKind.OPTIONS: by_role[Role.MULTIPLIER] + by_role[Role.ADMIN],
    }
    comment_counts = spread(size["comments"], count, rng, cap=size["comments"])
    support_counts = spread(size["supports"], count, rng, cap=len(members))
    titles = [f"{subject} {predicate}" for subject in SUBJECTS for predicate in PREDICATES]
    bodies = make_texts(rng, SENTENCES, 3, 9)
    stages_by_field = [stages[index : index + 2] for index in range(0, len(stages), 2)]
    rows = []
    for pk in range(1, count + 1):
        stocktaking, options = rng.choice(stages_by_field)
        stage = stocktaking if rng.random() < SHARE_IN_STOCKTAKING else options
        start = start_of(stage.starts_on)
        created = moment_between(rng, start, min(now - timedelta(days=1), start + timedelta(days=200)))
        row = {
            "id": pk,
            "municipality": town.pk,
            "field": stage.field_id,
            "stage": stage.pk,
            "kind": ContributionKind.OPTION,
            "finding_kind": "",
            "title": rng.choice(titles),
            "body": rng.choice(bodies),
            "author": rng.choice(authors[stage.kind]),
            "created_at": created,
            "promoted_at": None,
            "promoted_by": None,
            "hidden_at": None,
            "hidden_by": None,
            "hidden_reason": "",
            "paper_author": "",
            "paper_occasion": "",
            "support_count": support_counts[pk - 1],
            "comment_count": comment_counts[pk - 1],
            "answer_state": "",
        }
        if stage.kind == StageKind.STOCKTAKING:
            row.update(kind=ContributionKind.FINDING, finding_kind=rng.choice(FindingKind.values))
        elif rng.random() < SHARE_PROMOTED:
            row.update(
                kind=ContributionKind.RECOMMENDATION,
                promoted_at=moment_between(rng, created, now),
                promoted_by=rng.choice(authors[StageKind.OPTIONS]),
            )
        if rng.random() < SHARE_HIDDEN_CONTRIBUTIONS:
            row.update(
                hidden_at=moment_between(rng, created, now),
                hidden_by=rng.choice(by_role[Role.MODERATOR]),
                hidden_reason="Werbung",
            )
        rows.append(row)
    return rows


def create_answers(town, rng, members, contributions, now):
    """The administration's answers to half the options and recommendations older than a month (rows
    to write); each answered contribution takes the state of its current one."""
    authors = [member for member in members if member.role == Role.ADMIN] or members
    states, weights = list(ANSWER_STATES), list(ANSWER_STATES.values())
    earlier = {}  # field → the answerable items before this one: what an item can be merged into
    rows = []

    def answer(contribution, number, state, created, is_current=True, merged_into=None):
        rows.append(
            {
                "id": len(rows) + 1,
                "municipality": town.pk,
                "contribution": contribution["id"],
                "number": number,
                "is_current": is_current,
                "state": state,
                "text": "" if state == AnswerState.UNDER_REVIEW else ANSWER_TEXTS[state],
                "merged_into": merged_into,
                "author": rng.choice(authors),
                "created_at": created,
            }
        )

    for contribution in sorted(contributions, key=lambda row: row["created_at"]):
        if contribution["kind"] == ContributionKind.FINDING or contribution["hidden_at"]:
            continue
        others = earlier.setdefault(contribution["field"], [])
        others.append(contribution["id"])
        if contribution["created_at"] > now - timedelta(days=30) or rng.random() >= SHARE_ANSWERED:
            continue
        state = rng.choices(states, weights)[0]
        if state == AnswerState.MERGED and len(others) < 2:
            state = AnswerState.NOT_PURSUED
        created = moment_between(rng, contribution["created_at"], now)
        number = 1
        if state != AnswerState.UNDER_REVIEW and rng.random() < 1 / 3:
            answer(contribution, 1, AnswerState.UNDER_REVIEW, created, is_current=False)
            created, number = moment_between(rng, created, now), 2
        merged_into = rng.choice(others[:-1]) if state == AnswerState.MERGED else None
        answer(contribution, number, state, created, merged_into=merged_into)
        contribution["answer_state"] = state
    return rows


def tag_contributions(rng, contributions, tags):
    """Fill the four m2m tables: 0–2 principles, focus topics, districts and target groups each."""
    for name, model in (
        ("principles", Principle),
        ("focus_topics", FocusTopic),
        ("districts", District),
        ("target_groups", TargetGroup),
    ):
        through = Contribution._meta.get_field(name).remote_field.through
        tag_field = next(field.name for field in through._meta.fields if field.related_model is model)
        insert_rows(
            through,
            (
                {"contribution": contribution["id"], tag_field: tag}
                for contribution in contributions
                for tag in rng.sample(tags[model], rng.choice((0, 1, 1, 1, 2)))
            ),
        )


def create_comments(town, rng, members, contributions, now):
    """As many comments on each contribution as its comment_count says; a few hidden by a moderator."""
    moderators = [member for member in members if member.role == Role.MODERATOR]
    bodies = make_texts(rng, COMMENT_SENTENCES, 1, 4)
    rows = []
    for contribution in contributions:
        for _index in range(contribution["comment_count"]):
            created = moment_between(rng, contribution["created_at"], now)
            row = {
                "id": len(rows) + 1,
                "municipality": town.pk,
                "contribution": contribution["id"],
                "author": rng.choice(members),
                "body": rng.choice(bodies),
                "created_at": created,
                "hidden_at": None,
                "hidden_by": None,
                "hidden_reason": "",
                "paper_author": "",
                "paper_occasion": "",
            }
            if rng.random() < SHARE_HIDDEN_COMMENTS:
                row.update(
                    hidden_at=moment_between(rng, created, now),
                    hidden_by=rng.choice(moderators),
                    hidden_reason="Persönliche Daten",
                )
            rows.append(row)
    insert_rows(Comment, [_hidden_by_user(row) for row in rows])
    return rows


def _hidden_by_user(row):
    """The row as stored: a hidden item names the moderator's account (the generator keeps the member)."""
    return {**row, "hidden_by": row["hidden_by"] and row["hidden_by"].user_id}


def create_supports(town, rng, members, contributions, now):
    """support_count distinct members for each contribution (the one_support_per_member constraint)."""
    member_ids = [member.pk for member in members]
    insert_rows(
        Support,
        (
            {
                "municipality": town.pk,
                "contribution": contribution["id"],
                "member": member,
                "created_at": moment_between(rng, contribution["created_at"], now),
            }
            for contribution in contributions
            for member in rng.sample(member_ids, contribution["support_count"])
        ),
    )


def create_reports(town, rng, members, contributions, comments, now):
    """One resolved flag per hidden item, some dismissed ones, and open ones for the moderation queue."""
    scale = len(contributions) / FULL_SIZE["contributions"]
    moderators = [member for member in members if member.role == Role.MODERATOR]
    types = {model: ContentType.objects.get_for_model(model).pk for model in (Contribution, Comment)}

    def flag(model, item, resolved_at=None, resolved_by=None, outcome=""):
        created = (resolved_at or now) - timedelta(hours=rng.randrange(1, 500))
        return {
            "municipality": town.pk,
            "content_type": types[model],
            "object_id": item,
            "reporter": rng.choice(members).user_id,
            "reason": "Das ist beleidigend.",
            "created_at": created,
            "resolved_at": resolved_at,
            "resolved_by": resolved_by and resolved_by.user_id,
            "outcome": outcome,
        }

    flags = [
        flag(Contribution, row["id"], row["hidden_at"], row["hidden_by"], FlagOutcome.HIDDEN)
        for row in contributions
        if row["hidden_by"]
    ]
    flags += [
        flag(Comment, row["id"], row["hidden_at"], row["hidden_by"], FlagOutcome.HIDDEN)
        for row in comments
        if row["hidden_by"]
    ]
    for _index in range(max(3, round(DISMISSED_REPORTS * scale))):
        flags.append(
            flag(
                Contribution,
                rng.choice(contributions)["id"],
                now,
                rng.choice(moderators),
                FlagOutcome.DISMISSED,
            )
        )
    for _index in range(max(3, round(OPEN_REPORTS * scale))):
        comment = rng.choice(comments)
        if rng.random() < 0.5:
            flags.append(flag(Contribution, comment["contribution"]))
        else:
            flags.append(flag(Comment, comment["id"]))
    insert_rows(Flag, flags)
    return flags


def create_audit_entries(town, members, stages, contributions, answers, comments, reports, translations):
    """The lines the services would have written: fields, stages, joins and invitations, promotions,
    answers, hides and translations (some 110,000 at full size)."""
    admin = next(member for member in members if member.role == Role.ADMIN)
    moderators = [member for member in members if member.role == Role.MODERATOR]
    entries = []

    def log(when, member, action, target, label, **details):
        target_type, target_id = target
        entries.append(
            {
                "municipality": town.pk,
                "created_at": when,
                "actor": member.user_id,
                "actor_name": member.user.display_name,
                "action": action,
                "target_type": target_type,
                "target_id": target_id,
                "target_label": label[:300],
                "details": {key: str(value) for key, value in details.items()},
            }
        )

    for stage in stages:
        label = f"{stage.field.name}: {stage.get_kind_display()}"
        start = start_of(stage.starts_on)
        if stage.position == 0:
            log(
                start - timedelta(days=20),
                admin,
                "field.created",
                ("concept.field", stage.field_id),
                stage.field.name,
            )
        log(start - timedelta(days=10), admin, "stage.created", ("concept.stage", stage.pk), label)
        log(start, admin, "stage.opened", ("concept.stage", stage.pk), label)
        if stage.status == StageStatus.CLOSED:
            log(start_of(stage.ends_on), admin, "stage.closed", ("concept.stage", stage.pk), label)
    for member in members:
        name = member.user.display_name
        if member.role == Role.MEMBER:
            log(member.joined_at, member, "member.joined", ("accounts.member", member.pk), name)
        else:
            log(
                member.joined_at,
                admin,
                "member.invited",
                ("accounts.invitation", None),
                member.user.email,
                role=member.role,
            )
            log(
                member.joined_at,
                member,
                "member.role_changed",
                ("accounts.member", member.pk),
                name,
                by="invitation",
            )
    for row in contributions:
        target = ("dialogue.contribution", row["id"])
        if row["promoted_by"]:
            log(row["promoted_at"], row["promoted_by"], "contribution.promoted", target, row["title"])
        if row["hidden_by"]:
            log(
                row["hidden_at"],
                row["hidden_by"],
                "contribution.hidden",
                target,
                row["title"],
                reason="Werbung",
            )
    titles = {row["id"]: row["title"] for row in contributions}
    states = dict(AnswerState.choices)
    for row in answers:
        target = ("dialogue.contribution", row["contribution"])
        log(
            row["created_at"],
            row["author"],
            "contribution.answered",
            target,
            titles[row["contribution"]],
            state=states[row["state"]],
        )
    for row in translations:
        target = ("dialogue.contribution", row["object_id"])
        log(
            row["updated_at"],
            admin,
            "translation.saved",
            target,
            titles[row["object_id"]],
            field=row["field"],
            language=row["language"],
            state=row["state"],
        )
    for row in comments:
        if row["hidden_by"]:
            reason = row["hidden_reason"]
            log(
                row["hidden_at"],
                row["hidden_by"],
                "comment.hidden",
                ("dialogue.comment", row["id"]),
                row["body"],
                reason=reason,
            )
    for row in reports:
        if row["outcome"] == FlagOutcome.DISMISSED:
            moderator = next(member for member in moderators if member.user_id == row["resolved_by"])
            log(row["resolved_at"], moderator, "flag.dismissed", ("core.flag", None), row["reason"])
    insert_rows(AuditEntry, sorted(entries, key=lambda entry: entry["created_at"]))


def create_translations(town, rng, contributions):
    """The German sources of every translatable text, and English and Arabic translations in every state."""
    for model in (Concept, Principle, FocusTopic, District, TargetGroup, Milestone, Field, Stage):
        record_sources(list(model.objects.filter(municipality=town)))
    content_type = ContentType.objects.get_for_model(Contribution)
    sources, translations = [], []
    shares = {"en": (0.50, 0.10, 0.05), "ar": (0.05, 0.20, 0.02)}  # reviewed, machine, outdated
    for row in contributions:
        for field in ("title", "body"):
            digest = source_hash(row[field])
            sources.append(
                {
                    "municipality": town.pk,
                    "content_type": content_type.pk,
                    "object_id": row["id"],
                    "field": field,
                    "hash": digest,
                    "changed_at": row["created_at"],
                }
            )
            for language, (reviewed, machine, outdated) in shares.items():
                draw = rng.random()
                if draw < reviewed + machine + outdated:
                    translations.append(
                        {
                            "municipality": town.pk,
                            "content_type": content_type.pk,
                            "object_id": row["id"],
                            "field": field,
                            "language": language,
                            "text": f"[{language}] {row[field]}",
                            "state": TranslationState.MACHINE
                            if reviewed <= draw < reviewed + machine
                            else TranslationState.REVIEWED,
                            "source_hash": "0" * 64 if draw >= reviewed + machine else digest,
                            "source_status": "outdated" if draw >= reviewed + machine else "current",
                            "checked_by_target_group": False,
                            "updated_at": row["created_at"],
                            "updated_by": None,
                        }
                    )
    insert_rows(SourceText, sources)
    insert_rows(Translation, translations)
    return translations


def reset_sequences():
    """After explicit ids, let PostgreSQL's sequences continue after the highest one (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(
        no_style(), [Contribution, Answer, Comment, SourceText, Translation]
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def count_rows():
    return {
        "fields": Field.objects.count(),
        "members": Member.objects.count(),
        "contributions": Contribution.objects.count(),
        "answers": Answer.objects.count(),
        "comments": Comment.objects.count(),
        "supports": Support.objects.count(),
        "reports": Flag.objects.count(),
        "audit entries": AuditEntry.objects.count(),
        "translatable texts": SourceText.objects.count(),
        "translations": Translation.objects.count(),
    }
