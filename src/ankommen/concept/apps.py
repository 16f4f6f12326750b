from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConceptConfig(AppConfig):
    name = "ankommen.concept"
    label = "concept"
    verbose_name = _("Integrationskonzept")
