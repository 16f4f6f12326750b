"""Reading a file of values: CSV or XLSX, in long or wide layout, checked line by line before anything is saved.

`check_file(town, content, file_name)` reads the file and returns a `Report`: every problem with its
line and column in plain German (the first `PROBLEM_CAP`, and how many more), notices (an encoding
other than UTF-8, a second worksheet), and, for a file without problems, the values it holds and
how they compare with the town's data (new, changed, unchanged; the first rows as a preview). It
writes nothing; `services.import_observations` writes what the report holds, all or nothing.

Layouts (the headings in English or German, in any case):

- long: ``district,period,indicator,value`` and optionally ``numerator,denominator``, one line per value;
- wide: ``district,period,`` then one column per indicator key, one line per district and period
  (an empty cell is no value).

CSV files may be UTF-8 with or without byte order mark, or Windows-1252 (which covers ISO-8859-1;
read so, with a notice), separated by commas, semicolons or tabs; numbers may have a decimal comma
("12,5"; "1.234,5" with points between thousands). Empty lines are skipped. Districts are found by
their name without regard to case and spaces, indicators by their key, periods are years ("2023")
or months ("2023-05").
"""

import codecs
import csv
import datetime
import difflib
import hashlib
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ankommen.concept.models import District
from ankommen.seismograph.models import FileFormat, Indicator, Layout, Observation, name_key, parse_period

PROBLEM_CAP = 200  # problems listed; beyond them only counted
PREVIEW_ROWS = 20

# The columns a file may have, each under its English or German heading (compared as `name_key`).
COLUMNS = {
    "district": ("district", "stadtteil"),
    "period": ("period", "zeitraum", "jahr", "periode"),
    "indicator": ("indicator", "indikator"),
    "value": ("value", "wert"),
    "numerator": ("numerator", "zähler", "zaehler"),
    "denominator": ("denominator", "nenner"),
}
ROLE_OF_HEADING = {heading: role for role, headings in COLUMNS.items() for heading in headings}
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
GERMAN_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")  # 1.234,5: points between thousands
ZIP = b"PK\x03\x04"
OLD_EXCEL = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Problem:
    """Something in the file that keeps it from being imported: where (line and column heading) and why."""

    line: int | None  # the line of a CSV file or the row of a worksheet; None for the file as a whole
    column: str  # the column's heading as the file writes it; "" for the whole line
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        if self.column:
            return _("Zeile %(line)s, Spalte „%(column)s“: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Zeile %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(slots=True)
class Value:
    """One value the file holds, checked; `district` is the name's key (`name_key`)."""

    line: int
    district: str
    indicator: Indicator
    period: str
    period_start: datetime.date
    value: float
    numerator: float | None = None
    denominator: float | None = None


@dataclass(frozen=True)
class PreviewRow:
    line: int
    district: str
    period: str
    indicator: str
    value: float
    before: float | None  # the current value it replaces; None for a new one
    changed: bool


@dataclass
class Report:
    """What a file holds and what importing it would do (`check_file`)."""

    file_name: str
    file_format: str = FileFormat.CSV
    layout: str = ""
    encoding: str = ""
    delimiter: str = ""
    sha256: str = ""
    problems: list = field(default_factory=list)
    problem_count: int = 0
    notices: list = field(default_factory=list)
    values: list = field(default_factory=list)
    # Districts the file names that the town does not have: {name key: the name as first written}.
    new_districts: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)  # {name key: District} of the town
    new_count: int = 0
    changed_count: int = 0
    unchanged_count: int = 0
    replaced: list = field(default_factory=list)  # ids of the current values a change replaces
    written: list = field(default_factory=list)  # the values to write: the new and the changed ones
    preview: list = field(default_factory=list)

    @property
    def ok(self):
        return self.problem_count == 0

    @property
    def more(self):
        """How many problems were counted beyond those listed."""
        return self.problem_count - len(self.problems)

    def add(self, line, column, message):
        self.problem_count += 1
        if len(self.problems) < PROBLEM_CAP:
            self.problems.append(Problem(line, column, message))

    def lines(self):
        """The report as lines of plain German, as the command prints it."""
        described = {
            "file": self.file_name,
            "format": FileFormat(self.file_format).label,
        }
        lines = [_("Datei: %(file)s (%(format)s)") % described]
        if self.layout:
            lines.append(_("Aufbau: %(layout)s") % {"layout": Layout(self.layout).label})
        lines += [_("Hinweis: %(notice)s") % {"notice": notice} for notice in self.notices]
        lines += [str(problem) for problem in self.problems]
        if self.more:
            lines.append(
                ngettext("… und %(count)s weiteres Problem", "… und %(count)s weitere Probleme", self.more)
                % {"count": self.more}
            )
        if not self.ok:
            lines.append(
                ngettext(
                    "Nichts gespeichert: %(count)s Problem.",
                    "Nichts gespeichert: %(count)s Probleme.",
                    self.problem_count,
                )
                % {"count": self.problem_count}
            )
            return lines
        if self.new_districts:
            lines.append(
                _("Neue Stadtteile: %(names)s") % {"names": ", ".join(sorted(self.new_districts.values()))}
            )
        lines.append(
            ngettext(
                "%(values)s Wert: %(new)s neu, %(changed)s geändert, %(unchanged)s unverändert.",
                "%(values)s Werte: %(new)s neu, %(changed)s geändert, %(unchanged)s unverändert.",
                len(self.values),
            )
            % {
                "values": len(self.values),
                "new": self.new_count,
                "changed": self.changed_count,
                "unchanged": self.unchanged_count,
            }
        )
        return lines


# --- numbers and cells ------------------------------------------------------------------------------


def parse_number(raw):
    """A cell as a finite number: 12, "12,5", "1.234,5", "12.5", "12,5 %"; None if it is none."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = float(raw)
        return number if math.isfinite(number) else None
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if text.endswith("%"):
        text = text[:-1]
    if "," in text:
        if text.count(",") > 1 or ("." in text and not GERMAN_NUMBER.match(text)):
            return None
        text = text.replace(".", "").replace(",", ".")
    if not NUMBER.match(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def is_empty(raw):
    return raw is None or (isinstance(raw, str) and not raw.strip())


def as_text(raw):
    """A cell as the text a report quotes (an XLSX number without a trailing ".0")."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat()
    return str(raw).strip()


def period_of(raw):
    """`(period, first day)` of a cell: a year, a month, an XLSX number (2023) or date (the first of a month)."""
    if isinstance(raw, datetime.datetime | datetime.date):
        return (
            (f"{raw.year}-{raw.month:02d}", datetime.date(raw.year, raw.month, 1)) if raw.day == 1 else None
        )
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool):
        return None
    return parse_period(raw)


def quoted(raw, limit=60):
    text = as_text(raw)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- reading the file -------------------------------------------------------------------------------


def _decode(content, report):
    """The text of a CSV file, or None after naming the problem: UTF-8 (with or without BOM) or Windows-1252."""
    if content.startswith(codecs.BOM_UTF8):
        content, report.encoding = content[len(codecs.BOM_UTF8) :], "UTF-8"
    try:
        text = content.decode("utf-8")
        report.encoding = report.encoding or "UTF-8"
        return text
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        mixed = content.decode("utf-8", errors="replace")
        if any(ord(character) > 127 and character != "\ufffd" for character in mixed):
            # Valid UTF-8 beside bytes that are not: parts saved in different encodings.
            report.add(
                line,
                "",
                _(
                    "Die Datei ist teils in UTF-8, teils in einer anderen Kodierung gespeichert; "
                    "diese Zeile ist nicht UTF-8. Bitte die ganze Datei als „CSV UTF-8“ speichern."
                ),
            )
            return None
    if b"\x00" in content:
        line = content.count(b"\n", 0, content.index(b"\x00")) + 1
        report.add(
            line,
            "",
            _(
                "Die Datei ist keine Textdatei in UTF-8 oder Windows-1252 (sie enthält Null-Bytes, etwa "
                "UTF-16 oder ein Dokument). Bitte als „CSV UTF-8“ speichern."
            ),
        )
        return None
    try:
        text = content.decode("cp1252")
    except UnicodeDecodeError as error:
        report.add(
            content.count(b"\n", 0, error.start) + 1,
            "",
            _("Die Datei ist weder in UTF-8 noch in Windows-1252 kodiert. Bitte als „CSV UTF-8“ speichern."),
        )
        return None
    report.encoding = "Windows-1252"
    report.notices.append(
        _(
            "Die Datei ist nicht in UTF-8 gespeichert; sie wurde als Windows-1252 (Westeuropäisch, "
            "auch ISO-8859-1) gelesen. Bitte prüfen Sie Umlaute in den Namen."
        )
    )
    return text


def _delimiter(text):
    """The separator of the first non-empty line: the most frequent of semicolon, comma and tab outside quotes."""
    for line in text.splitlines():
        if line.strip():
            outside = re.sub(r'"[^"]*"', "", line)
            counts = {delimiter: outside.count(delimiter) for delimiter in (";", ",", "\t")}
            best = max(counts, key=counts.get)
            return best if counts[best] else ","
    return ","


def _csv_rows(content, report):
    """(line, cells) for every line of a CSV file, the line being where its record starts."""
    text = _decode(content, report)
    if text is None:
        return
    report.delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=report.delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        report.add(reader.line_num, "", _("Die Zeile ist kein gültiges CSV (%(error)s).") % {"error": error})


def _xlsx_rows(content, report):
    """(row number, cells) of the first worksheet of an XLSX file."""
    from openpyxl import load_workbook

    report.file_format = FileFormat.XLSX
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        report.add(
            None, "", _("Die Datei ist keine lesbare Excel-Datei (XLSX): %(error)s") % {"error": error}
        )
        return
    try:
        sheets = book.worksheets
        if not sheets:
            report.add(None, "", _("Die Excel-Datei hat kein Tabellenblatt."))
            return
        if len(sheets) > 1:
            report.notices.append(
                _("Gelesen wurde nur das erste Tabellenblatt, „%(sheet)s“.") % {"sheet": sheets[0].title}
            )
        for number, cells in enumerate(sheets[0].iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()


def _rows(content, file_name, report):
    if content.startswith(OLD_EXCEL):
        report.add(
            None,
            "",
            _("Excel-Dateien im alten Format (.xls) bitte als .xlsx oder als „CSV UTF-8“ speichern."),
        )
        return iter(())
    if content.startswith(ZIP) or file_name.lower().endswith(".xlsx"):
        return _xlsx_rows(content, report)
    return _csv_rows(content, report)


# --- checking ---------------------------------------------------------------------------------------


class Columns:
    """The heading line: where each column is and what the file calls it."""

    def __init__(self, line, cells):
        self.line = line
        self.headings = [as_text(cell) for cell in cells]
        while self.headings and not self.headings[-1]:
            self.headings.pop()  # empty columns at the end (Excel writes them)
        self.index = {}  # role → position
        self.indicators = []  # wide layout: (position, heading)

    def heading(self, role):
        return self.headings[self.index[role]] if role in self.index else COLUMNS[role][0]

    def cell(self, cells, role):
        position = self.index.get(role)
        return cells[position] if position is not None and position < len(cells) else None


def _read_headings(columns, report, indicators):
    seen = {}
    for position, heading in enumerate(columns.headings):
        key = name_key(heading)
        if not key:
            report.add(
                columns.line, "", _("Spalte %(number)s hat keine Überschrift.") % {"number": position + 1}
            )
            continue
        if key in seen:
            report.add(
                columns.line,
                heading,
                _("Die Überschrift steht zweimal in der Kopfzeile (auch Spalte %(number)s).")
                % {"number": seen[key] + 1},
            )
            continue
        seen[key] = position
        role = ROLE_OF_HEADING.get(key)
        if role:
            columns.index[role] = position
        else:
            columns.indicators.append((position, heading))
    layout = Layout.LONG if "indicator" in columns.index or "value" in columns.index else Layout.WIDE
    report.layout = layout
    needed = ("district", "period", "indicator", "value") if layout == Layout.LONG else ("district", "period")
    for role in needed:
        if role not in columns.index:
            report.add(
                columns.line,
                "",
                _("Die Spalte „%(column)s“ fehlt in der Kopfzeile.") % {"column": COLUMNS[role][0]},
            )
    if layout == Layout.LONG:
        for _position, heading in columns.indicators:
            report.add(
                columns.line,
                heading,
                _(
                    "Unbekannte Spalte. Eine Datei mit einer Spalte „indicator“ hat die Spalten district, "
                    "period, indicator, value und wahlweise numerator und denominator."
                ),
            )
        return
    if not columns.indicators:
        report.add(columns.line, "", _("Die Kopfzeile nennt keinen Indikator."))
    for _position, heading in columns.indicators:
        if name_key(heading) not in indicators:
            report.add(columns.line, heading, _unknown_indicator(heading, indicators))
    for role in ("numerator", "denominator"):
        if role in columns.index:
            report.add(
                columns.line,
                columns.heading(role),
                _("Zähler und Nenner gibt es nur in Dateien mit einer Zeile je Wert (Spalte „indicator“)."),
            )


def _unknown_indicator(raw, indicators):
    text = quoted(raw)
    close = difflib.get_close_matches(name_key(text), list(indicators), n=1, cutoff=0.8)
    if close:
        return _("Unbekannter Indikator „%(indicator)s“. Meinten Sie „%(key)s“?") % {
            "indicator": text,
            "key": indicators[close[0]].key,
        }
    return _("Unbekannter Indikator „%(indicator)s“.") % {"indicator": text}


class Checker:
    """Checks the lines one by one against the town's districts and indicators, collecting the values."""

    def __init__(self, report, columns, districts, indicators, add_districts):
        self.report = report
        self.columns = columns
        self.districts = districts
        self.indicators = indicators
        self.add_districts = add_districts
        self.seen = {}  # (district, indicator id, period) → line
        self.rows_seen = {}  # wide: (district, period) → line

    def district(self, line, raw):
        if is_empty(raw):
            self.report.add(line, self.columns.heading("district"), _("Kein Stadtteil angegeben."))
            return None
        key = name_key(as_text(raw))
        if key in self.districts:
            return key
        if self.add_districts:
            self.report.new_districts.setdefault(key, " ".join(as_text(raw).split()))
            return key
        self.report.add(
            line,
            self.columns.heading("district"),
            _("Unbekannter Stadtteil „%(district)s“.") % {"district": quoted(raw)},
        )
        return None

    def period(self, line, raw):
        if is_empty(raw):
            self.report.add(line, self.columns.heading("period"), _("Kein Zeitraum angegeben."))
            return None
        period = period_of(raw)
        if period is None:
            self.report.add(
                line,
                self.columns.heading("period"),
                _("Ungültiger Zeitraum „%(period)s“: bitte ein Jahr (2023) oder einen Monat (2023-05).")
                % {"period": quoted(raw)},
            )
        return period

    def number(self, line, heading, raw, *, required=True):
        if is_empty(raw):
            if required:
                self.report.add(line, heading, _("Kein Wert angegeben."))
            return None
        number = parse_number(raw)
        if number is None:
            self.report.add(line, heading, _("Keine Zahl: „%(value)s“.") % {"value": quoted(raw)})
        return number

    def value(self, line, heading, indicator, number):
        problem = indicator.problem_with(number)
        if problem:
            self.report.add(line, heading, problem)
            return False
        return True

    def once(self, line, heading, key):
        """Is this the first value for (district, indicator, period) in the file? Else name the line before."""
        if key in self.seen:
            self.report.add(
                line,
                heading,
                _("Doppelt: Stadtteil, Zeitraum und Indikator stehen schon in Zeile %(line)s.")
                % {"line": self.seen[key]},
            )
            return False
        self.seen[key] = line
        return True

    def long_line(self, line, cells):
        columns = self.columns
        district = self.district(line, columns.cell(cells, "district"))
        period = self.period(line, columns.cell(cells, "period"))
        raw_indicator = columns.cell(cells, "indicator")
        indicator = None
        if is_empty(raw_indicator):
            self.report.add(line, columns.heading("indicator"), _("Kein Indikator angegeben."))
        else:
            indicator = self.indicators.get(name_key(as_text(raw_indicator)))
            if indicator is None:
                self.report.add(
                    line, columns.heading("indicator"), _unknown_indicator(raw_indicator, self.indicators)
                )
        heading = columns.heading("value")
        number = self.number(line, heading, columns.cell(cells, "value"))
        numerator = self.number(
            line, columns.heading("numerator"), columns.cell(cells, "numerator"), required=False
        )
        denominator = self.number(
            line, columns.heading("denominator"), columns.cell(cells, "denominator"), required=False
        )
        fractions_fit = self.fractions(line, numerator, denominator)
        if None in (district, period, indicator, number) or not fractions_fit:
            return
        if not self.value(line, heading, indicator, number):
            return
        if self.once(line, columns.heading("indicator"), (district, indicator.pk, period[0])):
            self.report.values.append(
                Value(line, district, indicator, period[0], period[1], number, numerator, denominator)
            )

    def fractions(self, line, numerator, denominator):
        fits = True
        for role, number in (("numerator", numerator), ("denominator", denominator)):
            if number is not None and number < 0:
                self.report.add(line, self.columns.heading(role), _("Der Wert darf nicht negativ sein."))
                fits = False
        if fits and numerator is not None and denominator is not None and numerator > denominator:
            self.report.add(
                line,
                self.columns.heading("numerator"),
                _("Der Zähler ist größer als der Nenner (%(numerator)s > %(denominator)s).")
                % {"numerator": as_text(numerator), "denominator": as_text(denominator)},
            )
            fits = False
        return fits

    def wide_line(self, line, cells):
        columns = self.columns
        district = self.district(line, columns.cell(cells, "district"))
        period = self.period(line, columns.cell(cells, "period"))
        if district is None or period is None:
            return
        row_key = (district, period[0])
        if row_key in self.rows_seen:
            self.report.add(
                line,
                columns.heading("district"),
                _("Doppelt: Stadtteil und Zeitraum stehen schon in Zeile %(line)s.")
                % {"line": self.rows_seen[row_key]},
            )
            return
        self.rows_seen[row_key] = line
        for position, heading in columns.indicators:
            indicator = self.indicators.get(name_key(heading))
            raw = cells[position] if position < len(cells) else None
            if indicator is None or is_empty(raw):
                continue
            number = self.number(line, heading, raw)
            if number is not None and self.value(line, heading, indicator, number):
                self.report.values.append(Value(line, district, indicator, period[0], period[1], number))


def check_file(town, content, file_name, *, add_districts=False):
    """Read and check a file of values for `town`; compare its values with the town's data. Writes nothing."""
    report = Report(file_name=file_name, sha256=hashlib.sha256(content).hexdigest())
    report.districts = {
        name_key(district.name): district for district in District.objects.for_municipality(town)
    }
    indicators = {
        name_key(indicator.key): indicator for indicator in Indicator.objects.for_municipality(town)
    }
    rows = _rows(content, file_name, report)
    columns = None
    for line, cells in rows:
        if all(is_empty(cell) for cell in cells):
            continue
        if columns is None:
            columns = Columns(line, cells)
            _read_headings(columns, report, indicators)
            if not report.ok:
                break  # the lines cannot be read without their headings
            checker = Checker(report, columns, report.districts, indicators, add_districts)
            read_line = checker.long_line if report.layout == Layout.LONG else checker.wide_line
            continue
        if len(cells) > len(columns.headings) and any(
            not is_empty(cell) for cell in cells[len(columns.headings) :]
        ):
            report.add(line, "", _("Die Zeile hat mehr Werte als die Kopfzeile Spalten."))
            continue
        read_line(line, cells)
    if columns is None and report.ok:
        report.add(None, "", _("Die Datei ist leer."))
    elif report.ok and not report.values:
        report.add(None, "", _("Die Datei enthält keine Werte."))
    if report.ok:
        _compare(town, report)
    return report


def _compare(town, report):
    """Sort the values into new, changed and unchanged against the town's current data; keep the first as preview."""
    current = (
        Observation.objects.for_municipality(town)
        .current()
        .filter(
            indicator_id__in={value.indicator.pk for value in report.values},
            period__in={value.period for value in report.values},
        )
        .values_list("district_id", "indicator_id", "period", "pk", "value", "numerator", "denominator")
    )
    current = {row[:3]: row[3:] for row in current}
    district_ids = {key: district.pk for key, district in report.districts.items()}
    names = {key: district.name for key, district in report.districts.items()} | report.new_districts
    for value in report.values:
        before = current.get((district_ids.get(value.district), value.indicator.pk, value.period))
        changed = before is not None and before[1:] != (value.value, value.numerator, value.denominator)
        if before is None:
            report.new_count += 1
            report.written.append(value)
        elif changed:
            report.changed_count += 1
            report.replaced.append(before[0])
            report.written.append(value)
        else:
            report.unchanged_count += 1
        if len(report.preview) < PREVIEW_ROWS:
            report.preview.append(
                PreviewRow(
                    value.line,
                    names[value.district],
                    value.period,
                    value.indicator.key,
                    value.value,
                    before[1] if before else None,
                    changed,
                )
            )
