"""End to end: a small novads written into the import workbook by hand, imported and checked.

The service: 7600 residents, 8 staff, data for 2025, as a head would type it — Latvian names instead of
codes, dates as text `dd.mm.yyyy`, decimal commas, training partly in academic hours. The expected
findings were computed with a calculator; the arithmetic is beside each one (and the same municipality,
entered through the models, is checked in tests/test_check_cli.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from swdesk.cli import main

SHEETS: dict[str, list[list[object]]] = {
    "Iedzīvotāji": [["Gads", "Iedzīvotāju skaits"], [2025, 7600]],
    "Darbinieki": [
        [
            "Tabeles nr.",
            "Vārds",
            "Uzvārds",
            "Personas kods",
            "Amats",
            "Slodze",
            "Darba sākums",
            "Darba beigas",
            "Izglītība",
            "Mēnešalga",
            "Struktūrvienība",
        ],
        [
            "1",
            "Inese",
            "Kalniņa",
            "",
            "Vecākais sociālais darbinieks",
            "1",
            "01.03.2015",
            "",
            "E1",
            "1600",
            "",
        ],
        ["2", "Māris", "Ozols", "", "Sociālais darbinieks", "1", "08.01.2018", "", "E3", "1120,00", "Valka"],
        ["3", "Laura", "Liepa", "", "SD_JAUN", "1", "01.09.2021", "", "E6", "1000", ""],
        [
            "4",
            "Olga",
            "Petrova",
            "",
            "Sociālās palīdzības organizators",
            "1,0",
            "02.05.2016",
            "",
            "E4",
            "900",
            "",
        ],
        ["5", "Rita", "Zariņa", "", "Sociālais aprūpētājs", "0,5", "2025-07-01", "", "E4", "800", ""],
        ["6", "Anna", "Bērziņa", "", "Sociālais rehabilitētājs", "1", "01.02.2019", "", "E4", "800", ""],
        ["7", "Dace", "Vītola", "", "Sociālā dienesta vadītājs", "1", "02.01.2012", "", "E1", "2500", ""],
        ["8", "Ieva", "Kļaviņa", "", "ATB", "1", "01.04.2020", "", "E5", "900", ""],
    ],
    "Vakances": [
        ["Amats", "Slodze", "Izsludināta", "Aizpildīta", "Piezīmes"],
        ["Sociālais darbinieks", "1", "01.08.2025", "", "Valkas pagasts"],
    ],
    "Kritēriji": [
        ["Amats", "Darba veids", "Mērvienība", "Maks. uz slodzi mēnesī", "Svars"],
        ["*", "Gadījuma vadīšana", "lietu skaits", "25", ""],
    ],
    "Lietas": [
        [
            "Tabeles nr.",
            "Mēnesis",
            "Darba veids",
            "Lietu skaits",
            "Iesniegumu skaits",
            "Apkalpoto personu skaits",
        ],
        ["2", "2025-03", "GVAD", 30, None, None],
        ["2", "04.2025", "Gadījuma vadīšana", 25, None, None],
        ["1", "2025-03", "Krīzes intervence", None, None, 3],
    ],
    # Olga pays out benefits at the cash desk, logged as the head keeps it: ten days of 10 h in March,
    # then a monthly total for April (80 h) and for May (69,5 h, and a half hour entered on its own):
    # 250 hours in all, each month within its contracted hours (March 168 h, April 160 h, May 160 h)
    "Pienākumi": [["Tabeles nr.", "Datums", "Kategorija", "Stundas", "Apraksts"]]
    + [["4", f"{day:02d}.03.2025", "NS_GRAMAT", "10,0", "Pabalstu izmaksa kasē"] for day in range(3, 13)]
    + [
        ["4", "30.04.2025", "NS_GRAMAT", "80", "Pabalstu izmaksa kasē, aprīlis kopā"],
        ["4", "30.05.2025", "NS_GRAMAT", "69,5", "Pabalstu izmaksa kasē, maijs kopā"],
        ["4", "30.05.2025", "NS_GRAMAT", "0,5", "Kases atskaite"],
    ],
    "Apmācības": [
        [
            "Tabeles nr.",
            "Datums",
            "Veids",
            "Forma",
            "Ilgums",
            "Vienība",
            "Tēma",
            "Sniedzējs",
            "Sertificēts supervizors",
            "Izmaksas EUR",
            "Rēķina nr.",
        ],
        # 32 academic hours × 45 min = 1440 min = 24 h
        [
            "1",
            "15.10.2025",
            "Apmācības",
            "Klātiene",
            "32",
            "akadēmiskās stundas",
            "Gadījuma vadīšana",
            "LSDB",
            "",
            "",
            "",
        ],
        [
            "1",
            "15.10.2025",
            "Individuālā supervīzija",
            "Attālināti",
            "9",
            "astronomiskās stundas",
            "",
            "",
            "jā",
            "",
            "",
        ],
        ["2", "15.10.2025", "Apmācības", "", "24", "astronomiskās stundas", "", "", "", "", ""],
        ["2", "15.10.2025", "Grupas supervīzija", "", "1080", "minūtes", "", "", "jā", "", ""],
        ["3", "15.10.2025", "Apmācības", "", "24", "astronomiskās stundas", "", "", "", "", ""],
        [
            "3",
            "15.10.2025",
            "Individuālā supervīzija",
            "",
            "9",
            "astronomiskās stundas",
            "",
            "",
            "jā",
            "",
            "",
        ],
        ["4", "15.10.2025", "Apmācības", "", "16", "astronomiskās stundas", "", "", "", "", ""],
        [
            "4",
            "15.10.2025",
            "Individuālā supervīzija",
            "",
            "6",
            "astronomiskās stundas",
            "",
            "",
            "jā",
            "",
            "",
        ],
        ["5", "15.10.2025", "Apmācības", "", "8", "astronomiskās stundas", "", "", "", "", ""],
        ["5", "15.10.2025", "Grupas supervīzija", "", "9", "astronomiskās stundas", "", "", "jā", "", ""],
        ["6", "15.10.2025", "Apmācības", "", "16", "astronomiskās stundas", "", "", "", "", ""],
        [
            "6",
            "15.10.2025",
            "Individuālā supervīzija",
            "",
            "9",
            "astronomiskās stundas",
            "",
            "",
            "jā",
            "",
            "",
        ],
        ["7", "15.10.2025", "Apmācības", "", "24", "astronomiskās stundas", "", "", "", "", ""],
    ],
}

EXPECTED = [
    # R1: SDS on 31.12 = 1 + 1 + 1 + 1 + 0,5 + 1 = 5,5 FTE (VAD and ATB are not SDS); 7600 / 5,5 = 1381,8
    ("staffing.ratio", "service", 1381.8, 1000),
    # R2: Olga's share 250 / 1976 h (8 h × 247 working days) = 0,1265; S_eff = 5,5 − 0,1265 = 5,3735;
    #     7600 / 5,3735 = 1414,4
    ("staffing.effective_ratio", "service", 1414.4, 1000),
    # R3: Māris, March 30 cases on 1,0 FTE > 25 (April: 25, exactly the criterion)
    ("caseload.over_criterion", "staff:2:GVAD", 30.0, 25),
    # R5: crisis intervention has data (Inese) and no criterion
    ("caseload.no_criterion", "worktype:KRIZE", None, None),
    # R6: Olga 250 / 1976 = 0,127 > 0,10
    ("duties.share", "staff:4", 0.127, 0.1),
    # R7: Rita from 01.07.2025, 184 days: 16 × 184 / 365 = 8,07 required, 8 done
    ("training.hours", "staff:5", 8.0, 8.07),
    # R8: Olga 6 of 9 individual, no group; Rita 9 of 18 × 184 / 365 = 9,07 group
    ("supervision.hours", "staff:4", None, None),
    ("supervision.hours", "staff:5", None, None),
    # R9: Laura studies (E6) since 01.09.2021; three years ended 01.09.2024
    ("education.compliance", "staff:3", None, None),
    # R10: Māris 1120 < 1157, the 2023 minimum of group 9
    ("salary.below_scale", "staff:2", 1120, 1157),
    # R11: the SD vacancy of 01.08.2025 is 152 days open on 31.12.2025 (> 90)
    ("vacancy.long_open", "vacancy:SD:2025-08-01", 152, 90),
]


def _workbook(path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in SHEETS.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_hand_written_workbook_imports_and_gives_the_hand_computed_findings(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "valka.sqlite")
    workbook = _workbook(tmp_path / "Valka_2025.xlsx")
    assert (
        main(
            [
                "--db",
                db,
                "init",
                "--service",
                "Valkas novada sociālais dienests",
                "--municipality",
                "Valkas novads",
                "--head",
                "Dace Vītola",
            ]
        )
        == 0
    )
    assert main(["--db", db, "import", "--create-units", str(workbook)]) == 0
    assert main(["--db", db, "import", "--create-units", str(workbook)]) == 0  # the second time changes nothing
    capsys.readouterr()
    assert main(["--db", db, "check", "--year", "2025", "--as-of", "31.12.2025", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    got = [(f["rule"], f["subject"], f["value"], f["limit"]) for f in findings]
    assert got == EXPECTED
    assert "trūkst 2,10 slodzes" in findings[0]["message"]
    assert "Sociālo pakalpojumu un sociālās palīdzības likuma 10. pants" in findings[0]["message"]
