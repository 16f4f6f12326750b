"""Every view of the product has a case in its app's permission matrix (tests/<app>/test_permissions.py)."""

from importlib import import_module
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.urls import resolve

# The product's apps, and the test app that shows how another app plugs in.
PRODUCT_APPS = [
    app for app in apps.get_app_configs() if app.name.startswith("ankommen.") or app.name == "tests.testapp"
]


@pytest.mark.parametrize("app", PRODUCT_APPS, ids=lambda app: app.label)
def test_every_view_of_the_app_has_a_case_in_its_permission_matrix(town, app):
    """A new view joins its app's CASES; a new app with views brings its own tests/<app>/test_permissions.py."""
    names = {f"{app.label}:{pattern.name}" for pattern in _urlpatterns(app)}
    matrix = import_module(f"tests.{app.label}.test_permissions")
    if hasattr(matrix, "prepare_cases"):
        matrix.prepare_cases(town)
    covered = {resolve(case.url()).view_name for case in matrix.CASES}
    assert names <= covered, f"views without a permission case: {sorted(names - covered)}"


def _urlpatterns(app):
    """The app's own URL patterns (none for an app without a urls.py)."""
    if find_spec(f"{app.name}.urls") is None:
        return []
    return import_module(f"{app.name}.urls").urlpatterns
