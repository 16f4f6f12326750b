from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ankommen.accounts"
    label = "accounts"
    verbose_name = _("Konten und Mitglieder")

    def ready(self):
        from django.db.models.signals import post_save

        from ankommen.accounts import checks  # noqa: F401 - registers the personal-data check

        post_save.connect(_touch_towns_of_user, sender="accounts.User", dispatch_uid="touch-towns-of-user")


def _touch_towns_of_user(sender, instance, **kwargs):
    """A person's name appears in cached pages of every town they belong to."""
    from ankommen.core.cache import touch_town

    for town_id in instance.memberships.values_list("municipality_id", flat=True):
        touch_town(town_id)
