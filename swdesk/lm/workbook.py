"""Reading one survey or claim workbook back through its ``Dati`` sheet (issue 12 item 1).

The file came by mail, so it is read as the import reads a workbook from outside
(:func:`swdesk.importer.reader.read_sources`: the container inspected first, zip bombs and DTDs refused,
rows streamed with limits). Whatever is wrong with it becomes a :class:`Refused` with a Latvian sentence,
never a traceback.

A workbook edited by hand after export is still read, and said to be edited ("labots pēc eksporta") when
the seal of its ``Dati`` sheet no longer matches its rows, or when a figure of the visible sheet differs from
the same figure in ``Dati`` — each such difference is named. The figures used are those of ``Dati``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from swdesk.export import dati
from swdesk.i18n import define, tr

define(
    {
        "lm.read.damaged": ("bojāts vai nedrošs fails: {detail}", "damaged or unsafe file: {detail}"),
        "lm.read.not_swdesk": (
            "nav swdesk aptaujas vai pieprasījuma darbgrāmata (tajā nav lapas «Dati»)",
            "not a swdesk survey or claim workbook (it has no 'Dati' sheet)",
        ),
        "lm.read.no_data_sheet": (
            "swdesk dokuments bez lapas «Dati» (sagatavots ar vecāku swdesk versiju): lūdziet dienestu to "
            "sagatavot vēlreiz ar jaunāko versiju",
            "a swdesk document without a 'Dati' sheet (made by an older swdesk): ask the service to make it "
            "again with the current version",
        ),
        "lm.read.bad_header": (
            "lapa «Dati» nav swdesk formātā (trūkst vai lieka kolonna: {column})",
            "the 'Dati' sheet is not in swdesk's format (a column missing or extra: {column})",
        ),
        "lm.read.old_version": (
            "datu formāta versija {version} ir vecāka, nekā šī programma lasa (versija {known}): lūdziet "
            "dienestu to sagatavot vēlreiz ar jaunāko swdesk",
            "data format version {version} is older than this program reads (version {known}): ask the "
            "service to make it again with the current swdesk",
        ),
        "lm.read.new_version": (
            "datu formāta versija {version} ir jaunāka, nekā šī programma lasa (versija {known}): "
            "atjauniniet swdesk",
            "data format version {version} is newer than this program reads (version {known}): update swdesk",
        ),
        "lm.read.bad_version": (
            "datu formāta versija «{version}» nav saprotama",
            "the data format version '{version}' is unclear",
        ),
        "lm.read.empty": ("lapā «Dati» nav datu rindu", "the 'Dati' sheet has no data rows"),
        "lm.read.mixed": (
            "lapā «Dati» ir rindas no dažādiem dokumentiem (kolonna {column}, rinda {row})",
            "the 'Dati' sheet mixes rows of several documents (column {column}, row {row})",
        ),
        "lm.read.bad_cell": (
            "lapā «Dati» šūna {column}{row} nav nolasāma vai nav gaidītā veida ({detail})",
            "cell {column}{row} of the 'Dati' sheet cannot be read or is not of the expected kind ({detail})",
        ),
        "lm.read.formulas": (
            "darbgrāmatā ir formulas (swdesk tās neraksta, tātad tā veidota vai labota citur): nav pieņemta",
            "the workbook holds formulas (swdesk writes none, so it was made or edited elsewhere): not accepted",
        ),
        "lm.read.incomplete": (
            "lapa «Dati» nav nolasāma līdz galam (bojāta vai pārāk liela)",
            "the 'Dati' sheet cannot be read to its end (damaged or too large)",
        ),
        "lm.edited": ("labots pēc eksporta", "edited after export"),
        "lm.edited.checksum": (
            "lapas «Dati» kontrolsumma nesakrīt ar tās saturu",
            "the checksum of the 'Dati' sheet does not match its content",
        ),
        "lm.edited.survey_cell": (
            "{position} «{measure}»: lapā «Dati» {data}, redzamajā lapā {shown}",
            "{position} '{measure}': {data} in 'Dati', {shown} on the visible sheet",
        ),
        "lm.edited.figure": (
            "{number} «{measure}»: lapā «Dati» {data}, redzamajā lapā {shown}",
            "{number} '{measure}': {data} in 'Dati', {shown} on the visible sheet",
        ),
        "lm.edited.claim_cell": (
            "Notikumi, {number}. notikums (tabeles nr. {staff}) «{measure}»: lapā «Dati» {data}, redzamajā "
            "lapā {shown}",
            "Events, event {number} (employee no. {staff}) '{measure}': {data} in 'Dati', {shown} on the "
            "visible sheet",
        ),
        "lm.edited.claim_count": (
            "Notikumi: lapā «Dati» {data} pieprasītu notikumu, redzamajā lapā {shown}",
            "Events: {data} claimed events in 'Dati', {shown} on the visible sheet",
        ),
        "lm.empty_value": ("tukšs", "empty"),
    }
)

# the visible sheets compared with Dati, Latvian and English copy
SURVEY_SHEETS = ("Aptauja", "Survey")
CLAIM_SHEETS = ("Notikumi", "Events")

# the survey form's figure numbers (swdesk.export.survey_docs: sections 2 and 3) and their Dati measures
FIGURE_MEASURES = {
    "2.1": "population",
    "2.2": "population_year",
    "2.3": "sds_headcount",
    "2.4": "sds_fte",
    "2.5": "residents_per_sds",
    "2.6": "effective_residents_per_sds",
    "2.7": "hires",
    "2.8": "leavers",
    "3.1": "training_met_share",
    "3.2": "supervision_met_share",
    "3.3": "median_cases_social_workers",
    "3.4": "median_cases_spo",
    "3.5": "nonsw_hours",
    "3.6": "nonsw_share",
    "3.7": "top_nonsw_category_1",
    "3.8": "top_nonsw_category_2",
    "3.9": "top_nonsw_category_3",
}
# the survey form's position table after the code and the name (swdesk.export.survey_docs.POSITION_COLUMNS)
FORM_POSITION_COLUMNS = (
    "posts",
    "post_fte",
    "headcount",
    "fte",
    "vacancies",
    "vacancy_fte",
    "salary_min",
    "salary_mean",
    "salary_max",
    "below_scale",
    "education_noncompliant",
    *(f"education_{level}" for level in dati.EDUCATION_LEVELS),
)
# the claim's Notikumi sheet (swdesk.export.claim_docs.ROW_COLUMNS): column index of each compared field
CLAIM_EVENT_COLUMNS = {
    "minutes": 11,
    "compensable_minutes": 12,
    "cost": 15,
    "eligible_cost": 16,
    "compensation": 17,
}

# the kinds of the Dati columns that are numbers
_INTEGER_COLUMNS = frozenset(
    {
        "format_version",
        "row",
        "minutes",
        "compensable_minutes",
        "certified_supervisor",
        "cap_minutes",
        "cap_used_before",
        "cost_cap_minutes",
    }
)
_NUMBER_COLUMNS = frozenset({"value", "rate", "cost", "eligible_cost", "compensation", "cost_cap_eur"})


class Refused(Exception):
    """The file cannot be read as a swdesk survey or claim; ``str()`` is the Latvian reason."""


@dataclass
class Document:
    """A survey or claim workbook as its ``Dati`` sheet holds it.

    ``kind`` is ``survey`` or ``claim``; ``meta`` the identity columns of its rows (format, versions,
    municipality, service, date or period, prepared); ``rows`` every data row as a dict of column → value
    (without the checksum). ``differences`` say how it was edited after export (empty: as exported).
    """

    name: str
    kind: str
    meta: dict[str, Any]
    rows: list[dict[str, Any]]
    checksum_ok: bool
    differences: list[str] = field(default_factory=list)

    @property
    def edited(self) -> bool:
        return not self.checksum_ok or bool(self.differences)

    @property
    def municipality(self) -> str:
        return str(self.meta.get("municipality") or "")

    def edit_note(self) -> str:
        """ "labots pēc eksporta: …" with what differs, or "" for a workbook as exported."""
        if not self.edited:
            return ""
        what = ([] if self.checksum_ok else [tr("lm.edited.checksum")]) + self.differences
        return f"{tr('lm.edited')}: " + "; ".join(what)


def read_workbook(path: Path, *, name: str | None = None) -> Document:
    """Read ``path`` (an ``.xlsx`` file) back; raises :class:`Refused` with the reason when it cannot."""
    from swdesk.importer.reader import read_sources

    shown_name = name or path.name
    wanted = (dati.SHEET, *SURVEY_SHEETS, *CLAIM_SHEETS)
    try:
        result = read_sources([path], sheet_names=wanted)
    except Exception as exc:  # noqa: BLE001 - a hostile file is a verdict, never a crash
        raise Refused(tr("lm.read.damaged", detail=type(exc).__name__)) from exc
    if result.problems:
        raise Refused(tr("lm.read.damaged", detail=_without_import_words(result.problems[0].message)))
    sheets = {sheet.name: sheet for sheet in result.sheets}
    if dati.SHEET not in sheets:
        # a survey's form or a claim's events sheet: swdesk's own, from before Dati (a sheet called only
        # "Kopsavilkums" could be anyone's)
        if any(name in sheets for name in (*SURVEY_SHEETS, *CLAIM_SHEETS)):
            raise Refused(tr("lm.read.no_data_sheet"))
        raise Refused(tr("lm.read.not_swdesk"))
    if any(sheet.formulas for sheet in sheets.values()) or _has_formulas(path):
        raise Refused(tr("lm.read.formulas"))
    data = sheets[dati.SHEET]
    if not data.complete:
        raise Refused(tr("lm.read.incomplete"))
    document = _parse_data_sheet(data.rows, name=shown_name)
    if document.kind == "survey":
        visible = next((sheets[n] for n in SURVEY_SHEETS if n in sheets), None)
        if visible is not None:
            document.differences = _survey_differences(document, visible.rows)
    else:
        visible = next((sheets[n] for n in CLAIM_SHEETS if n in sheets), None)
        if visible is not None:
            document.differences = _claim_differences(document, visible.rows)
    return document


# the import reader's sentences end by saying nothing was imported; at LM nothing is imported anyway
_IMPORT_WORDS = re.compile(r"[;,]? *(imports atteikts|nekas netika importēts|the import was refused|nothing was "
                           r"imported)\.?\s*$", re.IGNORECASE)


def _without_import_words(message: str) -> str:
    return _IMPORT_WORDS.sub("", message).strip()


_FORMULA = re.compile(rb"<(?:[A-Za-z0-9]+:)?f[ >/]")


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula, with or without a stored result (the reader sees only those
    without one). The container was inspected by the reader before, so its parts are of bounded size."""
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    tail = b""
                    with archive.open(entry) as stream:
                        while chunk := stream.read(1 << 20):
                            if _FORMULA.search(tail + chunk):
                                return True
                            tail = chunk[-16:]
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError) as exc:
        raise Refused(tr("lm.read.damaged", detail=type(exc).__name__)) from exc
    return False


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _parse_data_sheet(raw_rows: list[tuple[int, tuple[Any, ...]]], *, name: str) -> Document:
    from swdesk.importer.values import UnreadableCell

    if not raw_rows:
        raise Refused(tr("lm.read.empty"))
    header = tuple("" if v is None else str(v).strip() for v in raw_rows[0][1])
    while header and not header[-1]:
        header = header[:-1]
    if "format" not in header:
        raise Refused(tr("lm.read.bad_header", column="format"))
    rows = raw_rows[1:]
    if not rows:
        raise Refused(tr("lm.read.empty"))
    first = dict(zip(header, rows[0][1], strict=False))
    version = first.get("format_version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    if not isinstance(version, int) or isinstance(version, bool):
        raise Refused(tr("lm.read.bad_version", version=version))
    if version < dati.FORMAT_VERSION:
        raise Refused(tr("lm.read.old_version", version=version, known=dati.FORMAT_VERSION))
    if version > dati.FORMAT_VERSION:
        raise Refused(tr("lm.read.new_version", version=version, known=dati.FORMAT_VERSION))
    kinds = {
        dati.SURVEY_FORMAT: ("survey", dati.SURVEY_COLUMNS),
        dati.CLAIM_FORMAT: ("claim", dati.CLAIM_COLUMNS),
    }
    if first.get("format") not in kinds:
        raise Refused(tr("lm.read.not_swdesk"))
    kind, columns = kinds[first["format"]]
    if header != columns:
        missing = next((c for c in columns if c not in header), None) or next(
            (c for c in header if c not in columns), "?"
        )
        raise Refused(tr("lm.read.bad_header", column=missing))
    identity = columns[: columns.index("prepared") + 1]
    if kind == "claim":
        identity = columns[: columns.index("rate") + 1]
    parsed: list[dict[str, Any]] = []
    seals: set[Any] = set()
    cells_for_seal: list[tuple[Any, ...]] = []
    for number, cells in rows:
        cells = tuple(cells) + (None,) * (len(columns) - len(cells))
        if len(cells) > len(columns) and any(v is not None for v in cells[len(columns) :]):
            raise Refused(tr("lm.read.bad_header", column=_column_letter(len(columns))))
        cells = cells[: len(columns)]
        for index, value in enumerate(cells):
            if isinstance(value, UnreadableCell):
                raise Refused(tr("lm.read.bad_cell", column=_column_letter(index), row=number, detail="?"))
        values = dict(zip(columns, cells, strict=True))
        for column in columns:
            values[column] = _typed(values[column], column=column, row=number, index=columns.index(column))
        for column in identity:
            if values[column] != first.get(column) and canonical(values[column]) != canonical(
                first.get(column)
            ):
                raise Refused(tr("lm.read.mixed", column=column, row=number))
        seals.add(values.pop(dati.CHECKSUM_COLUMN))
        cells_for_seal.append(cells[:-1])
        parsed.append(values)
    expected = dati.checksum(columns[:-1], cells_for_seal)
    meta = {column: parsed[0][column] for column in identity}
    meta["format_version"] = version
    return Document(name=name, kind=kind, meta=meta, rows=parsed, checksum_ok=seals == {expected})


def canonical(value: Any) -> str | None:
    return dati.canonical_cell(value)


def _typed(value: Any, *, column: str, row: int, index: int) -> Any:
    """A Dati cell as its column holds it: text as text, numbers as numbers, empty as None."""
    import datetime as dt

    if value is None or value == "":
        return None
    if column in _INTEGER_COLUMNS or column in _NUMBER_COLUMNS:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise Refused(
                tr("lm.read.bad_cell", column=_column_letter(index), row=row, detail=str(value)[:40])
            )
        if column in _INTEGER_COLUMNS:
            if float(value) != int(value):
                raise Refused(tr("lm.read.bad_cell", column=_column_letter(index), row=row, detail=value))
            return int(value)
        return value
    if isinstance(value, dt.datetime | dt.date):  # a date someone typed over the ISO text
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- what differs from the visible sheet ---------------------------------------------------------------------


def _shown(value: Any) -> str:
    from swdesk.formats import fmt_number

    if value is None:
        return tr("lm.empty_value")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        text = format(Decimal(repr(value) if isinstance(value, float) else value).normalize(), "f")
        places = len(text.split(".")[1]) if "." in text else 0
        return fmt_number(value, places)
    return str(value)


def _same(data: Any, shown: Any) -> bool:
    if isinstance(shown, str) and shown.strip() in ("—", "-", ""):
        shown = None
    if data is None or shown is None:
        return data is None and shown is None
    if isinstance(data, str) or isinstance(shown, str):
        return str(data) == str(shown)
    try:
        return abs(
            Decimal(repr(data) if isinstance(data, float) else data)
            - Decimal(repr(shown) if isinstance(shown, float) else shown)
        ) < Decimal("0.0005")
    except (ArithmeticError, TypeError, ValueError):
        return False


def _survey_differences(document: Document, visible: list[tuple[int, tuple[Any, ...]]]) -> list[str]:
    values: dict[tuple[str | None, str], Any] = {
        (row["position"], row["measure"]): row["value"] if row["value"] is not None else row["text"]
        for row in document.rows
    }
    positions = {row["position"] for row in document.rows if row["position"]}
    differences: list[str] = []
    seen_figures: set[str] = set()
    for _number, cells in visible:
        first = cells[0] if cells else None
        if not isinstance(first, str):
            continue
        if first in positions and len(cells) > 2:
            for offset, measure in enumerate(FORM_POSITION_COLUMNS):
                key = (first, measure)
                if key not in values:
                    continue
                shown = cells[2 + offset] if 2 + offset < len(cells) else None
                if not _same(values[key], shown):
                    differences.append(
                        tr(
                            "lm.edited.survey_cell",
                            position=first,
                            measure=measure,
                            data=_shown(values[key]),
                            shown=_shown(shown),
                        )
                    )
        elif first in FIGURE_MEASURES and first not in seen_figures:
            seen_figures.add(first)
            measure = FIGURE_MEASURES[first]
            shown = cells[2] if len(cells) > 2 else None
            data = values.get((None, measure))
            if not _same(data, shown):
                differences.append(
                    tr(
                        "lm.edited.figure",
                        number=first,
                        measure=measure,
                        data=_shown(data),
                        shown=_shown(shown),
                    )
                )
    return differences


def _claim_differences(document: Document, visible: list[tuple[int, tuple[Any, ...]]]) -> list[str]:
    """The claimed events of ``Notikumi`` against the Dati rows. The sheet lists them by person (its order
    of names, which Dati does not hold), so each event is matched by employee number and date, events of
    one person and date in the same order in both."""
    import datetime as dt
    from collections import defaultdict

    claimed: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    count = 0
    for row in document.rows:
        if row["staff"] is not None and row["excluded"] is None:
            claimed[(row["staff"], row["date"])].append(row)
            count += 1
    events = [cells for _n, cells in visible[1:] if cells and isinstance(cells[0], int | float)]
    differences: list[str] = []
    if len(events) != count:
        differences.append(tr("lm.edited.claim_count", data=count, shown=len(events)))
    for cells in events:
        day = cells[4] if len(cells) > 4 else None
        key = (str(cells[1]), day.date().isoformat() if isinstance(day, dt.datetime) else str(day))
        if not claimed.get(key):
            continue
        row = claimed[key].pop(0)
        for measure, index in CLAIM_EVENT_COLUMNS.items():
            shown = cells[index] if index < len(cells) else None
            if not _same(row[measure], shown):
                differences.append(
                    tr(
                        "lm.edited.claim_cell",
                        number=_shown(cells[0]),
                        staff=row["staff"],
                        measure=measure,
                        data=_shown(row[measure]),
                        shown=_shown(shown),
                    )
                )
    return differences


# --- the JSON a service's command gave ---------------------------------------------------------------------


def survey_json(document: Document) -> dict[str, Any]:
    """The survey as ``swdesk survey --json`` printed it (SPEC §6), from the Dati rows alone."""
    from swdesk.export.dati import POSITION_MEASURES

    positions: dict[str, dict[str, Any]] = {}
    service: dict[str, Any] = {}
    previous: dict[str, Any] = {}
    top: list[str] = []
    for row in document.rows:
        value = row["value"]
        if row["section"] == "positions":
            if row["measure"] in POSITION_MEASURES:
                positions.setdefault(row["position"], {})[row["measure"]] = value
        elif row["section"] == "service":
            service[row["measure"]] = value
        elif row["section"] == "previous_year":
            if row["measure"].startswith("top_nonsw_category_"):
                if row["text"]:
                    top.append(row["text"])
            else:
                previous[row["measure"]] = value
    counts = ("headcount", "vacancies", "below_scale", "education_noncompliant")
    return {
        "date": document.meta["date"],
        "positions": {
            code: {
                key: _int(figures.get(key)) if key in counts else figures.get(key)
                for key in POSITION_MEASURES
            }
            for code, figures in positions.items()
            if (figures.get("headcount") or 0) > 0 or (figures.get("vacancies") or 0) > 0
        },
        "service": {
            "population": _int(service.get("population")),
            "sds_headcount": _int(service.get("sds_headcount")),
            "sds_fte": service.get("sds_fte"),
            "residents_per_sds": service.get("residents_per_sds"),
            "effective_residents_per_sds": service.get("effective_residents_per_sds"),
            "hires": _int(service.get("hires")),
            "leavers": _int(service.get("leavers")),
        },
        "previous_year": {
            "training_met_share": previous.get("training_met_share"),
            "supervision_met_share": previous.get("supervision_met_share"),
            "median_cases_social_workers": previous.get("median_cases_social_workers"),
            "median_cases_spo": previous.get("median_cases_spo"),
            "nonsw_hours": previous.get("nonsw_hours"),
            "nonsw_share": previous.get("nonsw_share"),
            "top_nonsw_categories": top,
        },
    }


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _money(value: Any) -> float | None:
    return None if value is None else float(Decimal(repr(value) if isinstance(value, float) else value))


def claim_json(document: Document) -> dict[str, Any]:
    """The claim as ``swdesk claim --json`` printed it (SPEC §6), from the Dati rows alone."""
    rows = [row for row in document.rows if row["staff"] is not None]

    def total(key: str) -> float:
        return float(
            sum(
                (Decimal(repr(r[key]) if isinstance(r[key], float) else r[key]) for r in rows),
                Decimal("0.00"),
            )
        )

    return {
        "period": {"from": document.meta["period_from"], "to": document.meta["period_to"]},
        "rate": float(document.meta["rate"]),
        "rows": [
            {
                "staff": r["staff"],
                "date": r["date"],
                "kind": r["kind"],
                "minutes": r["minutes"],
                "compensable_minutes": r["compensable_minutes"],
                "cost": _money(r["cost"]),
                "eligible_cost": _money(r["eligible_cost"]),
                "compensation": _money(r["compensation"]),
                "excluded": r["excluded"],
            }
            for r in rows
        ],
        "totals": {"eligible_cost": total("eligible_cost"), "compensation": total("compensation")},
    }


def document_json(document: Document) -> dict[str, Any]:
    return survey_json(document) if document.kind == "survey" else claim_json(document)
