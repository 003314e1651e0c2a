"""reportlab helpers for every PDF swdesk writes (issue 4, shared rules).

Every PDF uses DejaVu Sans, shipped in ``resources/fonts`` with its licence and embedded (reportlab
always embeds a subset of a TrueType font), because the 14 standard PDF fonts have no ā, č, ē, ģ, ī, ķ,
ļ, ņ, š, ū, ž. Pages are A4; long tables break across pages and repeat their header rows; every page
carries "N. lapa no M", which needs the total, so the canvas keeps its pages until the end and numbers
them in a second pass.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, cast

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from swdesk.export.common import atomic_output
from swdesk.formats import fmt_date, fmt_number
from swdesk.i18n import tr
from swdesk.resources import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

HEADER_BACKGROUND = colors.HexColor("#DDE4EE")
TOTAL_BACKGROUND = colors.HexColor("#F2F2F2")
GRID_COLOUR = colors.HexColor("#999999")
# Distinguishable in colour and in grey print: the council report is often photocopied.
SERIES_COLOURS = (
    colors.HexColor("#1F4E79"),
    colors.HexColor("#C55A11"),
    colors.HexColor("#548235"),
    colors.HexColor("#7F6000"),
    colors.HexColor("#7030A0"),
    colors.HexColor("#2E75B6"),
    colors.HexColor("#A5A5A5"),
)
LIMIT_COLOUR = colors.HexColor("#C00000")

Align = Literal["left", "right", "center"]


def left_then_right(rights: int) -> list[Align]:
    """The alignment of a table whose first column is text and the others figures."""
    return cast(list[Align], ["left"] + ["right"] * rights)


def register_fonts() -> None:
    """Register DejaVu Sans regular and bold once, as a family so ``<b>`` in a Paragraph works."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of swdesk documents."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    header_cell: ParagraphStyle


def styles(*, cell_size: float = 8) -> Styles:
    """Paragraph styles in DejaVu Sans; ``cell_size`` is the table font size (smaller for wide tables)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=cell_size, leading=cell_size * 1.22)
    return Styles(
        title=ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4),
        subtitle=ParagraphStyle("subtitle", fontName=FONT, fontSize=11, leading=14, spaceAfter=2),
        heading=ParagraphStyle(
            "heading", fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER),
    )


def escape(text: object) -> str:
    """Text for a Paragraph, whose markup would otherwise read ``<``, ``>`` and ``&`` in a name."""
    if text is None:
        return ""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def number(value: Any, places: int = 2) -> str:
    """A number with a decimal comma (``fmt_number``), a dash for None."""
    return fmt_number(value, places)


# --- page numbers and the page frame ------------------------------------------------------------------------


class NumberedCanvas(pdfcanvas.Canvas):
    """A canvas that writes "N. lapa no M" on each page once it knows M (two passes over the pages)."""

    footer_left: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Without this the canvas starts in Helvetica, which then sits in the PDF un-embedded.
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#444444"))
        self.drawRightString(
            width - 15 * mm, 10 * mm, tr("export.page_of", page=self._pageNumber, pages=total)
        )
        if self.footer_left:
            self.drawString(15 * mm, 10 * mm, self.footer_left)
        self.restoreState()


def _canvas_with_footer(footer_left: str) -> type[NumberedCanvas]:
    # reportlab instantiates the canvas class itself, so the footer text travels as a class attribute
    return type("SwdeskCanvas", (NumberedCanvas,), {"footer_left": footer_left})


def _running_header(
    title: str, marking: str | None = None
) -> Callable[[pdfcanvas.Canvas, BaseDocTemplate], None]:
    def draw(canvas: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        if marking:
            # a marking such as "ar vārdiem — iekšējai lietošanai" stands on every page, the first too:
            # a page copied out of the document still says what it is
            canvas.saveState()
            canvas.setFont(FONT_BOLD, 9)
            canvas.setFillColor(colors.HexColor("#A01010"))
            canvas.drawRightString(width - doc.rightMargin, height - 10 * mm, marking)
            canvas.restoreState()
        # Page 1 has the full title block; later pages name the document so a loose page is identifiable.
        if canvas.getPageNumber() == 1:
            return
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(doc.leftMargin, height - 10 * mm, title)
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.3)
        canvas.line(doc.leftMargin, height - 11.5 * mm, width - doc.rightMargin, height - 11.5 * mm)
        canvas.restoreState()

    return draw


def page_size(*, wide: bool = False) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def build_pdf(
    path: str | os.PathLike[str],
    *,
    story: list[Flowable],
    title: str,
    author: str = "",
    wide: bool = False,
    footer: str | None = None,
    overwrite: bool = True,
    lang: str = "lv",
    marking: str | None = None,
) -> Path:
    """Lay ``story`` out on A4 (``wide``: landscape) and save it through a temporary file.

    ``marking`` (e.g. "ar vārdiem — iekšējai lietošanai") is printed at the top of every page.

    ``title`` goes into the PDF metadata and the running header of pages after the first; ``footer``
    (default: "Sagatavots <date> ar swdesk") stands left of the page number. ``overwrite=False`` refuses
    an existing file, for the GUI.
    """
    register_fonts()
    size = page_size(wide=wide)
    with atomic_output(path, overwrite=overwrite, suffix=".pdf") as temporary:
        doc = BaseDocTemplate(
            str(temporary),
            pagesize=size,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=title,
            author=author,
            creator="swdesk",
            lang="en-GB" if lang == "en" else "lv-LV",
        )
        frame = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=_running_header(title, marking))]
        )
        if footer is None:
            footer = tr("export.prepared", date=fmt_date(dt.date.today()))
        # Page streams Flate-compressed only: reportlab's default adds an ASCII85 layer, which makes the
        # file a quarter larger and, in pure Python, took a tenth of the time of a 300-page claim.
        use_a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            doc.build(story, canvasmaker=_canvas_with_footer(footer))
        finally:
            rl_config.useA85 = use_a85
    return Path(path)


def content_width(*, wide: bool = False) -> float:
    """Width of the text frame that :func:`build_pdf` uses, for sizing tables and charts."""
    return page_size(wide=wide)[0] - 30 * mm


# --- blocks of a document -----------------------------------------------------------------------------------


def title_block(
    *,
    title: str,
    subtitle: str | None = None,
    lines: Sequence[tuple[str, str]] = (),
    width: float | None = None,
) -> list[Flowable]:
    """The document's title, a subtitle and ``label: value`` lines in two aligned columns."""
    st = styles(cell_size=10)
    out: list[Flowable] = [Paragraph(escape(title), st.title)]
    if subtitle:
        out.append(Paragraph(escape(subtitle), st.subtitle))
    if lines:
        label_style = ParagraphStyle("label", parent=st.cell, fontName=FONT_BOLD)
        data = [
            [Paragraph(escape(label), label_style), Paragraph(escape(value), st.cell)]
            for label, value in lines
        ]
        total = width or content_width()
        table = Table(data, colWidths=[total * 0.32, total * 0.68], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        out += [Spacer(1, 3 * mm), table]
    out.append(Spacer(1, 5 * mm))
    return out


def two_column_fields(
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    *,
    width: float | None = None,
    shares: tuple[float, float, float, float] = (0.18, 0.30, 0.19, 0.33),
) -> Table:
    """A form's header in two halves side by side: ``label  value`` pairs, labels bold, values wrapping;
    ``shares`` of the width for the left labels, left values, right labels and right values."""
    st = styles(cell_size=8.5)
    label_style = ParagraphStyle("field_label", parent=st.cell, fontName=FONT_BOLD)
    total = width or content_width()
    rows = []
    for index in range(max(len(left), len(right))):
        row: list[Any] = []
        for half in (left, right):
            if index < len(half):
                label, value = half[index]
                row += [Paragraph(escape(label), label_style), Paragraph(escape(value), st.cell)]
            else:
                row += ["", ""]
        rows.append(row)
    table = Table(rows, colWidths=[total * share for share in shares], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def heading(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().heading)


def paragraph(text: str, *, small: bool = False) -> Paragraph:
    st = styles()
    return Paragraph(escape(text), st.small if small else st.body)


def data_table(
    *,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    align: Sequence[Align] | None = None,
    total_rows: Sequence[int] = (),
    font_size: float = 7.5,
    width: float | None = None,
    total_span: int = 1,
    groups: Sequence[tuple[str, int, int]] = (),
) -> Table:
    """A table that breaks across pages and repeats its header on every page.

    ``rows`` hold text already formatted (numbers through :func:`number`); ``widths`` are relative
    column widths, scaled to ``width`` (default: the whole frame width). Text wraps inside its cell;
    ``total_rows`` are indexes into ``rows`` printed bold on a shaded background; their first cell (the
    label, e.g. "Kopā: Līga Bērziņa") spans ``total_span`` columns, so it need not squeeze into one
    narrow column.
    ``groups`` of (label, first column, last column) add a header row above those columns' headers
    ("Mēnešalga, EUR" over "min.", "vid.", "maks."), so narrow columns keep short headers.
    """
    st = styles(cell_size=font_size)
    align = list(align or ["left"] * len(header))
    by_align = {"left": st.cell, "right": st.cell_right, "center": st.cell_center}
    bold = {
        key: ParagraphStyle(f"{key}_bold", parent=style, fontName=FONT_BOLD)
        for key, style in by_align.items()
    }
    header_rows = 2 if groups else 1
    grouped = {c for _label, first, last in groups for c in range(first, last + 1)}
    if groups:
        top = [("" if c in grouped else text) for c, text in enumerate(header)]
        for label, first, _last in groups:
            top[first] = label
        bottom = [(text if c in grouped else "") for c, text in enumerate(header)]
        data: list[list[Any]] = [
            [Paragraph(escape(t), st.header_cell) for t in line] for line in (top, bottom)
        ]
    else:
        data = [[Paragraph(escape(text), st.header_cell) for text in header]]
    total_set = set(total_rows)
    # Right- and centre-aligned columns hold numbers and dates that never need wrapping: plain strings
    # drawn by the table are several times faster than a Paragraph per cell on a long claim.
    plain = [a != "left" for a in align]
    for index, row in enumerate(rows):
        chosen = bold if index in total_set else by_align
        cells: list[Any] = [
            ("" if value is None else str(value)) if is_plain else Paragraph(escape(value), chosen[a])
            for value, a, is_plain in zip(row, align, plain, strict=True)
        ]
        if index in total_set and total_span > 1:
            cells[0] = Paragraph(escape(row[0]), bold["left"])
        data.append(cells)
    full = sum(widths)
    col_widths = [w * (width or content_width()) / full for w in widths]
    # LongTable: the layout of a long claim stays linear instead of being recomputed at every page split
    table = LongTable(data, colWidths=col_widths, repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # plain-string cells would default to un-embedded Helvetica
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BACKGROUND),
        ("GRID", (0, 0), (-1, -1), 0.3, GRID_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for _label, first, last in groups:
        commands.append(("SPAN", (first, 0), (last, 0)))
    for column in range(len(header)):
        if groups and column not in grouped:
            commands.append(("SPAN", (column, 0), (column, 1)))
    commands.append(("FONTSIZE", (0, header_rows), (-1, -1), font_size))
    for column, a in enumerate(align):
        if a != "left":
            commands.append(("ALIGN", (column, header_rows), (column, -1), a.upper()))
    for index in total_set:
        row_index = index + header_rows
        commands.append(("BACKGROUND", (0, row_index), (-1, row_index), TOTAL_BACKGROUND))
        commands.append(("FONTNAME", (0, row_index), (-1, row_index), FONT_BOLD))
        if total_span > 1:
            commands.append(("SPAN", (0, row_index), (total_span - 1, row_index)))
    table.setStyle(TableStyle(commands))
    return table


# --- long tables drawn straight on the canvas ------------------------------------------------------------

# Whitespace where a cell's text may break: every kind but the no-break space, which holds "1 234,50" together.
_BREAKS = re.compile(r"[^\S\u00a0]+")
# A cell taller than a page could never be placed; text beyond this many lines is cut with "…".
MAX_CELL_LINES = 24
_PAD_X = 2.0
_PAD_Y = 1.5


class _Metrics:
    """Text widths and word wrapping in one font size, remembered: a claim repeats the same names, positions
    and providers thousands of times."""

    def __init__(self, size: float) -> None:
        self.size = size
        self._widths: dict[tuple[str, str], float] = {}
        self._wrapped: dict[tuple[str, str, float], tuple[str, ...]] = {}

    def width(self, text: str, font: str) -> float:
        key = (text, font)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = pdfmetrics.stringWidth(text, font, self.size)
        return found

    def wrap(self, text: str, font: str, room: float) -> tuple[str, ...]:
        """``text`` broken into lines no wider than ``room`` at spaces, as a Paragraph breaks it; a word
        wider than the whole line is broken between letters."""
        key = (text, font, room)
        found = self._wrapped.get(key)
        if found is None:
            found = self._wrapped[key] = self._wrap(text, font, room)
        return found

    def _wrap(self, text: str, font: str, room: float) -> tuple[str, ...]:
        words = [w for w in _BREAKS.split(text) if w]
        if not words:
            return ()
        space = self.width(" ", font)
        # Paragraph's allowance: a line may run over by 5 % of a space per word on it (rl_config.spaceShrinkage)
        shrink = rl_config.spaceShrinkage * space
        lines: list[str] = []
        line = ""
        used = 0.0
        count = 0
        for word in words:
            width = self.width(word, font)
            if line and used + space + width <= room + shrink * count:
                line += " " + word
                used += space + width
                count += 1
                continue
            if width <= room + (shrink if not line else 0):
                if line:
                    lines.append(line)
                line, used, count = word, width, 1
                continue
            # a word longer than a whole line: as many letters as fit, starting on the current line
            piece = line + " " if line else ""
            for char in word:
                if piece.strip(" ") and pdfmetrics.stringWidth(piece + char, font, self.size) > room:
                    lines.append(piece.rstrip(" "))
                    piece = ""
                piece += char
            line, used, count = piece, self.width(piece, font), 1
        lines.append(line)
        if len(lines) > MAX_CELL_LINES:
            last = lines[MAX_CELL_LINES - 1]
            while last and self.width(last + "…", font) > room:
                last = last[:-1]
            lines = [*lines[: MAX_CELL_LINES - 1], last + "…"]
        return tuple(lines)


@dataclass
class _RowLayout:
    """Everything a :class:`RowTable` needs to place and draw its rows, computed once for the whole table."""

    widths: list[float]
    aligns: list[Align]
    font_size: float
    leading: float
    header: list[tuple[str, ...]]
    header_height: float
    # per row: the lines of each cell (a total row's first cell spans ``total_span`` columns)
    cells: list[list[tuple[str, ...]]]
    heights: list[float]
    tops: list[float]  # tops[i]: the height of rows 0..i-1, so a run of rows measures in one subtraction
    totals: frozenset[int]
    total_span: int
    metrics: _Metrics

    _encoded: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    _encoded_for: object = None

    @property
    def width(self) -> float:
        return sum(self.widths)

    def encoder(self, doc: object) -> Callable[[str, str], list[tuple[str, str]]]:
        """``encode(text, font)``: the text as (subset font name, ``(...) Tj``) pieces for ``doc``."""
        if self._encoded_for is not doc:  # subsets are numbered per document
            self._encoded = {}
            self._encoded_for = doc
        cache = self._encoded

        def encode(text: str, face: str) -> list[tuple[str, str]]:
            key = (text, face)
            found = cache.get(key)
            if found is None:
                font = pdfmetrics.getFont(face)
                found = cache[key] = [
                    (font.getSubsetInternalName(subset, doc), f"({escapePDF(chunk)}) Tj")
                    for subset, chunk in font.splitString(text, doc)
                ]
            return found

        return encode


class RowTable(Flowable):
    """A long table of text rows, drawn straight on the canvas (a claim of a Rīga year has 9,000 rows).

    It looks like :func:`data_table` — the same fonts, paddings, grid, shaded header repeated on every
    page, bold shaded total rows whose label spans the first columns, left columns wrapping at spaces —
    but every row is measured once and a page break costs a binary search. Platypus's own tables lay a
    long table out again at each break and take minutes on thousands of rows. A page break never
    separates a total row from the row above it.
    """

    def __init__(self, layout: _RowLayout, start: int = 0, stop: int | None = None) -> None:
        super().__init__()
        self._layout = layout
        self._start = start
        self._stop = len(layout.heights) if stop is None else stop
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab)
        layout = self._layout
        self.width = layout.width
        self.height = layout.header_height + layout.tops[self._stop] - layout.tops[self._start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab)
        layout = self._layout
        tops, start, stop = layout.tops, self._start, self._stop
        room = availHeight - layout.header_height
        end = bisect.bisect_right(tops, tops[start] + room + 1e-6, start, stop + 1) - 1
        if end >= stop:
            return [self]
        # a total row goes with the row above it to the next page
        if end - 1 > start and end in layout.totals:
            end -= 1
        if end <= start:
            return []
        return [RowTable(layout, start, end), RowTable(layout, end, stop)]

    def draw(self) -> None:
        layout = self._layout
        canvas = self.canv
        widths = layout.widths
        edges = [0.0]
        for w in widths:
            edges.append(edges[-1] + w)
        total_width = edges[-1]
        rows = range(self._start, self._stop)
        top = self.height
        header_bottom = top - layout.header_height
        bottoms: list[float] = []
        y = header_bottom
        for i in rows:
            y -= layout.heights[i]
            bottoms.append(y)

        canvas.saveState()
        canvas.setFillColor(HEADER_BACKGROUND)
        canvas.rect(0, header_bottom, total_width, layout.header_height, stroke=0, fill=1)
        canvas.setFillColor(TOTAL_BACKGROUND)
        for i, bottom in zip(rows, bottoms, strict=True):
            if i in layout.totals:
                canvas.rect(0, bottom, total_width, layout.heights[i], stroke=0, fill=1)

        size, leading, metrics = layout.font_size, layout.leading, layout.metrics
        # The text goes in as PDF operators, the way reportlab's documentation of TrueType subsets shows
        # (ttfonts: splitString and getSubsetInternalName): each distinct cell text is encoded once per
        # document, and a line costs one text matrix and one show. reportlab's text object does the same
        # work again for every one of a Rīga year's 160,000 lines.
        encode = layout.encoder(canvas._doc)
        ops: list[str] = ["BT"]
        add = ops.append
        current = ""

        def put(
            lines: tuple[str, ...], left: float, right: float, first_baseline: float, align: str, face: str
        ) -> None:
            nonlocal current
            baseline = first_baseline
            for line in lines:
                if align == "left":
                    x = left + _PAD_X
                else:
                    line_width = metrics.width(line, face)
                    x = right - _PAD_X - line_width if align == "right" else (left + right - line_width) / 2
                add(f"1 0 0 1 {x:.2f} {baseline:.2f} Tm")
                for subset_font, chunk in encode(line, face):
                    if subset_font != current:
                        add(f"{subset_font} {size:g} Tf")
                        current = subset_font
                    add(chunk)
                baseline -= leading

        for column, lines in enumerate(layout.header):
            # vertically centred, as the header of data_table
            block = len(lines) * leading
            first = header_bottom + (layout.header_height + block) / 2 - size
            put(lines, edges[column], edges[column + 1], first, "center", FONT_BOLD)
        span = layout.total_span
        for i, bottom in zip(rows, bottoms, strict=True):
            first = bottom + layout.heights[i] - _PAD_Y - size
            is_total = i in layout.totals
            face = FONT_BOLD if is_total else FONT
            for column, lines in enumerate(layout.cells[i]):
                if not lines:
                    continue
                if is_total and column == 0:
                    put(lines, 0.0, edges[span], first, "left", face)
                else:
                    put(lines, edges[column], edges[column + 1], first, layout.aligns[column], face)
        add("ET")
        canvas.setFillColor(colors.black)
        canvas.addLiteral("\n".join(ops))

        # the grid: rows full width; inside a total row's label no column lines
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.3)
        segments = [(0.0, top, total_width, top), (0.0, header_bottom, total_width, header_bottom)]
        segments += [(0.0, bottom, total_width, bottom) for bottom in bottoms]
        bottom_edge = bottoms[-1] if bottoms else header_bottom
        for column, x in enumerate(edges):
            if column == 0 or column >= span or column == len(widths):
                segments.append((x, top, x, bottom_edge))
                continue
            run_top = top
            for i, bottom in zip(rows, bottoms, strict=True):
                if i in layout.totals:
                    row_top = bottom + layout.heights[i]
                    if run_top > row_top:
                        segments.append((x, run_top, x, row_top))
                    run_top = bottom
            if run_top > bottom_edge:
                segments.append((x, run_top, x, bottom_edge))
        canvas.addLiteral(
            "\n".join(f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l" for x1, y1, x2, y2 in segments) + "\nS"
        )
        canvas.restoreState()


def row_table(
    *,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    align: Sequence[Align] | None = None,
    total_rows: Sequence[int] = (),
    font_size: float = 7.5,
    width: float | None = None,
    total_span: int = 1,
) -> RowTable:
    """A :class:`RowTable`: :func:`data_table`'s arguments, for tables of thousands of rows.

    Right- and centre-aligned columns (numbers, dates) never wrap: each is widened to its longest value,
    the room coming from the wrapping columns in proportion to their widths, so "27 043,00" in a grand
    total or a 4-digit row number stays inside its cell.
    """
    register_fonts()
    align = list(align or ["left"] * len(header))
    metrics = _Metrics(font_size)
    leading = font_size * 1.22
    totals = frozenset(total_rows)
    texts = [["" if value is None else str(value) for value in row] for row in rows]

    full = sum(widths)
    total_width = width or content_width()
    col_widths = [w * total_width / full for w in widths]
    # narrowest each column may be: its longest header word; a number column: its longest value too
    needed = [
        max((metrics.width(word, FONT_BOLD) for word in _BREAKS.split(text) if word), default=0.0)
        + 2 * _PAD_X
        for text in header
    ]
    for index, row in enumerate(texts):
        face = FONT_BOLD if index in totals else FONT
        for column, value in enumerate(row):
            if align[column] != "left" and value and not (index in totals and column < total_span):
                needed[column] = max(needed[column], metrics.width(value, face) + 2 * _PAD_X)
    grow = {c: needed[c] - col_widths[c] for c in range(len(header)) if needed[c] > col_widths[c]}
    if grow:
        for column, extra in grow.items():
            col_widths[column] += extra
        spare = {
            c: col_widths[c] - needed[c] for c in range(len(header)) if align[c] == "left" and c not in grow
        }
        available = sum(spare.values())
        if available > 0:
            share = min(1.0, sum(grow.values()) / available)
            for column, room in spare.items():
                col_widths[column] -= room * share

    header_lines = [
        metrics.wrap(text, FONT_BOLD, col_widths[c] - 2 * _PAD_X) for c, text in enumerate(header)
    ]
    header_height = max((len(lines) for lines in header_lines), default=1) * leading + 2 * _PAD_Y
    span_width = sum(col_widths[:total_span])
    cells: list[list[tuple[str, ...]]] = []
    heights: list[float] = []
    tops = [0.0]
    for index, row in enumerate(texts):
        is_total = index in totals
        face = FONT_BOLD if is_total else FONT
        lines_of_row: list[tuple[str, ...]] = []
        for column, value in enumerate(row):
            if is_total and 0 < column < total_span:
                lines_of_row.append(())  # under the spanning label
            elif is_total and column == 0:
                lines_of_row.append(metrics.wrap(value, face, span_width - 2 * _PAD_X))
            elif align[column] == "left":
                lines_of_row.append(metrics.wrap(value, face, col_widths[column] - 2 * _PAD_X))
            else:
                lines_of_row.append((value,) if value else ())
        cells.append(lines_of_row)
        height = max(1, max(len(lines) for lines in lines_of_row)) * leading + 2 * _PAD_Y
        heights.append(height)
        tops.append(tops[-1] + height)
    return RowTable(
        _RowLayout(
            widths=col_widths,
            aligns=align,
            font_size=font_size,
            leading=leading,
            header=header_lines,
            header_height=header_height,
            cells=cells,
            heights=heights,
            tops=tops,
            totals=totals,
            total_span=total_span,
            metrics=metrics,
        )
    )


def key_value_table(
    *,
    rows: Sequence[tuple[str, str]],
    widths: tuple[float, float] = (0.7, 0.3),
    font_size: float = 9,
    width: float | None = None,
    value_align: Align = "right",
) -> Table:
    """Label on the left, a figure right-aligned on the right: the "form" layout of the survey and report."""
    st = styles(cell_size=font_size)
    total = width or content_width()
    value_style = {"right": st.cell_right, "left": st.cell, "center": st.cell_center}[value_align]
    data = [
        [Paragraph(escape(label), st.cell), Paragraph(escape(value), value_style)] for label, value in rows
    ]
    table = Table(data, colWidths=[total * widths[0], total * widths[1]], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.3, GRID_COLOUR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def signature_block(
    *, role: str, name: str | None, width: float | None = None, prepared_by: str | None = None
) -> Flowable:
    """Lines for a signature and a date, with the signer's role and name to the left of them; below them
    ``prepared_by`` ("Sagatavoja: …, tālr. …") when given. Kept together on one page."""
    return KeepTogether(signature_lines(role=role, name=name, width=width, prepared_by=prepared_by))


def signature_lines(
    *, role: str, name: str | None, width: float | None = None, prepared_by: str | None = None
) -> list[Flowable]:
    """:func:`signature_block`'s flowables, for a caller that keeps them together with more (a
    KeepTogether inside another always starts a new page in reportlab)."""
    st = styles(cell_size=9)
    under = ParagraphStyle("under", parent=st.cell_center, fontSize=7, textColor=colors.HexColor("#444444"))
    signer = escape(role) + (f"<br/>{escape(name)}" if name else "")
    rows = [
        [Paragraph(signer, st.cell), "", "", ""],
        ["", Paragraph(tr("export.signature"), under), "", Paragraph(tr("export.date"), under)],
    ]
    total = width or content_width()
    # an empty column between the two lines, so they read as two lines and not one
    widths = [total * 0.36, total * 0.34, total * 0.06, total * 0.24]
    table = Table(rows, colWidths=widths, rowHeights=[14 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    block: list[Flowable] = [Spacer(1, 6 * mm), table]
    if prepared_by:
        block += [Spacer(1, 3 * mm), Paragraph(escape(prepared_by), st.cell)]
    return block


# --- charts -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """One named data series of a chart; None is a gap (no data that month or year)."""

    name: str
    values: Sequence[float | Decimal | None]


def nice_ceiling(value: float) -> float:
    """The next "round" number at or above ``value`` (1, 2, 2.5, 5 × 10ⁿ), for the top of a value axis."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return float(candidate)
    return float(10 ** (exponent + 1))


def _axis_label(places: int) -> Callable[[float], str]:
    def label(value: float) -> str:
        return fmt_number(value, places)

    return label


def _chart_frame(
    *, title: str, width: float, height: float, legend_names: Sequence[str], value_title: str = ""
) -> tuple[Drawing, float, float, float, float]:
    """A drawing with the title on top, room for the legend below and, left of the value axis, its title
    turned upright; returns the drawing and the plot box."""
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else renderPDF sets Helvetica first and the PDF lists it un-embedded
    drawing.initialFontSize = 8
    drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=10))
    legend_height = 14 * _legend_layout(legend_names, width)[1] if len(legend_names) > 1 else 0
    left, bottom = (58.0 if value_title else 45.0), 28.0 + legend_height
    plot_height = height - bottom - 22
    if value_title:
        _upright(drawing, value_title, x=9, y=bottom + plot_height / 2)
    return drawing, left, bottom, width - left - 10, plot_height


AXIS_TITLE_SIZE = 7.5


def _upright(drawing: Drawing, text: str, *, x: float, y: float) -> None:
    """``text`` read from bottom to top, centred on (x, y): the title of a value axis."""
    label = Group(String(0, 0, text, fontName=FONT, fontSize=AXIS_TITLE_SIZE, textAnchor="middle"))
    label.transform = (0, 1, -1, 0, x, y)  # turned a quarter to the left, then moved to (x, y)
    drawing.add(label)


LEGEND_FONT_SIZE = 7.5


def _legend_layout(names: Sequence[str], width: float) -> tuple[int, int]:
    """(columns, rows) of the legend: as many columns (up to 3) as the longest name allows in ``width``."""
    widest = max(pdfmetrics.stringWidth(name, FONT, LEGEND_FONT_SIZE) for name in names) + 7 + 12
    columns = max(1, min(3, len(names), int((width - 16) // widest)))
    return columns, math.ceil(len(names) / columns)


def _add_legend(drawing: Drawing, *, names: Sequence[str], width: float) -> None:
    if len(names) < 2:
        return
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = LEGEND_FONT_SIZE
    legend.alignment = "right"
    columns, legend.columnMaximum = _legend_layout(names, width)  # spread over the width from the left edge
    legend.dx = legend.dy = 7
    legend.deltax = (width - 16) / columns
    legend.x = 8
    legend.y = 14 * legend.columnMaximum
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, name in enumerate(names)]
    drawing.add(legend)


def _reference_line(
    drawing: Drawing, *, value: float, label: str, box: tuple[float, float, float, float], top: float
) -> None:
    left, bottom, plot_width, plot_height = box
    y = bottom + plot_height * value / top
    dashes = [4, 2]
    drawing.add(
        Line(left, y, left + plot_width, y, strokeColor=LIMIT_COLOUR, strokeWidth=1, strokeDashArray=dashes)
    )
    # The key to the line stands in the title row, right: inside the plot it would collide with bar labels.
    key_y = drawing.height - 10
    right = left + plot_width
    drawing.add(
        String(right, key_y - 2, label, fontName=FONT, fontSize=7.5, fillColor=LIMIT_COLOUR, textAnchor="end")
    )
    text_width = pdfmetrics.stringWidth(label, FONT, 7.5)
    drawing.add(
        Line(
            right - text_width - 26,
            key_y + 1,
            right - text_width - 4,
            key_y + 1,
            strokeColor=LIMIT_COLOUR,
            strokeWidth=1,
            strokeDashArray=dashes,
        )
    )


def _set_axes(
    chart: Any,
    values: Sequence[float],
    categories: Sequence[str],
    *,
    reference: tuple[str, float] | None,
    places: int,
    slant_after: int,
) -> float:
    """Value axis from 0 to a round top above the values and the reference line, in 5 gridded steps;
    category labels slanted when there are more than ``slant_after``. Returns the top."""
    highest = max([*values, reference[1] if reference else 0, 0])
    top = nice_ceiling(highest * 1.1)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _axis_label(places if top / 5 < 10 else 0)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    if len(categories) > slant_after:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    return top


def bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    value_title: str = "",
    reference: tuple[str, float] | None = None,
    places: int = 0,
    width: float | None = None,
    height: float = 170,
    bar_labels: bool = True,
) -> Drawing:
    """A vertical bar chart (vector) with Latvian labels; ``reference`` draws a dashed limit line (1:1000)."""
    register_fonts()
    width = width or content_width()
    names = [s.name for s in series]
    drawing, left, bottom, plot_width, plot_height = _chart_frame(
        title=title, width=width, height=height, legend_names=names, value_title=value_title
    )
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = left, bottom, plot_width, plot_height
    data = [[0 if v is None else float(v) for v in s.values] for s in series] or [[0] * len(categories)]
    chart.data = data
    values = [v for row in data for v in row]
    top = _set_axes(chart, values, categories, reference=reference, places=places, slant_after=8)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(data)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = None
    if bar_labels and len(categories) * len(data) <= 24:
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 6
        chart.barLabelFormat = _axis_label(places)
    drawing.add(chart)
    if reference:
        _reference_line(
            drawing,
            value=reference[1],
            label=reference[0],
            box=(left, bottom, plot_width, plot_height),
            top=top,
        )
    _add_legend(drawing, names=names, width=width)
    return drawing


def line_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    value_title: str = "",
    reference: tuple[str, float] | None = None,
    places: int = 0,
    width: float | None = None,
    height: float = 170,
) -> Drawing:
    """A line chart over categories (months, years), vector, Latvian labels; gaps where a value is None."""
    register_fonts()
    width = width or content_width()
    names = [s.name for s in series]
    drawing, left, bottom, plot_width, plot_height = _chart_frame(
        title=title,
        width=width,
        height=height,
        legend_names=[] if len(names) < 2 else names,
        value_title=value_title,
    )
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = left, bottom, plot_width, plot_height
    data = [[None if v is None else float(v) for v in s.values] for s in series] or [[0.0] * len(categories)]
    chart.data = data
    values = [v for row in data for v in row if v is not None]
    top = _set_axes(chart, values, categories, reference=reference, places=places, slant_after=12)
    chart.joinedLines = 1
    for i in range(len(data)):
        colour, dashes, marker = line_style(i)
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.5
        chart.lines[i].strokeDashArray = dashes
        chart.lines[i].symbol = _marker(marker, colour)
    drawing.add(chart)
    if reference:
        _reference_line(
            drawing,
            value=reference[1],
            label=reference[0],
            box=(left, bottom, plot_width, plot_height),
            top=top,
        )
    _add_line_legend(drawing, names=names, width=width)
    return drawing


# Lines that cross must be told apart in grey print too: each series has its colour, dash and marker.
LINE_DASHES: tuple[list[float] | None, ...] = (None, [5, 2], [1.5, 1.5], [6, 2, 1.5, 2], [3, 3], None, [8, 3])
LINE_MARKERS = (
    "FilledCircle",
    "FilledSquare",
    "FilledDiamond",
    "FilledTriangle",
    "Circle",
    "Square",
    "Cross",
)


def line_style(index: int) -> tuple[Any, list[float] | None, str]:
    """(colour, dash pattern, marker) of the ``index``-th line of a chart."""
    return (
        SERIES_COLOURS[index % len(SERIES_COLOURS)],
        LINE_DASHES[index % len(LINE_DASHES)],
        LINE_MARKERS[index % len(LINE_MARKERS)],
    )


def _marker(kind: str, colour: Any, size: float = 4.5) -> Any:
    marker = makeMarker(kind)
    marker.size = size
    marker.fillColor = colour
    marker.strokeColor = colour
    marker.strokeWidth = 0.8
    return marker


def _add_line_legend(drawing: Drawing, *, names: Sequence[str], width: float) -> None:
    """A legend whose keys are the lines themselves: colour, dash and marker, so each can be found."""
    if len(names) < 2:
        return
    columns, rows = _legend_layout(names, width)
    step = (width - 16) / columns
    for i, name in enumerate(names):
        colour, dashes, marker = line_style(i)
        column, row = i // rows, i % rows
        x = 8 + column * step
        y = 14 * (rows - row) - 6
        drawing.add(Line(x, y, x + 22, y, strokeColor=colour, strokeWidth=1.5, strokeDashArray=dashes))
        symbol = _marker(marker, colour)
        symbol.x, symbol.y = x + 11, y
        drawing.add(symbol)
        drawing.add(String(x + 28, y - 2.5, name, fontName=FONT, fontSize=LEGEND_FONT_SIZE))


def _wrap_label(text: str, room: float, size: float) -> list[str]:
    """A category name in lines no wider than ``room`` points (broken at spaces)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(candidate, FONT, size) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def hbar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    value_title: str,
    places: int = 0,
    width: float | None = None,
    label_share: float = 0.4,
    bar_labels: bool = True,
) -> Drawing:
    """A horizontal bar chart: long category names (duty categories, positions) stand whole, wrapped,
    left of their bars; the value axis runs along the bottom with ``value_title`` under it."""
    register_fonts()
    width = width or content_width()
    size = 7.0
    room = width * label_share
    wrapped = [_wrap_label(name, room - 8, size) for name in categories]
    names = [s.name for s in series]
    per_bar = 10.0
    band = max(per_bar * max(1, len(series)) + 6, max(len(lines) for lines in wrapped) * (size + 1.5) + 4)
    legend_height = 14 * _legend_layout(names, width)[1] if len(names) > 1 else 0
    plot_height = band * len(categories)
    bottom = 34.0 + legend_height
    height = plot_height + bottom + 24
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT
    drawing.initialFontSize = 8
    drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=10))
    left = room
    plot_width = width - left - 30
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = left, bottom, plot_width, plot_height
    # the first category on top, as a list is read, and within it the first series on top: reportlab draws
    # both from the bottom up
    data = [[0 if v is None else float(v) for v in reversed(s.values)] for s in reversed(series)]
    chart.data = data
    values = [v for row in data for v in row]
    top = nice_ceiling(max([*values, 0]) * 1.1)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _axis_label(places if top / 5 < 10 else 0)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.categoryAxis.categoryNames = [""] * len(categories)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(data)):
        chart.bars[i].fillColor = SERIES_COLOURS[(len(data) - 1 - i) % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = None
    if bar_labels:
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6.5
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        chart.barLabelFormat = _axis_label(places)
    drawing.add(chart)
    # the names, drawn by hand so that they wrap: centred on their band, right-aligned to the axis
    for index, lines in enumerate(wrapped):
        centre = bottom + plot_height - band * (index + 0.5)
        first = centre + (len(lines) - 1) * (size + 1.5) / 2 - size / 3
        for n, line in enumerate(lines):
            drawing.add(
                String(
                    left - 4, first - n * (size + 1.5), line, fontName=FONT, fontSize=size, textAnchor="end"
                )
            )
    drawing.add(
        String(
            left + plot_width / 2,
            bottom - 22,
            value_title,
            fontName=FONT,
            fontSize=AXIS_TITLE_SIZE,
            textAnchor="middle",
        )
    )
    _add_legend(drawing, names=names, width=width)
    return drawing


# reportlab's flowables re-exported, so a document module needs only this one import
__all__ = [
    "FONT",
    "KeepTogether",
    "PageBreak",
    "Spacer",
    "Table",
    "TableStyle",
    "FONT_BOLD",
    "Paragraph",
    "mm",
    "two_column_fields",
    "NumberedCanvas",
    "Series",
    "bar_chart",
    "hbar_chart",
    "left_then_right",
    "line_style",
    "build_pdf",
    "content_width",
    "data_table",
    "escape",
    "heading",
    "key_value_table",
    "line_chart",
    "number",
    "paragraph",
    "register_fonts",
    "row_table",
    "RowTable",
    "signature_block",
    "signature_lines",
    "styles",
    "title_block",
]
