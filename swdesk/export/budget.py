"""Budžeta pamatojums (issue 13): the council document that compares chosen staffing scenarios with today.

It holds figures only — ratios, shares, findings counted by rule, costs per position — and no staff names,
employee numbers or personal codes: a person who would leave is named by position, and pay appears only
summed per position. Every figure is the one :mod:`swdesk.planning` computes and the side-by-side rows
(:func:`swdesk.planning.comparison_rows`) write; this module only lays them out (PDF through
:mod:`swdesk.export.pdf`, with the font that has the Latvian letters, and xlsx through
:mod:`swdesk.export.xlsx`). Always Latvian, like every document that leaves the office.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from swdesk.export import pdf
from swdesk.export import xlsx as xl
from swdesk.export.common import OFFICIAL_LANGUAGE, SMALL_GROUP, date_text, document_language
from swdesk.i18n import define, tr
from swdesk.planning import (
    CASES,
    FTE_KIND,
    INTEGER,
    MONEY,
    RATIO,
    SHARE,
    Comparison,
    column_titles,
    comparison_rows,
    deadline_text,
    describe_change,
    format_value,
)
from swdesk.rules import scenario as sc

define(
    {
        "budget.title": ("Budžeta pamatojums {year}. gadam", "Budget justification for {year}"),
        "budget.subtitle": (
            "Sociālā dienesta personāla scenāriji salīdzinājumā ar šodienu",
            "Staffing scenarios of the social service compared with today",
        ),
        "budget.service": ("Dienests", "Service"),
        "budget.municipality": ("Pašvaldība", "Municipality"),
        "budget.checks": ("Normu pārbaudes", "Norm checks"),
        "budget.checks.value": ("{year}. gads uz {date}", "{year} as of {date}"),
        "budget.rate": ("Darba devēja VSAOI likme", "Employer's social insurance rate"),
        "budget.scenarios": ("Scenāriji", "Scenarios"),
        "budget.scenario.line": ("{name} (no {date}): {changes}", "{name} (from {date}): {changes}"),
        "budget.method": (
            "Rādītāji ir šī gada normu pārbaudes, it kā izmaiņas jau būtu spēkā: jauns amats skaitās aizpildīts "
            "visu gadu, aizejošais darbinieks pārbaužu dienā vairs nestrādā. Izmaksas ir scenārija datuma gadam: "
            "mēnešalga × slodze × mēneši + darba devēja VSAOI, izmaiņas no scenārija datuma.",
            "The figures are this year's norm checks as if the changes were in force: a new post counts as "
            "filled all year, a leaver no longer works on the date of the checks. The cost is for the year of "
            "the scenario's date: salary × FTE × months + the employer's social insurance, changes from the "
            "scenario's date.",
        ),
        "budget.comparison": ("Salīdzinājums", "Comparison"),
        "budget.col.figure": ("Rādītājs", "Figure"),
        "budget.charts": ("Grafiki", "Charts"),
        "budget.chart.ratio": ("Iedzīvotāji uz vienu sociālā darba speciālistu", "Residents per social work specialist"),
        "budget.chart.ratio.r1": ("Pēc slodzēm (R1)", "By FTE (R1)"),
        "budget.chart.ratio.r2": ("Faktiski (R2)", "In effect (R2)"),
        "budget.chart.ratio.norm": ("Norma 1:{limit}", "Norm 1:{limit}"),
        "budget.chart.cost": ("Personāla izmaksas {year}. gadā, EUR", "Personnel cost in {year}, EUR"),
        "budget.chart.cost.series": ("Izmaksas", "Cost"),
        "budget.axis.residents": ("iedzīvotāji", "residents"),
        "budget.axis.eur": ("EUR", "EUR"),
        "budget.by_position": ("Personāla izmaksas pa amatiem {year}. gadā, EUR", "Personnel cost by position in {year}, EUR"),
        "budget.col.position": ("Amats", "Position"),
        "budget.total": ("Kopā", "Total"),
        "budget.minimum": (
            "Mēnešalgas līdz skalas minimumam līdz {date}",
            "Salaries up to the scale minimum by {date}",
        ),
        "budget.minimum.note": (
            "Cik gadā izmaksā visu mēnešalgu, kas zemākas par amata mēnešalgu grupas minimumu, paaugstināšana "
            "līdz minimumam (R10), ar darba devēja VSAOI; darbinieki, kas strādās {year}. gadā.",
            "What lifting every salary below the minimum of its position's salary group (R10) costs a year, "
            "with the employer's social insurance; staff employed in {year}.",
        ),
        "budget.minimum.none": ("Visas mēnešalgas sasniedz skalas minimumu.", "Every salary reaches the scale minimum."),
        "budget.col.people": ("Darbinieki", "Staff"),
        "budget.other_positions": (
            "Amati ar mazāk nekā {small} darbiniekiem", "Positions with fewer than {small} staff"
        ),
        "budget.small": ("< {small}", "< {small}"),
        "budget.withheld": ("nerāda", "withheld"),
        "budget.small_groups.note": (
            "Amati, kuros kādā slejā ir mazāk nekā {small} darbinieki, apvienoti vienā rindā, lai no dokumenta "
            "nevarētu nolasīt viena cilvēka algu; ja arī tajā ir mazāk nekā {small}, summu nerāda (kopsumma "
            "budžeta lēmumam ir redzama).",
            "Positions with fewer than {small} staff in any column are pooled in one row, so that nobody's pay "
            "can be read from the document; where that row too has fewer than {small}, its amount is withheld "
            "(the total stays, for the budget decision).",
        ),
        "budget.col.fte": ("Slodzes", "FTE"),
        "budget.col.yearly": ("Gadā, EUR", "A year, EUR"),
        "budget.signed": ("Sagatavots {date}.", "Prepared on {date}."),
        "budget.head": ("Sociālā dienesta vadītājs", "Head of the social service"),
        "budget.remove": ("Aiziet 1 darbinieks: {position}", "1 staff member leaves: {position}"),
        "budget.sheet.comparison": ("Salīdzinājums", "Comparison"),
        "budget.sheet.scenarios": ("Scenāriji", "Scenarios"),
        "budget.sheet.positions": ("Izmaksas pa amatiem", "Cost by position"),
        "budget.sheet.minimum": ("Skalas minimums", "Scale minimum"),
        "budget.col.scenario": ("Scenārijs", "Scenario"),
        "budget.col.from": ("No", "From"),
        "budget.col.change": ("Izmaiņa", "Change"),
    }
)

_XLSX_KIND = {INTEGER: "int", RATIO: "decimal1", FTE_KIND: "fte", SHARE: "share", MONEY: "money", CASES: "money"}


def _change_text(change: sc.Change, comparison: Comparison) -> str:
    """A change in words, a leaver by position only: the document names nobody."""
    if change.kind == sc.REMOVE_STAFF:
        person = next((p for p in comparison.snapshot.staff if p.tabeles_nr == change.tabeles_nr), None)
        position = comparison.snapshot.positions.get(person.position_code) if person else None
        return tr("budget.remove", position=position.name if position else "—")
    return describe_change(change, comparison.snapshot)


def _position_name(comparison: Comparison, code: str) -> str:
    info = comparison.snapshot.positions.get(code)
    return info.name if info else code


def _small(people: int) -> bool:
    """A group whose figures would be one or two persons' pay (the council report's rule, SMALL_GROUP)."""
    return 0 < people < SMALL_GROUP


def _cost_by_position(comparison: Comparison) -> tuple[list[str], list[list[Decimal | None]], list[Decimal]]:
    """Position names (in catalogue order), each column's cost for it, and each column's total.

    A document that goes to the council names nobody's pay: positions with fewer than SMALL_GROUP people in
    any column are pooled into one "Citi amati" row, whose amount is withheld (None) in a column where the
    pool too is small. The totals are always the whole service's."""
    outcomes = [comparison.today, *comparison.scenarios]
    tables = [o.cost.by_position() for o in outcomes]
    order = list(comparison.snapshot.positions)
    codes = sorted({c for t in tables for c in t}, key=lambda c: (order.index(c) if c in order else len(order), c))

    def people(table: dict[str, tuple[int, Decimal, Decimal]], code: str) -> int:
        return table[code][0] if code in table else 0

    def cost(table: dict[str, tuple[int, Decimal, Decimal]], code: str) -> Decimal:
        return table[code][1] + table[code][2] if code in table else Decimal(0)

    shown = [c for c in codes if not any(_small(people(t, c)) for t in tables)]
    pooled = [c for c in codes if c not in shown]
    names = [_position_name(comparison, c) for c in shown]
    rows: list[list[Decimal | None]] = [[cost(t, c) for t in tables] for c in shown]
    if pooled:
        names.append(tr("budget.other_positions", small=SMALL_GROUP))
        rows.append([
            None if _small(sum(people(t, c) for c in pooled)) else sum((cost(t, c) for c in pooled), Decimal(0))
            for t in tables
        ])
    totals = [sum((cost(t, c) for c in codes), Decimal(0)) for t in tables]
    return names, rows, totals


def _minimum_by_position(
    comparison: Comparison, raises: tuple[sc.RaiseCost, ...]
) -> list[tuple[str, int, Decimal | None, Decimal | None]]:
    """Position, people, FTE and yearly cost of lifting pay to the minimum; positions with fewer than
    SMALL_GROUP such people pooled as "Citi amati", with FTE and cost withheld where the pool is small too."""
    groups: dict[str, tuple[int, Decimal, Decimal]] = {}
    for r in raises:
        n, fte, money = groups.get(r.position_code, (0, Decimal(0), Decimal(0)))
        groups[r.position_code] = (n + 1, fte + r.fte, money + r.yearly)
    result: list[tuple[str, int, Decimal | None, Decimal | None]] = [
        (_position_name(comparison, code), *groups[code]) for code in sorted(groups) if not _small(groups[code][0])
    ]
    pooled = [groups[code] for code in sorted(groups) if _small(groups[code][0])]
    if pooled:
        n = sum(g[0] for g in pooled)
        fte = sum((g[1] for g in pooled), Decimal(0))
        money = sum((g[2] for g in pooled), Decimal(0))
        result.append((tr("budget.other_positions", small=SMALL_GROUP), n, None if _small(n) else fte, None if _small(n) else money))
    return result


def _people_text(people: int) -> str:
    return tr("budget.small", small=SMALL_GROUP) if _small(people) else format_value(people, INTEGER)


def _amount_text(value: Decimal | None, kind: str) -> str:
    return tr("budget.withheld") if value is None else format_value(value, kind)


def _header_lines(comparison: Comparison) -> list[tuple[str, str]]:
    service = comparison.snapshot.service
    return [
        (tr("budget.service"), service.name if service else ""),
        (tr("budget.municipality"), service.municipality if service else ""),
        (tr("budget.checks"), tr("budget.checks.value", year=comparison.year, date=date_text(comparison.as_of))),
    ]


def _cost_year(comparison: Comparison) -> int:
    return (comparison.scenarios[-1] if comparison.scenarios else comparison.today).cost.year


# --- PDF -----------------------------------------------------------------------------------------------------


def write_budget_pdf(
    comparison: Comparison,
    raises: tuple[sc.RaiseCost, ...],
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    prepared: dt.date | None = None,
) -> Path:
    with document_language(OFFICIAL_LANGUAGE):
        return _write_pdf(comparison, raises, path, overwrite=overwrite, prepared=prepared or dt.date.today())


def _write_pdf(
    comparison: Comparison,
    raises: tuple[sc.RaiseCost, ...],
    path: str | os.PathLike[str],
    *,
    overwrite: bool,
    prepared: dt.date,
) -> Path:
    wide = len(comparison.scenarios) > 2
    width = pdf.content_width(wide=wide)
    year = _cost_year(comparison)
    title = tr("budget.title", year=year)
    story: list[Any] = pdf.title_block(title=title, subtitle=tr("budget.subtitle"), lines=_header_lines(comparison),
                                       width=width)
    story.append(pdf.heading(tr("budget.scenarios")))
    for outcome in comparison.scenarios:
        assert outcome.spec is not None
        changes = "; ".join(_change_text(c, comparison) for c in outcome.spec.changes) or "—"
        story.append(pdf.paragraph(tr("budget.scenario.line", name=outcome.spec.name,
                                      date=date_text(outcome.spec.valid_from), changes=changes)))
    story.append(pdf.paragraph(tr("budget.method"), small=True))
    story.append(pdf.heading(tr("budget.comparison")))
    titles = column_titles(comparison)
    rows = comparison_rows(comparison)
    story.append(pdf.data_table(
        header=[tr("budget.col.figure"), *titles],
        rows=[[r.label, *(format_value(v, r.kind) for v in r.values)] for r in rows],
        widths=[44, *([56 / len(titles)] * len(titles))],
        align=pdf.left_then_right(len(titles)),
        total_rows=[i for i, r in enumerate(rows) if r.key in ("findings", "cost")],
        font_size=8,
        width=width,
    ))
    story.append(pdf.PageBreak())
    story.append(pdf.heading(tr("budget.charts")))
    limit = float(comparison.limit)
    story.append(pdf.bar_chart(
        title=tr("budget.chart.ratio"),
        categories=titles,
        series=[
            pdf.Series(tr("budget.chart.ratio.r1"), [o.figures.ratio for o in [comparison.today, *comparison.scenarios]]),
            pdf.Series(tr("budget.chart.ratio.r2"),
                       [o.figures.effective_ratio for o in [comparison.today, *comparison.scenarios]]),
        ],
        value_title=tr("budget.axis.residents"),
        reference=(tr("budget.chart.ratio.norm", limit=f"{limit:.0f}"), limit),
        width=width,
    ))
    story.append(pdf.Spacer(1, 6 * pdf.mm))
    story.append(pdf.bar_chart(
        title=tr("budget.chart.cost", year=year),
        categories=titles,
        series=[pdf.Series(tr("budget.chart.cost.series"),
                           [o.cost.total for o in [comparison.today, *comparison.scenarios]])],
        value_title=tr("budget.axis.eur"),
        width=width,
    ))
    names, costs, totals = _cost_by_position(comparison)
    story.append(pdf.heading(tr("budget.by_position", year=year)))
    story.append(pdf.data_table(
        header=[tr("budget.col.position"), *titles],
        rows=[[name, *(_amount_text(v, MONEY) for v in row)] for name, row in zip(names, costs, strict=True)]
        + [[tr("budget.total"), *(format_value(v, MONEY) for v in totals)]],
        widths=[44, *([56 / len(titles)] * len(titles))],
        align=pdf.left_then_right(len(titles)),
        total_rows=[len(names)],
        font_size=8,
        width=width,
    ))
    story.append(pdf.paragraph(tr("budget.small_groups.note", small=SMALL_GROUP), small=True))
    story.append(pdf.heading(tr("budget.minimum", date=deadline_text())))
    story.append(pdf.paragraph(tr("budget.minimum.note", year=deadline_text()[-4:]), small=True))
    groups = _minimum_by_position(comparison, raises)
    if groups:
        story.append(pdf.data_table(
            header=[tr("budget.col.position"), tr("budget.col.people"), tr("budget.col.fte"), tr("budget.col.yearly")],
            rows=[[name, _people_text(n), _amount_text(fte, FTE_KIND), _amount_text(money, MONEY)]
                  for name, n, fte, money in groups]
            + [[tr("budget.total"), format_value(len(raises), INTEGER),
                format_value(sum((r.fte for r in raises), Decimal(0)), FTE_KIND),
                format_value(sum((r.yearly for r in raises), Decimal(0)), MONEY)]],
            widths=[52, 14, 14, 20],
            align=["left", "right", "right", "right"],
            total_rows=[len(groups)],
            font_size=8,
            width=width,
        ))
    else:
        story.append(pdf.paragraph(tr("budget.minimum.none")))
    service = comparison.snapshot.service
    story.append(pdf.KeepTogether([
        pdf.Spacer(1, 4 * pdf.mm),
        pdf.paragraph(tr("budget.signed", date=date_text(prepared))),
        *pdf.signature_lines(role=tr("budget.head"), name=service.head_name if service else None, width=width),
    ]))
    return pdf.build_pdf(path, story=story, title=title, wide=wide, overwrite=overwrite)


# --- xlsx ----------------------------------------------------------------------------------------------------


def write_budget_xlsx(
    comparison: Comparison,
    raises: tuple[sc.RaiseCost, ...],
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
) -> Path:
    with document_language(OFFICIAL_LANGUAGE):
        return _write_xlsx(comparison, raises, path, overwrite=overwrite)


def _write_xlsx(
    comparison: Comparison, raises: tuple[sc.RaiseCost, ...], path: str | os.PathLike[str], *, overwrite: bool
) -> Path:
    year = _cost_year(comparison)
    book = xl.new_workbook()
    titles = column_titles(comparison)
    ws = xl.add_sheet(book, tr("budget.sheet.comparison"))
    row = xl.write_title_block(ws, title=tr("budget.title", year=year),
                               lines=[(label, value, "text") for label, value in _header_lines(comparison)])
    columns = [xl.Column(tr("budget.col.figure"), "text", max_width=60), *(xl.Column(t, "number") for t in titles)]
    header = row
    xl.write_header(ws, row=header, columns=columns)
    for r in comparison_rows(comparison):
        row += 1
        xl.set_text(ws.cell(row=row, column=1), r.label)
        for i, value in enumerate(r.values, start=2):
            xl.set_value(ws.cell(row=row, column=i), value, _XLSX_KIND[r.kind])  # type: ignore[arg-type]
    xl.freeze_below(ws, header, columns=1)
    xl.fit_columns(ws)
    xl.setup_print(ws, landscape=len(titles) > 3, header_row=header, footer=tr("budget.title", year=year))

    ws = xl.add_sheet(book, tr("budget.sheet.scenarios"))
    scenario_rows = [
        [o.spec.name, o.spec.valid_from, _change_text(c, comparison)]
        for o in comparison.scenarios if o.spec for c in (o.spec.changes or (None,)) if c is not None
    ]
    xl.write_table(ws, columns=[xl.Column(tr("budget.col.scenario")), xl.Column(tr("budget.col.from"), "date"),
                                xl.Column(tr("budget.col.change"), max_width=80)], rows=scenario_rows)
    xl.fit_columns(ws)

    ws = xl.add_sheet(book, tr("budget.sheet.positions"))
    names, costs, totals = _cost_by_position(comparison)
    last_header, last = xl.write_table(
        ws, columns=[xl.Column(tr("budget.col.position"), max_width=50), *(xl.Column(t, "money") for t in titles)],
        rows=[[name, *(tr("budget.withheld") if v is None else v for v in r)] for name, r in zip(names, costs,
                                                                                                  strict=True)],
    )
    xl.write_row(ws, row=last + 1,
                 columns=[xl.Column(tr("budget.col.position")), *(xl.Column(t, "money") for t in titles)],
                 values=[tr("budget.total"), *totals], total=True)
    xl.fit_columns(ws)

    ws = xl.add_sheet(book, tr("budget.sheet.minimum"))
    groups = _minimum_by_position(comparison, raises)
    minimum_columns = [xl.Column(tr("budget.col.position"), max_width=50), xl.Column(tr("budget.col.people"), "int"),
                       xl.Column(tr("budget.col.fte"), "fte"), xl.Column(tr("budget.col.yearly"), "money")]
    start = xl.write_title_block(ws, title=tr("budget.minimum", date=deadline_text()))
    _, last = xl.write_table(ws, columns=minimum_columns, start_row=start, rows=[
        [name, _people_text(n) if _small(n) else n, *(tr("budget.withheld") if v is None else v for v in (fte, money))]
        for name, n, fte, money in groups
    ])
    xl.write_row(ws, row=last + 1, columns=minimum_columns, total=True, values=[
        tr("budget.total"), len(raises), sum((r.fte for r in raises), Decimal(0)),
        sum((r.yearly for r in raises), Decimal(0))])
    xl.fit_columns(ws)
    return xl.save_workbook(book, path, overwrite=overwrite)
