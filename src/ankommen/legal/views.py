from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.accounts import privacy as personal_data
from ankommen.core import rules
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted, town_form_page
from ankommen.core.models import Translatable
from ankommen.core.services import save_single
from ankommen.legal import easy_language, ratelimit, services
from ankommen.legal.forms import (
    AccessibilityStatementForm,
    BarrierReportForm,
    EasyLanguageForm,
    ImprintForm,
    NonAccessibleContentForm,
    PrivacyNoticeForm,
    ResolveBarrierReportForm,
    SignLanguageVideoForm,
    TermsVersionForm,
)
from ankommen.legal.models import (
    ENFORCEMENT_ADDRESS,
    ENFORCEMENT_BODY,
    ENFORCEMENT_EMAIL,
    ENFORCEMENT_PHONE,
    ENFORCEMENT_TEXT,
    AccessibilityStatement,
    BarrierReport,
    EasyLanguageText,
    Imprint,
    NonAccessibleContent,
    Part,
    PrivacyNotice,
    SignLanguageVideo,
    TermsVersion,
)
from ankommen.legal.overview import legal_pages, translation_gaps

REPORTS_PER_PAGE = 30
# The conciliation body of Baden-Württemberg, shown even before a town has written its statement.
ENFORCEMENT_DEFAULTS = {
    "body": ENFORCEMENT_BODY,
    "address": ENFORCEMENT_ADDRESS,
    "phone": ENFORCEMENT_PHONE,
    "email": ENFORCEMENT_EMAIL,
    "text": ENFORCEMENT_TEXT,
}
RESOLVED_SHOWN = 10


def _of_town(request, model):
    """The town's rows of `model`, with their translations into the reader's language."""
    return model.objects.for_municipality(request.municipality).with_translations(get_language())


# --- the public pages ------------------------------------------------------------------------------------


@require_safe
def imprint(request):
    return render(request, "legal/imprint.html", {"imprint": _of_town(request, Imprint).first()})


@require_safe
def privacy(request):
    context = {"notice": _of_town(request, PrivacyNotice).first(), "stored": personal_data.notice()}
    return render(request, "legal/privacy.html", context)


def _published_versions(request):
    """Every published version, newest first, and the one in force among them (the same rule as `current`)."""
    versions = list(_of_town(request, TermsVersion).published().newest_first())
    today = timezone.localdate()
    return versions, next((version for version in versions if version.dated <= today), None)


@require_safe
def terms(request):
    """The terms in force, and every published version."""
    versions, current = _published_versions(request)
    return render(request, "legal/terms.html", {"version": current, "current": current, "versions": versions})


@require_safe
def terms_version(request, pk):
    """One version at its own address; a draft only for the admins, who see how it will read."""
    version = town_object_or_404(_of_town(request, TermsVersion), request, pk=pk)
    if not rules.may(request.member, "view_terms_version", version):
        raise Http404("Not published.")
    versions, current = _published_versions(request)
    return render(request, "legal/terms.html", {"version": version, "current": current, "versions": versions})


@require_safe
def accessibility(request):
    statement = _of_town(request, AccessibilityStatement).first()
    items = _of_town(request, NonAccessibleContent).filter(statement=statement) if statement else []
    return render(
        request,
        "legal/accessibility.html",
        {
            "statement": statement,
            "items": items,
            "site": request.build_absolute_uri("/"),
            "enforcement": ENFORCEMENT_DEFAULTS,
        },
    )


def _receive_unless_from_a_bot(town, *, website, **values):
    """A bot fills the field people never see; it is answered like anyone, and nothing is kept."""
    if not website:
        services.receive_barrier_report(town, **values)


def report_barrier(request):
    """Anyone reports a barrier, without an account and without JavaScript; bots are held off."""
    form = BarrierReportForm(posted(request))
    context = {"statement": AccessibilityStatement.objects.for_municipality(request.municipality).first()}
    limited = (
        request.method == "POST"
        and form.is_valid()
        and not ratelimit.consume(request, "barrier-report", ratelimit.BARRIER_REPORTS)
    )
    if limited:
        return render(
            request, "legal/report_barrier.html", {"form": form, "limited": True, **context}, status=429
        )
    return form_page(
        request,
        form,
        "legal/report_barrier.html",
        save=partial(_receive_unless_from_a_bot, request.municipality),
        done=None,  # the page of thanks says it
        then="legal:report_barrier_done",
        context=context,
    )


@require_safe
def report_barrier_done(request):
    return render(request, "legal/report_barrier_done.html")


@require_safe
def easy_language_page(request):
    texts = EasyLanguageText.objects.for_municipality(request.municipality).first()
    return render(
        request,
        "legal/easy_language.html",
        {"sections": easy_language.sections(request.municipality, texts), "page": easy_language.PAGE},
    )


def _parts_with_videos(videos):
    by_part = {video.part: video for video in videos}
    return [{"part": part.value, "label": part.label, "video": by_part.get(part.value)} for part in Part]


@require_safe
def sign_language(request):
    parts = _parts_with_videos(_of_town(request, SignLanguageVideo))
    return render(request, "legal/sign_language.html", {"parts": parts})


# --- the admins' pages ----------------------------------------------------------------------------------


@require_safe
def manage(request):
    """Every legal page with its state, and where a translation is missing or outdated."""
    authorize(request, "administer", request.municipality)
    town = request.municipality
    pages = legal_pages(town)
    return render(
        request,
        "legal/manage.html",
        {
            "pages": pages,
            "gaps": translation_gaps(town, pages),
            "drafts": TermsVersion.objects.for_municipality(town).filter(published_at__isnull=True),
            "versions": TermsVersion.objects.for_municipality(town).published().newest_first(),
            "parts": _parts_with_videos(SignLanguageVideo.objects.for_municipality(town)),
            "open_reports": BarrierReport.objects.for_municipality(town).open().count(),
        },
    )


def _edit_single(request, model, form_class, logged_as, heading, public_url=None):
    """The edit page of the town's one row of `model`, in German; translations go through core."""
    authorize(request, "administer", request.municipality)
    town = request.municipality
    instance = model.objects.for_municipality(town).first()
    return form_page(
        request,
        form_class(posted(request), instance=instance),
        "legal/form.html",
        save=lambda **values: save_single(model, town, actor=request.member, action=logged_as, values=values),
        done=_("Die Änderungen sind gespeichert."),
        then="legal:manage",
        context={
            "heading": heading,
            "public_url": public_url or (instance.get_absolute_url() if instance else ""),
            "translatable": issubclass(model, Translatable),
        },
    )


def imprint_edit(request):
    return _edit_single(request, Imprint, ImprintForm, "legal.imprint_saved", _("Impressum bearbeiten"))


def privacy_edit(request):
    return _edit_single(
        request,
        PrivacyNotice,
        PrivacyNoticeForm,
        "legal.privacy_saved",
        _("Datenschutzerklärung bearbeiten"),
    )


def accessibility_edit(request):
    return _edit_single(
        request,
        AccessibilityStatement,
        AccessibilityStatementForm,
        "legal.accessibility_saved",
        _("Erklärung zur Barrierefreiheit bearbeiten"),
    )


def easy_language_edit(request):
    return _edit_single(
        request,
        EasyLanguageText,
        EasyLanguageForm,
        "legal.easy_language_saved",
        _("Leichte Sprache bearbeiten"),
        public_url=reverse("legal:easy_language"),
    )


def terms_create(request):
    return town_form_page(
        request,
        TermsVersionForm,
        "legal/form.html",
        services.create_terms_version,
        done=lambda version: (
            _("Die Fassung %(number)s ist als Entwurf angelegt.") % {"number": version.number}
        ),
        then="legal:manage",
        context={"heading": _("Neue Fassung der Nutzungsbedingungen"), "terms": True},
    )


def terms_edit(request, pk):
    version = town_object_or_404(TermsVersion.objects, request, "administer", pk=pk)
    if version.is_published:
        messages.info(request, _("Eine veröffentlichte Fassung bleibt, wie sie ist. Legen Sie eine neue an."))
        return redirect("legal:manage")
    return form_page(
        request,
        TermsVersionForm(posted(request), municipality=request.municipality, instance=version),
        "legal/form.html",
        save=partial(services.update_terms_version, version, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then="legal:manage",
        context={
            "heading": _("Entwurf der Fassung %(number)s bearbeiten") % {"number": version.number},
            "public_url": version.get_absolute_url(),
            "terms": True,
        },
    )


@require_POST
def terms_publish(request, pk):
    version = town_object_or_404(TermsVersion.objects, request, "administer", pk=pk)
    services.publish_terms_version(version, actor=request.member)
    messages.success(request, _("Die Fassung %(number)s ist veröffentlicht.") % {"number": version.number})
    return redirect("legal:manage")


def _statement_or_404(request):
    statement = AccessibilityStatement.objects.for_municipality(request.municipality).first()
    if statement is None:
        raise Http404("No accessibility statement yet.")
    return statement


def non_accessible_content_create(request):
    authorize(request, "administer", request.municipality)
    return form_page(
        request,
        NonAccessibleContentForm(posted(request)),
        "legal/form.html",
        save=partial(services.add_non_accessible_content, _statement_or_404(request), actor=request.member),
        done=_("Der Inhalt steht jetzt in der Erklärung zur Barrierefreiheit."),
        then="legal:manage",
        context={"heading": _("Nicht barrierefreien Inhalt eintragen"), "translatable": True},
    )


def non_accessible_content_edit(request, pk):
    item = town_object_or_404(NonAccessibleContent.objects, request, "administer", pk=pk)
    return form_page(
        request,
        NonAccessibleContentForm(posted(request), instance=item),
        "legal/form.html",
        save=partial(services.update_non_accessible_content, item, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then="legal:manage",
        context={"heading": _("Nicht barrierefreien Inhalt bearbeiten"), "item": item, "translatable": True},
    )


@require_POST
def non_accessible_content_delete(request, pk):
    item = town_object_or_404(NonAccessibleContent.objects, request, "administer", pk=pk)
    services.remove_non_accessible_content(item, actor=request.member)
    messages.success(request, _("Der Inhalt steht nicht mehr in der Erklärung zur Barrierefreiheit."))
    return redirect("legal:manage")


def sign_language_edit(request, part):
    authorize(request, "administer", request.municipality)
    if part not in Part.values:
        raise Http404("No such part.")
    instance = SignLanguageVideo.objects.for_municipality(request.municipality).filter(part=part).first()
    form = SignLanguageVideoForm(posted(request), request.FILES or None, instance=instance)
    return form_page(
        request,
        form,
        "legal/form.html",
        save=lambda **values: services.save_sign_language_video(
            request.municipality, part, actor=request.member, facts=form.facts, **values
        ),
        done=_("Das Video und seine Beschreibung sind gespeichert."),
        then="legal:manage",
        context={
            "heading": _("Gebärdensprache: %(part)s") % {"part": Part(part).label},
            "public_url": reverse("legal:sign_language"),
            "video": instance,
            "translatable": True,
        },
    )


# --- the barrier reports' queue --------------------------------------------------------------------------


@require_safe
def barrier_queue(request):
    """Open reports, overdue ones first and then by the day the answer is due; the last resolved below."""
    authorize(request, "moderate_town", request.municipality)
    reports = BarrierReport.objects.for_municipality(request.municipality)
    page = Paginator(reports.for_queue(), REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    resolved = reports.resolved().select_related("resolved_by__user").order_by("-resolved_at")
    return render(
        request,
        "legal/barrier_queue.html",
        {"page_obj": page, "resolved": resolved[:RESOLVED_SHOWN]},
    )


def barrier_report(request, pk):
    """One report in full, to answer it; a POST marks it answered or closed."""
    report = town_object_or_404(
        BarrierReport.objects.select_related("resolved_by__user"), request, "moderate_town", pk=pk
    )
    if request.method == "POST" and not report.is_open:
        messages.info(request, _("Diese Meldung ist schon erledigt."))
        return redirect("legal:barrier_report", report.pk)
    return form_page(
        request,
        ResolveBarrierReportForm(posted(request)),
        "legal/barrier_report.html",
        save=partial(services.resolve_barrier_report, report, actor=request.member),
        done=_("Die Meldung ist erledigt."),
        then="legal:barrier_queue",
        context={"report": report},
    )
