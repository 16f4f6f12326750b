from django.contrib import admin

from ankommen.dialogue.models import Contribution


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "field", "kind", "created_at", "hidden_at"]
    list_filter = ["municipality", "kind"]
    raw_id_fields = ["author", "hidden_by", "promoted_by", "stage", "field"]
