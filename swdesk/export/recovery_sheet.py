"""The recovery key sheet ("Atkopšanas atslēga"): one A4 page to print and keep in a safe.

It is the only other way into an encrypted database besides the key in the PC's credential store (a new
PC, another Windows user, a reinstalled system). Written once, when the database is encrypted; the key is
not kept anywhere else by the program. Always Latvian, like every document that leaves the screen.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from swdesk.export import pdf
from swdesk.export.common import document_language
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr

define(
    {
        "recovery.title": ("Atkopšanas atslēga", "Recovery key"),
        "recovery.subtitle": ("swdesk šifrētā datubāze", "swdesk encrypted database"),
        "recovery.database": ("Datubāze", "Database"),
        "recovery.date": ("Datums", "Date"),
        "recovery.key": ("Atkopšanas atslēga", "Recovery key"),
        "recovery.what": (
            "Datubāze ir šifrēta: bez atslēgas tās saturu (darbinieku vārdus, personas kodus, algas) nevar "
            "izlasīt, arī ja fails vai dators nozagts. Ikdienā atslēga glabājas šī datora akreditācijas datu "
            "krātuvē (Windows Credential Manager), un nekas nav jāievada. Šī atkopšanas atslēga ir vienīgais "
            "cits veids, kā datubāzi atvērt — piemēram, jaunā datorā, cita Windows lietotāja kontā vai pēc "
            "sistēmas pārinstalēšanas. Programma to nekur citur nesaglabā un vairs neparādīs.",
            "The database is encrypted: without the key its content (staff names, personal codes, salaries) "
            "cannot be read, even if the file or the PC is stolen. Day to day the key is kept in this PC's "
            "credential store (Windows Credential Manager) and nothing needs typing. This recovery key is the "
            "only other way to open the database — on a new PC, in another Windows user's account or after "
            "the system is reinstalled, for example. The program keeps it nowhere else and will not show it "
            "again.",
        ),
        "recovery.keep": (
            "Kur to glabāt: izdrukātu, seifā vai slēgtā skapī, atsevišķi no datora un no dublējumu "
            "nesējiem. Neglabājiet to kā failu tajā pašā datorā, e-pastā vai kopā ar datubāzes kopijām: kam ir "
            "gan kopija, gan šī lapa, var izlasīt visu.",
            "Where to keep it: printed, in a safe or a locked cupboard, apart from the PC and from the backup "
            "media. Do not keep it as a file on the same PC, in e-mail or with copies of the database: whoever "
            "has both a copy and this sheet can read everything.",
        ),
        "recovery.use": (
            "Kā lietot: ja atslēgas datorā nav, programma, atverot datubāzi, pati piedāvā «Ievadīt atkopšanas "
            'atslēgu»; komandrindā: swdesk --db "{path}" --recovery-key "{example}". Atslēgu var rakstīt ar '
            "mazajiem vai lielajiem burtiem, ar vai bez domuzīmēm; O nozīmē 0, I un L — 1. Pēc tam atslēga "
            "atkal glabājas datorā.",
            'How to use it: when the key is not on the computer, the program offers "Enter the recovery key" '
            'itself when it opens the database; on the command line: swdesk --db "{path}" --recovery-key '
            '"{example}". The key may be typed in lower or upper case, with or without dashes; O means 0, I '
            "and L mean 1. The key is then kept on the computer again.",
        ),
        "recovery.backups": (
            "Tā pati atslēga atver arī šīs datubāzes dublējumus (mapē backups blakus datubāzei).",
            "The same key also opens this database's backups (the backups folder beside the database).",
        ),
    }
)


def write_recovery_sheet(
    path: str | os.PathLike[str],
    *,
    recovery_key: str,
    database: Path,
    day: dt.date | None = None,
    overwrite: bool = True,
) -> Path:
    """Write the sheet for ``recovery_key`` of the database file ``database`` to ``path`` (in Latvian)."""
    with document_language():
        return _write(path, recovery_key=recovery_key, database=database, day=day, overwrite=overwrite)


def _write(
    path: str | os.PathLike[str], *, recovery_key: str, database: Path, day: dt.date | None, overwrite: bool
) -> Path:
    st = pdf.styles(cell_size=10)
    day = day or dt.date.today()
    story = pdf.title_block(
        title=tr("recovery.title"),
        subtitle=tr("recovery.subtitle"),
        lines=[
            (tr("recovery.database"), str(database)),
            (tr("recovery.date"), fmt_date(day)),
        ],
    )
    key_style = ParagraphStyle(
        "recovery_key", fontName=pdf.FONT_BOLD, fontSize=16, leading=22, alignment=TA_CENTER
    )
    box = Table(
        [
            [Paragraph(pdf.escape(tr("recovery.key")), st.body)],
            [Paragraph(pdf.escape(recovery_key), key_style)],
        ],
        colWidths=[pdf.content_width()],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, "#000000"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    example = recovery_key.split("-")[0] + "-…"
    story += [
        box,
        Spacer(1, 6 * mm),
        Paragraph(pdf.escape(tr("recovery.what")), st.body),
        Spacer(1, 3 * mm),
        Paragraph(pdf.escape(tr("recovery.keep")), st.body),
        Spacer(1, 3 * mm),
        Paragraph(pdf.escape(tr("recovery.use", path=database, example=example)), st.body),
        Spacer(1, 3 * mm),
        Paragraph(pdf.escape(tr("recovery.backups")), st.body),
    ]
    return pdf.build_pdf(path, story=story, title=tr("recovery.title"), overwrite=overwrite)
