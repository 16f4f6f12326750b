"""Typesetting PDFs with Typst: the platform's fonts made readable for it, and one compiler for all.

The platform ships its fonts for the web, as WOFF2 files in `core/static/vendor/fonts`; Typst reads
TrueType and OpenType only. `font_dirs()` converts them once into a cache folder (var/fonts), the
web font's subsets of a face merged into one file, so that a document sets German, Turkish, Polish
and Ukrainian names in Fira Sans, and Arabic and Persian in an Arabic-script face. `fonts_for(language)`
names the families for text in a language.

`compile_pdf()` sets a Typst template with one compiler, made once and reused (making one reads
every font: about ten times the cost of setting a short document). The data goes in as JSON
through `sys.inputs.data`, never as Typst source: what people typed is printed as typed and cannot
run code. By default the PDF is PDF/UA-1: tagged, with title, language and alternative texts.
Used by the council's submissions (council/documents.py) and the stories' brochure
(stories/brochure.py).
"""

import hashlib
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

FONT_SOURCE = Path(__file__).resolve().parent / "static" / "vendor" / "fonts"


@dataclass(frozen=True)
class FontFamily:
    """A family as the web serves it: one WOFF2 file per face and subset, `<folder>-<subset>-<face>`."""

    name: str  # the family's name in Typst
    folder: str
    faces: tuple[str, ...]
    subsets: tuple[str, ...]

    def sources(self, face):
        return [FONT_SOURCE / self.folder / f"{self.folder}-{subset}-{face}.woff2" for subset in self.subsets]


FIRA_SANS = FontFamily(
    "Fira Sans",
    "fira-sans",
    faces=("400-normal", "400-italic", "600-normal", "700-normal"),
    subsets=("latin", "latin-ext", "cyrillic"),
)
# Arabic, Persian and every other language in Arabic script are set in Vazirmatn (as Fontsource
# cuts it, to the Arabic block; its semibold face stands in for bold); Latin letters and digits in
# their text come from Fira Sans. Not in Noto Sans Arabic, the web pages' face for Arabic: it draws
# a dotted letter as a dotless form plus a separate dot, and Typst maps both glyphs to the letter,
# so the PDF's text (what is copied, searched and read aloud) would carry every such letter twice.
VAZIRMATN = FontFamily("Vazirmatn", "vazirmatn", faces=("400-normal", "600-normal"), subsets=("arabic",))
FAMILIES = (FIRA_SANS, VAZIRMATN)

ARABIC_SCRIPT = {"ar", "fa", "prs", "ps", "ckb", "ur", "ug", "sd"}


def fonts_for(language):
    """The font families, first choice first, for text in `language` (a code such as "de", "ar", "fa-AF")."""
    code = (language or "").lower()
    if code.split("-")[0] in ARABIC_SCRIPT or code.endswith("-arab"):
        return [VAZIRMATN.name, FIRA_SANS.name]
    return [FIRA_SANS.name]


# --- fonts for Typst -------------------------------------------------------------------------


def _font_cache_root():
    """Where the converted fonts are kept: var/fonts, or the temporary folder if that is not writable."""
    for root in (Path(settings.VAR_DIR) / "fonts", Path(tempfile.gettempdir()) / "ankommen-fonts"):
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(root, os.W_OK):
            return root
    raise OSError("no writable folder for the document fonts")


@cache
def font_dirs():
    """One folder per family with its faces as TrueType for Typst (which reads no WOFF2), made once.

    A folder's name carries a digest of its sources, so a new font version gets a folder of its own;
    a file is written under a temporary name and then renamed, so parallel processes never read half
    a file.
    """
    root = _font_cache_root()
    folders = []
    for family in FAMILIES:
        sources = [path for face in family.faces for path in family.sources(face)]
        digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:12]
        folder = root / f"{family.folder}-{digest}"
        folder.mkdir(exist_ok=True)
        for face in family.faces:
            target = folder / f"{family.folder}-{face}.ttf"
            if not target.exists():
                _convert(family.sources(face), target)
        folders.append(folder)
    return tuple(folders)


def _convert(sources, target):
    """The WOFF2 files `sources` (subsets of one face) as one TrueType file `target`."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # the subsets' OS/2 version notes
    parts = []
    for source in sources:
        font = TTFont(source)
        font.flavor = None
        parts.append(font)
    font = parts[0] if len(parts) == 1 else Merger().merge(parts)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    try:
        font.save(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# --- compiling -------------------------------------------------------------------------------

# Typst's compiler keeps its caches between runs and is not meant for two threads at once.
_compiler_lock = threading.Lock()


@cache
def compiler():
    """The one Typst compiler, with the platform's fonts and no others."""
    import typst

    return typst.Compiler(font_paths=[str(folder) for folder in font_dirs()], ignore_system_fonts=True)


@cache
def _source(template):
    return Path(template).read_bytes()


def compile_pdf(template, data, *, root, timestamp=None, standards=("ua-1",)):
    """The Typst template file `template` set as PDF (bytes), reading `data` as `sys.inputs.data`.

    `data`: anything JSON can hold; the template reads it with `json(bytes(sys.inputs.data))`.
    `root`: the folder the template may read files from (images), paths in `data` relative to it.
    `timestamp`: the creation time written into the PDF (seconds since 1970), for files that stay the
    same when their content does. Raises `typst.TypstError` when the template fails.
    """
    inputs = {"data": json.dumps(data, ensure_ascii=False)}
    with _compiler_lock:
        return compiler().compile(
            input=_source(template),
            root=str(root),
            sys_inputs=inputs,
            pdf_standards=list(standards),
            timestamp=timestamp,
        )
