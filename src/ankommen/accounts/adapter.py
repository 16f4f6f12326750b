from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import translate_url
from django.utils.translation import get_language

from ankommen.accounts.services import join_municipality
from ankommen.core import mail


class AccountAdapter(DefaultAccountAdapter):
    """Who signs up under a town's address becomes a member of that town, in the language they signed up in."""

    def save_user(self, request, user, form, commit=True):
        user.display_name = form.cleaned_data.get("display_name", "")
        user.preferred_language = get_language()
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            join_municipality(user, request.municipality)
        return user

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        """After login, the page asked for (or the start page), in the member's preferred language."""
        url = get_login_redirect_url(request, redirect_url, signup=signup)
        language = user.preferred_language
        if request.municipality.offers(language):
            url = translate_url(url, language)
        return super().post_login(request, user, redirect_url=url, signup=signup, **kwargs)

    def send_mail(self, template_prefix, email, context):
        """allauth's mails (confirmation, password reset), rendered now and sent by the task worker."""
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        mail.send(self.render_mail(template_prefix, email, context))
