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


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "position"]
    list_filter = ["municipality"]
    inlines = [inline(Stage)]
