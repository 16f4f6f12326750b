"""Mails to people, rendered in German (or the person's language) from templates."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from ankommen.core import mail


def send_invitation(invitation, accept_url):
    context = {"invitation": invitation, "accept_url": accept_url, "municipality": invitation.municipality}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/mail/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/mail/invitation.txt", context)
    mail.send_mail(subject, body, [invitation.email])
