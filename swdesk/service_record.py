"""The service record (dienesta rekvizīti): what a claim's and a survey's header say about the service.

Issue 16: the Ministry of Welfare (LM) files a compensation claim by the service's registration number and
pays it to the service's bank account; it calls the contact person about a survey. The record therefore
holds, besides the name, municipality and head (``swdesk init``), the registration number, address,
contact person with phone and e-mail, the agreement or project number and the bank account (IBAN).

Every change to these fields goes through :func:`save_service_details`, which validates them all in one
place (:func:`validate_details`) with Latvian messages, so that ``swdesk init``, the GUI's service tab and
any later import accept and refuse exactly the same values. The municipality's ATVK code (the territorial
classification code of the Central Statistical Bureau) is not stored here: it belongs to the municipality and
ships with the catalogue (``swdesk/data/catalogues.json``), see :func:`municipality_atvk`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.i18n import define, tr

define(
    {
        "service.field.registration_number": ("Reģistrācijas numurs", "Registration number"),
        "service.field.address": ("Adrese", "Address"),
        "service.field.contact_name": ("Kontaktpersona", "Contact person"),
        "service.field.contact_phone": ("Tālrunis", "Phone"),
        "service.field.contact_email": ("E-pasts", "E-mail"),
        "service.field.agreement_number": ("Līguma vai projekta numurs", "Agreement or project number"),
        "service.field.bank_account": ("Bankas konts (IBAN)", "Bank account (IBAN)"),
        "service.bad.registration_number": (
            "Reģistrācijas numuram jābūt 11 cipariem (piemēram, 90000012345); «{value}» tāds nav.",
            "A registration number has 11 digits (for example 90000012345); '{value}' has not.",
        ),
        "service.bad.iban_shape": (
            "«{value}» nav IBAN konta numurs: tas sākas ar valsts kodu un diviem kontrolcipariem, Latvijā "
            "21 zīme, piemēram LV80BANK0000435195001.",
            "'{value}' is not an IBAN: it starts with a country code and two check digits, 21 characters in "
            "Latvia, for example LV80BANK0000435195001.",
        ),
        "service.bad.iban_check": (
            "IBAN «{value}» kontrolcipari nesakrīt: numurā ir pārrakstīšanās kļūda.",
            "The check digits of the IBAN '{value}' do not match: the number has a typing error.",
        ),
        "service.bad.email": (
            "«{value}» nav e-pasta adrese (jābūt formā vards@iestade.lv, bez atstarpēm).",
            "'{value}' is not an e-mail address (it must look like name@office.lv, without spaces).",
        ),
        "service.bad.phone": (
            "«{value}» nav tālruņa numurs: tajā drīkst būt cipari, atstarpes, «+», «-» un iekavas, "
            "un 8–15 cipari (piemēram, +371 64722222).",
            "'{value}' is not a phone number: it may hold digits, spaces, '+', '-' and brackets, and "
            "8–15 digits (for example +371 64722222).",
        ),
        "service.bad.too_long": (
            "«{field}» drīkst būt ne garāks par {limit} zīmēm (ir {length}).",
            "'{field}' may be at most {limit} characters long (it is {length}).",
        ),
        "service.bad.field": ("{field}: {message}", "{field}: {message}"),
        "service.no_service": (
            "Datubāzē vēl nav dienesta: vispirms norādiet tā nosaukumu un pašvaldību (swdesk init "
            "--service … --municipality …).",
            "The database has no service yet: first give its name and municipality (swdesk init "
            "--service … --municipality …).",
        ),
    }
)


@dataclass(frozen=True)
class ServiceDetails:
    """The header fields of the service record; None where not given. ``bank_account`` is the IBAN
    without spaces (:func:`format_iban` groups it for print)."""

    registration_number: str | None = None
    address: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    agreement_number: str | None = None
    bank_account: str | None = None


DETAIL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ServiceDetails))

# Longest value of each field: the columns of the service table (revision 0002).
MAX_LENGTH = {
    "registration_number": 20,
    "address": 300,
    "contact_name": 200,
    "contact_phone": 40,
    "contact_email": 254,
    "agreement_number": 100,
    "bank_account": 34,
}


def field_label(name: str, *, lang: str | None = None) -> str:
    """The field's name as a form or a document prints it, e.g. "Bankas konts (IBAN)"."""
    return tr(f"service.field.{name}", lang=lang)


@dataclass(frozen=True)
class ServiceRecord:
    """The service as documents name it: its record plus the municipality's ATVK code from the catalogue."""

    name: str
    municipality: str
    head_name: str | None
    details: ServiceDetails
    atvk: str | None

    def municipality_text(self) -> str:
        """ "Valkas novads (ATVK 0940200)" when the catalogue knows the code, else the name alone."""
        return f"{self.municipality} (ATVK {self.atvk})" if self.atvk else self.municipality


class ServiceDetailsError(ValueError):
    """One or more fields of the record cannot be accepted; ``problems`` are (field, Latvian message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__(
            " ".join(
                tr("service.bad.field", field=field_label(name), message=text) for name, text in problems
            )
        )


# --- the checks --------------------------------------------------------------------------------------------

_IBAN_SHAPE = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
# ISO 13616 lengths of the countries a Latvian municipality banks in; others are checked by shape only.
_IBAN_LENGTH = {"LV": 21, "LT": 20, "EE": 20, "DE": 22, "SE": 24, "FI": 18}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")


def normalise_iban(value: str) -> str:
    """An IBAN as typed (``lv80 bank 0000 4351 9500 1``) without spaces, in capitals."""
    return re.sub(r"\s+", "", value).upper()


def iban_check_digits_ok(iban: str) -> bool:
    """ISO 13616 / ISO 7064 MOD 97-10: the country code and check digits moved to the end, letters as
    10–35, the number modulo 97 is 1."""
    moved = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def format_iban(iban: str | None) -> str | None:
    """In groups of four, as a bank prints it: ``LV80 BANK 0000 4351 9500 1``."""
    if not iban:
        return iban
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _check_registration_number(text: str) -> str:
    digits = re.sub(r"\s+", "", text)
    # Latvian registers (UR, VID) give institutions an 11-digit number; no public check-digit rule
    # applies to every such number, so only the shape is checked.
    if not re.fullmatch(r"[0-9]{11}", digits):
        raise ValueError(tr("service.bad.registration_number", value=text))
    return digits


def _check_iban(text: str) -> str:
    iban = normalise_iban(text)
    country = iban[:2]
    if not _IBAN_SHAPE.match(iban) or (country in _IBAN_LENGTH and len(iban) != _IBAN_LENGTH[country]):
        raise ValueError(tr("service.bad.iban_shape", value=text))
    if not iban_check_digits_ok(iban):
        raise ValueError(tr("service.bad.iban_check", value=text))
    return iban


def _check_email(text: str) -> str:
    if not _EMAIL.match(text):
        raise ValueError(tr("service.bad.email", value=text))
    return text


def _check_phone(text: str) -> str:
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_CHARACTERS.match(text) or not 8 <= digits <= 15:
        raise ValueError(tr("service.bad.phone", value=text))
    return re.sub(r"\s+", " ", text)


_CHECKS = {
    "registration_number": _check_registration_number,
    "bank_account": _check_iban,
    "contact_email": _check_email,
    "contact_phone": _check_phone,
}


def validate_details(changes: Mapping[str, str | None]) -> dict[str, str | None]:
    """The values of ``changes`` as they are stored, or :class:`ServiceDetailsError` listing every field
    that cannot be (all of them at once, so a form can mark each).

    Surrounding spaces are dropped and an empty value clears the field (None). The registration number
    loses inner spaces, the IBAN its spaces (and becomes capitals); the others are kept as typed.
    """
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    clean: dict[str, str | None] = {}
    problems: list[tuple[str, str]] = []
    for name in DETAIL_FIELDS:
        if name not in changes:
            continue
        raw = changes[name]
        text = " ".join(raw.split()) if name == "address" and raw else (raw or "").strip()
        if not text:
            clean[name] = None
            continue
        try:
            value = _CHECKS[name](text) if name in _CHECKS else text
        except ValueError as exc:
            problems.append((name, str(exc)))
            continue
        if len(value) > MAX_LENGTH[name]:
            problems.append(
                (
                    name,
                    tr(
                        "service.bad.too_long",
                        field=field_label(name),
                        limit=MAX_LENGTH[name],
                        length=len(value),
                    ),
                )
            )
            continue
        clean[name] = value
    if problems:
        raise ServiceDetailsError(problems)
    return clean


# --- reading and writing ------------------------------------------------------------------------------------


def municipality_atvk(municipality: str | None) -> str | None:
    """The municipality's ATVK code from the shipped catalogue, or None when the catalogue has none."""
    from swdesk.db.catalogues import shipped

    if not municipality:
        return None
    wanted = municipality.strip().casefold()
    for row in shipped()["municipalities"]:
        if row["name"].casefold() == wanted:
            return row.get("atvk") or None
    return None


def _service_row(session: Session) -> m.Service | None:
    return session.scalars(select(m.Service).order_by(m.Service.id)).first()


def _details_of(row: m.Service) -> ServiceDetails:
    return ServiceDetails(**{name: getattr(row, name) for name in DETAIL_FIELDS})


def load_service_record(session: Session) -> ServiceRecord | None:
    """The service of the database with its header fields, or None before ``swdesk init``."""
    row = _service_row(session)
    if row is None:
        return None
    return ServiceRecord(
        name=row.name,
        municipality=row.municipality,
        head_name=row.head_name,
        details=_details_of(row),
        atvk=municipality_atvk(row.municipality),
    )


def save_service_details(session: Session, **changes: str | None) -> ServiceRecord:
    """Validate and store the given header fields of the service (in the caller's write transaction).

    Only the fields named change; ``""`` or None clears one. Nothing is written when any value is
    refused (:class:`ServiceDetailsError`, with a Latvian message per field); LookupError when the database
    has no service yet. This is the one door for
    these fields: ``swdesk init`` and the GUI's service tab both call it.
    """
    clean = validate_details(changes)
    row = _service_row(session)
    if row is None:
        raise LookupError(tr("service.no_service"))
    from swdesk import records  # the one door (issue 17): in the change history

    records.change(session, "service", row.id, clean, checked=True)
    record = load_service_record(session)
    assert record is not None
    return record


def missing_claim_fields(record: ServiceRecord | None) -> list[str]:
    """The labels of the header fields a claim needs that the record lacks (for a warning, not a refusal:
    a claim may be printed and completed by hand)."""
    details = record.details if record else ServiceDetails()
    return [field_label(name) for name in DETAIL_FIELDS if getattr(details, name) is None]
