from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.shortcuts import render, resolve_url
from django.urls import reverse, translate_url
from django.utils.translation import get_language

from ankommen.accounts.models import Member
from ankommen.accounts.services import join_municipality
from ankommen.core import mail


class AccountAdapter(DefaultAccountAdapter):
    """Who signs up under a town's address becomes a member of that town once they confirm their address.

    They sign up in the language they will be shown pages in; a member the town deactivated
    cannot log in under its address.
    """

    def save_user(self, request, user, form, commit=True):
        user.display_name = form.cleaned_data.get("display_name", "")
        user.preferred_language = get_language()
        return super().save_user(request, user, form, commit=commit)

    def confirm_email(self, request, email_address):
        """Confirming the address given at sign-up makes the person a member of the town they signed up in,
        where joining is open (elsewhere they are sent on to ask for it: `post_login`).

        A later address (changed in the profile) joins them nowhere: joining another town is
        their own step there (`/mitmachen/`).
        """
        confirmed = super().confirm_email(request, email_address)
        user = email_address.user
        first_address = confirmed and user.emailaddress_set.filter(verified=True).count() == 1
        if first_address and not user.memberships.exists() and request.municipality.open_joining:
            join_municipality(user, request.municipality)
        return confirmed

    def _asks_to_join_next(self, request, user):
        """Where joining is by request, a person who is no member yet goes on to ask for it."""
        town = request.municipality
        return not town.open_joining and not user.memberships.filter(municipality=town).exists()

    def pre_login(self, request, user, **kwargs):
        """Refuse a login under the address of a town that deactivated this person's membership."""
        if Member.objects.for_municipality(request.municipality).filter(user=user, is_active=False).exists():
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return render(request, "accounts/deactivated.html", status=403)
        return super().pre_login(request, user, **kwargs)

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        """After login, the page asked for (or the start page, or where joining is by request and they are no
        member yet, the page to ask for it), in the member's preferred language."""
        url = get_login_redirect_url(request, redirect_url, signup=signup)
        if url == resolve_url(settings.LOGIN_REDIRECT_URL) and self._asks_to_join_next(request, user):
            url = reverse("accounts:join")
        language = user.preferred_language
        if request.municipality.offers(language):
            url = translate_url(url, language)
        return super().post_login(request, user, redirect_url=url, signup=signup, **kwargs)

    def send_mail(self, template_prefix, email, context):
        """allauth's mails (confirmation, password reset), rendered now and sent by the task worker."""
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        mail.send(self.render_mail(template_prefix, email, context))
