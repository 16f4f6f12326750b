"""Every shipped interface catalogue is complete, compiles, and keeps every placeholder of the German source."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "ankommen" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>")

pytestmark = pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext is not installed")


def _entries(path):
    """(msgid, msgid_plural, [msgstr, …]) for every entry of a PO file, header left out."""
    entries, current, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgid "):
            current, key = {"msgid": "", "msgid_plural": "", "msgstr": []}, "msgid"
            current["msgid"] = _unquote(line[6:])
        elif line.startswith("msgid_plural "):
            current["msgid_plural"], key = _unquote(line[13:]), "msgid_plural"
        elif line.startswith("msgstr"):
            current["msgstr"].append(_unquote(line.split(" ", 1)[1]))
            key = "msgstr"
        elif line.startswith('"') and current is not None:
            if key in ("msgid", "msgid_plural"):
                current[key] += _unquote(line)
            elif key == "msgstr":
                current["msgstr"][-1] += _unquote(line)
        elif not line.strip() and current is not None:
            if current["msgid"]:
                entries.append((current["msgid"], current["msgid_plural"], current["msgstr"]))
            current = None
    return entries


def _unquote(text):
    return text.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_catalogue_compiles_cleanly(path):
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)


def _shipped():
    """The languages whose catalogue the product ships translated (not German, the source)."""
    from ankommen.core.languages import LANGUAGES, SOURCE

    return [language.code for language in LANGUAGES if language.has_catalogue and language.code != SOURCE]


def _catalogue(code):
    return LOCALE / code.replace("de-simple", "de_Simple") / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", _shipped())
def test_shipped_catalogue_has_no_untranslated_or_fuzzy_entries(code):
    path = _catalogue(code)
    for option in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(["msgattrib", option, "--no-wrap", str(path)], capture_output=True, text=True)
        assert "msgid" not in result.stdout, f"{option}:\n{result.stdout[:2000]}"


def _keeps_placeholders(msgid, plural, msgstr):
    """A text keeps its source's placeholders. A plural's form keeps the singular's and may add the plural's
    (the number): "Ein Treffer" becomes "%(total)s результат" in languages that use that form for 21 too."""
    found = sorted(PLACEHOLDER.findall(msgstr))
    if not plural:
        return found == sorted(PLACEHOLDER.findall(msgid))
    return set(PLACEHOLDER.findall(msgid)) <= set(found) <= set(PLACEHOLDER.findall(msgid + plural))


@pytest.mark.parametrize("code", _shipped())
def test_shipped_catalogue_keeps_the_placeholders_of_the_german_source(code):
    path = _catalogue(code)
    mismatches = [
        (msgid, msgstr)
        for msgid, plural, msgstrs in _entries(path)
        for msgstr in msgstrs
        if not _keeps_placeholders(msgid, plural, msgstr)
    ]
    assert mismatches == []
