"""Browser tests: Debian's Chromium, a live server and a fresh demo world for every test.

The live server runs in this process, so the test reads the rows a click changed through the
ORM. Transactional tests flush the database afterwards (pytest-django runs them after every
rolled-back test), so each browser test builds the world again for itself.

They run once, on SQLite: with DATABASE_URL pointing at PostgreSQL they are skipped (what they
check is the page in the browser, not the database; the PostgreSQL run covers every other test).
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import fresh_world

DEMO_PASSWORD = "ankommen-demo"
DEMO_DOMAIN = "demo.ankommen.example"
TIMEOUT_MS = 10_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def on_postgresql():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://"))


def pytest_collection_modifyitems(config, items):
    if not on_postgresql():
        return
    skip = pytest.mark.skip(reason="browser tests run once, on SQLite")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def pytest_configure(config):
    expect.set_options(timeout=TIMEOUT_MS)
    # pytest-base-url (pulled in by pytest-playwright) still defines its session fixture on a class.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning",
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def new_context(new_context):
    """Contexts that give up after a few seconds: every page here answers in milliseconds."""

    def make(**kwargs):
        context = new_context(**kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return make


@pytest.fixture
def world(transactional_db):
    """The shared test world, fresh in committed rows the live server can see.

    The first transactional test of a worker still finds the world of the rolled-back tests;
    later ones find the database flushed by the test before (and the world put back by
    tests/conftest.py for the next test). Either way: start from nothing, and with the cache
    as the build left it (a database table `flush` leaves alone), so that rate limits counted by an earlier
    test, such as one confirmation mail per address, do not carry over. `fresh_world` restores
    the copy of the world each worker built first.
    """
    fresh_world()


@pytest.fixture
def town(world):
    from ankommen.core.models import Municipality

    return Municipality.objects.get(slug="kornwestheim")


@pytest.fixture
def people(town):
    from ankommen.accounts.demo import members_by_local_part

    return members_by_local_part(town)


@pytest.fixture
def site(live_server, world):
    """The live server's address; "localhost" serves the default town, Kornwestheim."""
    return live_server.url


def log_in(page, site, local_part, password=DEMO_PASSWORD):
    """Log in through the real login form as a demo person ("admin", "expertin", …)."""
    page.goto(f"{site}/konto/login/")
    page.locator("input[name=login]").fill(f"{local_part}@{DEMO_DOMAIN}")
    page.locator("input[name=password]").fill(password)
    page.locator("main form").get_by_role("button").click()
    # attached, not visible: on a phone the button waits in the folded menu
    page.get_by_role("button", name="Abmelden", include_hidden=True).wait_for(state="attached")
    return page


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_RUN = "options => window.axe ? axe.run(document, options) : null"


NARROW = 320  # CSS px: WCAG 1.4.10 asks for no sideways scrolling at this width
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# What scrolls sideways inside the page must be a region a keyboard reaches and a screen reader
# names (BITV 9.2.1.1), and no button or link of a form may lie beyond the screen's edge.
SCROLL_REGIONS = """() => {
    const found = [];
    for (const element of document.querySelectorAll('main *')) {
        const overflow = getComputedStyle(element).overflowX;
        if (!['auto', 'scroll'].includes(overflow) || element.scrollWidth <= element.clientWidth + 1) continue;
        const named = element.getAttribute('aria-label') || element.getAttribute('aria-labelledby');
        if (element.tabIndex < 0 || element.getAttribute('role') !== 'region' || !named) {
            found.push(`a sideways scroll area <${element.tagName.toLowerCase()} class="${element.className}"> is not a named, focusable region`);
        }
    }
    const edge = document.documentElement.clientWidth;
    for (const action of document.querySelectorAll('main button, main input[type=submit]')) {
        const box = action.getBoundingClientRect();
        if (box.width && box.left >= edge) found.push(`the button "${action.textContent.trim()}" lies off-screen`);
    }
    return found;
}"""


class Audit:
    """Checks every page a person sees, in the visit itself, and collects what it finds.

    Each page (and each state a test brings it to) gets axe-core at the viewport's width and a
    look at 320 CSS px for sideways scrolling; each page the server sent is kept for the Nu Html
    Checker, which runs once over all of them in `assert_clean` (a JVM start costs seconds).
    """

    def __init__(self, page, site, *, validate=True):
        self.page = page
        self.site = site
        self.checked = []
        self.findings = []
        self.validate = validate
        self.keeping = True  # whether the pages visited now go to the Nu Html Checker (see `keep_html`)
        self.html = {}  # file name → label, for the Nu Html Checker
        self.folder = Path(tempfile.mkdtemp(prefix="ankommen-audit-"))

    def visit(self, path, *, status=200):
        response = self.page.goto(f"{self.site}{path}")
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        self.keep_html(path, response)
        self.check(path)
        return response

    def submit(self, label, button=None, *, status=200, errors=False, selector=None):
        """Send the page's form as it is (empty or filled in by the test) and check the answer.

        Without a `button` name the page's main form must have exactly one button; with
        `errors` the answer must show the form's error summary. `selector` picks the button
        with CSS instead, for pages in any language.
        """
        form = self.page.locator("main form")
        if selector:
            clicked = self.page.locator(selector).first
        else:
            clicked = form.get_by_role("button", name=button) if button else form.get_by_role("button")
        with self.page.expect_navigation() as navigation:
            clicked.click()
        answered = navigation.value.status
        assert answered == status, f"{label} answered {answered}, expected {status}"
        if errors:
            expect(self.page.locator(".form-errors")).to_be_visible()
        self.keep_html(label, navigation.value)
        self.check(label)

    def keep_html(self, label, response):
        if not (self.validate and self.keeping) or not response.headers.get("content-type", "").startswith(
            "text/html"
        ):
            return
        name = f"{len(self.html):04d}-" + re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:80] + ".html"
        (self.folder / name).write_bytes(response.body())
        self.html[name] = label

    def check(self, label):
        self.page.wait_for_load_state("load")  # a click that navigates may still be loading
        self.checked.append(label)
        self._axe(label)
        self._reflow(label)

    def _axe(self, label):
        result = self.page.evaluate(AXE_RUN, AXE_OPTIONS)
        if result is None:  # a document the context's init script did not reach
            self.page.add_script_tag(path=str(AXE_SCRIPT))
            result = self.page.evaluate(AXE_RUN, AXE_OPTIONS)
        for violation in result["violations"]:
            targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
            self.findings.append(
                f"{label}: {violation['id']} ({violation['impact']}) – {violation['help']}\n    {targets}"
            )

    def _reflow(self, label):
        viewport = self.page.viewport_size
        if viewport["width"] != NARROW:
            self.page.set_viewport_size({"width": NARROW, "height": viewport["height"]})
        overflow = self.page.evaluate(OVERFLOW)
        if overflow > 0:
            self.findings.append(f"{label}: scrolls sideways by {overflow}px at {NARROW}px")
        self.findings += [
            f"{label}: {finding} at {NARROW}px" for finding in self.page.evaluate(SCROLL_REGIONS)
        ]
        if viewport["width"] != NARROW:
            self.page.set_viewport_size(viewport)

    def _html_findings(self):
        from tests.html import assert_valid_html, checker

        if not self.html:
            return []
        try:
            jar = checker()
        except pytest.skip.Exception:  # no java or no vnu-jar here: the other checks still count
            return []
        try:
            assert_valid_html(jar, _Written(self.folder, self.html))
        except AssertionError as error:
            return [str(error)]
        return []

    def assert_clean(self):
        assert self.checked, "no page was checked"
        try:
            findings = self.findings + (self._html_findings() if self.validate else [])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
        assert not findings, (
            f"{len(findings)} finding(s) on {len(self.checked)} page(s) (axe-core, {NARROW}px, vnu):\n"
            + "\n".join(findings)
        )


class _Written:
    """The pages an audit kept, in the shape tests.html's checker reads."""

    def __init__(self, folder, written):
        self.folder = folder
        self.written = written


@pytest.fixture
def audit(new_context, site):
    assert AXE_SCRIPT.is_file(), f"{AXE_SCRIPT} is missing: `npm ci` installs axe-core"
    # The app's CSP forbids injected scripts; axe-core needs to run inside the page. The context loads it
    # into every document it opens, instead of each page being sent it after loading: a third of a
    # second less per page.
    context = new_context(bypass_csp=True)
    context.add_init_script(path=str(AXE_SCRIPT))
    return Audit(context.new_page(), site)
