from django.contrib import admin

from ankommen.accounts.models import Invitation, Member, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "is_active", "date_joined"]
    search_fields = ["email", "display_name"]
    exclude = ["password"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "role_label", "is_active"]
    list_filter = ["municipality"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "municipality", "role", "created_at", "accepted_at", "revoked_at"]
