"""The home page's cards, built in Python: twenty fields and their guiding cards on one page."""

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ankommen.concept.models import StageStatus
from ankommen.core.templatetags.ankommen import translation_label
from ankommen.core.translation import translated

register = template.Library()


@register.simple_tag
def field_card(field):
    """The partial a field's card was: its current stage, name, summary and who does what."""
    name = translated(field, "name")
    summary = translated(field, "summary")
    stage = field.current_stage
    preline = ""
    if stage:
        preline = format_html(
            '<p class="kern-preline">{} · {}</p>', stage.get_kind_display(), stage.get_status_display()
        )
        # Safe: the translation is escaped here, the dates by conditional_escape.
        period = mark_safe(  # noqa: S308
            conditional_escape(gettext("%(start)s bis %(end)s"))
            % {
                "start": conditional_escape(format_date(stage.starts_on)),
                "end": conditional_escape(format_date(stage.ends_on)),
            }
        )
        about = format_html('<p class="kern-body kern-body--small">{}</p>', period)
        who = stage.who_does_what if stage.is_open else None
        if who:
            about = format_html("{}{}", about, who_does_what(who))
        elif stage.status == StageStatus.PLANNED:
            about = format_html("{}{}", about, _small(gettext("Diese Stufe hat noch nicht begonnen.")))
        else:
            about = format_html("{}{}", about, _small(gettext("Die Ergebnisse können gelesen werden.")))
    else:
        about = _small(gettext("Die Arbeit in diesem Handlungsfeld ist noch nicht geplant."))
    return format_html(
        '<article class="kern-card"><div class="kern-card__container"><header class="kern-card__header">{}'
        '<h3 class="kern-title"><a class="kern-link kern-link--stretched" href="{}" lang="{}">{}</a></h3>'
        '</header><div class="kern-card__body stack"><p class="kern-body user-text" lang="{}">{}</p>{}{}'
        "</div></div></article>",
        preline,
        field.get_absolute_url(),
        name.lang,
        name,
        summary.lang,
        summary,
        translation_label(name, summary),
        about,
    )


def who_does_what(lines):
    """The partial `concept/partials/who_does_what.html`, in Python."""
    return format_html(
        '<ul class="who-does-what">{}</ul>',
        format_html_join("", "<li><strong>{}:</strong> {}</li>", lines),
    )


def _small(text):
    return format_html('<p class="kern-body kern-body--small">{}</p>', text)


@register.simple_tag
def guiding_card(item, kind):
    """The partial a principle's or focus topic's card was."""
    name = translated(item, "name")
    description = translated(item, "description")
    return format_html(
        '<article class="kern-card"><div class="kern-card__container"><header class="kern-card__header">'
        '<p class="kern-preline">{}</p><h3 class="kern-title" lang="{}">{}</h3></header>'
        '<div class="kern-card__body"><p class="kern-body user-text" lang="{}">{}</p>{}</div></div></article>',
        kind,
        name.lang,
        name,
        description.lang,
        description,
        translation_label(name, description),
    )
