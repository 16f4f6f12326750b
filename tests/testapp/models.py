"""A note: written by a member, moderated, translatable, with a private attachment."""

from django.db import models
from django.urls import reverse

from ankommen.core.files import PrivateFileField
from ankommen.core.models import Moderated, Translatable


class Note(Moderated, Translatable):
    translatable_fields = ("title", "body")
    natural_key_fields = ("title",)
    view_action = "view_note"
    moderation_slug = "notizen"
    moderation_labels = {
        "flag": "Notiz melden",
        "hide": "Notiz ausblenden",
        "hidden": "Notiz ausgeblendet",
        "shown": "Notiz wieder eingeblendet",
    }

    title = models.CharField("Titel", max_length=120)
    body = models.TextField("Text", max_length=2000)
    author = models.ForeignKey("accounts.Member", on_delete=models.PROTECT, related_name="+")
    attachment = PrivateFileField(
        "Anhang", upload_to="notizen/", blank=True, view_action="see_note_attachment"
    )

    class Meta:
        verbose_name = "Notiz"
        verbose_name_plural = "Notizen"
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("testapp:note", args=[self.pk])

    @property
    def offered_for_translation(self):
        return not self.is_hidden
