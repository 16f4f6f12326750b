"""Small pieces of every contribution card, built in Python: a card is rendered twenty times a page."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

from ankommen.core.rules import Role

register = template.Library()


@register.simple_tag
def byline(item):
    """ "von Amal Haddad am 26.11.2026 (Fachexpert:in)": the author, the day and a role other than member."""
    text = gettext("von %(name)s am %(date)s") % {
        "name": item.author.display_name,
        "date": format_date(localtime(item.created_at), "SHORT_DATE_FORMAT"),
    }
    if item.author.role == Role.MEMBER:
        return text
    return format_html("{} ({})", text, item.author.role_label)


@register.filter
def supporters(count):
    return ngettext("%(counter)s Unterstützung", "%(counter)s Unterstützungen", count) % {"counter": count}


@register.filter
def comments(count):
    return ngettext("%(counter)s Kommentar", "%(counter)s Kommentare", count) % {"counter": count}
