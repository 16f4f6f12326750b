"""The object types the interface serves: which rows, fetched with what, written how.

One `Kind` per OParl type, named by its address segment (`/oparl/1.1/paper/7/`, the body's list
`/oparl/1.1/body/<town>/paper/`). A list page or an object costs a fixed number of queries: the
rows, and one query per embedded list for the whole page (`children`).

Papers, and the types mostly embedded in others (consultations, agenda items, files, memberships),
are read as plain rows of the columns they show, with what they need to know of their related rows
computed in the same query (`annotations`): a page of 100 papers embeds 400 consultations, and
building 2,000 model instances for them cost more than all the rest of the page. The others
(meeting, person, organization, location, legislative term) are read as model instances.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce

from ankommen.council.models import (
    ADOPTING,
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Person,
    Submission,
)
from ankommen.council.oparl import objects
from ankommen.council.oparl.public import (
    once_public_submission,
    own_live,
    public_consultation,
    public_file,
    public_submission,
    shown_parent,
)


def flag(condition):
    """A condition as a column of the row (NULL, read as false, where a related row is missing)."""
    return ExpressionWrapper(condition, output_field=BooleanField())


def _no_children(town, rows):
    pass


@dataclass(frozen=True)
class Kind:
    segment: str
    type_name: str
    model: type
    shown: Q
    render: Callable
    # Among our own rows not shown: those that come as deleted with `modified_since` (None: all).
    once_shown: Q | None = None
    # Plain rows: the columns read, and computed ones. None: model instances.
    columns: tuple[str, ...] | None = None
    annotations: dict = field(default_factory=dict)
    related: tuple[str, ...] = ()  # for model instances: related rows read in the same query
    children: Callable = _no_children  # (town, rows): reads and attaches the embedded lists
    # The rows shown, as the model's own querysets say it where they can (`public()`, `own()`).
    queryset: Callable | None = None
    # Objects on a page where the client asks no `limit`. A meeting embeds its agenda (14 items on
    # average in bench/oparl.py): 25 meetings are about as much to read and write as 100 papers
    # with their consultations.
    page_size: int = 100

    def served(self, town):
        """The rows shown in full."""
        if self.queryset is not None:
            return self.queryset(town)
        return self.model.objects.for_municipality(town).filter(self.shown)

    def served_or_gone(self, town):
        """The rows shown and those a client is told are deleted, each marked `oparl_shown`."""
        rows = self.model.objects.for_municipality(town).own()
        if self.once_shown is not None:
            rows = rows.filter(self.shown | self.once_shown)
        return rows.annotate(oparl_shown=flag(self.shown))

    def fetched(self, queryset):
        """`queryset` with everything rendering needs, read in the same query."""
        queryset = queryset.annotate(**self.annotations)
        if self.columns is None:
            # (`select_related()` without names would follow every foreign key: only when named.)
            return queryset.select_related(*self.related) if self.related else queryset
        marks = ("oparl_shown",) if "oparl_shown" in queryset.query.annotations else ()
        return queryset.values(*self.columns, *self.annotations, *marks)

    def deleted(self, row, urls):
        return objects.deleted(self.type_name, row, urls, self.segment)


def grouped(rows, key):
    groups = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


# --- the rows embedded in others -----------------------------------------------------------------

MEMBERSHIP_SHOWN = own_live() & own_live("person__") & own_live("committee__")
MEMBERSHIP_COLUMNS = (
    "pk",
    "created",
    "modified",
    "person_id",
    "committee_id",
    "role",
    "voting_right",
    "start_date",
    "end_date",
)

CONSULTATION_COLUMNS = ("pk", "created", "modified", "submission_id", "committee_id", "meeting_id", "role")
CONSULTATION_ANNOTATIONS = {
    "committee_shown": flag(own_live("committee__")),
    "meeting_shown": flag(own_live("meeting__")),
    "item_id": F("agenda_item__pk"),
    "item_shown": flag(own_live("agenda_item__") & own_live("agenda_item__meeting__")),
}

AGENDA_ITEM_SHOWN = own_live() & shown_parent(Meeting, "meeting_id")
AGENDA_ITEM_COLUMNS = (
    "pk",
    "created",
    "modified",
    "meeting_id",
    "number",
    "name",
    "is_public",
    "consultation_id",
)
# What an item needs to say whether it is public and what was decided.
AGENDA_ITEM_ANNOTATIONS = {
    "consultation_public": flag(public_consultation("consultation__")),
    "decision_id": F("consultation__decision__pk"),
    "outcome": F("consultation__decision__outcome"),
    "wording": F("consultation__decision__wording"),
    "announced": flag(Q(consultation__decision__announced_at__isnull=False)),
    # As `Decision.effective_wording`: an adopted proposal without wording of its own is the proposal
    # (read only where it is needed: a proposal may be long).
    "resolution": Case(
        When(
            Q(consultation__decision__wording="", consultation__decision__outcome__in=ADOPTING),
            then=F("consultation__submission__decision_proposal"),
        ),
        default=F("consultation__decision__wording"),
    ),
}

FILE_COLUMNS = ("pk", "created", "modified", "title", "file", "size", "role", "submission_id", "meeting_id")


def _memberships(town):
    return Membership.objects.for_municipality(town).filter(MEMBERSHIP_SHOWN).order_by("pk")


def _files(town, **parents):
    return (
        Attachment.objects.for_municipality(town)
        .filter(public_file(), **parents)
        .order_by("role", "position", "pk")
        .values(*FILE_COLUMNS)
    )


def _agenda_order():
    """An item's place in its meeting's agenda, counted from 0 among the items shown (OParl's `order`)."""
    before = (
        AgendaItem.objects.filter(own_live(), meeting=OuterRef("meeting"))
        .filter(
            Q(position__lt=OuterRef("position")) | Q(position=OuterRef("position"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(before), 0)


# --- what each parent embeds, read for a whole page at once ----------------------------------------


def _committee_children(town, committees):
    seats = grouped(
        _memberships(town).filter(committee__in=committees).values("pk", "committee_id"), "committee_id"
    )
    for committee in committees:
        committee.oparl_membership_ids = [seat["pk"] for seat in seats[committee.pk]]


def _person_children(town, people):
    seats = grouped(_memberships(town).filter(person__in=people).values(*MEMBERSHIP_COLUMNS), "person_id")
    for person in people:
        person.oparl_memberships = seats[person.pk]


def _location_children(town, places):
    meetings = grouped(
        Meeting.objects.for_municipality(town)
        .filter(own_live(), location__in=places)
        .order_by("pk")
        .values("pk", "location_id"),
        "location_id",
    )
    for place in places:
        place.oparl_meeting_ids = [meeting["pk"] for meeting in meetings[place.pk]]


def _meeting_children(town, meetings):
    agenda = grouped(
        AgendaItem.objects.for_municipality(town)
        .filter(own_live(), meeting__in=meetings)
        .annotate(**AGENDA_ITEM_ANNOTATIONS)
        .order_by("position", "pk")
        .values(*AGENDA_ITEM_COLUMNS, *AGENDA_ITEM_ANNOTATIONS),
        "meeting_id",
    )
    files = grouped(_files(town, meeting__in=meetings), "meeting_id")
    for meeting in meetings:
        meeting.oparl_agenda = agenda[meeting.pk]
        meeting.oparl_files = files[meeting.pk]


def _paper_children(town, papers):
    ids = [paper["pk"] for paper in papers]
    consultations = grouped(
        Consultation.objects.for_municipality(town)
        .filter(public_consultation(), submission__in=ids)
        .annotate(**CONSULTATION_ANNOTATIONS)
        .order_by("position", "pk")
        .values(*CONSULTATION_COLUMNS, *CONSULTATION_ANNOTATIONS),
        "submission_id",
    )
    files = grouped(_files(town, submission__in=ids), "submission_id")
    for paper in papers:
        paper["consultations"] = consultations[paper["pk"]]
        paper["files"] = files[paper["pk"]]


KINDS = {
    kind.segment: kind
    for kind in (
        Kind("legislativeterm", "LegislativeTerm", LegislativeTerm, own_live(), objects.legislative_term),
        Kind(
            "organization",
            "Organization",
            Committee,
            own_live(),
            objects.organization,
            children=_committee_children,
        ),
        Kind("person", "Person", Person, own_live(), objects.person, children=_person_children),
        Kind(
            "membership",
            "Membership",
            Membership,
            MEMBERSHIP_SHOWN,
            objects.membership,
            columns=MEMBERSHIP_COLUMNS,
        ),
        Kind("location", "Location", Location, own_live(), objects.location, children=_location_children),
        Kind(
            "meeting",
            "Meeting",
            Meeting,
            own_live(),
            objects.meeting,
            related=("committee", "location"),
            children=_meeting_children,
            page_size=25,
        ),
        Kind(
            "agendaitem",
            "AgendaItem",
            AgendaItem,
            AGENDA_ITEM_SHOWN,
            objects.agenda_item,
            columns=AGENDA_ITEM_COLUMNS,
            annotations={**AGENDA_ITEM_ANNOTATIONS, "order": _agenda_order()},
        ),
        Kind(
            "paper",
            "Paper",
            Submission,
            public_submission(),
            objects.paper,
            once_shown=once_public_submission(),
            queryset=lambda town: Submission.objects.for_municipality(town).public().own(),
            # The parts of a Sitzungsvorlage (statement, proposal, …) are not the paper's in OParl.
            columns=("pk", "created", "modified", "subject", "reference", "date", "paper_type"),
            children=_paper_children,
        ),
        Kind(
            "consultation",
            "Consultation",
            Consultation,
            public_consultation(),
            objects.consultation,
            once_shown=Q(is_public=True) & once_public_submission("submission__"),
            queryset=lambda town: (
                Consultation.objects.for_municipality(town).public().own().filter(submission__origin="")
            ),
            columns=CONSULTATION_COLUMNS,
            annotations=CONSULTATION_ANNOTATIONS,
        ),
        Kind(
            "file",
            "File",
            Attachment,
            public_file(),
            objects.file,
            once_shown=Q(is_public=True)
            & (Q(submission__isnull=True) | once_public_submission("submission__")),
            columns=FILE_COLUMNS,
        ),
    )
}
