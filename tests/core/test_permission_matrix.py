"""Every view of the product has its cases in its app's permission matrix (tests/<app>/test_permissions.py).

Each case is tried by every role of `tests.permissions.ROLES` (a visitor, a member of another town
and each of the demo town's roles), each with the status it must get. Here we hold the cases to
covering the views: every URL name has cases, for every method the view takes (a POST sent
directly where it takes POSTs), and it refuses someone in at least one of them, unless its
module names it in `OPEN_TO_EVERYONE` (a page nobody is refused, such as the imprint).
"""

from importlib import import_module
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.urls import resolve

from tests.permissions import ROLES

# The product's apps, and the test app that shows how another app plugs in.
PRODUCT_APPS = [
    app for app in apps.get_app_configs() if app.name.startswith("ankommen.") or app.name == "tests.testapp"
]


def _cases_by_view_name(app, town):
    matrix = import_module(f"tests.{app.label}.test_permissions")
    if hasattr(matrix, "prepare_cases"):
        matrix.prepare_cases(town)
    by_name = {}
    for case in matrix.CASES:
        by_name.setdefault(resolve(case.url()).view_name, []).append(case)
    return matrix, by_name


@pytest.mark.parametrize("app", PRODUCT_APPS, ids=lambda app: app.label)
def test_every_view_of_the_app_has_a_case_in_its_permission_matrix(town, app):
    """A new view joins its app's CASES; a new app with views brings its own tests/<app>/test_permissions.py."""
    names = {f"{app.label}:{pattern.name}" for pattern in _urlpatterns(app)}
    _matrix, by_name = _cases_by_view_name(app, town)
    assert names <= set(by_name), f"views without a permission case: {sorted(names - set(by_name))}"


@pytest.mark.parametrize("app", PRODUCT_APPS, ids=lambda app: app.label)
def test_every_view_refuses_someone_or_is_named_open_to_everyone(town, app):
    matrix, by_name = _cases_by_view_name(app, town)
    open_to_everyone = getattr(matrix, "OPEN_TO_EVERYONE", set())
    never_refusing = {
        name
        for name, cases in by_name.items()
        if not any(case.refuses(role) for case in cases for role in ROLES)
    }
    assert never_refusing == open_to_everyone, (
        "a view no case refuses anyone: add a refused case, or name it in OPEN_TO_EVERYONE "
        f"(never refusing: {sorted(never_refusing)}, named: {sorted(open_to_everyone)})"
    )


@pytest.mark.parametrize("app", PRODUCT_APPS, ids=lambda app: app.label)
def test_every_method_a_view_takes_has_its_cases(town, client_as, app):
    """A view that answers a GET has a GET case, one that takes a POST a POST case (probed as an admin)."""
    _matrix, by_name = _cases_by_view_name(app, town)
    client = client_as("admin")
    missing = []
    for name, cases in sorted(by_name.items()):
        methods = {case.method for case in cases}
        for method in {"get", "post"} - methods:
            if getattr(client, method)(cases[0].url()).status_code != 405:
                missing.append(f"{name} ({method.upper()})")
    assert not missing, f"methods a view takes without a permission case: {missing}"


def _urlpatterns(app):
    """The app's own URL patterns (none for an app without a urls.py)."""
    if find_spec(f"{app.name}.urls") is None:
        return []
    return import_module(f"{app.name}.urls").urlpatterns
