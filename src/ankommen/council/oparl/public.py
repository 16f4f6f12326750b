"""What the OParl interface shows of the council, and what it tells a client is gone.

Shown is only what is public and written here: never a copy imported from another council system
(`origin`), never a deleted row, never a submission that is not released or not public, nor its
consultations and files. Each object type has two conditions:

- `shown`: the rows served in full (a `Q` over the row; `served()` gives them as a queryset);
- `once_shown`: among our own rows not shown now, those a client may have read before: with
  `modified_since` they come as deleted (`{"deleted": true}` and nothing but id, type and dates),
  so that a client drops its copy: a deleted row, a withdrawn submission with its consultations
  and files. What is not public answers as what never was: it never comes, not even so (a draft,
  a private submission, a private consultation or file, deleted or not).
"""

from django.db.models import Exists, OuterRef, Q

from ankommen.council.models import Meeting, Submission, SubmissionStatus

SHOWN_STATUSES = (SubmissionStatus.RELEASED, SubmissionStatus.DECIDED)


def own_live(prefix=""):
    """Written here and not deleted (`prefix` reaches a related row, e.g. "meeting__")."""
    return Q(**{f"{prefix}origin": "", f"{prefix}deleted_at__isnull": True})


def shown_parent(model, column):
    """The row's `column` names a row of `model` of ours, not deleted.

    Asked per row (EXISTS) rather than joined: the list then walks its own table in id order
    (joined, SQLite chose to scan the parent table first, and the last page cost the whole table).
    """
    return Q(Exists(model.objects.filter(own_live(), pk=OuterRef(column))))


def public_submission(prefix=""):
    """`Submission.objects.public().own()` as a condition."""
    return own_live(prefix) & Q(**{f"{prefix}is_public": True, f"{prefix}status__in": SHOWN_STATUSES})


def public_consultation(prefix=""):
    """`Consultation.objects.public().own()` of our own submission, as a condition."""
    return own_live(prefix) & Q(**{f"{prefix}is_public": True}) & public_submission(f"{prefix}submission__")


def public_file():
    """A public file with its content here, of a public submission or of a meeting shown."""
    return (
        own_live()
        & Q(is_public=True)
        & ~Q(file="")
        & (Q(submission__isnull=True) | Q(Exists(_public_submissions().filter(pk=OuterRef("submission_id")))))
        & (Q(meeting__isnull=True) | shown_parent(Meeting, "meeting_id"))
    )


def _public_submissions():
    return Submission.objects.filter(public_submission())


def once_public_submission(prefix=""):
    """A public submission of ours that was released once (since withdrawn or deleted, perhaps)."""
    return Q(**{f"{prefix}origin": "", f"{prefix}is_public": True, f"{prefix}released_at__isnull": False})


def is_own_live(obj):
    """`own_live` for a related row fetched with the one served."""
    return obj is not None and not obj.origin and obj.deleted_at is None
