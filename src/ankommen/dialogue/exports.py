"""A field's findings, options, recommendations and answers for the write-up: CSV, XLSX, ODS.

Every format has the same columns and holds what the reader may see, in the reader's language
where translations exist. No cell is something a spreadsheet would run as a formula: text that
starts like one is written as text (CSV: behind an apostrophe; XLSX and ODS: as a text cell).
"""

import csv
import datetime
import io
import re

from django.db.models import Case, IntegerField, Value, When
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ankommen.core.rules import may
from ankommen.core.translation import translated
from ankommen.dialogue.answers import with_answers
from ankommen.dialogue.models import Contribution, ContributionKind
from ankommen.dialogue.tags import TownTags

# A cell that starts with one of these is a formula (or the start of one) to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold (XLSX and ODS are XML): left out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def columns():
    """The columns' headings in the reader's language."""
    return [
        _("Art"),
        _("Titel"),
        _("Text"),
        _("Verfasst von"),
        _("Datum"),
        _("Stufe"),
        _("Schlagworte"),
        _("Unterstützungen"),
        _("Kommentare"),
        _("Stand der Antwort"),
        _("Antwort"),
    ]


def contributions_for(field, member, language):
    """The field's contributions the member may see, findings first, each kind in the order written."""
    contributions = Contribution.objects.visible_to(member, field.municipality).filter(field=field)
    if not may(member, "see_hidden_text", field):
        # What nobody else may read: hidden by moderators, withdrawn by their authors.
        contributions = contributions.filter(hidden_at=None, withdrawn_at=None)
    order = Case(
        *(When(kind=kind, then=Value(number)) for number, kind in enumerate(ContributionKind.values)),
        output_field=IntegerField(),
    )
    return with_answers(
        contributions.select_related("author__user", "stage").with_translations(language), language
    ).order_by(order, "created_at", "id")


def with_tags(contributions, field, language):
    """The contributions (a list), each with its `tags`: the town's tags and the field's links, fetched once."""
    return TownTags(field.municipality, language).put_on(contributions, field=field)


def rows(field, member, language):
    """One list of values per contribution, in the order of `columns()`; a bounded number of queries."""
    contributions = with_tags(list(contributions_for(field, member, language)), field, language)
    for contribution in contributions:
        kind = str(contribution.kind_label)
        if contribution.finding_kind:
            kind = f"{kind}: {contribution.finding_kind_label}"
        if contribution.is_hidden:
            kind = f"{kind} ({pgettext('contribution', 'ausgeblendet')})"
        if contribution.is_withdrawn:
            kind = f"{kind} ({pgettext('contribution', 'zurückgezogen')})"
        answer = contribution.current_answers[0] if contribution.current_answers else None
        yield [
            kind,
            translated(contribution, "title", language).text,
            translated(contribution, "body", language).text,
            contribution.paper_author or contribution.author.display_name,
            localdate(contribution.created_at),
            str(contribution.stage.get_kind_display()),
            ", ".join(translated(tag, "name", language).text for tag in contribution.tags),
            contribution.support_count,
            contribution.comment_count,
            str(answer.state_label) if answer else "",
            _answer_text(answer, language),
        ]


def _answer_text(answer, language):
    if answer is None:
        return ""
    text = translated(answer, "text", language).text
    if answer.merged_into is None:
        return text
    merged = _("Übernommen in: „%(title)s“") % {
        "title": translated(answer.merged_into, "title", language).text
    }
    return f"{merged}\n{text}" if text else merged


def neutralised(value):
    """Text that a spreadsheet would take for a formula, with an apostrophe before it (for CSV)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _plain(value):
    return _NOT_XML.sub("", value)


def as_csv(header, data):
    """UTF-8 with a byte order mark and semicolons, as German spreadsheets open it."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in data:
        writer.writerow(
            [value.isoformat() if isinstance(value, datetime.date) else neutralised(value) for value in row]
        )
    return buffer.getvalue().encode("utf-8")


def as_xlsx(header, data, *, title):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    for number, heading in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=number, value=heading)
        cell.font = Font(bold=True)
    for row_number, row in enumerate(data, start=2):
        for number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=number)
            if isinstance(value, str):
                cell.value = _plain(value)
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                if value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.value = value
                if isinstance(value, datetime.date):
                    cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJK", (18, 40, 80, 24, 12, 20, 30, 10, 10, 20, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_ods(header, data, *, title):
    from odf import teletype
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=_sheet_title(title))

    def text_cell(value):
        cell = TableCell(valuetype="string")
        paragraph = P()
        teletype.addTextToElement(paragraph, _plain(value))
        cell.addElement(paragraph)
        return cell

    heading = TableRow()
    for value in header:
        heading.addElement(text_cell(str(value)))
    table.addElement(heading)
    for row in data:
        line = TableRow()
        for value in row:
            if isinstance(value, str):
                cell = text_cell(value)
            elif isinstance(value, datetime.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.isoformat()))
            else:
                cell = TableCell(valuetype="float", value=str(value))
                cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _sheet_title(title):
    """A sheet's name: at most 31 characters, none of those spreadsheets forbid there."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Export"


def export(field, member, language, file_format):
    """(bytes, content type) of the field's results in `file_format` ("csv", "xlsx" or "ods")."""
    header, data = columns(), list(rows(field, member, language))
    title = translated(field, "name", language).text
    if file_format == "csv":
        content = as_csv(header, data)
    elif file_format == "xlsx":
        content = as_xlsx(header, data, title=title)
    else:
        content = as_ods(header, data, title=title)
    return content, FORMATS[file_format]
