"""The test app's rules, built from core's blocks."""

from ankommen.core.roles import STAFF
from ankommen.core.rules import person_of_town, town_role


def may_view_note(member, note):
    return True  # notes are public, like a field's contributions


def may_write_note(member, town):
    return person_of_town(member, town)


def may_see_note_attachment(member, note):
    """The author, and the town's staff."""
    return town_role(member, note, *STAFF) or (member is not None and member.pk == note.author_id)


RULES = {
    "view_note": may_view_note,
    "write_note": may_write_note,
    "see_note_attachment": may_see_note_attachment,
}
