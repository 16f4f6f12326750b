from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ankommen.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self):
        # Each app announces what it contributes (stage features, audit actions, demo data)
        # from its own `registration` module, so that core never imports a feature app.
        autodiscover_modules("registration")
