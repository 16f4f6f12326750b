from django.conf import settings
from django.utils.translation import get_language

from ankommen.core.languages import BY_CODE, SOURCE


def platform(request):
    """What every page's frame needs: the town, the member and the interface's language."""
    municipality = getattr(request, "municipality", None)
    member = getattr(request, "member", None)
    # The interface stays German in a language the product has no catalogue for (Pashto, Kurmanji):
    # the page says so in `lang` and `dir`, and only the town's translated texts carry that language.
    language = BY_CODE.get(get_language())
    interface = language if language is not None and language.has_catalogue else BY_CODE[SOURCE]
    return {
        "interface_language": interface.code,
        "interface_bidi": interface.bidi,
        "municipality": municipality,
        "member": member,
        "demo_mode": settings.DEMO_MODE,
    }
