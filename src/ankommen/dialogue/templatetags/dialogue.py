"""Small pieces of every contribution card, built in Python: a card is rendered twenty times a page."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

from ankommen.core.rules import Role

register = template.Library()


@register.simple_tag
def byline(item):
    """ "von Amal Haddad am 26.11.2026 (Fachexpert:in)": the author, the day and a role other than member.

    Name and day are isolated in <bdi>, so that a Latin name or a date keeps its order in Arabic text.
    """
    day = format_date(localtime(item.created_at), "SHORT_DATE_FORMAT")
    # Safe: the translation is escaped here, the name and the day by format_html.
    text = mark_safe(  # noqa: S308
        conditional_escape(gettext("von %(name)s am %(date)s"))
        % {
            "name": format_html("<bdi>{}</bdi>", item.author.display_name),
            "date": format_html("<bdi>{}</bdi>", day),
        }
    )
    if item.author.role == Role.MEMBER:
        return text
    return format_html("{} ({})", text, item.author.role_label)


@register.filter
def supporters(count):
    return ngettext("%(counter)s Unterstützung", "%(counter)s Unterstützungen", count) % {"counter": count}


@register.filter
def comments(count):
    return ngettext("%(counter)s Kommentar", "%(counter)s Kommentare", count) % {"counter": count}
