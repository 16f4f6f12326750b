"""What the OParl interface shows of the council, and what it tells a client is gone.

Shown is only what is public and written here: never a copy imported from another council system
(`origin`), never a deleted row, never a submission that is not released or not public, nor its
consultations and files. Each object type has two conditions:

- `shown`: the rows served in full (a `Q` over the row; `served()` gives them as a queryset);
- `once_shown`: among our own rows not shown now, those a client may have read before: with
  `modified_since` they come as deleted (`{"deleted": true}` and nothing but id, type and dates),
  so that a client drops its copy. A draft that was never released never shows, not even so.
"""

from django.db.models import Q

from ankommen.council.models import SubmissionStatus

SHOWN_STATUSES = (SubmissionStatus.RELEASED, SubmissionStatus.DECIDED)


def own_live(prefix=""):
    """Written here and not deleted (`prefix` reaches a related row, e.g. "meeting__")."""
    return Q(**{f"{prefix}origin": "", f"{prefix}deleted_at__isnull": True})


def public_submission(prefix=""):
    """`Submission.objects.public().own()` as a condition."""
    return own_live(prefix) & Q(**{f"{prefix}is_public": True, f"{prefix}status__in": SHOWN_STATUSES})


def public_consultation(prefix=""):
    """`Consultation.objects.public().own()` of our own submission, as a condition."""
    return own_live(prefix) & Q(**{f"{prefix}is_public": True}) & public_submission(f"{prefix}submission__")


def public_file(prefix=""):
    """A public file with its content here, of a public submission or of a meeting shown."""
    return (
        own_live(prefix)
        & Q(**{f"{prefix}is_public": True})
        & ~Q(**{f"{prefix}file": ""})
        & (Q(**{f"{prefix}submission__isnull": True}) | public_submission(f"{prefix}submission__"))
        & (Q(**{f"{prefix}meeting__isnull": True}) | own_live(f"{prefix}meeting__"))
    )


def released_submission(prefix=""):
    """A submission of ours that was released once (public or not now): what a client may hold."""
    return Q(**{f"{prefix}origin": "", f"{prefix}released_at__isnull": False})


# The same rules for an object in hand (a related row fetched with the one served).


def is_own_live(obj):
    return obj is not None and not obj.origin and obj.deleted_at is None


def is_public_submission(submission):
    return is_own_live(submission) and submission.is_public and submission.status in SHOWN_STATUSES


def is_public_consultation(consultation):
    return (
        is_own_live(consultation) and consultation.is_public and is_public_submission(consultation.submission)
    )
