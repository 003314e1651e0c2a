"""The self-test of an installed swdesk: is the program whole on this computer? (issue 6)

Run by ``swdesk selftest`` (and ``swdesk-cli.exe selftest`` in the Windows bundle) and by the GUI's Help
menu. Each check is one function in :data:`CHECKS`; it returns nothing (or a short detail) when the check
passes and raises when it does not. The checks never touch the user's own database: everything is done in
a temporary folder that is removed afterwards.

What is checked is what a broken bundle or installation gets wrong in practice: the Alembic scripts or the
catalogue data were not packed (the database cannot be created), the ``.qm`` files were not built or not
packed (the window comes up in English), the PDF font is missing or lacks a letter (ā, ķ, ņ … print as
black boxes), or a library the claim documents need was left out (openpyxl, reportlab).

Qt is used only through ``swdesk.gui.translations``, imported inside :func:`check_translations`, so this
module imports with PySide6 blocked, like the rest of the core.
"""

from __future__ import annotations

import datetime as dt
import importlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from swdesk.i18n import define, tr
from swdesk.resources import resource

if TYPE_CHECKING:
    from swdesk.db.database import Database

define(
    {
        "selftest.ok": ("OK  ", "OK  "),
        "selftest.fail": ("VIGA", "FAIL"),
        "selftest.database": (
            "datubāze izveidojas un migrē pagaidu mapē",
            "the database opens and migrates in a temporary folder",
        ),
        "selftest.translations": (
            "latviešu tulkojumi (swdesk_lv.qm, qtbase_lv.qm) ielādējas",
            "the Latvian translations (swdesk_lv.qm, qtbase_lv.qm) load",
        ),
        "selftest.font": (
            "PDF fontam ir visi latviešu burti",
            "the PDF font has every Latvian letter",
        ),
        "selftest.claim": (
            "kompensācijas pieprasījums aprēķinās un eksportējas uz .xlsx un .pdf",
            "a compensation claim is computed and exported to .xlsx and .pdf",
        ),
        "selftest.no_export": (
            "eksporta funkcijas šajā versijā nav; pārbaudīts tikai aprēķins",
            "this version has no export functions; only the computation was checked",
        ),
        "selftest.wrong_revision": (
            "shēmas versija pēc migrācijas ir {found}, gaidīta {expected}",
            "the schema version after migrating is {found}, expected {expected}",
        ),
        "selftest.no_qt": ("PySide6 nav pieejams: {detail}", "PySide6 is not available: {detail}"),
        "selftest.qm_not_loaded": (
            "{name} neielādējas no {folder}",
            "{name} does not load from {folder}",
        ),
        "selftest.font_missing": ("fonta fails nav atrasts: {path}", "the font file is missing: {path}"),
        "selftest.font_letters": (
            "fontā {font} trūkst burtu: {letters}",
            "the font {font} lacks the letters: {letters}",
        ),
        "selftest.claim_totals": (
            "aprēķinā {rows} ieraksti, izslēgti {excluded}, attiecināmās izmaksas {eligible} "
            "(gaidīti 2, 0, {expected})",
            "the claim has {rows} rows, {excluded} excluded, eligible cost {eligible} "
            "(expected 2, 0, {expected})",
        ),
        "selftest.xlsx_no_total": (
            "{file} neatrod kopsummu {total}",
            "{file} does not show the total {total}",
        ),
        "selftest.encryption": (
            "šifrēšana pieejama (SQLCipher šifrē un atver datubāzi)",
            "encryption is available (SQLCipher encrypts and opens a database)",
        ),
        "selftest.keystore": ("atslēgu glabā: {name}", "the key is kept by: {name}"),
        "selftest.no_keystore": (
            "jaunu datubāzi šifrēt nepiedāvā: {reason}",
            "encrypting a new database is not offered: {reason}",
        ),
        "selftest.not_encrypted": (
            "SQLCipher fails nav šifrēts (teksts redzams failā)",
            "the SQLCipher file is not encrypted (the text shows in the file)",
        ),
        "selftest.pdf_bad": (
            "{file} nav PDF ar iegultu fontu {font}",
            "{file} is not a PDF with the embedded font {font}",
        ),
    }
)

# Every letter of the Latvian alphabet that is not in ASCII, capital and small (ISO 8859-13 / Latin-7).
LATVIAN_LETTERS = "ĀČĒĢĪĶĻŅŠŪŽāčēģīķļņšūž"
# The fonts the PDF documents embed (swdesk.export.pdf registers these two under these names).
PDF_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PDF_FONT_NAME = "DejaVuSans"


class CheckFailed(Exception):
    """A check found a problem; the message says what, for a person reading the self-test's output."""


@dataclass(frozen=True)
class Workspace:
    """What a check may use: a temporary folder of its own (removed after the self-test)."""

    folder: Path


@dataclass(frozen=True)
class Check:
    """One self-test check: the message key of its label and the function that does it.

    ``run`` returns None or a short note shown after the label (e.g. that a part was skipped) and raises
    :class:`CheckFailed` (or any exception) when the check does not pass.
    """

    label_key: str
    run: Callable[[Workspace], str | None]

    @property
    def label(self) -> str:
        return tr(self.label_key)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check, for the command line and for the GUI's self-test dialog."""

    label: str
    ok: bool
    detail: str | None = None

    def line(self) -> str:
        """``OK   <what>`` or ``VIGA <what>: <why>``: one line, so the output can be read over the phone."""
        status = tr("selftest.ok" if self.ok else "selftest.fail")
        text = f"{status} {self.label}"
        if self.detail:
            text += f": {self.detail}" if not self.ok else f" ({self.detail})"
        return text


# --- the checks --------------------------------------------------------------------------------------------


def check_database(work: Workspace) -> str | None:
    """A new SQLite database is created and migrated to the newest schema, with the catalogues.

    Fails when the Alembic scripts (``swdesk/db/migrations``) or ``swdesk/data`` were not packed.
    """
    from sqlalchemy import func, select

    from swdesk.db import migrate
    from swdesk.db import models as m
    from swdesk.db.database import open_database

    database = open_database(str(work.folder / "selftest-db.sqlite"), auto_backup=False)
    try:
        found = migrate.current_revision(database.engine)
        expected = migrate.head_revision()
        if found != expected:
            raise CheckFailed(tr("selftest.wrong_revision", found=found, expected=expected))
        with database.read() as session:
            positions = session.scalar(select(func.count()).select_from(m.Position))
        if not positions:
            raise CheckFailed("catalogues: 0 positions")
    finally:
        database.close()
    return None


def check_translations(work: Workspace) -> str | None:
    """swdesk's ``swdesk_lv.qm`` and Qt's ``qtbase_lv.qm`` load, exactly as the GUI loads them."""
    try:
        from swdesk.gui import translations
    except ImportError as exc:
        raise CheckFailed(tr("selftest.no_qt", detail=exc)) from exc
    problems = [
        tr("selftest.qm_not_loaded", name=f"{name}.qm", folder=folder)
        for name, folder in translations.latvian_files()
        if translations.load(name, folder) is None
    ]
    if problems:
        raise CheckFailed("; ".join(problems))
    return None


def pdf_font_paths() -> list[Path]:
    """The TrueType files the PDF documents embed."""
    return [resource("fonts", name) for name in PDF_FONT_FILES]


def missing_letters(path: Path, letters: str = LATVIAN_LETTERS) -> str:
    """The letters of ``letters`` that the TrueType font at ``path`` has no glyph for (its cmap)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(path)).charToGlyph
    return "".join(ch for ch in letters if cmap.get(ord(ch), 0) == 0)


def check_font(work: Workspace) -> str | None:
    """Every PDF font file is there and maps each Latvian letter to a real glyph (not glyph 0, the box)."""
    problems = []
    for path in pdf_font_paths():
        if not path.is_file():
            problems.append(tr("selftest.font_missing", path=path))
            continue
        lacking = missing_letters(path)
        if lacking:
            problems.append(tr("selftest.font_letters", font=path.name, letters=lacking))
    if problems:
        raise CheckFailed("; ".join(problems))
    return None


def claim_writers() -> tuple[Callable[..., Path], Callable[..., Path]] | None:
    """``(write_claim_xlsx, write_claim_pdf)`` if this version of swdesk has them, else None."""
    for module_name in ("swdesk.export", "swdesk.export.claim_docs"):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module_name.startswith(exc.name):
                raise  # a library the writers need is missing: that is a failure, not "no export"
            continue
        xlsx_writer = getattr(module, "write_claim_xlsx", None)
        pdf_writer = getattr(module, "write_claim_pdf", None)
        if xlsx_writer is not None and pdf_writer is not None:
            return xlsx_writer, pdf_writer
    return None


SAMPLE_YEAR = 2025
# Training 120 min for 60.00 (no cost cap) + certified individual supervision 60 min for 30.00 (at the
# default cap of 30 EUR / 60 min): both included in full, whatever the rate.
SAMPLE_ELIGIBLE = Decimal("90.00")


def _fill_sample(database: Database) -> None:
    from swdesk.db import models as m

    with database.write() as s:
        s.add(m.Service(name="Pašpārbaudes dienests", municipality="Rīga", head_name="Līga Ūdre"))
        person = m.Staff(
            tabeles_nr="ST-1",
            first_name="Ņina",
            last_name="Šķēle",
            position_code="SD",
            fte=Decimal("1"),
            start=dt.date(SAMPLE_YEAR - 1, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        s.add(person)
        s.add_all(
            [
                m.TrainingEvent(
                    staff=person,
                    date=dt.date(SAMPLE_YEAR, 2, 3),
                    kind="training",
                    minutes=120,
                    duration=Decimal(2),
                    duration_unit="hours",
                    cost=Decimal("60.00"),
                    invoice="PT-1",
                    provider="Ģimeņu atbalsta centrs",
                ),
                m.TrainingEvent(
                    staff=person,
                    date=dt.date(SAMPLE_YEAR, 3, 4),
                    kind="supervision_individual",
                    minutes=60,
                    duration=Decimal(60),
                    duration_unit="minutes",
                    cost=Decimal("30.00"),
                    invoice="PT-2",
                    certified_supervisor=True,
                ),
            ]
        )


def _xlsx_shows(path: Path, total: Decimal) -> bool:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                        if abs(Decimal(str(value)) - total) < Decimal("0.005"):
                            return True
    finally:
        workbook.close()
    return False


def check_claim(work: Workspace) -> str | None:
    """A small claim (one person, two events) is computed and, if the writers exist, exported, read back."""
    from swdesk.db.database import open_database
    from swdesk.rules.claim import build_claim, round_cents
    from swdesk.rules.periods import parse_period

    database = open_database(str(work.folder / "selftest-claim.sqlite"), auto_backup=False)
    try:
        _fill_sample(database)
        with database.read() as session:
            claim = build_claim(session, parse_period(str(SAMPLE_YEAR)))
    finally:
        database.close()
    totals = claim.totals
    if (totals.rows, totals.excluded_rows, totals.eligible_cost) != (2, 0, SAMPLE_ELIGIBLE):
        raise CheckFailed(
            tr(
                "selftest.claim_totals",
                rows=totals.rows,
                excluded=totals.excluded_rows,
                eligible=totals.eligible_cost,
                expected=SAMPLE_ELIGIBLE,
            )
        )
    expected = round_cents(SAMPLE_ELIGIBLE * claim.rate)
    if totals.compensation != expected:
        raise CheckFailed(f"compensation {totals.compensation} != {expected}")

    writers = claim_writers()
    if writers is None:
        return tr("selftest.no_export")
    write_xlsx, write_pdf = writers
    xlsx_path = write_xlsx(claim, work.folder / "pieprasijums.xlsx")
    if not _xlsx_shows(Path(xlsx_path), totals.compensation):
        raise CheckFailed(tr("selftest.xlsx_no_total", file=Path(xlsx_path).name, total=totals.compensation))
    pdf_path = Path(write_pdf(claim, work.folder / "pieprasijums.pdf"))
    data = pdf_path.read_bytes()
    # reportlab writes font dictionaries uncompressed: the embedded subset is named "XXXXXX+DejaVuSans".
    if not data.startswith(b"%PDF") or f"+{PDF_FONT_NAME}".encode() not in data:
        raise CheckFailed(tr("selftest.pdf_bad", file=pdf_path.name, font=PDF_FONT_NAME))
    return None


def check_encryption(work: Workspace) -> str | None:
    """SQLCipher writes a file with none of its text readable and opens it again with the key; the note says
    which credential store keeps keys here (or why a new database is not offered encryption). The key of
    this check is never put in the store."""
    from swdesk.db import encryption

    problem = encryption.sqlcipher_problem()
    if problem is not None:
        raise CheckFailed(problem)
    key = encryption.key_from_recovery(encryption.new_recovery_key())
    path = work.folder / "sifreta.sqlite"
    text = "Ērika Šķēle " + LATVIAN_LETTERS
    con = encryption.connect(path, key)
    try:
        con.execute("CREATE TABLE t (v TEXT)")
        con.execute("INSERT INTO t VALUES (?)", (text,))
        con.commit()
    finally:
        con.close()
    if encryption.is_plain(path) or "Šķēle".encode() in path.read_bytes():
        raise CheckFailed(tr("selftest.not_encrypted"))
    con = encryption.connect(path, key)
    try:
        found = con.execute("SELECT v FROM t").fetchone()
    finally:
        con.close()
    if found != (text,):
        raise CheckFailed(repr(found))
    store = encryption.keystore_problem()
    if store is not None:
        return tr("selftest.no_keystore", reason=store)
    import keyring

    return tr("selftest.keystore", name=getattr(keyring.get_keyring(), "name", type(keyring.get_keyring()).__name__))


CHECKS: list[Check] = [
    Check("selftest.database", check_database),
    Check("selftest.translations", check_translations),
    Check("selftest.font", check_font),
    Check("selftest.claim", check_claim),
    Check("selftest.encryption", check_encryption),
]


# --- running them ------------------------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    # A CheckFailed message is already for people; anything else is unexpected, so name its type too.
    if isinstance(exc, CheckFailed):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def results(checks: list[Check] | None = None) -> Iterator[CheckResult]:
    """Run the checks one by one, each in its own temporary folder; one failing does not stop the rest."""
    base = Path(tempfile.mkdtemp(prefix="swdesk-selftest-"))
    try:
        for index, check in enumerate(CHECKS if checks is None else checks):
            folder = base / str(index)
            folder.mkdir()
            try:
                detail = check.run(Workspace(folder))
            except Exception as exc:  # every failure is reported as a VIGA line, never as a traceback
                yield CheckResult(check.label, False, _reason(exc))
            else:
                yield CheckResult(check.label, True, detail)
    finally:
        # SQLite on Windows may hold a file a moment after close; a leftover temp folder is harmless.
        shutil.rmtree(base, ignore_errors=True)


def run_selftest(report: Callable[[str], object] = print, *, checks: list[Check] | None = None) -> bool:
    """Run every check, pass one line per check to ``report``; True only if all passed."""
    all_ok = True
    for result in results(checks):
        report(result.line())
        all_ok = all_ok and result.ok
    return all_ok
