"""The limits of the data, defined once: the records layer checks them, the import's columns and the forms
read them from here (issue 17 point 1). No Qt, no SQLAlchemy: the GUI may import this at any time."""

from __future__ import annotations

from decimal import Decimal

# FTE above 1.0 is real: one person may hold a full post plus a part-time substitution in the same
# service. Above 1.5 it is almost surely a typo (15 for 1,5; 100 meaning 100 %), and the Labour Law's limit
# on overtime makes more than one and a half posts implausible for one person.
MAX_FTE = Decimal("1.5")
FIRST_YEAR, LAST_YEAR = 1900, 2100
# Upper bounds far above anything real that keep every value inside the database's integer columns
# (PostgreSQL's INTEGER holds 2 147 483 647; money and hours are stored in cents, weights in thousandths).
MAX_RESIDENTS = 10_000_000
MAX_MONEY = Decimal(1_000_000)  # a monthly salary or the cost of one training, EUR
MAX_COUNT = 1_000_000  # cases, applications or persons of one worker in a month
MAX_PER_FTE = Decimal(1_000_000)
MAX_WEIGHT = Decimal(1_000)
MAX_DURATION = Decimal(100_000)  # hours, academic hours or minutes of one event
# Only what storage needs: the real bound on Pienākumi hours is the month's contracted hours of the person
# (swdesk.rules.duty_limit, checked with the person and the month), since an entry may be a month's total
# entered on one date (SPEC §5).
MAX_DUTY_HOURS = Decimal(100_000)

# Text lengths of the database's columns (swdesk.db.models).
TEXT_LENGTHS = {
    "tabeles_nr": 40,
    "first_name": 100,
    "last_name": 100,
    "unit_name": 200,
    "specialization": 200,
    "provider": 300,
    "invoice": 100,
    "service_name": 200,
    "municipality": 100,
    "head_name": 200,
    "scenario_name": 200,
}
