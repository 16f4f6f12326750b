from django.utils.text import slugify

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slug(text, max_length=120):
    """A web address part from German text: "Frühkindliche Bildung" becomes "fruehkindliche-bildung"."""
    return slugify(text.translate(_GERMAN))[:max_length].strip("-")
