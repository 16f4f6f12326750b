"""The pages of the early warnings and observations, for the town's people only.

A warning names a district whose figures are worse than the others': shown to the public, it could
mark the district and the people who live there ("the problem district"), long before anyone has
looked at what lies behind the numbers. So the list and each signal are for the town's members
(`view_signals`), and what the town makes public of a signal is a finding a moderator writes in the
field's stocktaking, in words chosen for it. The dashboard's figures stay public; the verdict does not.
"""

from functools import partial

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ankommen.concept.models import District, Field
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted
from ankommen.core.models import translations_of
from ankommen.core.pagination import UncountedPage
from ankommen.core.rules import may
from ankommen.core.translation import translated
from ankommen.seismograph import signals as services
from ankommen.seismograph import warnings
from ankommen.seismograph.models import Signal, SignalKind, SignalStatus
from ankommen.seismograph.signal_forms import (
    DismissSignalForm,
    ObservationForm,
    SignalFilterForm,
    SignalFindingForm,
)

PER_PAGE = 30


def _signals(town, language):
    """The town's signals with what their cards and pages show: district, field, indicator, author."""
    return (
        Signal.objects.for_municipality(town)
        .select_related("district", "field", "indicator", "author__user")
        .prefetch_related(
            *translations_of("district", language),
            *translations_of("field", language),
            *translations_of("indicator", language),
        )
    )


@require_safe
def signals(request):
    """The open warnings and observations (or the decided ones), filtered by district, field and kind."""
    town, language = request.municipality, get_language()
    authorize(request, "view_signals", town)
    districts = list(District.objects.for_municipality(town).with_translations(language))
    fields = list(
        Field.objects.for_municipality(town).listed().order_by("position", "name").with_translations(language)
    )
    form = SignalFilterForm(request.GET or None, districts=districts, fields=fields)
    chosen = form.chosen()
    rows = _signals(town, language)
    if chosen["decided"]:
        rows = rows.exclude(status=SignalStatus.OPEN).order_by("-decided_at", "-created_at", "-id")
    else:
        rows = rows.filter(status=SignalStatus.OPEN)
    if chosen["district"]:
        rows = rows.filter(district=chosen["district"])
    if chosen["field"]:
        rows = rows.filter(field=chosen["field"])
    if chosen["kind"]:
        rows = rows.filter(kind=chosen["kind"])
    page = UncountedPage(request.GET.get("page"), PER_PAGE)
    page.fill(rows[page.offset : page.offset + PER_PAGE + 1])
    sees_hidden = may(request.member, "see_hidden_text", town)
    cards = [_card(signal, sees_hidden) for signal in page]
    return render(
        request,
        "seismograph/signals/list.html",
        {
            "page_obj": page,
            "cards": cards,
            "filter_form": form,
            "decided": chosen["decided"],
            "filtered": any((chosen["district"], chosen["field"], chosen["kind"])),
            "may_observe": may(request.member, "add_observation", town),
        },
    )


def _card(signal, sees_hidden):
    """What the list shows of a signal: its subject, kind, field, why (or the observation's text), its state."""
    return {
        "signal": signal,
        "subject": subject(signal),
        "field": translated(signal.field, "name") if signal.field_id else None,
        "text": "" if signal.is_hidden and not sees_hidden else warnings.reason(signal),
    }


def subject(signal):
    """ "Oststadt · SGB-II-Quote · 2024" for a warning ("… · 2021–2024" for a run against the town: the
    periods its numbers speak of), "Oststadt · Beobachtung" for an observation."""
    district = translated(signal.district, "name").text
    if signal.is_warning:
        return " · ".join((district, translated(signal.indicator, "name").text, _periods_of(signal)))
    return " · ".join((district, str(SignalKind(signal.kind).label)))


def _periods_of(signal):
    start, end = signal.evidence.get("from"), signal.evidence.get("to")
    if start and end and start != end:
        return f"{warnings.period_label(start)}–{warnings.period_label(end)}"
    return warnings.period_label(signal.period)


def _signal_for(request, pk, action, language=None):
    """The town's signal `pk` with what its page shows, if the member may `action` it (404 for another town's)."""
    queryset = _signals(request.municipality, language or get_language()).select_related(
        "finding__field", "decided_by__user"
    )
    return town_object_or_404(queryset, request, action, pk=pk)


@require_safe
def signal(request, pk):
    """A signal: why it fired with its numbers (or the observation), where to read on, and what was decided."""
    item = _signal_for(request, pk, "view_signal")
    sees_text = not item.is_hidden or may(request.member, "see_hidden_text", item)
    indicator_key = item.indicator.key if item.indicator_id else ""
    return render(
        request,
        "seismograph/signals/signal.html",
        {
            "signal": item,
            "subject": subject(item),
            "reason": warnings.reason(item) if sees_text else "",
            "rows": warnings.series_rows(item) if item.is_warning else [],
            "indicator_key": indicator_key,
            "threshold": warnings.decimal(item.evidence["threshold"]) if "threshold" in item.evidence else "",
            "districts_compared": item.evidence.get("districts"),
            "numeric_columns": [
                _("Wert des Stadtteils"),
                _("Durchschnitt der Stadtteile"),
                _("Veränderung des Stadtteils"),
                _("Veränderung des Durchschnitts"),
            ],
        },
    )


def observation_new(request):
    """A member notes an observation about a district and a field; staff may enter one from paper."""
    town, language = request.municipality, get_language()
    authorize(request, "add_observation", town)
    paper = may(request.member, "record_observation_on_paper", town)
    form = ObservationForm(posted(request), town=town, language=language, paper=paper)
    return form_page(
        request,
        form,
        "seismograph/signals/form.html",
        save=partial(services.add_observation, town, author=request.member),
        done=_("Danke! Ihre Beobachtung steht jetzt bei den Signalen des Seismographen."),
        then=lambda signal: signal.get_absolute_url(),
        context={
            "heading": _("Beobachtung notieren"),
            "back": reverse("seismograph:signals"),
            "intro": [
                _(
                    "Eine Beobachtung ist, was Ihnen in einem Stadtteil auffällt, bevor es in Zahlen steht. "
                    "Die Mitglieder der Kommune lesen sie bei den Signalen; die Moderation kann daraus einen "
                    "Befund in der Bestandsaufnahme des Handlungsfelds machen."
                ),
                _("Beobachtungen sind nicht öffentlich."),
            ],
            "submit": _("Beobachtung speichern"),
        },
    )


def signal_finding(request, pk):
    """A moderator turns a signal into a finding of the field's stocktaking: "Präventionsmöglichkeit prüfen"."""
    item = _signal_for(request, pk, "view_signal")
    if item.finding_id:
        return redirect(item.finding.get_absolute_url())
    authorize(request, "make_finding_from_signal", item)
    stage = services.stocktaking_of(item.field)
    field_name = translated(item.field, "name").text
    with_german_reason = _german(partial(warnings.reason, item))
    initial = {
        "title": _german(
            lambda: _("Präventionsmöglichkeit prüfen: %(subject)s") % {"subject": subject(item)}
        ),
        "body": with_german_reason,
    }
    form = SignalFindingForm(posted(request), initial=initial)
    intro = [
        _("Der Befund erscheint als Problem in der Bestandsaufnahme des Handlungsfelds „%(field)s“.")
        % {"field": field_name},
        _("Als Quelle steht „Seismograph“ dabei, und der Befund führt zu diesem Signal zurück."),
    ]
    if stage is None:
        intro.append(_("Das Handlungsfeld hat keine Bestandsaufnahme: Bitte legen Sie zuerst eine an."))
    elif not stage.is_open:
        intro.append(_("Die Bestandsaufnahme ist gerade nicht geöffnet; der Befund kommt trotzdem hinein."))
    if stage is not None and stage.is_public:
        intro.append(_("Die Bestandsaufnahme ist öffentlich: Alle können den Befund lesen."))
    return form_page(
        request,
        form,
        "seismograph/signals/form.html",
        save=partial(services.make_finding, item, actor=request.member),
        done=_("Das Signal ist jetzt ein Befund in der Bestandsaufnahme."),
        then=lambda finding: finding.get_absolute_url(),
        context={
            "heading": _("Als Befund übernehmen"),
            "back": item.get_absolute_url(),
            "intro": intro,
            "quote": warnings.reason(item),
            "submit": _("Als Befund übernehmen"),
        },
    )


def _german(write):
    """The finding is written in the town's language, German, whatever the moderator reads the page in."""
    from django.utils import translation

    with translation.override("de"):
        return str(write())


def signal_dismiss(request, pk):
    """ "Signal verwerfen?": the signal named, then set aside with a reason."""
    item = _signal_for(request, pk, "dismiss_signal")
    return form_page(
        request,
        DismissSignalForm(posted(request)),
        "seismograph/signals/form.html",
        save=partial(services.dismiss_signal, item, actor=request.member),
        done=_("Das Signal ist verworfen."),
        then=item,
        context={
            "heading": _("Signal verwerfen?"),
            "back": item.get_absolute_url(),
            "back_label": _("Zurück, ohne zu verwerfen"),
            "intro": [
                _("Verworfen steht das Signal nicht mehr in der Liste der offenen Signale."),
                _(
                    "Es bleibt mit Ihrem Grund erhalten; neu berechnet, kommt ein verworfenes Warnsignal nicht wieder."
                ),
            ],
            "quote": warnings.reason(item)
            if not item.is_hidden or may(request.member, "see_hidden_text", item)
            else "",
            "submit": _("Ja, verwerfen"),
        },
    )


# --- what the signals show elsewhere ------------------------------------------------------------------------


def finding_source(context):
    """Under a finding taken from the Seismograph: the signal it came from ("aus dem Seismographen: …").

    Only findings entered in the Seismograph's name ask (one query); other contributions ask nothing. The
    signal is linked for those who may read it, the town's people; others read where it came from.
    """
    contribution = context.get("contribution")
    if contribution is None or contribution.paper_author != services.SOURCE_NAME:
        return ""
    language = get_language()
    item = (
        Signal.objects.for_municipality(contribution.municipality_id)
        .filter(finding=contribution)
        .select_related("district", "indicator")
        .prefetch_related(*translations_of("district", language), *translations_of("indicator", language))
        .first()
    )
    if item is None:
        return ""
    request = context.get("request")
    if may(getattr(request, "member", None), "view_signal", item):
        named = format_html('<a class="kern-link" href="{}">{}</a>', item.get_absolute_url(), subject(item))
    else:
        named = escape(SignalKind(item.kind).label)
    sentence = mark_safe(escape(_("aus dem Seismographen: %(signal)s")) % {"signal": named})  # noqa: S308
    return format_html(
        '<p class="finding-source"><span class="kern-icon kern-icon--info kern-icon--small" aria-hidden="true">'
        "</span> {}</p>",
        sentence,
    )


def waiting(town):
    """The hub's tile: how many signals wait for a decision."""
    count = Signal.objects.for_municipality(town).open().count()
    return (
        ngettext("%(count)s offenes Signal", "%(count)s offene Signale", count) % {"count": count}
        if count
        else ""
    )
