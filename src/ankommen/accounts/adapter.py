from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url

from ankommen.accounts.services import join_municipality


class AccountAdapter(DefaultAccountAdapter):
    """Who signs up under a town's address becomes a member of that town."""

    def save_user(self, request, user, form, commit=True):
        user.display_name = form.cleaned_data.get("display_name", "")
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            join_municipality(user, request.municipality)
        return user

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = request.user.preferred_language
        return translate_url(url, language) if request.municipality.offers(language) else url
