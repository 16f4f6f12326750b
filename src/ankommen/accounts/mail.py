"""Mails to people, rendered in German (or the person's language) from templates."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ankommen.accounts.models import User
from ankommen.accounts.places import title_of
from ankommen.core import mail


def _language_of(invitation):
    """The invited person's language where we know it (they have an account) and the town offers it; else German."""
    known = User.objects.filter(email=invitation.email).values_list("preferred_language", flat=True).first()
    return known if known and invitation.municipality.offers(known) else settings.LANGUAGE_CODE


def invitation_context(invitation, language):
    """What the invitation mail and page say about it: who invites, to which town, role and place, and whom to ask."""
    inviter = invitation.invited_by
    town = invitation.municipality
    place = invitation.place
    return {
        "invitation": invitation,
        "municipality": town,
        "inviter": inviter.display_name if inviter else "",
        "place": title_of(place, language) if place is not None else "",
        "place_kind": invitation.place_kind,
        "message_lines": invitation.message.splitlines(),
        "contact": town.contact_email or (inviter.email if inviter else ""),
    }


def _in_language(accept_url, invitation):
    """The invitation's address on the host of `accept_url`, in the active language (/en/einladung/…)."""
    scheme, host, *_rest = urlsplit(accept_url)
    return urlunsplit((scheme, host, reverse("accounts:invitation", args=[invitation.token]), "", ""))


def send_invitation(invitation, accept_url):
    language = _language_of(invitation)
    with translation.override(language):
        context = {
            **invitation_context(invitation, language),
            "accept_url": _in_language(accept_url, invitation),
            "has_account": User.objects.filter(email=invitation.email).exists(),
        }
        subject = render_to_string("accounts/mail/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/mail/invitation.txt", context)
    reply_to = [context["contact"]] if context["contact"] else []
    mail.send(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email], reply_to=reply_to))


def send_join_answer(join_request, home_url):
    """The admins' answer to a request to join, in the person's language where the town offers it."""
    user = join_request.user
    town = join_request.municipality
    language = user.preferred_language if town.offers(user.preferred_language) else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "request": join_request,
            "municipality": town,
            "accepted": join_request.outcome == "accepted",
            "answer_lines": join_request.answer.splitlines(),
            "contact": town.contact_email,
            "home_url": home_url,
        }
        subject = render_to_string("accounts/mail/join_answer_subject.txt", context).strip()
        body = render_to_string("accounts/mail/join_answer.txt", context)
    reply_to = [town.contact_email] if town.contact_email else []
    mail.send(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], reply_to=reply_to))
