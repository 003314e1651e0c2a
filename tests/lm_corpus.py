"""Folders of mailed files for the LM tests (issue 12): 43 services' surveys and claims from small demos.

Three small demo databases (seeds 1, 2, 3) and the Rīga-size demo stand for 43 services: Rīga sends the big
one's survey and claim, every other municipality of the catalogue those of one of the small ones, written under
its own name, so the files differ by municipality, size and data while the folder takes seconds to make. What the consolidation must find is computed here from the
same surveys and claims as the services built them from their databases.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from swdesk.db.catalogues import municipalities
from swdesk.db.database import open_database
from swdesk.demo import generate_demo
from swdesk.export import write_claim_xlsx, write_survey_xlsx
from swdesk.rules.claim import Claim, build_claim
from swdesk.rules.periods import parse_period
from swdesk.rules.survey import Survey, survey_for_date

TODAY = dt.date(2026, 3, 15)
SURVEY_DATE = dt.date(2026, 2, 1)
PERIOD = "2025-H2"
SEEDS = (1, 2, 3)
BIG = "Rīga"  # the municipality whose files come from the Rīga-size demo


@dataclass
class Corpus:
    folder: Path
    surveys: dict[str, Survey]  # by municipality, as each service built it
    claims: dict[str, Claim]
    databases: list[str]


_BUILT: dict[str, Corpus] = {}


def shared_corpus(factory: object) -> Corpus:
    """One corpus for the whole test session, whichever LM test module asks first (``factory`` is pytest's
    ``tmp_path_factory``)."""
    if "corpus" not in _BUILT:
        _BUILT["corpus"] = build_corpus(factory.mktemp("lm-corpus"))  # type: ignore[attr-defined]
    return _BUILT["corpus"]


def build_databases(folder: Path) -> list[str]:
    paths = []
    for seed in SEEDS:
        path = folder / f"demo-{seed}.sqlite"
        database = open_database(str(path), auto_backup=False)
        generate_demo(database, size="small", seed=seed, today=TODAY)
        database.close()
        paths.append(str(path))
    path = folder / "demo-riga.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="riga", seed=2026, today=TODAY)
    database.close()
    paths.append(str(path))
    return paths


def build_corpus(folder: Path, *, zipped_from: int = 30) -> Corpus:
    """43 surveys and 43 claims (2025-H2) in ``folder/aptaujas`` and ``folder/pieprasijumi``; the files
    from the ``zipped_from``-th municipality on are mailed inside ``pasts.zip`` instead."""
    databases = build_databases(folder)
    built_surveys, built_claims = [], []
    for path in databases:
        database = open_database(path, auto_backup=False)
        with database.read() as session:
            built_surveys.append(survey_for_date(session, date=SURVEY_DATE))
            built_claims.append(build_claim(session, parse_period(PERIOD)))
        database.close()
    surveys_dir, claims_dir = folder / "aptaujas", folder / "pieprasijumi"
    surveys_dir.mkdir()
    claims_dir.mkdir()
    corpus = Corpus(folder=folder, surveys={}, claims={}, databases=databases)
    for index, name in enumerate(municipalities()):
        pick = len(SEEDS) if name == BIG else index % len(SEEDS)
        survey, claim = built_surveys[pick], built_claims[pick]
        service = f"{name} — sociālais dienests"
        corpus.surveys[name] = survey
        write_survey_xlsx(
            survey,
            surveys_dir / f"aptauja-{index:02d}.xlsx",
            service_name=service,
            municipality=name,
            prepared=dt.date(2026, 2, 10),
        )
        claim = _named(claim, municipality=name, service=service, index=index)
        corpus.claims[name] = claim
        write_claim_xlsx(claim, claims_dir / f"pieprasijums-{index:02d}.xlsx", prepared=dt.date(2026, 1, 20))
    for sub in (surveys_dir, claims_dir):
        late = sorted(sub.glob("*.xlsx"))[zipped_from:]
        with zipfile.ZipFile(sub / "pasts.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in late:
                archive.write(path, f"pielikumi/{path.name}")
                path.unlink()
    return corpus


def _named(claim: Claim, *, municipality: str, service: str, index: int) -> Claim:
    """The claim as the service of ``municipality`` sends it: its name, and invoice numbers of its own
    (the providers of 43 municipalities number their invoices independently)."""
    from dataclasses import replace

    record = claim.service
    if record is not None:
        record = replace(record, municipality=municipality, name=service)
    rows = tuple(
        replace(r, invoice=f"{index:02d}/{r.invoice}" if r.invoice else r.invoice) for r in claim.rows
    )
    return replace(claim, municipality=municipality, service_name=service, service=record, rows=rows)
