"""The empty import workbook (importa veidne) that `swdesk template` writes, SPEC §5.

The workbook is made from the same sheet table the importer reads with (:mod:`swdesk.importer.sheets`), so
an empty template imports as nothing and a filled one imports as typed. What helps the user — the fill and
comment on required headers, drop-down lists, date formats, the instruction sheet — never changes a header's
text, because the importer matches headers exactly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.i18n import all_keys, define, tr
from swdesk.importer import sheets as sh
from swdesk.importer.reader import HELPER_SHEETS

INSTRUCTION_SHEET, LISTS_SHEET = HELPER_SHEETS
LAST_ROW = 1_048_576  # the last row of an Excel sheet: lists and formats cover every row the user may fill
REQUIRED_FILL = PatternFill("solid", start_color="F8CBAD")
OPTIONAL_FILL = PatternFill("solid", start_color="DDEBF7")
FORMATS = {"date": "DD.MM.YYYY", "month": "MM.YYYY", "text": "@"}

# SPEC §5 sheet → a short key for its messages.
SHEET_KEYS = {
    "Iedzīvotāji": "population",
    "Darbinieki": "staff",
    "Vakances": "vacancies",
    "Kritēriji": "criteria",
    "Lietas": "caseloads",
    "Pienākumi": "duties",
    "Apmācības": "training",
}

define(
    {
        "template.title": ("swdesk importa veidne", "swdesk import workbook"),
        "template.general.1": (
            "Aizpildiet tās lapas, kuras vajag; tukšas lapas vai lapas, kuru nav, neko nemaina.",
            "Fill in the sheets you need; an empty or missing sheet changes nothing.",
        ),
        "template.general.2": (
            "Pirmā rinda ir kolonnu virsraksti — nemainiet to tekstu. Obligātās kolonnas ir oranžas, "
            "pārējās zilas; uzbraucot virsrakstam, redzams paskaidrojums.",
            "The first row holds the column headers — do not change their text. Required columns are "
            "orange, the others blue; hovering over a header shows an explanation.",
        ),
        "template.general.3": (
            "Datumi: dd.mm.gggg vai gggg-mm-dd; mēneši: gggg-mm vai mm.gggg. Decimāldaļu var atdalīt ar "
            "komatu vai punktu.",
            "Dates: dd.mm.yyyy or yyyy-mm-dd; months: yyyy-mm or mm.yyyy. Decimals may use a comma or a "
            "point.",
        ),
        "template.general.4": (
            "Kolonnās ar sarakstu izvēlieties vērtību no saraksta vai ierakstiet kodu (piem. SD, E3, GAD); "
            "Excel tad brīdina, bet kodu var apstiprināt.",
            "In columns with a list, pick a value from the list or type the code (e.g. SD, E3, GAD); Excel "
            "then warns, but the code can be confirmed.",
        ),
        "template.general.5": (
            "Imports ir «viss vai nekas»: ja kaut vienā rindā ir kļūda, nekas netiek ierakstīts un tiek "
            "parādītas visas kļūdas ar lapu, rindu un kolonnu.",
            "An import is all or nothing: if any row has an error, nothing is written and every error is "
            "listed with its sheet, row and column.",
        ),
        "template.general.6": (
            "Atkārtots imports: rindas ar jau esošu atslēgu tiek atjauninātas, vienādas rindas netiek "
            "mainītas, tāpēc to pašu failu var importēt vēlreiz.",
            "Importing again: rows whose key already exists are updated and identical rows are left as they "
            "are, so the same file may be imported again.",
        ),
        "template.general.7": (
            "Importēšana: swdesk import fails.xlsx (tikai pārbaude: swdesk import fails.xlsx --dry-run). "
            "Katru lapu var dot arī kā atsevišķu CSV failu UTF-8 kodējumā ar lapas nosaukumu, piem. "
            "Darbinieki.csv.",
            "To import: swdesk import file.xlsx (check only: swdesk import file.xlsx --dry-run). Each sheet "
            "may also be given as its own UTF-8 CSV file named after the sheet, e.g. Darbinieki.csv.",
        ),
        "template.heading.column": ("Kolonna", "Column"),
        "template.heading.required": ("Obligāta", "Required"),
        "template.heading.meaning": ("Ko rakstīt", "What to write"),
        "template.key": ("Atslēga: {key}", "Key: {key}"),
        "template.key.all": (
            "Atslēga: visas kolonnas (vienāda rinda netiek pievienota otrreiz)",
            "Key: all columns (an identical row is not added twice)",
        ),
        "template.yes": ("jā", "yes"),
        "template.no": ("nē", "no"),
        "template.required_comment": ("Obligāta kolonna.", "Required column."),
        "template.list_error": (
            "Vērtības nav sarakstā. Derīgs ir arī kods (piem. SD); citādi izvēlieties no saraksta.",
            "The value is not in the list. A code (e.g. SD) is valid too; otherwise pick from the list.",
        ),
        "template.sheet.population": (
            "Pašvaldības iedzīvotāju skaits gadā (normai «1 speciālists uz 1000 iedzīvotājiem»).",
            "Residents of the municipality per year (for the norm of one specialist per 1000 residents).",
        ),
        "template.sheet.staff": (
            "Darbinieki: viena rinda ir viena darba attiecība. Esoša darbinieka rinda tiek atjaunināta.",
            "Staff: one row is one employment. The row of an existing staff member is updated.",
        ),
        "template.sheet.vacancies": ("Izsludinātās vakances.", "Announced vacancies."),
        "template.sheet.criteria": (
            "Dienesta slodzes kritēriji: maksimālais apjoms uz vienu slodzi mēnesī katram darba veidam.",
            "The service's workload criteria: the maximum per one FTE per month for each work type.",
        ),
        "template.sheet.caseloads": (
            "Darbinieku mēneša lietu skaits pa darba veidiem.",
            "Each staff member's monthly caseload per work type.",
        ),
        "template.sheet.duties": (
            "Ar sociālo darbu nesaistīti pienākumi: viena rinda ir stundas kādā datumā vienā kategorijā. "
            "Mēneša kopsummu (piem. martā 40 h pārtikas paku izdalei) var ierakstīt vienā rindā ar jebkuru "
            "šā mēneša datumu. Viena darbinieka stundas vienā kalendārajā mēnesī kopā (arī jau importētās) "
            "nedrīkst pārsniegt mēneša darba laiku pēc slodzes: darba dienas × 8 h × slodze (piem. 2025. gada "
            "martā 21 darba diena: pilnai slodzei 168 h, pusslodzei 84 h).",
            "Duties not related to social work: one row is hours on a date in one category. A month's total "
            "(e.g. 40 h on food parcels in March) may be entered in one row with any date of that month. A "
            "staff member's hours in one calendar month (including those imported before) may not exceed the "
            "month's contracted hours: working days × 8 h × FTE (e.g. March 2025 has 21 working days: 168 h "
            "full time, 84 h half time).",
        ),
        "template.sheet.training": (
            "Apmācības un supervīzijas, ko apmeklējis darbinieks (viena rinda — viens darbinieks).",
            "Training and supervision attended by a staff member (one row per staff member).",
        ),
        "template.hint.population.year": ("Gads, piem. 2025.", "The year, e.g. 2025."),
        "template.hint.population.residents": (
            "Iedzīvotāju skaits šajā gadā, vesels skaitlis.",
            "Residents in that year, a whole number.",
        ),
        "template.hint.tabeles_nr": (
            "Darbinieka tabeles numurs (unikāls dienestā).",
            "The staff member's employee number (unique in the service).",
        ),
        "template.hint.tabeles_nr_ref": (
            "Darbinieka tabeles numurs; darbiniekam jābūt datubāzē vai lapā «Darbinieki».",
            "The employee number; the staff member must be in the database or the 'Darbinieki' sheet.",
        ),
        "template.hint.staff.first_name": ("Vārds.", "First name."),
        "template.hint.staff.last_name": ("Uzvārds.", "Last name."),
        "template.hint.staff.personal_code": (
            "Nav obligāts. Ja norādīts, pārbauda kontrolciparu: DDMMGG-NNNNN vai 32NNNN-NNNNN.",
            "Optional. If given, its check digit is verified: DDMMYY-NNNNN or 32NNNN-NNNNN.",
        ),
        "template.hint.position": (
            "Amats no saraksta vai tā kods (piem. SD).",
            "The position from the list or its code (e.g. SD).",
        ),
        "template.hint.fte": (
            "Slodze kā daļa no pilnas: 1, 0,5, 0,75; ne vairāk kā 1,5.",
            "FTE as a fraction of full time: 1, 0.5, 0.75; at most 1.5.",
        ),
        "template.hint.staff.start": ("Darba attiecību sākuma datums.", "Start date of the employment."),
        "template.hint.staff.end": (
            "Beigu datums; tukšs, ja darba attiecības turpinās. Ne agrāk par sākumu.",
            "End date; empty while the employment continues. Not before the start.",
        ),
        "template.hint.staff.education_code": (
            "Izglītība no saraksta vai kods E1–E6.",
            "Education from the list or the code E1–E6.",
        ),
        "template.hint.staff.salary": (
            "Mēnešalga EUR par pilnu slodzi (arī nepilnas slodzes darbiniekam).",
            "Monthly salary in EUR for full time (also for a part-time staff member).",
        ),
        "template.hint.staff.unit_name": ("Struktūrvienība (nav obligāta).", "Department (optional)."),
        "template.hint.staff.specialization": (
            "Specializācija (nav obligāta).",
            "Specialisation (optional).",
        ),
        "template.hint.staff.valid_from": (
            "Nav obligāts. Datums, no kura mainītā slodze, amats, izglītība, mēnešalga vai struktūrvienība "
            "ir spēkā jau esošam darbiniekam; tukšs — importa diena. Pārbaudes, pieprasījumi un aptaujas par "
            "laiku pirms tā paliek ar iepriekšējām vērtībām. Jaunam darbiniekam vērtības ir spēkā no darba "
            "sākuma.",
            "Optional. The date from which a changed FTE, position, education, salary or unit of an existing "
            "staff member applies; empty: the day of the import. Checks, claims and surveys of the time before it "
            "keep the earlier values. For a new staff member the values apply from the start of employment.",
        ),
        "template.hint.vacancies.announced": ("Izsludināšanas datums.", "Date announced."),
        "template.hint.vacancies.filled": (
            "Aizpildīšanas datums; tukšs, kamēr vakance ir atvērta.",
            "Date filled; empty while the vacancy is open.",
        ),
        "template.hint.vacancies.notes": ("Piezīmes (nav obligātas).", "Notes (optional)."),
        "template.hint.criteria.position_code": (
            "Amats no saraksta, kods vai *, ja kritērijs attiecas uz visiem amatiem.",
            "The position from the list, its code, or * for every position.",
        ),
        "template.hint.work_type": (
            "Darba veids no saraksta vai kods (piem. GAD).",
            "The work type from the list or its code (e.g. GAD).",
        ),
        "template.hint.criteria.unit_code": (
            "Mērvienība no saraksta vai kods: LIETAS, IESN, PERS.",
            "The unit from the list or its code: LIETAS, IESN, PERS.",
        ),
        "template.hint.criteria.max_per_fte": (
            "Maksimālais apjoms uz 1 slodzi mēnesī, lielāks par 0.",
            "The maximum per 1 FTE per month, greater than 0.",
        ),
        "template.hint.criteria.weight": (
            "Svars svērtās slodzes aprēķinam (nav obligāts).",
            "Weight for the weighted workload (optional).",
        ),
        "template.hint.caseloads.month": (
            "Mēnesis: gggg-mm, mm.gggg vai jebkurš šī mēneša datums.",
            "The month: yyyy-mm, mm.yyyy or any date in the month.",
        ),
        "template.hint.count": (
            "Vesels skaitlis, 0 vai vairāk; jānorāda vismaz viens no trim skaitiem.",
            "A whole number, 0 or more; give at least one of the three counts.",
        ),
        "template.hint.date": ("Datums.", "The date."),
        "template.hint.duties.category_code": (
            "Kategorija no saraksta vai kods (piem. NS_ADMIN).",
            "The category from the list or its code (e.g. NS_ADMIN).",
        ),
        "template.hint.duties.date": (
            "Datums; mēneša kopsummai — jebkurš šā mēneša datums.",
            "The date; for a month's total, any date of that month.",
        ),
        "template.hint.duties.hours": (
            "Stundas, lielākas par 0, piem. 1,5, vai mēneša kopsumma, piem. 40. Darbinieka stundas mēnesī kopā "
            "nedrīkst pārsniegt mēneša darba laiku (darba dienas × 8 h × slodze).",
            "Hours, more than 0, e.g. 1.5, or a month's total, e.g. 40. A staff member's hours in a month "
            "may not exceed the month's contracted hours (working days × 8 h × FTE).",
        ),
        "template.hint.duties.description": ("Apraksts (nav obligāts).", "Description (optional)."),
        "template.hint.training.kind": (
            "Apmācības, Individuālā supervīzija vai Grupas supervīzija.",
            "Apmācības (training), Individuālā supervīzija or Grupas supervīzija.",
        ),
        "template.hint.training.form": (
            "Klātiene vai Attālināti; tukšs nozīmē Klātiene.",
            "Klātiene (in person) or Attālināti (remote); empty means in person.",
        ),
        "template.hint.training.duration": (
            "Ilgums kolonnā «Vienība» norādītajās vienībās, piem. 1,5.",
            "The duration in the unit given in 'Vienība', e.g. 1.5.",
        ),
        "template.hint.training.duration_unit": (
            "astronomiskās stundas, akadēmiskās stundas (1 = {minutes} min) vai minūtes; kopā jāsanāk "
            "veselām minūtēm.",
            "astronomiskās stundas (hours), akadēmiskās stundas (academic hours, 1 = {minutes} min) or "
            "minūtes (minutes); the total must be whole minutes.",
        ),
        "template.hint.training.topic": ("Tēma (nav obligāta).", "Topic (optional)."),
        "template.hint.training.provider": ("Sniedzējs vai supervizors.", "Provider or supervisor."),
        "template.hint.training.certified_supervisor": (
            "jā vai nē: vai supervizors ir sertificēts (supervīzijai).",
            "jā (yes) or nē (no): whether the supervisor is certified (for supervision).",
        ),
        "template.hint.training.cost": (
            "Izmaksas EUR uz vienu personu, 0 vai vairāk, ne vairāk kā 2 cipari aiz komata.",
            "Cost in EUR per person, 0 or more, at most 2 decimals.",
        ),
        "template.hint.training.invoice": ("Rēķina numurs.", "Invoice number."),
    }
)

_HINT_KEYS = frozenset(key for key in all_keys() if key.startswith("template.hint."))
# Hints shared by columns of the same meaning on several sheets.
_SHARED_HINTS = {
    "position_code": "template.hint.position",
    "fte": "template.hint.fte",
    "work_type_code": "template.hint.work_type",
    "cases": "template.hint.count",
    "applications": "template.hint.count",
    "persons": "template.hint.count",
    "date": "template.hint.date",
}


def column_hint(sheet: sh.Sheet, column: sh.Column, *, academic_minutes: int = 45) -> str:
    """What to write in a column, in the current language (header comments and the instruction sheet)."""
    sheet_key = SHEET_KEYS[sheet.name]
    if column.field == "tabeles_nr":
        key = "template.hint.tabeles_nr" if sheet.name == "Darbinieki" else "template.hint.tabeles_nr_ref"
    else:
        own = f"template.hint.{sheet_key}.{column.field}"
        key = own if own in _HINT_KEYS else _SHARED_HINTS[column.field]
    return tr(key, minutes=academic_minutes)


def catalogue_lists(session: Session | None = None) -> dict[str, list[str]]:
    """The values of each drop-down list: catalogue names from the database if given, else as shipped."""
    if session is not None:
        from swdesk.db import models as m

        def names(model: Any) -> list[str]:
            return list(session.scalars(select(model.name).order_by(model.code)))

        positions = names(m.Position)
        lists = {
            "education": names(m.Education),
            "work_types": names(m.WorkType),
            "units": names(m.Unit),
            "categories": names(m.DutyCategory),
        }
    else:
        from swdesk.db.catalogues import shipped

        catalogues = shipped()
        positions = [row["name"] for row in catalogues["positions"]]
        lists = {
            "education": [row["name"] for row in catalogues["education"]],
            "work_types": [row["name"] for row in catalogues["work_types"]],
            "units": [row["name"] for row in catalogues["units"]],
            "categories": [row["name"] for row in catalogues["duty_categories"]],
        }
    return {
        "positions": positions,
        "positions_or_any": ["*", *positions],
        **lists,
        "kinds": [label for _, label in sh.TRAINING_KINDS.labels],
        "forms": [label for _, label in sh.FORMS.labels],
        "duration_units": [label for _, label in sh.DURATION_UNITS.labels],
        "yes_no": list(sh.YES_NO),
    }


def write_template(path: Path | str, *, session: Session | None = None) -> Path:
    """Write the empty import workbook to ``path`` (SPEC §5) and return the path.

    With a ``session`` the drop-down lists hold the database's catalogues (a head's edits included) and the
    instruction gives the academic hour in force today; without one, the shipped catalogues and defaults.
    """
    path = Path(path)
    academic_minutes = 45
    if session is not None:
        from swdesk import settings as st

        academic_minutes = int(st.get(session, "hours.academic_minutes", dt.date.today()))
    lists = catalogue_lists(session)

    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = INSTRUCTION_SHEET
    lists_sheet = workbook.create_sheet(LISTS_SHEET)
    ranges = _write_lists(lists_sheet, lists)
    for sheet in sh.SHEETS:
        _write_sheet(
            workbook.create_sheet(sheet.name), sheet, ranges=ranges, academic_minutes=academic_minutes
        )
    workbook.move_sheet(lists_sheet, offset=len(sh.SHEETS))  # last, after the data sheets
    lists_sheet.sheet_state = "hidden"
    _write_instructions(instructions, academic_minutes=academic_minutes)
    workbook.active = 0
    from swdesk.export.common import atomic_output

    # whole or not at all: a full disk never leaves a cut workbook under the real name
    with atomic_output(path, overwrite=True, suffix=".xlsx") as temporary:
        workbook.save(temporary)
    return path


def _write_lists(ws: Worksheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """One list per column of the hidden ``Saraksti`` sheet; returns list name → absolute range."""
    ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=index, value=value)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _write_sheet(ws: Worksheet, sheet: sh.Sheet, *, ranges: dict[str, str], academic_minutes: int) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        cell.alignment = Alignment(vertical="center")
        hint = column_hint(sheet, column, academic_minutes=academic_minutes)
        if column.required:
            hint = f"{tr('template.required_comment')} {hint}"
        comment = Comment(hint, "swdesk")
        comment.width, comment.height = 260, 90
        cell.comment = comment
        dimension = ws.column_dimensions[letter]
        dimension.width = max(column.width, len(column.header) + 3)
        if column.kind in FORMATS:
            dimension.number_format = FORMATS[column.kind]
        if column.kind.startswith("list:"):
            validation = DataValidation(
                type="list",
                formula1=ranges[column.kind.removeprefix("list:")],
                allow_blank=True,
                showErrorMessage=True,
                # A warning, not a stop: a code typed instead of a name (SD) is valid for the importer.
                errorStyle="warning",
                error=tr("template.list_error"),
            )
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            ws.add_data_validation(validation)
    ws.freeze_panes = "A2"


def _write_instructions(ws: Worksheet, *, academic_minutes: int) -> None:
    widths = {"A": 26, "B": 11, "C": 80}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    # Printed, the sheet fits the page width; on screen nothing needs scrolling sideways.
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append([tr("template.title")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for number in range(1, 8):
        text = tr(f"template.general.{number}")
        ws.append([text])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.cell(row=row, column=1).alignment = wrap
        _fit_row(ws, row, text, sum(widths.values()))
    for sheet in sh.SHEETS:
        ws.append([])
        ws.append([sheet.name, None, tr(f"template.sheet.{SHEET_KEYS[sheet.name]}")])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=12)
        ws.cell(row=ws.max_row, column=3).alignment = wrap
        _fit_row(ws, ws.max_row, tr(f"template.sheet.{SHEET_KEYS[sheet.name]}"), widths["C"])
        if sheet.key:
            key = tr("template.key", key=" + ".join(sheet.column(f).header for f in sheet.key))
        else:
            key = tr("template.key.all")
        ws.append([None, None, key])
        ws.append(
            [tr("template.heading.column"), tr("template.heading.required"), tr("template.heading.meaning")]
        )
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            required = tr("template.yes") if column.required else tr("template.no")
            hint = column_hint(sheet, column, academic_minutes=academic_minutes)
            ws.append([column.header, required, hint])
            ws.cell(row=ws.max_row, column=3).alignment = wrap
            _fit_row(ws, ws.max_row, hint, widths["C"])
            if column.required:
                ws.cell(row=ws.max_row, column=1).fill = REQUIRED_FILL


def _fit_row(ws: Worksheet, row: int, text: str, width: int) -> None:
    """Give a row with wrapped text the lines it needs: LibreOffice (and Excel for merged cells) keeps the
    default height, so a second line was drawn over the next row ("minūtēm." over "Tēma")."""
    lines = -(-len(text) // int(width * 1.1))  # a column of width w holds about 1.1 × w letters of text
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines
        for cell in ws[row]:  # the column's name beside the first line of its text, not the last
            cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top")
