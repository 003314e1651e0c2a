"""`swdesk init --service NAME --municipality NAME [--reg-nr … --iban …]`: create, name or complete the service.

Run again on a database that has a service, any option changes only what it names: ``swdesk init --iban
LV80BANK0000435195001`` fills in the bank account and keeps the rest. The header fields a claim and a survey
carry (registration number, address, contact person, phone, e-mail, agreement or project number, IBAN) are
validated and stored by :func:`swdesk.service_record.save_service_details`, the same function the GUI calls;
an empty value (``--email ""``) clears a field.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from swdesk.commands import open_db
from swdesk.db import models as m
from swdesk.db.catalogues import municipalities
from swdesk.i18n import define, tr
from swdesk.service_record import (
    DETAIL_FIELDS,
    ServiceDetailsError,
    ServiceRecord,
    field_label,
    format_iban,
    load_service_record,
    save_service_details,
    validate_details,
)

define(
    {
        "init.help": (
            "izveidot dienestu, mainīt tā nosaukumu vai rekvizītus",
            "create the service, rename it or change its details",
        ),
        "init.reg_nr": ("dienesta reģistrācijas numurs (11 cipari)", "registration number (11 digits)"),
        "init.address": ("dienesta adrese", "address of the service"),
        "init.contact": ("kontaktpersona (vārds, uzvārds)", "contact person (name)"),
        "init.phone": ("kontaktpersonas tālrunis", "contact person's phone"),
        "init.email": ("kontaktpersonas e-pasts", "contact person's e-mail"),
        "init.agreement": (
            "kompensācijas līguma vai projekta numurs",
            "number of the compensation agreement or project",
        ),
        "init.iban": (
            "bankas konts (IBAN), uz kuru izmaksāt kompensāciju",
            "bank account (IBAN) for payments",
        ),
        "init.need_name": (
            "Datubāzē vēl nav dienesta: norādiet --service NOSAUKUMS un --municipality PAŠVALDĪBA.",
            "The database has no service yet: give --service NAME and --municipality NAME.",
        ),
        "init.details_saved": (
            "Dienesta «{service}» rekvizīti saglabāti.",
            "Saved the details of '{service}'.",
        ),
        "init.record": ("Dienesta rekvizīti:", "Details of the service:"),
        "init.label.service": ("Dienests", "Service"),
        "init.label.municipality": ("Pašvaldība", "Municipality"),
        "init.label.head": ("Vadītājs", "Head"),
        "init.atvk": ("Pašvaldības ATVK kods", "Municipality's ATVK code"),
        "init.atvk_missing": (
            "nav programmas katalogā",
            "not in the program's catalogue",
        ),
        "init.service": ("sociālā dienesta nosaukums", "name of the social service"),
        "init.municipality": ("pašvaldība (viena no 43)", "municipality (one of the 43)"),
        "init.head": ("dienesta vadītāja vārds un uzvārds", "name of the head of the service"),
        "init.population": ("iedzīvotāju skaits (ar --year)", "number of residents (with --year)"),
        "init.year": ("gads iedzīvotāju skaitam", "year of the number of residents"),
        "init.unknown_municipality": (
            "Pašvaldība «{name}» nav starp 43 Latvijas pašvaldībām. Piemēri: {examples}.",
            "'{name}' is not one of Latvia's 43 municipalities. Examples: {examples}.",
        ),
        "init.empty_name": ("Dienesta nosaukums nevar būt tukšs.", "The service name cannot be empty."),
        "init.created": (
            "Izveidots dienests «{service}» ({municipality}) datubāzē {location}.",
            "Created the service '{service}' ({municipality}) in {location}.",
        ),
        "init.renamed": (
            "Dienests tagad saucas «{service}» ({municipality}).",
            "The service is now called '{service}' ({municipality}).",
        ),
        "init.encrypt": (
            "šifrēt datubāzi (SQLCipher; atslēga šī datora akreditācijas datu krātuvē, atkopšanas atslēga "
            "tiek parādīta vienreiz); --no-encrypt: nešifrēt",
            "encrypt the database (SQLCipher; the key in this PC's credential store, the recovery key shown "
            "once); --no-encrypt: do not",
        ),
        "init.recovery_pdf": (
            "ar --encrypt: atkopšanas atslēgas lapa PDF failā",
            "with --encrypt: the recovery key sheet as a PDF",
        ),
        "init.population_set": (
            "{year}. gada iedzīvotāju skaits: {residents}.",
            "Residents in {year}: {residents}.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("init", parents=[common], help=tr("init.help"))
    p.add_argument("--service", help=tr("init.service"))
    p.add_argument("--municipality", help=tr("init.municipality"))
    p.add_argument("--head", help=tr("init.head"))
    p.add_argument("--population", type=int, help=tr("init.population"))
    p.add_argument("--year", type=int, help=tr("init.year"))
    for option, field, key in DETAIL_OPTIONS:
        p.add_argument(option, dest=field, metavar="TEKSTS", help=tr(key))
    # the command line encrypts only when asked (scripts; a recovery key needs a person to keep it); the
    # first-start screen offers it ticked
    p.add_argument("--encrypt", action=argparse.BooleanOptionalAction, default=None, help=tr("init.encrypt"))
    p.add_argument("--recovery-pdf", type=Path, metavar="FAILS.pdf", help=tr("init.recovery_pdf"))
    return p


# option, service record field, help text
DETAIL_OPTIONS = (
    ("--reg-nr", "registration_number", "init.reg_nr"),
    ("--address", "address", "init.address"),
    ("--contact", "contact_name", "init.contact"),
    ("--phone", "contact_phone", "init.phone"),
    ("--email", "contact_email", "init.email"),
    ("--agreement", "agreement_number", "init.agreement"),
    ("--iban", "bank_account", "init.iban"),
)


def match_municipality(name: str) -> str | None:
    """The catalogue spelling of a municipality typed with any case or surrounding spaces."""
    wanted = name.strip().casefold()
    return next((known for known in municipalities() if known.casefold() == wanted), None)


def save_service(session, *, service: str, municipality: str, head: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    """Create the service or rename it; True when it was created. Shared with the GUI's first-start wizard."""
    from swdesk.cli import UsageError

    if not service.strip():
        raise UsageError(tr("init.empty_name"))
    known = match_municipality(municipality)
    if known is None:
        raise UsageError(
            tr("init.unknown_municipality", name=municipality, examples=", ".join(municipalities()[:4]))
        )
    from swdesk import records  # the one door (issue 17)

    existing = session.scalars(select(m.Service).order_by(m.Service.id)).first()
    values = {"name": service.strip(), "municipality": known, **({"head_name": head} if head is not None else {})}
    if existing is None:
        records.add(session, "service", values)
        return True
    records.change(session, "service", existing.id, values)
    return False


def _detail_changes(args: argparse.Namespace) -> dict[str, str | None]:
    return {
        field: getattr(args, field) for _o, field, _k in DETAIL_OPTIONS if getattr(args, field) is not None
    }


def describe_record(record: ServiceRecord) -> list[str]:
    """The service record as the command prints it: one "label: value" line per field, "—" where empty."""
    details = record.details
    lines = [tr("init.record")]
    values = [
        (tr("init.label.service"), record.name),
        (tr("init.label.municipality"), record.municipality),
        (tr("init.atvk"), record.atvk or tr("init.atvk_missing")),
        (tr("init.label.head"), record.head_name),
    ] + [
        (field_label(name), format_iban(value) if name == "bank_account" else value)
        for name in DETAIL_FIELDS
        for value in [getattr(details, name)]
    ]
    width = max(len(label) for label, _v in values)
    lines += [f"  {label.ljust(width)}  {value or '—'}" for label, value in values]
    return lines


def encryption_needed(path: Path) -> bool:
    from swdesk.db.encryption import is_plain

    return is_plain(path)


def run(args: argparse.Namespace) -> int:
    from swdesk import records
    from swdesk.cli import UsageError

    for field, value in (("residents", args.population), ("year", args.year)):
        # the records layer's rule and message, as the import and the forms give them (issue 17)
        problem = None if value is None else records.check_value("population", field, value)
        if problem is not None:
            raise UsageError(problem)
    changes = _detail_changes(args)
    try:
        validate_details(changes)  # refuse a bad value before the database is touched
    except ServiceDetailsError as exc:
        raise UsageError(str(exc)) from None
    year = dt.date.today().year if args.year is None else args.year
    if args.encrypt:
        # encrypted before anything of the service is written, so no name ever lies in a plain file
        from swdesk.commands.encrypt import database_file, encrypt_and_report

        path = database_file(args)
        if encryption_needed(path):
            encrypt_and_report(path, args.recovery_pdf)
    database = open_db(args)
    created = renamed = False
    with database.write() as session:
        existing = session.scalars(select(m.Service).order_by(m.Service.id)).first()
        if existing is None and (args.service is None or args.municipality is None):
            raise UsageError(tr("init.need_name"))
        if args.service is not None or args.municipality is not None or args.head is not None:
            assert existing is not None or (args.service is not None and args.municipality is not None)
            created = save_service(
                session,
                service=args.service if args.service is not None else existing.name,  # type: ignore[union-attr]
                municipality=args.municipality if args.municipality is not None else existing.municipality,  # type: ignore[union-attr]
                head=args.head,
            )
            renamed = not created
        if changes:
            session.flush()
            save_service_details(session, **changes)
        if args.population is not None:
            from swdesk import records

            if records.get(session, "population", year) is None:
                records.add(session, "population", {"year": year, "residents": args.population})
            else:
                records.change(session, "population", year, {"residents": args.population})
        record = load_service_record(session)
    assert record is not None
    if created:
        print(
            tr(
                "init.created",
                service=record.name,
                municipality=record.municipality,
                location=database.display_location,
            )
        )
    elif renamed:
        print(tr("init.renamed", service=record.name, municipality=record.municipality))
    elif changes:
        print(tr("init.details_saved", service=record.name))
    if args.population is not None:
        print(tr("init.population_set", year=year, residents=args.population))
    print("\n".join(describe_record(record)))
    return 0
