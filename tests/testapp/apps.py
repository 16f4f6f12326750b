from django.apps import AppConfig


class TestappConfig(AppConfig):
    """An app registered only in the test settings: the worked example of every plug-in point."""

    name = "tests.testapp"
    label = "testapp"
    verbose_name = "Notizen (Test-App)"
