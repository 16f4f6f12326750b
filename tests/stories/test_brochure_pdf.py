"""The Ankommensbroschüre as PDF, read back from the real file.

The text is read with poppler's `pdftotext` (what a reader copies out of it, page by page) and
`pdfinfo`; the structure tree, the languages and the photos' alternative texts with pypdf. The
photos are real JPEG files made with Pillow.
"""

import re
import subprocess

import pypdf
import pytest
from django.core.exceptions import ValidationError
from PIL import Image, ImageDraw

from ankommen.stories import brochure

# Sentences as they were typed (logical order). Arabic text is kept in the PDF in visual order,
# marked as reversed, and pdftotext turns it back. What it does not turn back, whatever wrote the
# PDF: the two letters of the lam-alef ligature (لا) come out swapped, a vowel mark lands before its
# letter, and the space between a number and the Arabic word after it gets lost. The sentences here
# have no ligature and no vowel marks, and they are compared without spaces: they test the PDF, not
# pdftotext.
ARABIC_SENTENCE = "وصلت إلى كورنفستهايم في عام ٢٠١٦ مع زوجي وأطفالي"
ARABIC_TITLE = "لم أكن أعرف أحدا في المدينة"
PERSIAN_SENTENCE = "من در سال ۱۳۹۵ به کورنوستهایم آمدم و امروز در یک نانوایی کار می کنم"
PERSIAN_TITLE = "نان و زبان"
GERMAN_TEXT = (
    "Als ich ankam, kannte ich niemanden. Die ersten Wochen waren schwer: Formulare, Termine, ein neues "
    "Alphabet. Dann fand ich das Begegnungscafé in der Oststadt, und dort begann mein zweites Leben."
)
# Marks that steer the direction of text; pdftotext adds its own around right-to-left lines.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# --- reading the file back -------------------------------------------------------------------


def pdf_text(pdf, page=None):
    """The text of the PDF (or of one page), as pdftotext gives it, without direction marks."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(
        ["pdftotext", *pages, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return BIDI_MARKS.sub("", text)


def squeeze(text):
    """Text with every run of white space made one space: lines broken anywhere still match."""
    return re.sub(r"\s+", " ", text).strip()


def letters(text):
    """Text without any white space."""
    return re.sub(r"\s+", "", text)


def pdf_info(pdf):
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return dict(re.findall(r"^([^:\n]+):\s*(.*)$", info, re.M))


def page_count(pdf):
    return int(pdf_info(pdf)["Pages"])


def open_pdf(pdf, tmp_path):
    path = tmp_path / "broschuere.pdf"
    path.write_bytes(pdf)
    return pypdf.PdfReader(path)


def structure(reader):
    """The structure tree's elements in reading order: (type, its own /Lang or None, /Alt or None, /T or None)."""
    elements = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
            return
        if not isinstance(node, pypdf.generic.DictionaryObject):
            return  # a marked-content id
        if "/S" in node:
            elements.append((node["/S"][1:], node.get("/Lang"), node.get("/Alt"), node.get("/T")))
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return elements


def contents_entries(pdf, page=3):
    """The contents page's entries: (title, page number), top to bottom."""
    entries = []
    for line in pdf_text(pdf, page).splitlines():
        match = re.match(r"^\s*(.+?)[\s.]*\s(\d+)\s*$", line)
        if match and "." in line:
            entries.append((squeeze(match.group(1)), int(match.group(2))))
    return entries


# --- the data --------------------------------------------------------------------------------


@pytest.fixture
def photo(tmp_path):
    """A JPEG photo made with Pillow, `size` in pixels; its path."""

    def make(name, size=(900, 600)):
        path = tmp_path / f"{name}.jpg"
        picture = Image.new("RGB", size, (70, 110, 150))
        ImageDraw.Draw(picture).ellipse(
            (size[0] // 3, size[1] // 5, size[0] * 2 // 3, size[1] * 3 // 5), fill="tan"
        )
        picture.save(path, quality=85)
        return str(path)

    return make


def story(title, *, language="de", direction="ltr", paragraphs=None, photo=None, **more):
    return {
        "title": title,
        "language": language,
        "direction": direction,
        "kind": "portrait",
        "name": "Amina K.",
        "arrived": "2016",
        "teaser": "",
        "paragraphs": [GERMAN_TEXT] if paragraphs is None else paragraphs,
        "interview": [],
        "photo": photo,
        "note": "",
        **more,
    }


def brochure_data(stories):
    return {
        "language": "de",
        "title": "Ankommensgeschichten",
        "subtitle": "Menschen, die in Kornwestheim angekommen sind",
        "town": "Kornwestheim",
        "edition": "Dezember 2026",
        "introduction": ["In diesem Heft erzählen Menschen, wie sie in unserer Stadt angekommen sind."],
        "labels": {"contents": "Inhalt", "arrived": "Angekommen {year}"},
        "imprint": ["Herausgeberin: Stadt Kornwestheim", "Fotos: privat"],
        "stories": stories,
    }


@pytest.fixture
def three_stories(photo):
    return [
        story(
            "Vom Begegnungscafé in den Beruf",
            name="Jovana M.",
            teaser="Jovana kam mit zwei Koffern und ohne ein Wort Deutsch.",
            photo={"path": photo("jovana"), "alt": "Jovana M. vor dem Rathaus"},
        ),
        story(
            ARABIC_TITLE,
            language="ar",
            direction="rtl",
            name="أمينة ك.",
            paragraphs=[ARABIC_SENTENCE, ARABIC_SENTENCE],
            photo={"path": photo("amina", (600, 900)), "alt": "Amina K. in ihrem Garten"},
            note="Originaltext auf Arabisch",
        ),
        story(
            PERSIAN_TITLE,
            language="fa",
            direction="rtl",
            kind="interview",
            name="Reza H.",
            paragraphs=[],
            interview=[{"question": "چطور آلمانی یاد گرفتید؟", "answer": PERSIAN_SENTENCE}],
            photo=None,
        ),
    ]


# --- pages and contents ----------------------------------------------------------------------


def test_each_story_opens_a_spread_on_a_left_page(three_stories):
    pdf = brochure.render(brochure_data(three_stories))

    # The cover, the introduction, the contents; two pages for each story; the imprint.
    assert page_count(pdf) == 2 * 3 + 4
    assert contents_entries(pdf) == [
        ("Vom Begegnungscafé in den Beruf", 4),
        (ARABIC_TITLE, 6),
        (PERSIAN_TITLE, 8),
    ]
    for title, page in contents_entries(pdf):
        assert title in squeeze(pdf_text(pdf, page)), f"{title!r} not on page {page}"
    assert "Vom Begegnungscafé in den Beruf" not in pdf_text(pdf, 5), "the text is on the right page"
    assert "Jovana kam mit zwei Koffern" in squeeze(pdf_text(pdf, 5))
    assert "Impressum" in pdf_text(pdf, 10)


def test_a_story_whose_text_ends_on_a_left_page_is_followed_by_an_empty_page(three_stories):
    long = story("Ein langer Weg", paragraphs=[GERMAN_TEXT] * 24 + ["Ende der langen Geschichte."])

    pdf = brochure.render(brochure_data([long, three_stories[0]]))

    ends = [
        page for page in range(1, page_count(pdf) + 1) if "Ende der langen Geschichte." in pdf_text(pdf, page)
    ]
    assert ends == [6], "the long story's text fills the right page and the next left one"
    assert pdf_text(pdf, 7).strip() == "", "an empty page, without even a page number"
    assert contents_entries(pdf) == [("Ein langer Weg", 4), ("Vom Begegnungscafé in den Beruf", 8)]
    assert page_count(pdf) == 10


def test_a_long_contents_still_lets_the_first_story_open_on_a_left_page():
    stories = [story(f"Geschichte Nummer {number}") for number in range(1, 61)]

    pdf = brochure.render(brochure_data(stories))

    entries = contents_entries(pdf, 3) + contents_entries(pdf, 4)
    assert [title for title, _ in entries] == [f"Geschichte Nummer {number}" for number in range(1, 61)]
    assert [page for _, page in entries] == list(range(6, 6 + 2 * 60, 2))
    assert pdf_text(pdf, 5).strip() == ""
    assert page_count(pdf) == 5 + 2 * 60 + 1


def test_a_story_left_out_of_the_data_is_not_in_the_brochure(three_stories, tmp_path):
    left_out = story(
        "Was ich nicht mehr erzählen möchte",
        name="Samir T.",
        teaser="Samir hat seine Einwilligung zurückgezogen.",
        paragraphs=["Ein Absatz, den niemand mehr lesen soll."],
        photo={"path": three_stories[0]["photo"]["path"], "alt": "Samir T. am Bahnhof"},
    )
    with_it = brochure.render(brochure_data([three_stories[0], left_out, three_stories[1]]))
    assert "Samir hat seine Einwilligung" in squeeze(pdf_text(with_it))

    pdf = brochure.render(brochure_data([three_stories[0], three_stories[1]]))

    text = squeeze(pdf_text(pdf))
    for trace in ("Was ich nicht mehr erzählen möchte", "Samir", "niemand mehr lesen"):
        assert trace not in text
    assert all(alt != "Samir T. am Bahnhof" for _, _, alt, _ in structure(open_pdf(pdf, tmp_path)))
    assert page_count(pdf) == page_count(with_it) - 2


# --- text in its language and direction --------------------------------------------------------


def test_arabic_and_persian_come_out_in_the_order_they_were_written(three_stories):
    pdf = brochure.render(brochure_data(three_stories))

    arabic = letters(pdf_text(pdf, 7))
    assert letters(ARABIC_SENTENCE) in arabic
    assert letters(ARABIC_SENTENCE)[::-1] not in arabic
    assert ARABIC_TITLE in squeeze(pdf_text(pdf, 6))
    persian = letters(pdf_text(pdf, 9))
    assert letters(PERSIAN_SENTENCE) in persian
    assert letters("چطور آلمانی یاد گرفتید؟") in persian


def test_arabic_script_is_set_in_its_own_face_and_nothing_falls_back(three_stories):
    pdf = brochure.render(brochure_data(three_stories))

    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    used = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts.splitlines()[2:]}
    assert {"Vazirmatn-Regular", "FiraSans-Regular", "FiraSans-Bold"} <= used
    assert all(name.startswith(("FiraSans", "Vazirmatn")) for name in used), fonts


def test_typst_syntax_in_a_story_is_printed_as_typed(three_stories):
    typed = '#panic("boom") *fett* $x^2$ = Titel <marke> @ref #{1 + 1} \\ ]['
    german = story(typed, paragraphs=[typed], teaser=typed, name=typed)

    pdf = brochure.render(brochure_data([german]))

    assert squeeze(pdf_text(pdf)).count(squeeze(typed)) >= 4  # contents, title, teaser, text, name


# --- tagged and accessible ---------------------------------------------------------------------


def test_the_pdf_is_tagged_with_its_title_and_german_as_its_language(three_stories, tmp_path):
    pdf = brochure.render(brochure_data(three_stories))

    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Ankommensgeschichten"
    reader = open_pdf(pdf, tmp_path)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert b"<pdfuaid:part>1</pdfuaid:part>" in catalog["/Metadata"].get_data()
    headings = [(title, language) for kind, language, _, title in structure(reader) if kind == "H1"]
    assert headings == [
        ("Zu dieser Broschüre", None),
        ("Inhalt", None),
        ("Vom Begegnungscafé in den Beruf", None),
        (ARABIC_TITLE, "ar"),
        (PERSIAN_TITLE, "fa"),
        ("Impressum", None),
    ]
    assert any(kind == "TOC" for kind, *_ in structure(reader))


def test_each_story_is_tagged_with_its_own_language(three_stories, tmp_path):
    pdf = brochure.render(brochure_data(three_stories))

    elements = structure(open_pdf(pdf, tmp_path))
    arabic_start = next(index for index, element in enumerate(elements) if element[3] == ARABIC_TITLE)
    persian_start = next(index for index, element in enumerate(elements) if element[3] == PERSIAN_TITLE)
    arabic = [language for kind, language, *_ in elements[arabic_start:persian_start] if kind == "P"]
    persian = [language for kind, language, *_ in elements[persian_start:] if kind == "P"]
    # The name and the text in the story's language; the year of arrival and the note in German.
    assert arabic.count("ar") == 3 and set(arabic) == {"ar", None}
    assert persian.count("fa") >= 3
    german = [language for kind, language, *_ in elements[:arabic_start] if kind == "P"]
    assert german and set(german) == {None}, "German, the document's language, needs no mark of its own"


def test_every_photo_carries_its_alternative_text(three_stories, tmp_path):
    pdf = brochure.render(brochure_data(three_stories))

    figures = [alt for kind, _, alt, _ in structure(open_pdf(pdf, tmp_path)) if kind == "Figure"]
    # The story without a photo shows a tinted field with initials: decoration, no figure.
    assert figures == ["Jovana M. vor dem Rathaus", "Amina K. in ihrem Garten"]


def test_the_same_data_and_time_give_the_same_file(three_stories):
    data = brochure_data(three_stories)

    assert brochure.render(data, timestamp=1_796_000_000) == brochure.render(data, timestamp=1_796_000_000)


# --- bad data ----------------------------------------------------------------------------------


def test_bad_data_is_refused_with_a_german_message(three_stories, tmp_path):
    not_a_photo = tmp_path / "notiz.jpg"
    not_a_photo.write_text("kein Bild")
    good = three_stories[0]
    cases = [
        (brochure_data([{**good, "title": " "}]), "hat keinen Titel"),
        (brochure_data([{**good, "kind": "gedicht"}]), "weder Porträt noch Interview"),
        (brochure_data([{**good, "direction": "up"}]), "Schreibrichtung"),
        (brochure_data([{**good, "language": "Deutsch!"}]), "Sprache der Geschichte"),
        (brochure_data([{**good, "photo": {"path": good["photo"]["path"], "alt": ""}}]), "Alternativtext"),
        (brochure_data([{**good, "photo": {"path": str(tmp_path / "fehlt.jpg"), "alt": "x"}}]), "fehlt"),
        (brochure_data([{**good, "photo": {"path": str(not_a_photo), "alt": "x"}}]), "kein Bild"),
        (brochure_data([{**good, "interview": [{"question": "Wie?"}]}]), "zu jeder Frage eine Antwort"),
        ({**brochure_data([good]), "title": ""}, "braucht einen Titel"),
    ]
    for data, message in cases:
        with pytest.raises(ValidationError, match=message):
            brochure.render(data)
