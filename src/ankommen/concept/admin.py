from django.contrib import admin

from ankommen.concept.models import (
    Concept,
    District,
    Field,
    FocusTopic,
    Milestone,
    Principle,
    Stage,
    TargetGroup,
)
from ankommen.core.admin import inline

for model in (Concept, Principle, FocusTopic, District, TargetGroup, Milestone):
    admin.site.register(model)


class StageInline(inline(Stage)):
    def has_delete_permission(self, request, obj=None):
        return False  # a stage is archived in the product, never deleted with what was written in it


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "position", "archived_at"]
    list_filter = ["municipality"]
    inlines = [StageInline]

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a field would delete its contributions: it is archived in the product
