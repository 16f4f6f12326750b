"""Who may do what with arrival stories.

The town's editorial staff (the role `editor`, "Redaktion", which this app brings) and its admins
write, review and publish stories, record consents and make the brochure. A person with an account
whose story it is may write it in their own words while it is not published, give and withdraw
their own consents online, and talk with the editors in the story's notes. Everyone reads what is
public: a published story with a valid consent to the web.
"""

from django.utils.translation import gettext_lazy as _

from ankommen.core.roles import SYSTEM, Role
from ankommen.core.rules import person_of_town, same_town, town_role
from ankommen.stories.models import Purpose

EDITOR = "editor"
EDITOR_LABEL = _("Redaktion")
EDITOR_PLURAL = _("Redaktion")
EDITORS = (Role.ADMIN, EDITOR)


def is_editor(member, obj):
    """The town's editorial staff and admins, and the system for the demo and commands."""
    return town_role(member, obj, *EDITORS, SYSTEM)


def _editor_or_teller(member, story):
    return is_editor(member, story) or (same_town(member, story) and story.is_told_by(member))


def may_view_story(member, story):
    """A published story with a valid consent to the web is for everyone; a draft for its editors and teller."""
    if story.is_published and story.valid_consent(Purpose.WEB) is not None:
        return True
    return _editor_or_teller(member, story)


def may_work_on_stories(member, town):
    """See the editors' list of stories and start a new one."""
    return is_editor(member, town)


def may_edit_story(member, story):
    """Change a story's texts, photo and details: the editors always, the teller while it is not published."""
    return is_editor(member, story) or (
        same_town(member, story) and story.is_told_by(member) and not story.is_published
    )


def may_submit_story(member, story):
    """Hand a draft to review: the editors and the teller."""
    return story.status == "draft" and _editor_or_teller(member, story)


def may_publish_story(member, story):
    """Publish a story in review or draft: the editors, and only with a valid consent to the web."""
    return (
        not story.is_published and is_editor(member, story) and story.valid_consent(Purpose.WEB) is not None
    )


def may_unpublish_story(member, story):
    return story.is_published and is_editor(member, story)


def may_note_on_story(member, story):
    """The notes between editors and teller: read and written by both."""
    return _editor_or_teller(member, story)


def may_record_consent(member, story):
    """Record a consent given on paper (with its scan): the editors."""
    return is_editor(member, story)


def may_give_consent(member, story):
    """Consent online: the person whose story it is, in their own name (not for someone under 16)."""
    return same_town(member, story) and story.is_told_by(member) and not story.under_16


def may_withdraw_consent(member, consent):
    """Withdraw a consent that holds: the teller, and the editors for a person who told them so."""
    return consent.withdrawn_at is None and _editor_or_teller(member, consent.story)


def may_view_consent_scan(member, consent):
    return _editor_or_teller(member, consent.story)


def may_view_story_photo(member, story):
    return may_view_story(member, story)


def may_comment_on_story(member, story):
    """The town's people comment on a story everyone may read."""
    return person_of_town(member, story) and may_view_story(None, story)


def may_view_story_comment(member, comment):
    return may_view_story(member, comment.story)


def may_keep_brochures(member, town):
    """Choose stories for the brochure, set it, publish it: the editors."""
    return is_editor(member, town)


def may_download_brochure(member, brochure):
    """The published brochure is for everyone; one in the works for the editors."""
    return brochure.is_published or is_editor(member, brochure)


RULES = {
    "view_story": may_view_story,
    "work_on_stories": may_work_on_stories,
    "edit_story": may_edit_story,
    "submit_story": may_submit_story,
    "publish_story": may_publish_story,
    "unpublish_story": may_unpublish_story,
    "note_on_story": may_note_on_story,
    "record_consent": may_record_consent,
    "give_consent": may_give_consent,
    "withdraw_consent": may_withdraw_consent,
    "view_consent_scan": may_view_consent_scan,
    "view_story_photo": may_view_story_photo,
    "comment_on_story": may_comment_on_story,
    "view_story_comment": may_view_story_comment,
    "keep_brochures": may_keep_brochures,
    "download_brochure": may_download_brochure,
}
