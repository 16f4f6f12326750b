"""Which members fit a call, ranked, each with the reasons for their score.

The rules are published on the call's page for its admins (`WEIGHTS`, `SPREAD_*`):

1. **Must-criteria filter first.** A member is a candidate only if they left "suggest me" on, are
   active, and meet every criterion the call marks as a condition: each competence (on a call with
   children or vulnerable people: confirmed by an organisation), each language at the skill and
   level asked, interpreting at the level asked.
2. **Then a weighted score**, the sum of its reason points, so the reasons add up to it exactly:
   each competence of the call the member has, more if an organisation confirmed it; a free term
   naming one (not on calls with children or vulnerable people: only confirmed competences count
   there); each language of the call met, more for each level above the one asked; interpreting
   above the level asked; the sector the call wishes for; an interest in the call's field.
3. **A spread term** takes points off for every request the member received for other calls in the
   last months, so that the same few people are not asked for everything.
4. **The same input gives the same order**: ties are broken by a fixed hash of call and member,
   not by chance and not by age of membership.

The queries are the same in number however many members the town has (`rank`).
"""

import heapq
import operator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import reduce

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ankommen.circle.models import (
    CallInvitation,
    MemberCompetence,
    MemberLanguage,
    Profile,
)
from ankommen.circle.vocabulary import SPOKEN_LANGUAGES, Interpreting, Level, Skill

WEIGHTS = {
    "competence": 10,
    "confirmed": 4,
    "free_term": 4,
    "language": 6,
    "language_level": 1,  # per level above the one asked, at most `LANGUAGE_LEVELS_COUNTED`
    "interpreting_level": 2,  # per level above the one asked
    "sector": 3,
    "interest": 3,
}
LANGUAGE_LEVELS_COUNTED = 3
SPREAD_POINTS = 2  # taken off per request for another call …
SPREAD_MAX = 10  # … at most this many points
SPREAD_DAYS = 90  # … counted over this many days


@dataclass(frozen=True)
class Reason:
    """One reason for a member's score: its kind, its points and what it names (JSON-able)."""

    kind: str
    points: int
    params: dict = field(default_factory=dict)

    @property
    def text(self):
        return reason_text(self.kind, self.params)

    def as_json(self):
        return [self.kind, self.points, self.params]


def short_level(level):
    """A level as a reason names it: "B2", or "Muttersprache"."""
    return Level(level).label if level == Level.NATIVE else Level(level).name


def reason_text(kind, params):
    """A reason in the reader's language."""
    if kind == "competence":
        return _("Kompetenz „%(name)s“") % params
    if kind == "confirmed":
        return _("„%(name)s“ bestätigt von %(organisation)s") % params
    if kind == "free_term":
        return _("nennt „%(term)s“ in eigenen Worten") % params
    if kind in ("language", "language_level"):
        values = {
            "language": SPOKEN_LANGUAGES.get(params["language"], params["language"]),
            "skill": Skill(params["skill"]).label,
            "level": short_level(params["level"]),
            "asked": short_level(params["asked"]),
        }
        if kind == "language":
            return _("%(language)s %(skill)s: %(level)s (gefragt: %(asked)s)") % values
        return _("%(language)s %(skill)s über dem gefragten Niveau") % values
    if kind == "interpreting_level":
        return _("Dolmetschen: %(level)s") % {"level": Interpreting(params["level"]).label}
    if kind == "sector":
        return _("Bereich wie gewünscht")
    if kind == "interest":
        return _("interessiert sich für das Handlungsfeld")
    if kind == "spread":
        return (
            ngettext(
                "schon %(count)s Anfrage in den letzten %(days)s Tagen",
                "schon %(count)s Anfragen in den letzten %(days)s Tagen",
                params["count"],
            )
            % params
        )
    return kind


def reasons_in_words(rows):
    """Stored reasons ([kind, points, params], …) as one line of text: "+10 Kompetenz „Tanz“; …"."""
    return "; ".join(f"{points:+d} {reason_text(kind, params)}" for kind, points, params in rows)


@dataclass
class Match:
    profile_id: int
    member_id: int
    reasons: list
    tiebreak: int
    member: object = None
    invitation: object = None

    @property
    def score(self):
        return sum(reason.points for reason in self.reasons)


class Criteria:
    """A call's criteria, read once: its competences and languages, each a condition or a wish."""

    def __init__(self, call):
        self.call = call
        self.competences = list(call.competences.select_related("competence"))
        self.languages = list(call.languages.all())
        self.names = {row.competence_id: row.competence.name for row in self.competences}

    def meets_conditions(self, held, spoken, interpreting):
        """Does a profile with these competences, languages and interpreting meet every condition?"""
        call = self.call
        for row in self.competences:
            if row.must and (
                row.competence_id not in held
                or (call.involves_vulnerable and held[row.competence_id] is None)
            ):
                return False
        for row in self.languages:
            if row.must and spoken.get(row.language, {}).get(row.skill, 0) < row.min_level:
                return False
        return interpreting >= call.interpreting_min


PROFILE_COLUMNS = ("member_id", "sector", "interpreting", "free_terms")


def _candidates(criteria):
    """{profile id: (member id, sector, interpreting, free terms)}, with the competences and languages of
    the call each holds: every member who may be suggested and fits at least one criterion.

    Each query reads the rows of one kind of criterion with the profile's columns joined, so the
    number of queries depends on the call, never on the number of members."""
    call = criteria.call
    town = call.municipality_id
    suggested = {"profile__suggest_me": True, "profile__member__is_active": True}
    joined = tuple(f"profile__{column}" for column in PROFILE_COLUMNS)
    profiles, held, spoken = {}, {}, {}
    if criteria.competences:
        # The competences are the town's own, so are the rows that hold them (and the index by
        # competence is the one to use: a filter by town would lead SQLite to the town's index).
        rows = MemberCompetence.objects.filter(competence__in=list(criteria.names), **suggested).values_list(
            "profile_id", *joined, "competence_id", "confirmed_at", "confirmed_by__name"
        )
        for profile_id, *columns, competence_id, confirmed_at, organisation in rows:
            profiles[profile_id] = tuple(columns)
            held.setdefault(profile_id, {})[competence_id] = organisation if confirmed_at else None
    if criteria.languages:
        known = Q(pk__in=[])
        for row in criteria.languages:
            known |= Q(language=row.language, **{f"{row.skill}__gte": row.min_level})
        rows = MemberLanguage.objects.filter(known, municipality=town, **suggested).values_list(
            "profile_id", *joined, "language", "speak", "understand", "write"
        )
        for profile_id, *columns, language, speak, understand, write in rows:
            profiles[profile_id] = tuple(columns)
            spoken.setdefault(profile_id, {})[language] = {
                "speak": speak,
                "understand": understand,
                "write": write,
            }
    others = []
    if any(row.must for row in (*criteria.competences, *criteria.languages)):
        # Whoever meets a condition holds that competence or speaks that language: read above already.
        return profiles, held, spoken
    if criteria.competences and not call.involves_vulnerable:
        others += [Q(free_terms__icontains=name) for name in criteria.names.values()]
    if call.interpreting_min:
        others.append(Q(interpreting__gte=call.interpreting_min))
    if not (criteria.competences or criteria.languages or call.interpreting_min):
        # A call that names no competence, language or interpreting: the sector and the field decide.
        if call.sector:
            others.append(Q(sector=call.sector))
        if call.field_id:
            others.append(Q(interests=call.field_id))
    if others:
        rows = Profile.objects.filter(
            reduce(operator.or_, others), municipality=town, suggest_me=True, member__is_active=True
        )
        for profile_id, *columns in rows.values_list("pk", *PROFILE_COLUMNS).distinct():
            profiles[profile_id] = tuple(columns)
    return profiles, held, spoken


def _tiebreak(call, member_id):
    """A fixed order among equal scores that follows neither the member's age nor chance (Knuth's
    multiplicative hash of member and call)."""
    return (member_id * 2654435761 + call.pk * 40503) % 4294967296


def rank(call, *, limit=25, with_members=True):
    """The members who fit `call`, best first, at most `limit` (None: all), each a `Match` with reasons."""
    criteria = Criteria(call)
    profiles, held, spoken = _candidates(criteria)
    if not profiles:
        return []
    interested = set()
    if call.field_id:
        interested = set(
            Profile.interests.through.objects.filter(
                field=call.field_id, profile__suggest_me=True
            ).values_list("profile_id", flat=True)
        )
    since = timezone.now() - timedelta(days=SPREAD_DAYS)
    asked = dict(
        CallInvitation.objects.filter(municipality=call.municipality_id, invited_at__gte=since)
        .exclude(call=call)
        .values("member_id")
        .annotate(count=Count("pk"))
        .values_list("member_id", "count")
    )
    scored = []
    for profile_id, (member_id, sector, interpreting, free_terms) in profiles.items():
        owned, known = held.get(profile_id, {}), spoken.get(profile_id, {})
        if not criteria.meets_conditions(owned, known, interpreting):
            continue
        reasons = _reasons(
            criteria,
            owned,
            known,
            sector,
            interpreting,
            free_terms,
            profile_id in interested,
            asked.get(member_id, 0),
        )
        if any(points > 0 for _kind, points, _params in reasons):
            score = sum(points for _kind, points, _params in reasons)
            scored.append((-score, _tiebreak(call, member_id), profile_id, member_id, reasons))
    best = sorted(scored) if limit is None else heapq.nsmallest(limit, scored)
    matches = [
        Match(profile_id, member_id, [Reason(*reason) for reason in reasons], tiebreak)
        for _score, tiebreak, profile_id, member_id, reasons in best
    ]
    if with_members and matches:
        _attach_members(call, matches)
    return matches


def _reasons(criteria, held, spoken, sector, interpreting, free_terms, interested, asked):
    """The reasons for one profile's score, as (kind, points, params): the one place points are given."""
    call, reasons = criteria.call, []
    terms = [term.strip().casefold() for term in free_terms.split(",") if term.strip()] if free_terms else ()
    for row in criteria.competences:
        name = criteria.names[row.competence_id]
        if row.competence_id in held and not (call.involves_vulnerable and held[row.competence_id] is None):
            reasons.append(("competence", WEIGHTS["competence"], {"name": name}))
            if held[row.competence_id] is not None:
                organisation = held[row.competence_id]
                reasons.append(
                    ("confirmed", WEIGHTS["confirmed"], {"name": name, "organisation": organisation})
                )
        elif terms and not call.involves_vulnerable:
            folded = name.casefold()
            term = next((term for term in terms if term in folded or folded in term), None)
            if term is not None:
                reasons.append(("free_term", WEIGHTS["free_term"], {"term": term}))
    for row in criteria.languages:
        level = spoken.get(row.language, {}).get(row.skill, 0)
        if level >= row.min_level:
            params = {"language": row.language, "skill": row.skill, "level": level, "asked": row.min_level}
            reasons.append(("language", WEIGHTS["language"], params))
            above = min(level - row.min_level, LANGUAGE_LEVELS_COUNTED)
            if above:
                reasons.append(("language_level", above * WEIGHTS["language_level"], params))
    if call.interpreting_min and interpreting > call.interpreting_min:
        points = (interpreting - call.interpreting_min) * WEIGHTS["interpreting_level"]
        reasons.append(("interpreting_level", points, {"level": interpreting}))
    if call.sector and sector == call.sector:
        reasons.append(("sector", WEIGHTS["sector"], {}))
    if interested:
        reasons.append(("interest", WEIGHTS["interest"], {}))
    if asked:
        points = -min(asked * SPREAD_POINTS, SPREAD_MAX)
        reasons.append(("spread", points, {"count": asked, "days": SPREAD_DAYS}))
    return reasons


def _attach_members(call, matches):
    """The shown members with their names, and this call's request to each, if any (two queries)."""
    from ankommen.accounts.models import Member

    ids = [match.member_id for match in matches]
    members = Member.objects.select_related("user").in_bulk(ids)
    invitations = {
        invitation.member_id: invitation
        for invitation in CallInvitation.objects.filter(call=call, member__in=ids)
    }
    for match in matches:
        match.member = members[match.member_id]
        match.invitation = invitations.get(match.member_id)
