"""A text translated when a module is imported stays in the language of that moment: German.

`gettext` (imported as `_` in views and services) translates at once; a label kept in a module's or a
class's constant (`TABLES = {"werte": _("Werte der Stadtteile")}`) must be `gettext_lazy`, translated
when a page shows it. This reads every module of the product and finds the eager calls outside
functions.
"""

import ast
from pathlib import Path

import ankommen

EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
SOURCE = Path(ankommen.__file__).parent


def _eager_names(tree):
    """The names a module gives Django's eager gettext functions (`_`, `gettext`, …)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }


def _calls_at_import(node, names):
    """The calls of `names` that run when the module is imported: outside any function or lambda."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
        yield node
    for child in ast.iter_child_nodes(node):
        yield from _calls_at_import(child, names)


def test_no_module_translates_a_text_when_it_is_imported():
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _eager_names(tree)
        found += [
            f"{path.relative_to(SOURCE)}:{call.lineno}: {ast.unparse(call)[:80]}"
            for call in _calls_at_import(tree, names)
        ]
    assert not found, "gettext at import (use gettext_lazy):\n" + "\n".join(found)


def test_the_check_finds_an_eager_label_in_a_constant():
    tree = ast.parse(
        "from django.utils.translation import gettext as _\n"
        "TABLES = {'werte': _('Werte')}\n"
        "def page():\n    return _('Seite')\n"
    )
    assert [call.lineno for call in _calls_at_import(tree, _eager_names(tree))] == [2]
