"""What the events show on other apps' pages: a field's upcoming events, and where a finding came from."""

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from ankommen.core.models import translations_of
from ankommen.core.translation import translated
from ankommen.dialogue.models import ContributionKind
from ankommen.events.models import Event, MinutesPoint

FIELD_EVENTS = 5


def field_events(context):
    """The field's next events (at most five), a link to all of them and to their calendar; nothing if none."""
    field = context.get("field")
    if field is None:
        return ""
    events = list(
        Event.objects.for_municipality(field.municipality_id)
        .published()
        .upcoming()
        .filter(fields=field)
        .with_translations(get_language())
        .order_by("starts_at", "id")[:FIELD_EVENTS]
    )
    if not events:
        return ""
    return render_to_string(
        "events/partials/field_events.html",
        {"events": events, "field": field},
        request=context.get("request"),
    )


def finding_source(context):
    """Under a finding taken from a session's minutes: the session, linked (for such findings only: one query, two in
    another language than German).

    A finding made from the minutes is entered like one handed in on paper, in the session's name
    (`services.make_finding`): other contributions ask nothing.
    """
    contribution = context.get("contribution")
    if contribution is None or contribution.kind != ContributionKind.FINDING or not contribution.paper_author:
        return ""
    point = (
        MinutesPoint.objects.for_municipality(contribution.municipality_id)
        .filter(finding=contribution)
        .select_related("agenda_item__event")
        .prefetch_related(*translations_of("agenda_item__event", get_language()))
        .first()
    )
    if point is None:
        return ""
    event = point.agenda_item.event
    title = translated(event, "title")
    link = format_html(
        '<a class="kern-link" href="{}#protokoll-punkt-{}" lang="{}">„{}“</a>',
        event.get_absolute_url(),
        point.pk,
        title.lang,
        title.text,
    )
    day = formats.date_format(timezone.localtime(event.starts_at), "DATE_FORMAT")
    return render_to_string("events/partials/finding_source.html", {"link": link, "day": day})
