"""The demo's translations: data files of each app, loaded through the product's own XLIFF import.

An app keeps them in its `demo_translations/` folder, one XLIFF 1.2 file per language
(`demo_translations/en.xlf`), each unit named by model, natural key and field (see `core/xliff.py`)
and marked as a machine's translation. Loading them runs the import an agency's file goes through,
as the town's system actor; any problem stops the demo with the file and the unit named: a key the
demo no longer has, a German text changed since the translation, markup.
"""

from pathlib import Path

from django.apps import apps
from django.core.management.base import CommandError

from ankommen.core import xliff
from ankommen.core.actors import SystemActor
from ankommen.core.languages import LANGUAGES, SOURCE

FOLDER = "demo_translations"


def translation_files():
    """(app label, path, language) of every demo translation file of the product's apps."""
    codes = {language.code for language in LANGUAGES} - {SOURCE}
    for app in apps.get_app_configs():
        if not app.name.startswith("ankommen."):
            continue
        for path in sorted((Path(app.path) / FOLDER).glob("*.xlf")):
            if path.stem not in codes:
                raise CommandError(f"{app.label}/{FOLDER}/{path.name}: keine Sprache der Plattform.")
            yield app.label, path, path.stem


def load_translations(town, stdout):
    """Import every demo translation file in a language the town offers; translations already there stay."""
    actor = SystemActor.of(town)
    for app_label, path, language in translation_files():
        if language in town.languages:
            name = f"{app_label}/{FOLDER}/{path.name}"
            load_file(town, path, language, actor=actor, name=name, stdout=stdout)


def load_file(town, path, language, *, actor, name, stdout):
    """Import one file; any problem stops the demo, naming the file (`name`) and each unit at fault."""
    report = xliff.apply(town, language, path.read_bytes(), actor=actor, keep_existing=True)
    problems = [f"  {unit or '(Datei)'}: {problem}" for unit, problem in report.problems]
    if report.skipped:
        problems.append(f"  {report.skipped} Einheiten ohne Übersetzung")
    if problems:
        raise CommandError("\n".join([f"Die Demo-Übersetzungen in {name} passen nicht zur Demo:", *problems]))
    stdout.write(f"{name}: {len(report.items)} Übersetzungen importiert, {report.unchanged} unverändert.")
    return report
