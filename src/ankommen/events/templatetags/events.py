"""The words around an event's date: its weekday and its month, in the reader's language.

The date itself keeps the house's named formats (`DATE_FORMAT`, …); these name the day of the
week ("Mittwoch") a newcomer plans by, and a month ("Januar 2027") a calendar is headed with.
"""

from django import template
from django.utils import formats
from django.utils.html import format_html, format_html_join
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
    (a month holds some hundred events in a large town, and an event of three days shows on each)."""
    return format_html(
        '<ul class="month-grid__events">{}</ul>',
        format_html_join("", "{}", ((_month_entry(e),) for e in events)),
    )


def _month_entry(event):
    entry = getattr(event, "_month_entry", None)
    if entry is None:
        title = translated(event, "title")
        if event.is_cancelled:
            state = format_html(' <span class="meta">{}</span>', pgettext("event", "abgesagt"))
        elif event.registration and getattr(event, "free", None) == 0:
            state = format_html(' <span class="meta">{}</span>', gettext("ausgebucht – Warteliste"))
        else:
            state = ""
        entry = event._month_entry = format_html(
            '<li{}><a class="kern-link kern-link--small" href="{}"><span class="month-grid__time">{}</span> '
            '<span lang="{}">{}</span></a>{}</li>',
            mark_safe(' class="is-cancelled"') if event.is_cancelled else "",  # noqa: S308 (a constant)
            event.get_absolute_url(),
            formats.time_format(template_localtime(event.starts_at), "TIME_FORMAT"),
            title.lang,
            title.text,
            state,
        )
    return entry
