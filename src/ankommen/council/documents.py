"""A council submission (Sitzungsvorlage) as a document to download: a tagged PDF and a Word file.

Both show the parts in the order of a Sitzungsvorlage: the header block (town, kind of paper,
number, date, the first body that consults it and when), Betreff, Anlage(n) with the
co-signatures (Mitzeichnung), Beschlussvorschlag, Beratungsfolge as a table, Beteiligung extern,
Haushaltsrechtliche Deckung and the Sachdarstellung with its headings, lists, tables and figures.
`content()` gathers all of it once as plain data; the PDF and the Word file only lay it out.

The PDF is set by Typst from `typst/sitzungsvorlage.typ` as PDF/UA-1 (tagged, with title,
language, real headings, table headers and the figures' alternative texts), in Fira Sans, the
platform's font, with the fonts and the compiler of `core.typesetting`. What people typed goes into
the template as JSON data, never as Typst source, so it is printed as typed and cannot run code.

Reading a submission for a document takes `QUERIES` database queries, however many rows its
consultation sequence, files and co-signatures have (see `load`).
"""

import hashlib
import io
import logging
import re
import tempfile
from pathlib import Path

from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ankommen.core import blocks, typesetting
from ankommen.core.files import image_kind
from ankommen.council.models import Attachment, Consultation, CoSignature, FileRole, Submission

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).resolve().parent / "typst" / "sitzungsvorlage.typ"

# The language of the documents' text: the submission is written in German.
LANGUAGE, REGION = "de", "DE"

# `load()`: the submission with its town; its consultations with their bodies, meetings and
# decisions; its files; its co-signatures with their departments and signers.
QUERIES = 4


# --- reading ---------------------------------------------------------------------------------


def load(submission, *, public=False):
    """`submission` read again from its town with everything a document shows, in `QUERIES` queries.

    `public`: only what anyone may read (public consultation rows and files); the signers'
    names of the co-signatures are left out then as well (see `content`).
    """
    consultations = Consultation.objects.live().select_related("committee", "meeting", "decision")
    attachments = Attachment.objects.live()
    if public:
        consultations = consultations.filter(is_public=True)
        attachments = attachments.filter(is_public=True)
    loaded = (
        Submission.objects.for_municipality(submission.municipality_id)
        .select_related("municipality")
        .prefetch_related(
            Prefetch("consultations", queryset=consultations.order_by("position", "id")),
            Prefetch("attachments", queryset=attachments.order_by("role", "position", "id")),
            Prefetch(
                "cosignatures",
                queryset=CoSignature.objects.select_related("department", "signed_by__user").order_by(
                    "department__name", "id"
                ),
            ),
        )
        .get(pk=submission.pk)
    )
    loaded._document_public = public
    return loaded


def _date(value):
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _decision_outcome(consultation):
    decision = getattr(consultation, "decision", None)
    return decision.get_outcome_display() if decision is not None else ""


def _text_blocks(text):
    """A short part's blocks (paragraphs and lists), its lines as typed: no line becomes a heading."""
    result = []
    for block in blocks.parse(text):
        if block["kind"] == "heading":
            result.append({"kind": "paragraph", "lines": [blocks.spans(block["text"])]})
        elif block["kind"] == "paragraph" and result and result[-1].get("joins"):
            result[-1] = {"kind": "paragraph", "lines": result[-1]["lines"] + block["lines"]}
        else:
            result.append(block)
        result[-1]["joins"] = block["kind"] == "heading"
    for block in result:
        block.pop("joins")
    return result


def _read(attachment):
    """The uploaded file's bytes (b"" when it has none or it is gone)."""
    if not attachment.file:
        return b""
    try:
        with attachment.file.open("rb") as handle:
            return handle.read()
    except OSError:
        logger.warning("Datei der Abbildung %s fehlt", attachment.pk)
        return b""


def _figures(submission, statement):
    """The statement's figures by number: caption, alternative text and image (bytes, kind)."""
    used = {block["number"] for block in statement if block["kind"] == "figure"}
    figures = {}
    for attachment in submission.attachments.all():
        if attachment.role != FileRole.FIGURE or attachment.position not in used:
            continue
        if attachment.position in figures:
            continue  # two files with one number: the first counts, as on the page
        data = _read(attachment)
        number = _("Abbildung {number}").replace("{number}", str(attachment.position))
        figures[attachment.position] = {
            "caption": f"{number}: {attachment.title}",
            "alt": attachment.alt_text or attachment.title,
            "image": data,
            "kind": image_kind(data),
        }
    return figures


def content(submission, *, public=False):
    """All a document of `submission` shows, as plain data, labels in the active language.

    `submission` must come from `load()` (with `public` as given there).
    """
    consultations = list(submission.consultations.all())
    first = consultations[0] if consultations else None
    statement = blocks.parse(submission.statement)
    paper_type = submission.get_paper_type_display()
    town = submission.municipality.official_name or submission.municipality.name
    return {
        "title": f"{paper_type} {submission.reference}: {submission.subject}",
        "town": town,
        "paper_type": paper_type,
        "nonpublic": ""
        if submission.is_public
        else f"{_('nichtöffentlich')} ({submission.get_nonpublic_reason_display()})",
        "reference": submission.reference,
        "date": _date(submission.date),
        "committee": first.committee.name if first else "",
        "meeting_date": _date(first.date) if first else "",
        "subject": submission.subject,
        "attachments": [
            attachment.title
            for attachment in submission.attachments.all()
            if attachment.role == FileRole.ATTACHMENT
        ],
        "cosignatures": [
            [
                cosignature.department.name,
                cosignature.get_status_display(),
                "" if public or not cosignature.signed_by else cosignature.signed_by.display_name,
                _date(timezone.localdate(cosignature.signed_at)) if cosignature.signed_at else "",
            ]
            for cosignature in submission.cosignatures.all()
        ],
        "decision_proposal": _text_blocks(submission.decision_proposal),
        "consultations": [
            [
                consultation.committee.name,
                consultation.get_role_display(),
                _("öffentlich") if consultation.is_public else _("nichtöffentlich"),
                _date(consultation.date),
                _decision_outcome(consultation),
            ]
            for consultation in consultations
        ],
        "external_participation": _text_blocks(submission.external_participation),
        "financial_impact": _text_blocks(submission.financial_impact),
        "coverage_proposal": _text_blocks(submission.coverage_proposal),
        "statement": statement,
        "figures": _figures(submission, statement),
        "labels": labels(),
    }


def labels():
    """The documents' fixed words in the active language."""
    return {
        "reference": _("Vorlagennummer"),
        "date": _("Datum"),
        "committee": _("Gremium"),
        "meeting_date": _("Am"),
        "subject": _("Betreff:"),
        "attachments": _("Anlage(n):"),
        "cosignature": _("Mitzeichnung"),
        "decision_proposal": _("Beschlussvorschlag:"),
        "consultations": _("Beratungsfolge:"),
        "external_participation": _("Beteiligung extern"),
        "budget": _("Haushaltsrechtliche Deckung"),
        "financial_impact": _("Finanzielle Auswirkungen:"),
        "coverage_proposal": _("Deckungsvorschlag:"),
        "statement": _("Sachdarstellung und Begründung:"),
        "none": _("Keine"),
        "not_applicable": _("Entfällt"),
        "page": _("Seite {page} von {pages}"),
        "consultation_head": [
            _("Vorlage an"),
            _("zur"),
            _("Sitzungsart"),
            _("Sitzungsdatum"),
            _("Beschluss"),
        ],
        "cosignature_head": [_("Fachbereich"), _("Stand"), _("gezeichnet von"), _("am")],
    }


def _loaded(submission, public):
    """`submission` as `load()` gives it: read again unless it came from `load()` already."""
    if getattr(submission, "_document_public", None) is public:
        return submission
    return load(submission, public=public)


# --- PDF -------------------------------------------------------------------------------------

# What Typst reads as an image (by our own look at the first bytes; SVG and PDF are left out).
TYPST_IMAGES = {"png", "jpeg", "gif", "webp"}


def _typst_data(data, root, with_images=True):
    """The JSON the template reads; the figures' images are written into `root` beside it."""
    figures = data["figures"]
    statement = []
    for block in data["statement"]:
        if block["kind"] == "figure":
            figure = figures.get(block["number"])
            if figure is None:
                continue  # no such figure: shown nowhere, as on the page
            block = {"kind": "figure", "caption": figure["caption"]}
            if with_images and figure["kind"] in TYPST_IMAGES:
                name = f"figure-{hashlib.sha256(figure['image']).hexdigest()[:24]}.{figure['kind']}"
                (Path(root) / name).write_bytes(figure["image"])
                block.update(path=name, alt=figure["alt"])
        statement.append(block)
    keep = {key: value for key, value in data.items() if key not in ("figures", "labels")}
    return {
        **keep,
        "statement": statement,
        "lang": LANGUAGE,
        "region": REGION,
        "footer": f"{data['paper_type']} {data['reference']}",
        "labels": data["labels"],
        "consultation_head": data["labels"]["consultation_head"],
        "cosignature_head": data["labels"]["cosignature_head"],
    }


def _compile(data, timestamp, with_images=True):
    with tempfile.TemporaryDirectory(prefix="vorlage-") as root:
        return typesetting.compile_pdf(
            TEMPLATE, _typst_data(data, root, with_images), root=root, timestamp=timestamp
        )


def submission_pdf(submission, *, public=False):
    """The submission as a tagged PDF (PDF/UA-1), A4, as bytes."""
    import typst

    submission = _loaded(submission, public)
    data = content(submission, public=public)
    timestamp = int(submission.modified.timestamp())
    try:
        return _compile(data, timestamp)
    except typst.TypstError:
        if not data["figures"]:
            raise
        # An uploaded image Typst cannot read must not keep the whole submission from being read.
        logger.warning(
            "Abbildungen der Vorlage %s nicht lesbar; PDF ohne Bilder", submission.pk, exc_info=True
        )
        return _compile(data, timestamp, with_images=False)


# --- Word ------------------------------------------------------------------------------------

# Word files use a font every office has; the PDF carries Fira Sans inside.
DOCX_FONT = "Arial"
DOCX_IMAGES = {"png", "jpeg", "gif"}
DOCX_TEXT_WIDTH_MM = 165  # A4 less the margins


def submission_docx(submission, *, public=False):
    """The submission as a Word file (DOCX), A4, with Word's heading styles, as bytes."""
    submission = _loaded(submission, public)
    data = content(submission, public=public)
    labels = data["labels"]
    word = _Word(data)
    word.header_block()

    word.heading(labels["subject"])
    word.paragraph(data["subject"], bold=True)

    word.heading(labels["attachments"])
    for title in data["attachments"]:
        word.paragraph(title, style="List Bullet")
    if not data["attachments"] and not data["cosignatures"]:
        word.paragraph(labels["none"])
    if data["cosignatures"]:
        word.heading(labels["cosignature"], level=2)
        word.table(labels["cosignature_head"], data["cosignatures"])

    word.heading(labels["decision_proposal"])
    word.blocks(data["decision_proposal"], labels["none"])

    word.heading(labels["consultations"])
    if data["consultations"]:
        word.table(labels["consultation_head"], data["consultations"])
    else:
        word.paragraph(labels["none"])

    word.heading(labels["external_participation"])
    word.blocks(data["external_participation"], labels["none"])

    word.heading(labels["budget"])
    word.paragraph(labels["financial_impact"], bold=True)
    word.blocks(data["financial_impact"], labels["not_applicable"])
    word.paragraph(labels["coverage_proposal"], bold=True)
    word.blocks(data["coverage_proposal"], labels["not_applicable"])

    word.heading(labels["statement"])
    word.blocks(data["statement"], labels["none"], figures=data["figures"])
    return word.save()


class _Word:
    """A Word document being written: A4, German, plain black headings, a footer with the page numbers.

    Paragraph and table styles are set by their ids, looked up once: python-docx looks a style's name
    up anew for every paragraph, which made a long statement take half a second.
    """

    STYLES = ("Normal", "Heading 1", "Heading 2", "List Bullet", "Caption", "Table Grid")

    def __init__(self, data):
        from docx import Document

        self.data = data
        self.document = Document()
        self.style_ids = {name: self.document.styles[name].style_id for name in self.STYLES}
        self._page_and_properties()
        self._styles()
        self._footer()

    def save(self):
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _page_and_properties(self):
        from docx.shared import Mm

        properties = self.document.core_properties
        properties.title = self.data["title"]
        properties.language = f"{LANGUAGE}-{REGION}"
        properties.author = self.data["town"]
        properties.subject = self.data["subject"]
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(20)
        section.top_margin, section.bottom_margin = Mm(20), Mm(22)

    def _styles(self):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        styles = self.document.styles
        run_defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        language = run_defaults.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            run_defaults.append(language)
        language.set(qn("w:val"), f"{LANGUAGE}-{REGION}")

        for name, size in {"Normal": 10.5, "Heading 1": 11, "Heading 2": 10.5, "Caption": 9}.items():
            style = styles[name]
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(theme), None)
            style.font.name = DOCX_FONT
            style.font.size = Pt(size)
            style.font.italic = False
            if name != "Normal":
                style.font.bold = name.startswith("Heading")
                style.font.color.rgb = (
                    RGBColor(0x1B, 0x1B, 0x1B) if style.font.bold else RGBColor(0x5A, 0x5A, 0x5A)
                )
            if name.startswith("Heading"):
                style.paragraph_format.space_before = Pt(12)
                style.paragraph_format.space_after = Pt(4)
        styles["Normal"].paragraph_format.space_after = Pt(5)

    def _footer(self):
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Mm, Pt

        footer = self.document.sections[0].footer.paragraphs[0]
        footer.paragraph_format.tab_stops.add_tab_stop(Mm(DOCX_TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        footer.add_run(f"{self.data['paper_type']} {self.data['reference']}\t")
        for part in re.split(r"(\{pages?\})", self.data["labels"]["page"]):
            if part in ("{page}", "{pages}"):
                _word_field(footer, "PAGE" if part == "{page}" else "NUMPAGES")
            elif part:
                footer.add_run(part)
        for run in footer.runs:
            run.font.size = Pt(8.5)

    def paragraph(self, text="", *, style=None, bold=False):
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        if text:
            paragraph.add_run(text).bold = bold or None
        return paragraph

    def heading(self, text, level=1):
        return self.paragraph(text, style=f"Heading {level}")

    def runs(self, paragraph, runs):
        for run in runs:
            paragraph.add_run(run["text"]).bold = run["strong"] or None

    def header_block(self):
        """The town and the kind of paper in large letters, then number, date, body and meeting date ruled."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Mm, Pt, RGBColor

        data, labels = self.data, self.data["labels"]
        top = self.paragraph()
        top.paragraph_format.tab_stops.add_tab_stop(Mm(DOCX_TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        for text in (data["town"], "\t" + data["paper_type"]):
            run = top.add_run(text)
            run.bold = True
            run.font.size = Pt(15)
        if data["nonpublic"]:
            self.paragraph(data["nonpublic"], bold=True).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        table = self._new_table(2, 2)
        pairs = [
            (labels["reference"], data["reference"]),
            (labels["date"], data["date"]),
            (labels["committee"], data["committee"]),
            (labels["meeting_date"], data["meeting_date"]),
        ]
        for cell, (name, value) in zip(table._cells, pairs, strict=True):
            label = cell.paragraphs[0]
            label.paragraph_format.space_after = Pt(1)
            run = label.add_run(name)
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x5A, 0x5A, 0x5A)
            cell.add_paragraph(value).paragraph_format.space_after = Pt(2)

    def _new_table(self, rows, columns):
        table = self.document.add_table(rows=rows, cols=columns)
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        return table

    def table(self, head, rows):
        """A ruled table whose first row is its header, repeated on every page the table runs over."""
        from docx.oxml import OxmlElement

        table = self._new_table(len(rows) + 1, len(head))
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        cells = table._cells
        for index, text in enumerate(head):
            cells[index].paragraphs[0].add_run(text).bold = True
        for index, text in enumerate(value for row in rows for value in row):
            if text:
                cells[len(head) + index].paragraphs[0].add_run(text)
        self.paragraph()  # Word joins two tables that touch; a paragraph keeps them apart
        return table

    def blocks(self, parts, empty, *, figures=None):
        """core/blocks.py's blocks as paragraphs, lists, tables and pictures; `empty` when there are none."""
        figures = figures or {}
        if not parts:
            self.paragraph(empty)
        for block in parts:
            kind = block["kind"]
            if kind == "heading":
                self.heading(block["text"], level=2)
            elif kind == "paragraph":
                paragraph = self.paragraph()
                for number, line in enumerate(block["lines"]):
                    if number:
                        paragraph.add_run().add_break()
                    self.runs(paragraph, line)
            elif kind == "list":
                for item in block["items"]:
                    self.runs(self.paragraph(style="List Bullet"), item)
            elif kind == "table":
                self.table(block["head"], block["rows"])
            elif kind == "figure" and block["number"] in figures:
                self.figure(figures[block["number"]])

    def figure(self, figure):
        """The picture with its alternative text (Word's "Alt Text", docPr/@descr) and its caption."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        if figure["kind"] in DOCX_IMAGES:
            paragraph = self.paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True
            try:
                shape = paragraph.add_run().add_picture(io.BytesIO(figure["image"]))
            except Exception:  # an upload python-docx cannot read: the caption stands alone
                logger.warning("Abbildung nicht lesbar: %s", figure["caption"], exc_info=True)
                paragraph._p.getparent().remove(paragraph._p)
            else:
                scale = min(1.0, Mm(DOCX_TEXT_WIDTH_MM) / shape.width, Mm(120) / shape.height)
                shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
                shape._inline.docPr.set("descr", figure["alt"])
                shape._inline.docPr.set("title", figure["caption"])
        self.paragraph(figure["caption"], style="Caption")


def _word_field(paragraph, name):
    """A field Word fills in when it lays out the pages (the page number, the number of pages)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), name)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
