"""The header on a phone and on a wide screen, without JavaScript.

On a phone (390 px) the menu and the language list fold into two buttons, so that the page's own
content starts in the first third of the screen; the current language stays on its button, and
switching takes one tap to open the list and one to choose. From 48em on both lists stand open.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def _top_of_content(page):
    """Where the page's own content begins: the top of <main> below its padding."""
    return page.evaluate(
        "(() => { const main = document.querySelector('main');"
        " return main.getBoundingClientRect().top + parseFloat(getComputedStyle(main).paddingTop); })()"
    )


def _phone_header_folds_menu_and_languages_into_buttons(new_context, site):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(f"{site}/handlungsfelder/wohnen-und-leben/")
    menu = page.locator("details.site-menu--navigation")
    languages = page.locator("details.site-menu--languages")

    expect(page.locator(".site-nav").get_by_role("link", name="Hilfe", exact=True)).to_be_hidden()
    expect(page.locator(".language-nav a[hreflang=ar]")).to_be_hidden()
    expect(languages.locator("summary")).to_contain_text("Deutsch")
    assert _top_of_content(page) < PHONE["height"] / 3

    menu.locator("summary").click()
    expect(page.locator(".site-nav").get_by_role("link", name="Hilfe", exact=True)).to_be_visible()
    expect(page.locator(".site-nav").get_by_role("link", name="Anmelden", exact=True)).to_be_visible()

    languages.locator("summary").click()  # opening one list closes the other
    expect(page.locator(".site-nav").get_by_role("link", name="Hilfe", exact=True)).to_be_hidden()
    page.locator(".language-nav a[hreflang=ar]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(f"{site}/ar/handlungsfelder/wohnen-und-leben/")
    expect(page.locator("details.site-menu--languages summary")).to_contain_text("العربية")
    assert _top_of_content(page) < PHONE["height"] / 3
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _phone_menu_holds_the_account_links_of_a_member(new_context, site):
    page = new_context(viewport=PHONE).new_page()
    log_in(page, site, "admin")
    page.goto(f"{site}/")
    logout = page.get_by_role("button", name="Abmelden")
    expect(logout).to_be_hidden()
    assert _top_of_content(page) < PHONE["height"] / 3
    page.locator("details.site-menu--navigation summary").click()
    expect(logout).to_be_visible()
    expect(page.locator(".site-nav").get_by_role("link", name="Verwaltung", exact=True)).to_be_visible()


def _wide_header_shows_menu_and_languages_open(new_context, site):
    page = new_context(viewport=WIDE, java_script_enabled=False).new_page()
    page.goto(f"{site}/")
    expect(page.locator(".site-menu__toggle").first).to_be_hidden()
    expect(page.locator(".site-nav").get_by_role("link", name="Hilfe", exact=True)).to_be_visible()
    expect(page.locator(".language-nav a[hreflang=uk]")).to_be_visible()
    brand = page.locator(".site-header__brand").bounding_box()
    search = page.locator(".site-header__inner .header-search").bounding_box()
    assert search["y"] < brand["y"] + brand["height"], "the search stands beside the brand"
    assert search["x"] > brand["x"] + brand["width"]
    tops = page.locator(".site-nav a").evaluate_all(
        "links => links.map(link => link.getBoundingClientRect().top)"
    )
    assert min(tops) >= brand["y"] + brand["height"], "the menu has a line of its own under them"
    assert max(tops) - min(tops) < 24, "a visitor's menu fits on that one line"
    page.locator(".site-nav").get_by_role(
        "link", name="Hilfe", exact=True
    ).focus()  # the open lists are reachable by keyboard
    expect(page.locator(".site-nav").get_by_role("link", name="Hilfe", exact=True)).to_be_focused()
    page.locator(".language-nav a[hreflang=uk]").click()
    expect(page.locator("html")).to_have_attribute("lang", "uk")


def test_header_folds_on_a_phone_and_stands_open_on_a_wide_screen(new_context, site):
    """One test, one demo world: the three looks at the header share it."""
    _phone_header_folds_menu_and_languages_into_buttons(new_context, site)
    _phone_menu_holds_the_account_links_of_a_member(new_context, site)
    _wide_header_shows_menu_and_languages_open(new_context, site)
