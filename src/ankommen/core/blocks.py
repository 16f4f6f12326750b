"""The plain structure of long texts (help pages, a submission's statement): read once, written as HTML, PDF or DOCX.

An empty line parts blocks. In a block of several lines whose first line is plain text, that
line is its heading (put an empty line between a sentence and the list it leads to); lines starting with "- " are a list; lines with "|" between
cells are a table whose first line holds the column headings; a line "[Abbildung 2]" alone shows
the second figure; `**words**` are set in bold. Nothing else is markup, so a translator's text
keeps its structure and nobody can write HTML.

`parse(text)` gives the blocks as plain data (JSON for the PDF's template); `html(blocks)` the page.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

_FIGURE = re.compile(r"^\[Abbildung\s+(\d{1,2})\]$")
_STRONG = re.compile(r"\*\*(.+?)\*\*")


def spans(line):
    """A line's runs of text: `[{"text": …, "strong": bool}]`."""
    runs, at = [], 0
    for match in _STRONG.finditer(line):
        if match.start() > at:
            runs.append({"text": line[at : match.start()], "strong": False})
        runs.append({"text": match.group(1), "strong": True})
        at = match.end()
    if at < len(line):
        runs.append({"text": line[at:], "strong": False})
    return runs


def _kind(line):
    if line.startswith("- "):
        return "list"
    if "|" in line:
        return "table"
    if _FIGURE.match(line):
        return "figure"
    return "paragraph"


def parse(text):
    """The blocks of `text`, in order: heading, paragraph, list, table, figure (see the module's note)."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", str(text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _kind(lines[0]) == "paragraph":
            blocks.append({"kind": "heading", "text": lines[0]})
            lines = lines[1:]
        for kind, group in _groups(lines):
            blocks.append(_block(kind, group))
    return blocks


def _groups(lines):
    """Consecutive lines of one kind together (each figure on its own)."""
    groups = []
    for line in lines:
        kind = _kind(line)
        if groups and groups[-1][0] == kind and kind != "figure":
            groups[-1][1].append(line)
        else:
            groups.append((kind, [line]))
    return groups


def _cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _block(kind, lines):
    if kind == "list":
        return {"kind": "list", "items": [spans(line[2:].strip()) for line in lines]}
    if kind == "table":
        head, *rows = (_cells(line) for line in lines)
        width = len(head)
        return {"kind": "table", "head": head, "rows": [(row + [""] * width)[:width] for row in rows]}
    if kind == "figure":
        return {"kind": "figure", "number": int(_FIGURE.match(lines[0]).group(1))}
    return {"kind": "paragraph", "lines": [spans(line) for line in lines]}


def plain(blocks):
    """The blocks' text without structure (for an excerpt, a search index)."""
    words = []
    for block in blocks:
        if block["kind"] == "heading":
            words.append(block["text"])
        elif block["kind"] == "paragraph":
            words.extend("".join(run["text"] for run in line) for line in block["lines"])
        elif block["kind"] == "list":
            words.extend("".join(run["text"] for run in item) for item in block["items"])
        elif block["kind"] == "table":
            words.extend(" ".join(row) for row in [block["head"], *block["rows"]])
    return "\n".join(words)


def _runs_html(runs):
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<strong>{}</strong>", run["text"]) if run["strong"] else run["text"],)
            for run in runs
        ),
    )


def html(blocks, *, figures=None, heading_level=2):
    """The blocks as HTML. `figures`: number → (address, alternative text, title) of the uploaded images."""
    figures = figures or {}
    heading = f"h{heading_level}"
    size = "kern-heading-medium" if heading_level <= 2 else "kern-heading-small"
    parts = []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            parts.append(
                format_html('<{0} class="{1}">{2}</{0}>', mark_safe(heading), size, block["text"])  # noqa: S308
            )
        elif kind == "paragraph":
            parts.append(
                format_html(
                    "<p>{}</p>",
                    format_html_join(
                        mark_safe("<br>"), "{}", ((_runs_html(line),) for line in block["lines"])
                    ),
                )
            )
        elif kind == "list":
            parts.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join("", "<li>{}</li>", ((_runs_html(item),) for item in block["items"])),
                )
            )
        elif kind == "table":
            parts.append(_table_html(block))
        elif kind == "figure" and block["number"] in figures:
            url, alt, title = figures[block["number"]]
            parts.append(
                format_html(
                    '<figure><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>', url, alt, title
                )
            )
    return format_html_join("\n", "{}", ((part,) for part in parts))


def _table_html(block):
    """A table as the product's tables are: in a scroll box named by its columns, each cell labelled by its
    column's heading so that on a phone a row reflows into a card."""
    head = block["head"]
    return format_html(
        '<div class="table-scroll" role="region" aria-label="{}" tabindex="0"><table class="kern-table">'
        '<thead class="kern-table__header"><tr class="kern-table__row">{}</tr></thead>'
        '<tbody class="kern-table__body">{}</tbody></table></div>',
        gettext("Tabelle: %(columns)s") % {"columns": ", ".join(head)},
        format_html_join(
            "", '<th class="kern-table__header" scope="col">{}</th>', ((cell,) for cell in head)
        ),
        format_html_join(
            "",
            '<tr class="kern-table__row">{}</tr>',
            (
                (
                    format_html_join(
                        "",
                        '<td class="kern-table__cell" data-label="{}">{}</td>',
                        zip(head, row, strict=True),
                    ),
                )
                for row in block["rows"]
            ),
        ),
    )
