"""Arabic and Persian pages mirror: right to left, no sideways scrolling, navigation from the right,
no accessibility violations; German pages stay left to right and never load an Arabic-script font.

One test per role: it opens one page, walks the role's pages in both right-to-left languages and
reports every finding at once.
"""

import pytest

from tests.browser.conftest import AXE_OPTIONS, AXE_SCRIPT, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIGHT_TO_LEFT = ["ar", "fa"]
ARABIC_SCRIPT_FONTS = {"ar": "noto-sans-arabic", "fa": "vazirmatn"}
WIDE, NARROW = 1280, 320


class Walk:
    """Visits pages in a right-to-left language and collects what is not mirrored."""

    def __init__(self, page, site):
        self.page = page
        self.site = site
        self.checked = []
        self.findings = []

    def visit(self, language, path):
        self.page.set_viewport_size({"width": WIDE, "height": 900})
        response = self.page.goto(f"{self.site}/{language}{path}")
        assert response.status == 200, f"/{language}{path} answered {response.status}"
        self.check(f"/{language}{path}")

    def submit(self, label):
        """Send the page's main form as it is, to see its error state."""
        self.page.set_viewport_size({"width": WIDE, "height": 900})
        with self.page.expect_navigation():
            self.page.locator("main form button[type=submit]").last.click()
        self.check(label)

    def check(self, label):
        self.checked.append(label)
        html = self.page.locator("html")
        language = label.split("/")[1]
        if (html.get_attribute("lang"), html.get_attribute("dir")) != (language, "rtl"):
            self.findings.append(
                f"{label}: <html lang={html.get_attribute('lang')} dir={html.get_attribute('dir')}>"
            )
        self._navigation_starts_at_the_right(label)
        self.page.set_viewport_size({"width": NARROW, "height": 900})
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            self.findings.append(f"{label}: scrolls sideways by {overflow}px at {NARROW}px")
        self._axe(label)

    def _navigation_starts_at_the_right(self, label):
        """The first link hugs the right edge of the list; the list does not start at the left."""
        links = self.page.locator(".site-nav__list > li")
        first = links.first.bounding_box()
        last = links.last.bounding_box()
        whole = self.page.locator(".site-nav__list").bounding_box()
        if abs(first["x"] + first["width"] - (whole["x"] + whole["width"])) > 1 or first["x"] <= last["x"]:
            self.findings.append(
                f"{label}: the main navigation does not start at the right ({first}, {last})"
            )

    def _axe(self, label):
        self.page.add_script_tag(path=str(AXE_SCRIPT))
        result = self.page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        for violation in result["violations"]:
            targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
            self.findings.append(f"{label}: {violation['id']} – {violation['help']}\n    {targets}")

    def assert_clean(self):
        assert self.checked, "no page was checked"
        assert not self.findings, f"{len(self.findings)} finding(s):\n" + "\n".join(self.findings)


@pytest.fixture
def offered(world):
    """The demo town offers the right-to-left languages (until its demo data does so itself)."""
    from ankommen.core.models import Municipality

    Municipality.objects.filter(slug="kornwestheim").update(
        languages=["de", "de-simple", "en", "tr", "ar", "uk", "ru", "fa"]
    )


@pytest.fixture
def walk(new_context, site, offered):
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: `npm ci` installs axe-core"
    # The app's CSP forbids injected scripts; axe-core needs to run inside the page.
    return Walk(new_context(bypass_csp=True).new_page(), site)


def test_visitor_pages_mirror_in_arabic_and_persian(walk):
    from ankommen.dialogue.models import Contribution

    contribution = Contribution.objects.get(
        title="Lange Wartezeiten auf eine Sozialwohnung", municipality__slug="kornwestheim"
    )
    for language in RIGHT_TO_LEFT:
        walk.visit(language, "/")
        walk.visit(language, "/handlungsfelder/wirtschaft-und-berufliche-bildung/")
        walk.visit(language, contribution.get_absolute_url())
        walk.visit(language, "/konto/login/")
    walk.assert_clean()


def test_admin_pages_mirror_in_arabic_and_persian(walk, site):
    log_in(walk.page, site, "admin")
    for language in RIGHT_TO_LEFT:
        walk.visit(language, "/verwaltung/")
        walk.visit(language, "/verwaltung/handlungsfelder/")
        walk.visit(language, "/verwaltung/handlungsfelder/wohnen-und-leben/")
        walk.visit(language, "/verwaltung/handlungsfelder/neu/")
        walk.submit(f"/{language}/verwaltung/handlungsfelder/neu/ (leer abgeschickt)")
    walk.assert_clean()


def test_german_pages_stay_left_to_right_and_load_no_arabic_script_font(new_context, site, offered):
    page = new_context().new_page()
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)

    def fonts_of(path):
        fonts.clear()
        page.goto(f"{site}{path}")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        return list(fonts)

    seen = []
    for path in ("/", "/handlungsfelder/wohnen-und-leben/", "/konto/login/"):
        loaded = fonts_of(path)
        seen += loaded
        assert page.locator("html").get_attribute("dir") == "ltr", path
        assert not any(font in url for url in loaded for font in ARABIC_SCRIPT_FONTS.values()), (
            f"{path} loaded an Arabic-script font: {loaded}"
        )
    assert any("fira-sans-latin" in url for url in seen), f"no Fira Sans request was seen: {seen}"
    for language, font in ARABIC_SCRIPT_FONTS.items():
        assert any(font in url for url in fonts_of(f"/{language}/")), f"/{language}/ did not load {font}"
