"""Django's admin, for the server's superuser only; towns work in the product's own pages."""

from django.contrib import admin

from ankommen.core.models import AuditEntry, Municipality


def inline(model, layout=admin.TabularInline):
    """The rows of `model` inside their parent's admin page, with no empty extra rows."""
    return type(f"{model.__name__}Inline", (layout,), {"model": model, "extra": 0})


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "host", "is_default"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "municipality", "actor_name", "action", "target_label"]
    list_filter = ["municipality", "action"]

    def has_change_permission(self, request, obj=None):
        return False  # the audit log is written by the product only

    def has_delete_permission(self, request, obj=None):
        return False
