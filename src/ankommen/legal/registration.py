from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import register_audit_actions, register_demo
from ankommen.legal import demo

register_audit_actions(
    {
        "legal.imprint_saved": _("Impressum gespeichert"),
        "legal.privacy_saved": _("Datenschutzerklärung gespeichert"),
        "legal.terms_created": _("Fassung der Nutzungsbedingungen angelegt"),
        "legal.terms_updated": _("Entwurf der Nutzungsbedingungen geändert"),
        "legal.terms_published": _("Nutzungsbedingungen veröffentlicht"),
        "legal.accessibility_saved": _("Erklärung zur Barrierefreiheit gespeichert"),
        "legal.non_accessible_content_added": _("Nicht barrierefreien Inhalt eingetragen"),
        "legal.non_accessible_content_updated": _("Nicht barrierefreien Inhalt geändert"),
        "legal.non_accessible_content_removed": _("Nicht barrierefreien Inhalt entfernt"),
        "legal.easy_language_saved": _("Leichte Sprache gespeichert"),
        "legal.sign_language_video_saved": _("Video in Gebärdensprache gespeichert"),
        "barrier_report.answered": _("Barriere-Meldung beantwortet"),
        "barrier_report.closed": _("Barriere-Meldung geschlossen"),
    }
)

# After the people (10), before the concept (20): the legal pages need no other data.
register_demo(15)(demo.load)
