"""`swdesk plan`: staffing scenarios (issue 13) — create, list, show (side by side with today), delete.

A scenario never changes the data: `show` computes it on a copy in memory. `show --pdf/--xlsx` writes the
council document "Budžeta pamatojums" (no staff names: figures per position).

    swdesk plan create "Norma 1:1000" --from 01.01.2027 --add SD:1:1250:2 --move NS_PARTIKA:100%
    swdesk plan show "Norma 1:1000" --json
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal, InvalidOperation

from swdesk.commands import open_db, parse_date, print_json, report_written
from swdesk.formats import fmt_date, fmt_number
from swdesk.i18n import define, tr

define(
    {
        "plan.help": ("personāla scenāriji: cik maksā un ko rāda pārbaudes",
                      "staffing scenarios: their cost and what the checks would say"),
        "plan.create.help": ("saglabāt jaunu scenāriju", "save a new scenario"),
        "plan.list.help": ("visi scenāriji", "every scenario"),
        "plan.show.help": ("scenāriji blakus šodienai (bez nosaukumiem: visi)",
                           "scenarios beside today (no names: all)"),
        "plan.delete.help": ("dzēst scenāriju", "delete a scenario"),
        "plan.training.help": ("gada apmācību un supervīzijas plāns", "the year's training and supervision plan"),
        "plan.name": ("scenārija nosaukums", "the scenario's name"),
        "plan.from": ("datums, no kura izmaiņas stātos spēkā (dd.mm.gggg)",
                      "the date from which the changes would apply (dd.mm.yyyy)"),
        "plan.add": ("jauni amati: AMATS:SLODZE:MĒNEŠALGA[:SKAITS[:STRUKTŪRVIENĪBA]]",
                     "new posts: POSITION:FTE:SALARY[:COUNT[:UNIT]]"),
        "plan.remove": ("darbinieks (tabeles nr.), kas aiziet", "a staff member (employee number) who leaves"),
        # argparse formats a help with %: a percent sign is written %%
        "plan.move": ("nesaistītās stundas nodot citiem: KATEGORIJA:50%% vai KATEGORIJA:10h (mēnesī katram)",
                      "move non-social-work hours away: CATEGORY:50%% or CATEGORY:10h (a month per person)"),
        "plan.mv.name": ("NOSAUKUMS", "NAME"),
        "plan.mv.add": ("AMATS:SLODZE:ALGA", "POSITION:FTE:SALARY"),
        "plan.mv.remove": ("TABELES_NR", "NUMBER"),
        "plan.mv.move": ("KATEGORIJA:DAĻA", "CATEGORY:AMOUNT"),
        "plan.mv.note": ("TEKSTS", "TEXT"),
        "plan.population": ("iedzīvotāju skaita prognoze", "population forecast"),
        "plan.raise": ("visas mēnešalgas zem skalas minimuma paaugstināt līdz tam",
                       "raise every salary below the scale minimum to it"),
        "plan.note": ("piezīme", "a note"),
        "plan.year": ("pārbaužu gads (noklusējums: šis gads)", "the year of the checks (default: this year)"),
        "plan.as_of": ("pārbaužu datums (noklusējums: šodiena)", "the date of the checks (default: today)"),
        "plan.json": ("rezultāts JSON formātā", "print the result as JSON"),
        "plan.bad_add": ("«{value}» nav AMATS:SLODZE:MĒNEŠALGA[:SKAITS[:STRUKTŪRVIENĪBA]], piem. SD:1:1250:2.",
                         "'{value}' is not POSITION:FTE:SALARY[:COUNT[:UNIT]], e.g. SD:1:1250:2."),
        "plan.bad_move": ("«{value}» nav KATEGORIJA:50% vai KATEGORIJA:10h.",
                          "'{value}' is not CATEGORY:50% or CATEGORY:10h."),
        "plan.created": ("Scenārijs «{name}» saglabāts ({count} izmaiņas).",
                         "The scenario '{name}' was saved ({count} changes)."),
        "plan.deleted": ("Scenārijs «{name}» dzēsts.", "The scenario '{name}' was deleted."),
        "plan.none": ("Scenāriju vēl nav. Izveidojiet: swdesk plan create NOSAUKUMS --from DATUMS …",
                      "No scenarios yet. Create one: swdesk plan create NAME --from DATE …"),
        "plan.list.line": ("{name} — no {date}: {changes}", "{name} — from {date}: {changes}"),
        "plan.show.title": ("Scenāriji blakus šodienai: {year}. gada pārbaudes uz {date}",
                            "Scenarios beside today: the checks of {year} as of {date}"),
        "plan.minimum.title": (
            "Mēnešalgas līdz skalas minimumam līdz {date}: {total} EUR gadā ({count} darbinieki, ar VSAOI)",
            "Salaries up to the scale minimum by {date}: {total} EUR a year ({count} staff, with social insurance)",
        ),
        "plan.training.title": ("{year}. gada apmācību plāns: paredzamā kompensācija {total} EUR",
                                "Training plan of {year}: expected compensation {total} EUR"),
        "plan.training.person": (
            "{name}: apmācībām vēl vajag {training} h; kompensējams vēl {left} h; plānots {planned} h, "
            "kompensācija {money} EUR",
            "{name}: training still needed {training} h; still compensable {left} h; planned {planned} h, "
            "compensation {money} EUR",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("plan", parents=[common], help=tr("plan.help"))
    actions = p.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", parents=[common], help=tr("plan.create.help"))
    create.add_argument("name", metavar=tr("plan.mv.name"), help=tr("plan.name"))
    create.add_argument("--from", dest="valid_from", required=True, help=tr("plan.from"))
    create.add_argument("--add", action="append", default=[], metavar=tr("plan.mv.add"), help=tr("plan.add"))
    create.add_argument("--remove", action="append", default=[], metavar=tr("plan.mv.remove"),
                        help=tr("plan.remove"))
    create.add_argument("--move", action="append", default=[], metavar=tr("plan.mv.move"), help=tr("plan.move"))
    create.add_argument("--population", type=int, help=tr("plan.population"))
    create.add_argument("--raise-to-minimum", action="store_true", help=tr("plan.raise"))
    create.add_argument("--note", metavar=tr("plan.mv.note"), help=tr("plan.note"))
    listing = actions.add_parser("list", parents=[common], help=tr("plan.list.help"))
    listing.add_argument("--json", action="store_true", help=tr("plan.json"))
    show = actions.add_parser("show", parents=[common], help=tr("plan.show.help"))
    show.add_argument("names", nargs="*", metavar=tr("plan.mv.name"), help=tr("plan.name"))
    show.add_argument("--year", type=int, help=tr("plan.year"))
    show.add_argument("--as-of", help=tr("plan.as_of"))
    show.add_argument("--json", action="store_true", help=tr("plan.json"))
    from swdesk.commands import add_document_options

    add_document_options(show)
    remove = actions.add_parser("delete", parents=[common], help=tr("plan.delete.help"))
    remove.add_argument("name", metavar=tr("plan.mv.name"), help=tr("plan.name"))
    training = actions.add_parser("training", parents=[common], help=tr("plan.training.help"))
    training.add_argument("--year", type=int, help=tr("plan.year"))
    training.add_argument("--json", action="store_true", help=tr("plan.json"))
    return p


def _decimal(text: str) -> Decimal:
    value = Decimal(text.strip().replace(",", "."))
    if not value.is_finite():
        raise InvalidOperation
    return value


def _changes(args: argparse.Namespace) -> list:  # type: ignore[type-arg]
    from swdesk.cli import UsageError
    from swdesk.rules import scenario as sc

    changes = []
    for text in args.add:
        parts = text.split(":", 4)
        try:
            if len(parts) < 3:
                raise InvalidOperation
            count = int(parts[3]) if len(parts) > 3 and parts[3].strip() else 1
            changes.append(sc.Change(sc.ADD_POSITION, position_code=parts[0].strip().upper(), count=count,
                                     fte=_decimal(parts[1]), salary=_decimal(parts[2]),
                                     unit_name=parts[4].strip() if len(parts) > 4 else None))
        except (InvalidOperation, ValueError):
            raise UsageError(tr("plan.bad_add", value=text)) from None
    for number in args.remove:
        changes.append(sc.Change(sc.REMOVE_STAFF, tabeles_nr=number.strip()))
    for text in args.move:
        match = re.fullmatch(r"\s*([A-Za-z_]+)\s*:\s*([0-9.,]+)\s*(%|h)\s*", text)
        if match is None:
            raise UsageError(tr("plan.bad_move", value=text))
        amount = _decimal(match[2])
        if match[3] == "%":
            changes.append(sc.Change(sc.MOVE_DUTIES, category_code=match[1].upper(), share=amount / 100))
        else:
            changes.append(sc.Change(sc.MOVE_DUTIES, category_code=match[1].upper(), hours_per_month=amount))
    if args.population is not None:
        changes.append(sc.Change(sc.POPULATION, residents=args.population))
    if args.raise_to_minimum:
        changes.append(sc.Change(sc.RAISE_TO_MINIMUM))
    return changes


def _table(titles: list[str], rows: list[tuple[str, list[str]]]) -> list[str]:
    widths = [max(len(r[0]) for r in rows)] + [
        max(len(titles[i]), *(len(r[1][i]) for r in rows)) for i in range(len(titles))
    ]
    lines = ["  ".join([" " * widths[0], *(t.rjust(w) for t, w in zip(titles, widths[1:], strict=True))])]
    for label, values in rows:
        lines.append("  ".join([label.ljust(widths[0]), *(v.rjust(w) for v, w in zip(values, widths[1:],
                                                                                      strict=True))]))
    return lines


def run(args: argparse.Namespace) -> int:
    from swdesk import planning
    from swdesk.cli import UsageError
    from swdesk.rules import scenario as sc

    try:
        return _run(args, planning, sc)
    except planning.PlanningError as exc:
        raise UsageError(str(exc)) from None


def _run(args: argparse.Namespace, planning, sc) -> int:  # type: ignore[no-untyped-def]
    if args.action == "create":
        spec = sc.ScenarioSpec(name=args.name, valid_from=parse_date(args.valid_from),
                               changes=tuple(_changes(args)), note=args.note)
        with open_db(args).write() as session:
            planning.save_scenario(session, spec)
        print(tr("plan.created", name=spec.name.strip(), count=len(spec.changes)))
        return 0
    if args.action == "delete":
        with open_db(args).write() as session:
            planning.delete_scenario(session, args.name)
        print(tr("plan.deleted", name=args.name.strip()))
        return 0
    if args.action == "list":
        with open_db(args).read() as session:
            specs = planning.list_scenarios(session)
            snapshot = planning.load_names(session)
        if args.json:
            print_json([{"name": s.name, "valid_from": s.valid_from, "note": s.note,
                         "changes": [planning.describe_change(c, snapshot) for c in s.changes]} for s in specs])
            return 0
        if not specs:
            print(tr("plan.none"))
        for s in specs:
            print(tr("plan.list.line", name=s.name, date=fmt_date(s.valid_from),
                     changes="; ".join(planning.describe_change(c, snapshot) for c in s.changes) or "—"))
        return 0
    if args.action == "training":
        import datetime as dt

        year = args.year or dt.date.today().year
        with open_db(args).read() as session:
            plan = planning.training_plan(session, year=year)
        if args.json:
            print_json({
                "year": plan.year,
                "expected_compensation": plan.expected_compensation,
                "people": [{"staff": p.tabeles_nr, "training_needed": p.training_needed,
                            "supervision_individual_needed": p.supervision_individual_needed,
                            "supervision_group_needed": p.supervision_group_needed, "cap_left": p.cap_left,
                            "planned_minutes": p.planned_minutes, "expected_compensation": p.expected_compensation}
                           for p in plan.people],
                "warnings": [{"staff": w.tabeles_nr, "date": w.date, "kind": w.kind, "minutes": w.minutes,
                              "compensable_minutes": w.compensable_minutes, "message": w.warning()}
                             for w in plan.warnings],
            })
            return 0
        print(tr("plan.training.title", year=year, total=fmt_number(plan.expected_compensation)))
        for p in plan.people:
            print("  " + tr("plan.training.person", name=p.name, training=fmt_number(p.training_needed),
                            left=fmt_number(Decimal(p.cap_left.get("training", 0)) / 60),
                            planned=fmt_number(Decimal(p.planned_minutes.get("training", 0)) / 60),
                            money=fmt_number(p.expected_compensation)))
        for w in plan.warnings:
            print("  ! " + w.warning())
        return 0
    # show
    as_of = parse_date(args.as_of) if args.as_of else None
    year = args.year or (as_of.year if as_of else None)
    with open_db(args).read() as session:
        comparison = planning.compare_scenarios(session, args.names or None, year=year, as_of=as_of)
        raises = planning.minimum_raise(session)
    if args.xlsx or args.pdf:
        from swdesk.export.budget import write_budget_pdf, write_budget_xlsx

        if args.xlsx:
            report_written(write_budget_xlsx(comparison, raises, args.xlsx))
        if args.pdf:
            report_written(write_budget_pdf(comparison, raises, args.pdf))
    if args.json:
        data = comparison.to_json()
        data["minimum_raise"] = {
            "by": planning.minimum_deadline(),
            "total": sum((r.yearly for r in raises), Decimal(0)),
            "people": [{"staff": r.tabeles_nr, "position": r.position_code, "fte": r.fte, "salary": r.salary,
                        "minimum": r.minimum, "yearly": r.yearly} for r in raises],
        }
        print_json(data)
        return 0
    print(tr("plan.show.title", year=comparison.year, date=fmt_date(comparison.as_of)))
    for outcome in comparison.scenarios:
        assert outcome.spec is not None
        print(tr("plan.list.line", name=outcome.spec.name, date=fmt_date(outcome.spec.valid_from),
                 changes="; ".join(planning.describe_change(c, comparison.snapshot) for c in outcome.spec.changes)
                 or "—"))
    print()
    rows = [(r.label, [planning.format_value(v, r.kind) for v in r.values])
            for r in planning.comparison_rows(comparison)]
    for line in _table(planning.column_titles(comparison), rows):
        print(line)
    print()
    print(tr("plan.minimum.title", date=planning.deadline_text(),
             total=fmt_number(sum((r.yearly for r in raises), Decimal(0))), count=len(raises)))
    return 0
