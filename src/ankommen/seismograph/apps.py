from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeismographConfig(AppConfig):
    name = "ankommen.seismograph"
    label = "seismograph"
    verbose_name = _("Seismograph")
