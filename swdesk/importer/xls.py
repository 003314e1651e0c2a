"""Reading Excel 97–2003 workbooks (``.xls``, BIFF8 and older in an OLE compound file), SPEC §5.

The file is read by ``xlrd`` (the reader pandas uses for ``.xls``), which is pure Python: a damaged or
hostile file can only make it raise, and every exception becomes a refusal with a message here. It reads
the whole file and, on demand, one whole sheet into memory (at most 65 536 rows × 256 columns in this
format), so the file is limited to :data:`~swdesk.importer.reader.MAX_XLS_BYTES` and each sheet is let go
once its rows are taken; a sheet that cannot be read (a damaged record, a text that does not exist) is
refused as a whole, with its name.

The values are those of the ``.xlsx`` reader: numbers, dates for date-formatted numbers (in the workbook's
1900 or 1904 calendar, as Excel counts them), texts, booleans, error values as their text (``#N/A``). A
formula's stored result is its value; whether a formula's result was never stored cannot be told from an
``.xls`` file (Excel always stores it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from swdesk.i18n import tr
from swdesk.importer.reader import MAX_COLUMNS, MAX_XLS_BYTES, MB, RawSheet, ReadProblem
from swdesk.importer.values import UnreadableCell, is_blank


class _Discard:
    """Where xlrd writes its diagnostics (by default to standard output, where ``--json`` prints)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def read_xls(path: Path, *, keep: Any, max_rows: int, problems: list[ReadProblem]) -> list[RawSheet]:
    """The sheets of an ``.xls`` workbook that ``keep`` names (see ``read_sources``)."""
    if path.stat().st_size > MAX_XLS_BYTES:
        problems.append(
            ReadProblem(file=path.name, message=tr("import.file.xls_too_large", limit=MAX_XLS_BYTES // MB))
        )
        return []
    import xlrd

    try:
        book = xlrd.open_workbook(
            str(path),
            logfile=_Discard(),
            verbosity=0,
            on_demand=True,
            ragged_rows=True,
            formatting_info=False,
        )
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is a refusal, never a crash
        problems.append(ReadProblem(file=path.name, message=_refusal(exc)))
        return []
    sheets = []
    try:
        for index, title in enumerate(book.sheet_names()):
            name = keep(title.strip(), path, loose=False)
            if name is None:
                continue
            sheet = RawSheet(name=name, file=path.name)
            sheets.append(sheet)
            try:
                _read_sheet(book, index, sheet=sheet, max_rows=max_rows, problems=problems)
            except Exception as exc:  # noqa: BLE001 - a damaged sheet is refused with its name
                problems.append(
                    ReadProblem(
                        file=path.name,
                        sheet=name,
                        message=tr("import.sheet.xls_unreadable", detail=_detail(exc)),
                    )
                )
                sheet.rows.clear()
                sheet.complete = False
            finally:
                book.unload_sheet(index)
    finally:
        book.release_resources()
    return sheets


def _read_sheet(
    book: Any, index: int, *, sheet: RawSheet, max_rows: int, problems: list[ReadProblem]
) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH

    source = book.sheet_by_index(index)
    epoch = CALENDAR_MAC_1904 if book.datemode == 1 else WINDOWS_EPOCH
    data_rows = 0
    for row in range(source.nrows):
        width = min(source.row_len(row), MAX_COLUMNS)
        types = source.row_types(row, 0, width)
        values = tuple(
            _value(kind, value, epoch)
            for kind, value in zip(types, source.row_values(row, 0, width), strict=True)
        )
        if all(is_blank(v) for v in values):
            continue
        while values and values[-1] is None:
            values = values[:-1]
        number = row + 1
        if sheet.rows:
            data_rows += 1
            if data_rows > max_rows:
                problems.append(
                    ReadProblem(
                        file=sheet.file,
                        sheet=sheet.name,
                        row=number,
                        message=tr("import.sheet.too_many_rows", limit=max_rows),
                    )
                )
                sheet.rows.clear()
                sheet.complete = False
                return
        sheet.rows.append((number, values))


# xlrd's cell types
_EMPTY, _TEXT, _NUMBER, _DATE, _BOOLEAN, _ERROR, _BLANK = range(7)


def _value(kind: int, value: Any, epoch: Any) -> Any:
    if kind in (_EMPTY, _BLANK):
        return None
    if kind == _DATE:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value, epoch)
        except (ValueError, OverflowError, TypeError):
            return UnreadableCell(tr("import.cell.date_out_of_range", value=value))
    if kind == _BOOLEAN:
        return bool(value)
    if kind == _ERROR:
        from xlrd.biffh import error_text_from_code

        return error_text_from_code.get(value, "#VALUE!")
    return value  # a text, or a number (xlrd types a number whose format it does not know as text)


def _refusal(exc: BaseException) -> str:
    """The message for an .xls file xlrd could not open."""
    if "encrypted" in str(exc):  # xlrd: "Workbook is encrypted"
        return tr("import.file.encrypted")
    return tr("import.file.unreadable_xls", detail=_detail(exc))


def _detail(exc: BaseException) -> str:
    """Why: no workbook in the OLE file, a reference to a text or part that is not there, or damage."""
    if "Can't find workbook" in str(exc):
        return tr("import.file.xls_no_workbook")
    if isinstance(exc, IndexError):
        return tr("import.file.bad_reference")
    return tr("import.file.xls_damaged")
