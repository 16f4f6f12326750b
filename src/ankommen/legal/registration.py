from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    Link,
    register_audit_actions,
    register_demo,
    register_links,
    register_rules,
)
from ankommen.legal import demo, rules

register_rules(rules.RULES)

register_links(
    "menu",
    Link(_("Leichte Sprache"), "legal:easy_language", order=30, icon="easy-language"),
    Link(_("Gebärdensprache"), "legal:sign_language", order=40, icon="sign-language"),
    Link(_("Barriere-Meldungen"), "legal:barrier_queue", "moderate_town", 65),
)
register_links(
    "hub",
    Link(
        _("Rechtliche Seiten und Barrierefreiheit"),
        "legal:manage",
        "administer",
        70,
        _("Impressum, Datenschutz und mehr"),
    ),
    Link(
        _("Barriere-Meldungen"),
        "legal:barrier_queue",
        "moderate_town",
        75,
        _("Binnen eines Monats antworten"),
    ),
)
FOOTER = [
    (_("Impressum"), "legal:imprint"),
    (_("Datenschutz"), "legal:privacy"),
    (_("Nutzungsbedingungen"), "legal:terms"),
    (_("Barrierefreiheit"), "legal:accessibility"),
    (_("Barriere melden"), "legal:report_barrier"),
    (_("Leichte Sprache"), "legal:easy_language"),
    (_("Gebärdensprache"), "legal:sign_language"),
]
group = _("Rechtliches und Barrierefreiheit")
register_links(
    "footer", *(Link(label, url, order=index, group=group) for index, (label, url) in enumerate(FOOTER))
)

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
    },
    area=_("Rechtliches und Barrierefreiheit"),
)

# After the people (10), before the concept (20): the legal pages need no other data.
register_demo(15)(demo.load)
