"""The frame of every page, built in Python: its menus, language links, footer links and messages.

The frame is drawn on every request, also when a page's content comes from the cache, so each
of its pieces is one function call here instead of loops and includes in `base.html` (Django's
template engine costs about as much per node as these functions do per page). What never changes
while the process runs is computed once: addresses without arguments (`address`), static file
URLs (`asset`), partials that depend on the language alone (`fixed_partial`), and the HTML of a
menu, the footer and the language menu for each of their shapes (`remembered`: keyed by the
language and all the request decided, so a town that changes its languages gets a new key).
What depends on the request (the member's rules, the current area, the messages, the CSRF
token) is asked on every request.
"""

import functools
import itertools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, override

from ankommen.core import rules
from ankommen.core.registry import registry


@functools.cache
def address(url_name, language):
    """The address of a page without arguments in `language` (the same for every request)."""
    with override(language):
        return reverse(url_name)


def entries(request, place):
    """The entries of the menu, the hub or the footer the member may see, each with `link`, `url`, `current`.

    `current` is the value of `aria-current`: "page" on the entry's own page, "true" anywhere
    below its address (the entry with the longest address that leads there, so
    /verwaltung/uebersetzungen/en/ is the translators' area, not the administration's), else "".
    """
    town = getattr(request, "municipality", None)
    member = getattr(request, "member", None)
    language = get_language()
    shown = [
        {"link": link, "url": address(link.url_name, language), "current": ""}
        for link in registry.links_in(place)
        if link.action is None or (town is not None and rules.may(member, link.action, town))
    ]
    home = address(registry.home, language) if registry.home else None
    path = request.path
    below = [
        entry
        for entry in shown
        if path == entry["url"] or (entry["url"] != home and path.startswith(entry["url"]))
    ]
    if below:
        area = max(below, key=lambda entry: len(entry["url"]))
        for entry in shown:
            if entry["url"] == area["url"]:
                entry["current"] = "page" if path == area["url"] else "true"
    return shown


def breadcrumbs(request):
    """ "Sie sind hier": the home page and each area of the menu or the hub the page lies below (the
    areas the member may see, shortest address first), as a `<nav>`; nothing on a page that lies
    below no area but the home page. The page itself is not repeated: its heading names it."""
    language, path = get_language(), request.path
    home = address(registry.home, language) if registry.home else None
    above = {}
    for place in ("menu", "hub"):
        for link in registry.links_in(place):
            url = address(link.url_name, language)
            if url != home and url != path and path.startswith(url):
                above.setdefault(url, link)
    town = getattr(request, "municipality", None)
    member = getattr(request, "member", None)
    shown = [
        (url, link.label)
        for url, link in sorted(above.items(), key=lambda pair: len(pair[0]))
        if link.action is None or (town is not None and rules.may(member, link.action, town))
    ]
    if not shown:
        return ""
    if home:
        labels = [link.label for link in registry.links_in("menu") if link.url_name == registry.home]
        shown.insert(0, (home, labels[0] if labels else gettext("Startseite")))
    return format_html(
        '<nav class="breadcrumbs" aria-label="{}"><ol>{}</ol></nav>',
        gettext("Sie sind hier"),
        format_html_join("", '<li><a class="kern-link" href="{}">{}</a></li>', shown),
    )


def current_attribute(value):
    """` aria-current="page"` (or "true"), or nothing."""
    return format_html(' aria-current="{}"', value) if value else ""


def menu(context):
    """The main navigation's entries as `<li>`, then what the apps put into the `account_menu` slot."""
    shown = entries(context["request"], "menu")
    return remembered(("menu", get_language(), _shape(shown)), _menu_items, shown) + slot(
        context, "account_menu"
    )


def _menu_items(shown):
    return format_html_join(
        "",
        '<li><a href="{}"{}>{}{}</a></li>',
        (
            (
                entry["url"],
                current_attribute(entry["current"]),
                format_html(
                    '<span class="kern-icon kern-icon--{}" aria-hidden="true"></span> ', entry["link"].icon
                )
                if entry["link"].icon
                else "",
                entry["link"].label,
            )
            for entry in shown
        ),
    )


def _shape(shown):
    """What a list of entries looks like, as a key: which links, which marked (their addresses and
    labels follow from the link and the language; links are registered once, at start-up)."""
    return tuple((id(entry["link"]), entry["current"]) for entry in shown)


_html = {}


def remembered(key, build, *args):
    """The HTML `build(*args)` gives for `key`, built once per process: `key` must name all it depends on."""
    try:
        return _html[key]
    except KeyError:
        if len(_html) > 4096:  # bounded: a key can carry the query string a visitor typed
            _html.clear()
        _html[key] = html = build(*args)
        return html


def slot(context, name):
    """What the apps put into one of core's slots: each a template, or a function of the context
    that returns HTML (for a slot on every page, where a template would cost more than its output)."""
    parts = []
    for partial in registry.partials.get(name, ()):
        if callable(partial):
            parts.append(partial(context))
        else:
            parts.append(context.template.engine.get_template(partial).render(context))
    return format_html_join("", "{}", ((part,) for part in parts))


def footer(request):
    """The footer's links, a navigation per group (named by the group, or "Weitere Seiten")."""
    shown = entries(request, "footer")
    return remembered(("footer", get_language(), _shape(shown)), _footer, shown)


def _footer(shown):
    return format_html_join(
        "",
        '<nav class="footer-nav" aria-label="{}"><ul class="inline-list">{}</ul></nav>',
        (
            (
                group or gettext("Weitere Seiten"),
                format_html_join(
                    "",
                    '<li><a class="kern-link" href="{}"{}>{}</a></li>',
                    (
                        (entry["url"], current_attribute(entry["current"]), entry["link"].label)
                        for entry in members
                    ),
                ),
            )
            for group, members in itertools.groupby(shown, key=lambda entry: str(entry["link"].group))
        ),
    )


def languages(request):
    """The language menu: the current language in its button, and the current page in each language of the town."""
    town = getattr(request, "municipality", None)
    if town is None:
        return ""
    shown = town.active_languages
    current = get_language()
    key = ("languages", current, tuple(language.code for language in shown), request.get_full_path())
    return remembered(key, _language_menu, request, current, shown)


def _language_menu(request, current, shown):
    query = request.META.get("QUERY_STRING", "")
    query = f"?{iri_to_uri(query)}" if query else ""
    choose = gettext("Sprache wählen")
    return format_html(
        '<details class="site-menu site-menu--languages" name="site-menu">'
        '<summary class="site-menu__toggle">'
        '<span class="kern-icon kern-icon--language" aria-hidden="true"></span> '
        '<span class="visually-hidden">{}</span> {}'
        "</summary>"
        '<nav class="language-nav" aria-label="{}"><ul>{}</ul></nav>'
        "</details>",
        choose,
        format_html_join(
            "",
            '<span lang="{}">{}</span>',
            ((language.code, language.name_local) for language in shown if language.code == current),
        ),
        choose,
        format_html_join(
            "",
            '<li><a href="{}" lang="{}" hreflang="{}"{}>{}</a></li>',
            (
                (
                    address_in(request, language.code, query),
                    language.code,
                    language.code,
                    current_attribute("true" if language.code == current else ""),
                    language.name_local,
                )
                for language in shown
            ),
        ),
    )


def address_in(request, language, query):
    """The current page's address in `language`: reversed from the view the request resolved to
    (`translate_url` would resolve the path again for every language), with its query string."""
    match = request.resolver_match
    if match is None or not match.view_name:
        return translate_url(request.get_full_path(), language)
    with override(language):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), language)
    return path + query


MESSAGE_KINDS = {"error": "danger", "warning": "warning", "success": "success"}


def messages(context):
    """The messages for this request (each read once, then gone), as KERN alerts in one status region."""
    stored = context.get("messages")
    if not stored:
        return ""
    alerts = format_html_join(
        "",
        '<div class="kern-alert kern-alert--{0}"><div class="kern-alert__header">'
        '<span class="kern-icon kern-icon--{0}" aria-hidden="true"></span>'
        '<span class="kern-title">{1}</span></div></div>',
        ((MESSAGE_KINDS.get(message.level_tag, "info"), message) for message in stored),
    )
    return format_html('<div class="messages" role="status">{}</div>', alerts)


@functools.cache
def asset(path):
    """The URL of a static file (hashed in production): the same while the process runs."""
    return static(path)


@functools.cache
def _fixed(template_name, language):
    from django.template.loader import render_to_string

    return render_to_string(template_name)


def fixed_partial(template_name):
    """A partial whose output depends on the language alone (no request, no town): rendered once per language."""
    if settings.DEBUG:  # an edited template shows at once on the development server
        return _fixed.__wrapped__(template_name, get_language())
    return _fixed(template_name, get_language())


@receiver(setting_changed)
def _forget(setting, **kwargs):
    """A test that changes where static files or pages are found starts from nothing remembered."""
    if setting in {"STATIC_URL", "STORAGES", "STATICFILES_STORAGE", "ROOT_URLCONF", "TEMPLATES", "DEBUG"}:
        for memo in (address, asset, _fixed):
            memo.cache_clear()
        _html.clear()
