"""Small pieces of every contribution card, built in Python: a card is rendered twenty times a page."""

from django import template
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

from ankommen.core.roles import Role, in_a_list

register = template.Library()


@register.simple_tag
def byline(item):
    """ "von Amal Haddad am 26.11.2026 (Fachexpert:in)": the author, the day and their roles other than member.

    Name and day are isolated in <bdi>, so that a Latin name or a date keeps its order in Arabic text.
    """
    day = format_date(localtime(item.created_at), "SHORT_DATE_FORMAT")
    if item.is_on_paper:
        return _with_edited(
            _isolated(
                gettext(
                    "von %(name)s am %(date)s, auf Papier eingereicht %(occasion)s, erfasst von %(recorder)s"
                ),
                name=item.paper_author,
                date=day,
                occasion=item.paper_occasion,
                recorder=item.author.display_name,
            ),
            item,
        )
    text = _isolated(gettext("von %(name)s am %(date)s"), name=item.author.display_name, date=day)
    roles = item.author.role_labels_without(Role.MEMBER)
    if roles:
        text = format_html("{} ({})", text, in_a_list(roles))
    return _with_edited(text, item)


def _with_edited(text, item):
    """ "…, bearbeitet am 27.11.2026 um 18:05" where the author changed their text."""
    if not getattr(item, "edited_at", None):
        return text
    moment = localtime(item.edited_at)
    edited = _isolated(
        gettext("bearbeitet am %(date)s um %(time)s"),
        date=format_date(moment, "SHORT_DATE_FORMAT"),
        time=format_time(moment, "TIME_FORMAT"),
    )
    return format_html("{} · {}", text, edited)


def _isolated(sentence, **values):
    """A translated sentence with each value escaped and isolated in <bdi>."""
    # Safe: the translation is escaped here, the values by format_html.
    return mark_safe(  # noqa: S308
        conditional_escape(sentence)
        % {key: format_html("<bdi>{}</bdi>", value) for key, value in values.items()}
    )


@register.filter
def supporters(count):
    return ngettext("%(counter)s Unterstützung", "%(counter)s Unterstützungen", count) % {"counter": count}


@register.filter
def comments(count):
    return ngettext("%(counter)s Kommentar", "%(counter)s Kommentare", count) % {"counter": count}
