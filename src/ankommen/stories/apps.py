from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "ankommen.stories"
    label = "stories"
    verbose_name = _("Ankommensgeschichten")
