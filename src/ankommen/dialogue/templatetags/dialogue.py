"""Small pieces of every contribution card, built in Python: a card is rendered twenty times a page."""

import re

from django import template
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

from ankommen.core.roles import Role, in_a_list
from ankommen.core.templatetags.ankommen import translation_label
from ankommen.core.translation import translated
from ankommen.dialogue.answers import BADGES, AnswerState

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


# --- a list's card ------------------------------------------------------------------------------

SUPPORTED_MARK = "<!--supported:{}-->"


@register.simple_tag
def contribution_card(contribution):
    """A contribution's card in a field's list, built in Python: twenty of them a page.

    The same for every reader who may see the list; where the reader's own support is marked
    (`mark_supported` in the view), the card leaves a comment that the page fills in per member.
    """
    title = translated(contribution, "title")
    body = translated(contribution, "body")
    if contribution.is_hidden:
        heading = gettext("Ausgeblendeter Beitrag")
        content = hidden_trace(contribution)
    elif contribution.is_withdrawn:
        heading = gettext("Zurückgezogener Beitrag")
        content = withdrawn_trace(contribution)
    else:
        heading = format_html('<span lang="{}">{}</span>', title.lang, title)
        content = format_html(
            '<p class="kern-body user-text" lang="{}">{}</p>{}',
            body.lang,
            Truncator(body.text).words(40, truncate=" …"),
            translation_label(title, body),
        )
    kind = contribution.kind_label
    if contribution.finding_kind:
        kind = format_html("{} · {}", kind, contribution.finding_kind_label)
    return format_html(
        '<article class="kern-card"><div class="kern-card__container">'
        '<header class="kern-card__header"><p class="kern-preline">{}</p>'
        '<h3 class="kern-title"><a class="kern-link" href="{}">{}</a></h3></header>'
        '<div class="kern-card__body stack">{}<p class="meta">{}</p>{}{}'
        '<p class="meta"><bdi>{}</bdi> · <bdi>{}</bdi>{}</p>'
        "</div></div></article>",
        kind,
        contribution.get_absolute_url(),
        heading,
        content,
        byline(contribution),
        tag_list(contribution.tags),
        answer_badge(contribution),
        supporters(contribution.support_count),
        comments(contribution.comment_count),
        mark_safe(SUPPORTED_MARK.format(int(contribution.pk))),  # noqa: S308 (a number)
    )


def hidden_trace(item):
    """The partial `core/partials/hidden_trace.html`, in Python."""
    return format_html(
        '<p class="hidden-trace">{}</p>',
        _filled(gettext("ausgeblendet durch die Moderation: %(reason)s"), reason=item.hidden_reason),
    )


def withdrawn_trace(item):
    """The partial `core/partials/withdrawn_trace.html`, in Python."""
    day = format_date(localtime(item.withdrawn_at), "SHORT_DATE_FORMAT")
    return format_html(
        '<p class="hidden-trace">{}</p>',
        _filled(gettext("vom Verfasser zurückgezogen am %(date)s"), date=day),
    )


def tag_list(tags):
    """The partial `dialogue/partials/tags.html`, in Python."""
    if not tags:
        return ""
    names = [translated(tag, "name") for tag in tags]
    return format_html(
        '<ul class="tag-list" aria-label="{}">{}</ul>{}',
        gettext("Schlagworte"),
        format_html_join(
            "",
            '<li><span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small" lang="{}">{}</span></span></li>',
            ((name.lang, name) for name in names),
        ),
        translation_label(names),
    )


def answer_badge(contribution):
    """The state of the item's current answer (`answer_state`), with a link to the item it was merged
    into where the list gave one (`answers.with_merge_targets`)."""
    state = contribution.answer_state
    if not state:
        return ""
    merged = ""
    if getattr(contribution, "merge_target_url", ""):
        merged = format_html(
            ' → <a class="kern-link kern-link--small" href="{}">{}</a>',
            contribution.merge_target_url,
            gettext("zum Beitrag, in den er übernommen wurde"),
        )
    return format_html(
        '<p class="meta">{} <span class="kern-badge kern-badge--{}"><span class="kern-label kern-label--small">{}</span></span>{}</p>',
        gettext("Antwort der Verwaltung:"),
        BADGES[state],
        AnswerState(state).label,
        merged,
    )


def _filled(sentence, **values):
    """A translated sentence with each value escaped (as `{% blocktranslate %}` does)."""
    # Safe: the translation is escaped here, the values too.
    return mark_safe(  # noqa: S308
        conditional_escape(sentence) % {key: conditional_escape(value) for key, value in values.items()}
    )


_SUPPORTED = re.compile(r"<!--supported:(\d+)-->")


@register.tag
def supported_marks(parser, token):
    """`{% supported_marks %}…{% endsupported_marks %}`: the cards inside, with the reader's own supports marked.

    The list is rendered (or taken from the cache) once for all its readers; each card leaves a
    comment with its id, and one query finds which of them the member supports.
    """
    nodelist = parser.parse(("endsupported_marks",))
    parser.delete_first_token()
    return SupportedMarksNode(nodelist)


class SupportedMarksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        from ankommen.dialogue.models import Support

        html = self.nodelist.render(context)
        member = context["request"].member
        ids = [int(found) for found in _SUPPORTED.findall(html)] if member is not None else []
        supported = Support.objects.supported_by(member, ids) if ids else set()
        if not supported:
            return mark_safe(_SUPPORTED.sub("", html))  # noqa: S308 (rendered by our templates)
        mark = " · " + conditional_escape(gettext("von Ihnen unterstützt"))
        return mark_safe(  # noqa: S308 (rendered by our templates)
            _SUPPORTED.sub(lambda found: mark if int(found.group(1)) in supported else "", html)
        )
