from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.concept import services
from ankommen.concept.forms import FieldForm, HelpPageForm, StageForm
from ankommen.concept.models import (
    Concept,
    Field,
    FocusTopic,
    HelpPage,
    Milestone,
    Principle,
    Stage,
    StageKind,
)
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted, town_form_page
from ankommen.core.page_cache import for_visitors
from ankommen.core.translation import gaps


@require_safe
@for_visitors
def home(request):
    """The town's integration concept: principle, focus topics, timeline and fields with their stages."""
    town, language = request.municipality, get_language()

    def of_town(model):
        return model.objects.for_municipality(town).with_translations(language)

    # Lazy: when the page's content comes from the cache, no query is even built.
    return render(
        request,
        "concept/home.html",
        {
            "concept": SimpleLazyObject(lambda: of_town(Concept).first()),
            "principles": SimpleLazyObject(lambda: of_town(Principle)),
            "focus_topics": SimpleLazyObject(lambda: of_town(FocusTopic)),
            "milestones": SimpleLazyObject(lambda: of_town(Milestone)),
            "fields": SimpleLazyObject(lambda: of_town(Field).listed().with_stages()),
        },
    )


@require_safe
def fields(request):
    """The town's fields of action with their stages, to set up and change."""
    authorize(request, "administer", request.municipality)
    fields = list(Field.objects.for_municipality(request.municipality).with_stages(archived=True))
    return render(
        request,
        "concept/fields.html",
        {
            "fields": [field for field in fields if not field.is_archived],
            "archived_fields": [field for field in fields if field.is_archived],
        },
    )


def _field_page(field):
    """Where a field is set up: the page a change of it or of one of its stages leads back to."""
    return reverse("concept:field_edit", args=[field.slug])


def field_create(request):
    return town_form_page(
        request,
        FieldForm,
        "concept/field_form.html",
        services.create_field,
        done=lambda field: _("Das Handlungsfeld „%(name)s“ ist angelegt.") % {"name": field.name},
        then=_field_page,
        context={"heading": _("Handlungsfeld anlegen")},
    )


def field_edit(request, slug):
    field = town_object_or_404(Field.objects.with_stages(archived=True), request, "administer", slug=slug)
    taken = {stage.kind for stage in field.stages.all()}
    return form_page(
        request,
        FieldForm(posted(request), municipality=request.municipality, instance=field),
        "concept/field_form.html",
        save=partial(services.update_field, field, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then=_field_page,
        context={
            "heading": _("%(name)s bearbeiten") % {"name": field.name},
            "field": field,
            "missing_kinds": [(kind, label) for kind, label in StageKind.choices if kind not in taken],
        },
    )


def stage_create(request, slug):
    field = town_object_or_404(Field.objects, request, "administer", slug=slug)
    kind = request.GET.get("kind") if request.GET.get("kind") in StageKind.values else StageKind.STOCKTAKING
    initial = {"kind": kind, "is_public": True, **services.default_stage_rules(kind)}
    return form_page(
        request,
        StageForm(posted(request), field=field, initial=initial),
        "concept/stage_form.html",
        save=partial(services.create_stage, field, actor=request.member),
        done=_("Die Stufe ist angelegt."),
        then=_field_page(field),
        context={"field": field},
    )


def stage_edit(request, pk):
    stage = town_object_or_404(Stage.objects.select_related("field"), request, "administer", pk=pk)
    return form_page(
        request,
        StageForm(posted(request), field=stage.field, instance=stage),
        "concept/stage_form.html",
        save=partial(services.update_stage, stage, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then=_field_page(stage.field),
        context={"field": stage.field, "stage": stage},
    )


def _confirmed(request, obj, action, service, template, done, then):
    """A page that asks first, then archives or takes back out of the archive (`action` is the rule asked)."""
    return form_page(
        request,
        forms.Form(posted(request)),
        template,
        save=partial(service, obj, actor=request.member),
        done=done,
        then=then,
        context={"subject": obj, "action": action},
    )


def field_archive(request, slug):
    field = town_object_or_404(Field.objects, request, "archive", slug=slug)
    done = _("Das Handlungsfeld „%(name)s“ ist archiviert.") % {"name": field.name}
    return _confirmed(
        request,
        field,
        "archive",
        services.archive_field,
        "concept/field_archive.html",
        done,
        "concept:fields",
    )


def field_unarchive(request, slug):
    field = town_object_or_404(Field.objects, request, "unarchive", slug=slug)
    done = _("Das Handlungsfeld „%(name)s“ ist wieder in den Listen.") % {"name": field.name}
    return _confirmed(
        request,
        field,
        "unarchive",
        services.unarchive_field,
        "concept/field_archive.html",
        done,
        "concept:fields",
    )


def stage_archive(request, pk):
    stage = town_object_or_404(Stage.objects.select_related("field"), request, "archive", pk=pk)
    done = _("Die Stufe „%(stage)s“ ist archiviert.") % {"stage": stage}
    return _confirmed(
        request,
        stage,
        "archive",
        services.archive_stage,
        "concept/stage_archive.html",
        done,
        _field_page(stage.field),
    )


def stage_unarchive(request, pk):
    stage = town_object_or_404(Stage.objects.select_related("field"), request, "unarchive", pk=pk)
    done = _("Die Stufe „%(stage)s“ ist wieder im Plan des Handlungsfelds.") % {"stage": stage}
    return _confirmed(
        request,
        stage,
        "unarchive",
        services.unarchive_stage,
        "concept/stage_archive.html",
        done,
        _field_page(stage.field),
    )


def _safe_next(request, target):
    """`target` if it is an address on this site, else ""."""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


def _back(request, fallback):
    return redirect(_safe_next(request, request.POST.get("next", "")) or fallback)


class OpenStageForm(forms.Form):
    """The confirmation to open a stage: which running stage the person saw would close (none: empty)."""

    closes = forms.IntegerField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def stage_open(request, pk):
    """Open a stage. While another of its field runs, a page first names the one that will close.

    A POST without that confirmation (the "Öffnen" button) opens at once where nothing else runs;
    otherwise it shows the page, as does a POST whose confirmed stage no longer is the running one.
    """
    stage = town_object_or_404(Stage.objects.select_related("field"), request, "run_stage", pk=pk)
    running = services.running_stage_besides(stage)
    form = OpenStageForm(
        posted(request),
        initial={"closes": running.pk if running else None, "next": request.GET.get("next", "")},
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        confirmed = "closes" in request.POST
        closing = (
            Stage.objects.for_municipality(request.municipality)
            .filter(pk=form.cleaned_data["closes"], field_id=stage.field_id)
            .first()
            if confirmed
            else None
        )
        if running is None or confirmed:
            try:
                services.open_stage(stage, actor=request.member, closing=closing)
            except services.StageToCloseChanged as changed:
                running = changed.running
                form = OpenStageForm(initial={"closes": running.pk, "next": form.cleaned_data["next"]})
                form.changed = True
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                messages.success(request, _opened_message(stage, closing if confirmed else None))
                return _back(request, stage.field.get_absolute_url())
        else:
            form = OpenStageForm(initial={"closes": running.pk, "next": form.cleaned_data["next"]})
    return render(
        request,
        "concept/stage_open.html",
        {
            "stage": stage,
            "field": stage.field,
            "running": running,
            "form": form,
            "today": timezone.localdate(),
            "back": _safe_next(request, form["next"].value()) or stage.field.get_absolute_url(),
        },
        status=status,
    )


def _opened_message(stage, closed):
    if closed is not None:
        return _("Die Stufe „%(stage)s“ ist geöffnet; „%(closed)s“ ist geschlossen.") % {
            "stage": stage.get_kind_display(),
            "closed": closed.get_kind_display(),
        }
    return _("Die Stufe „%(stage)s“ ist geöffnet.") % {"stage": stage}


@require_POST
def stage_close(request, pk):
    stage = town_object_or_404(Stage.objects.select_related("field"), request, "run_stage", pk=pk)
    services.close_stage(stage, actor=request.member)
    messages.success(request, _("Die Stufe „%(stage)s“ ist geschlossen.") % {"stage": stage})
    return _back(request, stage.field.get_absolute_url())


# --- help ------------------------------------------------------------------------------------------------


def _help_pages(request):
    """The town's help pages in order, with their translations into the reader's language."""
    pages = HelpPage.objects.for_municipality(request.municipality).with_translations(get_language())
    return list(pages)


@require_safe
def help_index(request):
    """What the town's help offers, and the ways to get help that every town has."""
    return render(request, "concept/help_index.html", {"pages": _help_pages(request)})


@require_safe
def help_page(request, slug):
    pages = _help_pages(request)  # the other pages are listed beside it: one query for all
    page = next((page for page in pages if page.slug == slug), None)
    if page is None:
        raise Http404
    return render(request, "concept/help_page.html", {"page": page, "pages": pages})


@require_safe
def help_manage(request):
    """The help pages, each with the town's languages in which a reader still gets German."""
    town = request.municipality
    authorize(request, "administer", town)
    pages = list(HelpPage.objects.for_municipality(town).prefetch_related("translations"))
    to_translate = {}
    for gap in gaps(town, pages):
        to_translate.setdefault(gap.object.pk, []).append(gap)
    for page in pages:
        page.gaps = to_translate.get(page.pk, [])
    return render(request, "concept/help_manage.html", {"pages": pages})


def help_page_create(request):
    return town_form_page(
        request,
        HelpPageForm,
        "concept/help_form.html",
        services.create_help_page,
        done=lambda page: _("Die Hilfeseite „%(title)s“ ist angelegt.") % {"title": page.title},
        then="concept:help_manage",
        context={"heading": _("Hilfeseite anlegen")},
    )


def help_page_edit(request, pk):
    page = town_object_or_404(HelpPage.objects, request, "administer", pk=pk)
    return form_page(
        request,
        HelpPageForm(posted(request), municipality=request.municipality, instance=page),
        "concept/help_form.html",
        save=partial(services.update_help_page, page, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then="concept:help_manage",
        context={"heading": _("%(title)s bearbeiten") % {"title": page.title}, "page": page},
    )


@require_POST
def help_page_delete(request, pk):
    page = town_object_or_404(HelpPage.objects, request, "administer", pk=pk)
    services.delete_help_page(page, actor=request.member)
    messages.success(request, _("Die Hilfeseite „%(title)s“ ist entfernt.") % {"title": page.title})
    return redirect("concept:help_manage")
