"""The workspace: where the database lives, and how the demo workspace is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select

from connectors.activities import import_activities
from connectors.maven import import_maven
from connectors.notes import import_notes
from connectors.report import ImportReport
from copilot.crm.db import connect, migrate
from copilot.crm.models import Opportunity
from copilot.demo import generate
from copilot.settings import Settings

DEMO_DIR = "demo-data"


@dataclass
class DemoBuild:
    directory: Path
    reports: list[ImportReport] = field(default_factory=list)


def open_database(settings: Settings) -> Engine:
    """Connect to the configured database and bring its schema up to date."""
    engine = connect(settings)
    migrate(engine)
    return engine


def has_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.execute(select(func.count()).select_from(Opportunity)).scalar_one())


def build_demo(settings: Settings, engine: Engine, *, deals: int = 2000, seed: int = 7) -> DemoBuild:
    """Generate the synthetic company under the workspace and load it through the real importers."""
    directory = settings.ensure_home() / DEMO_DIR
    files = generate(directory, deals=deals, seed=seed)
    build = DemoBuild(files.directory)
    size = settings.import_batch_size
    build.reports.append(import_maven(engine, directory, batch_size=size))
    build.reports.append(import_activities(engine, directory / "activities.csv", directory / "contacts.csv",
                                           batch_size=size, max_text_chars=settings.max_text_chars))
    build.reports.append(import_notes(engine, directory / "deal_notes.csv", batch_size=size,
                                      max_text_chars=settings.max_text_chars))
    return build
