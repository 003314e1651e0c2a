"""Planning scenarios (issue 13): a scenario's figures are the checks' on a copy of the data with the same
changes made, and working with scenarios never changes the real data."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from swdesk import planning
from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.rules import scenario as sc
from swdesk.settings import Settings

TODAY = dt.date(2025, 11, 28)
YEAR = 2025


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "demo.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="small", seed=20251128, today=TODAY)
    database.close()
    return path


@pytest.fixture(scope="module")
def demo(demo_file: Path) -> Iterator[Database]:
    database = open_database(str(demo_file), auto_backup=False)
    yield database
    database.close()


@pytest.fixture(scope="module")
def catalogue(demo: Database) -> dict[str, list[str]]:
    with demo.read() as s:
        return {
            "positions": sorted(s.scalars(select(m.Position.code))),
            "staff": sorted(s.scalars(select(m.Staff.tabeles_nr))),
            "categories": sorted(s.scalars(select(m.DutyCategory.code))),
        }


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the same changes, made to a copy of the database as a head would make them by hand ---------------------


def _scale_minimum(session, position_code: str, year: int) -> Decimal | None:  # type: ignore[no-untyped-def]
    group = session.scalar(select(m.Position.salary_group).where(m.Position.code == position_code))
    if group is None:
        return None
    row = session.execute(
        select(m.SalaryScale.min).where(m.SalaryScale.group == group, m.SalaryScale.year <= year)
        .order_by(m.SalaryScale.year.desc()).limit(1)
    ).first()
    return None if row is None else row[0]


def make_changes_in(database: Database, spec: sc.ScenarioSpec, *, year: int, as_of: dt.date) -> None:
    """What each change stands for (swdesk.rules.scenario's docstring), as edits of the database."""
    with database.write() as s:
        added = 0
        for change in spec.changes:
            if change.kind == sc.ADD_POSITION:
                for _ in range(change.count or 1):
                    added += 1
                    s.add(m.Staff(
                        tabeles_nr=f"PLĀNS-{added}", first_name="Jauns", last_name=f"amats {added}",
                        position_code=change.position_code, fte=change.fte, start=dt.date(year, 1, 1), end=None,
                        education_code="E1", salary=change.salary, unit_name=change.unit_name,
                    ))
                s.flush()
            elif change.kind == sc.REMOVE_STAFF:
                person = s.scalar(select(m.Staff).where(m.Staff.tabeles_nr == change.tabeles_nr))
                assert person is not None
                if person.start < as_of and (person.end is None or person.end >= as_of):
                    person.end = as_of - dt.timedelta(days=1)
            elif change.kind == sc.MOVE_DUTIES:
                rows = s.scalars(select(m.Duty).where(m.Duty.category_code == change.category_code)
                                 .order_by(m.Duty.date, m.Duty.id)).all()
                if change.share is not None:
                    for row in rows:
                        row.hours = row.hours * (1 - change.share)  # the column keeps hundredths, half up
                else:
                    left: dict[tuple[int, int, int], Decimal] = {}
                    for row in rows:
                        key = (row.staff_id, row.date.year, row.date.month)
                        budget = left.get(key, change.hours_per_month)
                        take = min(row.hours, budget)
                        left[key] = budget - take
                        row.hours = row.hours - take
                s.flush()
                s.expire_all()  # the next change reads the hours as stored (hundredths)
            elif change.kind == sc.POPULATION:
                row = s.get(m.Population, year)
                if row is None:
                    s.add(m.Population(year=year, residents=change.residents))
                else:
                    row.residents = change.residents
                s.flush()
        if spec.raises_to_minimum:
            for person in s.scalars(select(m.Staff)).all():
                minimum = _scale_minimum(s, person.position_code, spec.valid_from.year)
                if minimum is not None and person.salary < minimum:
                    person.salary = minimum


def figures_of(database: Database, *, year: int, as_of: dt.date) -> sc.Figures:
    """What the checks give on a database: its own snapshot, its own settings."""
    with database.read() as s:
        snapshot = planning.load_for_planning(s, year=year, as_of=as_of)
        return sc.figures(snapshot, year=year, as_of=as_of, settings=Settings.load(s, as_of))


def scenario_figures(database: Database, spec: sc.ScenarioSpec, *, year: int, as_of: dt.date) -> sc.Figures:
    with database.read() as s:
        snapshot = planning.load_for_planning(s, year=year, as_of=as_of)
        comparison = planning.compare(snapshot, [spec], year=year, as_of=as_of,
                                      settings=Settings.load(s, as_of), rate=planning.social_insurance_rate(s))
    return comparison.scenarios[0].figures


def changes(catalogue: dict[str, list[str]]) -> st.SearchStrategy[sc.Change]:
    money = st.decimals(min_value=Decimal("400"), max_value=Decimal("2600"), places=2)
    fte = st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal("1"), Decimal("0.333")])
    return st.one_of(
        st.builds(sc.Change, kind=st.just(sc.ADD_POSITION), position_code=st.sampled_from(catalogue["positions"]),
                  count=st.integers(1, 3), fte=fte, salary=money,
                  unit_name=st.sampled_from([None, "Ģimenes atbalsta nodaļa"])),
        st.builds(sc.Change, kind=st.just(sc.REMOVE_STAFF), tabeles_nr=st.sampled_from(catalogue["staff"])),
        st.builds(sc.Change, kind=st.just(sc.MOVE_DUTIES), category_code=st.sampled_from(catalogue["categories"]),
                  share=st.decimals(min_value=Decimal("0.001"), max_value=1, places=3)),
        st.builds(sc.Change, kind=st.just(sc.MOVE_DUTIES), category_code=st.sampled_from(catalogue["categories"]),
                  hours_per_month=st.decimals(min_value=Decimal("0.25"), max_value=40, places=2)),
        st.builds(sc.Change, kind=st.just(sc.POPULATION), residents=st.integers(1, 40_000)),
        st.builds(sc.Change, kind=st.just(sc.RAISE_TO_MINIMUM)),
    )


def test_a_scenario_is_the_checks_on_a_copy_with_the_same_changes(
    demo: Database, demo_file: Path, catalogue: dict[str, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    before = _file_digest(demo_file)
    folder = tmp_path_factory.mktemp("copies")

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        spec=st.builds(
            sc.ScenarioSpec, name=st.just("S"),
            valid_from=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)),
            changes=st.lists(changes(catalogue), max_size=5).map(tuple),
        ),
        as_of=st.dates(min_value=dt.date(YEAR, 1, 2), max_value=dt.date(YEAR, 12, 31)),
    )
    def check(spec: sc.ScenarioSpec, as_of: dt.date) -> None:
        planned = scenario_figures(demo, spec, year=YEAR, as_of=as_of)
        copy = folder / "copy.sqlite"
        for stale in folder.glob("copy.sqlite*"):
            stale.unlink()
        shutil.copyfile(demo_file, copy)
        database = open_database(str(copy), auto_backup=False)
        try:
            make_changes_in(database, spec, year=YEAR, as_of=as_of)
            checked = figures_of(database, year=YEAR, as_of=as_of)
        finally:
            database.close()
        assert planned == checked
        assert [f.to_json() for f in planned.check.findings] == [f.to_json() for f in checked.check.findings]

    check()
    assert _file_digest(demo_file) == before


def test_working_with_scenarios_leaves_the_real_data_as_it_was(demo_file: Path, tmp_path: Path) -> None:
    """Computing, listing and showing scenarios writes not a byte; saving and deleting one touches only the
    scenario tables."""
    path = tmp_path / "dienests.sqlite"
    shutil.copyfile(demo_file, path)
    database = open_database(str(path), auto_backup=False)
    data_tables = ["staff", "duty", "caseload", "training_event", "population", "vacancy", "setting",
                   "salary_scale", "criterion", "service", "position"]

    def dump() -> dict[str, list[tuple[object, ...]]]:
        with database.engine.connect() as conn:
            return {t: [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY 1')]
                    for t in data_tables}

    data = dump()
    with database.write() as s:
        number = s.scalars(select(m.Staff.tabeles_nr).order_by(m.Staff.id)).first()
        planning.save_scenario(s, sc.ScenarioSpec("Divi jauni", dt.date(2026, 1, 1), (
            sc.Change(sc.ADD_POSITION, position_code="SD", count=2, fte=Decimal(1), salary=Decimal(1400)),
            sc.Change(sc.REMOVE_STAFF, tabeles_nr=number),
            sc.Change(sc.MOVE_DUTIES, category_code="NS_PARTIKA", share=Decimal(1)),
            sc.Change(sc.POPULATION, residents=9000),
            sc.Change(sc.RAISE_TO_MINIMUM),
        )))
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = _file_digest(path)
    with database.read() as s:
        comparison = planning.compare_scenarios(s, year=YEAR, as_of=TODAY)
        planning.list_scenarios(s)
        comparison.to_json()
        planning.minimum_raise(s)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _file_digest(path) == digest
    ours = next(o for o in comparison.scenarios if o.spec and o.spec.name == "Divi jauni")
    assert ours.figures.population == 9000
    assert ours.figures.sds == comparison.today.figures.sds + 2 - _sds_fte_of(comparison, number)
    assert ours.figures.findings["salary.below_scale"] == 0
    with database.write() as s:
        planning.delete_scenario(s, "Divi jauni")
    assert dump() == data
    database.close()


def _sds_fte_of(comparison: planning.Comparison, number: str | None) -> Decimal:
    person = next(p for p in comparison.snapshot.staff if p.tabeles_nr == number)
    position = comparison.snapshot.positions[person.position_code]
    return person.fte if position.is_sds and person.active_on(TODAY) and person.start < TODAY else Decimal(0)


def test_refused_scenarios_are_said_in_latvian(db: Database) -> None:
    with db.write() as s:
        with pytest.raises(planning.PlanningError, match="Amats «XX» nav katalogā"):
            planning.save_scenario(s, sc.ScenarioSpec("A", dt.date(2026, 1, 1), (
                sc.Change(sc.ADD_POSITION, position_code="XX", fte=Decimal(1), salary=Decimal(1000)),)))
        with pytest.raises(planning.PlanningError, match="no 0 līdz 100 %"):
            planning.save_scenario(s, sc.ScenarioSpec("A", dt.date(2026, 1, 1), (
                sc.Change(sc.MOVE_DUTIES, category_code="NS_PARTIKA", share=Decimal("1.5")),)))
        planning.save_scenario(s, sc.ScenarioSpec("A", dt.date(2026, 1, 1), ()))
        with pytest.raises(planning.PlanningError, match="Scenārijs «A» jau ir"):
            planning.save_scenario(s, sc.ScenarioSpec("A", dt.date(2026, 1, 1), ()))
