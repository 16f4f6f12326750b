"""Authors own their text (any `Authored` model): they change it, earlier versions kept, or withdraw it.

Each verb asks the model's rule first, writes in one transaction and leaves one audit line
(`<model>.edited`, `<model>.withdrawn`; the app registers their words).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from ankommen.core.audit import audit
from ankommen.core.models import Revision
from ankommen.core.rules import require


def edit(item, *, author, values):
    """Give `item` new texts; the earlier ones are kept as a `Revision`. Nothing changed, nothing written."""
    require(author, item.edit_action, item)
    earlier = {
        name: getattr(item, name)
        for name in type(item).revised_fields
        if name in values and values[name] != getattr(item, name)
    }
    if not earlier:
        return item
    with transaction.atomic():
        Revision.objects.create(
            municipality_id=item.municipality_id,
            item=item,
            texts=earlier,
            written_at=item.edited_at or item.created_at,
            replaced_by=author.user,
        )
        for name in earlier:
            setattr(item, name, values[name])
        item.edited_at = timezone.now()
        item.save(update_fields=[*earlier, "edited_at"])
        audit(author.user, f"{item._meta.model_name}.edited", item, fields=", ".join(sorted(earlier)))
    return item


def withdraw(item, *, author, then=None):
    """The author takes `item` back: its text is no longer shown, a dated trace stays where it stood.

    `then(item)` runs in the same transaction (an app lowers its counts there). Of two requests at
    once, the first withdraws and the second finds nothing left to do.
    """
    require(author, item.withdraw_action, item)
    now = timezone.now()
    with transaction.atomic():
        if not type(item)._base_manager.filter(pk=item.pk, withdrawn_at=None).update(withdrawn_at=now):
            return item
        item.withdrawn_at = now
        item.save(update_fields=["withdrawn_at"])  # again through save: translations and cache follow
        if then is not None:
            then(item)
        audit(author.user, f"{item._meta.model_name}.withdrawn", item)
    return item


def remove_texts(items, *, then=None):
    """Remove what a person wrote, at their request when their account is erased: the texts, earlier
    versions and translations go; a dated trace stays where each item stood, as after withdrawing.

    `then(item)` runs for each item that was not withdrawn yet (an app lowers its counts there).
    """
    from ankommen.core.models import Translation

    now = timezone.now()
    for item in items:
        was_standing = item.withdrawn_at is None
        for name in type(item).revised_fields:
            setattr(item, name, "")
        item.withdrawn_at = item.withdrawn_at or now
        item.save(update_fields=[*type(item).revised_fields, "withdrawn_at"])
        item.revisions.all().delete()
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).delete()
        if was_standing and then is not None:
            then(item)
