"""The header's account links (core's `account_menu` slot), built in Python: they are on every page."""

from django.template.defaultfilters import urlencode
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from ankommen.core.frame import address, current_attribute, remembered


def account_menu(context):
    """Profile and logout for a person who is logged in; login (back to this page) and signup otherwise."""
    request = context["request"]
    language = get_language()
    user = context.get("user")  # the auth context processor's: anonymous on a 404 before authentication
    if user is not None and user.is_authenticated:
        match = request.resolver_match
        view = match.view_name if match is not None else ""
        here = view if view in ("accounts:profile", "core:notifications") else ""
        before, after = remembered(("account_menu", language, here), _member_links, language, here)
        return format_html("{}{}{}", before, context.get("csrf_token", ""), after)
    before, after = remembered(("account_menu", language), _visitor_links, language)
    return format_html("{}{}{}", before, urlencode(request.get_full_path()), after)


def _member_links(language, here):
    """The member's links in `language`, before and after the logout form's token (the same for every request)."""
    return (
        format_html(
            '<li><a href="{}"{}>{}</a></li><li><a href="{}"{}>{}</a></li>'
            '<li><form method="post" action="{}" class="inline-form">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="',
            address("core:notifications", language),
            current_attribute("page" if here == "core:notifications" else ""),
            gettext("Benachrichtigungen"),
            address("accounts:profile", language),
            current_attribute("page" if here == "accounts:profile" else ""),
            gettext("Mein Profil"),
            address("account_logout", language),
        ),
        format_html(
            '"><button type="submit" class="link-button">{}</button></form></li>', gettext("Abmelden")
        ),
    )


def _visitor_links(language):
    """The visitor's links in `language`, before and after the login link's way back to this page."""
    return (
        format_html('<li><a href="{}?next=', address("account_login", language)),
        format_html(
            '">{}</a></li><li><a href="{}">{}</a></li>',
            gettext("Anmelden"),
            address("account_signup", language),
            gettext("Registrieren"),
        ),
    )
