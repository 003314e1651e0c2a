"""Reading the import files safely: `.xlsx` workbooks and one `.csv` per sheet, SPEC §5.

A workbook comes from outside the program (an e-mail attachment, another municipality's system), so it is
treated as hostile until proven otherwise:

* before openpyxl sees it, the ZIP container is inspected: a file that is not a ZIP, one that would unpack to
  more than :data:`MAX_UNCOMPRESSED_BYTES`, or an entry compressed more than :data:`MAX_RATIO` : 1 (a "zip
  bomb") is refused. Python's :mod:`zipfile` never returns more bytes than an entry declares, so the declared
  sizes checked here bound what is really unpacked;
* the XML is parsed by openpyxl through ``defusedxml`` (a dependency of swdesk; openpyxl picks it up by
  itself), which refuses entity expansion ("billion laughs") and external entities;
* sheets are read in read-only mode, row by row, ignoring the dimension the file declares, and reading stops
  after :data:`MAX_ROWS` data rows or :data:`MAX_COLUMNS` columns.

Nothing here raises for a bad file: every refusal is a :class:`ReadProblem` with a message for the user.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swdesk.i18n import define, tr
from swdesk.importer.values import fold, fold_diacritics, is_blank

define(
    {
        "import.file.not_found": ("Fails vai mape nav atrasta.", "The file or folder does not exist."),
        "import.file.empty": ("Fails ir tukšs (0 baitu).", "The file is empty (0 bytes)."),
        "import.file.unsupported": (
            "Faila tips «{suffix}» netiek atbalstīts; saglabājiet datus kā .xlsx darbgrāmatu "
            "vai .csv failus.",
            "The file type '{suffix}' is not supported; save the data as an .xlsx workbook or .csv files.",
        ),
        "import.file.no_csv": ("Mapē nav neviena .csv faila.", "The folder holds no .csv file."),
        "import.file.not_zip": (
            "Fails nav .xlsx darbgrāmata (tas nav ZIP arhīvs). Ja tā ir veca .xls vai ar paroli aizsargāta "
            "darbgrāmata, saglabājiet to kā .xlsx bez paroles.",
            "The file is not an .xlsx workbook (it is not a ZIP archive). If it is an old .xls workbook or "
            "one protected by a password, save it as .xlsx without a password.",
        ),
        "import.file.too_large": (
            "Fails atarhivēts aizņemtu {size} MB, vairāk nekā atļautie {limit} MB; imports atteikts.",
            "Unpacked, the file would take {size} MB, more than the {limit} MB allowed; import refused.",
        ),
        "import.file.too_many_entries": (
            "Failā ir {count} daļu, vairāk nekā atļautās {limit}; imports atteikts.",
            "The file has {count} parts, more than the {limit} allowed; import refused.",
        ),
        "import.file.ratio": (
            "Faila daļa «{entry}» ir saspiesta neparasti stipri ({ratio}:1, atļauts {limit}:1) — tā var būt "
            "«ZIP bumba»; imports atteikts.",
            "The part '{entry}' of the file is compressed unusually strongly ({ratio}:1, {limit}:1 allowed) "
            "— it may be a 'zip bomb'; import refused.",
        ),
        "import.file.unreadable": (
            "Failu nevar nolasīt kā Excel darbgrāmatu ({detail}).",
            "The file cannot be read as an Excel workbook ({detail}).",
        ),
        "import.file.unsafe_xml": (
            "failā ir aizliegtas XML konstrukcijas (entītijas vai DTD), ko izmanto uzbrukumos",
            "the file holds forbidden XML constructs (entities or a DTD), as used in attacks",
        ),
        "import.file.csv_too_large": (
            "CSV fails ir lielāks par {limit} MB; imports atteikts.",
            "The CSV file is larger than {limit} MB; import refused.",
        ),
        "import.file.not_utf8": (
            "CSV fails nav UTF-8 kodējumā (kļūda pie {position}. baita); saglabājiet to kā «CSV UTF-8».",
            "The CSV file is not UTF-8 encoded (error at byte {position}); save it as 'CSV UTF-8'.",
        ),
        "import.file.csv_error": (
            "CSV failu nevar nolasīt ({line}. rinda): {detail}",
            "The CSV file cannot be read (line {line}): {detail}",
        ),
        "import.sheet.too_many_rows": (
            "Lapā ir vairāk nekā {limit} datu rindu; lasīšana apturēta. Sadaliet datus vairākos failos.",
            "The sheet has more than {limit} data rows; reading stopped. Split the data into several files.",
        ),
        "import.sheet.twice": (
            "Lapa «{sheet}» ir dota divreiz: {first} un {second}.",
            "The sheet '{sheet}' is given twice: {first} and {second}.",
        ),
        "import.sheet.unknown": (
            "Lapa «{sheet}» ({file}) nav importa lapa un tiek izlaista. Importa lapas: {known}.",
            "The sheet '{sheet}' ({file}) is not an import sheet and is skipped. Import sheets: {known}.",
        ),
        "import.formula_without_value": (
            "Šūnā ir formula ({formula}), bet failā nav saglabāts tās rezultāts; atveriet un saglabājiet "
            "failu Excel vai LibreOffice, vai ierakstiet vērtību.",
            "The cell holds a formula ({formula}) but the file has no stored result; open and save the file "
            "in Excel or LibreOffice, or type the value.",
        ),
    }
)

MB = 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * MB
MAX_RATIO = 100
# Below this size an entry cannot hurt whatever its ratio, and tiny XML parts (an empty sheet, the styles)
# compress far better than 100:1 in ordinary workbooks.
RATIO_MIN_BYTES = 1 * MB
MAX_ZIP_ENTRIES = 10_000
MAX_ROWS = 200_000
# The widest sheet of SPEC §5 has 12 columns; cells further right are not read, so a stray cell in column
# XFD cannot make every row 16 384 cells wide.
MAX_COLUMNS = 64
MAX_CSV_BYTES = 100 * MB

# Sheets the template writes for people, not data (SPEC §5); they are skipped without a word.
HELPER_SHEETS = ("Instrukcija", "Saraksti")


@dataclass(frozen=True)
class ReadProblem:
    """A file or sheet that cannot be read; ``sheet`` and ``row``/``column`` when the problem has a place."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass
class RawSheet:
    """One sheet as read: its canonical name, the file it came from and its non-blank rows.

    ``rows`` holds ``(row number as the user sees it, cells)``; the first row is the header.
    ``formulas`` maps (row number, column index) to the formula of a cell whose stored result is missing.
    """

    name: str
    file: str
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class ReadResult:
    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_sources(
    paths: Iterable[Path | str], *, sheet_names: Iterable[str], max_rows: int = MAX_ROWS
) -> ReadResult:
    """Read every given file: ``.xlsx`` workbooks, ``.csv`` files and folders of ``.csv`` files.

    Only sheets named in ``sheet_names`` are kept (matched ignoring case and surrounding spaces; a CSV file's
    name also without Latvian letters, as file names often lose them); others give a warning.
    """
    known = {fold(name): name for name in sheet_names}
    known_loose = {fold_diacritics(name): name for name in sheet_names}
    helpers = {fold(name) for name in HELPER_SHEETS}
    result = ReadResult()
    seen: dict[str, str] = {}

    def keep(title: str, file: Path, *, loose: bool) -> str | None:
        key = fold(title)
        name = known.get(key) or (known_loose.get(fold_diacritics(title)) if loose else None)
        if name is None:
            if key not in helpers:
                result.warnings.append(
                    tr("import.sheet.unknown", sheet=title, file=file.name, known=", ".join(known.values()))
                )
            return None
        return name

    def add(sheet: RawSheet) -> None:
        where = f"«{sheet.file}»"
        if sheet.name in seen:
            result.problems.append(
                ReadProblem(
                    file=sheet.file,
                    sheet=sheet.name,
                    message=tr("import.sheet.twice", sheet=sheet.name, first=seen[sheet.name], second=where),
                )
            )
            return
        seen[sheet.name] = where
        result.sheets.append(sheet)

    for path in _expand(paths, result):
        if path.suffix.lower() == ".csv":
            name = keep(unicodedata.normalize("NFC", path.stem), path, loose=True)
            if name is not None:
                sheet = _read_csv(path, name=name, max_rows=max_rows, problems=result.problems)
                if sheet is not None:
                    add(sheet)
        else:
            for sheet in _read_xlsx(path, keep=keep, max_rows=max_rows, problems=result.problems):
                add(sheet)
    return result


def _expand(paths: Iterable[Path | str], result: ReadResult) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
            if not files:
                result.problems.append(ReadProblem(file=str(path), message=tr("import.file.no_csv")))
            yield from files
        elif not path.is_file():
            result.problems.append(ReadProblem(file=str(path), message=tr("import.file.not_found")))
        elif path.suffix.lower() not in (".xlsx", ".xlsm", ".csv"):
            result.problems.append(
                ReadProblem(
                    file=path.name, message=tr("import.file.unsupported", suffix=path.suffix or path.name)
                )
            )
        elif path.stat().st_size == 0:
            result.problems.append(ReadProblem(file=path.name, message=tr("import.file.empty")))
        else:
            yield path


# --- xlsx ----------------------------------------------------------------------------------------------


def inspect_zip(path: Path) -> str | None:
    """Why the workbook at ``path`` must not be opened (not a ZIP, too large unpacked, a zip bomb) or None."""
    if not zipfile.is_zipfile(path):
        return tr("import.file.not_zip")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return tr("import.file.unreadable", detail=str(exc))
    if len(entries) > MAX_ZIP_ENTRIES:
        return tr("import.file.too_many_entries", count=len(entries), limit=MAX_ZIP_ENTRIES)
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        return tr("import.file.too_large", size=-(-total // MB), limit=MAX_UNCOMPRESSED_BYTES // MB)
    for entry in entries:
        if entry.file_size < RATIO_MIN_BYTES:
            continue
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > MAX_RATIO:
            return tr("import.file.ratio", entry=entry.filename, ratio=int(ratio), limit=MAX_RATIO)
    return None


def _read_xlsx(path: Path, *, keep: Any, max_rows: int, problems: list[ReadProblem]) -> list[RawSheet]:
    refusal = inspect_zip(path)
    if refusal is not None:
        problems.append(ReadProblem(file=path.name, message=refusal))
        return []
    import openpyxl

    sheets: list[RawSheet] = []
    books: list[Any] = []
    try:
        # openpyxl warns about parts it does not read (extensions, print settings, LibreOffice's data
        # validation); none of them holds data, and pytest turns warnings into errors.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values_book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
            books.append(values_book)
            formulas_book = None
            for title in values_book.sheetnames:
                name = keep(title.strip(), path, loose=False)
                if name is None:
                    continue
                values_ws = values_book[title]
                formulas_ws = None
                if _has_formulas(path, getattr(values_ws, "_worksheet_path", None)):
                    if formulas_book is None:
                        formulas_book = openpyxl.load_workbook(
                            path, read_only=True, data_only=False, keep_links=False
                        )
                        books.append(formulas_book)
                    formulas_ws = formulas_book[title]
                sheet = RawSheet(name=name, file=path.name)
                _read_worksheet(values_ws, formulas_ws, sheet=sheet, max_rows=max_rows, problems=problems)
                sheets.append(sheet)
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is a refusal, never a crash
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.unreadable", detail=_describe(exc)))
        )
        return []
    finally:
        for book in books:
            book.close()
    return sheets


# A formula element in sheet XML, with or without a namespace prefix: <f>, <f t="shared" …/>, <x:f>.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _has_formulas(path: Path, member: str | None) -> bool:
    """Whether a sheet's XML holds any formula (True when unsure), so that the formula pass of
    :func:`_read_worksheet`, which doubles the reading time, runs only where it can find something."""
    if not member:
        return True
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
            tail = b""
            while chunk := stream.read(1 << 20):
                if _FORMULA_TAG.search(tail + chunk):
                    return True
                tail = chunk[-64:]  # a tag cut in two by the chunk boundary
    except (KeyError, OSError, zipfile.BadZipFile):
        return True
    return False


def _read_worksheet(
    values_ws: Any, formulas_ws: Any | None, *, sheet: RawSheet, max_rows: int, problems: list
) -> None:
    """Read the rows of one sheet; with formulas, values and formulas are read side by side.

    The values come from the results Excel stored with each formula; the formula pass only tells a blank
    cell from a formula whose result was never stored (a file written by a program, not by Excel).
    """
    values_ws.reset_dimensions()  # the declared dimension is not trusted (see the module docstring)
    values_rows = values_ws.iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS, values_only=True)
    formula_rows: Iterator[Any] = itertools.repeat(())
    if formulas_ws is not None:
        formulas_ws.reset_dimensions()
        formula_rows = formulas_ws.iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS)
    data_rows = 0
    for number, (values, cells) in enumerate(zip(values_rows, formula_rows, strict=False), start=1):
        has_formula = False
        for index, cell in enumerate(cells):
            if getattr(cell, "data_type", None) == "f" and values[index] is None:
                sheet.formulas[(number, index)] = str(cell.value)
                has_formula = True
        if not has_formula and all(is_blank(v) for v in values):
            continue
        if sheet.rows:
            data_rows += 1
            if data_rows > max_rows:
                problems.append(
                    ReadProblem(
                        file=sheet.file,
                        sheet=sheet.name,
                        message=tr("import.sheet.too_many_rows", limit=max_rows),
                    )
                )
                return
        sheet.rows.append((number, tuple(values)))


def _describe(exc: BaseException) -> str:
    """A short reason for the user; the innermost cause, as openpyxl wraps parser errors in its own."""
    from defusedxml import DefusedXmlException

    chain = [exc]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) is not None and len(chain) < 10:
        chain.append(cause)
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return tr("import.file.unsafe_xml")
    text = str(chain[-1]).strip().splitlines()[0] if str(chain[-1]).strip() else ""
    name = type(chain[-1]).__name__
    return f"{name}: {text}" if text else name


# --- csv -----------------------------------------------------------------------------------------------


def _read_csv(path: Path, *, name: str, max_rows: int, problems: list[ReadProblem]) -> RawSheet | None:
    """One CSV file as the sheet ``name``: UTF-8 with or without BOM, ``;`` or ``,`` between values."""
    if path.stat().st_size > MAX_CSV_BYTES:
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.csv_too_large", limit=MAX_CSV_BYTES // MB))
        )
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.not_utf8", position=exc.start + 1))
        )
        return None
    sheet = RawSheet(name=name, file=path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    data_rows = 0
    try:
        for values in reader:
            if all(is_blank(v) for v in values):
                continue
            if sheet.rows:
                data_rows += 1
                if data_rows > max_rows:
                    problems.append(
                        ReadProblem(
                            file=path.name,
                            sheet=name,
                            message=tr("import.sheet.too_many_rows", limit=max_rows),
                        )
                    )
                    return None
            # The row number is the line where the record starts, as a spreadsheet opening the file shows it
            # (a value with a line break inside quotes makes one record span two lines).
            sheet.rows.append((reader.line_num - _line_breaks(values), tuple(values[:MAX_COLUMNS])))
    except csv.Error as exc:
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.csv_error", line=reader.line_num, detail=exc))
        )
        return None
    return sheet


def _line_breaks(values: list[str]) -> int:
    return sum(v.count("\n") for v in values)


def _sniff_delimiter(text: str) -> str:
    """``;`` (what a Latvian Excel writes) or ``,``: whichever the header line uses more, outside quotes."""
    for line in text.splitlines():
        if line.strip():
            outside = line.split('"')[::2]  # the parts outside double quotes
            semicolons = sum(part.count(";") for part in outside)
            commas = sum(part.count(",") for part in outside)
            return ";" if semicolons >= commas and semicolons else ","
    return ";"
