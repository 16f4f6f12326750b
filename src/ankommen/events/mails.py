"""Mails to people registered without an account (staff entered their address): in their language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

SUBJECTS = {
    "confirmed": lambda: _("Anmeldung bestätigt: %(event)s"),
    "waiting": lambda: _("Auf der Warteliste: %(event)s"),
    "promoted": lambda: _("Sie haben einen Platz: %(event)s"),
    "reminder": lambda: _("Erinnerung: %(event)s"),
    "changed": lambda: _("Geändert: %(event)s"),
    "cancelled": lambda: _("Abgesagt: %(event)s"),
}


def contact_mail(registration, kind, extra=list):
    """The message for `kind` ("confirmed", "promoted", …) with the lines of `extra()` spelling out a change."""
    event = registration.event
    town = event.municipality
    language = registration.language if town.offers(registration.language) else settings.LANGUAGE_CODE
    with translation.override(language):
        base = f"{settings.SITE_SCHEME}://{town.host}"
        body = render_to_string(
            "events/mail/contact.txt",
            {
                "registration": registration,
                "event": event,
                "kind": kind,
                "lines": [str(line) for line in extra()],
                "event_url": base + event.get_absolute_url(),
                "ics_url": base + reverse("events:event_ics", args=[event.slug]),
                "town": town,
            },
        )
        subject = SUBJECTS[kind]() % {"event": event.title}
    return EmailMessage(subject[:300], body, settings.DEFAULT_FROM_EMAIL, [registration.email])
