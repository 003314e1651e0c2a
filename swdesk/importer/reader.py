"""Reading the import files safely, SPEC §5: workbooks (``.xlsx``/``.xlsm``, ``.ods``, ``.xls``) and one
``.csv`` per sheet.

A workbook comes from outside the program (an e-mail attachment, another municipality's system), so it is
treated as hostile until proven otherwise:

* what a workbook file is, is read from its first bytes, not from its name: a ZIP archive is an ``.xlsx``
  workbook, or an OpenDocument spreadsheet (``.ods``) when its ``mimetype`` part says so; an OLE compound
  file is an Excel 97–2003 (``.xls``) workbook, or an ``.xlsx`` encrypted with a password; anything else is
  refused. A workbook saved under another program's extension is thus read as what it is;
* before a ZIP workbook is read, its container is inspected: one that would unpack to more than
  :data:`MAX_UNCOMPRESSED_BYTES`, an entry compressed more than :data:`MAX_RATIO` : 1 (a "zip bomb") or an
  XML part with a DOCTYPE is refused. Python's :mod:`zipfile` never returns more bytes than an entry
  declares, so the declared sizes checked here bound what is really unpacked;
* the XML is parsed by expat with every DTD, entity and external reference refused (as ``defusedxml``
  does; openpyxl reads its few small parts through ``defusedxml`` itself), so neither entity expansion
  ("billion laughs") nor external entities get in;
* sheets are read row by row as their XML is written (:mod:`swdesk.importer.ods` for ``.ods``), ignoring
  the dimension the file declares; a row out of order or beyond the last row of a spreadsheet, or wider than
  its last column, stops the sheet; reading stops after :data:`MAX_ROWS` data rows, and cells right of
  :data:`MAX_COLUMNS` are not kept. A cell that cannot be read becomes an
  :class:`~swdesk.importer.values.UnreadableCell`, a problem of its row and column;
* an ``.xls`` workbook is read by ``xlrd`` (:mod:`swdesk.importer.xls`), which holds the whole file and a
  sheet in memory: such a file is limited to :data:`MAX_XLS_BYTES`.

A CSV file is text, and its encoding is not written in it. Excel on a Latvian Windows saves "CSV" in
Windows-1257 (cp1257) and "CSV UTF-8" in UTF-8 with a byte order mark (BOM); LibreOffice asks. The rule
(:func:`csv_encoding`):

1. a BOM decides: UTF-8 (or UTF-16); a byte after it that is not of that encoding is refused;
2. a file that is valid UTF-8 throughout is UTF-8 (a file of plain ASCII reads the same either way);
3. a file that is not valid UTF-8 but holds Latvian letters written as UTF-8 (a byte C4 or C5 followed by a
   byte 80–BF; in Windows-1257 that would be "Ä" or "Å" followed by a symbol, which Latvian text never
   has) is part UTF-8 and part something else: it is **undecidable** and refused with the line of the first
   byte that is not UTF-8, since reading it either way would store wrong letters;
4. otherwise the file is Windows-1257, provided every byte is defined there (the bytes 81, 83, 88, 8A, 8C,
   90, 98, 9A, 9C, 9F, A1 and A5 are not): a file with such a byte is in neither encoding and is refused
   with its line. Windows-1257 has no C1 control characters, so every byte it accepts is a character a
   person can have typed; a C0 control character is a problem of its cell, as in UTF-8.

A workbook renamed to ``.csv`` is recognised by its first bytes and refused with advice.

Nothing here raises for a bad file: every refusal is a :class:`ReadProblem` with a message for the user.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import re
import unicodedata
import warnings
import zipfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from swdesk.i18n import define, tr
from swdesk.importer.values import UnreadableCell, fold, fold_diacritics, is_blank, shown

define(
    {
        "import.file.not_found": ("Fails vai mape nav atrasta.", "The file or folder does not exist."),
        "import.file.empty": ("Fails ir tukšs (0 baitu).", "The file is empty (0 bytes)."),
        "import.file.strict": (
            "Darbgrāmata saglabāta formātā «Strict Open XML Spreadsheet», ko swdesk nelasa. Atveriet to Excel un "
            "saglabājiet kā «Excel darbgrāmata (*.xlsx)» (Fails → Saglabāt kā); nekas netika importēts.",
            "The workbook is saved as 'Strict Open XML Spreadsheet', which swdesk does not read. Open it in "
            "Excel and save it as 'Excel Workbook (*.xlsx)' (File → Save As); nothing was imported.",
        ),
        "import.file.unsupported": (
            "Faila tips «{suffix}» netiek atbalstīts; saglabājiet datus kā darbgrāmatu (.xlsx, .xls vai "
            ".ods) vai kā .csv failus.",
            "The file type '{suffix}' is not supported; save the data as a workbook (.xlsx, .xls or .ods) "
            "or as .csv files.",
        ),
        "import.file.no_csv": ("Mapē nav neviena .csv faila.", "The folder holds no .csv file."),
        "import.file.not_zip": (
            "Fails nav darbgrāmata: tas nav ne .xlsx vai .ods fails (ZIP arhīvs), ne Excel 97–2003 (.xls) "
            "fails. Ja tas ir CSV teksts, dodiet tam nosaukumu ar paplašinājumu .csv.",
            "The file is not a workbook: it is neither an .xlsx or .ods file (a ZIP archive) nor an Excel "
            "97-2003 (.xls) file. If it is CSV text, give it a name ending in .csv.",
        ),
        "import.file.encrypted": (
            "Darbgrāmata ir aizsargāta ar paroli (šifrēta), tāpēc to nevar nolasīt: atveriet to Excel, "
            "noņemiet paroli (Fails → Informācija → Aizsargāt darbgrāmatu) un saglabājiet vēlreiz.",
            "The workbook is protected by a password (encrypted), so it cannot be read: open it in Excel, "
            "remove the password (File → Info → Protect Workbook) and save it again.",
        ),
        "import.file.ods_encrypted": (
            "Izklājlapa ir aizsargāta ar paroli (šifrēta), tāpēc to nevar nolasīt: atveriet to LibreOffice, "
            "noņemiet paroli (Fails → Rekvizīti → Drošība) un saglabājiet vēlreiz.",
            "The spreadsheet is protected by a password (encrypted), so it cannot be read: open it in "
            "LibreOffice, remove the password (File → Properties → Security) and save it again.",
        ),
        "import.file.other_opendocument": (
            "Fails ir OpenDocument dokuments, bet nav izklājlapa (tā veids ir «{kind}»); importam vajag "
            "izklājlapu (.ods), .xlsx vai .xls darbgrāmatu vai .csv failus.",
            "The file is an OpenDocument document but not a spreadsheet (its type is '{kind}'); the import "
            "needs a spreadsheet (.ods), an .xlsx or .xls workbook or .csv files.",
        ),
        "import.file.unreadable_ods": (
            "Failu nevar nolasīt kā OpenDocument izklājlapu (.ods) ({detail}).",
            "The file cannot be read as an OpenDocument spreadsheet (.ods) ({detail}).",
        ),
        "import.file.unreadable_xls": (
            "Failu nevar nolasīt kā Excel 97–2003 darbgrāmatu (.xls) ({detail}).",
            "The file cannot be read as an Excel 97-2003 workbook (.xls) ({detail}).",
        ),
        "import.file.xls_no_workbook": (
            "OLE failā nav Excel darbgrāmatas — tas var būt cits Office dokuments, piem., Word",
            "the OLE file holds no Excel workbook — it may be another Office document, e.g. Word",
        ),
        "import.file.xls_damaged": (
            "faila iekšējā struktūra ir bojāta",
            "the inner structure of the file is damaged",
        ),
        "import.file.xls_too_large": (
            "Excel 97–2003 (.xls) fails ir lielāks par {limit} MB; imports atteikts. Atveriet to Excel vai "
            "LibreOffice un saglabājiet kā .xlsx darbgrāmatu, ko var nolasīt pa daļām.",
            "The Excel 97-2003 (.xls) file is larger than {limit} MB; import refused. Open it in Excel or "
            "LibreOffice and save it as an .xlsx workbook, which can be read piece by piece.",
        ),
        "import.file.truncated": (
            "Fails ir bojāts vai nepilnīgs: ZIP arhīvs beidzas pāragri (iespējams, fails nav līdz galam "
            "lejupielādēts vai nokopēts). Saglabājiet vai nokopējiet to vēlreiz.",
            "The file is damaged or incomplete: the ZIP archive ends too early (perhaps the file was not "
            "completely downloaded or copied). Save or copy it again.",
        ),
        "import.file.damaged_zip": (
            "ZIP arhīvs ir bojāts — saspiestie dati neatbilst to kontrolsummai vai nav atarhivējami",
            "the ZIP archive is damaged — the compressed data do not match their checksum or cannot be "
            "unpacked",
        ),
        "import.file.zip_encrypted": (
            "arhīva daļas ir šifrētas ar paroli",
            "the parts of the archive are encrypted with a password",
        ),
        "import.file.zip_method": (
            "arhīvā izmantota neatbalstīta saspiešanas metode",
            "the archive uses an unsupported compression method",
        ),
        "import.file.missing_part": (
            "darbgrāmatā trūkst daļas «{part}»",
            "the part '{part}' of the workbook is missing",
        ),
        "import.file.no_workbook_part": (
            "arhīvā nav Excel darbgrāmatas daļas",
            "the archive holds no Excel workbook part",
        ),
        "import.file.bad_xml": (
            "XML nav pareizi veidots ({line}. rindā, {column}. zīmē)",
            "the XML is not well-formed (line {line}, character {column})",
        ),
        "import.file.bad_value": (
            "failā ir vērtība, ko nevar nolasīt",
            "the file holds a value that cannot be read",
        ),
        "import.file.bad_reference": (
            "failā ir atsauce uz neesošu daļu vai tekstu",
            "the file refers to a part or a text that does not exist",
        ),
        "import.file.internal": (
            "neparedzēta kļūda {name}",
            "unexpected error {name}",
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
        "import.file.csv_bom_broken": (
            "Fails sākas ar {encoding} kodējuma zīmi (BOM), bet tā {position}. baits nav {encoding} "
            "kodējumā; fails ir bojāts vai salikts no dažādiem failiem. Saglabājiet to vēlreiz kā «CSV "
            "UTF-8».",
            "The file starts with the mark of the {encoding} encoding (BOM), but its byte {position} is not "
            "{encoding}; the file is damaged or pieced together from different files. Save it again as "
            "'CSV UTF-8'.",
        ),
        "import.file.csv_mixed": (
            "Failā ir jaukti kodējumi: daļa teksta ir UTF-8 ({utf8_line}. rindā), bet {position}. baits nav "
            "UTF-8, tāpēc nevar droši zināt, kādi burti tajā rakstīti. Saglabājiet failu vēlreiz kā «CSV "
            "UTF-8».",
            "The file mixes encodings: part of the text is UTF-8 (line {utf8_line}), but byte {position} is "
            "not UTF-8, so the letters cannot be known for certain. Save the file again as 'CSV UTF-8'.",
        ),
        "import.file.csv_encoding": (
            "Fails nav ne UTF-8, ne Windows-1257 (baltiešu) kodējumā: tā {position}. baits (0x{byte}) "
            "nevienā no tiem nav rakstzīme. Saglabājiet failu kā «CSV UTF-8».",
            "The file is neither UTF-8 nor Windows-1257 (Baltic) encoded: its byte {position} (0x{byte}) is "
            "a character in neither. Save the file as 'CSV UTF-8'.",
        ),
        "import.file.csv_is_workbook": (
            "Fails nav CSV teksts, bet {kind} ar nosaukumu .csv; dodiet tam paplašinājumu {suffix} vai "
            "saglabājiet lapu kā «CSV UTF-8».",
            "The file is not CSV text but {kind} named .csv; give it the extension {suffix} or save the "
            "sheet as 'CSV UTF-8'.",
        ),
        "import.file.kind_xlsx": ("Excel darbgrāmata", "an Excel workbook"),
        "import.file.kind_ods": ("OpenDocument izklājlapa", "an OpenDocument spreadsheet"),
        "import.file.kind_xls": ("Excel 97–2003 darbgrāmata", "an Excel 97-2003 workbook"),
        "import.file.csv_error": (
            "CSV failu nevar nolasīt ({line}. rinda): {detail}",
            "The CSV file cannot be read (line {line}): {detail}",
        ),
        "import.file.csv_field_too_long": (
            "vērtība ir garāka par {limit} zīmēm — visticamāk, kādai pēdiņai trūkst pārīša",
            "a value is longer than {limit} characters — most likely a quotation mark has no partner",
        ),
        "import.file.csv_malformed": ("faila formāts nav CSV", "the file is not in CSV format"),
        "import.sheet.too_many_rows": (
            "Lapā ir vairāk nekā {limit} datu rindu; lasīšana apturēta. Sadaliet datus vairākos failos.",
            "The sheet has more than {limit} data rows; reading stopped. Split the data into several files.",
        ),
        "import.sheet.row_order": (
            "Rinda {row} failā ierakstīta vēlreiz vai nepareizā secībā (pēc {previous}. rindas); fails nav "
            "tāds, kādu to saglabā Excel. Atveriet to Excel vai LibreOffice un saglabājiet vēlreiz.",
            "Row {row} is written again or out of order in the file (after row {previous}); the file is not "
            "as Excel saves it. Open it in Excel or LibreOffice and save it again.",
        ),
        "import.sheet.row_beyond": (
            "Rindas numurs {row} pārsniedz Excel lapas pēdējo rindu {limit}; fails ir bojāts.",
            "The row number {row} is beyond the last row {limit} of an Excel sheet; the file is damaged.",
        ),
        "import.sheet.row_too_wide": (
            "Rindā {row} ir vairāk nekā {limit} šūnu (Excel lapas platums); fails ir bojāts.",
            "Row {row} holds more than {limit} cells (the width of an Excel sheet); the file is damaged.",
        ),
        "import.sheet.unexpected_element": (
            "starp rindām ir elements «{name}», kādu Excel tur neraksta",
            "there is an element '{name}' between the rows, which Excel does not write there",
        ),
        "import.sheet.bad_row_number": (
            "rindas numurs «{value}» nav skaitlis",
            "the row number '{value}' is not a number",
        ),
        "import.sheet.unreadable": (
            "Lapu nevar nolasīt tālāk par {after}. rindu: {detail}.",
            "The sheet cannot be read beyond row {after}: {detail}.",
        ),
        "import.sheet.xls_unreadable": (
            "Lapu nevar nolasīt: {detail}.",
            "The sheet cannot be read: {detail}.",
        ),
        "import.cell.bad_shared": (
            "šūna norāda uz tekstu nr. {value}, kura failā nav",
            "the cell refers to the text no. {value}, which the file does not hold",
        ),
        "import.cell.bad_bool": (
            "loģiskās vērtības šūnā ir «{value}», nevis 1 vai 0",
            "the logical cell holds '{value}' instead of 1 or 0",
        ),
        "import.cell.bad_date": (
            "datuma šūnā ir «{value}», kas nav datums",
            "the date cell holds '{value}', which is not a date",
        ),
        "import.cell.bad_number": (
            "skaitļa šūnā ir «{value}», kas nav skaitlis",
            "the number cell holds '{value}', which is not a number",
        ),
        "import.cell.bad_style": (
            "šūnas formāta numurs «{value}» nav skaitlis",
            "the cell's format number '{value}' is not a number",
        ),
        "import.cell.bad_ods_bool": (
            "loģiskās vērtības šūnā ir «{value}», nevis true vai false",
            "the logical cell holds '{value}' instead of true or false",
        ),
        "import.cell.bad_time": (
            "laika šūnā ir «{value}», kas nav laiks",
            "the time cell holds '{value}', which is not a time",
        ),
        "import.cell.text_too_long": (
            "šūnas teksts ir garāks par {limit} zīmēm",
            "the text of the cell is longer than {limit} characters",
        ),
        "import.sheet.ods_row_beyond": (
            "Rindas numurs {row} pārsniedz izklājlapas pēdējo rindu {limit}; fails ir bojāts.",
            "The row number {row} is beyond the last row {limit} of a spreadsheet; the file is damaged.",
        ),
        "import.sheet.ods_row_too_wide": (
            "Rindā {row} ir vairāk nekā {limit} šūnu (izklājlapas platums); fails ir bojāts.",
            "Row {row} holds more than {limit} cells (the width of a spreadsheet); the file is damaged.",
        ),
        "import.sheet.ods_bad_repeat": (
            "atkārtojumu skaits «{value}» nav pozitīvs vesels skaitlis",
            "the repeat count '{value}' is not a positive whole number",
        ),
        "import.sheet.ods_too_many_spaces": (
            "lapā ir vairāk nekā {limit} atstarpju, kas ierakstītas kā skaits (text:s); tādu failu "
            "izklājlapu programma nesaglabā",
            "the sheet holds more than {limit} spaces written as a count (text:s); no spreadsheet program "
            "saves such a file",
        ),
        "import.cell.date_out_of_range": (
            "datuma šūnā ir skaitlis {value}, kas nav iespējams datums",
            "the date cell holds the number {value}, which is not a possible date",
        ),
        "import.file.part_too_large": (
            "darbgrāmatas daļa «{part}» ir {size} MB liela, atļauti {limit} MB",
            "the part '{part}' of the workbook is {size} MB large, {limit} MB allowed",
        ),
        "import.cell.too_many_digits": (
            "skaitlī ir pārāk daudz ciparu",
            "the number has too many digits",
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
# Excel's last row; a larger row number (or rows out of order) means a file no spreadsheet program wrote.
EXCEL_MAX_ROWS = 1_048_576
# Excel's number of columns: a row with more cells than that is refused before it fills the memory; so is
# a row of more XML elements (cells, values, pieces of rich text) than eight per cell.
MAX_CELLS_PER_ROW = 16_384
MAX_ELEMENTS_PER_ROW = 8 * MAX_CELLS_PER_ROW
# The parts openpyxl reads whole (the list of parts, the workbook, its relationships, the styles) are a few
# kilobytes in any real workbook.
MAX_WHOLE_PART_BYTES = 10 * MB
# xlrd reads an .xls file whole, and the cells of a sheet and the shared strings into Python objects, up to
# ~12 bytes of memory for each byte of the file (a table of millions of two-letter texts); a real .xls of
# the largest sheet that format allows (65 536 rows) is well under this.
MAX_XLS_BYTES = 10 * MB
# The longest text a cell may hold (Excel's limit is 32 767 characters); a longer one is not kept.
MAX_CELL_CHARS = 1_000_000

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
    # False when reading stopped early (too many rows, a damaged sheet): the rows are left out
    complete: bool = True


@dataclass
class ReadResult:
    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_sources(
    paths: Iterable[Path | str], *, sheet_names: Iterable[str], max_rows: int = MAX_ROWS
) -> ReadResult:
    """Read every given file: workbooks (``.xlsx``, ``.xlsm``, ``.ods``, ``.xls``), ``.csv`` files and
    folders of ``.csv`` files.

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
            for sheet in _read_workbook(path, keep=keep, max_rows=max_rows, problems=result.problems):
                add(sheet)
    return result


# The file name extensions read as workbooks; what a workbook really is comes from its content.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


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
        elif path.suffix.lower() not in (*WORKBOOK_SUFFIXES, ".csv"):
            result.problems.append(
                ReadProblem(
                    file=path.name, message=tr("import.file.unsupported", suffix=path.suffix or path.name)
                )
            )
        elif path.stat().st_size == 0:
            result.problems.append(ReadProblem(file=path.name, message=tr("import.file.empty")))
        else:
            yield path


def _read_workbook(path: Path, *, keep: Any, max_rows: int, problems: list[ReadProblem]) -> list[RawSheet]:
    """The sheets of a workbook, read by the reader of what the file is (not of what its name says)."""
    kind, refusal = workbook_kind(path)
    if refusal is None and kind in ("xlsx", "ods"):
        refusal = inspect_zip(path, unreadable="import.file.unreadable_ods" if kind == "ods" else None)
    if refusal is not None:
        problems.append(ReadProblem(file=path.name, message=refusal))
        return []
    if kind == "ods":
        from swdesk.importer.ods import read_ods

        return read_ods(path, keep=keep, max_rows=max_rows, problems=problems)
    if kind == "xls":
        from swdesk.importer.xls import read_xls

        return read_xls(path, keep=keep, max_rows=max_rows, problems=problems)
    return _read_xlsx(path, keep=keep, max_rows=max_rows, problems=problems)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."


def workbook_kind(path: Path) -> tuple[str | None, str | None]:
    """What the file at ``path`` is — ``"xlsx"``, ``"ods"`` or ``"xls"`` — or None and why it cannot be read.

    Told from the first bytes: an OLE compound file is an .xls workbook unless it holds an encrypted package
    (a password-protected .xlsx); a ZIP archive is an OpenDocument spreadsheet when its ``mimetype`` part
    (or, without one, a ``content.xml`` and no ``[Content_Types].xml``) says so, else an .xlsx workbook.
    """
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if head.startswith(_OLE_MAGIC):
        # An encrypted .xlsx is an OLE file with the streams EncryptionInfo and EncryptedPackage, whose
        # names are in the directory near the start of the file (UTF-16).
        if "EncryptedPackage".encode("utf-16-le") in head:
            return None, tr("import.file.encrypted")
        return "xls", None
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            return None, tr("import.file.truncated")
        return None, tr("import.file.not_zip")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as stream:
                    mimetype = stream.read(200).strip()
                if mimetype == ODS_MIMETYPE:
                    return "ods", None
                if mimetype.startswith(_OPENDOCUMENT):
                    kind = mimetype.decode("ascii", "replace").rpartition(".")[2]
                    return None, tr("import.file.other_opendocument", kind=shown(kind))
            if "content.xml" in names and "[Content_Types].xml" not in names:
                return "ods", None
    except Exception:  # noqa: BLE001 - a damaged archive is described by inspect_zip
        pass
    return "xlsx", None


# --- xlsx ----------------------------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# How far into an XML part its prolog (declaration, comments, DOCTYPE) may reach before the root element.
_PROLOG_BYTES = 64 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def inspect_zip(path: Path, *, unreadable: str | None = None) -> str | None:
    """Why the ZIP workbook at ``path`` must not be opened (too large unpacked, a zip bomb, a DTD) or None.
    Only the ZIP directory and the first bytes of the XML parts are read. ``unreadable`` is the message key
    that says which kind of workbook could not be read (an Excel workbook unless told otherwise)."""
    unreadable = unreadable or "import.file.unreadable"
    if not zipfile.is_zipfile(path):
        return _not_a_zip(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
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
            for entry in entries:
                if entry.filename.lower().endswith((".xml", ".rels")) and _declares_a_dtd(archive, entry):
                    return tr(unreadable, detail=tr("import.file.unsafe_xml"))
    except Exception as exc:  # noqa: BLE001 - a damaged directory or part is a refusal, never a crash
        return tr(unreadable, detail=_describe(exc))
    return None


def _not_a_zip(path: Path) -> str:
    """Not a ZIP archive: a ZIP cut short, or something else entirely."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04"):
        return tr("import.file.truncated")
    return tr("import.file.not_zip")


def _declares_a_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether an XML part has a DOCTYPE before its root element (no spreadsheet program writes one; it is
    how entity expansion and external entities get in, which defusedxml would refuse anyway)."""
    with archive.open(entry) as stream:
        head = stream.read(_PROLOG_BYTES)
    root = _ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    return bool(_DOCTYPE.search(prolog)) or (root is None and len(head) == _PROLOG_BYTES)


def _read_xlsx(path: Path, *, keep: Any, max_rows: int, problems: list[ReadProblem]) -> list[RawSheet]:
    """The sheets of an .xlsx workbook that :func:`inspect_zip` let through."""
    from openpyxl.packaging.relationship import get_rels_path
    from openpyxl.reader.excel import ExcelReader, _find_workbook_part
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, ARC_STYLE, SHARED_STRINGS

    sheets: list[RawSheet] = []
    reader = None
    stack = contextlib.ExitStack()
    try:
        # openpyxl warns about parts it does not read (extensions, print settings, LibreOffice's data
        # validation); none of them holds data, and pytest turns warnings into errors.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # (given an open file rather than its name, openpyxl does not refuse a name not ending in .xlsx)
            reader = ExcelReader(stack.enter_context(open(path, "rb")), read_only=True, data_only=True,
                                 keep_links=False)  # fmt: skip
            archive = reader.archive
            # What openpyxl's reader.read() does, up to the sheets: the list of parts, the workbook (sheet
            # names, the 1900 or 1904 calendar) and the styles (which cells are dates); openpyxl parses
            # each of these parts whole, so each must be of a sensible size. Its worksheet objects are not
            # made (each would parse its whole sheet just to look for a <dimension>), and the shared
            # strings and the sheets are read here, as streams.
            _check_part_size(archive, ARC_CONTENT_TYPES)
            reader.read_manifest()
            workbook_part = _find_workbook_part(reader.package).PartName[1:]
            _check_part_size(archive, workbook_part)
            if _is_strict(archive, workbook_part):
                # openpyxl knows only the Transitional namespaces: it would find no sheet in the workbook
                problems.append(ReadProblem(file=path.name, message=tr("import.file.strict")))
                return []
            _check_part_size(archive, get_rels_path(workbook_part))
            reader.read_workbook()
            _check_part_size(archive, ARC_STYLE)
            apply_stylesheet(archive, reader.wb)
            strings_part = reader.package.find(SHARED_STRINGS)
            shared_strings = (
                _read_shared_strings(archive, strings_part.PartName[1:]) if strings_part else _SharedStrings()
            )
            book = reader.wb
            for entry, rel in reader.parser.find_sheets():
                if "chartsheet" in rel.Type:
                    continue
                name = keep(entry.name.strip(), path, loose=False)
                if name is None:
                    continue
                if rel.target not in reader.valid_files:
                    detail = tr("import.file.missing_part", part=rel.target)
                    problems.append(ReadProblem(file=path.name, message=tr("import.file.unreadable", detail=detail)))
                    continue
                source = _SheetSource(
                    archive=archive,
                    member=rel.target,
                    shared_strings=shared_strings,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                sheet = RawSheet(name=name, file=path.name)
                _read_worksheet(source, sheet=sheet, max_rows=max_rows, problems=problems)
                sheets.append(sheet)
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is a refusal, never a crash
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.unreadable", detail=_describe(exc)))
        )
        return []
    finally:
        if reader is not None:
            reader.archive.close()
        stack.close()
    return sheets


STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def _is_strict(archive: zipfile.ZipFile, workbook_part: str) -> bool:
    """Whether the workbook is saved as "Strict Open XML Spreadsheet" (ISO/IEC 29500 Strict)."""
    with archive.open(workbook_part) as fh:
        return STRICT_NAMESPACE in fh.read(4096)


def _check_part_size(archive: zipfile.ZipFile, member: str) -> None:
    """A part that openpyxl parses whole (into a tree of objects) must be small enough for that."""
    try:
        size = archive.getinfo(member).file_size
    except KeyError:
        return  # openpyxl reports a missing part that it needs
    if size > MAX_WHOLE_PART_BYTES:
        raise Damaged(
            tr("import.file.part_too_large", part=member, size=-(-size // MB), limit=MAX_WHOLE_PART_BYTES // MB)
        )


@dataclass(frozen=True)
class _SheetSource:
    """Where one sheet's XML is and what reading its cells needs."""

    archive: zipfile.ZipFile
    member: str
    shared_strings: Any
    epoch: Any
    date_formats: Any
    timedelta_formats: Any


def _read_worksheet(source: _SheetSource, *, sheet: RawSheet, max_rows: int, problems: list[ReadProblem]) -> None:
    """Read the rows of one sheet as they are written in its XML.

    Values are the results Excel stored (a formula's result, not the formula); a formula whose result was
    never stored (a file written by a program, not by Excel) is noted in ``sheet.formulas``. Rows must come
    in increasing order within Excel's 1 048 576, as Excel writes them: openpyxl's own reading would fill a
    gap up to row 2 000 000 000 one empty row at a time and silently drop a row written out of order.
    """
    previous = 0
    data_rows = 0

    def refuse(key: str, at: int | None, **values: Any) -> None:
        problems.append(ReadProblem(file=sheet.file, sheet=sheet.name, row=at, message=tr(key, **values)))
        sheet.rows.clear()
        sheet.formulas.clear()
        sheet.complete = False

    try:
        for number, values, formulas in _SheetParser(source).rows():
            if number <= previous:
                return refuse("import.sheet.row_order", number, row=number, previous=previous)
            if number > EXCEL_MAX_ROWS:
                return refuse("import.sheet.row_beyond", number, row=number, limit=EXCEL_MAX_ROWS)
            previous = number
            if not formulas and all(is_blank(v) for v in values):
                continue
            if sheet.rows:
                data_rows += 1
                if data_rows > max_rows:
                    return refuse("import.sheet.too_many_rows", number, limit=max_rows)
            for column, formula in formulas.items():
                sheet.formulas[(number, column)] = formula
            sheet.rows.append((number, values))
    except _RowTooWide as exc:
        return refuse("import.sheet.row_too_wide", exc.row, row=exc.row, limit=MAX_CELLS_PER_ROW)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet is refused with the place it broke off
        from defusedxml import DefusedXmlException

        if isinstance(exc, DefusedXmlException):
            raise  # the whole file is unsafe
        refuse("import.sheet.unreadable", None, after=previous, detail=_describe(exc))
    return None


class Damaged(Exception):
    """A file or sheet that cannot be what a spreadsheet program writes; ``str()`` is the reason for the user."""


class _RowTooWide(Exception):
    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


def _safe_expat() -> Any:
    """An expat parser that refuses what defusedxml refuses (a DTD, entities, external references).

    No spreadsheet program writes a DOCTYPE; without one no entity can be declared, so neither entity
    expansion ("billion laughs") nor external entities can get in.
    """
    from xml.parsers import expat

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    parser = expat.ParserCreate(namespace_separator=" ")

    def doctype(name: str, sysid: Any, pubid: Any, internal: Any) -> None:
        raise DTDForbidden(name, sysid, pubid)

    def entity(name: str, *args: Any) -> None:
        raise EntitiesForbidden(name, None, None, None, None, None)

    def external(context: Any, base: Any, sysid: Any, pubid: Any) -> int:
        raise ExternalReferenceForbidden(context, base, sysid, pubid)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def _parse_stream(parser: Any, stream: Any, ready: list[Any], done: Any) -> Iterator[Any]:
    """Feed ``stream`` to ``parser`` in pieces, yielding what the handlers put in ``ready`` after each."""
    while chunk := stream.read(64 * 1024):
        parser.Parse(chunk, False)
        yield from ready
        ready.clear()
        if done():
            return
    parser.Parse(b"", True)
    yield from ready
    ready.clear()


_COLUMN_LETTERS = re.compile(r"([A-Za-z]{1,3})")
# The namespaces of SpreadsheetML (transitional, as Excel writes it, and strict) and none at all.
_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "",
)


class _LocalNames(dict):  # type: ignore[type-arg]
    """Element name as expat gives it ("namespace local") → its local name, or "" for another namespace.

    expat hands out the same string object for the same name, so looking it up here is cheaper than
    splitting it at every element."""

    def __missing__(self, name: str) -> str:
        namespace, _, local = name.rpartition(" ")
        self[name] = local if namespace in _MAIN_NAMESPACES else ""
        return self[name]


@functools.lru_cache(maxsize=4096)
def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


# The elements of a cell that carry its value, and the ends of elements that the parser acts on.
_CELL_PARTS = frozenset({"v", "f", "is", "rPh", "t"})
_ENDS_THAT_MATTER = frozenset({"sheetData", "row", "c", "v", "f", "t", "rPh"})


class _SheetParser:
    """Reads the rows of one sheet's XML with expat, keeping nothing but the row being read.

    The values are what openpyxl's reader (``data_only``) gives — the stored results, numbers, dates for
    date-formatted numbers (in the workbook's 1900 or 1904 calendar), shared and inline strings, booleans,
    Excel errors as their text — but a cell that cannot be read becomes an
    :class:`~swdesk.importer.values.UnreadableCell` instead of failing the whole file, and a formula whose
    result was never stored is noted. Parsing stops at the end of the rows: what follows them (merged
    cells, formats, page set-up) holds no data.
    """

    def __init__(self, source: _SheetSource) -> None:
        self.source = source
        self.ready: list[tuple[int, tuple[Any, ...], dict[int, str]]] = []
        self.in_data = self.finished = False
        self.row: int | None = None
        self.previous = 0
        self.elements = self.cell_count = 0
        self.cells: dict[int, Any] = {}
        self.formulas: dict[int, str] = {}
        self.column = 0
        self.cell: dict[str, Any] | None = None
        self.text: list[str] | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0
        self.shared_formulas: dict[str, tuple[str, str]] = {}
        self.names = _LocalNames()

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...], dict[int, str]]]:
        parser = _safe_expat()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data
        with self.source.archive.open(self.source.member) as stream:
            yield from _parse_stream(parser, stream, self.ready, lambda: self.finished)

    # --- expat handlers ---

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = self.names[name]
        if self.row is not None:  # most elements are in a row: cells, values, pieces of text
            self.elements += 1
            if self.elements > MAX_ELEMENTS_PER_ROW:
                raise _RowTooWide(self.row)
            if local == "c":
                self._start_cell(attrs)
            elif self.cell is not None and local in _CELL_PARTS:
                self._start_cell_part(local, attrs)
            return
        if not self.in_data:
            self.in_data = local == "sheetData" and not self.finished
            return
        if local != "row":
            # Nothing but rows may stand between the rows (ECMA-376 CT_SheetData); millions of empty
            # elements there would only cost time to look at.
            raise Damaged(tr("import.sheet.unexpected_element", name=shown(name.rpartition(" ")[2])))
        text = attrs.get("r")
        if text is None:
            self.row = self.previous + 1
        elif text.isascii() and text.isdigit():
            self.row = int(text)
        else:
            raise Damaged(tr("import.sheet.bad_row_number", value=shown(text)))
        self.previous = self.row
        self.elements = self.cell_count = self.column = 0
        self.cells, self.formulas = {}, {}

    def _start_cell(self, attrs: dict[str, str]) -> None:
        self.cell_count += 1
        if self.cell_count > MAX_CELLS_PER_ROW:
            raise _RowTooWide(self.row or 0)
        reference = attrs.get("r")
        match = _COLUMN_LETTERS.match(reference) if reference else None
        self.column = _column_index(match.group(1)) if match else self.column + 1
        self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s"), "r": reference, "v": None, "f": None}

    def _start_cell_part(self, local: str, attrs: dict[str, str]) -> None:
        if local == "v":
            self.text = []
        elif local == "f":
            self.text = []
            self.cell["f"] = attrs  # type: ignore[index]
        elif local == "is":
            self.inline = []
        elif local == "rPh":
            self.phonetic += 1  # the phonetic reading of East Asian text is not the value
        elif local == "t" and self.inline is not None and not self.phonetic:
            self.text = []

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        local = self.names[name]
        if local not in _ENDS_THAT_MATTER or not self.in_data:
            return
        cell = self.cell
        if local == "sheetData":
            self.in_data, self.finished = False, True
        elif local == "row":
            if self.row is not None:
                self.ready.append((self.row, *self._row_values()))
                self.row = None
        elif cell is None:
            return
        elif local == "c":
            self._finish_cell(cell)
            self.cell = self.inline = None
        elif local == "v" and self.text is not None:
            cell["v"] = "".join(self.text)
            self.text = None
        elif local == "f" and self.text is not None:
            cell["f"] = (cell["f"], "".join(self.text))
            self.text = None
        elif local == "t" and self.text is not None and self.inline is not None:
            self.inline.append("".join(self.text))
            self.text = None
        elif local == "rPh":
            self.phonetic -= 1

    # --- cells ---

    def _finish_cell(self, cell: dict[str, Any]) -> None:
        index = self.column - 1
        formula = self._formula(cell)  # also keeps a shared formula for the cells after it
        if not 0 <= index < MAX_COLUMNS:
            return
        try:
            value = self._value(cell)
        except Exception:  # noqa: BLE001 - one unreadable cell is a problem of that cell
            style = cell["s"]
            is_date = bool(style) and style.isdigit() and int(style) in self.source.date_formats
            value = UnreadableCell(_cell_reason(cell, is_date=is_date))
        self.cells[index] = value
        if formula is not None and value is None:
            self.formulas[index] = formula
        else:
            self.formulas.pop(index, None)

    def _value(self, cell: dict[str, Any]) -> Any:
        kind = cell["t"]
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        value = cell["v"] or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if ("." in value or "e" in value or "E" in value) else int(value)
            style = int(cell["s"]) if cell["s"] else 0
            if style in self.source.date_formats:
                from openpyxl.utils.datetime import from_excel

                return from_excel(number, self.source.epoch, timedelta=style in self.source.timedelta_formats)
            return number
        if kind == "s":
            return self.source.shared_strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(value)
        return value  # "str" (the text a formula gave), "e" (an Excel error such as #N/A)

    def _formula(self, cell: dict[str, Any]) -> str | None:
        """The formula as the user would see it (shared formulas translated to the cell), or None."""
        if cell["f"] is None:
            return None
        attrs, text = cell["f"] if isinstance(cell["f"], tuple) else (cell["f"], "")
        if attrs.get("t") != "shared":
            return "=" + text
        group = attrs.get("si", "")
        here = cell["r"] or f"{get_column_letter(max(self.column, 1))}{self.row}"
        if text:
            self.shared_formulas[group] = (text, here)
            return "=" + text
        if group not in self.shared_formulas:
            return "="
        master, origin = self.shared_formulas[group]
        try:
            from openpyxl.formula.translate import Translator

            return str(Translator("=" + master, origin).translate_formula(here))
        except Exception:  # noqa: BLE001 - a formula that cannot be translated is shown as written
            return "=" + master

    def _row_values(self) -> tuple[tuple[Any, ...], dict[int, str]]:
        filled = [i for i, v in self.cells.items() if v is not None] + list(self.formulas)
        width = max(filled, default=-1) + 1
        return tuple(self.cells.get(i) for i in range(width)), self.formulas


def _cell_reason(cell: dict[str, Any], *, is_date: bool) -> str:
    """Why a cell could not be read, from what it holds: its type and stored value."""
    stored = cell.get("v") or ""
    value = shown(stored)
    kind = cell.get("t", "n")
    if kind == "s":
        return tr("import.cell.bad_shared", value=value)
    if kind == "b":
        return tr("import.cell.bad_bool", value=value)
    if kind == "d":
        return tr("import.cell.bad_date", value=value)
    if cell.get("s") and not str(cell["s"]).isdigit():
        return tr("import.cell.bad_style", value=shown(cell["s"]))
    if is_date and re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", stored.strip()):
        return tr("import.cell.date_out_of_range", value=value)
    if re.fullmatch(r"[+-]?\d+", stored.strip()):
        return tr("import.cell.too_many_digits")
    return tr("import.cell.bad_number", value=value)


class _SharedStrings:
    """The shared strings of a workbook, kept as UTF-8 in one buffer: a list of millions of short Python
    strings would take several times the memory of the XML they came from."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self._ends):
            raise IndexError(index)
        start = self._ends[index - 1] if index else 0
        return self._data[start : self._ends[index]].decode("utf-8", "surrogatepass")


def _read_shared_strings(archive: zipfile.ZipFile, member: str) -> _SharedStrings:
    """The shared string table: for each ``<si>``, its text and the text of its rich-text runs (not the
    phonetic reading), as openpyxl reads it, but without keeping the XML or a Python string per item."""
    strings = _SharedStrings()
    parts: list[str] = []
    state: dict[str, Any] = {"text": None, "phonetic": 0}
    names = _LocalNames()

    def start(name: str, attrs: dict[str, str]) -> None:
        local = names[name]
        if local == "t" and not state["phonetic"]:
            state["text"] = []
        elif local == "rPh":
            state["phonetic"] += 1

    def data(text: str) -> None:
        if state["text"] is not None:
            state["text"].append(text)

    def end(name: str) -> None:
        local = names[name]
        if local == "t" and state["text"] is not None:
            parts.append("".join(state["text"]))
            state["text"] = None
        elif local == "rPh":
            state["phonetic"] -= 1
        elif local == "si":
            strings.append("".join(parts).replace("x005F_", ""))  # as openpyxl does
            parts.clear()

    parser = _safe_expat()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    with archive.open(member) as stream:
        for _ in _parse_stream(parser, stream, [], lambda: False):
            pass
    return strings


def _describe(exc: BaseException) -> str:
    """A short reason for the user, in their language; the innermost cause, as openpyxl wraps errors."""
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    from defusedxml import DefusedXmlException

    chain = [exc]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) is not None and len(chain) < 10:
        chain.append(cause)
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return tr("import.file.unsafe_xml")
    if isinstance(exc, Damaged):
        return str(exc)
    inner = chain[-1]
    text = str(inner)
    if isinstance(inner, ParseError | ExpatError):
        line, column = getattr(inner, "position", None) or (getattr(inner, "lineno", 0), getattr(inner, "offset", 0))
        return tr("import.file.bad_xml", line=line, column=column)
    if isinstance(inner, zipfile.BadZipFile | zlib.error | EOFError):
        return tr("import.file.damaged_zip")
    if isinstance(inner, RuntimeError) and "encrypted" in text:
        return tr("import.file.zip_encrypted")
    if isinstance(inner, NotImplementedError) and "compression" in text:
        return tr("import.file.zip_method")
    if isinstance(inner, KeyError) and "There is no item named" in text:
        match = re.search(r"named '([^']*)'", text)
        return tr("import.file.missing_part", part=match.group(1) if match else "?")
    if isinstance(inner, OSError) and "no valid workbook part" in text:
        return tr("import.file.no_workbook_part")
    if isinstance(inner, ValueError) and ("digits" in text or "literal" in text or "convert" in text):
        return tr("import.file.bad_value")
    if isinstance(inner, IndexError):
        return tr("import.file.bad_reference")
    return tr("import.file.internal", name=type(inner).__name__)


# --- csv -----------------------------------------------------------------------------------------------


def _read_csv(path: Path, *, name: str, max_rows: int, problems: list[ReadProblem]) -> RawSheet | None:
    """One CSV file as the sheet ``name``: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1257 (see
    :func:`csv_encoding`), ``;`` or ``,`` between values.

    The file is read as a stream, one record at a time, so that memory does not grow with its size.
    """
    if path.stat().st_size > MAX_CSV_BYTES:
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.csv_too_large", limit=MAX_CSV_BYTES // MB))
        )
        return None
    encoding = csv_encoding(path)
    if encoding.refusal is not None:
        problems.append(ReadProblem(file=path.name, row=encoding.line, message=encoding.refusal))
        return None
    sheet = RawSheet(name=name, file=path.name)
    with open(path, encoding=encoding.codec, newline="") as fh:
        delimiter = _sniff_delimiter(fh)
        fh.seek(0)  # back to the start; the codec skips the BOM again
        reader = csv.reader(fh, delimiter=delimiter)
        data_rows = 0
        try:
            for values in reader:
                if all(is_blank(v) for v in values):
                    continue
                # The row number is the line where the record starts, as a spreadsheet opening the file
                # shows it (a value with a line break inside quotes makes one record span two lines).
                number = reader.line_num - _line_breaks(values)
                if sheet.rows:
                    data_rows += 1
                    if data_rows > max_rows:
                        problems.append(
                            ReadProblem(
                                file=path.name,
                                sheet=name,
                                row=number,
                                message=tr("import.sheet.too_many_rows", limit=max_rows),
                            )
                        )
                        sheet.rows.clear()
                        sheet.complete = False
                        return sheet
                sheet.rows.append((number, tuple(values[:MAX_COLUMNS])))
        except csv.Error as exc:
            problems.append(
                ReadProblem(
                    file=path.name,
                    message=tr("import.file.csv_error", line=reader.line_num, detail=_describe_csv(exc)),
                )
            )
            sheet.rows.clear()
            sheet.complete = False
    return sheet


@dataclass(frozen=True)
class CsvEncoding:
    """How a CSV file is to be decoded (a Python codec name), or why it cannot be, and the line where."""

    codec: str | None
    refusal: str | None = None
    line: int | None = None


# Latvian letters (U+0100–U+017F) written in UTF-8: in Windows-1257 these bytes are "Ä" or "Å" followed by a
# symbol, which no Latvian text holds.
_UTF8_LATVIAN_LETTER = re.compile(rb"[\xc4\xc5][\x80-\xbf]")
# The bytes Windows-1257 leaves undefined (Python's cp1257 codec refuses them too).
_CP1257_UNDEFINED = re.compile(rb"[\x81\x83\x88\x8a\x8c\x90\x98\x9a\x9c\x9f\xa1\xa5]")
_CHUNK = 1 << 20


def csv_encoding(path: Path) -> CsvEncoding:
    """The encoding of a CSV file by the rule in this module's docstring: a BOM, else UTF-8 if the whole
    file is valid UTF-8, else Windows-1257 unless the file is partly UTF-8 or has a byte undefined there."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith((b"PK\x03\x04", _OLE_MAGIC)):
        kind = workbook_kind(path)[0] or ("xls" if head.startswith(_OLE_MAGIC) else "xlsx")
        message = tr("import.file.csv_is_workbook", kind=tr(f"import.file.kind_{kind}"), suffix=f".{kind}")
        return CsvEncoding(None, message)
    for bom, codec, check, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be", "UTF-16"),
    ):
        if head.startswith(bom):
            position = _decode_error(path, check)  # (the BOM decoded as a character: positions count it)
            if position is None:
                return CsvEncoding(codec)
            message = tr("import.file.csv_bom_broken", encoding=name, position=position)
            return CsvEncoding(None, message, _line_of(path, position))
    position = _decode_error(path, "utf-8")
    if position is None:
        return CsvEncoding("utf-8")
    utf8_letter, undefined = _first_matches(path, (_UTF8_LATVIAN_LETTER, _CP1257_UNDEFINED))
    if utf8_letter is not None:
        message = tr("import.file.csv_mixed", position=position, utf8_line=_line_of(path, utf8_letter))
        return CsvEncoding(None, message, _line_of(path, position))
    if undefined is not None:
        with open(path, "rb") as fh:
            fh.seek(undefined - 1)
            byte = fh.read(1)
        message = tr("import.file.csv_encoding", position=undefined, byte=byte.hex().upper())
        return CsvEncoding(None, message, _line_of(path, undefined))
    return CsvEncoding("cp1257")


def _decode_error(path: Path, codec: str) -> int | None:
    """The 1-based position of the first byte that ``codec`` cannot decode, or None; read in chunks."""
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start + 1
            if not chunk:
                return None
            offset += len(chunk)


def _first_matches(path: Path, patterns: tuple[re.Pattern[bytes], ...]) -> list[int | None]:
    """For each pattern (of at most two bytes), the 1-based position where it first matches, or None."""
    found: list[int | None] = [None] * len(patterns)
    offset = 0
    carry = b""  # the last byte of the previous chunk, for a match across the boundary
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            data = carry + chunk
            for index, pattern in enumerate(patterns):
                if found[index] is None and (match := pattern.search(data)):
                    found[index] = offset - len(carry) + match.start() + 1
            if all(position is not None for position in found):
                break
            offset += len(chunk)
            carry = chunk[-1:]
    return found


def _line_of(path: Path, position: int) -> int:
    """The line (1-based) of the file that holds the byte at ``position`` (1-based)."""
    line, remaining = 1, position - 1
    with open(path, "rb") as fh:
        while remaining > 0 and (chunk := fh.read(min(_CHUNK, remaining))):
            line += chunk.count(b"\n")
            remaining -= len(chunk)
    return line


def _describe_csv(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return tr("import.file.csv_field_too_long", limit=csv.field_size_limit())
    return tr("import.file.csv_malformed")


def _line_breaks(values: list[str]) -> int:
    return sum(v.count("\n") for v in values)


def _sniff_delimiter(fh: Any) -> str:
    """``;`` (what a Latvian Excel writes) or ``,``: whichever the header line uses more, outside quotes."""
    for _ in range(1000):
        line = fh.readline(64 * 1024)  # a bounded piece of the line is enough to count separators
        if not line:
            break
        if line.strip():
            outside = line.split('"')[::2]  # the parts outside double quotes
            semicolons = sum(part.count(";") for part in outside)
            commas = sum(part.count(",") for part in outside)
            return ";" if semicolons >= commas and semicolons else ","
    return ";"
