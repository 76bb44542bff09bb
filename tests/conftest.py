"""Shared fixtures: a migrated database on SQLite and on PostgreSQL, the Maven files, a demo company."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SAWarning

from copilot.crm.db import migrate
from copilot.demo import generate

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
MAVEN_DIR = SHARED_DATA / "maven-crm"
PG_URL = os.environ.get("COPILOT_TEST_POSTGRES_URL", "")

warnings.filterwarnings("ignore", category=SAWarning, message=".*Decimal objects natively.*")


def need_or_skip(condition: bool, reason: str) -> None:
    """Skip locally with a reason; on CI, where everything is available, a missing part is a failure."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crm.sqlite3'}"
        return
    need_or_skip(bool(PG_URL), "set COPILOT_TEST_POSTGRES_URL to run the PostgreSQL tests")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def engine(db_url: str, tmp_path: Path) -> Iterator[Engine]:
    from copilot.crm.db import connect
    from copilot.settings import Settings

    eng = connect(Settings(home=tmp_path / "home", database_url=db_url))
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def maven_dir() -> Path:
    need_or_skip(MAVEN_DIR.is_dir(), f"the Maven CRM files are not at {MAVEN_DIR}")
    return MAVEN_DIR


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic company, generated once per test session."""
    out = tmp_path_factory.mktemp("demo")
    generate(out, deals=400, seed=11)
    return out


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, for checking that a failed import changed nothing."""
    from copilot.crm.models import Base

    with engine.connect() as conn:
        return {
            table.name: sorted(map(tuple, conn.execute(table.select()).all()), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server (``chroma run``) on a free local port, for the CHROMA_URL path."""
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    need_or_skip(exe is not None, "the chroma command is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("the Chroma server did not start")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path):  # noqa: ANN201
    """The small demo company imported into a SQLite workspace: (settings, engine)."""
    from connectors.activities import import_activities
    from connectors.maven import import_maven
    from connectors.notes import import_notes
    from copilot.settings import Settings
    from copilot.workspace import open_database

    settings = Settings(home=tmp_path_factory.mktemp("demo-ws"), database_url=None)
    engine = open_database(settings)
    assert import_maven(engine, demo_dir).committed
    assert import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv").committed
    assert import_notes(engine, demo_dir / "deal_notes.csv").committed
    return settings, engine


def private_copy(demo_workspace, tmp_path_factory: pytest.TempPathFactory, name: str, **settings: Any):  # noqa: ANN001, ANN201
    """A private copy of the demo company's database, for tests that write to it: (settings, engine)."""
    import sqlite3

    from copilot.settings import Settings
    from copilot.workspace import open_database

    source_settings, _ = demo_workspace
    home = tmp_path_factory.mktemp(name)
    with sqlite3.connect(source_settings.home / "crm.sqlite3") as source, \
            sqlite3.connect(home / "crm.sqlite3") as copy:
        source.backup(copy)
    mine = Settings(home=home, database_url=None, **settings)
    return mine, open_database(mine)


@pytest.fixture(scope="session")
def talk_store(demo_workspace):  # noqa: ANN001, ANN201
    """The demo workspace's deal notes, indexed in a local Chroma store."""
    from tools.talk_tracks.indexer import index_deals
    from tools.talk_tracks.store import TalkTrackStore

    settings, engine = demo_workspace
    store = TalkTrackStore(settings)
    report = index_deals(engine, store)
    assert report.embedded == report.documents > 0
    return store
