"""`swdesk demo [--size small|riga] [--seed N] [--replace]`: fill the database with demonstration data."""

from __future__ import annotations

import argparse

from swdesk.commands import open_db
from swdesk.demo import DEFAULT_SEED, SIZES, DemoRefused, generate_demo
from swdesk.formats import fmt_number
from swdesk.i18n import define, tr

define(
    {
        "demo.help": (
            "aizpildīt datubāzi ar ģenerētiem demonstrācijas datiem",
            "fill the database with generated demonstration data",
        ),
        "demo.size": (
            "apjoms: small (novada dienests, ~12 darbinieki) vai riga (Rīga, > 800 darbinieku)",
            "size: small (a novads service, ~12 staff) or riga (Rīga, > 800 staff)",
        ),
        "demo.seed": (
            "gadījumskaitļu sēkla; viena sēkla dod vienus un tos pašus datus",
            "random seed; one seed gives the same data",
        ),
        "demo.replace": (
            "vispirms dzēst esošos darbinieku datus (darbiniekus, vakances, kritērijus, lietas, pienākumus, "
            "apmācības) un iedzīvotāju skaitu",
            "first delete the existing staff data (staff, vacancies, criteria, caseloads, duties, training) "
            "and populations",
        ),
        "demo.done": (
            "Demonstrācijas dati izveidoti: «{service}» ({municipality}), {first}.–{last}. gads.\n"
            "Iedzīvotāji {last}. gadā: {population}; darbinieki: {staff} (šodien strādā {active}, "
            "sociālā darba speciālistu slodzes: {sds_fte}); vakances: {vacancies}; "
            "slodzes kritēriji: {criteria}.\n"
            "Lietu ieraksti: {caseloads}; nesaistīto pienākumu ieraksti: {duties}; "
            "apmācību un supervīziju ieraksti: {training}. Laiks: {seconds} s.",
            "Demonstration data created: '{service}' ({municipality}), years {first}–{last}.\n"
            "Residents in {last}: {population}; staff: {staff} ({active} working today, "
            "social work specialist FTE: {sds_fte}); vacancies: {vacancies}; workload criteria: {criteria}.\n"
            "Caseload rows: {caseloads}; non-social-work duty rows: {duties}; "
            "training and supervision rows: {training}. Time: {seconds} s.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("demo", parents=[common], help=tr("demo.help"))
    p.add_argument("--size", choices=SIZES, default="small", help=tr("demo.size"))
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=tr("demo.seed"))
    p.add_argument("--replace", action="store_true", help=tr("demo.replace"))
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError

    database = open_db(args)
    try:
        summary = generate_demo(database, size=args.size, seed=args.seed, replace=args.replace)
    except DemoRefused as exc:
        raise UsageError(str(exc)) from exc
    finally:
        database.close()
    print(
        tr(
            "demo.done",
            service=summary.service,
            municipality=summary.municipality,
            first=summary.first_year,
            last=summary.last_year,
            population=fmt_number(summary.population, 0),
            staff=fmt_number(summary.staff, 0),
            active=fmt_number(summary.active_staff, 0),
            sds_fte=fmt_number(summary.sds_fte, 2),
            vacancies=fmt_number(summary.vacancies, 0),
            criteria=summary.criteria,
            caseloads=fmt_number(summary.caseloads, 0),
            duties=fmt_number(summary.duties, 0),
            training=fmt_number(summary.training_events, 0),
            seconds=fmt_number(summary.seconds, 1),
        )
    )
    return 0
