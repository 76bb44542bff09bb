"""Whatever bytes arrive, an import ends in a clear error or a report, never a crash or a partial write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from connectors.activities import import_activities
from connectors.csvsource import ImportFileError
from connectors.maven import import_maven
from tests.conftest import snapshot

HEADER = b"activity_id,occurred_at,type,direction,sales_agent,account,contact_email,opportunity_id,subject,body,in_reply_to\n"
cell = st.one_of(st.text(max_size=30), st.sampled_from(["email", "inbound", "2026-01-05T09:00:00+00:00", ""]))
row = st.lists(cell, min_size=0, max_size=13).map(
    lambda cells: ",".join('"' + c.replace('"', '""') + '"' for c in cells).encode("utf-8", "surrogatepass"))


@pytest.fixture
def loaded(engine: Engine, demo_dir: Path) -> Engine:
    assert import_maven(engine, demo_dir).committed
    return engine


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.binary(max_size=400), st.lists(row, max_size=8).map(lambda rows: HEADER + b"\n".join(rows))))
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_random_activity_files(body: bytes, loaded: Engine, tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_bytes(body)
    before = snapshot(loaded)
    try:
        report = import_activities(loaded, path)
    except ImportFileError as exc:
        assert "activities.csv" in str(exc)
        assert snapshot(loaded) == before
        return
    if not report.committed:
        assert report.rejected_total > 0
        assert snapshot(loaded) == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(max_size=300))
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_random_maven_accounts(garbage: bytes, loaded: Engine, demo_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "maven"
    folder.mkdir(exist_ok=True)
    for name in ("products.csv", "sales_teams.csv", "sales_pipeline.csv"):
        (folder / name).write_bytes((demo_dir / name).read_bytes())
    (folder / "accounts.csv").write_bytes(garbage)
    before = snapshot(loaded)
    try:
        report = import_maven(loaded, folder)
    except ImportFileError as exc:
        assert "accounts.csv" in str(exc)
        assert snapshot(loaded) == before
        return
    assert report.committed or snapshot(loaded) == before
