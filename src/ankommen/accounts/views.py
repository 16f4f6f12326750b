from functools import partial
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.internal.flows.signup import complete_signup
from allauth.account.views import LoginView, SignupView
from allauth.core.exceptions import ImmediateHttpResponse
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.accounts import privacy, services
from ankommen.accounts.forms import (
    EraseAccountForm,
    InvitationForm,
    JoinAnswerForm,
    JoiningForm,
    JoinRequestForm,
    MemberFilterForm,
    ProfileForm,
    RolesForm,
)
from ankommen.accounts.mail import invitation_context
from ankommen.accounts.models import Invitation, JoinRequest, Member
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted, town_form_page

MEMBERS_PER_PAGE = 50
JOIN_REQUESTS_PER_PAGE = 30
DECIDED_SHOWN = 20


@login_required
def profile(request):
    return form_page(
        request,
        ProfileForm(posted(request), municipality=request.municipality, instance=request.user),
        "accounts/profile.html",
        save=partial(services.update_profile, request.user),
        done=_("Ihr Profil ist gespeichert."),
        then=lambda user: translate_url(reverse("accounts:profile"), user.preferred_language),
        context={"heading": _("Mein Profil")},
    )


@require_safe
@login_required
def my_data(request):
    """Everything the town keeps of the person, as tables, with a download of it all."""
    authorize(request, "see_own_data", request.member)
    return render(request, "accounts/my_data.html", {"sections": privacy.export(request.member)})


@require_safe
@login_required
def my_data_download(request):
    """The same as one JSON file (Art. 20 DSGVO: in a machine-readable format)."""
    authorize(request, "see_own_data", request.member)
    name = f"ankommen-{request.municipality.slug}-{timezone.localdate().isoformat()}.json"
    return JsonResponse(
        privacy.as_json(request.member, request.municipality),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@login_required
def erase_account(request):
    """The person erases their account in this town, after choosing what becomes of their texts."""
    member = request.member
    authorize(request, "erase_account", member)

    def erase(texts, password):
        privacy.erase(member, actor=member, remove_texts=texts == EraseAccountForm.REMOVE)
        logout(request)

    return form_page(
        request,
        EraseAccountForm(posted(request), user=request.user),
        "accounts/erase_account.html",
        save=erase,
        done=_("Ihr Konto ist gelöscht. Danke, dass Sie mitgemacht haben."),
        then="concept:home",
        context={"heading": _("Konto löschen"), "submit": _("Konto endgültig löschen"), "button": "primary"},
    )


@login_required
def join(request):
    """A logged-in person who is not yet a member of this town joins it, or, where joining is by request,
    asks to with a few sentences; a member hears that they are one already."""
    if request.member is not None:
        messages.info(request, _("Sie sind schon Mitglied der Dialogplattform."))
        return redirect("concept:home")
    # A deactivated member never gets here: `MemberMiddleware` logged them out, and logging in
    # again shows them the page that says their membership is deactivated.
    town = request.municipality
    if town.open_joining:
        if request.method != "POST":
            return render(request, "accounts/join.html", {"heading": _("Mitglied werden")})
        services.join_municipality(request.user, town)
        messages.success(request, _("Willkommen! Sie sind jetzt Mitglied der Dialogplattform."))
        return redirect("concept:home")
    waiting = JoinRequest.objects.for_municipality(town).open().filter(user=request.user).first()
    declined = (
        None
        if waiting
        else JoinRequest.objects.for_municipality(town)
        .filter(user=request.user)
        .order_by("-decided_at")
        .first()
    )
    return form_page(
        request,
        JoinRequestForm(posted(request), instance=waiting),
        "accounts/join.html",
        save=partial(services.ask_to_join, request.user, town),
        done=_("Danke! Die Administration liest Ihre Anfrage und antwortet Ihnen per E-Mail."),
        then="accounts:join",
        context={
            "heading": _("Mitglied werden"),
            "submit": _("Anfrage ändern") if waiting else _("Um Aufnahme bitten"),
            "waiting": waiting,
            "declined": declined,
        },
    )


@require_safe
def join_requests(request):
    """The admins' queue of requests to join, the longest waiting first, and how people join."""
    authorize(request, "administer", request.municipality)
    town = request.municipality
    waiting = JoinRequest.objects.for_municipality(town).open().select_related("user")
    page = Paginator(waiting, JOIN_REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    decided = (
        JoinRequest.objects.for_municipality(town)
        .filter(decided_at__isnull=False)
        .select_related("user", "decided_by")
        .order_by("-decided_at")[:DECIDED_SHOWN]
    )
    context = {
        "page_obj": page,
        "decided": decided,
        "joining_form": JoiningForm(initial={"open_joining": "true" if town.open_joining else "false"}),
    }
    return render(request, "accounts/join_requests.html", context)


@require_POST
def joining(request):
    """The admins set how people join the town."""
    authorize(request, "administer", request.municipality)
    form = JoiningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie, wie Menschen Mitglied werden."))
        return redirect("accounts:join_requests")
    services.set_joining(
        request.municipality, actor=request.member, open_joining=form.cleaned_data["open_joining"]
    )
    messages.success(request, _("Gespeichert: So werden Menschen jetzt Mitglied."))
    return redirect("accounts:join_requests")


def _decide(request, pk, accept):
    join_request = town_object_or_404(
        JoinRequest.objects.select_related("user"), request, "decide_join_request", pk=pk
    )
    save = partial(
        services.decide_join_request,
        join_request,
        actor=request.member,
        accept=accept,
        home_url=request.build_absolute_uri(reverse("concept:home")),
    )
    name = join_request.user.display_name or join_request.user.email
    return form_page(
        request,
        JoinAnswerForm(posted(request)),
        "accounts/join_decide.html",
        save=save,
        done=(_("%(name)s ist jetzt Mitglied.") if accept else _("Die Anfrage von %(name)s ist abgelehnt."))
        % {"name": name},
        then="accounts:join_requests",
        context={
            "join_request": join_request,
            "accept": accept,
            "heading": (_("Anfrage annehmen") if accept else _("Anfrage ablehnen")),
            "submit": (_("Annehmen und Nachricht senden") if accept else _("Ablehnen und Nachricht senden")),
        },
    )


def join_request_accept(request, pk):
    return _decide(request, pk, accept=True)


def join_request_decline(request, pk):
    return _decide(request, pk, accept=False)


@require_safe
def members(request):
    """The town's members, found by name, e-mail address, role, sector and state; a page at a time."""
    authorize(request, "administer", request.municipality)
    everyone = Member.objects.for_municipality(request.municipality).select_related("user")
    form = MemberFilterForm(request.GET if set(request.GET) - {"page"} else None)
    if form.is_bound:
        everyone = form.apply(everyone) if form.is_valid() else everyone.none()
    page = Paginator(everyone.order_by("user__display_name", "pk"), MEMBERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    pending = list(
        Invitation.objects.for_municipality(request.municipality).pending().prefetch_related("place")
    )
    return render(
        request,
        "accounts/members.html",
        {"form": form, "page_obj": page, "invitations": pending},
        status=400 if form.errors else 200,
    )


def member_edit(request, pk):
    member = town_object_or_404(Member.objects.select_related("user"), request, "administer", pk=pk)
    return form_page(
        request,
        RolesForm(posted(request), member=member),
        "accounts/member_edit.html",
        save=partial(services.set_roles, member, actor=request.member),
        done=lambda member: (
            _("%(name)s hat jetzt die Rollen: %(roles)s.") % {"name": member, "roles": member.role_label}
        ),
        then="accounts:members",
        context={"subject": member},
    )


def _member_state_page(request, pk, action, service, template, done):
    """Confirm, then deactivate or reactivate a member (`action` is the rule asked)."""
    member = town_object_or_404(Member.objects.select_related("user"), request, action, pk=pk)
    return form_page(
        request,
        forms.Form(posted(request)),
        template,
        save=partial(service, member, actor=request.member),
        done=done % {"name": member},
        then="accounts:members",
        context={"subject": member},
    )


def member_deactivate(request, pk):
    return _member_state_page(
        request,
        pk,
        "deactivate_member",
        services.deactivate_member,
        "accounts/member_deactivate.html",
        _("%(name)s ist deaktiviert und kann sich hier nicht mehr anmelden."),
    )


def member_reactivate(request, pk):
    return _member_state_page(
        request,
        pk,
        "reactivate_member",
        services.reactivate_member,
        "accounts/member_reactivate.html",
        _("%(name)s ist wieder aktiv und kann sich anmelden."),
    )


def invite(request):
    def accept_url_for(invitation):
        return request.build_absolute_uri(reverse("accounts:invitation", args=[invitation.token]))

    # A link from a field's page can name it: /verwaltung/einladungen/neu/?ort=concept.field:7
    form = partial(InvitationForm, initial={"place": request.GET.get("ort", "")})
    return town_form_page(
        request,
        form,
        "accounts/invite.html",
        partial(services.invite, accept_url_for=accept_url_for),
        done=lambda invitation: _("Die Einladung an %(email)s ist verschickt.") % {"email": invitation.email},
        then="accounts:members",
        context={"heading": _("Person einladen")},
    )


@require_POST
def invitation_revoke(request, pk):
    invitation = town_object_or_404(Invitation.objects.pending(), request, "administer", pk=pk)
    services.revoke_invitation(invitation, actor=request.member)
    messages.success(
        request, _("Die Einladung an %(email)s ist zurückgezogen.") % {"email": invitation.email}
    )
    return redirect("accounts:members")


def _place_url(invitation):
    """Where the person lands after accepting: the page of the place invited to, else the home page."""
    place = invitation.place
    return place.get_absolute_url() if place is not None else reverse("concept:home")


class InvitationSignupView(SignupView):
    """allauth's sign-up on the invitation's page: the invited address set, and proven by the invitation.

    The address is stashed as verified just before the account is saved, so allauth marks it
    verified and sends no confirmation mail; the invitation is accepted before the login, so the
    person arrives as a member with the invited role, on the page of the place invited to.
    """

    template_name = "accounts/invitation_signup.html"
    invitation = None

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        email = form.fields["email"]
        email.initial = self.invitation.email
        email.disabled = True  # whatever address is posted, the invited one is used
        email.help_text = _("Die Adresse, an die die Einladung ging. Sie ist damit bestätigt.")
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(invitation_context(self.invitation, get_language()))
        context["login_url"] = f"{reverse('account_login')}?{urlencode({'next': self.request.path})}"
        return context

    def get_success_url(self):
        return _place_url(self.invitation)

    def form_valid(self, form):
        get_account_adapter(self.request).stash_verified_email(self.request, self.invitation.email)
        self.user, response = form.try_save(self.request)
        if response:
            return response
        try:
            member = services.accept_invitation(self.invitation, user=self.user)
        except services.InvitationNotForYou:
            # Revoked while the form was filled in: the account stays, without the role.
            messages.error(self.request, _("Diese Einladung ist nicht mehr gültig."))
        else:
            messages.success(
                self.request, _("Willkommen! Ihre Rolle: %(role)s.") % {"role": member.role_label}
            )
        try:
            return complete_signup(self.request, user=self.user, redirect_url=self.get_success_url())
        except ImmediateHttpResponse as refusal:
            return refusal.response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class InvitationLoginView(LoginView):
    """allauth's login on the invitation's page, for a person who has an account: log in and accept at once.

    Logging in here is the click that accepts: the invitation is noted in the session, and the
    invitation page accepts it when the person arrives back logged in (after a second factor, if
    they use one). The invitation proves the address, so an unconfirmed one counts as confirmed.
    """

    template_name = "accounts/invitation.html"
    invitation = None

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["login"].initial = self.invitation.email
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(invitation_context(self.invitation, get_language()))
        return context

    def get_success_url(self):
        return self.request.path

    def form_valid(self, form):
        if self.invitation.is_for(form.user):
            services.prove_address(form.user, self.invitation)
            self.request.session[ACCEPT_AFTER_LOGIN] = self.invitation.token
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


ACCEPT_AFTER_LOGIN = "accounts.invitation_to_accept"


def _accept(request, invitation):
    """Accept for the person logged in and send them to the place invited to; None if it is not for them."""
    try:
        member = services.accept_invitation(invitation, user=request.user)
    except services.InvitationNotForYou:
        messages.error(request, _("Diese Einladung gilt nicht für Ihr Konto oder ist nicht mehr gültig."))
        return None
    messages.success(request, _("Willkommen! Ihre Rolle: %(role)s.") % {"role": member.role_label})
    return redirect(_place_url(invitation))


def invitation(request, token):
    """The page an invitation mail links to: sign up there with the invited address, or log in there and accept.

    A link that no longer works (accepted, revoked, expired) says so and whom to ask.
    """
    invitation = get_object_or_404(
        Invitation.objects.for_municipality(request.municipality).select_related("invited_by"), token=token
    )
    if invitation.accepted_by_id is not None and invitation.accepted_by_id == request.user.pk:
        return redirect(_place_url(invitation))  # the mail's link again, after accepting: straight in
    context = invitation_context(invitation, get_language())
    if not invitation.is_pending:
        return render(request, "accounts/invitation_gone.html", context, status=410)
    if request.user.is_authenticated:
        logged_in_to_accept = request.session.pop(ACCEPT_AFTER_LOGIN, None) == invitation.token
        if (request.method == "POST" or logged_in_to_accept) and invitation.is_for(request.user):
            accepted = _accept(request, invitation)
            if accepted is not None:
                return accepted
        return render(
            request, "accounts/invitation.html", {**context, "for_you": invitation.is_for(request.user)}
        )
    if invitation.has_account:
        return InvitationLoginView.as_view(invitation=invitation)(request)
    return InvitationSignupView.as_view(invitation=invitation)(request)
