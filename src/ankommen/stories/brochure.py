"""The Ankommensbroschüre as a print-quality, tagged PDF, set by Typst from plain data.

`render(data)` takes the brochure as plain data and gives the PDF's bytes. It reads no model and no
request: its caller gathers the chosen stories (only those with valid consent for print) and puts
every text into its final words, dates as text; `labels()` gives the brochure's fixed words in the
active language. The data:

    {"language": "de", "title": …, "subtitle": …, "town": …, "edition": "Dezember 2026",
     "introduction": [paragraph, …], "imprint": [line, …],
     "labels": {"contents": "Inhalt", "arrived": "Angekommen {year}", …},  # over labels()
     "stories": [{"title": …, "language": "ar", "direction": "rtl", "kind": "portrait" | "interview",
                  "name": "Amina K.", "arrived": "2016" or "", "teaser": …,
                  "paragraphs": [text, …], "interview": [{"question": …, "answer": …}, …],
                  "photo": {"path": "/abs/path.jpg", "alt": …} or None, "note": …}, …]}

The pages, set from `typst/broschuere.typ` in A4: the cover, the introduction, the contents (the
stories' titles with their page numbers), then one story per spread, each starting on a left (even)
page with its title and photo (or a quiet tinted field with the person's initials), its text from
the right page on; the imprint last. A blank page goes before a story wherever the one before ended
on a left page, and the front matter is made even the same way, so with an introduction and
contents of a page each, and stories whose text fits one page, the brochure has 2 × stories + 4
pages.

The PDF is PDF/UA-1: a structure tree with real headings, the document's title and language in its
metadata, every photo with its alternative text, and each story's text tagged with the story's own
language and set in its direction: Arabic and Persian right to left, in an Arabic-script face (see
`core.typesetting.fonts_for`). What people wrote goes in as JSON data, never as Typst source. The
photos are linked (or copied) into a temporary folder that is all Typst may read.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ankommen.core import typesetting
from ankommen.core.files import image_kind

TEMPLATE = Path(__file__).resolve().parent / "typst" / "broschuere.typ"

KINDS = ("portrait", "interview")
DIRECTIONS = ("ltr", "rtl")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)


def labels():
    """The brochure's fixed words in the active language."""
    return {
        "contents": _("Inhalt"),
        "introduction": _("Zu dieser Broschüre"),
        "arrived": _("Angekommen {year}"),
        "portrait": _("Porträt"),
        "interview": _("Interview"),
        "imprint": _("Impressum"),
    }


def render(data, *, timestamp=None):
    """The brochure `data` (see the module's docstring) as a tagged PDF (PDF/UA-1), A4, as bytes.

    `timestamp`: the creation time written into the PDF (seconds since 1970); the same data and
    timestamp give the same file. Raises `ValidationError` (in German) for data that does not fit.
    """
    brochure = _checked(data)
    with tempfile.TemporaryDirectory(prefix="broschuere-") as root:
        typst_data = _typst_data(brochure, Path(root))
        return typesetting.compile_pdf(TEMPLATE, typst_data, root=root, timestamp=timestamp)


# --- checking the data -----------------------------------------------------------------------


def _text(value, message):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(message)
    return value


def _texts(value, message):
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise ValidationError(message)
    return list(value)


def _language(value, message):
    if not isinstance(value, str) or not LANGUAGE_CODE.match(value):
        raise ValidationError(message)
    return value


def _checked(data):
    """`data` with every part of the contract there and of its kind; a German `ValidationError` if not."""
    if not isinstance(data, dict):
        raise ValidationError(_("Die Daten der Broschüre fehlen."))
    title = _text(data.get("title"), _("Die Broschüre braucht einen Titel.")).strip()
    if not title:
        raise ValidationError(_("Die Broschüre braucht einen Titel."))
    given_labels = data.get("labels") or {}
    if not isinstance(given_labels, dict) or not all(
        isinstance(value, str) for value in given_labels.values()
    ):
        raise ValidationError(_("Die festen Wörter der Broschüre müssen Texte sein."))
    stories = data.get("stories") or []
    if not isinstance(stories, list | tuple):
        raise ValidationError(_("Die Geschichten der Broschüre müssen eine Liste sein."))
    return {
        "title": title,
        "language": _language(data.get("language"), _("Die Sprache der Broschüre ist kein Sprachcode.")),
        **{
            key: _text(data.get(key), _("Untertitel, Ort und Ausgabe müssen Texte sein."))
            for key in ("subtitle", "town", "edition")
        },
        "introduction": _texts(data.get("introduction"), _("Die Einleitung muss aus Absätzen bestehen.")),
        "imprint": _texts(data.get("imprint"), _("Das Impressum muss aus Zeilen bestehen.")),
        "labels": {**labels(), **given_labels},
        "stories": [_checked_story(story) for story in stories],
    }


def _checked_story(story):
    if not isinstance(story, dict):
        raise ValidationError(_("Eine Geschichte der Broschüre ist unvollständig."))
    title = _text(story.get("title"), _("Eine Geschichte der Broschüre hat keinen Titel.")).strip()
    if not title:
        raise ValidationError(_("Eine Geschichte der Broschüre hat keinen Titel."))

    def invalid(message):
        return ValidationError(message.replace("{title}", title))

    if story.get("kind") not in KINDS:
        raise invalid(_("Die Geschichte „{title}“ ist weder Porträt noch Interview."))
    if story.get("direction") not in DIRECTIONS:
        raise invalid(_("Die Schreibrichtung der Geschichte „{title}“ fehlt."))
    interview = story.get("interview") or []
    if not isinstance(interview, list | tuple) or not all(
        isinstance(exchange, dict)
        and isinstance(exchange.get("question"), str)
        and isinstance(exchange.get("answer"), str)
        for exchange in interview
    ):
        raise invalid(_("Das Interview „{title}“ braucht zu jeder Frage eine Antwort."))
    text_message = _("Die Texte der Geschichte „{title}“ müssen Texte sein.")
    return {
        "title": title,
        "language": _language(
            story.get("language"), invalid(_("Die Sprache der Geschichte „{title}“ fehlt."))
        ),
        "direction": story["direction"],
        "kind": story["kind"],
        **{
            key: _text(story.get(key), invalid(text_message)) for key in ("name", "arrived", "teaser", "note")
        },
        "paragraphs": _texts(story.get("paragraphs"), invalid(text_message)),
        "interview": [{"question": item["question"], "answer": item["answer"]} for item in interview],
        "photo": _checked_photo(story.get("photo"), invalid),
    }


def _checked_photo(photo, invalid):
    """The photo's path and alternative text, or None; the file must be a JPEG, PNG, GIF or WebP."""
    if photo is None:
        return None
    if not isinstance(photo, dict):
        raise invalid(_("Das Foto der Geschichte „{title}“ fehlt."))
    alt = photo.get("alt")
    if not isinstance(alt, str) or not alt.strip():
        raise invalid(_("Das Foto der Geschichte „{title}“ braucht einen Alternativtext."))
    path = photo.get("path")
    try:
        with open(path, "rb") as handle:
            kind = image_kind(handle.read(12))
    except (OSError, TypeError):
        raise invalid(_("Das Foto der Geschichte „{title}“ fehlt.")) from None
    if not kind:
        raise invalid(_("Das Foto der Geschichte „{title}“ ist kein Bild (JPEG, PNG, GIF oder WebP)."))
    return {"path": Path(path), "suffix": f".{kind}", "alt": alt.strip()}


# --- the data the template reads -------------------------------------------------------------


def _typst_language(code):
    """Typst's language and region for a language code: "fa-AF" → ("fa", "AF"), "de-simple" → ("de", None)."""
    parts = code.split("-")
    region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha() else None
    return parts[0].lower(), region


def _initials(name):
    return "".join(word[0] for word in name.split()[:2]).upper()


def _stage(photo, root, number):
    """The photo as a file in Typst's `root` (a hard link where the file system allows, else a copy)."""
    name = f"photo-{number}{photo['suffix']}"
    try:
        os.link(photo["path"], root / name)
    except OSError:
        shutil.copyfile(photo["path"], root / name)
    return name


def _typst_data(brochure, root):
    labels = brochure["labels"]
    lang, region = _typst_language(brochure["language"])
    stories = []
    for number, story in enumerate(brochure["stories"], start=1):
        story_lang, story_region = _typst_language(story["language"])
        photo = story["photo"]
        stories.append(
            {
                "title": story["title"],
                "lang": story_lang,
                "region": story_region,
                "rtl": story["direction"] == "rtl",
                "fonts": typesetting.fonts_for(story["language"]),
                "kind_label": labels[story["kind"]],
                "name": story["name"],
                "initials": _initials(story["name"]),
                "arrived": labels["arrived"].replace("{year}", story["arrived"]) if story["arrived"] else "",
                "note": story["note"],
                "teaser": story["teaser"],
                "paragraphs": story["paragraphs"],
                "interview": story["interview"],
                "photo": None
                if photo is None
                else {"path": _stage(photo, root, number), "alt": photo["alt"]},
            }
        )
    return {
        "title": brochure["title"],
        "subtitle": brochure["subtitle"],
        "town": brochure["town"],
        "edition": brochure["edition"],
        "lang": lang,
        "region": region,
        "fonts": typesetting.fonts_for(brochure["language"]),
        "introduction": brochure["introduction"],
        "imprint": brochure["imprint"],
        "labels": labels,
        "stories": stories,
    }
