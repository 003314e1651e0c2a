"""Cell values of the import workbook turned into typed values, SPEC §5.

A cell arrives as whatever openpyxl read (``datetime``, ``int``, ``float``, ``bool``, ``str``) or, from a CSV
file, as text. Every parser here returns the typed value or raises :class:`ValueProblem` whose text is the
message for the user (Latvian by default), naming the value as the user typed it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from swdesk.formats import fmt_date, fmt_datetime, fmt_exact
from swdesk.i18n import define, tr

define(
    {
        "import.value.bad_date": (
            "«{value}» nav datums; rakstiet dd.mm.gggg (piem. 05.01.2025) vai gggg-mm-dd.",
            "'{value}' is not a date; write dd.mm.yyyy (e.g. 05.01.2025) or yyyy-mm-dd.",
        ),
        "import.value.date_range": (
            "Datums {value} nav ticams: jābūt starp {first} un {last}.",
            "The date {value} is not plausible: it must be between {first} and {last}.",
        ),
        "import.value.bad_month": (
            "«{value}» nav mēnesis; rakstiet gggg-mm (piem. 2025-01), mm.gggg (piem. 01.2025) vai datumu.",
            "'{value}' is not a month; write yyyy-mm (e.g. 2025-01), mm.yyyy (e.g. 01.2025) or a date.",
        ),
        "import.value.bad_number": (
            "«{value}» nav skaitlis.",
            "'{value}' is not a number.",
        ),
        "import.value.places": (
            "«{value}»: atļauti ne vairāk kā {places} cipari aiz komata.",
            "'{value}': at most {places} digits after the decimal point are allowed.",
        ),
        "import.value.not_whole": (
            "«{value}» nav vesels skaitlis.",
            "'{value}' is not a whole number.",
        ),
        "import.value.too_small": (
            "Vērtībai jābūt vismaz {limit}; ir {value}.",
            "The value must be at least {limit}; it is {value}.",
        ),
        "import.value.not_positive": (
            "Vērtībai jābūt lielākai par 0; ir {value}.",
            "The value must be greater than 0; it is {value}.",
        ),
        "import.value.too_large": (
            "Vērtība nedrīkst pārsniegt {limit}; ir {value}.",
            "The value must not exceed {limit}; it is {value}.",
        ),
        "import.value.bad_bool": (
            "«{value}»: rakstiet «jā» vai «nē».",
            "'{value}': write 'jā' (yes) or 'nē' (no).",
        ),
        "import.value.bad_choice": (
            "«{value}» nav derīga vērtība; jābūt vienai no: {choices}.",
            "'{value}' is not a valid value; it must be one of: {choices}.",
        ),
        "import.value.unknown_code": (
            "«{value}» nav {what} — ne kā kods, ne kā nosaukums. Kodi: {choices}.",
            "'{value}' is not in the {what}, neither as a code nor as a name. Codes: {choices}.",
        ),
        "import.value.too_long": (
            "Teksts ir par garu: {length} zīmes, atļautas {limit}.",
            "The text is too long: {length} characters, {limit} allowed.",
        ),
        "import.value.excel_error": (
            "Šūnā ir Excel kļūdas vērtība {value}; izlabojiet formulu vai ierakstiet vērtību.",
            "The cell holds the Excel error {value}; fix the formula or type the value.",
        ),
        "import.value.not_text": (
            "Šeit jābūt tekstam, bet šūnā ir {value}.",
            "This must be text, but the cell holds {value}.",
        ),
        "import.value.control_character": (
            "Tekstā ir neatļauta vadības rakstzīme {code} (piem., no citas programmas nokopēta); izdzēsiet "
            "to.",
            "The text holds a control character {code} that is not allowed (e.g. copied from another "
            "program); delete it.",
        ),
        "import.value.too_many_digits": (
            "«{value}»: skaitlī ir pārāk daudz ciparu (atļauti {limit}).",
            "'{value}': the number has too many digits ({limit} allowed).",
        ),
        "import.value.unreadable": (
            "Šūnas vērtību nevar nolasīt ({reason}); ierakstiet to vēlreiz.",
            "The value of the cell cannot be read ({reason}); type it again.",
        ),
    }
)

# A date outside these years is a typo (e.g. 05.01.0025) rather than data of a social service.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_LV = re.compile(r"^(\d{1,2})[./](\d{4})\.?$")
_DATE_LV = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$")


# A number with more digits than this is a mistake, not data; longer ones are not even converted. It is the
# precision of Python's decimal arithmetic, so no accepted number is ever rounded.
MAX_DIGITS = 28
# How much of a value a message shows.
SHOWN_LENGTH = 80
# Characters no text of the import may hold: C0 and C1 control characters other than tab and line breaks
# (PostgreSQL refuses NUL outright), and lone surrogates, which cannot be stored as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class ValueProblem(ValueError):
    """A cell value that cannot be used; ``str()`` is the message for the user."""


class UnreadableCell:
    """A cell whose stored value cannot be read (``<v>abc</v>`` in a number cell, a shared string that does
    not exist); the reader keeps it in place so that the problem is reported at its row and column."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __repr__(self) -> str:
        return f"UnreadableCell({self.reason!r})"

    def __str__(self) -> str:
        return "?"


def is_blank(value: Any) -> bool:
    """True for an empty cell, including one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    """The value as the user would recognise it in a message."""
    if isinstance(value, dt.datetime):
        return fmt_date(value) if value.time() == dt.time(0) else fmt_datetime(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        plain = value.is_finite() and abs(value.adjusted()) < SHOWN_LENGTH and exponent > -SHOWN_LENGTH  # type: ignore[operator]
        # (a huge exponent written out would be millions of zeros)
        text = fmt_exact(value) if plain else str(value)
    else:
        text = as_text(value).strip()
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return _CONTROL.sub("\ufffd", text)


def as_text(value: Any) -> str:
    """``str(value)``, except for a whole number too long for a text (Python refuses str() beyond 4300
    digits), which is shown in scientific notation."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**SHOWN_LENGTH:
        return f"{Decimal(value):.3e}"  # (Decimal, as a float cannot hold it)
    return str(value)


def fold(text: str) -> str:
    """Text compared loosely: Unicode NFC, case folded, runs of spaces as one, no surrounding spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def fold_diacritics(text: str) -> str:
    """:func:`fold` without diacritics, for text typed on a keyboard without Latvian letters."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def check_excel_error(value: Any) -> None:
    """An Excel error value (#DIV/0!, #N/A, …) or a cell the reader could not read is a problem."""
    if isinstance(value, UnreadableCell):
        raise ValueProblem(tr("import.value.unreadable", reason=value.reason))
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        raise ValueProblem(tr("import.value.excel_error", value=value.strip()))


# --- text ----------------------------------------------------------------------------------------------


def parse_text(value: Any, *, max_length: int | None = None) -> str:
    """Stripped text. A number typed into a text column (e.g. an employee number 1001) becomes ``"1001"``."""
    check_excel_error(value)
    if isinstance(value, bool):
        raise ValueProblem(tr("import.value.not_text", value=shown(value)))
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        text = str(int(value))
    elif isinstance(value, dt.datetime | dt.date):
        text = shown(value)
    elif isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise ValueProblem(tr("import.value.too_many_digits", value=shown(value), limit=MAX_DIGITS))
    else:
        text = str(value).strip()
    if bad := _CONTROL.search(text):
        raise ValueProblem(tr("import.value.control_character", code=f"U+{ord(bad.group()):04X}"))
    text = unicodedata.normalize("NFC", text)
    if max_length is not None and len(text) > max_length:
        raise ValueProblem(tr("import.value.too_long", length=len(text), limit=max_length))
    return text


# --- dates ---------------------------------------------------------------------------------------------


def parse_date(value: Any) -> dt.date:
    """A date from an Excel date cell, an Excel serial number, ``dd.mm.yyyy`` or ISO ``yyyy-mm-dd``."""
    check_excel_error(value)
    day = _date_or_none(value)
    if day is None:
        raise ValueProblem(tr("import.value.bad_date", value=shown(value)))
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueProblem(
            tr(
                "import.value.date_range",
                value=shown(day),
                first=shown(FIRST_DATE),
                last=shown(LAST_DATE),
            )
        )
    return day


def _date_or_none(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        # An Excel serial number: a date cell whose format was lost (e.g. a column formatted as General).
        # openpyxl imported here, not with the module: the records layer (and so the program's start, before
        # the dashboard is filled) imports this module, and openpyxl with numpy takes a quarter of a second.
        from openpyxl.utils.datetime import from_excel

        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return converted.date() if isinstance(converted, dt.datetime) else None
    text = str(value).strip()
    match = _DATE_LV.match(text)  # Latvian writing often ends a date with a dot: 05.01.2025.
    try:
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if re.match(r"^\d{4}-\d{2}-\d{2}", text):
            return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
    return None


def parse_month(value: Any) -> dt.date:
    """The first day of a month given as ``yyyy-mm``, ``mm.yyyy`` or any date of :func:`parse_date`."""
    check_excel_error(value)
    text = value.strip() if isinstance(value, str) else None
    if text is not None:
        match = _MONTH_ISO.match(text)
        year_month = (match.group(1), match.group(2)) if match else None
        if year_month is None and (match := _MONTH_LV.match(text)):
            year_month = (match.group(2), match.group(1))
        if year_month is not None:
            year, month = int(year_month[0]), int(year_month[1])
            if not 1 <= month <= 12 or not dt.MINYEAR <= year <= dt.MAXYEAR:
                raise ValueProblem(tr("import.value.bad_month", value=shown(text)))
            return parse_date(dt.date(year, month, 1))
    day = _date_or_none(value)
    if day is None:
        raise ValueProblem(tr("import.value.bad_month", value=shown(value)))
    return parse_date(day.replace(day=1))


# --- numbers -------------------------------------------------------------------------------------------


def parse_decimal(
    value: Any,
    *,
    places: int,
    minimum: Decimal | None = None,
    above: Decimal | None = None,
    maximum: Decimal | None = None,
) -> Decimal:
    """A decimal number with a comma or a point, at most ``places`` decimals, within the given bounds.

    ``minimum`` is inclusive, ``above`` exclusive, ``maximum`` inclusive. Values are never rounded silently:
    more decimals than the database keeps is a problem, so what is stored is what was typed.
    """
    number = _number(value)
    if -number.as_tuple().exponent > places:  # type: ignore[operator]
        raise ValueProblem(tr("import.value.places", value=shown(value), places=places))
    if above is not None and number <= above:
        if above == 0:
            raise ValueProblem(tr("import.value.not_positive", value=shown(number)))
        raise ValueProblem(tr("import.value.too_small", value=shown(number), limit=shown(above)))
    if minimum is not None and number < minimum:
        raise ValueProblem(tr("import.value.too_small", value=shown(number), limit=shown(minimum)))
    if maximum is not None and number > maximum:
        raise ValueProblem(tr("import.value.too_large", value=shown(number), limit=shown(maximum)))
    return number


def parse_whole(value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number (``5``, ``5,0`` and a numeric cell 5.0 are all 5) within the given bounds."""
    number = _number(value)
    if number != number.to_integral_value():
        raise ValueProblem(tr("import.value.not_whole", value=shown(value)))
    whole = int(number)
    if minimum is not None and whole < minimum:
        raise ValueProblem(tr("import.value.too_small", value=whole, limit=minimum))
    if maximum is not None and whole > maximum:
        raise ValueProblem(tr("import.value.too_large", value=whole, limit=maximum))
    return whole


def _number(value: Any) -> Decimal:
    check_excel_error(value)
    if isinstance(value, bool):
        raise ValueProblem(tr("import.value.bad_number", value=shown(value)))
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            raise ValueProblem(tr("import.value.too_many_digits", value=shown(value), limit=MAX_DIGITS))
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueProblem(tr("import.value.bad_number", value=value))
        if abs(value) >= 1e15:  # no binary noise to remove within the decimals a column keeps
            return _tidy(Decimal(value))
        # A float cell holds binary noise (0.1 + 0.2 = 0.30000000000000004); ten decimals are far more
        # than any column keeps and far fewer than the noise, so rounding there recovers what was meant.
        return _tidy(Decimal(repr(value)).quantize(Decimal("1E-10")))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueProblem(tr("import.value.bad_number", value=shown(value)))
        return _tidy(value)
    text = _SPACES.sub("", str(value))  # spaces group thousands in Latvian writing: 1 250,50
    if not _NUMBER.match(text):
        raise ValueProblem(tr("import.value.bad_number", value=shown(value)))
    if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise ValueProblem(tr("import.value.too_many_digits", value=shown(value), limit=MAX_DIGITS))
    try:
        return _tidy(Decimal(text.replace(",", ".")))
    except InvalidOperation:
        raise ValueProblem(tr("import.value.bad_number", value=shown(value))) from None


def _tidy(number: Decimal) -> Decimal:
    """The same number without trailing zeros after the point (``1.50`` → ``1.5``, ``100`` stays ``100``)
    and without the sign of a negative zero (a float cell may hold -0.0)."""
    if number == number.to_integral_value():
        if abs(number) >= Decimal(10) ** MAX_DIGITS:
            raise ValueProblem(tr("import.value.too_many_digits", value=shown(number), limit=MAX_DIGITS))
        return Decimal(int(number))
    return number.normalize()


# --- yes/no and fixed choices ----------------------------------------------------------------------------

_TRUE = frozenset({"jā", "ja", "yes", "true", "1", "patiesi", "x"})
_FALSE = frozenset({"nē", "ne", "no", "false", "0", "aplami"})


def parse_bool(value: Any) -> bool:
    """jā | nē (also yes/no, true/false, 1/0 and Excel's TRUE/FALSE cells)."""
    check_excel_error(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = fold(as_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueProblem(tr("import.value.bad_bool", value=shown(value)))


class Choices:
    """A fixed list of values given by their Latvian label or their stored code, e.g. Veids or Forma."""

    def __init__(self, labels: Iterable[tuple[str, str]]) -> None:
        self.labels = list(labels)  # (stored code, Latvian label)
        self._exact = {fold(label): code for code, label in self.labels}
        self._exact.update({fold(code): code for code, _ in self.labels})
        self._loose = {fold_diacritics(label): code for code, label in self.labels}

    def parse(self, value: Any) -> str:
        check_excel_error(value)
        text = as_text(value)
        code = self._exact.get(fold(text)) or self._loose.get(fold_diacritics(text))
        if code is None:
            choices = " | ".join(label for _, label in self.labels)
            raise ValueProblem(tr("import.value.bad_choice", value=shown(value), choices=choices))
        return code


class CodeLookup:
    """A catalogue column given by code or by its Latvian name (case-insensitive, spaces trimmed), SPEC §1.

    Names typed without Latvian letters (``Socialais darbinieks``) are accepted when that leaves no doubt.
    """

    def __init__(self, entries: Iterable[tuple[str, str]], *, what: str, extra: Iterable[str] = ()) -> None:
        self.entries = list(entries)  # (code, name), in catalogue order
        self.what = what
        self.extra = list(extra)  # values accepted as they are, e.g. "*" for every position
        self._exact: dict[str, str] = {}
        loose: dict[str, set[str]] = {}
        for code, name in self.entries:
            self._exact.setdefault(fold(name), code)
            loose.setdefault(fold_diacritics(name), set()).add(code)
        for code, _ in self.entries:  # a code wins over a name spelled the same
            self._exact[fold(code)] = code
            loose.setdefault(fold_diacritics(code), set()).add(code)
        for value in self.extra:
            self._exact[fold(value)] = value
        self._loose = {key: next(iter(codes)) for key, codes in loose.items() if len(codes) == 1}

    def parse(self, value: Any) -> str:
        check_excel_error(value)
        text = as_text(value)
        code = self._exact.get(fold(text)) or self._loose.get(fold_diacritics(text))
        if code is None:
            codes = ", ".join([*self.extra, *(c for c, _ in self.entries)])
            raise ValueProblem(
                tr("import.value.unknown_code", value=shown(value), what=self.what, choices=codes)
            )
        return code

    def names(self) -> list[str]:
        return [name for _, name in self.entries]
