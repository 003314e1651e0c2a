"""Writing OpenDocument spreadsheets (.ods) by hand, for the import tests: what LibreOffice writes for the
same values, and what only a damaged or hostile file has.

An ``.ods`` file is a ZIP archive: ``mimetype`` first and stored, ``META-INF/manifest.xml``, and the sheets
as ``table:table`` elements in ``content.xml`` (OpenDocument 1.3, part 1, chapter 9). Cells are given as
Python values (``None``, ``bool``, ``int``, ``float``, ``str``, ``date``, ``datetime``, ``time``) or as an
:class:`OdsCell` holding the cell's XML as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape, quoteattr

from tests.hostile import build as b

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "{extra}</manifest:manifest>"
)
# What LibreOffice writes after the last row: the rest of the sheet, empty, to its millionth row.
TRAILING_ROWS = (
    '<table:table-row table:number-rows-repeated="{count}">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)


@dataclass(frozen=True)
class OdsCell:
    """A ``table:table-cell`` (or another element in its place) as it is written."""

    xml: str


def text_paragraphs(text: str) -> str:
    """The text of a cell as LibreOffice writes it: a ``text:p`` per line; runs of spaces, leading spaces and
    tabs spelt out as elements (white space in the XML itself collapses to one space)."""

    def line(part: str) -> str:
        out = escape(part)
        out = re.sub(r" {2,}", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', out)
        out = re.sub(r"^ ", "<text:s/>", out)
        return "<text:p>" + out.replace("\t", "<text:tab/>") + "</text:p>"

    return "".join(line(part) for part in text.split("\n"))


def cell_xml(value: Any, *, repeat: int = 1) -> str:
    """One cell for a Python value, with the attributes LibreOffice writes for it."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{rep}/>"
    if isinstance(value, OdsCell):
        return value.xml
    if isinstance(value, b.Cell):
        raise TypeError(f"an .xlsx cell has no .ods form: {value!r}")
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (
            f'<table:table-cell{rep} office:value-type="boolean" office:boolean-value="{word}" '
            f'calcext:value-type="boolean"><text:p>{word.upper()}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.datetime):
        return (
            f'<table:table-cell{rep} office:value-type="date" office:date-value="{value.isoformat()}" '
            f'calcext:value-type="date"><text:p>{value:%d.%m.%Y %H:%M}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell{rep} office:value-type="date" office:date-value="{value.isoformat()}" '
            f'calcext:value-type="date"><text:p>{value:%d.%m.%Y}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.time):
        duration = f"PT{value.hour:02d}H{value.minute:02d}M{value.second:02d}S"
        return (
            f'<table:table-cell{rep} office:value-type="time" office:time-value="{duration}" '
            f'calcext:value-type="time"><text:p>{value:%H:%M}</text:p></table:table-cell>'
        )
    if isinstance(value, int | float):
        shown = repr(value) if isinstance(value, float) else str(value)
        return (
            f'<table:table-cell{rep} office:value-type="float" office:value="{shown}" '
            f'calcext:value-type="float"><text:p>{escape(shown)}</text:p></table:table-cell>'
        )
    return (
        f'<table:table-cell{rep} office:value-type="string" calcext:value-type="string">'
        f"{text_paragraphs(str(value))}</table:table-cell>"
    )


def number(stored: str, shown: str | None = None) -> OdsCell:
    """A number cell whose stored value is written as given (so "1e999" or 5000 digits stay what they are)."""
    return OdsCell(
        f'<table:table-cell office:value-type="float" office:value="{escape(stored)}">'
        f"<text:p>{escape(shown or stored)}</text:p></table:table-cell>"
    )


def error(code: str) -> OdsCell:
    """An error value as LibreOffice writes it: a formula, a number 0 and the error's text."""
    return OdsCell(
        '<table:table-cell table:formula="of:=NA()" office:value-type="float" office:value="0" '
        f'calcext:value-type="error"><text:p>{escape(code)}</text:p></table:table-cell>'
    )


def formula(text: str, result: Any = None) -> OdsCell:
    """A formula with its stored result (a number or a text), or without one (a program that never
    calculated)."""
    attrs = f' table:formula="of:={escape(text)}"'
    if result is None:
        return OdsCell(f"<table:table-cell{attrs}/>")
    inner = cell_xml(result)
    return OdsCell(inner.replace("<table:table-cell", "<table:table-cell" + attrs, 1))


def typed(value_type: str, attribute: str, stored: str) -> OdsCell:
    """A cell of ``value_type`` whose value attribute holds ``stored``, whatever it is."""
    return OdsCell(
        f'<table:table-cell office:value-type="{value_type}" office:{attribute}={quoteattr(stored)}>'
        f"<text:p>{escape(stored)}</text:p></table:table-cell>"
    )


def row_xml(values: Sequence[Any], *, repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    cells = "".join(cell_xml(v) for v in values) or "<table:table-cell/>"
    return f"<table:table-row{rep}>{cells}</table:table-row>"


def table_xml(name: str, rows: Sequence[Sequence[Any]] | str, *, trailing: bool = True, style: str = "") -> str:
    """A sheet: its rows (or their XML as written) and, as LibreOffice writes, empty rows to the end."""
    body = rows if isinstance(rows, str) else "".join(row_xml(r) for r in rows)
    count = 1_048_576 - (0 if isinstance(rows, str) else len(rows))
    tail = TRAILING_ROWS.format(count=count) if trailing and count > 0 else ""
    style_attr = f' table:style-name="{style}"' if style else ""
    return (
        f"<table:table table:name={quoteattr(name)}{style_attr}>"
        '<table:table-column table:number-columns-repeated="16384"/>'
        f"{body}{tail}</table:table>"
    )


def content_xml(tables: Iterable[str], *, doctype: str = "", styles: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<office:document-content {NAMESPACES} '
        f'office:version="1.3"><office:automatic-styles>{styles}</office:automatic-styles>'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    ).encode()


# A table style that hides its sheet (Format → Sheet → Hide in LibreOffice).
HIDDEN_STYLE = (
    '<style:style style:name="ta_hidden" style:family="table">'
    '<style:table-properties table:display="false"/></style:style>'
)


def parts(content: bytes | Callable[[BinaryIO], None], *, manifest_extra: str = "") -> dict[str, b.Part]:
    return {
        "mimetype": MIMETYPE,
        "META-INF/manifest.xml": MANIFEST.format(extra=manifest_extra).encode(),
        "content.xml": content,
    }


def write_ods(path: Path, sheets: dict[str, Any], *, hidden: Sequence[str] = (), **options: Any) -> Path:
    """A workbook of ``sheets`` (name → rows, or the sheet's rows as XML); ``mimetype`` is stored uncompressed
    as the first entry, as OpenDocument requires."""
    tables = [table_xml(n, rows, style="ta_hidden" if n in hidden else "") for n, rows in sheets.items()]
    return write_parts(path, parts(content_xml(tables, styles=HIDDEN_STYLE if hidden else ""), **options))


def write_parts(path: Path, ods_parts: dict[str, b.Part]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in ods_parts.items():
            if name == "mimetype":
                archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)  # type: ignore[arg-type]
            elif callable(data):
                with archive.open(name, "w", force_zip64=True) as stream:
                    data(stream)
            else:
                archive.writestr(name, data)
    return path


def streamed_content(tables: Callable[[], Iterable[str]]) -> Callable[[BinaryIO], None]:
    """A ``content.xml`` written piece by piece (for sheets far larger than memory should hold)."""

    def write(stream: BinaryIO) -> None:
        stream.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES}>'
            "<office:body><office:spreadsheet>".encode()
        )
        batch: list[str] = []
        for piece in tables():
            batch.append(piece)
            if len(batch) >= 5000:
                stream.write("".join(batch).encode())
                batch.clear()
        stream.write("".join(batch).encode())
        stream.write(b"</office:spreadsheet></office:body></office:document-content>")

    return write
