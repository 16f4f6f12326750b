"""The whole permission matrix, asked of `may()` directly and compared with the policy written out.

Every role (a visitor, a member of another town holding every role there, the town's system
actor and each role of the town) × every stage kind × planned / open / closed × public /
members-only × a shown / hidden / withdrawn item × every registered action, and each stage kind
closed in an archived field and as an archived stage. The expected answer comes
from `POLICY` below, a table a person reads as the town's rules, not from the rules' code; so a
rule that drifts from the policy fails here. A new action joins with one line in `POLICY` (and a
target in `TARGETS` if it asks about a new kind of object); a test fails for an action missing.

Nothing is written: stages and items are built in memory, so the ~20,000 answers take seconds.
"""

from dataclasses import dataclass
from datetime import timedelta
from itertools import product

import pytest
from django.utils import timezone

from ankommen.accounts.models import JoinRequest, Member
from ankommen.circle.models import (
    Call,
    CallInvitation,
    CallStatus,
    Organisation,
    OrganisationMembership,
    Profile,
)
from ankommen.concept.models import Field, Stage, StageKind, StageStatus
from ankommen.concept.services import default_stage_rules
from ankommen.core.actors import SystemActor
from ankommen.core.models import ReviewRequest
from ankommen.core.registry import registry
from ankommen.core.roles import role_codes
from ankommen.core.rules import may
from ankommen.council.models import (
    Attachment,
    Consultation,
    CoSignature,
    Decision,
    Measure,
    Meeting,
    Submission,
    SubmissionStatus,
)
from ankommen.dialogue.models import Comment, Contribution, ContributionKind
from ankommen.events.models import AgendaEntry, Event, MinutesPoint, Registration, Session
from ankommen.legal.models import TermsVersion
from tests.testapp.models import Note

# --- who asks -----------------------------------------------------------------------------------

VISITOR, STRANGER, SYSTEM = "visitor", "stranger", "system"
ADMIN, MODERATOR, EXPERT, MULTIPLIER, MEMBER, TRANSLATOR, EDITOR = (
    "admin",
    "moderator",
    "expert",
    "multiplier",
    "member",
    "translator",
    "editor",  # the stories' editorial staff ("Redaktion")
)
ASKERS = [VISITOR, STRANGER, SYSTEM, MEMBER, TRANSLATOR, EXPERT, MULTIPLIER, EDITOR, MODERATOR, ADMIN]

# Groups the policy speaks of.
NOBODY = frozenset()
STAFF = frozenset({MODERATOR, ADMIN})
TOWN = frozenset({MEMBER, TRANSLATOR, EXPERT, MULTIPLIER, EDITOR, MODERATOR, ADMIN})  # the town's people
EVERYONE = frozenset({VISITOR, STRANGER}) | TOWN  # people; the system actor is not one of them
TRANSLATING = frozenset({TRANSLATOR, MODERATOR, ADMIN, SYSTEM})


# --- the policy, as the town reads it -------------------------------------------------------------

# Who writes in a new stage of each kind (the stage's default rules; admins change them per stage,
# tests/core/test_rules.py shows that they are data).
CONTRIBUTORS = {
    StageKind.STOCKTAKING: frozenset({EXPERT, ADMIN}),
    StageKind.OPTIONS: frozenset({MULTIPLIER, ADMIN}),
    StageKind.DECISION: NOBODY,
    StageKind.IMPLEMENTATION: NOBODY,
}
# Who supports in a new stage of each kind.
SUPPORTERS = {
    StageKind.STOCKTAKING: TOWN,
    StageKind.OPTIONS: TOWN,
    StageKind.DECISION: NOBODY,
    StageKind.IMPLEMENTATION: NOBODY,
}
# Kinds of stage that take contributions at all (staff enter paper input only there).
TAKES_CONTRIBUTIONS = {StageKind.STOCKTAKING, StageKind.OPTIONS}
# Kinds of contribution raised to a recommendation, and the stage kind where that happens.
PROMOTABLE = {(StageKind.OPTIONS, ContributionKind.OPTION)}


@dataclass(frozen=True)
class Row:
    """One line of the policy: who may, on what, and what must hold besides."""

    target: str  # a key of TARGETS
    who: object  # a set of askers, or a function of the situation giving one
    open_stage: bool = False  # only while the stage is open
    shown_item: bool = False  # only while the item is neither hidden nor withdrawn
    per_target: bool = False  # `who` is a function of the situation and the kind of target


@dataclass(frozen=True)
class Situation:
    kind: str
    status: str
    public: bool
    hidden: bool
    item_kind: str = ""
    published: bool = True  # a version of the terms
    withdrawn: bool = False  # the item, by its author
    archived: str = ""  # "", "field" (the stage's field is archived) or "stage"


def readers(situation):
    """A public stage is read by everyone, a members-only one by the town's people; the system reads both."""
    return (EVERYONE if situation.public else TOWN) | {SYSTEM}


def contributors(situation):
    return CONTRIBUTORS[situation.kind]


def paper_staff(situation):
    return STAFF if situation.kind in TAKES_CONTRIBUTIONS else NOBODY


def writers_in_stage(situation):
    return contributors(situation) | paper_staff(situation)


def supporters(situation):
    return SUPPORTERS[situation.kind]


def promoters(situation):
    promotable = (situation.kind, situation.item_kind) in PROMOTABLE
    return contributors(situation) if promotable else NOBODY


def flaggers(situation):
    """The town's people who can read the item (and only while it shows: `shown_item`)."""
    return readers(situation) & TOWN


def answerers(situation):
    """The official answer to an option or a recommendation (never a finding): the admins, in any state of
    the stage. (A multiplier of the administration answers too: tests/dialogue/test_permissions.py; the
    multiplier here is from civil society.)"""
    return frozenset({ADMIN}) if situation.item_kind != ContributionKind.FINDING else NOBODY


def unless_hidden(who):
    return lambda situation: NOBODY if situation.hidden else who


def if_hidden(who):
    return lambda situation: who if situation.hidden else NOBODY


def stage_runners(situation):
    """An archived stage, or one of an archived field, stays as it is."""
    return NOBODY if situation.archived else STAFF


def text_readers(situation):
    """What an item says, asked of one the reader already sees (`view_item`): the staff always; everyone
    else while it shows; its author (the member) also once withdrawn, not once hidden."""
    if situation.hidden:
        return STAFF
    if situation.withdrawn:
        return STAFF | {MEMBER}
    return EVERYONE | {SYSTEM}


def archivers(situation, target):
    """The admins archive a field or a stage that is not archived yet…"""
    return NOBODY if situation.archived == target else frozenset({ADMIN})


def unarchivers(situation, target):
    """… and take an archived one back out."""
    return frozenset({ADMIN}) if situation.archived == target else NOBODY


def minute_takers(situation):
    """A point of a stocktaking session's minutes becomes a finding: the admins who organise it, while it runs."""
    return frozenset({ADMIN}) & paper_staff(situation) if situation.kind == StageKind.STOCKTAKING else NOBODY


def terms_readers(situation):
    return EVERYONE | {SYSTEM} if situation.published else frozenset({ADMIN})


POLICY = {
    # the town
    "administer": Row("town", frozenset({ADMIN})),
    "moderate_town": Row("town", STAFF),
    "invite": Row("town", frozenset({ADMIN, SYSTEM})),
    "translate": Row("town", TRANSLATING),
    # a stage
    "view_stage": Row("stage", readers),
    "run_stage": Row("stage", stage_runners),
    "archive": Row("archived", archivers, per_target=True),
    "unarchive": Row("archived", unarchivers, per_target=True),
    "contribute": Row("stage", contributors, open_stage=True),
    "record_on_paper": Row("stage", paper_staff, open_stage=True),
    "write_in_stage": Row("stage", writers_in_stage, open_stage=True),
    # a contribution or a comment
    "view_item": Row("item", readers),
    "comment": Row("contribution", TOWN, open_stage=True, shown_item=True),
    "record_comment_on_paper": Row("contribution", STAFF, open_stage=True, shown_item=True),
    "write_comment": Row("contribution", TOWN, open_stage=True, shown_item=True),
    "support": Row("contribution", supporters, open_stage=True, shown_item=True),
    "promote": Row("contribution", promoters, open_stage=True, shown_item=True),
    "flag": Row("item", flaggers, shown_item=True),
    "moderate": Row("item", STAFF),
    "see_hidden_text": Row("item", STAFF),
    "hide": Row("item", unless_hidden(STAFF)),
    "show": Row("item", if_hidden(STAFF)),
    "request_review": Row("item", if_hidden(frozenset({MEMBER}))),  # its author
    "resolve_review": Row("review", STAFF),  # an open request
    "answer_contribution": Row("contribution", answerers, shown_item=True),
    "edit_item": Row("item", frozenset({MEMBER}), open_stage=True, shown_item=True),  # its author
    "withdraw_item": Row("item", frozenset({MEMBER}), open_stage=True, shown_item=True),
    "read_text": Row("item", text_readers),
    # the town's members
    "deactivate_member": Row("member", frozenset({ADMIN})),  # an active one, not oneself
    "reactivate_member": Row("deactivated member", frozenset({ADMIN})),
    # one's own data: the person themselves (here the member asked about), never someone else
    "see_own_data": Row("member", frozenset({MEMBER})),
    "erase_account": Row("member", frozenset({MEMBER})),  # and not the town's last admin
    # notifications: the town's people hear of what concerns them, and follow what they may read
    "receive_notifications": Row("town", TOWN),
    "follow": Row("item", lambda situation: readers(situation) & TOWN),
    # a request to join, while it waits
    "decide_join_request": Row("join request", frozenset({ADMIN})),
    # the legal pages
    "view_terms_version": Row("terms", terms_readers),
    # the open circle: one's own profile, and what the town's people show each other (members by default);
    # the town's list of competences, its organisations and its calls are the admins'; a draft call too
    "edit_profile": Row("member", frozenset({MEMBER})),
    "view_profile": Row("profile", TOWN),
    "search_members": Row("town", STAFF),
    "keep_circle": Row("town", frozenset({ADMIN})),
    "confirm_competence": Row("organisation membership", frozenset({ADMIN})),  # and its contact persons
    "view_call": Row("draft call", frozenset({ADMIN})),  # a published one: everyone
    "publish_call": Row("draft call", frozenset({ADMIN})),
    "answer_call": Row("call", TOWN | {VISITOR}),  # a member of another town answers as a visitor
    "close_call": Row("call", frozenset({ADMIN})),
    "invite_to_call": Row("call", frozenset({ADMIN})),
    "answer_invitation": Row("call invitation", frozenset({MEMBER})),  # the member asked
    # the council: the admins keep it and write the submissions; a released, public submission is
    # everyone's (tests/council); a department's members co-sign (none of the roles here belongs to one)
    "keep_council": Row("town", frozenset({ADMIN})),
    "view_submission": Row("draft submission", frozenset({ADMIN})),
    "edit_submission": Row("draft submission", frozenset({ADMIN})),
    "release_submission": Row("draft submission", frozenset({ADMIN})),
    "withdraw_submission": Row("draft submission", frozenset({ADMIN})),
    "cosign": Row("cosignature", NOBODY),
    "view_own_cosignatures": Row("member", frozenset({MEMBER})),
    "record_decision": Row("released consultation", frozenset({ADMIN})),
    "announce_decision": Row("private decision", frozenset({ADMIN})),
    "view_attachment": Row("meeting file", EVERYONE | {SYSTEM}),
    "keep_measure": Row("measure", frozenset({ADMIN})),
    # events: everyone reads a published event, the town's people register themselves (and cancel
    # their own registration); the admins keep the events and organise each (members named as an
    # event's organisers too: tests/events); a draft is its organisers'
    "keep_events": Row("town", frozenset({ADMIN})),
    "view_event": Row("draft event", frozenset({ADMIN})),  # a published one: everyone
    "organise_event": Row("event", frozenset({ADMIN})),
    "register": Row("event", TOWN),
    "register_for_session": Row("session", TOWN),
    "cancel_registration": Row("registration", frozenset({MEMBER, ADMIN})),  # one's own, or the organisers
    "register_someone": Row("event", frozenset({ADMIN})),
    "check_in": Row("event", frozenset({ADMIN})),
    "write_minutes": Row("past event", frozenset({ADMIN})),
    "make_finding": Row("minutes point", minute_takers, open_stage=True),
    "cancel_event": Row("event", frozenset({ADMIN})),
    "view_needs": Row("event", frozenset({ADMIN})),
    "view_own_registrations": Row("town", TOWN),
    # the Seismograph: the admins keep the indicators and import values; the system for the commands
    "keep_indicators": Row("town", frozenset({ADMIN, SYSTEM})),
    "import_values": Row("town", frozenset({ADMIN, SYSTEM})),
    # the test app (tests/testapp): a note is public, written by the town's people; its attachment
    # is the author's (a member) and the staff's
    "view_note": Row("note", EVERYONE | {SYSTEM}),
    "write_note": Row("town", TOWN),
    "see_note_attachment": Row("note", STAFF | {MEMBER}),
}
# Actions asked of more than one kind of object: the same line applies to each…
ALSO_ON = {"translate": ["item"]}
# … unless the other kind has its own answer here: {(action, target kind): who}.
ANSWERS_ON = {}


def expected(action, situation, target=None):
    """The askers the policy allows `action` on the `target` kind in `situation`."""
    if (action, target) in ANSWERS_ON:
        return ANSWERS_ON[action, target]
    row = POLICY[action]
    if row.per_target:
        who = row.who(situation, target)
    else:
        who = row.who(situation) if callable(row.who) else row.who
    if row.open_stage and situation.status != StageStatus.OPEN:
        return NOBODY
    if row.shown_item and (situation.hidden or situation.withdrawn):
        return NOBODY
    return frozenset(who)


# --- the objects asked about, built in memory ------------------------------------------------------


def _asker(name, town, other_town, author):
    if name == VISITOR:
        return None
    if name == SYSTEM:
        return SystemActor.of(town)
    if name == STRANGER:
        # Everything in their own town: it must count for nothing here.
        return Member(municipality=other_town).with_roles(set(role_codes()))
    if name == MEMBER:
        return author  # the author of the note (and of the items) is a plain member
    return Member(municipality=town).with_roles({name: "civil_society" if name == MULTIPLIER else ""})


def _field(town, situation):
    return Field(municipality=town, archived_at=timezone.now() if situation.archived == "field" else None)


def _stage(town, situation):
    return Stage(
        municipality=town,
        field=_field(town, situation),
        archived_at=timezone.now() if situation.archived == "stage" else None,
        kind=situation.kind,
        status=situation.status,
        is_public=situation.public,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
        **default_stage_rules(situation.kind),
    )


def _contribution(stage, situation, author):
    return Contribution(
        municipality=stage.municipality,
        stage=stage,
        kind=situation.item_kind,
        author=author,
        hidden_at=timezone.now() if situation.hidden else None,
        withdrawn_at=timezone.now() if situation.withdrawn else None,
    )


def _comment(contribution, situation, author):
    return Comment(
        municipality=contribution.municipality,
        contribution=contribution,
        author=author,
        hidden_at=timezone.now() if situation.hidden else None,
        withdrawn_at=timezone.now() if situation.withdrawn else None,
    )


def _event(town, *, days=1, published_at=timezone.now, stage=None):
    """An event `days` from now (begun an hour ago when in the past), published unless `published_at` is None."""
    starts = timezone.now() + timedelta(days=days)
    return Event(
        municipality=town,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        published_at=published_at() if published_at else None,
        stage=stage,
    )


# Each target: a function of (town, situation, author) giving the object asked about.
TARGETS = {
    "town": lambda town, situation, author: town,
    "stage": lambda town, situation, author: _stage(town, situation),
    "contribution": lambda town, situation, author: _contribution(_stage(town, situation), situation, author),
    "comment": lambda town, situation, author: _comment(
        _contribution(_stage(town, situation), situation, author), situation, author
    ),
    "terms": lambda town, situation, author: TermsVersion(
        municipality=town, number="1", published_at=timezone.now() if situation.published else None
    ),
    "field": lambda town, situation, author: _field(town, situation),
    "review": lambda town, situation, author: ReviewRequest(municipality=town),
    "member": lambda town, situation, author: author,
    "join request": lambda town, situation, author: JoinRequest(municipality=town, user=author.user),
    "deactivated member": lambda town, situation, author: Member(
        pk=author.pk, municipality=town, user=author.user, is_active=False
    ),
    "profile": lambda town, situation, author: Profile(municipality=town, member=author),
    "organisation membership": lambda town, situation, author: OrganisationMembership(
        municipality=town, member=author, organisation=Organisation(municipality=town)
    ),
    "call": lambda town, situation, author: Call(municipality=town, status=CallStatus.PUBLISHED),
    "draft submission": lambda town, situation, author: Submission(municipality=town),
    "cosignature": lambda town, situation, author: CoSignature(
        municipality=town,
        submission=Submission(municipality=town),
        department=Organisation(municipality=town),
    ),
    "released consultation": lambda town, situation, author: Consultation(
        municipality=town, submission=Submission(municipality=town, status=SubmissionStatus.RELEASED)
    ),
    "private decision": lambda town, situation, author: Decision(
        municipality=town, consultation=Consultation(municipality=town, is_public=False)
    ),
    "meeting file": lambda town, situation, author: Attachment(
        municipality=town, meeting=Meeting(municipality=town)
    ),
    "measure": lambda town, situation, author: Measure(municipality=town),
    "draft call": lambda town, situation, author: Call(municipality=town, status=CallStatus.DRAFT),
    "call invitation": lambda town, situation, author: CallInvitation(
        municipality=town, member=author, call=Call(municipality=town, status=CallStatus.PUBLISHED)
    ),
    "event": lambda town, situation, author: _event(town),
    "draft event": lambda town, situation, author: _event(town, published_at=None),
    "past event": lambda town, situation, author: _event(town, days=-1),
    "session": lambda town, situation, author: Session(municipality=town, event=_event(town), capacity=10),
    "registration": lambda town, situation, author: Registration(
        municipality=town, event=_event(town), member=author, status="confirmed"
    ),
    "minutes point": lambda town, situation, author: MinutesPoint(
        municipality=town,
        agenda_item=AgendaEntry(
            municipality=town, event=_event(town, days=-1, stage=_stage(town, situation))
        ),
    ),
    "note": lambda town, situation, author: Note(
        municipality=town, author=author, hidden_at=timezone.now() if situation.hidden else None
    ),
}
# "item" in the policy: a contribution and a comment alike.
TARGET_KINDS = {"item": ["contribution", "comment"], "archived": ["stage", "field"]}

# Contribution kinds met in each stage kind (decision and implementation carry the recommendations).
ITEM_KINDS = {
    StageKind.STOCKTAKING: [ContributionKind.FINDING],
    StageKind.OPTIONS: [ContributionKind.OPTION, ContributionKind.RECOMMENDATION],
    StageKind.DECISION: [ContributionKind.RECOMMENDATION],
    StageKind.IMPLEMENTATION: [ContributionKind.RECOMMENDATION],
}

ITEM_STATES = {"shown": (False, False), "hidden": (True, False), "withdrawn": (False, True)}

SITUATIONS = [
    Situation(kind, status, public, hidden, item_kind, withdrawn=withdrawn)
    for kind, status, public, (hidden, withdrawn) in product(
        StageKind.values, StageStatus.values, (True, False), ITEM_STATES.values()
    )
    for item_kind in ITEM_KINDS[kind]
] + [
    Situation(kind, StageStatus.CLOSED, True, False, ITEM_KINDS[kind][0], archived=archived)
    for kind, archived in product(StageKind.values, ("field", "stage"))
]


def _situation_id(situation):
    return "-".join(
        (
            situation.kind,
            situation.status,
            "public" if situation.public else "members-only",
            "hidden" if situation.hidden else "withdrawn" if situation.withdrawn else "shown",
            situation.item_kind,
            *([f"archived-{situation.archived}"] if situation.archived else []),
        )
    )


def test_every_registered_action_is_in_the_policy():
    """A new action needs its line in POLICY: who may, on what, when."""
    assert set(registry.rules) == set(POLICY)


@pytest.mark.parametrize("situation", SITUATIONS, ids=_situation_id)
def test_may_answers_every_role_and_action_as_the_policy_says(town, other_town, people, situation):
    author = people["mitglied"]
    askers = {name: _asker(name, town, other_town, author) for name in ASKERS}
    wrong = {}
    for action, row in POLICY.items():
        for target_name in [row.target, *ALSO_ON.get(action, [])]:
            for kind in TARGET_KINDS.get(target_name, [target_name]):
                target = TARGETS[kind](town, situation, author)
                allowed = frozenset(name for name, asker in askers.items() if may(asker, action, target))
                want = expected(action, situation, kind)
                if allowed != want:
                    wrong[f"{action} on {kind}"] = {
                        "allowed but not in the policy": sorted(allowed - want),
                        "in the policy but refused": sorted(want - allowed),
                    }
    assert not wrong, wrong


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
def test_a_version_of_the_terms_is_read_as_the_policy_says(town, other_town, people, published):
    situation = Situation(StageKind.STOCKTAKING, StageStatus.OPEN, True, False, published=published)
    askers = {name: _asker(name, town, other_town, people["mitglied"]) for name in ASKERS}
    target = TARGETS["terms"](town, situation, None)
    allowed = {name for name, asker in askers.items() if may(asker, "view_terms_version", target)}
    assert allowed == expected("view_terms_version", situation)


# --- the Seismograph's signals: early warnings and observations, for the town's people -------------------
# (appended: the lines and targets join POLICY and TARGETS above before any test asks them)

from ankommen.concept.models import District  # noqa: E402
from ankommen.seismograph.models import Signal, SignalKind, SignalStatus  # noqa: E402


def _signal(town, situation, *, status=SignalStatus.OPEN, field=True):
    """An open warning of a field; a closed stage, or an archived one, changes nothing about it."""
    if field:
        field = _field(town, situation)
        field.pk = 1  # a field the warning names (in memory, as everything here)
    return Signal(
        municipality=town,
        kind=SignalKind.WARNING,
        district=District(municipality=town),
        field=field or None,
        status=status,
    )


def signal_deciders(situation, target):
    """An open signal of a field becomes a finding in the field's stocktaking, running or not: the staff
    decide. A decided signal has nothing left to decide, one without a field no field to go into."""
    return STAFF if target == "signal" else NOBODY


def signal_dismissers(situation, target):
    return NOBODY if target == "decided signal" else STAFF


def source_recorders(situation):
    """Staff take a finding from another part of the product (a warning) into a stage of a kind that takes
    contributions, running or not; not into an archived stage or field."""
    return NOBODY if situation.archived else paper_staff(situation)


POLICY.update(
    {
        "record_from_source": Row("stage", source_recorders),
        "view_signals": Row("town", TOWN),
        "view_signal": Row("signal", TOWN),
        "add_observation": Row("town", TOWN),
        "record_observation_on_paper": Row("town", STAFF),
        "compute_warnings": Row("town", frozenset({ADMIN, SYSTEM})),
        "make_finding_from_signal": Row("signal", signal_deciders, per_target=True),
        "dismiss_signal": Row("signal", signal_dismissers, per_target=True),
    }
)
ALSO_ON.update(
    {
        # A decided signal, and one without a field: nothing more to decide, no field to take it into.
        "make_finding_from_signal": ["decided signal", "signal without a field"],
        "dismiss_signal": ["decided signal"],
        "view_signal": ["decided signal"],
    }
)
TARGETS.update(
    {
        "signal": lambda town, situation, author: _signal(town, situation),
        "decided signal": lambda town, situation, author: _signal(
            town, situation, status=SignalStatus.DISMISSED
        ),
        "signal without a field": lambda town, situation, author: _signal(town, situation, field=False),
    }
)


# --- arrival stories: the editorial staff and the admins write and publish, the teller works on their own --

from ankommen.stories.models import (  # noqa: E402
    Brochure,
    Consent,
    Purpose,
    Story,
    StoryComment,
    StoryStatus,
)

EDITING = frozenset({EDITOR, ADMIN, SYSTEM})  # the system for the demo and the commands
TELLER = frozenset({MEMBER})  # the story's storyteller (the member asked about)
PUBLIC = EVERYONE | {SYSTEM}


def _consent(story, *, purpose=Purpose.WEB, withdrawn=False):
    return Consent(
        municipality=story.municipality,
        story=story,
        purpose=purpose,
        given_on=timezone.localdate() - timedelta(days=1),
        withdrawn_at=timezone.now() if withdrawn else None,
    )


def _story(town, author, *, status=StoryStatus.DRAFT, consent=True, under_16=False):
    """A story told by `author`, with a consent to the web that holds (unless `consent` is false)."""
    story = Story(municipality=town, storyteller=author, status=status, under_16=under_16)
    story.consents_prefetched = [_consent(story)] if consent else []
    return story


POLICY.update(
    {
        "view_story": Row("published story", PUBLIC),
        "view_story_photo": Row("published story", PUBLIC),
        "work_on_stories": Row("town", EDITING),
        "edit_story": Row("draft story", EDITING | TELLER),
        "submit_story": Row("draft story", EDITING | TELLER),
        "publish_story": Row("draft story", EDITING),
        "unpublish_story": Row("published story", EDITING),
        "note_on_story": Row("draft story", EDITING | TELLER),
        "record_consent": Row("draft story", EDITING),
        "give_consent": Row("draft story", TELLER),
        "withdraw_consent": Row("consent", EDITING | TELLER),
        "view_consent_scan": Row("consent", EDITING | TELLER),
        "comment_on_story": Row("published story", TOWN),
        "view_story_comment": Row("story comment", PUBLIC),
        "keep_brochures": Row("town", EDITING),
        "download_brochure": Row("published brochure", PUBLIC),
    }
)
# The same actions on the other states: (action, target, who).
STORY_CASES = [
    # a draft is its editors' and its teller's
    ("view_story", "draft story", EDITING | TELLER),
    ("view_story_photo", "draft story", EDITING | TELLER),
    ("comment_on_story", "draft story", NOBODY),
    # a published story: the teller no longer changes it, nobody hands it in or publishes it again
    ("edit_story", "published story", EDITING),
    ("submit_story", "published story", NOBODY),
    ("publish_story", "published story", NOBODY),
    ("unpublish_story", "draft story", NOBODY),
    # published, but its consent to the web withdrawn: nobody outside reads it any more
    ("view_story", "published story without consent", EDITING | TELLER),
    ("comment_on_story", "published story without consent", NOBODY),
    ("publish_story", "story without consent", NOBODY),  # never without a consent to the web
    ("submit_story", "story in review", NOBODY),
    ("publish_story", "story in review", EDITING),
    ("give_consent", "story of a child", NOBODY),  # a guardian signs on paper
    ("record_consent", "story of a child", EDITING),
    ("withdraw_consent", "withdrawn consent", NOBODY),
    ("view_consent_scan", "withdrawn consent", EDITING | TELLER),
    ("view_story_comment", "comment on a draft", EDITING | TELLER),
    ("download_brochure", "brochure in the works", EDITING),
]
ALSO_ON.update(
    {
        action: [target for each, target, _who in STORY_CASES if each == action]
        for action, _target, _who in STORY_CASES
    }
)
TARGETS.update(
    {
        "draft story": lambda town, situation, author: _story(town, author),
        "story in review": lambda town, situation, author: _story(town, author, status=StoryStatus.REVIEW),
        "published story": lambda town, situation, author: _story(town, author, status=StoryStatus.PUBLISHED),
        "published story without consent": lambda town, situation, author: _story(
            town, author, status=StoryStatus.PUBLISHED, consent=False
        ),
        "story without consent": lambda town, situation, author: _story(town, author, consent=False),
        "story of a child": lambda town, situation, author: _story(town, author, under_16=True),
        "consent": lambda town, situation, author: _consent(_story(town, author)),
        "withdrawn consent": lambda town, situation, author: _consent(_story(town, author), withdrawn=True),
        "story comment": lambda town, situation, author: StoryComment(
            municipality=town, story=_story(town, author, status=StoryStatus.PUBLISHED)
        ),
        "comment on a draft": lambda town, situation, author: StoryComment(
            municipality=town, story=_story(town, author)
        ),
        "published brochure": lambda town, situation, author: Brochure(
            municipality=town, published_at=timezone.now()
        ),
        "brochure in the works": lambda town, situation, author: Brochure(municipality=town),
    }
)
ANSWERS_ON.update({(action, target): who for action, target, who in STORY_CASES})
