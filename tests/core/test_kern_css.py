"""Pages ship the part of KERN UX's stylesheet they use: built from the templates, committed, complete."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "src" / "ankommen"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_kern_css", ROOT / "scripts" / "build_kern_css.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _defines(css, name):
    return re.search(r"\." + re.escape(name) + r"(?![\w-])", css) is not None


def test_committed_stylesheet_is_what_the_build_gives(build):
    assert build.TARGET.read_text(encoding="utf-8") == build.build(), (
        "vendor/kern/kern.used.css is out of date: run `python3 scripts/build_kern_css.py` and commit it"
    )


def test_every_kern_class_a_template_names_is_in_the_stylesheet(build):
    full = build.SOURCE.read_text(encoding="utf-8")
    shipped = build.TARGET.read_text(encoding="utf-8")
    named = set()
    for template in TEMPLATES.rglob("templates/**/*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            named.update(re.findall(r"kern-[\w-]*[\w]", re.sub(r"\{[{%].*?[}%]\}", " ", value)))
    assert {"kern-btn", "kern-container", "kern-table", "kern-alert"} <= named  # the search found them
    # A class KERN styles on its own or with other classes our templates name, never shipped.
    styled = set()
    for prelude in re.findall(r"([^{};]+)\{[^{}]*\}", full):
        for selector in prelude.split(","):
            classes = set(re.findall(r"\.(kern-[\w-]+)", selector))
            if classes and classes <= named:
                styled |= classes
    missing = sorted(name for name in styled if not _defines(shipped, name))
    assert not missing, f"KERN classes used in templates but not in kern.used.css: {missing}"


@pytest.mark.django_db
def test_pages_link_the_reduced_stylesheet_not_the_full_one(client):
    page = client.get("/").content.decode()
    assert "vendor/kern/kern.used.css" in page
    assert "kern.min.css" not in page


def test_stylesheet_is_a_fraction_of_kern(build):
    assert build.TARGET.stat().st_size < build.SOURCE.stat().st_size / 3
