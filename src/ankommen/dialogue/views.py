import copy
from collections.abc import Sequence
from functools import cache, partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.concept.models import Field, Stage, StageStatus
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted
from ankommen.core.limits import LimitReached
from ankommen.core.page_cache import for_visitors
from ankommen.core.rules import may
from ankommen.dialogue import answers, services
from ankommen.dialogue.forms import (
    FILTER_NAMES,
    CommentEditForm,
    CommentForm,
    ContributionEditForm,
    ContributionForm,
    FilterForm,
    WithdrawForm,
    chosen_sort,
    sort_options,
)
from ankommen.dialogue.models import Comment, Contribution, ContributionKind, Support
from ankommen.dialogue.tags import TownTags

CONTRIBUTIONS_PER_PAGE = 20
COMMENTS_PER_PAGE = 50


@require_safe
@for_visitors
def field_page(request, slug):
    """A field of action: its stages and its contributions, filterable and paginated."""
    language = get_language()
    field = town_object_or_404(
        Field.objects.with_stages(language).with_translations(language), request, slug=slug
    )
    stages = list(field.stages.all())
    # The form is built only where it is needed: to read filters, or to render it when its cached
    # fragment is missing. A plain list (no filter asked for) goes without it.
    tags = TownTags(request.municipality, language)  # for the filters and the cards, fetched once if at all
    filter_form = SimpleLazyObject(lambda: FilterForm(request.GET or None, stages=stages, tags=tags))
    filters = filter_form.filters() if FILTER_NAMES.intersection(request.GET) else {}
    sort = chosen_sort(request.GET)
    visible = Contribution.objects.visible_to(request.member, request.municipality).filter(field=field)
    contributions = visible.filtered(**filters).sorted(sort).for_list(language, tags=False)
    # Counted and fetched only when the list is rendered anew, not when its fragment is in the cache;
    # a list without filters is counted with the summary of its answers, in one query.
    overview = cache(partial(answers.counted, visible))
    page = SimpleLazyObject(
        lambda: CardPaginator(
            contributions,
            CONTRIBUTIONS_PER_PAGE,
            tags=tags,
            counting=contributions.count if filters else lambda: overview()[0],
        ).get_page(request.GET.get("page"))
    )
    context = {
        "field": field,
        "stages": stages,
        "members_only_stages": [stage for stage in stages if not may(request.member, "view_stage", stage)],
        "filter_form": filter_form,
        "sort_options": sort_options(sort),
        "page_obj": page,
        # Who sees which list: everyone the same one, but a town's members see its members-only stages.
        "audience": "members"
        if request.member and request.member.municipality_id == field.municipality_id
        else "",
        # Called only when the list's cached fragment is rendered anew.
        "answer_summary": lambda: overview()[1],
    }
    if request.htmx and request.htmx.target == "beitraege" and not request.htmx.history_restore_request:
        return render(request, "dialogue/partials/contribution_list.html", context)
    return render(request, "dialogue/field.html", context)


class CardPaginator(Paginator):
    """Pages of a list of cards: each page's contributions get their tags in one query when it is shown.

    `counting()` tells how many cards there are (where the view counts them with something else).
    """

    def __init__(self, *args, tags, counting, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags, self.counting = tags, counting

    @cached_property
    def count(self):
        return self.counting()

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(_Tagged(object_list, self.tags), number, paginator)


class _Tagged(Sequence):
    """A page's contributions (a sliced queryset), fetched on first use, each with its tags and where
    it was merged into another, the address of that one."""

    def __init__(self, contributions, tags):
        self.contributions, self.tags = contributions, tags

    @cached_property
    def fetched(self):
        return self.tags.put_on(answers.with_merge_targets(list(self.contributions)))

    def __getitem__(self, index):
        return self.fetched[index]

    def __len__(self):
        return len(self.fetched)

    def __iter__(self):
        return iter(self.fetched)


def _contribution(request, pk, action="view_item", **lookup):
    return town_object_or_404(
        Contribution.objects.for_list(get_language()).select_related("promoted_by__user"),
        request,
        action,
        pk=pk,
        **lookup,
    )


def _authorize_writing(request, own, on_paper, obj):
    """A POST asks one action: entering from paper when it names a person or a place, else writing in one's own name.

    So a member's POST with paper fields is refused (not saved under their name with the fields
    dropped), and staff who may only enter from paper are refused a text in their own name.
    """
    from_paper = any(request.POST.get(name, "").strip() for name in ("paper_author", "paper_occasion"))
    authorize(request, on_paper if from_paper else own, obj)


def _paper_modes(request, own, on_paper, obj):
    """The form's fields: whether the member may enter someone's words from paper, and only those."""
    paper = may(request.member, on_paper, obj)
    return {"paper": paper, "paper_only": paper and not may(request.member, own, obj)}


def contribution_page(request, slug, pk):
    """A contribution with its comments; a POST adds a comment.

    A comment sent after the stage closed, by someone who could comment while it ran, comes back
    in the form with the reason (status 400); nothing is written.
    """
    contribution = _contribution(request, pk, field__slug=slug)
    asked = contribution
    if request.method == "POST" and _stage_ended_for(
        request, contribution.stage, "write_comment", contribution
    ):
        asked = copy.copy(contribution)
        asked.stage = _as_if_open(contribution.stage)
    if request.method == "POST":
        _authorize_writing(request, "comment", "record_comment_on_paper", asked)
    comments = contribution.comments.for_page()  # each knows its contribution: the rules ask it
    form = CommentForm(posted(request), **_paper_modes(request, "comment", "record_comment_on_paper", asked))
    if asked is not contribution:
        form.is_valid()
        form.add_error(None, _stage_ended_message(contribution.stage))  # so nothing is saved
    return form_page(
        request,
        form,
        "dialogue/contribution.html",
        save=partial(services.add_comment, contribution, author=request.member),
        done=_("Danke! Ihr Kommentar ist veröffentlicht."),
        then=Comment.get_absolute_url,
        context={
            "contribution": contribution,
            "field": contribution.field,
            "page_obj": Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page")),
            "may_write_comment": may(
                request.member, "write_comment", asked
            ),  # a comment sent too late comes back in it
            "supported": bool(Support.objects.supported_by(request.member, [contribution])),
            "answers": answers.history_of(contribution, get_language()),
            "merged_from": answers.merged_into_this(contribution, get_language()),
        },
    )


def _stage_ended_for(request, stage, action, obj):
    """Whether the member may not `action` on `obj` only because its stage no longer runs (nor was archived)."""
    if stage.is_open or stage.is_archived or stage.field.is_archived or may(request.member, action, obj):
        return False
    if obj is stage:
        return may(request.member, action, _as_if_open(stage))
    running = copy.copy(obj)
    running.stage = _as_if_open(stage)
    return may(request.member, action, running)


def _as_if_open(stage):
    """A copy of a stage that is not running, as it was while it ran: what the rules would have said then."""
    running = copy.copy(stage)
    running.status = StageStatus.OPEN
    return running


def add_contribution(request, slug, stage_pk):
    """Write a contribution in a running stage.

    Someone who had the form while the stage ran and sends it after it closed is told so, with
    their text kept in the form (status 400); nothing is written, and the rules still refuse it.
    """
    stage = town_object_or_404(Stage.objects.select_related("field"), request, pk=stage_pk, field__slug=slug)
    ended = request.method == "POST" and _stage_ended_for(request, stage, "write_in_stage", stage)
    asked = _as_if_open(stage) if ended else stage
    authorize(request, "write_in_stage", asked)
    if request.method == "POST":
        _authorize_writing(request, "contribute", "record_on_paper", asked)
    modes = _paper_modes(request, "contribute", "record_on_paper", asked)
    form = ContributionForm(posted(request), stage=stage, **modes)
    context = {
        "heading": _("Befund einbringen")
        if ContributionKind.FINDING in stage.features.contribute
        else _("Handlungsoption einbringen"),
        "stage": stage,
        "field": stage.field,
        "paper_only": modes["paper_only"],
    }
    if ended:
        form.is_valid()
        form.add_error(None, _stage_ended_message(stage))
        return render(request, "dialogue/contribution_form.html", {"form": form, **context}, status=400)
    return form_page(
        request,
        form,
        "dialogue/contribution_form.html",
        save=partial(services.add_contribution, stage, author=request.member),
        done=_("Danke! Ihr Beitrag ist veröffentlicht."),
        then=Contribution.get_absolute_url,
        context=context,
    )


def _stage_ended_message(stage):
    if stage.status == StageStatus.CLOSED:
        return _(
            "Diese Stufe ist inzwischen geschlossen. Ihr Beitrag wurde deshalb nicht veröffentlicht. "
            "Ihr Text steht noch unten im Formular: Kopieren Sie ihn, wenn Sie ihn behalten möchten."
        )
    return _(
        "Diese Stufe ist gerade nicht geöffnet. Ihr Beitrag wurde deshalb nicht veröffentlicht. "
        "Ihr Text steht noch unten im Formular: Kopieren Sie ihn, wenn Sie ihn behalten möchten."
    )


@require_POST
def support(request, pk):
    contribution = _contribution(request, pk, "support")
    withdraw = bool(request.POST.get("withdraw"))
    try:
        if withdraw:
            services.withdraw_support(contribution, member=request.member)
        else:
            services.support(contribution, member=request.member)
    except LimitReached as reached:
        context = {"contribution": contribution, "supported": withdraw, "limit_reached": reached.messages[0]}
        if request.htmx:  # htmx swaps only answers of 2xx: the message takes the button's place
            return render(request, "dialogue/partials/support.html", context)
        return render(request, "dialogue/limit_reached.html", context, status=429)
    if request.htmx:
        return render(
            request,
            "dialogue/partials/support.html",
            {"contribution": contribution, "supported": not withdraw},
        )
    return redirect(contribution.get_absolute_url())


@require_POST
def promote(request, pk):
    contribution = _contribution(request, pk, "promote")
    services.promote_contribution(contribution, actor=request.member)
    messages.success(request, _("Die Handlungsoption ist jetzt eine Handlungsempfehlung."))
    return redirect(contribution.get_absolute_url())


# --- authors own their text -----------------------------------------------------------------------


def _own_contribution(request, slug, pk, action):
    return town_object_or_404(
        Contribution.objects.select_related("stage", "field"), request, action, pk=pk, field__slug=slug
    )


def _own_comment(request, pk, action):
    return town_object_or_404(
        Comment.objects.select_related("contribution__stage", "contribution__field"), request, action, pk=pk
    )


def edit_contribution(request, slug, pk):
    """The author changes their contribution while its stage is open."""
    contribution = _own_contribution(request, slug, pk, "edit_item")
    return form_page(
        request,
        ContributionEditForm(posted(request), instance=contribution),
        "dialogue/edit.html",
        save=partial(services.edit_contribution, contribution, author=request.member),
        done=_("Ihre Änderung ist gespeichert."),
        then=Contribution.get_absolute_url,
        context={"heading": _("Beitrag bearbeiten"), "item": contribution, "field": contribution.field},
    )


def withdraw_contribution(request, slug, pk):
    """The author withdraws their contribution, after confirming it."""
    contribution = _own_contribution(request, slug, pk, "withdraw_item")
    return form_page(
        request,
        WithdrawForm(posted(request)),
        "dialogue/withdraw.html",
        save=partial(services.withdraw_contribution, contribution, author=request.member),
        done=_("Ihr Beitrag ist zurückgezogen."),
        then=Contribution.get_absolute_url,
        context={
            "heading": _("Beitrag zurückziehen?"),
            "submit": _("Beitrag zurückziehen"),
            "item": contribution,
            "excerpt": contribution.title,
        },
    )


def edit_comment(request, pk):
    """The author changes their comment while the stage is open."""
    comment = _own_comment(request, pk, "edit_item")
    return form_page(
        request,
        CommentEditForm(posted(request), instance=comment),
        "dialogue/edit.html",
        save=partial(services.edit_comment, comment, author=request.member),
        done=_("Ihre Änderung ist gespeichert."),
        then=Comment.get_absolute_url,
        context={"heading": _("Kommentar bearbeiten"), "item": comment, "field": comment.contribution.field},
    )


def withdraw_comment(request, pk):
    """The author withdraws their comment, after confirming it."""
    comment = _own_comment(request, pk, "withdraw_item")
    return form_page(
        request,
        WithdrawForm(posted(request)),
        "dialogue/withdraw.html",
        save=partial(services.withdraw_comment, comment, author=request.member),
        done=_("Ihr Kommentar ist zurückgezogen."),
        then=Comment.get_absolute_url,
        context={
            "heading": _("Kommentar zurückziehen?"),
            "submit": _("Kommentar zurückziehen"),
            "item": comment,
            "excerpt": comment.body,
        },
    )
