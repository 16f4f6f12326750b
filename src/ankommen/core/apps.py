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
        from ankommen.core.languages import register_with_django

        register_with_django()
        autodiscover_modules("registration")
        self._invalidate_cached_fragments_on_change()

    def _invalidate_cached_fragments_on_change(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from ankommen.core.cache import touch_town_of
        from ankommen.core.models import AuditEntry, TenantModel

        for model in apps.get_models():
            if issubclass(model, TenantModel) and model is not AuditEntry:
                post_save.connect(
                    touch_town_of, sender=model, dispatch_uid=f"touch-town-save-{model._meta.label}"
                )
                post_delete.connect(
                    touch_town_of, sender=model, dispatch_uid=f"touch-town-delete-{model._meta.label}"
                )
        m2m_changed.connect(touch_town_of, dispatch_uid="touch-town-m2m")
        post_save.connect(_touch_municipality, sender="core.Municipality", dispatch_uid="touch-town-itself")


def _touch_municipality(sender, instance, **kwargs):
    from ankommen.core.cache import touch_town

    touch_town(instance.pk)
