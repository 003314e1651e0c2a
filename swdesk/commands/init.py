"""`swdesk init --service NAME --municipality NAME`: create or name the service."""

from __future__ import annotations

import argparse
import datetime as dt

from sqlalchemy import select

from swdesk.commands import open_db
from swdesk.db import models as m
from swdesk.db.catalogues import municipalities
from swdesk.i18n import define, tr

define(
    {
        "init.help": ("izveidot vai pārdēvēt dienestu", "create or rename the service"),
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
        "init.bad_population": (
            "Iedzīvotāju skaitam jābūt veselam pozitīvam skaitlim, ne lielākam par {maximum}.",
            "The number of residents must be a positive whole number, at most {maximum}.",
        ),
        "init.bad_year": (
            "Gads {year} nav iespējams; norādiet gadu no {first} līdz {last}.",
            "The year {year} is not possible; give a year from {first} to {last}.",
        ),
        "init.created": (
            "Izveidots dienests «{service}» ({municipality}) datubāzē {location}.",
            "Created the service '{service}' ({municipality}) in {location}.",
        ),
        "init.renamed": (
            "Dienests tagad saucas «{service}» ({municipality}).",
            "The service is now called '{service}' ({municipality}).",
        ),
        "init.population_set": (
            "{year}. gada iedzīvotāju skaits: {residents}.",
            "Residents in {year}: {residents}.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("init", parents=[common], help=tr("init.help"))
    p.add_argument("--service", required=True, help=tr("init.service"))
    p.add_argument("--municipality", required=True, help=tr("init.municipality"))
    p.add_argument("--head", help=tr("init.head"))
    p.add_argument("--population", type=int, help=tr("init.population"))
    p.add_argument("--year", type=int, help=tr("init.year"))
    return p


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
    existing = session.scalars(select(m.Service).order_by(m.Service.id)).first()
    if existing is None:
        session.add(m.Service(name=service.strip(), municipality=known, head_name=head))
        return True
    existing.name, existing.municipality = service.strip(), known
    if head is not None:
        existing.head_name = head
    return False


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.importer.sheets import FIRST_YEAR, LAST_YEAR, MAX_RESIDENTS  # the import's own limits

    if args.population is not None and not 0 < args.population <= MAX_RESIDENTS:
        raise UsageError(tr("init.bad_population", maximum=f"{MAX_RESIDENTS:,}".replace(",", "\u00a0")))
    if args.year is not None and not FIRST_YEAR <= args.year <= LAST_YEAR:
        raise UsageError(tr("init.bad_year", year=args.year, first=FIRST_YEAR, last=LAST_YEAR))
    year = dt.date.today().year if args.year is None else args.year
    database = open_db(args)
    with database.write() as session:
        created = save_service(session, service=args.service, municipality=args.municipality, head=args.head)
        if args.population is not None:
            session.merge(m.Population(year=year, residents=args.population))
    key = "init.created" if created else "init.renamed"
    print(
        tr(
            key,
            service=args.service.strip(),
            municipality=match_municipality(args.municipality),
            location=database.display_location,
        )
    )
    if args.population is not None:
        print(tr("init.population_set", year=year, residents=args.population))
    return 0
