from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ankommen.concept.models import Field, Stage
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.rules import may
from ankommen.dialogue import services
from ankommen.dialogue.forms import CommentForm, ContributionForm, FilterForm, HideForm, ReportForm
from ankommen.dialogue.models import Comment, Contribution, Report, Support

CONTRIBUTIONS_PER_PAGE = 20
COMMENTS_PER_PAGE = 50
REPORTS_PER_PAGE = 30


def field_page(request, slug):
    """A field of action: its stages and its contributions, filterable and paginated."""
    language = get_language()
    field = town_object_or_404(
        Field.objects.with_stages(language).with_translations(language), request, slug=slug
    )
    stages = list(field.stages.all())
    filter_form = FilterForm(request.GET or None, stages=stages, municipality=request.municipality)
    contributions = (
        Contribution.objects.visible_to(request.member, request.municipality)
        .filter(field=field)
        .filtered(**filter_form.filters())
        .for_list(language)
    )
    page = Paginator(contributions, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "field": field,
        "stages": stages,
        "members_only_stages": [stage for stage in stages if not may(request.member, "view_stage", stage)],
        "filter_form": filter_form,
        "page_obj": page,
        "supported_ids": Support.objects.supported_by(request.member, page.object_list),
    }
    if request.htmx and request.htmx.target == "beitraege" and not request.htmx.history_restore_request:
        return render(request, "dialogue/partials/contribution_list.html", context)
    return render(request, "dialogue/field.html", context)


def _contribution(request, pk, action="view", **lookup):
    return town_object_or_404(
        Contribution.objects.for_list(get_language()).select_related("hidden_by__user", "promoted_by__user"),
        request,
        action,
        pk=pk,
        **lookup,
    )


def _writing_modes(request, own, on_paper, obj):
    """May the member write here themselves, and may they enter someone's words from paper?"""
    return may(request.member, own, obj), may(request.member, on_paper, obj)


def contribution_page(request, slug, pk):
    """A contribution with its comments; a POST adds a comment."""
    contribution = _contribution(request, pk, field__slug=slug)
    own, paper = _writing_modes(request, "comment", "record_comment_on_paper", contribution)
    form = CommentForm(request.POST or None, paper=paper, paper_only=paper and not own)
    if request.method == "POST":
        if not (own or paper):
            authorize(request, "comment", contribution)
        if form.is_valid():
            comment = services.add_comment(contribution, author=request.member, **form.cleaned_data)
            messages.success(request, _("Danke! Ihr Kommentar ist veröffentlicht."))
            return redirect(comment.get_absolute_url())
    comments = (
        Comment.objects.for_municipality(request.municipality).filter(contribution=contribution).for_page()
    )
    page = Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "dialogue/contribution.html",
        {
            "contribution": contribution,
            "field": contribution.field,
            "page_obj": page,
            "form": form,
            "may_write_comment": own or paper,
            "supported": bool(Support.objects.supported_by(request.member, [contribution])),
        },
        status=400 if form.errors else 200,
    )


def add_contribution(request, slug, stage_pk):
    stage = town_object_or_404(Stage.objects.select_related("field"), request, pk=stage_pk, field__slug=slug)
    own, paper = _writing_modes(request, "contribute", "record_on_paper", stage)
    if not (own or paper):
        authorize(request, "contribute", stage)
    form = ContributionForm(request.POST or None, stage=stage, paper=paper, paper_only=paper and not own)
    if request.method == "POST" and form.is_valid():
        contribution = services.add_contribution(stage, author=request.member, **form.cleaned_data)
        messages.success(request, _("Danke! Ihr Beitrag ist veröffentlicht."))
        return redirect(contribution.get_absolute_url())
    return render(
        request,
        "dialogue/contribution_form.html",
        {"stage": stage, "field": stage.field, "form": form, "paper_only": paper and not own},
        status=400 if form.errors else 200,
    )


@require_POST
def support(request, pk):
    contribution = _contribution(request, pk, "support")
    if request.POST.get("withdraw"):
        services.withdraw_support(contribution, member=request.member)
        supported = False
    else:
        services.support(contribution, member=request.member)
        supported = True
    if request.htmx:
        return render(
            request, "dialogue/partials/support.html", {"contribution": contribution, "supported": supported}
        )
    return redirect(contribution.get_absolute_url())


@require_POST
def promote(request, pk):
    contribution = _contribution(request, pk, "promote")
    services.promote_contribution(contribution, actor=request.member)
    messages.success(request, _("Die Handlungsoption ist jetzt eine Handlungsempfehlung."))
    return redirect(contribution.get_absolute_url())


def _form_about_item(request, item, *, form_class, act, heading, submit, done, explanation=""):
    """A page with one small form about a contribution or a comment: report it, hide it."""
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        act(item, **form.cleaned_data)
        messages.success(request, done)
        return redirect(item.get_absolute_url())
    context = {"form": form, "item": item, "heading": heading, "submit": submit, "explanation": explanation}
    return render(request, "dialogue/item_form.html", context, status=400 if form.errors else 200)


def _report(request, item, heading):
    return _form_about_item(
        request,
        item,
        form_class=ReportForm,
        act=partial(services.report, reporter=request.member),
        heading=heading,
        submit=_("Meldung senden"),
        done=_("Danke! Die Moderation sieht sich Ihre Meldung an."),
    )


def _hide(request, item, hide, heading):
    return _form_about_item(
        request,
        item,
        form_class=HideForm,
        act=partial(hide, moderator=request.member),
        heading=heading,
        submit=_("Ausblenden"),
        done=_("Ausgeblendet. Der Grund ist an der Stelle sichtbar."),
        explanation=_(
            "Ausblenden löscht nichts: An der Stelle steht für alle sichtbar „ausgeblendet durch die "
            "Moderation“ mit Ihrem Grund. Die Moderation sieht den Text weiterhin."
        ),
    )


def report_contribution(request, pk):
    return _report(request, _contribution(request, pk, "report"), _("Beitrag melden"))


def _comment(request, pk, action):
    return town_object_or_404(
        Comment.objects.select_related("contribution__stage", "contribution__field", "author__user"),
        request,
        action,
        pk=pk,
    )


def report_comment(request, pk):
    return _report(request, _comment(request, pk, "report"), _("Kommentar melden"))


def queue(request):
    """The moderators' queue: open reports, oldest first."""
    authorize(request, "moderate_town", request.municipality)
    reports = (
        Report.objects.for_municipality(request.municipality)
        .open()
        .select_related("contribution__field", "contribution__stage", "comment", "reporter__user")
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dialogue/queue.html", {"page_obj": page})


def hide_contribution(request, pk):
    contribution = _contribution(request, pk, "moderate")
    return _hide(request, contribution, services.hide_contribution, _("Beitrag ausblenden"))


def hide_comment(request, pk):
    comment = _comment(request, pk, "moderate")
    return _hide(request, comment, services.hide_comment, _("Kommentar ausblenden"))


@require_POST
def dismiss_report(request, pk):
    report = town_object_or_404(Report.objects.open(), request, "moderate", pk=pk)
    services.dismiss_report(report, moderator=request.member)
    messages.success(request, _("Die Meldung ist zurückgewiesen."))
    return redirect("dialogue:queue")
