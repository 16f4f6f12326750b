import secrets
from functools import partial

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.core import machine_translation, moderation, rules, search, services, translation, xliff
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.audit import grouped_actions
from ankommen.core.form_pages import form_page, posted
from ankommen.core.forms import (
    AuditFilterForm,
    FlagForm,
    HideForm,
    KeepHiddenForm,
    ReviewRequestForm,
    SearchForm,
    ShowForm,
    TownLanguagesForm,
    TownLimitsForm,
    TranslationFilterForm,
    TranslationForm,
    XliffUploadForm,
)
from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.models import AuditEntry, ReviewRequest, Translatable, TranslationStatus
from ankommen.core.pagination import UncountedPage

ENTRIES_PER_PAGE = 50
RESULTS_PER_PAGE = 20
REPORTED_ITEMS_PER_PAGE = 20  # each with its whole text, every reason and its three decisions
REVIEWS_SHOWN = 30  # the oldest open review requests; the next come up as these are answered


@require_safe
def administration(request):
    """The administration's hub: a tile for each area the member may work in."""
    authorize(request, "administer", request.municipality)
    return render(request, "core/administration.html")


# --- moderation -------------------------------------------------------------------------------------


@require_safe
def moderation_queue(request):
    """The moderators' queue: the authors' open review requests, then the reported items, the longest waiting first."""
    authorize(request, "moderate_town", request.municipality)
    town = request.municipality
    page = Paginator(moderation.reported_items(town), REPORTED_ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    reviews = moderation.open_review_requests(town)
    context = {
        "page_obj": page,
        "reported": moderation.with_items_and_flags(page.object_list),
        "reviews": reviews[:REVIEWS_SHOWN],
        "review_count": reviews.count(),
    }
    return render(request, "core/moderation/queue.html", context)


@require_safe
def moderation_handled(request):
    """The reports the moderators have decided, the newest decision first: hidden or dismissed, by whom, when."""
    authorize(request, "moderate_town", request.municipality)
    town = request.municipality
    page = Paginator(moderation.decisions(town), REPORTED_ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "decisions": moderation.with_decided_items(page.object_list, town)}
    return render(request, "core/moderation/handled.html", context)


def _moderated_item(request, kind, pk, action):
    model = moderation.moderated_models().get(kind)
    if model is None:
        raise Http404("Nothing people write is called so.")
    return town_object_or_404(model.moderation_queryset(), request, action, pk=pk)


def _item_form_page(request, item, verb, form, save, done, submit, explanation="", then=None, **context):
    """A page with one small form about an item someone wrote (`verb`: flag, hide, show it, ask for a review).

    After it, the page goes on to `then`, by default the item.
    """
    context = {
        "item": item,
        "submit": submit,
        "explanation": explanation,
        **context,
        "heading": context.get("heading") or item.moderation_labels[verb],
    }
    return form_page(
        request,
        form,
        "core/moderation/item_form.html",
        save=save,
        done=done,
        then=then or item,
        context=context,
    )


def flag(request, kind, pk):
    """Anyone of the town who sees an item asks the moderators to look at it."""
    item = _moderated_item(request, kind, pk, "flag")
    save = partial(moderation.flag, item, reporter=request.member)
    done = _("Danke! Die Moderation sieht sich Ihre Meldung an.")
    form = FlagForm(posted(request))
    return _item_form_page(request, item, "flag", form, save, done, _("Meldung senden"))


def hide(request, kind, pk):
    """Hide an item after reading it and every report about it; then back to the queue."""
    item = _moderated_item(request, kind, pk, "hide")
    save = partial(moderation.hide, item, moderator=request.member)
    done = _("Ausgeblendet. Der Grund ist an der Stelle sichtbar.")
    explanation = _(
        "Ausblenden löscht nichts: An der Stelle steht für alle sichtbar „ausgeblendet durch die "
        "Moderation“ mit Ihrem Grund. Die Moderation sieht den Text weiterhin."
    )
    form = HideForm(posted(request))
    return _item_form_page(
        request,
        item,
        "hide",
        form,
        save,
        done,
        _("Ausblenden"),
        explanation,
        then="core:moderation",
        flags=moderation.open_flags_of(item),
    )


def show(request, kind, pk):
    """Confirm showing a hidden item again, with a reason: it undoes a moderator's hiding."""
    item = _moderated_item(request, kind, pk, "show")
    save = partial(moderation.show, item, moderator=request.member)
    done = _("Wieder eingeblendet. Alle, die die Stelle sehen können, lesen den Text wieder.")
    explanation = _(
        "Wieder einblenden macht das Ausblenden rückgängig: Der Text ist wieder für alle sichtbar, die die "
        "Stelle sehen können, und der Hinweis „ausgeblendet durch die Moderation“ verschwindet. Ihr Grund "
        "steht im Protokoll."
    )
    form = ShowForm(posted(request))
    return _item_form_page(
        request,
        item,
        "show",
        form,
        save,
        done,
        _("Wieder einblenden"),
        explanation,
        then="core:moderation",
        heading=_("Wieder einblenden?"),
        review=moderation.review_request_of(item),
    )


def request_review(request, kind, pk):
    """The author of a hidden item asks once for a review; afterwards the page shows how it stands."""
    item = _moderated_item(request, kind, pk, "request_review")
    review = moderation.review_request_of(item)
    if review is not None and request.method == "POST":
        messages.error(request, moderation.ALREADY_REQUESTED)
        return render(request, "core/moderation/review.html", {"item": item, "review": review}, status=400)
    if review is not None:
        return render(request, "core/moderation/review.html", {"item": item, "review": review})
    save = partial(moderation.request_review, item, author=request.member)
    done = _("Ihre Bitte ist bei der Moderation. Sie entscheidet und begründet ihre Entscheidung.")
    explanation = _(
        "Die Moderation hat Ihren Text ausgeblendet. Sie können einmal darum bitten, dass sie ihn noch "
        "einmal prüft. Dann blendet sie ihn wieder ein oder sagt Ihnen, warum er ausgeblendet bleibt."
    )
    form = ReviewRequestForm(posted(request))
    return _item_form_page(
        request,
        item,
        "review",
        form,
        save,
        done,
        _("Um Überprüfung bitten"),
        explanation,
        heading=_("Um Überprüfung bitten"),
    )


def keep_hidden(request, pk):
    """Answer a review request: the item stays hidden, with a reason its author reads."""
    review = town_object_or_404(
        ReviewRequest.objects.select_related("requester"), request, "resolve_review", pk=pk
    )
    item = review.item
    if item is None:
        raise Http404("The item is gone.")
    save = partial(moderation.keep_hidden, review, moderator=request.member)
    done = _("Entschieden: Es bleibt ausgeblendet. Die Person liest Ihre Begründung.")
    context = {
        "item": item,
        "review": review,
        "heading": _("Ausgeblendet lassen"),
        "submit": _("Ausgeblendet lassen"),
        "explanation": _(
            "Damit ist die Bitte um Überprüfung beantwortet. Die Person, die darum gebeten hat, liest Ihre Begründung."
        ),
    }
    form = KeepHiddenForm(posted(request))
    return form_page(
        request,
        form,
        "core/moderation/item_form.html",
        save=save,
        done=done,
        then="core:moderation",
        context=context,
    )


@require_POST
def dismiss_flags(request, kind, pk):
    """The moderators see nothing wrong: the item's open flags are closed."""
    item = _moderated_item(request, kind, pk, "moderate")
    count = moderation.dismiss_flags(item, moderator=request.member)
    if count:
        messages.success(
            request,
            ngettext("Die Meldung ist zurückgewiesen.", "Die %(count)d Meldungen sind zurückgewiesen.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("Dazu gibt es keine offenen Meldungen."))
    return redirect("core:moderation")


@require_safe
def audit_log(request):
    """Who changed which stage, role or hidden item, and when; filterable."""
    authorize(request, "administer", request.municipality)
    entries = AuditEntry.objects.for_municipality(request.municipality)
    form = AuditFilterForm(request.GET or None, actions=grouped_actions())
    if form.is_bound and form.is_valid():
        entries = entries.matching(**form.cleaned_data)
    elif form.is_bound:
        entries = entries.none()
    page = UncountedPage(request.GET.get("page"), ENTRIES_PER_PAGE)
    page.fill(entries[page.offset : page.offset + page.per_page + 1])
    filtered = any(request.GET.get(name) for name in form.fields)  # then a link leads back to all entries
    return render(request, "core/audit_log.html", {"form": form, "page_obj": page, "filtered": filtered})


TEXTS_PER_PAGE = 50


def _translation_language(request, code):
    if code == SOURCE or not request.municipality.offers(code) or code not in BY_CODE:
        raise Http404("This town does not offer this language.")
    return BY_CODE[code]


@require_safe
def translations(request):
    """The translators' overview: per language of the town, how many texts are in which state."""
    authorize(request, "translate", request.municipality)
    rows = []
    sources = translation.source_totals(request.municipality)
    for language in request.municipality.active_languages:
        if language.code == SOURCE:
            continue
        totals = {}
        for by_status in translation.status_counts(request.municipality, language.code, sources).values():
            for status, number in by_status.items():
                totals[status] = totals.get(status, 0) + number
        rows.append(
            {"language": language, "counts": [totals.get(status, 0) for status in TranslationStatus.values]}
        )
    return render(
        request,
        "core/translations.html",
        {
            "rows": rows,
            "status_labels": TranslationStatus.labels,
            "machine": machine_translation.provider() is not None,
        },
    )


@require_safe
def translation_list(request, language):
    """One language: the counts per kind of text, and the texts in the chosen state."""
    authorize(request, "translate", request.municipality)
    language = _translation_language(request, language)
    counts = translation.status_counts(request.municipality, language.code)
    kinds = []
    for content_type_id, by_status in sorted(counts.items()):
        content_type = ContentType.objects.get_for_id(content_type_id)
        kinds.append(
            {
                "content_type": content_type,
                "label": content_type.model_class()._meta.verbose_name_plural,
                "numbers": [by_status.get(status, 0) for status in TranslationStatus.values],
            }
        )
    form = TranslationFilterForm(request.GET or None, kinds=[kind["content_type"] for kind in kinds])
    wanted = form.cleaned_data if form.is_bound and form.is_valid() else {}
    statuses = [wanted["status"]] if wanted.get("status") else list(translation.NEEDS_WORK)
    kind = int(wanted["kind"]) if wanted.get("kind") else None
    page = UncountedPage(request.GET.get("page"), TEXTS_PER_PAGE)
    rows = page.fill(
        translation.distinct_texts_with_status(
            request.municipality,
            language.code,
            statuses=statuses,
            content_type_id=kind,
            limit=page.per_page + 1,
            offset=page.offset,
        )
    )
    objects = translation.objects_for(rows)
    texts = [
        {
            "object": objects.get((content_type_id, object_id)),
            "content_type_id": content_type_id,
            "field": objects[(content_type_id, object_id)]._meta.get_field(field).verbose_name
            if (content_type_id, object_id) in objects
            else field,
            "kind": objects[(content_type_id, object_id)]._meta.verbose_name
            if (content_type_id, object_id) in objects
            else "",
            "status": TranslationStatus(status),
            "places": places,
        }
        for content_type_id, object_id, field, status, places in rows
    ]
    return render(
        request,
        "core/translation_list.html",
        {
            "language": language,
            "kinds": kinds,
            "status_labels": TranslationStatus.labels,
            "form": form,
            "texts": texts,
            "page_obj": page,
            "machine": machine_translation.provider() is not None,
        },
    )


def _translatable_object(request, content_type_id, pk):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not issubclass(model, Translatable):
        raise Http404("Not a translatable kind of text.")
    obj = town_object_or_404(model.objects, request, "translate", pk=pk)
    if not obj.offered_for_translation:
        raise Http404("Not offered for translation.")
    return obj


def translation_edit(request, language, content_type_id, pk):
    """Source and translation side by side for one object; a machine may draft the missing ones."""
    language = _translation_language(request, language)
    obj = _translatable_object(request, content_type_id, pk)
    edit_source = type(obj).source_edited_by_admins and rules.may(request.member, "administer", obj)
    rows = {row.field: row for row in obj.translations.filter(language=language.code)}
    twins = translation.twins_of(obj, language.code)
    form = TranslationForm(
        request.POST if request.method == "POST" and "machine" not in request.POST else None,
        obj=obj,
        language=language.code,
        rows=rows,
        may_edit_source=edit_source,
        twins=twins,
        statuses={
            name: translation.status_of(obj, name, language.code) for name in type(obj).translatable_fields
        },
    )
    provider = machine_translation.provider()
    if request.method == "POST" and "machine" in request.POST and provider is not None:
        try:
            done = translation.machine_translate(obj, language.code, actor=request.member, provider=provider)
        except machine_translation.MachineTranslationError as error:
            messages.error(request, _("Nichts wurde übersetzt: %(reason)s") % {"reason": error})
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s Text maschinell übersetzt. Bitte prüfen.",
                    "%(count)s Texte maschinell übersetzt. Bitte prüfen.",
                    len(done),
                )
                % {"count": len(done)},
            )
        return redirect(request.path)
    return form_page(
        request,
        form,
        "core/translation_edit.html",
        save=lambda **values: translation.save_from_editor(
            obj, language.code, actor=request.member, values=values, edit_source=edit_source, twins=twins
        ),
        done=_("Gespeichert."),
        then=request.path,
        context={
            "language": language,
            "object": obj,
            "kind": obj._meta.verbose_name,
            "places": translation.places_of(obj),
            "machine": provider is not None and provider.supports(language.code),
        },
    )


@require_safe
def translation_export(request, language):
    """What is missing or outdated in one language, as an XLIFF file for a translation agency."""
    authorize(request, "translate", request.municipality)
    language = _translation_language(request, language)
    response = HttpResponse(
        xliff.export(request.municipality, language.code), content_type="application/x-xliff+xml"
    )
    filename = f"ankommen-{request.municipality.slug}-{language.code}.xlf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def translation_import(request, language):
    """Upload a translated XLIFF file, see what it would change and every problem, then import it whole."""
    authorize(request, "translate", request.municipality)
    language = _translation_language(request, language)
    report, token = None, None
    form = XliffUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and "token" in request.POST:
        data = cache.get(f"xliff-import:{request.municipality.pk}:{request.POST['token']}")
        if data is None:
            messages.error(
                request,
                _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte laden Sie sie noch einmal hoch."),
            )
            return redirect(request.path)
        report = xliff.apply(request.municipality, language.code, data, actor=request.member)
        if report.importable:
            messages.success(
                request,
                ngettext(
                    "%(count)s Übersetzung importiert.",
                    "%(count)s Übersetzungen importiert.",
                    len(report.items),
                )
                % {"count": len(report.items)},
            )
            return redirect("core:translation_list", language.code)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        report = xliff.check(request.municipality, language.code, data)
        if report.importable:
            token = secrets.token_urlsafe(16)
            cache.set(f"xliff-import:{request.municipality.pk}:{token}", data, 3600)
    return render(
        request,
        "core/translation_import.html",
        {"language": language, "form": form, "report": report, "token": token},
        status=400 if form.errors or (report and report.problems) else 200,
    )


@require_safe
def languages(request):
    """The town's languages and, for each, whether a native speaker has reviewed the interface texts."""
    return render(request, "core/languages.html", {"town_languages": request.municipality.active_languages})


def town_languages(request):
    """The admin chooses which languages the town offers."""
    authorize(request, "administer", request.municipality)
    return form_page(
        request,
        TownLanguagesForm(posted(request), initial={"languages": request.municipality.languages}),
        "core/town_languages.html",
        save=partial(services.set_languages, request.municipality, actor=request.member),
        done=_("Die Sprachen der Kommune sind gespeichert."),
        then="core:town_languages",
        context={"heading": _("Sprachen der Kommune")},
    )


def town_limits(request):
    """The admin sets how often a member may write, support and report within an hour."""
    authorize(request, "administer", request.municipality)
    return form_page(
        request,
        TownLimitsForm(posted(request), instance=request.municipality),
        "core/town_limits.html",
        save=partial(services.set_limits, request.municipality, actor=request.member),
        done=_("Die Grenzen sind gespeichert."),
        then="core:town_limits",
        context={"heading": _("Grenzen gegen Missbrauch")},
    )


# --- search -----------------------------------------------------------------------------------------


@require_safe
def search_page(request):
    """The town's texts that contain every word of the query, as far as the reader may see them."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = None
    if form.is_valid():
        results = search.search(request.municipality, request.member, form.cleaned_data["q"], get_language())
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    status = 400 if form.errors else 200
    return render(request, "core/search.html", {"form": form, "page_obj": page}, status=status)
