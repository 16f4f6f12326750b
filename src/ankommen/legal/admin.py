from django.contrib import admin

from ankommen.core.admin import inline
from ankommen.legal.models import (
    AccessibilityStatement,
    BarrierReport,
    EasyLanguageText,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    SignLanguageVideo,
    TermsVersion,
)

for model in (Imprint, PrivacyNotice, EasyLanguageText):
    admin.site.register(model)


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(admin.ModelAdmin):
    list_display = ["municipality", "compliance", "reviewed_on"]
    inlines = [inline(NonAccessibleContent, admin.StackedInline)]


@admin.register(TermsVersion)
class TermsVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "municipality", "dated", "published_at"]
    list_filter = ["municipality"]
    raw_id_fields = ["published_by"]


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(admin.ModelAdmin):
    list_display = ["part", "municipality", "size", "duration", "uploaded_at"]


@admin.register(BarrierReport)
class BarrierReportAdmin(admin.ModelAdmin):
    list_display = ["subject", "municipality", "kind", "received_at", "due_on", "status"]
    list_filter = ["municipality", "status"]
    raw_id_fields = ["resolved_by"]
