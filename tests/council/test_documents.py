"""A Sitzungsvorlage as PDF and as Word file: the seed's submission, read back from the real files.

The PDF is read with poppler's `pdftotext -layout` (what a reader copies out of it) and its bytes
are looked into for what PDF/UA-1 asks (the XMP identification, the catalog's structure tree,
marking and language, the figures' /Alt). The Word file is opened with python-docx.
"""

import datetime
import io
import re
import subprocess
import zlib

import docx
import pytest
from django.utils import timezone
from docx.oxml.ns import qn
from lxml import etree

from ankommen.council import documents
from ankommen.council.models import (
    Attachment,
    Committee,
    Consultation,
    ConsultationRole,
    CoSignature,
    Decision,
    FileRole,
    NonPublicReason,
    Outcome,
)
from tests.council import documents_data as seed

pytestmark = pytest.mark.django_db

SECTION_HEADINGS = [
    "Betreff:",
    "Anlage(n):",
    "Beschlussvorschlag:",
    "Beratungsfolge:",
    "Beteiligung extern",
    "Haushaltsrechtliche Deckung",
    "Sachdarstellung und Begründung:",
]


# --- reading the files back ------------------------------------------------------------------


def pdf_text(pdf, mode="-layout"):
    """The PDF's text as `pdftotext -layout` gives it (as laid out on the page), without the page footers.

    `mode="-raw"`: in the order the PDF holds it, the order of its tags: a table's cells one after the
    other, even where a long one breaks into lines beside its neighbours.
    """
    text = subprocess.run(
        ["pdftotext", mode, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return "\n".join(line for line in text.splitlines() if not re.search(r"Seite \d+ von \d+\s*$", line))


def squeeze(text):
    """Text without any white space: lines broken anywhere still match."""
    return re.sub(r"\s+", "", text)


def assert_in_order(text, expected):
    """Every string of `expected` occurs in `text`, each after the one before."""
    haystack, at = squeeze(text), 0
    for item in expected:
        found = haystack.find(squeeze(item), at)
        assert found >= 0, f"{item!r} not found after position {at}: …{haystack[at : at + 200]}…"
        at = found + len(squeeze(item))


def page_count(pdf):
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_objects(pdf):
    """The PDF's bytes together with every Flate stream inflated (where object streams keep objects)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            parts.append(zlib.decompressobj().decompress(pdf[match.end() : match.end() + 4_000_000]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def pdf_string(raw):
    """A PDF string's text: `<FEFF…>` (UTF-16 in hex) or `(…)`."""
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode())
        return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    data = re.sub(rb"\\([()\\])", rb"\1", raw[1:-1])
    return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


def alt_texts(pdf):
    """The /Alt texts of the structure tree's figures."""
    return [
        pdf_string(match.group(1))
        for match in re.finditer(
            rb"/S\s*/Figure\b[^>]*?/Alt\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", pdf_objects(pdf)
        )
    ]


def xmp(pdf):
    """The document's XMP metadata as an lxml tree."""
    packet = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", pdf_objects(pdf), re.S).group(0)
    return etree.fromstring(packet)


def catalog(pdf):
    """The catalog's dictionary (up to the end of its object)."""
    match = re.search(rb"<<(?:(?!endobj).)*?/Type\s*/Catalog(?:(?!endobj).)*", pdf_objects(pdf), re.S)
    assert match, "no catalog"
    return match.group(0)


def open_docx(data):
    return docx.Document(io.BytesIO(data))


def docx_headings(document):
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


# --- the seed's submission -------------------------------------------------------------------


@pytest.fixture
def submission(town):
    return seed.seed_submission(town)


def seed_in_order():
    """What the seed shows, top to bottom, as the PDF must show it."""
    statement = [
        paragraph.replace("**", "")
        for paragraph in seed.STATEMENT_PARAGRAPHS
        if not paragraph.startswith(("[", "- "))
    ]
    return [
        "Stadt Kornwestheim",
        "Sitzungsvorlage",
        "TEST-2017/1",
        "Gremium",
        seed.COMMITTEE,
        "Am",
        "22.03.2017",
        "Betreff:",
        seed.SUBJECT,
        "Anlage(n):",
        "Mitzeichnung",
        "Beschlussvorschlag:",
        "Der Ausschuss Soziales und Integration beschließt im Grundsatz das Integrationskonzept.",
        *seed.FIELDS,
        "Beratungsfolge:",
        "Vorlage an",
        "zur",
        "Sitzungsart",
        "Sitzungsdatum",
        "Beschluss",
        seed.COMMITTEE,
        "Beschlussfassung",
        "öffentlich",
        "22.03.2017",
        "Beteiligung extern",
        seed.EXTERNAL,
        "Haushaltsrechtliche Deckung",
        "Finanzielle Auswirkungen:",
        "Entfällt",
        "Deckungsvorschlag:",
        "Entfällt",
        "Sachdarstellung und Begründung:",
        *statement[:2],
        "Abbildung 1: " + seed.FIGURE_TITLE,
        *statement[2:-3],
        *seed.FIELDS,
        *statement[-3:],
    ]


def test_the_seed_submission_as_pdf_shows_every_part_in_the_seed_order(submission):
    pdf = documents.submission_pdf(submission)

    assert pdf.startswith(b"%PDF-")
    assert_in_order(pdf_text(pdf), seed_in_order())
    assert 2 <= page_count(pdf) <= 4


def test_the_pdf_is_tagged_as_pdf_ua_1_in_german_with_its_title(submission):
    pdf = documents.submission_pdf(submission)

    metadata = xmp(pdf)
    namespaces = {"pdfuaid": "http://www.aiim.org/pdfua/ns/id/", "dc": "http://purl.org/dc/elements/1.1/"}
    assert metadata.xpath("string(//pdfuaid:part)", namespaces=namespaces) == "1"
    assert metadata.xpath("string(//dc:title//*[local-name()='li'])", namespaces=namespaces) == (
        "Sitzungsvorlage TEST-2017/1: Vorstellung Integrationskonzept"
    )
    root = catalog(pdf)
    assert b"/StructTreeRoot" in root
    assert re.search(rb"/MarkInfo\s*<<[^>]*/Marked\s+true", root)
    assert re.search(rb"/Lang\s*\(de", root)
    assert re.search(rb"/DisplayDocTitle\s+true", root)
    structure = pdf_objects(pdf)
    assert len(re.findall(rb"/S\s*/H1\b", structure)) == len(SECTION_HEADINGS)
    assert re.search(rb"/S\s*/TH\b", structure), "the tables have header cells"
    assert alt_texts(pdf) == [seed.FIGURE_ALT]


def test_the_pdf_uses_only_the_platforms_font_for_names_from_many_languages(submission):
    names = "Łukasz Gąsiorowski, Şükrü Yılmaz, İpek Ağaoğlu, Žofie Šťastná, Ørjan Ødegård, Zoë Ćirić"
    submission.external_participation = names
    submission.save()

    pdf = documents.submission_pdf(submission)

    assert names in pdf_text(pdf)
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    used = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert used and all("FiraSans" in name for name in used), fonts


def test_the_pdf_reads_everything_in_a_fixed_number_of_queries(town, submission, django_assert_num_queries):
    with django_assert_num_queries(documents.QUERIES):
        documents.submission_pdf(submission)

    committee = Committee.objects.create(municipality=town, name="Gemeinderat")
    for position in range(2, 5):
        consultation = Consultation.objects.create(
            municipality=town,
            submission=submission,
            committee=committee,
            role=ConsultationRole.PRELIMINARY,
            meeting_date=datetime.date(2017, 4, position),
            position=position,
        )
        Decision.objects.create(municipality=town, consultation=consultation, outcome=Outcome.ADOPTED)
        Attachment.objects.create(
            municipality=town, submission=submission, title=f"Anlage {position}", position=position
        )
        CoSignature.objects.create(
            municipality=town,
            submission=submission,
            department=seed.department(town, f"Fachbereich {position}"),
            signed_by=seed.signer(town, f"Person {position}"),
            signed_at=timezone.now(),
        )
    with django_assert_num_queries(documents.QUERIES):
        pdf = documents.submission_pdf(submission)
    with django_assert_num_queries(documents.QUERIES):
        documents.submission_docx(submission)

    text = pdf_text(pdf, "-raw")
    assert_in_order(text, ["Anlage(n):", "Anlage 2", "Anlage 3", "Anlage 4", "Mitzeichnung", "Person 4"])
    assert_in_order(
        text, ["Beratungsfolge:", "Gemeinderat", "Vorberatung", "öffentlich", "02.04.2017", "beschlossen"]
    )


def test_a_statement_with_headings_a_list_a_table_and_a_figure(town, submission):
    submission.statement = (
        "Stand der Handlungsfelder\n"
        "Die Dialogplattform hat **drei** Felder bearbeitet.\n\n"
        "- Sprache und Bildung\n- Arbeit\n\n"
        "Handlungsfeld | Beginn | Mittel (Euro)\n"
        "Sprache und Bildung | 04.2017 | 12.500\n"
        "Wohnen | 09.2017 | 8.000\n\n"
        "[Abbildung 2]\n\n"
        "[Abbildung 7]\n\n"
        "Ende der Sachdarstellung."
    )
    submission.save()
    seed.figure(submission, 2, title="Teilnehmende je Monat", alt="Balkendiagramm: 40 im April, 65 im Mai")

    pdf = documents.submission_pdf(submission)

    assert_in_order(
        pdf_text(pdf),
        [
            "Sachdarstellung und Begründung:",
            "Stand der Handlungsfelder",
            "Die Dialogplattform hat drei Felder bearbeitet.",
            "Sprache und Bildung",
            "Arbeit",
            "Handlungsfeld",
            "Beginn",
            "Mittel (Euro)",
            "Sprache und Bildung",
            "04.2017",
            "12.500",
            "Wohnen",
            "09.2017",
            "8.000",
            "Abbildung 2: Teilnehmende je Monat",
            "Ende der Sachdarstellung.",
        ],
    )
    structure = pdf_objects(pdf)
    assert re.search(rb"/S\s*/H2\b", structure)
    assert re.search(rb"/S\s*/L\b", structure)
    assert len(re.findall(rb"/S\s*/Table\b", structure)) == 3  # co-signatures, consultations, the statement's
    assert alt_texts(pdf) == ["Balkendiagramm: 40 im April, 65 im Mai"]
    assert "Abbildung 7" not in pdf_text(pdf)


@pytest.mark.parametrize(
    "typed",
    [
        '#import "x": *',
        '#panic("eingeschleust")',
        "$x^2$ und *fett* und _kursiv_ und ] und [ und \\ und C:\\Pfad\\datei",
        '#read("/etc/passwd")',
        '"); #text(fill: red)[ROT] #("',
        "#{ 1 + 1 } // kein Kommentar /* auch keiner */ <label> @ref `code` ~ \\u{41}",
    ],
)
def test_typst_syntax_in_what_people_typed_is_printed_as_typed(town, typed):
    submission = seed.seed_submission(
        town,
        subject=typed[:300],
        external_participation=typed,
        statement=f"Überschrift {typed}\nAbsatz {typed}\n\n- Punkt {typed}\n\nA | B\n{typed.replace('|', '/')} | x",
    )
    pdf = documents.submission_pdf(submission)

    text = squeeze(pdf_text(pdf, "-raw"))
    expected = squeeze(typed)
    # Betreff, Beteiligung extern, the statement's heading, paragraph, list item and table cell
    assert text.count(expected) == 6, pdf_text(pdf, "-raw")
    assert b"root:" not in pdf_objects(pdf)
    if "ROT" in typed:
        assert text.count("ROT") == text.count(expected)


def test_a_public_document_leaves_out_what_is_not_public(town, submission):
    Attachment.objects.create(
        municipality=town, submission=submission, title="Vertrauliche Kalkulation", is_public=False
    )
    Consultation.objects.create(
        municipality=town,
        submission=submission,
        committee=Committee.objects.create(municipality=town, name="Ältestenrat"),
        is_public=False,
        position=2,
    )

    internal = pdf_text(documents.submission_pdf(submission), "-raw")
    public = pdf_text(documents.submission_pdf(submission, public=True), "-raw")

    assert "Vertrauliche Kalkulation" in internal and "Ältestenrat" in internal
    assert squeeze("Ines Integrationsbeauftragte") in squeeze(internal)
    assert "Vertrauliche Kalkulation" not in public and "Ältestenrat" not in public
    assert "Ines" not in public.split()
    assert "mitgezeichnet" in public
    assert seed.SUBJECT in public


def test_a_figure_whose_file_is_no_readable_image_keeps_its_caption(town, submission):
    submission.attachments.filter(role=FileRole.FIGURE).delete()
    seed.figure(submission, 1, data=b"\x89PNG\r\n\x1a\nkaputt", name="kaputt.png")

    pdf = documents.submission_pdf(submission)
    word = open_docx(documents.submission_docx(submission))

    assert "Abbildung 1: " + seed.FIGURE_TITLE in pdf_text(pdf)
    assert alt_texts(pdf) == []
    assert "Abbildung 1: " + seed.FIGURE_TITLE in [p.text for p in word.paragraphs]
    assert len(word.inline_shapes) == 0


def test_a_recorded_decision_shows_in_the_consultation_sequence(town, submission):
    Decision.objects.create(
        municipality=town, consultation=submission.consultations.get(), outcome=Outcome.ADOPTED_WITH_CHANGES
    )

    text = pdf_text(documents.submission_pdf(submission), "-raw")
    table = open_docx(documents.submission_docx(submission)).tables[2]

    assert_in_order(text, ["Beratungsfolge:", seed.COMMITTEE, "22.03.2017", "mit Änderungen beschlossen"])
    assert [cell.text for cell in table.rows[1].cells][-1] == "mit Änderungen beschlossen"


def test_a_long_statement_runs_over_many_pages_with_its_tables(town):
    submission = seed.seed_submission(town, statement=seed.long_statement(20))

    pdf = documents.submission_pdf(submission)

    assert page_count(pdf) >= 15
    assert_in_order(pdf_text(pdf), ["20. Handlungsfeld 20", "Maßnahme 20.8", "Fachbereich 8", "8.000"])


# --- Word ------------------------------------------------------------------------------------


def test_the_seed_submission_as_word_file(submission):
    document = open_docx(documents.submission_docx(submission))

    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1
    assert document.core_properties.title == "Sitzungsvorlage TEST-2017/1: Vorstellung Integrationskonzept"
    assert document.core_properties.language == "de-DE"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "de-DE"

    assert docx_headings(document) == [
        ("Heading 1", "Betreff:"),
        ("Heading 1", "Anlage(n):"),
        ("Heading 2", "Mitzeichnung"),
        ("Heading 1", "Beschlussvorschlag:"),
        ("Heading 1", "Beratungsfolge:"),
        ("Heading 1", "Beteiligung extern"),
        ("Heading 1", "Haushaltsrechtliche Deckung"),
        ("Heading 1", "Sachdarstellung und Begründung:"),
    ]
    header_block, cosignatures, consultations = document.tables
    assert [cell.text for row in header_block.rows for cell in row.cells] == [
        "Vorlagennummer\nTEST-2017/1",
        "Datum\n07.03.2017",
        "Gremium\n" + seed.COMMITTEE,
        "Am\n22.03.2017",
    ]
    assert [cell.text for cell in cosignatures.rows[1].cells] == [
        "Fachbereich Soziales und Integration",
        "mitgezeichnet",
        "Ines Integrationsbeauftragte",
        "06.03.2017",
    ]
    assert [[cell.text for cell in row.cells] for row in consultations.rows] == [
        ["Vorlage an", "zur", "Sitzungsart", "Sitzungsdatum", "Beschluss"],
        [seed.COMMITTEE, "Beschlussfassung", "öffentlich", "22.03.2017", ""],
    ]
    assert consultations.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert (
        consultations.rows[1]._tr.trPr is None
        or consultations.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    )

    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Stadt Kornwestheim\tSitzungsvorlage"
    assert_in_order(
        "\n".join(texts),
        [
            seed.SUBJECT,
            *seed.FIELDS,
            seed.EXTERNAL,
            "Finanzielle Auswirkungen:",
            "Entfällt",
            "Deckungsvorschlag:",
            "Entfällt",
            seed.STATEMENT_PARAGRAPHS[0],
            "Abbildung 1: " + seed.FIGURE_TITLE,
            seed.STATEMENT_PARAGRAPHS[-1],
        ],
    )
    bold = [run.text for paragraph in document.paragraphs for run in paragraph.runs if run.bold]
    assert {"schriftlichen", "gelebten", "Ankommen"} <= set(bold)


def test_the_word_files_figure_carries_its_alternative_text(submission):
    document = open_docx(documents.submission_docx(submission))

    (picture,) = document.inline_shapes
    assert picture._inline.docPr.get("descr") == seed.FIGURE_ALT
    assert picture.width.mm <= 165.1
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Abbildung 1: " + seed.FIGURE_TITLE]


def test_the_word_files_statement_table_repeats_its_header_row(town):
    submission = seed.seed_submission(town, statement=seed.long_statement(2))

    document = open_docx(documents.submission_docx(submission))

    statement_tables = document.tables[3:]
    assert len(statement_tables) == 2
    head = statement_tables[0].rows[0]
    assert [cell.text for cell in head.cells] == ["Maßnahme", "Verantwortlich", "Beginn", "Mittel (Euro)"]
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(statement_tables[0].rows) == 9
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"][1:] == [
        "1. Handlungsfeld 1",
        "2. Handlungsfeld 2",
    ]


def test_typst_syntax_in_the_word_file_is_plain_text(town):
    typed = '#import "x": * $x$ ] \\ '
    document = open_docx(documents.submission_docx(seed.seed_submission(town, external_participation=typed)))

    assert typed.strip() in [p.text.strip() for p in document.paragraphs]


def test_a_nonpublic_submission_says_so_under_its_kind_and_why(town):
    submission = seed.seed_submission(town, is_public=False, nonpublic_reason=NonPublicReason.PERSONNEL)

    text = pdf_text(documents.submission_pdf(submission))
    word = open_docx(documents.submission_docx(submission))

    assert_in_order(text, ["Sitzungsvorlage", "nichtöffentlich (Personalangelegenheiten)", "Vorlagennummer"])
    assert word.paragraphs[1].text == "nichtöffentlich (Personalangelegenheiten)"


def test_the_word_files_footer_counts_its_pages(submission):
    footer = open_docx(documents.submission_docx(submission)).sections[0].footer.paragraphs[0]

    fields = [field.get(qn("w:instr")) for field in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Sitzungsvorlage TEST-2017/1\tSeite ")
