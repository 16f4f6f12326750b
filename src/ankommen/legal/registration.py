from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    register_audit_actions,
    register_demo,
    register_link,
    register_rules,
)
from ankommen.legal import demo, rules

register_rules(rules.RULES)

register_link("menu", _("Leichte Sprache"), "legal:easy_language", order=30, icon="easy-language")
register_link("menu", _("Gebärdensprache"), "legal:sign_language", order=40, icon="sign-language")
register_link(
    "menu",
    _("Barriere-Meldungen"),
    "legal:barrier_queue",
    action="moderate_town",
    order=65,
)
register_link(
    "hub",
    _("Rechtliche Seiten und Barrierefreiheit"),
    "legal:manage",
    action="administer",
    order=70,
    description=_("Impressum, Datenschutz, Nutzungsbedingungen, Barrierefreiheit, Leichte Sprache, DGS"),
)
register_link(
    "hub",
    _("Barriere-Meldungen"),
    "legal:barrier_queue",
    action="moderate_town",
    order=75,
    description=_("Gemeldete Barrieren binnen eines Monats beantworten"),
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
for position, (label, url_name) in enumerate(FOOTER):
    register_link("footer", label, url_name, order=position, group=_("Rechtliches und Barrierefreiheit"))

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
