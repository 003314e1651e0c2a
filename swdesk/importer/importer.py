"""Importing the workbook of SPEC §5: validate everything, then write everything or nothing.

The import runs inside one :meth:`Database.write` transaction so that what is validated (the catalogues, the
staff already in the database, the settings) is exactly what the rows are written against. Nothing is
written until every row of every sheet has been checked; a single problem anywhere rolls the transaction
back, as does a dry run after it has worked out what would change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from swdesk import records
from swdesk import settings as st
from swdesk.db import history
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_date, fmt_month
from swdesk.i18n import define, tr
from swdesk.importer import sheets as sh
from swdesk.importer.reader import MAX_ROWS, RawSheet, read_sources
from swdesk.importer.values import CodeLookup, ValueProblem, fold, is_blank
from swdesk.rules.duty_limit import Employment, month_last_day, month_of, month_over_limit

define(
    {
        "import.future.month": (
            "Lapa «{sheet}»: mēnesis ir nākotnē ({values}) — {rows}. Vai gads ir pareizs? Rindas tiks "
            "importētas, kā rakstītas.",
            "Sheet '{sheet}': the month is in the future ({values}) — {rows}. Is the year right? The rows are "
            "imported as written.",
        ),
        "import.future.date": (
            "Lapa «{sheet}»: datums ir nākotnē ({values}) — {rows}. Vai gads ir pareizs? Rindas tiks "
            "importētas, kā rakstītas.",
            "Sheet '{sheet}': the date is in the future ({values}) — {rows}. Is the year right? The rows are "
            "imported as written.",
        ),
        "import.future.row": ("{rows}. rinda", "row {rows}"),
        "import.units.new": (
            "Lapa «Darbinieki»: šīs struktūrvienības nav sarakstā un tiks izveidotas, kad apstiprināsiet "
            "importu: {names}.",
            "Sheet 'Darbinieki': these structural units are not in the list and will be created when you "
            "confirm the import: {names}.",
        ),
        "import.units.refused": (
            "Šīs struktūrvienības nav sarakstā: {names}. Imports tās neizveido bez apstiprinājuma: "
            "pārbaudiet nosaukumus vai atkārtojiet importu ar --create-units.",
            "These structural units are not in the list: {names}. The import does not create them unasked: "
            "check the names or repeat the import with --create-units.",
        ),
        "import.future.rows": ("rindas {rows}", "rows {rows}"),
        "import.where.sheet": ("Lapa «{sheet}»", "Sheet '{sheet}'"),
        "import.where.file": ("Fails «{file}»", "File '{file}'"),
        "import.where.row": ("{row}. rinda", "row {row}"),
        "import.where.column": ("kolonna «{column}»", "column '{column}'"),
        "import.column.unknown": (
            "Nezināma kolonna. Šīs lapas kolonnas: {known}.",
            "Unknown column. The columns of this sheet: {known}.",
        ),
        "import.column.twice": (
            "Kolonna ir divreiz (kolonnas {first} un {second}).",
            "The column appears twice (columns {first} and {second}).",
        ),
        "import.column.missing": ("Trūkst obligātās kolonnas.", "A required column is missing."),
        "import.column.one_of_missing": (
            "Lapā jābūt vismaz vienai no kolonnām: {columns}.",
            "The sheet must have at least one of the columns: {columns}.",
        ),
        "import.column.no_header": (
            "Šūnā {cell} ir vērtība, bet tās kolonnai nav virsraksta.",
            "The cell {cell} has a value but its column has no header.",
        ),
        "import.duplicate_key": (
            "Rindai ir tāda pati atslēga ({key}) kā {row}. rindai.",
            "The row has the same key ({key}) as row {row}.",
        ),
        "import.duplicate_row": (
            "Rinda pilnīgi atkārto {row}. rindu; ja tie ir divi atsevišķi ieraksti, apvienojiet tos vai "
            "atšķiriet ar aprakstu.",
            "The row repeats row {row} exactly; if they are two separate records, merge them or tell them "
            "apart by the description.",
        ),
        "import.unknown_staff": (
            "Darbinieks ar tabeles nr. «{nr}» nav ne datubāzē, ne šī importa lapā «Darbinieki».",
            "No staff member with the employee number '{nr}' is in the database or in this import's "
            "'Darbinieki' sheet.",
        ),
        "import.db_refused": (
            "Datubāze noraidīja datus: {detail}",
            "The database refused the data: {detail}",
        ),
        "import.conflict": (
            "Vienlaikus tos pašus datus rakstīja cits imports (cits dators vai logs), un trīs mēģinājumi "
            "neizdevās ({detail}). Darbgrāmatā kļūdas nav: mēģiniet vēlreiz pēc brīža. Nekas netika ierakstīts.",
            "Another import (another PC or window) was writing the same data at the same time, and three "
            "attempts failed ({detail}). The workbook has no error: try again in a moment. Nothing was written.",
        ),
    }
)


@dataclass(frozen=True)
class Problem:
    """Something that stops the import: where (as the user sees it in Excel) and a message for the user."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str
    file: str | None = None

    def __str__(self) -> str:
        return format_problem(self)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


def format_problem(problem: Problem) -> str:
    """``Lapa «Darbinieki», 5. rinda, kolonna «Personas kods»: <message>`` in the current language."""
    parts = []
    if problem.sheet:
        parts.append(tr("import.where.sheet", sheet=problem.sheet))
    elif problem.file:
        parts.append(tr("import.where.file", file=problem.file))
    if problem.row is not None:
        parts.append(tr("import.where.row", row=problem.row))
    if problem.column:
        parts.append(tr("import.where.column", column=problem.column))
    return f"{', '.join(parts)}: {problem.message}" if parts else problem.message


@dataclass
class SheetCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated


@dataclass
class ImportResult:
    """What an import found or did. ``counts`` has the sheets that were in the files, in SPEC §5 order."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, SheetCounts] = field(default_factory=dict)
    dry_run: bool = False
    written: bool = False
    # Darbinieki's units not in the service's list (issue 14): created only when the import is confirmed
    new_units: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def totals(self) -> SheetCounts:
        return SheetCounts(
            added=sum(c.added for c in self.counts.values()),
            updated=sum(c.updated for c in self.counts.values()),
            unchanged=sum(c.unchanged for c in self.counts.values()),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "written": self.written,
            "sheets": {
                name: {"added": c.added, "updated": c.updated, "unchanged": c.unchanged}
                for name, c in self.counts.items()
            },
            "problems": [p.as_dict() for p in self.problems],
            "warnings": list(self.warnings),
            "new_units": list(self.new_units),
        }


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any]


class _Rollback(Exception):
    """Leave the transaction without writing (a refused import or a dry run)."""


def import_workbook(
    database: Database,
    paths: Sequence[Path | str] | Path | str,
    *,
    dry_run: bool = False,
    max_rows: int = MAX_ROWS,
    create_units: bool = True,
) -> ImportResult:
    """Import ``.xlsx`` workbooks, ``.csv`` files or folders of them (SPEC §5), all or nothing.

    With problems, nothing is written and every problem is listed. Otherwise all rows are written in one
    transaction, or with ``dry_run`` only counted. An :class:`~swdesk.db.models.ImportLog` row records an
    import that added or changed something.

    Structural units named in Darbinieki that the service's list lacks are listed in ``new_units`` (and a
    warning); they are created, before the staff, with ``create_units`` — a door that asks first passes
    False until the person confirms (the command line without ``--create-units``; the window imports only
    after its preview listed them) — or in a dry run, which writes nothing; else the import is refused.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    result = ImportResult(dry_run=dry_run)
    read = read_sources(paths, sheet_names=sh.SHEET_NAMES, max_rows=max_rows)
    result.warnings.extend(read.warnings)
    result.problems.extend(
        Problem(sheet=p.sheet, row=p.row, column=p.column, message=p.message, file=p.file)
        for p in read.problems
    )
    raw_by_name = {raw.name: raw for raw in read.sheets}
    file_names = list(dict.fromkeys(Path(p).name for p in paths))
    digests = file_digests(paths)
    read_problems, read_warnings = list(result.problems), list(result.warnings)
    for attempt in range(1, CONFLICT_ATTEMPTS + 1):
        try:
            return _write(database, raw_by_name, result, file_names, dry_run=dry_run, digests=digests,
                          create_units=create_units)
        except _Conflict as conflict:
            # another import (another PC on the same PostgreSQL database) wrote the same rows meanwhile:
            # the workbook is fine; validate it again against what is there now
            if attempt == CONFLICT_ATTEMPTS:
                result.problems.append(
                    Problem(
                        sheet=None,
                        row=None,
                        column=None,
                        message=tr("import.conflict", detail=conflict.detail),
                    )
                )
                return result
            result = ImportResult(dry_run=dry_run)
            result.problems.extend(read_problems)
            result.warnings.extend(read_warnings)
    return result


CONFLICT_ATTEMPTS = 3


class _Conflict(Exception):
    def __init__(self, detail: object) -> None:
        super().__init__(str(detail))
        self.detail = detail


def _write(
    database: Database,
    raw_by_name: dict[str, Any],
    result: ImportResult,
    file_names: list[str],
    *,
    dry_run: bool,
    digests: str | None = None,
    create_units: bool = False,
) -> ImportResult:
    """One all-or-nothing attempt; :class:`_Conflict` when the database refused a row that validated (a
    concurrent writer's key), so that the caller can try again."""
    try:
        with database.write() as session:
            parsed = _validate(session, raw_by_name, result)
            _match_units(session, parsed, result, create=create_units or dry_run, preview=dry_run)
            result.problems.sort(key=_reading_order)
            if result.problems:
                raise _Rollback
            file_name = ", ".join(file_names)[:500]
            try:
                with records.source(session, "imports", file=file_name, sha256=digests):
                    for name in result.new_units:
                        records.add(session, "structural_unit", {"name": name})
                    _apply(session, parsed, result)
                    session.flush()
                    change_set_id = history.current_change_set(session)
            except IntegrityError as exc:
                raise _Conflict(exc.orig) from exc
            totals = result.totals
            if totals.changed:
                session.add(
                    m.ImportLog(
                        file_name=file_name,
                        added=totals.added,
                        updated=totals.updated,
                        unchanged=totals.unchanged,
                        file_sha256=digests,
                        os_user=history.os_user(),
                        change_set_id=change_set_id,
                    )
                )
            if dry_run:
                raise _Rollback
    except _Rollback:
        return result
    except IntegrityError as exc:  # refused at commit
        raise _Conflict(exc.orig) from exc
    result.written = True
    return result


def file_digests(paths: Sequence[Path | str]) -> str | None:
    """The SHA-256 of each file imported (a folder's files by name), comma separated, as the import log and
    the history keep them: which exact file it was, whatever its name."""
    digests: list[str] = []
    for path in map(Path, paths):
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                digests.append(hashlib.sha256(file.read_bytes()).hexdigest())
            except OSError:
                continue  # the reader has said why it cannot be read
    return ", ".join(digests)[:500] or None


def _reading_order(problem: Problem) -> tuple[int, int]:
    """Files first, then sheet by sheet in SPEC §5 order and row by row (a stable sort keeps the columns)."""
    if problem.sheet is None:
        return (-1, 0)
    return (sh.SHEET_NAMES.index(problem.sheet), problem.row or 0)


# --- validation ----------------------------------------------------------------------------------------


def load_lookups(session: Session) -> sh.Lookups:
    """The catalogues as they are in the database now (a head may have edited them) and the settings."""

    def entries(model: Any) -> list[tuple[str, str]]:
        return [(row.code, row.name) for row in session.scalars(select(model).order_by(model.code))]

    positions = entries(m.Position)

    @cache
    def academic_minutes(day: dt.date) -> int:
        return int(st.get(session, "hours.academic_minutes", day))

    return sh.Lookups(
        positions=CodeLookup(positions, what=tr("import.what.position")),
        positions_or_any=CodeLookup(positions, what=tr("import.what.position"), extra=["*"]),
        education=CodeLookup(entries(m.Education), what=tr("import.what.education")),
        work_types=CodeLookup(entries(m.WorkType), what=tr("import.what.work_type")),
        units=CodeLookup(entries(m.Unit), what=tr("import.what.unit")),
        categories=CodeLookup(entries(m.DutyCategory), what=tr("import.what.category")),
        academic_minutes=academic_minutes,
    )


def _validate(
    session: Session, raw_by_name: dict[str, RawSheet], result: ImportResult
) -> dict[str, list[ParsedRow]]:
    lookups = load_lookups(session)
    parsed: dict[str, list[ParsedRow]] = {}
    for spec in sh.SHEETS:
        raw = raw_by_name.get(spec.name)
        if raw is None:
            continue
        result.counts[spec.name] = SheetCounts()
        parsed[spec.name] = _parse_sheet(raw, spec, lookups, result.problems)
    _check_duplicates(parsed, result.problems)
    staff_sheet = raw_by_name.get("Darbinieki")
    if staff_sheet is None or staff_sheet.complete:
        # (a Darbinieki sheet that could not be read to the end would make every new number look unknown)
        _check_staff_references(session, parsed, result.problems)
    if parsed.get("Pienākumi"):
        _check_duty_months(session, parsed, result.problems)
    result.warnings.extend(future_warnings(parsed, dt.date.today()))
    return parsed


# What is entered afterwards — a month's caseload, a duty's or a training's date — cannot lie after today; a
# future one is most often a mistyped year (2062 for 2026). Said, not refused: the head may plan ahead.
FUTURE_FIELDS = {"Lietas": ("month", "import.future.month"), "Pienākumi": ("date", "import.future.date"),
                 "Apmācības": ("date", "import.future.date")}
FUTURE_LISTED = 10  # rows and values named in a warning; more are "…"


def future_warnings(parsed: dict[str, list[ParsedRow]], today: dt.date) -> list[str]:
    """One sentence per sheet whose month (Lietas: after this month) or date (after today) is in the future."""
    warnings = []
    for sheet, (field_name, key) in FUTURE_FIELDS.items():
        limit = today.replace(day=1) if field_name == "month" else today
        late = [(row.number, row.values[field_name]) for row in parsed.get(sheet, [])
                if isinstance(row.values.get(field_name), dt.date) and row.values[field_name] > limit]
        if not late:
            continue
        days = sorted({day for _, day in late})
        shown = [(fmt_month if field_name == "month" else fmt_date)(day) for day in days[:FUTURE_LISTED]]
        numbers = [str(number) for number, _ in late[:FUTURE_LISTED]]
        more = ", …" if len(late) > FUTURE_LISTED else ""
        rows = tr("import.future.rows" if len(late) > 1 else "import.future.row", rows=", ".join(numbers) + more)
        values = ", ".join(shown) + (", …" if len(days) > FUTURE_LISTED else "")
        warnings.append(tr(key, sheet=sheet, values=values, rows=rows))
    return warnings


def _parse_sheet(
    raw: RawSheet, spec: sh.Sheet, lookups: sh.Lookups, problems: list[Problem]
) -> list[ParsedRow]:
    if not raw.rows:
        return []
    header_number, header = raw.rows[0]
    columns = _map_header(spec, header_number, header, problems)
    present = {column.field for column in columns.values()}
    labelled = {index for index, cell in enumerate(header) if not is_blank(cell)}
    unlabelled = [index for index in range(max(labelled, default=-1) + 1) if index not in labelled]
    width = max(labelled, default=-1) + 1
    one_of = [spec.column(f).header for f in spec.one_of]
    if spec.one_of and not present.intersection(spec.one_of):
        problems.append(
            Problem(
                spec.name, header_number, None, tr("import.column.one_of_missing", columns=", ".join(one_of))
            )
        )
    rows = []
    for number, cells in raw.rows[1:]:
        row_problems: list[Problem] = []
        values: dict[str, Any] = {}
        # Rows are read padded to a fixed width, so look cell by cell only where something is there.
        beyond = cells[width:]
        anything_beyond = beyond.count(None) != len(beyond) or bool(raw.formulas)
        suspects = unlabelled + ([width + i for i in range(len(beyond))] if anything_beyond else [])
        for index in suspects:
            cell = cells[index] if index < len(cells) else None
            if not is_blank(cell) or (number, index) in raw.formulas:
                cell_name = f"{get_column_letter(index + 1)}{number}"
                row_problems.append(
                    Problem(spec.name, number, None, tr("import.column.no_header", cell=cell_name))
                )
        for index, column in columns.items():
            cell = cells[index] if index < len(cells) else None
            if (number, index) in raw.formulas:
                message = tr("import.formula_without_value", formula=raw.formulas[(number, index)])
                row_problems.append(Problem(spec.name, number, column.header, message))
            elif is_blank(cell):
                if column.required:
                    row_problems.append(Problem(spec.name, number, column.header, tr("import.required")))
                values[column.field] = column.default
            else:
                try:
                    values[column.field] = column.parse(cell, lookups)
                except ValueProblem as exc:
                    row_problems.append(Problem(spec.name, number, column.header, str(exc)))
        for column in spec.columns:
            if column.default is not None and column.field not in present:
                values[column.field] = column.default
        if not row_problems:
            if present.intersection(spec.one_of) and all(values.get(f) is None for f in spec.one_of):
                row_problems.append(
                    Problem(spec.name, number, None, tr("import.row.one_of", columns=", ".join(one_of)))
                )
            for field_name, message in spec.check_row(values, lookups) if spec.check_row else []:
                header_name = spec.column(field_name).header if field_name else None
                row_problems.append(Problem(spec.name, number, header_name, message))
        problems.extend(row_problems)
        # A row with problems still takes part in the duplicate and reference checks where its key parsed,
        # so that one run lists as much as possible.
        rows.append(ParsedRow(number, values))
    return rows


def _map_header(
    spec: sh.Sheet, number: int, header: Sequence[Any], problems: list[Problem]
) -> dict[int, sh.Column]:
    """Column index → column of the spec; unknown, repeated and missing required columns are problems."""
    by_header = {fold(column.header): column for column in spec.columns}
    columns: dict[int, sh.Column] = {}
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        if is_blank(cell):
            continue
        # "Amats*" or "Amats *": the required marker of SPEC §5 is not part of the header.
        text = str(cell).strip().strip("*").strip()
        column = by_header.get(fold(text))
        if column is None:
            known = ", ".join(c.header for c in spec.columns)
            problems.append(
                Problem(spec.name, number, str(cell).strip(), tr("import.column.unknown", known=known))
            )
        elif column.field in seen:
            first, second = get_column_letter(seen[column.field] + 1), get_column_letter(index + 1)
            problems.append(
                Problem(
                    spec.name, number, column.header, tr("import.column.twice", first=first, second=second)
                )
            )
        else:
            seen[column.field] = index
            columns[index] = column
    for column in spec.columns:
        if column.required and column.field not in seen:
            problems.append(Problem(spec.name, None, column.header, tr("import.column.missing")))
    return columns


def _check_duplicates(parsed: dict[str, list[ParsedRow]], problems: list[Problem]) -> None:
    for name, rows in parsed.items():
        spec = sh.sheet_by_name(name)
        first_row: dict[tuple[Any, ...], int] = {}
        for row in rows:
            if any(row.values.get(f) is None for f in spec.key_fields if spec.column(f).required):
                continue  # the key did not parse; that problem is already listed
            key = tuple(row.values.get(f) for f in spec.key_fields)
            if key in first_row:
                if spec.key:
                    headers = " + ".join(spec.column(f).header for f in spec.key)
                    message = tr("import.duplicate_key", key=headers, row=first_row[key])
                else:
                    message = tr("import.duplicate_row", row=first_row[key])
                problems.append(Problem(name, row.number, None, message))
            else:
                first_row[key] = row.number


def _check_staff_references(
    session: Session, parsed: dict[str, list[ParsedRow]], problems: list[Problem]
) -> None:
    """Tabeles nr. in Lietas, Pienākumi and Apmācības must name a staff member (database or Darbinieki)."""
    wanted = {
        row.values["tabeles_nr"]
        for name in sh.STAFF_REFERENCES
        for row in parsed.get(name, [])
        if row.values.get("tabeles_nr") is not None
    }
    if not wanted:
        return
    known = {row.values["tabeles_nr"] for row in parsed.get("Darbinieki", []) if row.values.get("tabeles_nr")}
    known.update(_existing_staff_numbers(session, wanted - known))
    for name in sh.STAFF_REFERENCES:
        for row in parsed.get(name, []):
            nr = row.values.get("tabeles_nr")
            if nr is not None and nr not in known:
                problems.append(Problem(name, row.number, "Tabeles nr.", tr("import.unknown_staff", nr=nr)))


def _check_duty_months(session: Session, parsed: dict[str, list[ParsedRow]], problems: list[Problem]) -> None:
    """No person's month may hold more duty hours than its contracted hours (SPEC §5 Pienākumi).

    The month counts the person's entries already in the database and the sheet's rows that the import adds;
    a row identical to an entry in the database is not added (see :func:`_apply_duties`), so it is counted
    once, as recorded. The employment is as this import leaves it: a Darbinieki row of the same import
    replaces the database's FTE and dates. The refusal stands at the row that takes the month over.
    """
    groups: dict[tuple[str, dt.date], list[ParsedRow]] = {}
    for row in parsed["Pienākumi"]:
        v = row.values
        if v.get("tabeles_nr") is None or v.get("date") is None or v.get("hours") is None:
            continue  # that problem is already listed
        groups.setdefault((v["tabeles_nr"], month_of(v["date"])), []).append(row)
    if not groups:
        return
    employments: dict[str, Employment | None] = {}
    # a staff row with a problem leaves the person unknown here: its own problem is already listed
    refused = {p.row for p in problems if p.sheet == "Darbinieki"}
    for row in parsed.get("Darbinieki", []):
        v = row.values
        if v.get("tabeles_nr") is None:
            continue
        complete = all(v.get(f) is not None for f in ("first_name", "last_name", "fte", "start"))
        employments[v["tabeles_nr"]] = (
            Employment(
                v["tabeles_nr"], f"{v['first_name']} {v['last_name']}", v["fte"], v["start"], v.get("end")
            )
            if complete and row.number not in refused
            else None
        )
    referenced = {nr for nr, _month in groups}
    from_database = sorted(referenced - set(employments))
    staff_ids: dict[str, int] = {}
    for start in range(0, len(from_database), 500):
        chunk = from_database[start : start + 500]
        for staff in session.scalars(select(m.Staff).where(m.Staff.tabeles_nr.in_(chunk))):
            employments[staff.tabeles_nr] = Employment.of(staff)
            staff_ids[staff.tabeles_nr] = staff.id
    # people of this import's Darbinieki sheet who are in the database already may have entries there too
    staff_ids.update(
        _existing_staff_ids(session, sorted(referenced.intersection(employments) - set(staff_ids)))
    )
    recorded = _recorded_duties(session, staff_ids, [month for _nr, month in groups])
    for (nr, month), rows in groups.items():
        employment = employments.get(nr)
        if employment is None:
            continue  # an unknown Tabeles nr. or a staff row with a problem: already listed
        entries = recorded.get((staff_ids[nr], month), []) if nr in staff_ids else []
        in_database = Counter(key for key, _hours in entries)
        added: list[ParsedRow] = []
        for row in rows:
            key = _duty_key(row.values)
            if in_database[key]:
                in_database[key] -= 1  # imported as unchanged: already among the recorded hours
            else:
                added.append(row)
        over = month_over_limit(
            employment,
            month,
            recorded=sum((hours for _key, hours in entries), Decimal(0)),
            entries=[row.values["hours"] for row in added],
        )
        if over is not None:
            at = added[over.entry] if over.entry is not None else rows[0]
            problems.append(Problem("Pienākumi", at.number, "Stundas", over.message()))


def _duty_key(values: dict[str, Any]) -> tuple[Any, ...]:
    """What makes a Pienākumi row the same entry as one in the database (SPEC §5: all columns)."""
    return (values.get("date"), values.get("category_code"), values.get("hours"), values.get("description"))


def _recorded_duties(
    session: Session, staff_ids: dict[str, int], months: Iterable[dt.date]
) -> dict[tuple[int, dt.date], list[tuple[tuple[Any, ...], Decimal]]]:
    """(staff id, month) → [(key, hours)] of the duty entries in the database in those months."""
    months = list(months)
    ids = sorted(set(staff_ids.values()))
    result: dict[tuple[int, dt.date], list[tuple[tuple[Any, ...], Decimal]]] = {}
    if not ids:
        return result
    wanted = set(months)
    d = m.Duty
    for start in range(0, len(ids), 500):
        stmt = select(d.staff_id, d.date, d.category_code, d.hours, d.description).where(
            d.staff_id.in_(ids[start : start + 500]),
            d.date >= min(months),
            d.date <= month_last_day(max(months)),
        )
        for row in session.execute(stmt):
            month = month_of(row.date)
            if month in wanted:
                key = (row.date, row.category_code, row.hours, row.description)
                result.setdefault((row.staff_id, month), []).append((key, row.hours))
    return result


def _existing_staff_ids(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(numbers), 500):
        chunk = list(numbers[start : start + 500])
        stmt = select(m.Staff.tabeles_nr, m.Staff.id).where(m.Staff.tabeles_nr.in_(chunk))
        found.update((nr, staff_id) for nr, staff_id in session.execute(stmt))
    return found


def _existing_staff_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    found: set[str] = set()
    batch = list(numbers)
    for start in range(0, len(batch), 500):  # stay under the bound-parameter limits of the databases
        chunk = batch[start : start + 500]
        found.update(session.scalars(select(m.Staff.tabeles_nr).where(m.Staff.tabeles_nr.in_(chunk))))
    return found


# --- applying ------------------------------------------------------------------------------------------


def _match_units(session: Session, parsed: dict[str, list[ParsedRow]], result: ImportResult, *,
                 create: bool, preview: bool) -> None:
    """Darbinieki's Struktūrvienība column against the service's list: a known unit is written with the
    list's spelling (letter case and spaces aside); unknown ones go to ``result.new_units`` — named in a
    warning by a preview, created by a confirmed import, else a problem that refuses the import."""
    from swdesk import units

    known = {" ".join(u.name.split()).casefold(): u.name for u in units.all_units(session)}
    new: dict[str, str] = {}
    for row in parsed.get("Darbinieki", []):
        name = row.values.get("unit_name")
        if not name:
            continue
        key = " ".join(str(name).split()).casefold()
        if key in known:
            row.values["unit_name"] = known[key]
        else:
            row.values["unit_name"] = new.setdefault(key, " ".join(str(name).split()))
    result.new_units = list(new.values())
    if not new:
        return
    names = ", ".join(f"«{n}»" for n in result.new_units)
    if preview:
        result.warnings.append(tr("import.units.new", names=names))
    elif not create:
        result.problems.append(Problem(sheet="Darbinieki", row=None, column="Struktūrvienība",
                                       message=tr("import.units.refused", names=names)))


def _apply(session: Session, parsed: dict[str, list[ParsedRow]], result: ImportResult) -> None:
    """Write the validated rows, sheet by sheet in SPEC §5 order (staff before what refers to them)."""
    appliers = {
        "Iedzīvotāji": _apply_population,
        "Darbinieki": _apply_staff,
        "Vakances": _apply_vacancies,
        "Kritēriji": _apply_criteria,
        "Lietas": _apply_caseloads,
        "Pienākumi": _apply_duties,
        "Apmācības": _apply_training,
    }
    for name, rows in parsed.items():
        if rows:
            appliers[name](session, rows, result.counts[name])
            session.flush()


def _update(obj: Any, values: dict[str, Any], fields: Iterable[str], counts: SheetCounts) -> None:
    """Set the given fields that differ; count the row as updated or unchanged."""
    changed = False
    for name in fields:
        if name in values and getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed = True
    if changed:
        counts.updated += 1
    else:
        counts.unchanged += 1


def _apply_population(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    for row in rows:
        existing = session.get(m.Population, row.values["year"])
        if existing is None:
            records.add(session, "population", {"year": row.values["year"], "residents": row.values["residents"]},
                        checked=True)
            counts.added += 1
        else:
            _update(existing, row.values, ["residents"], counts)


STAFF_FIELDS = (
    "first_name",
    "last_name",
    "personal_code",
    "position_code",
    "fte",
    "start",
    "end",
    "education_code",
    "salary",
    "unit_name",
    "specialization",
)


def _apply_staff(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    existing = {s.tabeles_nr: s for s in session.scalars(select(m.Staff))}
    today = dt.date.today()  # "Spēkā no" when a row leaves it empty: the import date
    for row in rows:
        staff = existing.get(row.values["tabeles_nr"])
        if staff is None:
            fields = {f: row.values.get(f) for f in STAFF_FIELDS}
            records.add(session, "staff", {"tabeles_nr": row.values["tabeles_nr"], **fields}, checked=True)
            counts.added += 1
        else:
            _update_staff(session, staff, row.values, counts, today=today)


def _update_staff(
    session: Session, staff: m.Staff, values: dict[str, Any], counts: SheetCounts, *, today: dt.date
) -> None:
    """An existing person's row (issue 17): FTE, position, education, salary and unit change from "Spēkā no",
    or from the import date when it is empty, so the figures before it keep the earlier values; the other
    fields are set as given. With no date and the import date outside the employment (someone who has left,
    or starts later) the values correct the current ones, as an import always did."""
    from swdesk import staff_terms

    dated = {name: values[name] for name in m.TERM_FIELDS if name in values}
    changed = False
    for name in STAFF_FIELDS:
        if name not in dated and name in values and getattr(staff, name) != values[name]:
            setattr(staff, name, values[name])
            changed = True
    day = values.get("valid_from")
    if day is None and staff_terms.date_problem(start=staff.start, end=staff.end, day=today) is None:
        day = today
    if day is None:
        for name, value in dated.items():
            if getattr(staff, name) != value:
                setattr(staff, name, value)
                changed = True
    elif staff_terms.changed_fields(staff, dated, day):
        changed = staff_terms.change_from(session, staff, dated, day).changed or changed
    if changed:
        counts.updated += 1
    else:
        counts.unchanged += 1


def _apply_vacancies(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    existing = {(v.position_code, v.announced): v for v in session.scalars(select(m.Vacancy))}
    for row in rows:
        vacancy = existing.get((row.values["position_code"], row.values["announced"]))
        if vacancy is None:
            fields = ("position_code", "fte", "announced", "filled", "notes")
            records.add(session, "vacancy", {f: row.values.get(f) for f in fields}, checked=True)
            counts.added += 1
        else:
            _update(vacancy, row.values, ("fte", "filled", "notes"), counts)


def _apply_criteria(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    existing = {
        (c.position_code, c.work_type_code, c.unit_code): c for c in session.scalars(select(m.Criterion))
    }
    for row in rows:
        v = row.values
        criterion = existing.get((v["position_code"], v["work_type_code"], v["unit_code"]))
        if criterion is None:
            fields = ("position_code", "work_type_code", "unit_code", "max_per_fte", "weight")
            records.add(session, "criterion", {f: v.get(f) for f in fields}, checked=True)
            counts.added += 1
        else:
            _update(criterion, v, ("max_per_fte", "weight"), counts)


def _staff_ids(session: Session, rows: list[ParsedRow]) -> dict[str, int]:
    numbers = list({row.values["tabeles_nr"] for row in rows})
    ids: dict[str, int] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        stmt = select(m.Staff.tabeles_nr, m.Staff.id).where(m.Staff.tabeles_nr.in_(chunk))
        ids.update((nr, staff_id) for nr, staff_id in session.execute(stmt))
    return ids


def _existing_for(
    session: Session, model: Any, date_field: str, rows: list[ParsedRow], row_field: str, ids: dict[str, int]
) -> list[Any]:
    """Rows of ``model`` for the staff and the date range of the import: all that a key could match."""
    days = [row.values[row_field] for row in rows]
    column = getattr(model, date_field)
    stmt = select(model).where(column >= min(days), column <= max(days))
    if len(ids) <= 500:  # beyond that the date range alone narrows enough, within parameter limits
        stmt = stmt.where(model.staff_id.in_(sorted(set(ids.values()))))
    return list(session.scalars(stmt))


def _apply_caseloads(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    ids = _staff_ids(session, rows)
    existing = {
        (c.staff_id, c.month, c.work_type_code): c
        for c in _existing_for(session, m.Caseload, "month", rows, "month", ids)
    }
    for row in rows:
        v = row.values
        key = (ids[v["tabeles_nr"]], v["month"], v["work_type_code"])
        caseload = existing.get(key)
        if caseload is None:
            values = {"staff_id": key[0], "month": key[1], "work_type_code": key[2], "cases": v.get("cases"),
                      "applications": v.get("applications"), "persons": v.get("persons")}
            caseload = records.add(session, "caseload", values, checked=True)
            existing[key] = caseload
            counts.added += 1
        else:
            _update(caseload, v, ("cases", "applications", "persons"), counts)


def _apply_duties(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    ids = _staff_ids(session, rows)
    existing = {
        (d.staff_id, d.date, d.category_code, d.hours, d.description)
        for d in _existing_for(session, m.Duty, "date", rows, "date", ids)
    }
    for row in rows:
        v = row.values
        key = (ids[v["tabeles_nr"]], v["date"], v["category_code"], v["hours"], v.get("description"))
        if key in existing:
            counts.unchanged += 1
            continue
        values = {"staff_id": key[0], "date": key[1], "category_code": key[2], "hours": key[3],
                  "description": key[4]}
        records.add(session, "duty", values, checked=True)
        existing.add(key)
        counts.added += 1


TRAINING_KEY = (
    "date",
    "kind",
    "form",
    "duration",
    "duration_unit",
    "topic",
    "provider",
    "certified_supervisor",
    "cost",
    "invoice",
)


def _apply_training(session: Session, rows: list[ParsedRow], counts: SheetCounts) -> None:
    """Events are keyed by everything entered; ``minutes`` is derived, so a changed academic-hour setting
    updates the stored minutes of the same event instead of adding it a second time."""
    ids = _staff_ids(session, rows)
    existing = {
        (e.staff_id, *(getattr(e, f) for f in TRAINING_KEY)): e
        for e in _existing_for(session, m.TrainingEvent, "date", rows, "date", ids)
    }
    for row in rows:
        v = row.values
        key = (ids[v["tabeles_nr"]], *(v.get(f) for f in TRAINING_KEY))
        event = existing.get(key)
        if event is None:
            values = {"staff_id": key[0], "minutes": v["minutes"], **{f: v.get(f) for f in TRAINING_KEY}}
            event = records.add(session, "training", values, checked=True)
            existing[key] = event
            counts.added += 1
        elif event.planned:  # the workbook reports done what was planned: the plan's event took place (issue 13)
            event.planned = False
            event.minutes = v["minutes"]
            counts.updated += 1
        else:
            _update(event, v, ("minutes",), counts)
