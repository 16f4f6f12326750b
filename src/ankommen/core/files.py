"""Files that are not public: kept outside the web server's reach and served only after asking the rules.

A model declares such a file with `PrivateFileField(view_action="…")`, the rule that says who may
fetch it; `core:private_file` fetches the object of the town, asks `may()` and streams the file.
Public files (sign-language videos, say) stay plain `FileField`s that the web server delivers.
"""

import mimetypes
from pathlib import PurePosixPath

from django.apps import apps
from django.core.files.storage import storages
from django.db import models
from django.http import FileResponse, Http404
from django.urls import reverse
from django.views.decorators.http import require_safe

from ankommen.core.access import town_object_or_404

# Shown in the browser; anything else (HTML, SVG, documents) is always downloaded, never rendered
# on this site's origin.
INLINE_TYPES = {"image/png", "image/jpeg", "image/webp", "application/pdf"}


def image_kind(head):
    """An image's format by its first bytes (what it is, not what its name says): "jpeg", "png", "gif" or
    "webp"; "" for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return ""


def private_storage():
    return storages["private"]


class PrivateFileField(models.FileField):
    def __init__(self, *args, view_action="", **kwargs):
        kwargs["storage"] = private_storage
        self.view_action = view_action
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["view_action"] = self.view_action
        return name, path, args, kwargs


def private_file_url(obj, field_name):
    """The address at which those the field's rule allows fetch `obj`'s file ("" when there is none)."""
    if not getattr(obj, field_name):
        return ""
    return reverse("core:private_file", args=[obj._meta.label_lower, obj.pk, field_name])


@require_safe
def private_file(request, model, pk, field):
    """Stream one private file to a member the field's rule allows; 404 for anything else of another town."""
    try:
        model_class = apps.get_model(model)
        model_field = model_class._meta.get_field(field)
    except (LookupError, ValueError):
        raise Http404("No such file.") from None
    if not isinstance(model_field, PrivateFileField):
        raise Http404("No such file.")
    obj = town_object_or_404(model_class.objects, request, model_field.view_action, pk=pk)
    stored = getattr(obj, field)
    if not stored or not stored.storage.exists(stored.name):
        raise Http404("No file.")
    name = PurePosixPath(stored.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        stored.open("rb"),
        as_attachment=content_type not in INLINE_TYPES,
        filename=name,
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
