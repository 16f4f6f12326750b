"""The words around an event's date: its weekday and its month, in the reader's language; the month's grid.

The date itself keeps the house's named formats (`DATE_FORMAT`, …); these name the day of the
week ("Mittwoch") a newcomer plans by, and a month ("Januar 2027") a calendar is headed with.
`month_events` writes a day's events of the month's grid in Python: a large town's month holds
some hundred events; `attendee_rows` an attendee list's rows, a conference's list some hundred people.
"""

from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, pgettext

from ankommen.core.moments import formatter
from ankommen.core.rules import may
from ankommen.core.translation import translated

register = template.Library()


@register.filter
def weekday(value):
    """ "Mittwoch": the day of the week of a date or a moment (in the town's time)."""
    return formats.date_format(template_localtime(value), "l") if value else ""


@register.filter
def weekday_short(value):
    """ "Mi": the day of the week, short (a calendar's column)."""
    return formats.date_format(template_localtime(value), "D") if value else ""


@register.filter
def year_month(value):
    """ "Januar 2027": a month in the language's own format."""
    return formats.date_format(value, "YEAR_MONTH_FORMAT") if value else ""


@register.filter
def same_day(start, end):
    """Do two moments fall on the same day in the town's time?"""
    return template_localtime(start).date() == template_localtime(end).date()


@register.simple_tag
def month_events(events):
    """`{% month_events day.events %}`: a day's events in the month's grid, each entry built once in Python
    (a month holds some hundred events in a large town, and an event of three days shows on each);
    every value escaped here, the markup our own."""
    time, address = formatter("TIME_FORMAT"), _address("events:event", "slug")  # read once for the day
    entries = "".join(_month_entry(event, time, address) for event in events)
    return mark_safe(f'<ul class="month-grid__events">{entries}</ul>')  # noqa: S308 (escaped entries)


def _month_entry(event, time, address):
    entry = getattr(event, "_month_entry", None)
    if entry is None:
        title = translated(event, "title")
        if event.is_cancelled:
            state = f' <span class="meta">{escape(pgettext("event", "abgesagt"))}</span>'
        elif event.registration and getattr(event, "free", None) == 0:
            state = f' <span class="meta">{escape(gettext("ausgebucht – Warteliste"))}</span>'
        else:
            state = ""
        marked = ' class="is-cancelled"' if event.is_cancelled else ""
        entry = event._month_entry = (
            f"<li{marked}>"
            f'<a class="kern-link kern-link--small" href="{escape(address(event.slug))}">'
            f'<span class="month-grid__time">{escape(time(event.starts_at))}</span> '
            f'<span lang="{escape(title.lang)}">{escape(title.text)}</span></a>{state}</li>'
        )
    return entry


@register.simple_tag(takes_context=True)
def attendee_rows(context, registrations, table):
    """`{% attendee_rows waiting "waiting" %}`: the rows of the attendee list's table `table` ("confirmed",
    "waiting" or "cancelled"), for `{% kern_table %}` to label; each value escaped here, the markup our own.

    Each row names the person (`bdi`: names come in every script) and how they registered; the
    confirmed and the waiting end with the link that cancels a registration (it asks first, then
    comes back to `back_here`), where the member may.
    """
    member, back_here = context["request"].member, quote(context["back_here"], safe="")
    # Read once for the list: the words, the language's format of a moment, the address to cancel.
    cancel_label = escape(pgettext("event", "Abmelden"))
    moment = formatter("SHORT_DATETIME_FORMAT")
    cancel_address = _address("events:cancel")
    rows = []
    for registration in registrations:
        person = f'<th class="kern-table__cell" scope="row">{_person(registration)}</th>'
        source = _cell(registration.source_text)
        if table == "cancelled":
            cells = [person, source, _moment_cell(registration.cancelled_at, moment)]
        else:
            address = f"{cancel_address(registration.pk)}?next={back_here}"
            cancel = f'<td class="kern-table__cell">{_cancel_link(member, registration, address, cancel_label)}</td>'
            if table == "waiting":
                queued = _moment_cell(registration.queued_at, moment)
                cells = [_cell(registration.position), person, source, queued, cancel]
            else:
                registered = _moment_cell(registration.registered_at, moment)
                checked_in = _moment_cell(registration.checked_in_at, moment)
                cells = [person, source, registered, checked_in, cancel]
        rows.append(f'<tr class="kern-table__row">{"".join(cells)}</tr>')
    return mark_safe("".join(rows))  # noqa: S308 (escaped values)


def _person(registration):
    """The name, and for someone without an account how to reach them."""
    name = f"<bdi>{escape(str(registration.display_name))}</bdi>"
    if registration.member_id:
        return name
    reach = " · ".join(
        f"<bdi>{escape(value)}</bdi>" for value in (registration.phone, registration.email) if value
    )
    return f'{name} <span class="meta">{reach}</span>' if reach else name


def _cell(value):
    return f'<td class="kern-table__cell">{escape(str(value))}</td>'


def _moment_cell(moment, written):
    return _cell(written(moment) if moment else "–")


def _address(name, kind="number"):
    """The address of the view `name` as a function of its one argument (a number or a slug): reversed
    once for a list's rows, not once a row."""
    marker = "987654321" if kind == "number" else "x-address-marker-x"
    head, tail = reverse(name, args=[marker]).rsplit(marker, 1)
    return lambda value: f"{head}{value}{tail}"


def _cancel_link(member, registration, address, label):
    if not may(member, "cancel_registration", registration):
        return "–"
    name = escape(str(registration.display_name))
    return (
        f'<a class="kern-link" href="{escape(address)}">{label}'
        f'<span class="visually-hidden">: {name}</span></a>'
    )
