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
        self._register_moderation_words()
        self._invalidate_cached_fragments_on_change()

    def _register_moderation_words(self):
        from ankommen.core import moderation
        from ankommen.core.registry import register_audit_actions

        register_audit_actions(moderation.audit_labels(), area=_("Moderation"))

    def _invalidate_cached_fragments_on_change(self):
        """Every save and delete of a town's row moves the cache scopes the row names (`cache_scopes`)."""
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from ankommen.core.cache import touch_scopes_of
        from ankommen.core.models import Municipality, TenantModel

        for model in apps.get_models():
            if issubclass(model, (TenantModel, Municipality)):
                uid = model._meta.label
                post_save.connect(touch_scopes_of, sender=model, dispatch_uid=f"cache-scopes-save-{uid}")
                post_delete.connect(touch_scopes_of, sender=model, dispatch_uid=f"cache-scopes-delete-{uid}")
        m2m_changed.connect(touch_scopes_of, dispatch_uid="cache-scopes-m2m")
