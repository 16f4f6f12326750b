from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ankommen.core import rules
from ankommen.core.access import authorize, town_object_or_404
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


def imprint(request):
    return render(request, "legal/imprint.html", {"imprint": _of_town(request, Imprint).first()})


def privacy(request):
    return render(request, "legal/privacy.html", {"notice": _of_town(request, PrivacyNotice).first()})


def _published_versions(request):
    """Every published version, newest first, and the one in force among them (the same rule as `current`)."""
    versions = list(_of_town(request, TermsVersion).published().newest_first())
    today = timezone.localdate()
    return versions, next((version for version in versions if version.dated <= today), None)


def terms(request):
    """The terms in force, and every published version."""
    versions, current = _published_versions(request)
    return render(request, "legal/terms.html", {"version": current, "current": current, "versions": versions})


def terms_version(request, pk):
    """One version at its own address; a draft only for the admins, who see how it will read."""
    version = town_object_or_404(_of_town(request, TermsVersion), request, pk=pk)
    if not rules.may(request.member, "view_terms_version", version):
        raise Http404("Not published.")
    versions, current = _published_versions(request)
    return render(request, "legal/terms.html", {"version": version, "current": current, "versions": versions})


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


def report_barrier(request):
    """Anyone reports a barrier, without an account and without JavaScript; bots are held off."""
    form = BarrierReportForm(request.POST or None)
    limited = False
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, "barrier-report", ratelimit.BARRIER_REPORTS):
            limited = True
        else:
            if not form.is_from_a_bot():
                data = {key: value for key, value in form.cleaned_data.items() if key != "website"}
                services.receive_barrier_report(request.municipality, **data)
            # A bot learns nothing from the answer: it looks like success either way.
            return redirect("legal:report_barrier_done")
    statement = AccessibilityStatement.objects.for_municipality(request.municipality).first()
    return render(
        request,
        "legal/report_barrier.html",
        {"form": form, "limited": limited, "statement": statement},
        status=429 if limited else 400 if form.errors else 200,
    )


def report_barrier_done(request):
    return render(request, "legal/report_barrier_done.html")


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


def sign_language(request):
    parts = _parts_with_videos(_of_town(request, SignLanguageVideo))
    return render(request, "legal/sign_language.html", {"parts": parts})


# --- the admins' pages ----------------------------------------------------------------------------------


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


def _edit_single(request, model, form_class, save, heading):
    """The edit page of a town's one row of `model`: its German text; translations go through core."""
    authorize(request, "administer", request.municipality)
    instance = model.objects.for_municipality(request.municipality).first()
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save(request.municipality, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Die Änderungen sind gespeichert."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "heading": heading,
            "public_url": instance.get_absolute_url() if instance else "",
            "translatable": True,
        },
        status=400 if form.errors else 200,
    )


def imprint_edit(request):
    return _edit_single(request, Imprint, ImprintForm, services.save_imprint, _("Impressum bearbeiten"))


def privacy_edit(request):
    return _edit_single(
        request,
        PrivacyNotice,
        PrivacyNoticeForm,
        services.save_privacy_notice,
        _("Datenschutzerklärung bearbeiten"),
    )


def accessibility_edit(request):
    return _edit_single(
        request,
        AccessibilityStatement,
        AccessibilityStatementForm,
        services.save_accessibility_statement,
        _("Erklärung zur Barrierefreiheit bearbeiten"),
    )


def easy_language_edit(request):
    authorize(request, "administer", request.municipality)
    instance = EasyLanguageText.objects.for_municipality(request.municipality).first()
    form = EasyLanguageForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_easy_language(request.municipality, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Die Änderungen sind gespeichert."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "heading": _("Leichte Sprache bearbeiten"),
            "public_url": reverse("legal:easy_language"),
        },
        status=400 if form.errors else 200,
    )


def terms_create(request):
    authorize(request, "administer", request.municipality)
    form = TermsVersionForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        version = services.create_terms_version(
            request.municipality, actor=request.member, **form.cleaned_data
        )
        messages.success(
            request, _("Die Fassung %(number)s ist als Entwurf angelegt.") % {"number": version.number}
        )
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {"form": form, "heading": _("Neue Fassung der Nutzungsbedingungen"), "terms": True},
        status=400 if form.errors else 200,
    )


def terms_edit(request, pk):
    version = town_object_or_404(TermsVersion.objects, request, "administer", pk=pk)
    if version.is_published:
        messages.info(request, _("Eine veröffentlichte Fassung bleibt, wie sie ist. Legen Sie eine neue an."))
        return redirect("legal:manage")
    form = TermsVersionForm(request.POST or None, municipality=request.municipality, instance=version)
    if request.method == "POST" and form.is_valid():
        services.update_terms_version(version, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Die Änderungen sind gespeichert."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "heading": _("Entwurf der Fassung %(number)s bearbeiten") % {"number": version.number},
            "public_url": version.get_absolute_url(),
            "terms": True,
        },
        status=400 if form.errors else 200,
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
    statement = _statement_or_404(request)
    form = NonAccessibleContentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_non_accessible_content(statement, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Der Inhalt steht jetzt in der Erklärung zur Barrierefreiheit."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {"form": form, "heading": _("Nicht barrierefreien Inhalt eintragen"), "translatable": True},
        status=400 if form.errors else 200,
    )


def non_accessible_content_edit(request, pk):
    item = town_object_or_404(NonAccessibleContent.objects, request, "administer", pk=pk)
    form = NonAccessibleContentForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.update_non_accessible_content(item, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Die Änderungen sind gespeichert."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "heading": _("Nicht barrierefreien Inhalt bearbeiten"),
            "item": item,
            "translatable": True,
        },
        status=400 if form.errors else 200,
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
    form = SignLanguageVideoForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_sign_language_video(
            request.municipality,
            part,
            actor=request.member,
            description=form.cleaned_data["description"],
            video=form.cleaned_data["video"],
            facts=form.facts,
        )
        messages.success(request, _("Das Video und seine Beschreibung sind gespeichert."))
        return redirect("legal:manage")
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "heading": _("Gebärdensprache: %(part)s") % {"part": Part(part).label},
            "public_url": reverse("legal:sign_language"),
            "video": instance,
            "translatable": True,
        },
        status=400 if form.errors else 200,
    )


# --- the barrier reports' queue --------------------------------------------------------------------------


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
    form = ResolveBarrierReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.resolve_barrier_report(report, actor=request.member, **form.cleaned_data)
        messages.success(request, _("Die Meldung ist erledigt."))
        return redirect("legal:barrier_queue")
    return render(
        request,
        "legal/barrier_report.html",
        {"report": report, "form": form},
        status=400 if form.errors else 200,
    )
