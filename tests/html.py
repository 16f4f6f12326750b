"""The Nu Html Checker (vnu.jar) for the apps' tests: pages rendered into a folder, checked in one run.

An app's test renders its pages with the Django test client, for every role and error state
included, into a temporary folder; the checker then runs once over all of them (a JVM start
costs seconds).
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The languages newcomers read, right-to-left ones included.
NEWCOMER_LANGUAGES = ("ar", "fa", "uk", "de-simple")
RIGHT_TO_LEFT = ("ar", "fa")


def _vnu_jar():
    """The checker's jar: $VNU_JAR, else wherever npm put the vnu-jar package."""
    candidates = [Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else []
    candidates += [ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"]
    candidates += sorted((ROOT / "node_modules").glob("**/vnu-jar/**/vnu.jar"))
    return next((path for path in candidates if path.is_file()), None)


def checker():
    """The checker's jar; the test is skipped where java or the jar is missing."""
    jar = _vnu_jar()
    if shutil.which("java") is None or jar is None:
        pytest.skip("The Nu Html Checker needs java and node_modules/vnu-jar (npm install vnu-jar).")
    return jar


class Pages:
    """Renders pages with the test client and writes each to `folder` as an .html file."""

    def __init__(self, folder):
        self.folder = folder
        self.written = {}

    def add(self, label, response, status=200):
        assert response.status_code == status, f"{label}: status {response.status_code}, expected {status}"
        assert response["Content-Type"].startswith("text/html"), f"{label}: {response['Content-Type']}"
        name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") + ".html"
        assert name not in self.written, f"two pages named {name}"
        (self.folder / name).write_bytes(response.content)
        self.written[name] = label

    def get(self, client, path, status=200, label=None, follow=False):
        self.add(label or path, client.get(path, follow=follow), status)

    def post(self, client, path, data, label):
        """A form sent successfully, and the page it leads to."""
        self.add(label, client.post(path, data, follow=True))

    def post_invalid(self, client, path, data, label, status=200):
        """A form sent with mistakes: the same page again, with the error summary."""
        response = client.post(path, data)
        assert b"form-errors" in response.content, f"{label}: no error summary on the page"
        self.add(label, response, status)

    def get_in_newcomer_languages(self, client_as, crawl):
        """The crawl's pages again in every newcomer language, each framed in that language and direction.

        `crawl` is a list of (person, paths); a person is a `client_as` name (None: a visitor).
        """
        for language in NEWCOMER_LANGUAGES:
            direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
            for person, paths in crawl:
                client = client_as(person)
                for path in paths:
                    response = client.get(f"/{language}{path}")
                    assert f'<html lang="{language}" dir="{direction}"' in response.content.decode(), path
                    self.add(f"{language} {person} {path}", response)


def _run_vnu(jar, folder):
    completed = subprocess.run(
        # Quick JIT and a simple collector halve the run; the schema needs a deep stack.
        ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar)]
        + ["--format", "json", "--stdout", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    try:
        return json.loads(completed.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu gave no JSON (exit {completed.returncode}):\n{completed.stdout}\n{completed.stderr}"
        )


def _describe(message, labels):
    name = message.get("url", "").rsplit("/", 1)[-1]
    where = f"{labels.get(name, name)} ({name}), line {message.get('lastLine', '?')}"
    extract = message.get("extract", "").replace("\n", "⏎")
    return f"{where}: {message.get('message')}\n    {extract}"


def _without_known_errors(errors, labels, known_errors):
    """The errors not listed in `known_errors`, and the labels of the known ones that occurred."""
    remaining, seen = [], set()
    for error in errors:
        label = labels.get(error.get("url", "").rsplit("/", 1)[-1], "")
        for known_label, pattern, _why in known_errors:
            if label.startswith(known_label) and re.search(pattern, error.get("message", "")):
                seen.add(known_label)
                break
        else:
            remaining.append(error)
    return remaining, seen


def assert_valid_html(jar, pages, known_errors=()):
    """Run the checker over every page written; no errors but the known ones, and each known one still occurs.

    `known_errors`: errors whose fix lies in Python code (reported, not yet made), as
    (page label, message pattern, why). Once one is fixed the test says so, and the entry goes.
    """
    messages = _run_vnu(jar, pages.folder)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    errors, known = _without_known_errors(errors, pages.written, known_errors)
    for label, _pattern, why in known_errors:
        assert label in known, f"Known error on {label} no longer occurs ({why}): remove it from the list."
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    for warning in warnings:
        print("vnu warning:", _describe(warning, pages.written))
    assert not errors, f"{len(errors)} HTML error(s) in {len(pages.written)} pages:\n" + "\n".join(
        _describe(error, pages.written) for error in errors
    )
