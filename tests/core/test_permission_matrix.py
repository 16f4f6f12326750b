"""Every view of the product has a case in its app's permission matrix (tests/<app>/test_permissions.py)."""

from importlib import import_module

from django.urls import resolve

APPS = ("concept", "dialogue", "accounts", "core")

# Views whose permission is tested elsewhere: public pages, one's own profile, invitations.
TESTED_ELSEWHERE = {
}


def test_every_view_of_the_product_has_a_permission_case(town):
    """A new view must join its app's matrix (or the tests named in TESTED_ELSEWHERE)."""
    names = {f"{app}:{name}" for app in APPS for name in _view_names(app)}
    covered = set(TESTED_ELSEWHERE)
    for app in APPS:
        matrix = import_module(f"tests.{app}.test_permissions")
        if hasattr(matrix, "prepare_cases"):
            matrix.prepare_cases(town)
        covered |= {resolve(case.url()).view_name for case in matrix.CASES}
    assert names <= covered, f"views without a permission case: {sorted(names - covered)}"


def _view_names(app):
    return [pattern.name for pattern in import_module(f"ankommen.{app}.urls").urlpatterns]
