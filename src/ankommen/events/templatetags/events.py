"""The words around an event's date: its weekday and its month, in the reader's language.

The date itself keeps the house's named formats (`DATE_FORMAT`, …); these name the day of the
week ("Mittwoch") a newcomer plans by, and a month ("Januar 2027") a calendar is headed with.
"""

from django import template
from django.utils import formats
from django.utils.timezone import template_localtime

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
