"""The object types the interface serves: which rows, fetched with what, written how.

One `Kind` per OParl type, named by its address segment (`/oparl/1.1/paper/7/`, the body's list
`/oparl/1.1/body/<town>/paper/`). A list page or an object costs a fixed number of queries: the
rows with their single related rows (`related`), and one query per embedded list (`prefetch`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from ankommen.council.models import (
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
    own_live,
    public_consultation,
    public_file,
    public_submission,
    released_submission,
)


def _nothing_more(town):
    return []


def _as_is(queryset):
    return queryset


@dataclass(frozen=True)
class Kind:
    segment: str
    type_name: str
    model: type
    shown: Q
    render: Callable
    # Among our own rows not shown: those that come as deleted with `modified_since` (None: all).
    once_shown: Q | None = None
    related: tuple[str, ...] = ()
    prefetch: Callable = _nothing_more  # (town) -> the lookups for `prefetch_related_objects`
    annotate: Callable = _as_is
    # The rows shown, as the model's own querysets say it where they can (`public()`, `own()`).
    queryset: Callable | None = None

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
        return rows.annotate(oparl_shown=ExpressionWrapper(self.shown, output_field=BooleanField()))

    def fetched(self, queryset):
        """`queryset` with what rendering needs in the same query."""
        return self.annotate(queryset.select_related(*self.related))

    def deleted(self, obj, urls):
        return objects.deleted(self.type_name, obj, urls, self.segment)


def _memberships(town):
    return Membership.objects.for_municipality(town).filter(MEMBERSHIP_SHOWN).order_by("pk")


def _public_files(town):
    return Attachment.objects.for_municipality(town).filter(public_file()).order_by("role", "position", "pk")


def _agenda_order(queryset):
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
    return queryset.annotate(oparl_order=Coalesce(Subquery(before), 0))


MEMBERSHIP_SHOWN = own_live() & own_live("person__") & own_live("committee__")
AGENDA_ITEM_SHOWN = own_live() & own_live("meeting__")
# What an agenda item needs to say whether it is public and what was decided.
AGENDA_ITEM_RELATED = ("consultation__submission", "consultation__decision")
CONSULTATION_RELATED = ("committee", "meeting", "agenda_item__meeting")

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
            prefetch=lambda town: [Prefetch("memberships", _memberships(town), to_attr="oparl_memberships")],
        ),
        Kind(
            "person",
            "Person",
            Person,
            own_live(),
            objects.person,
            prefetch=lambda town: [Prefetch("memberships", _memberships(town), to_attr="oparl_memberships")],
        ),
        Kind("membership", "Membership", Membership, MEMBERSHIP_SHOWN, objects.membership),
        Kind(
            "location",
            "Location",
            Location,
            own_live(),
            objects.location,
            prefetch=lambda town: [
                Prefetch(
                    "meetings",
                    Meeting.objects.for_municipality(town).filter(own_live()).only("pk", "location_id"),
                    to_attr="oparl_meetings",
                )
            ],
        ),
        Kind(
            "meeting",
            "Meeting",
            Meeting,
            own_live(),
            objects.meeting,
            related=("committee", "location"),
            prefetch=lambda town: [
                Prefetch(
                    "agenda",
                    AgendaItem.objects.for_municipality(town)
                    .filter(own_live())
                    .select_related(*AGENDA_ITEM_RELATED)
                    .order_by("position", "pk"),
                    to_attr="oparl_agenda",
                ),
                Prefetch("files", _public_files(town), to_attr="oparl_files"),
            ],
        ),
        Kind(
            "agendaitem",
            "AgendaItem",
            AgendaItem,
            AGENDA_ITEM_SHOWN,
            objects.agenda_item,
            related=AGENDA_ITEM_RELATED,
            annotate=_agenda_order,
        ),
        Kind(
            "paper",
            "Paper",
            Submission,
            public_submission(),
            objects.paper,
            once_shown=released_submission(),
            queryset=lambda town: Submission.objects.for_municipality(town).public().own(),
            prefetch=lambda town: [
                Prefetch(
                    "consultations",
                    Consultation.objects.for_municipality(town)
                    .filter(public_consultation())
                    .select_related(*CONSULTATION_RELATED)
                    .order_by("position", "pk"),
                    to_attr="oparl_consultations",
                ),
                Prefetch("attachments", _public_files(town), to_attr="oparl_files"),
            ],
        ),
        Kind(
            "consultation",
            "Consultation",
            Consultation,
            public_consultation(),
            objects.consultation,
            once_shown=released_submission("submission__"),
            queryset=lambda town: (
                Consultation.objects.for_municipality(town).public().own().filter(submission__origin="")
            ),
            related=CONSULTATION_RELATED,
        ),
        Kind(
            "file",
            "File",
            Attachment,
            public_file(),
            objects.file,
            once_shown=Q(submission__isnull=True) | released_submission("submission__"),
        ),
    )
}
