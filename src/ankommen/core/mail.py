"""Mail leaves through the task worker: a page never waits for the mail server, and a failed
delivery stays in the task table with its error.

Render the message now (in the reader's language), then `send(message)`. With the database
backend the task row belongs to the transaction that asked for it: a rolled-back write sends no mail.
"""

from django.conf import settings
from django.core.mail import EmailMessage

from ankommen.core import tasks


def send(message: EmailMessage) -> None:
    """Queue a rendered message for the worker (attachments are not supported: a task takes JSON)."""
    if message.attachments:
        raise ValueError("A queued mail cannot carry attachments.")
    tasks.send_mail.enqueue(
        {
            "subject": str(message.subject),
            "body": str(message.body),
            "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
            "to": list(message.to),
            "cc": list(message.cc),
            "bcc": list(message.bcc),
            "reply_to": list(message.reply_to),
            "headers": dict(message.extra_headers),
            "alternatives": [
                [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
            ],
        }
    )


def send_mail(subject: str, body: str, recipients: list[str]) -> None:
    """Queue a plain-text mail from the town's sender address."""
    send(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
