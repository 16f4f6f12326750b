"""The words around an event's date: its weekday and its month, in the reader's language; the month's grid.

The date itself keeps the house's named formats (`DATE_FORMAT`, …); these name the day of the
week ("Mittwoch") a newcomer plans by, and a month ("Januar 2027") a calendar is headed with.
`month_events` writes a day's events of the month's grid in Python: a large town's month holds
some hundred events.
"""

from html import escape

from django import template
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, pgettext

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
    entries = "".join(_month_entry(event) for event in events)
    return mark_safe(f'<ul class="month-grid__events">{entries}</ul>')  # noqa: S308 (escaped entries)


def _month_entry(event):
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
            f'<a class="kern-link kern-link--small" href="{escape(event.get_absolute_url())}">'
            f'<span class="month-grid__time">'
            f"{escape(formats.time_format(template_localtime(event.starts_at), 'TIME_FORMAT'))}</span> "
            f'<span lang="{escape(title.lang)}">{escape(title.text)}</span></a>{state}</li>'
        )
    return entry
