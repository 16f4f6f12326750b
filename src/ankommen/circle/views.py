from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.circle import matching, profiles, services
from ankommen.circle.forms import (
    AnswerForm,
    CallForm,
    CompetenceForm,
    InviteForm,
    LanguageForm,
    MemberSearchForm,
    OrganisationForm,
    PaperAnswerForm,
    ProfileForm,
)
from ankommen.circle.models import (
    Call,
    CallAnswer,
    CallInvitation,
    CallStatus,
    Competence,
    InvitationStatus,
    MemberCompetence,
    Organisation,
    OrganisationMembership,
    Profile,
)
from ankommen.circle.rules import viewer_level
from ankommen.circle.vocabulary import Visibility
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted, town_form_page
from ankommen.core.pagination import UncountedPage
from ankommen.core.rules import may

RESULTS_PER_PAGE = 25
COUNTED_UP_TO = 1000

# --- a member's own profile ----------------------------------------------------------------------------------


@login_required
def profile_edit(request):
    """The member's profile in the open circle: what they can do, and who sees each part."""
    member = request.member
    authorize(request, "edit_profile", member)
    profile = services.profile_of(member)
    return form_page(
        request,
        ProfileForm(posted(request), municipality=request.municipality, instance=profile),
        "circle/profile_edit.html",
        save=partial(services.save_profile, member, actor=member),
        done=_("Ihr Profil ist gespeichert."),
        then="circle:profile_edit",
        context={"heading": _("Was ich kann und einbringe"), "languages": _languages_of(profile)},
    )


def _languages_of(profile):
    return list(profile.languages.all()) if profile.pk else []


@login_required
def languages(request):
    """The languages in the member's profile, each with its levels; a form adds one or changes its levels."""
    member = request.member
    authorize(request, "edit_profile", member)
    return form_page(
        request,
        LanguageForm(posted(request)),
        "circle/languages.html",
        save=partial(services.set_language, member, actor=member),
        done=_("Die Sprache ist gespeichert."),
        then="circle:languages",
        context={"heading": _("Meine Sprachen"), "languages": _languages_of(services.profile_of(member))},
    )


@require_POST
@login_required
def language_remove(request, code):
    member = request.member
    authorize(request, "edit_profile", member)
    services.remove_language(member, actor=member, language=code)
    messages.success(request, _("Die Sprache ist aus Ihrem Profil entfernt."))
    return redirect("circle:languages")


PREVIEW_LEVELS = {
    "alle": Visibility.PUBLIC,
    "mitglieder": Visibility.MEMBERS,
    "verwaltung": Visibility.ADMINS,
}


@require_safe
@login_required
def preview(request):
    """The member's profile as others see it: visitors, members, the administration."""
    member = request.member
    authorize(request, "edit_profile", member)
    chosen = request.GET.get("als", "alle")
    if chosen not in PREVIEW_LEVELS:
        chosen = "alle"
    profile = services.profile_of(member)
    profile.member = member
    view = profiles.shown([profile], PREVIEW_LEVELS[chosen])[0] if profile.pk else None
    return render(
        request,
        "circle/preview.html",
        {"view": view, "chosen": chosen, "subject": member},
    )


@require_safe
def member(request, pk):
    """A member's profile, with the parts its member lets this viewer see."""
    profile = town_object_or_404(
        Profile.objects.select_related("member__user"),
        request,
        "view_profile",
        member_id=pk,
        member__is_active=True,
    )
    view = profiles.shown([profile], viewer_level(request.member, request.municipality.pk))[0]
    return render(request, "circle/member.html", {"view": view, "subject": profile.member})


# --- requests for the member's help ---------------------------------------------------------------------------


@require_safe
@login_required
def my_calls(request):
    """The calls the member was asked to help with, and those they answered."""
    member = request.member
    authorize(request, "edit_profile", member)
    invitations = CallInvitation.objects.for_municipality(request.municipality).filter(member=member)
    answers = CallAnswer.objects.for_municipality(request.municipality).filter(member=member)
    return render(
        request,
        "circle/my_calls.html",
        {
            "invitations": invitations.select_related("call", "member"),
            "answers": answers.select_related("call"),
        },
    )


def _answer_invitation(request, pk, accept):
    invitation = town_object_or_404(
        CallInvitation.objects.select_related("call", "member"), request, "answer_invitation", pk=pk
    )
    return form_page(
        request,
        forms.Form(posted(request)),
        "circle/invitation_answer.html",
        save=partial(services.answer_invitation, invitation, actor=request.member, accept=accept),
        done=_("Danke! Die Verwaltung meldet sich bei Ihnen.")
        if accept
        else _("Ihre Absage ist angekommen. Danke für Ihre Antwort."),
        then="circle:my_calls",
        context={"invitation": invitation, "accept": accept},
    )


def invitation_accept(request, pk):
    return _answer_invitation(request, pk, True)


def invitation_decline(request, pk):
    return _answer_invitation(request, pk, False)


# --- organisations --------------------------------------------------------------------------------------------


@require_safe
def organisations(request):
    town = request.municipality
    rows = Organisation.objects.for_municipality(town).with_translations(get_language())
    return render(request, "circle/organisations.html", {"organisations": rows})


def _organisation(request, slug, action=None):
    queryset = Organisation.objects.with_translations(get_language()).prefetch_related("fields")
    return town_object_or_404(queryset, request, action, slug=slug)


@require_safe
def organisation(request, slug):
    """An organisation: what it does, its fields, and the members who let this viewer see that they belong."""
    organisation = _organisation(request, slug)
    level = viewer_level(request.member, request.municipality.pk)
    memberships = list(
        organisation.memberships.filter(
            member__is_active=True, member__circle_profile__organisations_visible_to__lte=level
        )
        .select_related("member__user", "member__circle_profile")
        .order_by("member__user__display_name")
    )
    shown = profiles.shown([row.member.circle_profile for row in memberships], level)
    confirmable = _confirmable(request, organisation)
    return render(
        request,
        "circle/organisation.html",
        {"organisation": organisation, "shown": shown, "confirmable": confirmable},
    )


def _confirmable(request, organisation):
    """For a contact person (or an admin): the organisation's members and their competences to confirm."""
    memberships = list(
        organisation.memberships.select_related("member__user").order_by("member__user__display_name")
    )
    mine = [row for row in memberships if may(request.member, "confirm_competence", row)]
    if not mine:
        return []
    held = (
        MemberCompetence.objects.for_municipality(request.municipality)
        .filter(profile__member__in=[row.member_id for row in mine])
        .select_related("competence", "confirmed_by", "profile")
    )
    by_member = {}
    for row in held.order_by("competence__name"):
        by_member.setdefault(row.profile.member_id, []).append(row)
    return [(row, by_member.get(row.member_id, [])) for row in mine]


def _held_and_membership(request, slug, pk):
    organisation = _organisation(request, slug)
    held = get_object_or_404(
        MemberCompetence.objects.select_related("competence", "profile__member__user"),
        municipality=request.municipality,
        pk=pk,
    )
    membership = get_object_or_404(
        OrganisationMembership.objects.select_related("member", "organisation"),
        organisation=organisation,
        member_id=held.profile.member_id,
    )
    authorize(request, "confirm_competence", membership)
    return organisation, held, membership


@require_POST
def competence_confirm(request, slug, pk):
    organisation, held, membership = _held_and_membership(request, slug, pk)
    services.confirm_competence(held, membership, actor=request.member)
    messages.success(
        request,
        _("„%(competence)s“ von %(name)s ist bestätigt.")
        % {"competence": held.competence.name, "name": membership.member},
    )
    return redirect(organisation)


def competence_unconfirm(request, slug, pk):
    """Take a confirmation back, after saying what it undoes."""
    organisation, held, membership = _held_and_membership(request, slug, pk)
    if held.confirmed_by_id != organisation.pk:
        raise Http404
    return form_page(
        request,
        forms.Form(posted(request)),
        "circle/competence_unconfirm.html",
        save=partial(services.withdraw_confirmation, held, membership, actor=request.member),
        done=_("Die Bestätigung ist zurückgenommen."),
        then=organisation.get_absolute_url(),
        context={"organisation": organisation, "held": held, "subject": membership.member},
    )


def organisation_create(request):
    return town_form_page(
        request,
        OrganisationForm,
        "circle/organisation_form.html",
        services.create_organisation,
        done=lambda organisation: _("Die Organisation „%(name)s“ ist angelegt.") % {"name": organisation},
        then=lambda organisation: organisation.get_absolute_url(),
        context={"heading": _("Organisation anlegen")},
    )


def organisation_edit(request, slug):
    organisation = _organisation(request, slug, "keep_circle")
    memberships = organisation.memberships.select_related("member__user").order_by(
        "member__user__display_name"
    )
    return form_page(
        request,
        OrganisationForm(posted(request), municipality=request.municipality, instance=organisation),
        "circle/organisation_form.html",
        save=partial(services.update_organisation, organisation, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then=lambda organisation: organisation.get_absolute_url(),
        context={
            "heading": _("%(name)s bearbeiten") % {"name": organisation.name},
            "organisation": organisation,
            "memberships": memberships,
        },
    )


def organisation_contact(request, slug, pk):
    """Make a member of the organisation its contact person (a button), or no longer (after a question:
    it takes back what the organisation could confirm through them)."""
    organisation = _organisation(request, slug)
    membership = town_object_or_404(
        OrganisationMembership.objects.select_related("member__user", "organisation"),
        request,
        "keep_circle",
        pk=pk,
        organisation=organisation,
    )
    making = request.method == "POST" and request.POST.get("is_contact") == "1"
    if making or not membership.is_contact:
        if request.method != "POST":
            return redirect("circle:organisation_edit", slug=organisation.slug)
        services.set_contact(membership, actor=request.member, is_contact=True)
        messages.success(request, _("%(name)s ist jetzt Ansprechperson.") % {"name": membership.member})
        return redirect("circle:organisation_edit", slug=organisation.slug)
    return form_page(
        request,
        forms.Form(posted(request)),
        "circle/contact_remove.html",
        save=partial(services.set_contact, membership, actor=request.member, is_contact=False),
        done=_("%(name)s ist keine Ansprechperson mehr.") % {"name": membership.member},
        then=reverse("circle:organisation_edit", args=[organisation.slug]),
        context={"organisation": organisation, "membership": membership},
    )


# --- the town's list of competences ---------------------------------------------------------------------------


@require_safe
def competences(request):
    authorize(request, "keep_circle", request.municipality)
    rows = Competence.objects.for_municipality(request.municipality).with_translations(get_language())
    return render(request, "circle/competences.html", {"competences": rows})


def competence_create(request):
    return town_form_page(
        request,
        CompetenceForm,
        "circle/competence_form.html",
        services.create_competence,
        done=lambda competence: _("„%(name)s“ steht jetzt in der Liste.") % {"name": competence},
        then="circle:competences",
        context={"heading": _("Kompetenz hinzufügen")},
    )


def competence_edit(request, pk):
    competence = town_object_or_404(Competence.objects, request, "keep_circle", pk=pk)
    return form_page(
        request,
        CompetenceForm(posted(request), municipality=request.municipality, instance=competence),
        "circle/competence_form.html",
        save=partial(services.update_competence, competence, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then="circle:competences",
        context={"heading": _("„%(name)s“ bearbeiten") % {"name": competence.name}},
    )


# --- calls ------------------------------------------------------------------------------------------------------


def _calls(request):
    return Call.objects.for_municipality(request.municipality).with_translations(get_language())


@require_safe
def calls(request):
    """The town's published calls, open ones first; ended ones stay readable below."""
    rows = list(_calls(request).exclude(status=CallStatus.DRAFT).select_related("field"))
    return render(
        request,
        "circle/calls.html",
        {
            "open_calls": [call for call in rows if call.is_open],
            "ended_calls": [call for call in rows if not call.is_open],
        },
    )


def call(request, pk):
    """A call, and answering it: a member with one click and a message if they like, a visitor with an address."""
    call = town_object_or_404(_calls(request).select_related("field", "stage"), request, "view_call", pk=pk)
    answered = request.member is not None and call.answers.filter(member=request.member).exists()
    form = AnswerForm(posted(request), member=request.member)
    if request.method == "POST":
        authorize(request, "answer_call", call)
    return form_page(
        request,
        form,
        "circle/call.html",
        save=partial(services.answer_call, call, member=request.member),
        done=_("Danke für Ihre Meldung! Die Verwaltung meldet sich bei Ihnen."),
        then=call.get_absolute_url(),
        context={
            "call": call,
            "criteria": list(call.competences.select_related("competence")),
            "call_languages": list(call.languages.all()),
            "answered": answered,
        },
    )


@require_safe
def calls_admin(request):
    authorize(request, "keep_circle", request.municipality)
    rows = _calls(request).select_related("field").prefetch_related("answers", "invitations")
    return render(request, "circle/calls_admin.html", {"calls": rows})


def call_create(request):
    authorize(request, "keep_circle", request.municipality)
    call = Call(municipality=request.municipality)
    return form_page(
        request,
        CallForm(posted(request), municipality=request.municipality, instance=call),
        "circle/call_form.html",
        save=partial(services.save_call, call, actor=request.member),
        done=_("Das Gesuch ist als Entwurf gespeichert."),
        then=lambda call: reverse("circle:call_matches", args=[call.pk]),
        context={"heading": _("Gesuch anlegen")},
    )


def call_edit(request, pk):
    call = town_object_or_404(Call.objects, request, "keep_circle", pk=pk)
    return form_page(
        request,
        CallForm(posted(request), municipality=request.municipality, instance=call),
        "circle/call_form.html",
        save=partial(services.save_call, call, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then=reverse("circle:call_matches", args=[call.pk]),
        context={"heading": _("Gesuch bearbeiten"), "call": call},
    )


def call_matches(request, pk):
    """For the call's admins: its answers, the requests sent, and the members who fit, ranked with reasons."""
    call = town_object_or_404(_calls(request).select_related("field", "stage"), request, "keep_circle", pk=pk)
    # Only a published call asks anyone: a draft has nobody to ask yet, an ended one nobody any more.
    matches = matching.rank(call) if call.status == CallStatus.PUBLISHED else []
    form = InviteForm(posted(request), matches=matches)
    if request.method == "POST":
        authorize(request, "invite_to_call", call)
    return form_page(
        request,
        form,
        "circle/call_matches.html",
        save=lambda members: services.invite_to_call(call, members, actor=request.member),
        done=lambda invitations: _("Die Anfragen sind verschickt."),
        then=reverse("circle:call_matches", args=[call.pk]),
        context={
            "call": call,
            "matches": matches,
            "answers": call.answers.select_related("member__user", "entered_by__user"),
            "invitations": call.invitations.select_related("member__user"),
            "weights": matching.WEIGHTS,
            "spread": {
                "points": matching.SPREAD_POINTS,
                "max": matching.SPREAD_MAX,
                "days": matching.SPREAD_DAYS,
            },
            "accepted": InvitationStatus.ACCEPTED,
        },
    )


def call_paper_answer(request, pk):
    """Staff enter an answer someone gave on paper or at the counter."""
    call = town_object_or_404(Call.objects, request, "keep_circle", pk=pk)
    return form_page(
        request,
        PaperAnswerForm(posted(request)),
        "circle/paper_answer.html",
        save=partial(services.answer_on_paper, call, actor=request.member),
        done=_("Die Meldung ist eingetragen."),
        then=reverse("circle:call_matches", args=[call.pk]),
        context={"call": call, "heading": _("Meldung auf Papier eintragen")},
    )


@require_POST
def call_publish(request, pk):
    call = town_object_or_404(Call.objects, request, "publish_call", pk=pk)
    services.publish_call(call, actor=request.member)
    messages.success(request, _("Das Gesuch ist veröffentlicht."))
    return redirect("circle:call_matches", pk=call.pk)


def call_close(request, pk):
    call = town_object_or_404(Call.objects, request, "close_call", pk=pk)
    return form_page(
        request,
        forms.Form(posted(request)),
        "circle/call_close.html",
        save=partial(services.close_call, call, actor=request.member),
        done=_("Das Gesuch ist beendet."),
        then=reverse("circle:call_matches", args=[call.pk]),
        context={"call": call},
    )


# --- finding members ----------------------------------------------------------------------------------------------


@require_safe
def member_search(request):
    """Admins and moderators find members by what they can do; each sees only the parts they may."""
    town = request.municipality
    authorize(request, "search_members", town)
    form = MemberSearchForm(request.GET or None, municipality=town)
    level = viewer_level(request.member, town.pk)
    page = found_count = None
    if form.is_bound and form.is_valid() and any(form.cleaned_data.values()):
        values = form.cleaned_data
        found = profiles.search(
            town,
            level,
            competence=values["competence"],
            language=values["language"],
            skill=values["skill"],
            level_at_least=values["level"],
            sector=values["sector"],
            field=values["field"],
            organisation=values["organisation"],
            district=values["district"],
        )
        # Counted up to a limit: beyond it, the number says nothing the person could use, and
        # counting thousands costs more than the page.
        found_count = found.order_by()[: COUNTED_UP_TO + 1].count()
        page = UncountedPage(request.GET.get("page"), RESULTS_PER_PAGE)
        page.fill(found[page.offset : page.offset + RESULTS_PER_PAGE + 1])
        page.shown = profiles.shown(page.object_list, level)
    return render(
        request,
        "circle/member_search.html",
        {
            "form": form,
            "page_obj": page,
            "found_count": found_count,
            "counted_up_to": COUNTED_UP_TO,
            "counted_up_to_text": number_format(COUNTED_UP_TO, force_grouping=True),
        },
        status=400 if form.errors else 200,
    )
