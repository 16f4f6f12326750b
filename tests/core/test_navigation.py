"""The main navigation, the hub and the footer come from what the apps register; the current area is marked."""

import re

import pytest


def _current(page):
    """The main navigation's entries marked as current: [(label, aria-current)]."""
    nav = page[page.index('class="site-nav"') : page.index('class="language-nav"')]
    return [
        (re.sub(r"<[^>]+>", "", label).strip(), value)
        for value, label in re.findall(r'aria-current="(\w+)">(.*?)</a>', nav, flags=re.S)
    ]


@pytest.mark.parametrize(
    ("url", "marked"),
    [
        ("/", [("Start", "page")]),
        ("/hilfe/mitmachen/", [("Hilfe", "true")]),
        ("/verwaltung/", [("Verwaltung", "page")]),
        ("/verwaltung/mitglieder/", [("Verwaltung", "true")]),
        ("/verwaltung/handlungsfelder/wohnen-und-leben/", [("Verwaltung", "true")]),
        ("/verwaltung/uebersetzungen/en/", [("Übersetzungen", "true")]),
        ("/verwaltung/barrieren/", [("Barriere-Meldungen", "page")]),
        ("/moderation/", [("Moderation", "page")]),
        ("/en/verwaltung/mitglieder/", [("Administration", "true")]),
    ],
)
def test_the_current_area_is_marked_once(client_as, url, marked):
    page = client_as("admin").get(url).content.decode()
    assert _current(page) == marked


def test_the_hub_shows_each_member_the_areas_their_roles_open(client_as):
    page = client_as("admin").get("/verwaltung/").content.decode()
    tiles = re.findall(r'kern-link--stretched" href="([^"]+)"', page)
    assert tiles[:4] == [
        "/verwaltung/handlungsfelder/",
        "/verwaltung/mitglieder/",
        "/verwaltung/beitritte/",
        "/moderation/",
    ]
    assert "/verwaltung/protokoll/" in tiles


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        (None, ["Start", "Hilfe", "Anmelden"], ["Moderation", "Verwaltung", "Übersetzungen", "Mein Profil"]),
        ("mitglied", ["Mein Profil", "Abmelden"], ["Moderation", "Verwaltung", "Übersetzungen"]),
        ("uebersetzung", ["Übersetzungen"], ["Moderation", "Verwaltung", "Barriere-Meldungen"]),
        ("moderation", ["Moderation", "Barriere-Meldungen", "Übersetzungen"], ["Verwaltung"]),
        ("admin", ["Moderation", "Barriere-Meldungen", "Übersetzungen", "Verwaltung"], ["Anmelden"]),
    ],
)
def test_the_menu_shows_each_entry_to_whom_its_rule_allows(client_as, who, shown, hidden):
    page = client_as(who).get("/").content.decode()
    nav = page[page.index('class="site-nav"') : page.index('class="language-nav"')]
    labels = [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r"<(?:a|button)[^>]*>(.*?)</(?:a|button)>", nav, flags=re.S)
    ]
    assert set(shown) <= set(labels)
    assert not set(hidden) & set(labels)


def _breadcrumbs(page):
    """The "Sie sind hier" trail: [(label, address)], or None where the page has none."""
    found = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+">(.*?)</nav>', page, flags=re.S)
    return found and re.findall(r'<a class="kern-link" href="([^"]+)">([^<]+)</a>', found.group(1))


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        (
            "/verwaltung/handlungsfelder/wohnen-und-leben/",
            [
                ("/", "Start"),
                ("/verwaltung/", "Verwaltung"),
                ("/verwaltung/handlungsfelder/", "Handlungsfelder und Stufen"),
            ],
        ),
        (
            "/verwaltung/uebersetzungen/en/",
            [
                ("/", "Start"),
                ("/verwaltung/", "Verwaltung"),
                ("/verwaltung/uebersetzungen/", "Übersetzungen"),
            ],
        ),
        ("/verwaltung/protokoll/", [("/", "Start"), ("/verwaltung/", "Verwaltung")]),
        ("/en/verwaltung/mitglieder/", [("/en/", "Home"), ("/en/verwaltung/", "Administration")]),
        # An area's own first page and the public pages lie below no area but the home page.
        ("/verwaltung/", None),
        ("/moderation/", None),
        ("/handlungsfelder/wohnen-und-leben/", None),
    ],
)
def test_staff_pages_show_the_areas_above_them(client_as, url, trail):
    assert _breadcrumbs(client_as("admin").get(url).content.decode()) == trail


def test_the_trail_names_only_areas_the_member_may_enter(client_as):
    # A translator may not enter the administration: their trail skips it.
    page = client_as("uebersetzung").get("/verwaltung/uebersetzungen/en/").content.decode()
    assert _breadcrumbs(page) == [("/", "Start"), ("/verwaltung/uebersetzungen/", "Übersetzungen")]
