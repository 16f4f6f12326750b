"""House rules that a reading of the source can check; each with the reason it exists."""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "ankommen"
TEMPLATES = sorted(SRC.glob("*/templates/**/*.html"))
VIEWS = sorted(SRC.glob("*/views.py"))


@pytest.mark.parametrize("path", VIEWS, ids=lambda path: path.parent.name)
def test_views_start_every_query_from_the_town(path):
    """Unscoped `.objects.get/filter/all` in a view could show another town's rows."""
    unscoped = [
        line.strip()
        for line in path.read_text().splitlines()
        if re.search(r"\.objects\.(get|filter|all|exclude)\(", line)
    ]
    assert unscoped == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_templates_are_ready_for_a_strict_content_security_policy(path):
    text = path.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\son[a-z]+=", text), "on…= event handler"
    assert not re.search(r"\sstyle=", text), "style= attribute"
    assert not re.search(r"\shx-[a-z]+=", text), "write data-hx-* so that the HTML validates"


def _template_text(name):
    return next(SRC.glob(f"*/templates/{name}")).read_text()


def _cached_text(text):
    """The text of every cached fragment, with the templates it includes, all the way down."""
    for fragment in re.findall(r"{% cache .*?{% endcache %}", text, flags=re.S):
        yield fragment
        for name in re.findall(r'{% include "([^"]+)"', fragment):
            yield from _included(name)


def _included(name):
    text = _template_text(name)
    yield text
    for inner in re.findall(r'{% include "([^"]+)"', text):
        yield from _included(inner)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_cached_fragments_hold_nothing_personal(path):
    """A cached fragment is served to many readers: no CSRF token, no permission question inside."""
    for text in _cached_text(path.read_text()):
        assert "csrf_token" not in text
        assert "{% may " not in text


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_templates_never_switch_escaping_off(path):
    text = path.read_text()
    assert "|safe" not in text
    assert "autoescape off" not in text


def test_no_fstring_inside_gettext():
    """An f-string in gettext cannot be translated: the catalogue holds the template, not the result."""
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\b_\(f[\"']|gettext(_lazy)?\(f[\"']", line)
    ]
    assert offenders == []


def test_permissions_are_decided_in_core_rules_only():
    """`is_staff`/`is_superuser` only in the user model (for Django's own admin) and the rules."""
    allowed = {SRC / "core" / "rules.py", SRC / "accounts" / "models.py"}
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and path not in allowed
        and re.search(r"is_staff|is_superuser", path.read_text())
    ]
    assert offenders == []


CORE_TEMPLATES = sorted((SRC / "core" / "templates").glob("**/*.html"))


@pytest.mark.parametrize("path", CORE_TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_core_templates_name_no_app(path):
    """Core's pages get the apps' links and partials from the registry, so a new app needs no core edit."""
    text = path.read_text()
    named = re.findall(r"""{%\s*url\s+["'](\w+):""", text) + re.findall(
        r"""{%\s*(?:include|extends)\s+["'](\w+)/""", text
    )
    assert [name for name in named if name != "core"] == []
    assert not re.findall(r"""{%\s*url\s+["']account_""", text), (
        "allauth's pages come through the accounts app"
    )


def test_core_python_imports_no_app_to_its_right():
    """The arrow of dependencies: core ◄── accounts ◄── concept ◄── …; core imports none of them."""
    offending = [
        f"{path.relative_to(SRC)}: {line.strip()}"
        for path in sorted((SRC / "core").rglob("*.py"))
        if "migrations" not in path.parts
        for line in path.read_text().splitlines()
        if re.match(r"\s*(from|import) ankommen\.(?!core\b)", line)
    ]
    assert offending == []


NAMED_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"}
VALUE_PLACES = ("kern-table__cell", "kern-description-list-item__value")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_dates_follow_the_one_date_style(path):
    """A date is shown in the language's own format, short where it stands as a value.

    `DATE_FORMAT` inside words, `SHORT_DATE_FORMAT` in a table cell or a list of facts; a literal
    format (ISO) only inside a `datetime` attribute (docs/architecture.md, "Dates").
    """
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        outside_attributes = re.sub(r'datetime="[^"]*"', "", line)
        for match in re.finditer(r"\|date(?::[\"']([^\"']*)[\"'])?", outside_attributes):
            assert match.group(1) in NAMED_FORMATS, f"line {number}: {match.group(0)} names no format"
            if any(place in line for place in VALUE_PLACES):
                assert match.group(1).startswith("SHORT_"), (
                    f"line {number}: a value in a table or list is short"
                )
