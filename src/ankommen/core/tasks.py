"""Background work of the core, run by `ankommen db_worker` (django-tasks with its database backend)."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_mail(message: dict) -> None:
    """Send one mail, given as the fields `core.mail.send` took from it."""
    alternatives = message.pop("alternatives", [])
    mail = EmailMultiAlternatives(**message)
    for content, mimetype in alternatives:
        mail.attach_alternative(content, mimetype)
    mail.send()
