from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import register_audit_actions, register_demo, register_rules, register_stage_kind
from ankommen.core.search import register_search
from ankommen.dialogue import demo, demo_answers, rules
from ankommen.dialogue.models import Comment, Contribution, ContributionKind

register_rules(rules.RULES)

# What each kind of stage lets people write (adhocracy4's phase features, as data).
register_stage_kind(
    "stocktaking",
    contribute=(ContributionKind.FINDING,),
    description=_("Befunde einbringen"),
)
register_stage_kind(
    "options",
    contribute=(ContributionKind.OPTION,),
    promote=(ContributionKind.OPTION,),
    description=_("Handlungsoptionen einbringen und zu Empfehlungen erheben"),
)

register_audit_actions(
    {
        "contribution.promoted": _("Zur Empfehlung erhoben"),
        "contribution.answered": _("Offizielle Antwort gegeben"),
        "contribution.edited": _("Beitrag vom Verfasser bearbeitet"),
        "contribution.withdrawn": _("Beitrag vom Verfasser zurückgezogen"),
        "comment.edited": _("Kommentar vom Verfasser bearbeitet"),
        "comment.withdrawn": _("Kommentar vom Verfasser zurückgezogen"),
    },
    area=_("Beiträge"),
)

register_demo(30)(demo.load)
register_demo(35)(demo_answers.load)  # after the contributions, before the translations (90)

# Found by the search as their readers may see them in the field's lists, not once withdrawn (`core/search.py`).
register_search(
    Contribution,
    fields=Contribution.translatable_fields,
    visible=Contribution.objects.searchable_by,
    results=Contribution.objects.for_search,
)
register_search(
    Comment, fields=("body",), visible=Comment.objects.searchable_by, results=Comment.objects.for_search
)
