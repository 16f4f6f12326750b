"""The test suite's settings: the product's, with the test app that shows every plug-in point."""

from ankommen.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
ROOT_URLCONF = "tests.urls"
