"""The search in a real browser: a newcomer finds a contribution in Arabic through the header's form."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAITING_IN_ARABIC = "انتظار طويل للحصول على سكن اجتماعي"


def test_newcomer_finds_a_contribution_in_arabic_from_the_header(audit, town):
    from ankommen.dialogue.models import Contribution

    page = audit.page
    page.goto(f"{audit.site}/ar/")
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill("سكن اجتماعي")
    with page.expect_navigation():
        search.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(
        f"{audit.site}/ar/suche/?q=%D8%B3%D9%83%D9%86+%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9%D9%8A"
    )
    result = page.locator(".search-results").get_by_role("link", name=WAITING_IN_ARABIC)
    expect(result).to_be_visible()
    expect(page.locator(".search-results mark").first).to_be_visible()
    audit.check("search results in Arabic")

    result.click()
    contribution = Contribution.objects.get(
        municipality=town, title="Lange Wartezeiten auf eine Sozialwohnung"
    )
    expect(page).to_have_url(f"{audit.site}/ar{contribution.get_absolute_url()}")

    audit.visit("/suche/")
    audit.visit("/suche/?q=Quetzalcoatl")
    audit.visit("/suche/?q=%22*", status=400)
    audit.assert_clean()
