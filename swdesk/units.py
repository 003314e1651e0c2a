"""Structural units (issue 14 point 1): the service's list of territorial centres and departments, and who
belonged to which unit when.

A unit has a name (unique), a head (vadītājs, free text) and optionally a parent unit. A person's unit is a
dated term (``staff_term.unit_name``, :mod:`swdesk.staff_terms`) naming a unit of the list, so people who
move are counted in the unit they were in on each day.

Choosing a unit narrows what the checks, the dashboard and the lists count to :func:`staff_in_unit`: the
people who were in that unit — or in one of its child units — on at least one day of the period while
employed. The narrowing is done here, in the core, not by hiding rows in a view; ratios per 1000 residents
stay municipality-wide (a unit has no residents of its own).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.rules.data import Snapshot


@dataclass(frozen=True)
class UnitInfo:
    """One unit of the list, as plain values (for views and reports)."""

    id: int
    name: str
    head_name: str | None
    parent_id: int | None


def all_units(session: Session) -> list[UnitInfo]:
    """Every unit, in name order."""
    rows = session.execute(
        select(m.StructuralUnit.id, m.StructuralUnit.name, m.StructuralUnit.head_name, m.StructuralUnit.parent_id)
        .order_by(m.StructuralUnit.name)
    )
    return [UnitInfo(*row) for row in rows]


def tree_order(units: Iterable[UnitInfo], key: Callable[[str], Any] = str.casefold) -> list[tuple[int, UnitInfo]]:
    """(depth, unit) with each child listed under its parent, siblings in name order (``key``: the window's
    Latvian alphabetical order): a selector's order."""
    units = sorted(units, key=lambda u: key(u.name))
    children: dict[int | None, list[UnitInfo]] = defaultdict(list)
    ids = {u.id for u in units}
    for unit in units:
        children[unit.parent_id if unit.parent_id in ids else None].append(unit)
    ordered: list[tuple[int, UnitInfo]] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, []):
            ordered.append((depth, unit))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


def descendants(units: Iterable[UnitInfo], unit_id: int) -> set[int]:
    """The ids of ``unit_id`` and of every unit below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id].append(unit.id)
    found, todo = {unit_id}, [unit_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def names_in(session: Session, unit_id: int) -> set[str]:
    """The names of the unit and of its child units (all levels)."""
    units = all_units(session)
    wanted = descendants(units, unit_id)
    return {u.name for u in units if u.id in wanted}


def find(session: Session, name: str) -> m.StructuralUnit | None:
    """The unit called ``name`` (letter case and surrounding spaces aside), or None."""
    key = " ".join(name.split()).casefold()
    for unit in session.scalars(select(m.StructuralUnit)):
        if " ".join(unit.name.split()).casefold() == key:
            return unit
    return None


def staff_in_unit(session: Session, unit_id: int, first: dt.date, last: dt.date) -> frozenset[int]:
    """The staff ids who were in the unit (or a unit below it) on at least one day of [first, last] while
    employed: the people whose figures a unit's checks, dashboard and report count."""
    names = names_in(session, unit_id)
    if not names:
        return frozenset()
    terms: dict[int, list[tuple[dt.date, str | None]]] = defaultdict(list)
    for staff_id, valid_from, unit_name in session.execute(
        select(m.StaffTerm.staff_id, m.StaffTerm.valid_from, m.StaffTerm.unit_name)
        .order_by(m.StaffTerm.staff_id, m.StaffTerm.valid_from)
    ):
        terms[staff_id].append((valid_from, unit_name))
    found: set[int] = set()
    for staff_id, start, end, current in session.execute(
        select(m.Staff.id, m.Staff.start, m.Staff.end, m.Staff.unit_name)
    ):
        begin, finish = max(first, start), min(last, end) if end is not None else last
        if begin > finish:
            continue
        own = terms.get(staff_id) or [(start, current)]  # (a person without stored terms: the staff row)
        for i, (valid_from, unit_name) in enumerate(own):
            until = own[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(own) else finish
            term_begin = valid_from if i > 0 else min(valid_from, begin)
            if unit_name in names and term_begin <= finish and until >= begin:
                found.add(staff_id)
                break
    return frozenset(found)


def people_in(session: Session, unit_name: str) -> int:
    """How many employments were ever in the unit called ``unit_name`` (any term): a unit with people
    cannot be deleted."""
    from sqlalchemy import func, or_

    in_terms = select(m.StaffTerm.staff_id).where(m.StaffTerm.unit_name == unit_name)
    return int(session.scalar(
        select(func.count()).select_from(m.Staff).where(or_(m.Staff.unit_name == unit_name, m.Staff.id.in_(in_terms)))
    ) or 0)


def only_staff(snapshot: Snapshot, staff_ids: Collection[int]) -> Snapshot:
    """The snapshot as if the service employed only ``staff_ids``: their employments, caseloads, duties and
    training. Vacancies, population, catalogues and criteria stay whole (they belong to no unit)."""
    ids = frozenset(staff_ids)
    return replace(
        snapshot,
        staff=tuple(p for p in snapshot.staff if p.id in ids),
        caseloads=tuple(r for r in snapshot.caseloads if r.staff_id in ids),
        duties=tuple(r for r in snapshot.duties if r.staff_id in ids),
        training=tuple(r for r in snapshot.training if r.staff_id in ids),
    )


def unit_period_staff(session: Session, unit_id: int | None, year: int, as_of: dt.date) -> frozenset[int] | None:
    """The staff of the unit during year Y's checked period (1 January … the earlier of D and 31 December),
    or None for the whole service (no unit chosen)."""
    if unit_id is None:
        return None
    return staff_in_unit(session, unit_id, dt.date(year, 1, 1), min(as_of, dt.date(year, 12, 31)))


def members_on(session: Session, unit_id: int, day: dt.date) -> frozenset[int]:
    """The staff ids in the unit (or a unit below it) on ``day``; someone not employed that day counts in
    the unit of their last day employed before it (a former employee) or of their first day (one who starts
    later): the people a staff list shows for the unit."""
    names = names_in(session, unit_id)
    found: set[int] = set()
    terms: dict[int, list[tuple[dt.date, str | None]]] = defaultdict(list)
    for staff_id, valid_from, unit_name in session.execute(
        select(m.StaffTerm.staff_id, m.StaffTerm.valid_from, m.StaffTerm.unit_name)
        .order_by(m.StaffTerm.staff_id, m.StaffTerm.valid_from)
    ):
        terms[staff_id].append((valid_from, unit_name))
    for staff_id, start, end, unit_name in session.execute(
        select(m.Staff.id, m.Staff.start, m.Staff.end, m.Staff.unit_name)
    ):
        reference = max(start, min(day, end) if end is not None else day)
        own = terms.get(staff_id) or [(start, unit_name)]
        in_force = own[0][1]
        for valid_from, name in own:
            if valid_from <= reference:
                in_force = name
        if in_force in names:
            found.add(staff_id)
    return frozenset(found)
